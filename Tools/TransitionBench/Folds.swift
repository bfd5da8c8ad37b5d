import CanonicalJSON
import EventLog
import Projections

#if canImport(Glibc)
  import Glibc
#endif

/// A record the bench folds did not expect: the store is not a bench log.
struct UnexpectedRecord: Error, CustomStringConvertible {
  let seq: Int64
  let reason: String
  var description: String { "record \(seq) is not a bench transfer: \(reason)" }
}

/// The three fields every fold needs from a transfer's `data`, read without allocating.
struct TransferFields {
  /// 0-based employee index.
  var employee: Int
  /// Organisation index.
  var to: Int
  /// FTE in hundredths.
  var fteCenti: Int

  /// The most employees an id `E0001`…`E9999` can name.
  static let employeeSlots = 9999

  init(_ record: RawRecord) throws {
    guard record.typeIs("staff.transferred") else {
      throw UnexpectedRecord(seq: record.seq, reason: "type \(record.type)")
    }
    var employee: UnsafeRawBufferPointer?
    var to: UnsafeRawBufferPointer?
    var fte: UnsafeRawBufferPointer?
    Self.forEachMember(record.data) { key, value in
      switch key.count {
      case 8 where Self.equals(key, "employee"): employee = value
      case 2 where Self.equals(key, "to"): to = value
      case 3 where Self.equals(key, "fte"): fte = value
      default: break
      }
    }
    guard let employee, let to, let fte, let index = Self.employeeIndex(employee),
      let org = Self.orgIndex(to), let centi = Self.centi(fte)
    else {
      throw UnexpectedRecord(
        seq: record.seq, reason: "data \(String(decoding: record.data, as: UTF8.self))")
    }
    self.employee = index
    self.to = org
    self.fteCenti = centi
  }

  /// Calls `body` with the raw key (between its quotes) and the raw value of each member of
  /// a validated canonical object, in one pass (`JSONObjectView` walks the object once per
  /// lookup; a fold needs three fields of every record).
  static func forEachMember(
    _ object: UnsafeRawBufferPointer,
    _ body: (UnsafeRawBufferPointer, UnsafeRawBufferPointer) -> Void
  ) {
    let end = object.count
    var index = 1
    while index < end && object[index] == 0x22 {
      let keyStart = index + 1
      index = endOfString(object, from: index)
      let key = UnsafeRawBufferPointer(rebasing: object[keyStart..<max(index - 1, keyStart)])
      guard index < end && object[index] == 0x3A else { return }
      index += 1
      let valueStart = index
      skipValue(object, &index)
      body(key, UnsafeRawBufferPointer(rebasing: object[valueStart..<index]))
      guard index < end && object[index] == 0x2C else { return }
      index += 1
    }
  }

  /// The index just after the string that starts (with its quote) at `start`.
  private static func endOfString(_ bytes: UnsafeRawBufferPointer, from start: Int) -> Int {
    var index = start + 1
    while index < bytes.count {
      let byte = bytes[index]
      if byte == 0x22 { return index + 1 }
      index += byte == 0x5C ? 2 : 1
    }
    return bytes.count
  }

  /// Moves `index` past the validated value that starts there.
  private static func skipValue(_ bytes: UnsafeRawBufferPointer, _ index: inout Int) {
    var depth = 0
    while index < bytes.count {
      switch bytes[index] {
      case 0x22:
        index = endOfString(bytes, from: index)
        if depth == 0 { return }
        continue
      case 0x7B, 0x5B: depth += 1
      case 0x7D, 0x5D:
        if depth == 0 { return }
        depth -= 1
        if depth == 0 {
          index += 1
          return
        }
      case 0x2C where depth == 0: return
      default: break
      }
      index += 1
    }
  }

  /// `"E0001"` (with quotes) → 0.
  static func employeeIndex(_ raw: UnsafeRawBufferPointer) -> Int? {
    guard raw.count == 7, raw[1] == UInt8(ascii: "E") else { return nil }
    var value = 0
    for position in 2..<6 {
      let digit = Int(raw[position]) &- 48
      guard digit >= 0 && digit <= 9 else { return nil }
      value = value * 10 + digit
    }
    return value >= 1 ? value - 1 : nil
  }

