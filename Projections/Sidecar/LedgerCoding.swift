import CanonicalJSON
import TransitionDomain

/// Little-endian binary writing of a ledger; no floating point, no Foundation.
struct ByteWriter {
  var bytes: [UInt8] = []

  mutating func int(_ value: Int64) {
    var raw = UInt64(bitPattern: value)
    for _ in 0..<8 {
      bytes.append(UInt8(truncatingIfNeeded: raw))
      raw >>= 8
    }
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

/// Reads what `ByteWriter` wrote; every read is bounds-checked.
struct ByteReader {
  struct Truncated: Error {}
  let bytes: [UInt8]
  var offset = 0
  /// The end of what may be read (`bytes.count` unless given).
  let end: Int

  init(_ bytes: [UInt8], count: Int? = nil) {
    self.bytes = bytes
    self.end = min(count ?? bytes.count, bytes.count)
  }

  mutating func int() throws(Truncated) -> Int64 {
    guard offset + 8 <= end else { throw Truncated() }
    let start = offset
    let raw = bytes.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: start, as: UInt64.self) }
    offset += 8
    return Int64(bitPattern: UInt64(littleEndian: raw))
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
    return String(decoding: bytes[offset..<offset + length], as: UTF8.self)
  }
  mutating func day() throws(Truncated) -> CalendarDay {
    let number = try int()
    guard abs(number) < 3_000_000 else { throw Truncated() }
    return CalendarDay(dayNumber: Int(number))
  }
  mutating func strings() throws(Truncated) -> [String] {
    let total = try count()
    var values: [String] = []
    values.reserveCapacity(total)
    for _ in 0..<total { values.append(try string()) }
    return values
  }
}

extension Ledger {
  /// Why encoded ledger bytes cannot be read.
  struct DecodingProblem: Error {
    let reason: String
  }

  /// The ledger as bytes (the sidecar's payload).
  func encoded() -> [UInt8] {
    var writer = ByteWriter()
    writer.int(lastSeq)
    for value in recordedMilliseconds { writer.int(value) }
    for id in recordIDs { writer.string(id) }
    writer.bytes.append(contentsOf: typeIndices)
    for map in [sourceOf, standing] {
      writer.int(Int64(map.count))
      for key in map.keys.sorted() {
        writer.int(key)
        writer.int(map[key] ?? 0)
      }
    }
    writer.int(Int64(staffFacts.count))
    for fact in staffFacts { fact.encode(into: &writer) }
    writer.int(Int64(versions.count))
    for version in versions {
      writer.int(version.seq)
      writer.int(version.source)
      writer.string(version.id)
      writer.day(version.effective)
      writer.string(version.precision.rawValue)
      writer.int(version.recordedMilliseconds)
      writer.bool(version.patched)
      writer.int(version.span.from)
      writer.int(version.span.until)
      writer.bool(version.span.original)
      writer.string(DomainEvent.payloadTypes[Int(version.typeIndex)].eventType)
      let data = version.storage.canonicalData
      writer.int(Int64(data.count))
      writer.bytes.append(contentsOf: data)
    }
    return writer.bytes
  }

  /// The ledger `encoded()` wrote.
  init(decoding bytes: [UInt8]) throws(DecodingProblem) {
    try self.init(decoding: bytes, in: 0..<bytes.count)
  }

