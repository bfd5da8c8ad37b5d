import CSHA256

/// A 64-bit key of a record id, equal for ids that Swift's `String ==` takes as equal.
///
/// `String ==` compares canonically equivalent strings as equal ("K" and U+212A KELVIN SIGN),
/// so the key hashes the id's NFC form: for an ASCII id (every byte below 0x80, the usual
/// case) that is its bytes as they stand in the line, with no `String` made; any other id
/// is decoded and normalised first. Equal ids always get equal keys; different ids may
/// share a key, so whoever finds a key twice compares the ids themselves before calling them
/// equal.
enum IDKey {
  /// The key of an id given by its UTF-8 bytes (a name in a line holds no escapes).
  static func of(utf8 bytes: UnsafeRawBufferPointer) -> UInt64 {
    if isASCII(bytes) { return hash(bytes) }
    return of(String(decoding: bytes, as: UTF8.self))
  }

  /// The key of an id given as a string.
  static func of(_ id: String) -> UInt64 {
    var id = id
    if id.utf8.allSatisfy({ $0 < 0x80 }) {
      return id.withUTF8 { hash(UnsafeRawBufferPointer($0)) }
    }
    return id._nfcCodeUnits.withUnsafeBytes { hash($0) }
  }

  private static func isASCII(_ bytes: UnsafeRawBufferPointer) -> Bool {
    var offset = 0
    var bits: UInt64 = 0
    while offset + 8 <= bytes.count {
      bits |= bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
      offset += 8
    }
    while offset < bytes.count {
      bits |= UInt64(bytes[offset])
      offset += 1
    }
    return bits & 0x8080_8080_8080_8080 == 0
  }

  /// A random seed per process: keys are never stored, and ids chosen to collide under one
  /// process's keys (which would make every lookup compare many records) do not collide in
  /// another's, as with `String.hashValue`.
  private static let seed = UInt64.random(in: 1...UInt64.max)

  /// A fast 64-bit hash of `bytes` (multiply-mix over 8-byte words, length folded in).
  static func hash(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
    let multiplier: UInt64 = 0x9E37_79B9_7F4A_7C15
    var state: UInt64 = seed ^ (UInt64(bytes.count) &* multiplier)
    var offset = 0
    while offset + 8 <= bytes.count {
      let word = bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
      state = mix(state ^ word)
      offset += 8
    }
    if offset < bytes.count {
      var word: UInt64 = 0
      var shift: UInt64 = 0
      while offset < bytes.count {
        word |= UInt64(bytes[offset]) << shift
        shift += 8
        offset += 1
      }
      state = mix(state ^ word ^ 0x80)
    }
    return mix(state)
  }

  @inline(__always)
  private static func mix(_ value: UInt64) -> UInt64 {
    let product = value.multipliedFullWidth(by: 0x9FB2_1C65_1E98_DF25)
    return product.high ^ product.low
  }
}

/// A flat open-addressing table from id keys (`IDKey`) to the `seq`s of the records that
/// have them; a key may map to several records (different ids that share a key).
///
/// Slot i is the pair (key, seq) at `slots[2i]`, `slots[2i + 1]`, so a probe touches one cache
/// line; key 0 marks an empty slot; the table doubles at half full.
struct IDKeyTable {
  private var slots: [UInt64]
  private var mask: Int
  /// How many entries the table holds.
  private(set) var count = 0

  /// A table sized for about `capacity` entries before it first grows.
  init(capacity: Int = 1024) {
    var size = 16
    while size < capacity * 2 { size <<= 1 }
    slots = [UInt64](repeating: 0, count: 2 * size)
    mask = size - 1
  }

  /// Key 0 marks an empty slot, so a real 0 is stored as 1 (a harmless extra collision).
  @inline(__always)
  private static func stored(_ key: UInt64) -> UInt64 { key == 0 ? 1 : key }

  /// Adds `seq` under `key` (whether or not the key is present already).
  mutating func insert(key: UInt64, seq: Int64) {
    _ = insert(key: key, seq: seq, findFirst: false)
  }

  /// The first `seq` stored under `key`, or nil; then adds `seq` under it (one probe for both).
  mutating func firstThenInsert(key: UInt64, seq: Int64) -> Int64? {
    insert(key: key, seq: seq, findFirst: true)
  }