  /// `"velsen"` (with quotes) → 1.
  static func orgIndex(_ raw: UnsafeRawBufferPointer) -> Int? {
    guard raw.count >= 2 else { return nil }
    let inner = UnsafeRawBufferPointer(rebasing: raw[1..<(raw.count - 1)])
    switch inner.count {
    case 12: return equals(inner, "ijmond-werkt") ? 0 : nil
    case 6: return equals(inner, "velsen") ? 1 : nil
    case 9:
      if equals(inner, "beverwijk") { return 2 }
      return equals(inner, "heemskerk") ? 3 : nil
    case 8: return equals(inner, "uitgeest") ? 4 : nil
    default: return nil
    }
  }

  /// Whether the raw bytes are exactly `text` (plain ASCII that needs no escape).
  @inline(__always)
  static func equals(_ raw: UnsafeRawBufferPointer, _ text: StaticString) -> Bool {
    raw.count == text.utf8CodeUnitCount
      && memcmp(raw.baseAddress.unsafelyUnwrapped, text.utf8Start, raw.count) == 0
  }

  /// `"0.73"` (with quotes) → 73.
  static func centi(_ raw: UnsafeRawBufferPointer) -> Int? {
    guard raw.count == 6, raw[2] == UInt8(ascii: ".") else { return nil }
    let units = Int(raw[1]) &- 48
    let tenths = Int(raw[3]) &- 48
    let hundredths = Int(raw[4]) &- 48
    guard (0...9).contains(units), (0...9).contains(tenths), (0...9).contains(hundredths) else {
      return nil
    }
    return units * 100 + tenths * 10 + hundredths
  }
}

/// Per employee an organisation and an FTE; prints the summary line of WORKLOADS.md §2.
struct StaffTable {
  var org = [Int8](repeating: -1, count: TransferFields.employeeSlots)
  var fte = [Int32](repeating: 0, count: TransferFields.employeeSlots)

  /// `ijmond-werkt=<fte>/<headcount> … digest=<16 hex>`.
  var summary: String {
    var fteSum = [Int](repeating: 0, count: Orgs.names.count)
    var heads = [Int](repeating: 0, count: Orgs.names.count)
    var hasher = SHA256Hasher()
    for index in org.indices where org[index] >= 0 {
      let organisation = Int(org[index])
      fteSum[organisation] += Int(fte[index])
      heads[organisation] += 1
      hasher.update(
        Array(
          (TransferEvent.employeeID(index) + "," + Orgs.names[organisation] + ","
            + TransferEvent.fteText(Int(fte[index])) + "\n").utf8))
    }
    let parts = Orgs.names.indices.map { index in
      "\(Orgs.names[index])=\(TransferEvent.fteText(fteSum[index]))/\(heads[index])"
    }
    return parts.joined(separator: " ") + " digest=" + hasher.finalize().hexString.prefix(16)
  }
}

/// W3: the current projection, last recorded wins (WORKLOADS.md §2).
struct CurrentFold: RecordFold {
  var table = StaffTable()

  mutating func apply(_ record: RawRecord) throws {
    let fields = try TransferFields(record)
    table.org[fields.employee] = Int8(fields.to)
    table.fte[fields.employee] = Int32(fields.fteCenti)
  }
}

/// W4 by scan: per employee the event with the greatest (effective, seq), effective <= D.
struct AsOfFold: RecordFold {
  let day: LogDay
  var table = StaffTable()
  var bestDay = [Int64](repeating: .min, count: TransferFields.employeeSlots)

  init(day: LogDay) { self.day = day }

  mutating func apply(_ record: RawRecord) throws {
    let effective = record.effective.daysSinceEpoch
    guard effective <= day.daysSinceEpoch else { return }
    let fields = try TransferFields(record)
    // Records come in seq order, so an equal day with a later seq wins.
    guard effective >= bestDay[fields.employee] else { return }
    bestDay[fields.employee] = effective
    table.org[fields.employee] = Int8(fields.to)
    table.fte[fields.employee] = Int32(fields.fteCenti)
  }
}

