import Testing

@testable import EventLog

/// The RFC 6962 test data published with the transparency-dev Merkle code (copied from
/// Vectors/rfc6962-tree-hashes.json).
enum RFC6962Vectors {
  /// The eight leaf inputs, in hexadecimal.
  static let leafInputsHex = [
    "", "00", "10", "2021", "3031", "40414243", "5051525354555657",
    "606162636465666768696a6b6c6d6e6f",
  ]

  /// `rootsHex[n]` is the tree hash of the first n leaf inputs.
  static let rootsHex = [
    "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
    "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
    "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
    "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
    "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
    "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
    "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
    "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
    "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328",
  ]

  /// The leaf inputs as bytes.
  static var leafInputs: [[UInt8]] {
    leafInputsHex.map { hex in
      let digits = Array(hex.utf8)
      return stride(from: 0, to: digits.count, by: 2).map { index in
        hexValue(digits[index]) << 4 | hexValue(digits[index + 1])
      }
    }
  }

  /// The value of a lowercase hexadecimal ASCII digit.
  private static func hexValue(_ digit: UInt8) -> UInt8 {
    digit >= UInt8(ascii: "a") ? digit - UInt8(ascii: "a") + 10 : digit - UInt8(ascii: "0")
  }
}

/// The RFC 6962 root computed straight from the definition, on byte arrays, for cross-checking.
func referenceRoot(_ leafHashes: ArraySlice<SHA256Digest>) -> SHA256Digest {
  switch leafHashes.count {
  case 0:
    return SHA256.hash([])
  case 1:
    return leafHashes[leafHashes.startIndex]
  default:
    var split = 1
    while split * 2 < leafHashes.count {
      split *= 2
    }
    let middle = leafHashes.startIndex + split
    let left = referenceRoot(leafHashes[..<middle])
    let right = referenceRoot(leafHashes[middle...])
    return SHA256.hash([0x01] + left.bytes + right.bytes)
  }
}

@Suite("RFC 6962 Merkle tree")
struct MerkleTreeTests {
  @Test("A leaf hash is SHA-256 of 0x00 and the leaf, a node hash SHA-256 of 0x01 and both")
  func leafAndNodeDefinitions() {
    var generator = SeededGenerator(seed: 6962)
    for length in [0, 1, 31, 55, 63, 64, 65, 300] {
      let leaf = generator.bytes(length)
      #expect(MerkleTree.leafHash(leaf) == SHA256.hash([0x00] + leaf), "length \(length)")
      #expect(leaf.withUnsafeBytes { MerkleTree.leafHash($0) } == SHA256.hash([0x00] + leaf))
    }
    let left = SHA256.hash("left")
    let right = SHA256.hash("right")
    #expect(MerkleTree.nodeHash(left, right) == SHA256.hash([0x01] + left.bytes + right.bytes))
    #expect(MerkleTree.nodeHash(left, right) != MerkleTree.nodeHash(right, left))
  }

  @Test("The empty tree's root is SHA-256 of nothing")
  func emptyTree() {
    #expect(MerkleTree.rootHash(leafHashes: []) == SHA256.hash([]))
    #expect(MerkleTree.emptyRootHash.hexString == RFC6962Vectors.rootsHex[0])
    #expect(MerkleTreeBuilder().rootHash() == SHA256.hash([]))
    #expect(MerkleTreeBuilder().size == 0)
  }

  @Test(
    "rootHash(leafHashes:) gives the published root for the first n test leaves",
    arguments: 0...8)
  func recursiveRootMatchesVectors(size: Int) {
    let leafHashes = RFC6962Vectors.leafInputs.prefix(size).map { MerkleTree.leafHash($0) }
    #expect(MerkleTree.rootHash(leafHashes: leafHashes).hexString == RFC6962Vectors.rootsHex[size])
  }

  @Test("The streaming builder gives the published root after each test leaf", arguments: 0...8)
  func builderMatchesVectors(size: Int) {
    var byLeaf = MerkleTreeBuilder()
    var byLeafHash = MerkleTreeBuilder()
    var byRawLeaf = MerkleTreeBuilder()
    for leaf in RFC6962Vectors.leafInputs.prefix(size) {
      byLeaf.append(leaf: leaf)
      byLeafHash.append(leafHash: MerkleTree.leafHash(leaf))
      leaf.withUnsafeBytes { byRawLeaf.append(leaf: $0) }
    }
    #expect(byLeaf.size == size)
    #expect(byLeaf.rootHash().hexString == RFC6962Vectors.rootsHex[size])
    #expect(byLeafHash.rootHash().hexString == RFC6962Vectors.rootsHex[size])
    #expect(byRawLeaf.rootHash().hexString == RFC6962Vectors.rootsHex[size])
  }

  @Test("The builder equals the recursive root for every size from 0 to 300 of random leaves")
  func builderEqualsRecursiveRoot() {
    var generator = SeededGenerator(seed: 301)
    var builder = MerkleTreeBuilder()
    var leafHashes: [SHA256Digest] = []
    for size in 0...300 {
      if size > 0 {
        let leaf = generator.bytes(Int.random(in: 0...80, using: &generator))
        leafHashes.append(MerkleTree.leafHash(leaf))
        builder.append(leaf: leaf)
      }
      #expect(builder.size == size)
      let recursive = MerkleTree.rootHash(leafHashes: leafHashes)
      #expect(builder.rootHash() == recursive, "size \(size)")
      if size <= 70 || size.nonzeroBitCount == 1 || size == 300 {
        #expect(recursive == referenceRoot(leafHashes[...]), "size \(size)")
      }
    }
  }

  @Test("The split point is the largest power of two smaller than the leaf count")
  func splitPoint() {
    let expected = [(2, 1), (3, 2), (4, 2), (5, 4), (8, 4), (9, 8), (1000, 512), (1024, 512)]
    for (count, split) in expected {
      #expect(MerkleTree.largestPowerOfTwo(below: count) == split, "\(count) leaves")
    }
    #expect(MerkleTree.largestPowerOfTwo(below: Int.max) == 1 << (Int.bitWidth - 2))
  }
}