  private mutating func insert(key: UInt64, seq: Int64, findFirst: Bool) -> Int64? {
    if (count + 1) * 2 > mask + 1 { grow() }
    let key = Self.stored(key)
    let mask = self.mask
    count += 1
    return slots.withUnsafeMutableBufferPointer { table -> Int64? in
      var slot = Int(truncatingIfNeeded: key) & mask
      var first: Int64?
      while table[2 * slot] != 0 {
        if findFirst && first == nil && table[2 * slot] == key {
          first = Int64(bitPattern: table[2 * slot + 1])
        }
        slot = (slot + 1) & mask
      }
      table[2 * slot] = key
      table[2 * slot + 1] = UInt64(bitPattern: seq)
      return first
    }
  }

  /// Adds each `seqs[i]` under `keys[i]`, as `firstThenInsert` one after the other would, and
  /// calls `collided(first, seq)` for each entry whose key was present already.
  ///
  /// Faster than one at a time on a large table: the slot of the key a few places ahead is
  /// prefetched, so the cache misses of several probes overlap.
  mutating func insertAll(
    keys: UnsafeBufferPointer<UInt64>, seqs: UnsafeBufferPointer<Int64>,
    collided: (Int64, Int64) -> Void
  ) {
    precondition(keys.count == seqs.count)
    while (count + keys.count) * 2 > mask + 1 { grow() }
    let mask = self.mask
    count += keys.count
    let distance = 12
    slots.withUnsafeMutableBufferPointer { table in
      let base = table.baseAddress.unsafelyUnwrapped
      for index in keys.indices {
        if index + distance < keys.count {
          let ahead = Int(truncatingIfNeeded: Self.stored(keys[index + distance])) & mask
          tt_prefetch_write(base + 2 * ahead)
        }
        let key = Self.stored(keys[index])
        var slot = Int(truncatingIfNeeded: key) & mask
        var first: Int64?
        while table[2 * slot] != 0 {
          if first == nil && table[2 * slot] == key {
            first = Int64(bitPattern: table[2 * slot + 1])
          }
          slot = (slot + 1) & mask
        }
        table[2 * slot] = key
        table[2 * slot + 1] = UInt64(bitPattern: seqs[index])
        if let first { collided(first, seqs[index]) }
      }
    }
  }

  /// Hints the cache to load the slot where a probe for `key` starts.
  func prefetch(key: UInt64) {
    let slot = Int(truncatingIfNeeded: Self.stored(key)) & mask
    slots.withUnsafeBufferPointer { tt_prefetch_write($0.baseAddress.unsafelyUnwrapped + 2 * slot) }
  }

  /// Every `seq` stored under `key`, in no particular order.
  func seqs(for key: UInt64) -> [Int64] {
    let key = Self.stored(key)
    return slots.withUnsafeBufferPointer { table in
      var slot = Int(truncatingIfNeeded: key) & mask
      var found: [Int64] = []
      while table[2 * slot] != 0 {
        if table[2 * slot] == key { found.append(Int64(bitPattern: table[2 * slot + 1])) }
        slot = (slot + 1) & mask
      }
      return found
    }
  }

  /// Whether any entry has `key`.
  func contains(key: UInt64) -> Bool {
    let key = Self.stored(key)
    return slots.withUnsafeBufferPointer { table in
      var slot = Int(truncatingIfNeeded: key) & mask
      while table[2 * slot] != 0 {
        if table[2 * slot] == key { return true }
        slot = (slot + 1) & mask
      }
      return false
    }
  }

  private mutating func grow() {
    let old = slots
    let size = 2 * (mask + 1)
    slots = [UInt64](repeating: 0, count: 2 * size)
    mask = size - 1
    let mask = self.mask
    slots.withUnsafeMutableBufferPointer { table in
      old.withUnsafeBufferPointer { old in
        for index in 0..<(old.count / 2) where old[2 * index] != 0 {
          var slot = Int(truncatingIfNeeded: old[2 * index]) & mask
          while table[2 * slot] != 0 { slot = (slot + 1) & mask }
          table[2 * slot] = old[2 * index]
          table[2 * slot + 1] = old[2 * index + 1]
        }
      }
    }
  }
}
