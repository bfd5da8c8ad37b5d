import CanonicalJSON
import TransitionDomain

/// Little-endian binary writing of a ledger; no floating point, no Foundation.
struct ByteWriter {
  var bytes: [UInt8] = []

  mutating func int(_ value: Int64) {
    withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
  }
  mutating func int32(_ value: Int32) {
    withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
  }
  mutating func byte(_ value: UInt8) { bytes.append(value) }
  mutating func bool(_ value: Bool) { bytes.append(value ? 1 : 0) }
  mutating func string(_ value: String) {
    let utf8 = Array(value.utf8)
    int(Int64(utf8.count))
    bytes.append(contentsOf: utf8)
  }
  mutating func day(_ value: CalendarDay) { int(Int64(value.dayNumber)) }
  mutating func optional<T>(_ value: T?, _ write: (inout ByteWriter, T) -> Void) {
    bool(value != nil)
    if let value { write(&self, value) }
  }
  mutating func strings(_ values: [String]) {
    int(Int64(values.count))
    for value in values { string(value) }
  }
}

/// Reads what `ByteWriter` wrote from memory the caller keeps alive (a mapped sidecar); every
/// read is bounds-checked.
struct ByteReader {
  struct Truncated: Error {}
  let bytes: UnsafeRawBufferPointer
  var offset = 0
  /// The end of what may be read.
  var end: Int { bytes.count }

  init(_ bytes: UnsafeRawBufferPointer) {
    self.bytes = bytes
  }

  mutating func int() throws(Truncated) -> Int64 {
    guard offset + 8 <= end else { throw Truncated() }
    let raw = bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
    offset += 8
    return Int64(bitPattern: UInt64(littleEndian: raw))
  }
  mutating func int32() throws(Truncated) -> Int32 {
    guard offset + 4 <= end else { throw Truncated() }
    let raw = bytes.loadUnaligned(fromByteOffset: offset, as: UInt32.self)
    offset += 4
    return Int32(bitPattern: UInt32(littleEndian: raw))
  }
  mutating func count() throws(Truncated) -> Int {
    let value = try int()
    guard value >= 0, value <= end - offset else { throw Truncated() }
    return Int(value)
  }
  mutating func byte() throws(Truncated) -> UInt8 {
    guard offset < end else { throw Truncated() }
    offset += 1
    return bytes[offset - 1]
  }
  mutating func bool() throws(Truncated) -> Bool { try byte() != 0 }
  mutating func string() throws(Truncated) -> String {
    let length = try count()
    defer { offset += length }
    return String(
      decoding: UnsafeRawBufferPointer(rebasing: bytes[offset..<offset + length]), as: UTF8.self)
  }
  mutating func bytes(_ count: Int) throws(Truncated) -> UnsafeRawBufferPointer {
    guard count >= 0, count <= end - offset else { throw Truncated() }
    defer { offset += count }
    return UnsafeRawBufferPointer(rebasing: bytes[offset..<offset + count])
  }

  /// Reads a string table of `count` length-prefixed UTF-8 strings into the string pool.
  ///
  /// Into an empty pool (a fresh process) they load as they are, their indices the ids, nothing
  /// hashed; otherwise each is interned. Returns the pool id of each index, or nil when the ids
  /// are the indices.
  mutating func internStrings(_ count: Int) throws(Truncated) -> [Int32]? {
    var starts: [Int] = []
    starts.reserveCapacity(count)
    for _ in 0..<count {
      starts.append(offset)
      _ = try bytes(try self.count())
    }
    let table = bytes
    func stored(_ index: Int) throws(Truncated) -> String {
      var text = ByteReader(table)
      text.offset = starts[index]
      return try text.string()
    }
    if try Interned.strings.loadIfEmpty(count, stored) { return nil }
    var ids: [Int32] = []
    ids.reserveCapacity(count)
    for index in 0..<count { ids.append(Interned.strings.id(try stored(index))) }
    return ids
  }

  /// Reads a list table of `count` lists into the list pool, as `internStrings` does.
  ///
  /// Each list is a member count, then Int32 indices into a string table of `stringCount`
  /// strings whose pool ids are `strings` (see `internStrings`). An index outside the string
  /// table, or an empty list when not `allowingEmpty`, is refused.
  mutating func internLists(
    _ count: Int, stringCount: Int, strings: [Int32]?, allowingEmpty: Bool
  ) throws(Truncated) -> [Int32]? {
    var lists: [[Int32]] = []
    lists.reserveCapacity(count)
    for _ in 0..<count {
      let memberCount = try self.count()
      guard allowingEmpty || memberCount > 0 else { throw Truncated() }
      var members: [Int32] = []
      members.reserveCapacity(memberCount)
      for _ in 0..<memberCount {
        let index = try int32()
        guard index >= 0, Int(index) < stringCount else { throw Truncated() }
        members.append(strings?[Int(index)] ?? index)
      }
      lists.append(members)
    }
    if try Interned.lists.loadIfEmpty(count, { lists[$0] }) { return nil }
    return lists.map { Interned.lists.id($0) }
  }
}