  /// The ledger `encoded()` wrote into `range` of `bytes`.
  init(decoding bytes: [UInt8], in range: Range<Int>) throws(DecodingProblem) {
    var reader = ByteReader(bytes, count: range.upperBound)
    reader.offset = range.lowerBound
    let shared = SharedBytes(bytes)
    do {
      self.init()
      lastSeq = try reader.int()
      guard lastSeq >= 0, lastSeq <= Int64(range.count) else {
        throw DecodingProblem(reason: "record count \(lastSeq) is impossible")
      }
      let count = Int(lastSeq)
      recordedMilliseconds.reserveCapacity(count)
      for _ in 0..<count { recordedMilliseconds.append(try reader.int()) }
      recordIDs.reserveCapacity(count)
      for _ in 0..<count { recordIDs.append(try reader.string()) }
      for _ in 0..<count {
        let index = try reader.byte()
        guard Int(index) < DomainEvent.payloadTypes.count else {
          throw DecodingProblem(reason: "event type index \(index) is unknown")
        }
        typeIndices.append(index)
      }
      for slot in 0..<2 {
        var map: [Int64: Int64] = [:]
        for _ in 0..<(try reader.count()) { map[try reader.int()] = try reader.int() }
        if slot == 0 { sourceOf = map } else { standing = map }
      }
      let factCount = try reader.count()
      staffFacts.reserveCapacity(factCount)
      for _ in 0..<factCount { staffFacts.append(try StaffFact(decoding: &reader)) }
      for _ in 0..<(try reader.count()) {
        let seq = try reader.int()
        let source = try reader.int()
        let id = try reader.string()
        let effective = try reader.day()
        guard let precision = DatePrecision(rawValue: try reader.string()) else {
          throw DecodingProblem(reason: "unknown date precision")
        }
        let recorded = try reader.int()
        let patched = try reader.bool()
        let span = Span(
          from: try reader.int(), until: try reader.int(), original: try reader.bool())
        let type = try reader.string()
        let length = try reader.count()
        let range = reader.offset..<reader.offset + length
        reader.offset += length
        guard let typeIndex = Ledger.typeIndex(of: type) else {
          throw DecodingProblem(reason: "version \(seq) has the unknown type \(type)")
        }
        appendVersion(
          RecordVersion(
            seq: seq, source: source, id: id, effective: effective, precision: precision,
            recordedMilliseconds: recorded, patched: patched, span: span, typeIndex: typeIndex,
            storage: LazyEvent(typeIndex: typeIndex, bytes: shared, range: range)),
          typeIndex: typeIndex)
      }
    } catch let problem as DecodingProblem {
      throw problem
    } catch {
      throw DecodingProblem(reason: "it ends too early")
    }
    guard reader.offset == range.upperBound else {
      throw DecodingProblem(reason: "\(range.upperBound - reader.offset) bytes follow the ledger")
    }
  }
}

extension StaffFact {
  func encode(into writer: inout ByteWriter) {
    writer.string(employee)
    writer.byte(kind.rawValue)
    writer.int(seq)
    writer.int(source)
    writer.day(effective)
    writer.int(span.from)
    writer.int(span.until)
    writer.bool(span.original)
    for text in [employer, from, function, cao, team, host, line, legalForm] {
      writer.optional(text) { $0.string($1) }
    }
    for fte in [contractFTE, fte] { writer.optional(fte) { $0.int($1.tenThousandths) } }
    writer.optional(contractType) { $0.string($1.rawValue) }
    for day in [contractEnd, until] { writer.optional(day) { $0.day($1) } }
    writer.strings(decisions)
    writer.strings(advice)
  }

  init(decoding reader: inout ByteReader) throws {
    let employee = try reader.string()
    guard let kind = Kind(rawValue: try reader.byte()) else { throw ByteReader.Truncated() }
    let seq = try reader.int()
    let source = try reader.int()
    let effective = try reader.day()
    let span = Span(from: try reader.int(), until: try reader.int(), original: try reader.bool())
    self.init(
      employee: employee, kind: kind, seq: seq, source: source, effective: effective, span: span)
    var texts: [String?] = []
    for _ in 0..<8 { texts.append(try reader.bool() ? try reader.string() : nil) }
    (employer, from, function, cao, team, host, line, legalForm) = (
      texts[0], texts[1], texts[2], texts[3], texts[4], texts[5], texts[6], texts[7]
    )
    var ftes: [FTE?] = []
    for _ in 0..<2 {
      if try reader.bool() {
        let value = try reader.int()
        guard value >= 0 else { throw ByteReader.Truncated() }
        ftes.append(FTE(tenThousandths: value))
      } else {
        ftes.append(nil)
      }
    }
    (contractFTE, fte) = (ftes[0], ftes[1])
    if try reader.bool() {
      guard let type = ContractType(rawValue: try reader.string()) else {
        throw ByteReader.Truncated()
      }
      contractType = type
    }
    contractEnd = try reader.bool() ? try reader.day() : nil
    until = try reader.bool() ? try reader.day() : nil
    decisions = try reader.strings()
    advice = try reader.strings()
  }
}
