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
  /// Zero bytes up to the next multiple of 8.
  mutating func align() {
    while bytes.count % 8 != 0 { bytes.append(0) }
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
}

extension StaffFact {
  /// The bytes of one fact in the sidecar: six 64-bit, fourteen 32-bit and three 8-bit fields.
  static let encodedSize = 6 * 8 + 14 * 4 + 3

  /// Writes `facts` as a table of their distinct strings and lists, then one fixed-size record
  /// per fact whose strings and lists are indices into those tables (read back with little
  /// decoding: no string per fact).
  static func encode(_ facts: [StaffFact], into writer: inout ByteWriter) {
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
    var records = ByteWriter()
    records.bytes.reserveCapacity(facts.count * encodedSize)
    for fact in facts {
      for value in [fact.seq, fact.source, fact.span.from, fact.span.until] { records.int(value) }
      records.int(fact.contractFTEValue)
      let ids = [
        local(fact.employeeID), fact.effectiveNumber, local(fact.employerID), local(fact.fromID),
        local(fact.functionID), local(fact.caoID), local(fact.teamID), local(fact.hostID),
        local(fact.lineID), local(fact.legalFormID), localList(fact.decisionsID),
        localList(fact.adviceID), fact.contractEndNumber, fact.untilNumber,
      ]
      for id in ids { records.int32(id) }
      records.byte(fact.span.original ? 1 : 0)
      records.byte(fact.kind.rawValue)
      records.byte(fact.contractTypeCode)
      records.int(fact.fteValue)
    }
    // Lists refer to strings, so intern their members before writing the string table.
    let listMembers = listOrder.map {
      Interned.lists.value($0).map { local(Interned.strings.id($0)) }
    }
    writer.int(Int64(stringOrder.count))
    for id in stringOrder { writer.string(Interned.strings.value(id)) }
    writer.int(Int64(listMembers.count))
    for members in listMembers {
      writer.int(Int64(members.count))
      for member in members { writer.int32(member) }
    }
    writer.int(Int64(facts.count))
    writer.bytes.append(contentsOf: records.bytes)
  }

  /// The facts `encode` wrote.
  static func decodeAll(from reader: inout ByteReader) throws(ByteReader.Truncated) -> [StaffFact] {
    let stringCount = try reader.count()
    var strings: [Int32] = []
    strings.reserveCapacity(stringCount)
    for _ in 0..<stringCount { strings.append(Interned.strings.id(try reader.string())) }
    let listCount = try reader.count()
    var lists: [Int32] = []
    for _ in 0..<listCount {
      let count = try reader.count()
      var members: [String] = []
      for _ in 0..<count {
        let index = try reader.int32()
        guard index >= 0, Int(index) < strings.count else { throw ByteReader.Truncated() }
        members.append(Interned.strings.value(strings[Int(index)]))
      }
      lists.append(Interned.lists.id(members))
    }
    let factCount = try reader.count()
    guard factCount <= (reader.end - reader.offset) / encodedSize else {
      throw ByteReader.Truncated()
    }
    func string(_ index: Int32) throws(ByteReader.Truncated) -> Int32 {
      guard index >= 0 else { return -1 }
      guard Int(index) < strings.count else { throw ByteReader.Truncated() }
      return strings[Int(index)]
    }
    func list(_ index: Int32) throws(ByteReader.Truncated) -> Int32 {
      guard index >= 0 else { return -1 }
      guard Int(index) < lists.count else { throw ByteReader.Truncated() }
      return lists[Int(index)]
    }
    let contractTypes = ContractType.allCases.count
    var facts: [StaffFact] = []
    facts.reserveCapacity(factCount)
    for _ in 0..<factCount {
      let seq = try reader.int()
      let source = try reader.int()
      let from = try reader.int()
      let until = try reader.int()
      let contractFTE = try reader.int()
      let employee = try reader.int32()
      let effective = try reader.int32()
      let ids = (
        try reader.int32(), try reader.int32(), try reader.int32(), try reader.int32(),
        try reader.int32(), try reader.int32(), try reader.int32(), try reader.int32()
      )
      let decisions = try reader.int32()
      let advice = try reader.int32()
      let contractEnd = try reader.int32()
      let untilDay = try reader.int32()
      let original = try reader.byte() != 0
      guard let kind = Kind(rawValue: try reader.byte()) else { throw ByteReader.Truncated() }
      let contractType = try reader.byte()
      guard contractType == 255 || Int(contractType) < contractTypes else {
        throw ByteReader.Truncated()
      }
      let fte = try reader.int()
      guard employee >= 0, contractFTE >= -1, fte >= -1 else { throw ByteReader.Truncated() }
      var fact = StaffFact(
        employeeID: try string(employee), kind: kind, seq: seq, source: source,
        effectiveNumber: effective, span: Span(from: from, until: until, original: original))
      fact.employerID = try string(ids.0)
      fact.fromID = try string(ids.1)
      fact.functionID = try string(ids.2)
      fact.caoID = try string(ids.3)
      fact.teamID = try string(ids.4)
      fact.hostID = try string(ids.5)
      fact.lineID = try string(ids.6)
      fact.legalFormID = try string(ids.7)
      fact.decisionsID = try list(decisions)
      fact.adviceID = try list(advice)
      fact.contractEndNumber = contractEnd
      fact.untilNumber = untilDay
      fact.contractFTEValue = contractFTE
      fact.fteValue = fte
      fact.contractTypeCode = contractType
      facts.append(fact)
    }
    return facts
  }
}