extension StaffFact {
  /// The bytes of one fact in the sidecar: six 64-bit, fourteen 32-bit and three 8-bit fields.
  static let encodedSize = 6 * 8 + 14 * 4 + 3

  /// Hands `emit` the staff facts section, a megabyte at a time.
  ///
  /// The fact count, one fixed-size record per fact whose strings and lists are indices into
  /// the tables that follow, then the table of their distinct strings and the table of their
  /// distinct lists (read back with no decoding: no string per fact).
  static func encode(
    _ facts: some Collection<StaffFact>, emit: ([UInt8]) throws -> Void
  ) rethrows {
    var strings: [Int32: Int32] = [:]
    var stringOrder: [Int32] = []
    var lists: [Int32: Int32] = [:]
    var listOrder: [Int32] = []
    func local(_ id: Int32) -> Int32 {
      guard id >= 0 else { return -1 }
      if let index = strings[id] { return index }
      let index = Int32(stringOrder.count)
      strings[id] = index
      stringOrder.append(id)
      return index
    }
    func localList(_ id: Int32) -> Int32 {
      guard id >= 0 else { return -1 }
      if let index = lists[id] { return index }
      let index = Int32(listOrder.count)
      lists[id] = index
      listOrder.append(id)
      return index
    }
    var writer = ByteWriter()
    writer.bytes.reserveCapacity((1 << 20) + encodedSize)
    writer.int(Int64(facts.count))
    for fact in facts {
      writer.int(fact.seq)
      writer.int(fact.source)
      writer.int(fact.span.from)
      writer.int(fact.span.until)
      writer.int(fact.contractFTEValue)
      writer.int32(local(fact.employeeID))
      writer.int32(fact.effectiveNumber)
      writer.int32(local(fact.employerID))
      writer.int32(local(fact.fromID))
      writer.int32(local(fact.functionID))
      writer.int32(local(fact.caoID))
      writer.int32(local(fact.teamID))
      writer.int32(local(fact.hostID))
      writer.int32(-1)  // Field 8, unused: once the transfer line id, no longer kept.
      writer.int32(local(fact.legalFormID))
      writer.int32(localList(fact.decisionsID))
      writer.int32(localList(fact.adviceID))
      writer.int32(fact.contractEndNumber)
      writer.int32(fact.untilNumber)
      writer.byte(fact.span.original ? 1 : 0)
      writer.byte(fact.kind.rawValue)
      writer.byte(fact.contractTypeCode)
      writer.int(fact.fteValue)
      if writer.bytes.count >= 1 << 20 {
        try emit(writer.bytes)
        writer.bytes.removeAll(keepingCapacity: true)
      }
    }
    // Lists refer to strings, so intern their members before writing the string table.
    let listMembers = listOrder.map {
      Interned.lists.value($0).map { local($0) }
    }
    writer.int(Int64(stringOrder.count))
    for id in stringOrder { writer.string(Interned.strings.value(id)) }
    writer.int(Int64(listMembers.count))
    for members in listMembers {
      writer.int(Int64(members.count))
      for member in members { writer.int32(member) }
    }
    try emit(writer.bytes)
  }
}

/// The staff facts of a ledger: owned, or read one at a time from a mapped sidecar section (no
/// copy: a query that reads every fact once pays for one decode of each, not for an array).
public struct StaffFacts: RandomAccessCollection, Sendable {
  private enum Storage {
    case owned(PagedArray<StaffFact>)
    case stored(StoredFacts)
  }
  private let storage: Storage

  /// Facts the ledger owns (in memory or in its mapped temporary file).
  init(_ facts: PagedArray<StaffFact>) { storage = .owned(facts) }

  /// Facts read from a sidecar.
  init(_ stored: StoredFacts) { storage = .stored(stored) }

  public var startIndex: Int { 0 }
  public var endIndex: Int {
    switch storage {
    case .owned(let facts): facts.count
    case .stored(let stored): stored.count
    }
  }

  public subscript(position: Int) -> StaffFact {
    switch storage {
    case .owned(let facts): return facts[position]
    case .stored(let stored):
      precondition(position >= 0 && position < stored.count, "staff fact index out of range")
      return stored.fact(at: position)
    }
  }
}

