import Synchronization

/// Interned values (employee and organisation ids, functions, caos, decision lists) shared by
/// every ledger of the process, so that a staff fact holds 32-bit ids instead of strings.
///
/// Interning takes a lock; reading an id back does not: values live in chunks that never move
/// and are written once, before their id is handed out. A sidecar's table of distinct values
/// loads into an empty pool without hashing (`loadIfEmpty`): its indices become the ids, and
/// the values are hashed only if something is interned later.
final class InternPool<Value: Hashable & Sendable>: @unchecked Sendable {
  private static var chunkBits: Int { 12 }
  private static var chunkSize: Int { 1 << chunkBits }
  private static var chunkCount: Int { 1 << 16 }

  private let chunks: UnsafeMutablePointer<UnsafeMutablePointer<Value>?>
  /// The ids of the first `indexed` values, and how many values there are.
  private let index = Mutex<(ids: [Value: Int32], count: Int, indexed: Int)>(([:], 0, 0))

  init() {
    chunks = .allocate(capacity: Self.chunkCount)
    chunks.initialize(repeating: nil, count: Self.chunkCount)
  }

  /// The id of `value`, interning it the first time.
  func id(_ value: Value) -> Int32 {
    index.withLock { state in
      if state.indexed < state.count {
        for id in state.indexed..<state.count { state.ids[self.value(Int32(id))] = Int32(id) }
        state.indexed = state.count
      }
      if let id = state.ids[value] { return id }
      let id = state.count
      store(value, at: id)
      state.count += 1
      state.indexed = state.count
      state.ids[value] = Int32(id)
      return Int32(id)
    }
  }

  /// Puts `value` in slot `id` (not yet handed out).
  private func store(_ value: Value, at id: Int) {
    let chunk = id >> Self.chunkBits
    precondition(chunk < Self.chunkCount, "too many distinct values to intern")
    if chunks[chunk] == nil { chunks[chunk] = .allocate(capacity: Self.chunkSize) }
    (chunks[chunk].unsafelyUnwrapped + (id & (Self.chunkSize - 1))).initialize(to: value)
  }

  /// Loads `values` (distinct) into the pool if it is empty, so that the id of `values[i]` is
  /// `i`, without hashing them now; false (and nothing loaded) when the pool is not empty.
  func loadIfEmpty(_ count: Int, _ value: (Int) throws(ByteReader.Truncated) -> Value)
    throws(ByteReader.Truncated) -> Bool
  {
    try index.withLock { state throws(ByteReader.Truncated) -> Bool in
      guard state.count == 0 else { return false }
      for id in 0..<count {
        store(try value(id), at: id)
        state.count = id + 1
      }
      return true
    }
  }

  /// The value of an id this pool handed out.
  @inline(__always)
  func value(_ id: Int32) -> Value {
    let id = Int(id)
    return chunks[id >> Self.chunkBits].unsafelyUnwrapped[id & (Self.chunkSize - 1)]
  }
}

/// The pools of staff facts.
enum Interned {
  /// Strings.
  static let strings = InternPool<String>()
  /// Lists of strings (decisions, OR advice), as the ids of their members in `strings`.
  static let lists = InternPool<[Int32]>()

  /// The id of an optional string; -1 for nil.
  @inline(__always)
  static func id(_ text: String?) -> Int32 { text.map { strings.id($0) } ?? -1 }

  /// The optional string of an id; nil for -1.
  @inline(__always)
  static func text(_ id: Int32) -> String? { id < 0 ? nil : strings.value(id) }

  /// The id of a list; -1 for the empty list.
  static func id(_ list: [String]) -> Int32 {
    list.isEmpty ? -1 : lists.id(list.map { strings.id($0) })
  }

  /// The list of an id; empty for -1.
  static func list(_ id: Int32) -> [String] {
    id < 0 ? [] : lists.value(id).map { strings.value($0) }
  }
}
