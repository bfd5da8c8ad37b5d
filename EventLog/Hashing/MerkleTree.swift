/// RFC 6962 (Certificate Transparency) Merkle tree hashing over SHA-256.
///
/// A leaf hashes as SHA-256(0x00 || leaf), an interior node as SHA-256(0x01 || left || right), and
/// the tree of no leaves as SHA-256 of the empty string (RFC 6962 §2.1).
public enum MerkleTree {
  /// The root of the tree with no leaves: SHA-256 of the empty string.
  public static let emptyRootHash = SHA256.hash(UnsafeRawBufferPointer(start: nil, count: 0))

  /// The hash of a leaf: SHA-256(0x00 || `leaf`).
  public static func leafHash(_ leaf: UnsafeRawBufferPointer) -> SHA256Digest {
    var hasher = SHA256Hasher()
    hasher.update(byte: 0x00)
    hasher.update(leaf)
    return hasher.finalize()
  }

  /// The hash of a leaf: SHA-256(0x00 || `leaf`).
  public static func leafHash(_ leaf: [UInt8]) -> SHA256Digest {
    leaf.withUnsafeBytes { leafHash($0) }
  }

  /// The hash of an interior node: SHA-256(0x01 || `left` || `right`).
  public static func nodeHash(_ left: SHA256Digest, _ right: SHA256Digest) -> SHA256Digest {
    withUnsafeTemporaryAllocation(byteCount: 65, alignment: 8) { buffer in
      buffer.storeBytes(of: 0x01, toByteOffset: 0, as: UInt8.self)
      buffer.storeBytes(of: left.w0.bigEndian, toByteOffset: 1, as: UInt64.self)
      buffer.storeBytes(of: left.w1.bigEndian, toByteOffset: 9, as: UInt64.self)
      buffer.storeBytes(of: left.w2.bigEndian, toByteOffset: 17, as: UInt64.self)
      buffer.storeBytes(of: left.w3.bigEndian, toByteOffset: 25, as: UInt64.self)
      buffer.storeBytes(of: right.w0.bigEndian, toByteOffset: 33, as: UInt64.self)
      buffer.storeBytes(of: right.w1.bigEndian, toByteOffset: 41, as: UInt64.self)
      buffer.storeBytes(of: right.w2.bigEndian, toByteOffset: 49, as: UInt64.self)
      buffer.storeBytes(of: right.w3.bigEndian, toByteOffset: 57, as: UInt64.self)
      return SHA256.hash(UnsafeRawBufferPointer(buffer))
    }
  }

  /// The root hash of the tree with these leaf hashes, by the recursive definition of RFC 6962.
  ///
  /// A tree of n > 1 leaves is split at k, the largest power of two smaller than n: the root is
  /// `nodeHash(root(first k leaves), root(the other n - k))`. One leaf is its own root; no leaves
  /// give `emptyRootHash`.
  public static func rootHash(leafHashes: [SHA256Digest]) -> SHA256Digest {
    leafHashes.withUnsafeBufferPointer { subtreeRoot($0, 0..<$0.count) }
  }

  /// The root of the subtree over `leafHashes[range]`.
  private static func subtreeRoot(
    _ leafHashes: UnsafeBufferPointer<SHA256Digest>, _ range: Range<Int>
  )
    -> SHA256Digest
  {
    let count = range.count
    if count == 0 { return emptyRootHash }
    if count == 1 { return leafHashes[range.lowerBound] }
    let split = range.lowerBound + largestPowerOfTwo(below: count)
    return nodeHash(
      subtreeRoot(leafHashes, range.lowerBound..<split),
      subtreeRoot(leafHashes, split..<range.upperBound))
  }

  /// The largest power of two strictly smaller than `n`.
  ///
  /// - Precondition: `n >= 2`.
  internal static func largestPowerOfTwo(below n: Int) -> Int {
    precondition(n >= 2, "a tree of \(n) leaves has no split")
    return 1 << (Int.bitWidth - 1 - (n - 1).leadingZeroBitCount)
  }
}

/// Builds an RFC 6962 Merkle tree root one leaf at a time, in O(log n) memory.
///
/// The builder keeps the roots of the perfect subtrees that the leaves so far form, largest and
/// leftmost first, one for each set bit of `size` (like a binary counter: appending a leaf merges
/// equal-sized subtrees as a carry would). `rootHash()` folds them from the right, which gives the
/// same root as `MerkleTree.rootHash(leafHashes:)` for every number of leaves.
public struct MerkleTreeBuilder: Sendable {
  /// The roots of the perfect subtrees, largest first; subtree i has as many leaves as the i-th
  /// highest set bit of `size`.
  private var subtreeRoots: [SHA256Digest] = []

  /// The number of leaves appended so far.
  public private(set) var size: Int = 0

  /// Starts a tree with no leaves.
  public init() {}

  /// Appends a leaf given by its leaf hash (see `MerkleTree.leafHash`).
  public mutating func append(leafHash: SHA256Digest) {
    var node = leafHash
    var carry = size
    while carry & 1 == 1 {
      node = MerkleTree.nodeHash(subtreeRoots.removeLast(), node)
      carry >>= 1
    }
    subtreeRoots.append(node)
    size += 1
  }

  /// Appends a leaf given by its bytes; it is hashed as SHA-256(0x00 || `leaf`).
  public mutating func append(leaf: UnsafeRawBufferPointer) {
    append(leafHash: MerkleTree.leafHash(leaf))
  }

  /// Appends a leaf given by its bytes; it is hashed as SHA-256(0x00 || `leaf`).
  public mutating func append(leaf: [UInt8]) {
    append(leafHash: MerkleTree.leafHash(leaf))
  }

  /// The root hash of the tree of the leaves appended so far.
  public func rootHash() -> SHA256Digest {
    guard var node = subtreeRoots.last else { return MerkleTree.emptyRootHash }
    for index in subtreeRoots.indices.dropLast().reversed() {
      node = MerkleTree.nodeHash(subtreeRoots[index], node)
    }
    return node
  }
}