/// The staff facts section of a mapped sidecar, checked once, read fact by fact.
final class StoredFacts: @unchecked Sendable {
  // Immutable after init; the tables are plain memory so reading a fact takes no reference
  // counting. `file` keeps `records` mapped.
  private let file: MappedFile
  /// The first fixed-size record.
  private let records: UnsafeRawPointer
  /// How many facts there are.
  let count: Int
  /// The pool id of each stored string and list index; nil when the indices are the ids (the
  /// tables were loaded into empty pools).
  private let strings: UnsafeMutableBufferPointer<Int32>?
  private let lists: UnsafeMutableBufferPointer<Int32>?
  /// How many strings and lists the tables hold: a stored index outside is read as none, so
  /// no content, however made, makes a read leave the tables.
  private let stringCount: Int32
  private let listCount: Int32

  /// Reads the tables of the section `bytes` (in `file`), interning them, and
  /// checks every record's indices and codes.
  init(file: MappedFile, bytes: UnsafeRawBufferPointer) throws(ByteReader.Truncated) {
    var reader = ByteReader(bytes)
    count = try reader.count()
    guard count <= (reader.end - reader.offset) / StaffFact.encodedSize else {
      throw ByteReader.Truncated()
    }
    let records = try reader.bytes(count * StaffFact.encodedSize)
    // Into empty pools (a fresh process) the tables load as they are, their indices the ids;
    // otherwise each value is interned and the indices mapped to the pool's ids.
    let stringCount = try reader.count()
    let strings = try reader.internStrings(stringCount)
    let listCount = try reader.count()
    let lists = try reader.internLists(
      listCount, stringCount: stringCount, strings: strings, allowingEmpty: true)
    guard count == 0 || stringCount > 0, stringCount < Int32.max, listCount < Int32.max else {
      throw ByteReader.Truncated()
    }
    self.stringCount = Int32(stringCount)
    self.listCount = Int32(listCount)
    // A slice of a mapping (never empty) always has an address.
    guard let start = records.baseAddress else { throw ByteReader.Truncated() }
    self.file = file
    self.records = start
    func table(_ ids: [Int32]?) -> UnsafeMutableBufferPointer<Int32>? {
      guard let ids else { return nil }
      let table = UnsafeMutableBufferPointer<Int32>.allocate(capacity: ids.count)
      _ = table.initialize(from: ids)
      return table
    }
    self.strings = table(strings)
    self.lists = table(lists)
  }

  deinit {
    strings?.deallocate()
    lists?.deallocate()
  }

  /// The fact at `index` (0 ..< count).
  func fact(at index: Int) -> StaffFact {
    let base = records + index * StaffFact.encodedSize
    @inline(__always) func int(_ offset: Int) -> Int64 {
      Int64(littleEndian: base.loadUnaligned(fromByteOffset: offset, as: Int64.self))
    }
    @inline(__always) func int32(_ field: Int) -> Int32 {
      Int32(littleEndian: base.loadUnaligned(fromByteOffset: 40 + field * 4, as: Int32.self))
    }
    @inline(__always) func byte(_ offset: Int) -> UInt8 {
      base.load(fromByteOffset: offset, as: UInt8.self)
    }
    let strings = strings
    let lists = lists
    @inline(__always) func string(_ field: Int) -> Int32 {
      let index = int32(field)
      guard index >= 0, index < stringCount else { return -1 }
      guard let strings else { return index }
      return strings[Int(index)]
    }
    @inline(__always) func list(_ field: Int) -> Int32 {
      let index = int32(field)
      guard index >= 0, index < listCount else { return -1 }
      guard let lists else { return index }
      return lists[Int(index)]
    }
    let employee = string(0)
    var fact = StaffFact(
      employeeID: employee >= 0 ? employee : strings?[0] ?? 0,
      kind: StaffFact.Kind(rawValue: byte(97)) ?? .baseline,
      seq: int(0), source: int(8), effectiveNumber: int32(1),
      span: Span(from: int(16), until: int(24), original: byte(96) != 0))
    fact.contractFTEValue = int(32)
    fact.employerID = string(2)
    fact.fromID = string(3)
    fact.functionID = string(4)
    fact.caoID = string(5)
    fact.teamID = string(6)
    fact.hostID = string(7)
    fact.legalFormID = string(9)
    fact.decisionsID = list(10)
    fact.adviceID = list(11)
    fact.contractEndNumber = int32(12)
    fact.untilNumber = int32(13)
    fact.contractTypeCode = byte(98)
    fact.fteValue = int(99)
    return fact
  }
}