/// W4 with a sidecar: per employee the timeline of (effective day → organisation, FTE), the
/// last recorded record winning each day, so any date is answered by a binary search.
///
/// Payload (little-endian): UInt32 slot count n, UInt32 0, n + 1 UInt32 entry offsets, then
/// the entries, each a UInt64 `(day + 2^31) << 32 | org << 16 | fte`, sorted by day per
/// employee.
struct AsOfIndexFold: RecordFold {
  static let kind = "w4-asof-index.v1"
  /// Per employee: `(day + 2^31) << 32 | seq` → `org << 16 | fte`, in seq order.
  var timelines = [[(key: UInt64, value: UInt32)]](
    repeating: [], count: TransferFields.employeeSlots)

  mutating func apply(_ record: RawRecord) throws {
    let fields = try TransferFields(record)
    let day = UInt64(bitPattern: record.effective.daysSinceEpoch + (1 << 31)) & 0xFFFF_FFFF
    timelines[fields.employee].append(
      (day << 32 | UInt64(record.seq & 0xFFFF_FFFF), UInt32(fields.to << 16 | fields.fteCenti)))
  }

  func encode() -> [UInt8] {
    var offsets: [UInt32] = [0]
    var entries: [UInt64] = []
    for timeline in timelines {
      let sorted = timeline.sorted { $0.key < $1.key }
      for (position, entry) in sorted.enumerated() {
        // Keep the last record of each day (the greatest seq sorts last).
        if position + 1 < sorted.count && sorted[position + 1].key >> 32 == entry.key >> 32 {
          continue
        }
        entries.append((entry.key >> 32) << 32 | UInt64(entry.value))
      }
      offsets.append(UInt32(entries.count))
    }
    var bytes: [UInt8] = []
    bytes.reserveCapacity(8 + offsets.count * 4 + entries.count * 8)
    for value in [UInt32(timelines.count), 0] + offsets {
      withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }
    for entry in entries {
      withUnsafeBytes(of: entry.littleEndian) { bytes.append(contentsOf: $0) }
    }
    return bytes
  }

  /// The as-of table for `day` from an encoded payload, or nil if the payload is malformed.
  static func query(_ payload: [UInt8], day: LogDay) -> StaffTable? {
    payload.withUnsafeBytes { bytes -> StaffTable? in
      guard bytes.count >= 8 else { return nil }
      let slots = Int(UInt32(littleEndian: bytes.loadUnaligned(as: UInt32.self)))
      let entriesStart = 8 + (slots + 1) * 4
      guard slots <= TransferFields.employeeSlots, bytes.count >= entriesStart else { return nil }
      func offset(_ index: Int) -> Int {
        Int(
          UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: 8 + index * 4, as: UInt32.self)))
      }
      func entry(_ index: Int) -> UInt64 {
        UInt64(
          littleEndian: bytes.loadUnaligned(
            fromByteOffset: entriesStart + index * 8, as: UInt64.self))
      }
      guard entriesStart + offset(slots) * 8 == bytes.count else { return nil }
      let target = UInt64(bitPattern: day.daysSinceEpoch + (1 << 31)) & 0xFFFF_FFFF
      var table = StaffTable()
      for employee in 0..<slots {
        var low = offset(employee)
        var high = offset(employee + 1)
        guard low <= high else { return nil }
        // The first entry whose day is after the target; the one before it answers.
        while low < high {
          let middle = (low + high) / 2
          if entry(middle) >> 32 <= target { low = middle + 1 } else { high = middle }
        }
        guard low > offset(employee) else { continue }
        let found = entry(low - 1)
        let org = Int((found >> 16) & 0xFFFF)
        guard org < Orgs.names.count else { return nil }
        table.org[employee] = Int8(org)
        table.fte[employee] = Int32(found & 0xFFFF)
      }
      return table
    }
  }
}
