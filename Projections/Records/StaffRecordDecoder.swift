import CanonicalJSON
import EventLog
import TransitionDomain

#if canImport(Glibc)
  import Glibc
#endif

/// Reads the hot staff records (transfers, contract changes, secondments, surplus, departures,
/// reassignments) straight from a line's canonical `data` bytes into staff facts, without the
/// `DomainEvent` tree and Codable.
///
/// Strict by deferral: any member it does not know, a missing or mistyped field, a `null`, a
/// duplicate key, a value in a form other than the canonical one, `effectivePrecision` or
/// `source` makes it answer nil, and the caller decodes the record the ordinary way (which then
/// either accepts it or reports exactly the error it always has). When it answers, the facts
/// equal those `StaffFact.facts(of:)` gives for the decoded event (`StaffRecordDecoderTests`).
enum StaffRecordDecoder {
  /// The staff facts of `raw` (with `source` = `seq`, to be adjusted by the fold), and the type
  /// index of its type; nil when the record is not a hot staff type or must take the slow path.
  static func facts(_ raw: RawRecord) -> (facts: [StaffFact], typeIndex: UInt8)? {
    let type = raw.rawType
    guard type.count > 8 else { return nil }
    let effective = RecordCodec.calendarDay(raw.effective)
    let reader = FieldReader(bytes: raw.data)
    let facts: [StaffFact]?
    let kind: Hot
    if JSONCursor.rawStringEquals(type, "StaffTransferred.v1") {
      kind = .transferred
      facts = reader.transfer(seq: raw.seq, effective: effective)
    } else if JSONCursor.rawStringEquals(type, "StaffBaselineRecorded.v1") {
      kind = .baseline
      facts = reader.baseline(seq: raw.seq, effective: effective)
    } else if JSONCursor.rawStringEquals(type, "ContractChanged.v1") {
      kind = .contract
      facts = reader.contract(seq: raw.seq, effective: effective).map { [$0] }
    } else if JSONCursor.rawStringEquals(type, "SecondmentStarted.v1") {
      kind = .secondmentStarted
      facts = reader.secondment(seq: raw.seq, effective: effective, employer: true).map { [$0] }
    } else if JSONCursor.rawStringEquals(type, "SecondmentExtended.v1") {
      kind = .secondmentExtended
      facts = reader.secondment(seq: raw.seq, effective: effective, employer: false).map { [$0] }
    } else if JSONCursor.rawStringEquals(type, "SecondmentEnded.v1") {
      kind = .secondmentEnded
      facts = reader.secondmentEnded(seq: raw.seq, effective: effective).map { [$0] }
    } else if JSONCursor.rawStringEquals(type, "SurplusDeclared.v1") {
      kind = .surplus
      facts = reader.surplus(seq: raw.seq, effective: effective).map { [$0] }
    } else if JSONCursor.rawStringEquals(type, "StaffDeparted.v1") {
      kind = .departed
      facts = reader.departed(seq: raw.seq, effective: effective).map { [$0] }
    } else if JSONCursor.rawStringEquals(type, "StaffReassigned.v1") {
      kind = .reassigned
      facts = reader.reassigned(seq: raw.seq, effective: effective).map { [$0] }
    } else {
      return nil
    }
    guard let facts, let index = kind.typeIndex else { return nil }
    return (facts, index)
  }

  /// The hot types, with their index in `DomainEvent.payloadTypes`.
  private enum Hot: CaseIterable {
    case baseline, transferred, contract, secondmentStarted, secondmentExtended, secondmentEnded,
      surplus
    case departed, reassigned

    var name: String {
      switch self {
      case .baseline: StaffBaselineRecorded.eventType
      case .transferred: StaffTransferred.eventType
      case .contract: ContractChanged.eventType
      case .secondmentStarted: SecondmentStarted.eventType
      case .secondmentExtended: SecondmentExtended.eventType
      case .secondmentEnded: SecondmentEnded.eventType
      case .surplus: SurplusDeclared.eventType
      case .departed: StaffDeparted.eventType
      case .reassigned: StaffReassigned.eventType
      }
    }

    var typeIndex: UInt8? { Self.indices[self] }

    private static let indices: [Hot: UInt8] = {
      var result: [Hot: UInt8] = [:]
      for hot in Hot.allCases {
        if let index = DomainEvent.payloadTypes.firstIndex(where: { $0.eventType == hot.name }) {
          result[hot] = UInt8(index)
        }
      }
      return result
    }()
  }
}

/// Walks the members of a validated canonical object; every read answers nil on anything but
/// the one canonical form the Codable path accepts.
struct FieldReader {
  let bytes: UnsafeRawBufferPointer

  /// One member: the raw key (between its quotes) and the range of its value.
  struct Member {
    let key: UnsafeRawBufferPointer
    let value: Range<Int>
  }

  /// The members of the object spanning `range`, in order; nil when it is not an object.
  func members(_ range: Range<Int>) -> [Member]? {
    var index = range.lowerBound
    let end = range.upperBound
    guard end - index >= 2, bytes[index] == 0x7B else { return nil }
    index += 1
    var result: [Member] = []
    result.reserveCapacity(12)
    if bytes[index] == 0x7D { return result }
    while index < end {
      guard bytes[index] == 0x22 else { return nil }
      let keyEnd = endOfString(from: index)
      let key = UnsafeRawBufferPointer(rebasing: bytes[(index + 1)..<(keyEnd - 1)])
      index = keyEnd
      guard index < end, bytes[index] == 0x3A else { return nil }
      index += 1
      let start = index
      skipValue(&index)
      result.append(Member(key: key, value: start..<index))
      guard index < end else { return nil }
      if bytes[index] == 0x7D { return result }
      guard bytes[index] == 0x2C else { return nil }
      index += 1
    }
    return nil
  }

  /// The elements of the array spanning `range`; nil when it is not an array.
  func elements(_ range: Range<Int>) -> [Range<Int>]? {
    var index = range.lowerBound
    let end = range.upperBound
    guard end - index >= 2, bytes[index] == 0x5B else { return nil }
    index += 1
    var result: [Range<Int>] = []
    if bytes[index] == 0x5D { return result }
    while index < end {
      let start = index
      skipValue(&index)
      result.append(start..<index)
      guard index < end else { return nil }
      if bytes[index] == 0x5D { return result }
      guard bytes[index] == 0x2C else { return nil }
      index += 1
    }
    return nil
  }

  private func endOfString(from start: Int) -> Int {
    var index = start + 1
    while index < bytes.count {
      let byte = bytes[index]
      if byte == 0x22 { return index + 1 }
      index += byte == 0x5C ? 2 : 1
    }
    return bytes.count
  }

  private func skipValue(_ offset: inout Int) {
    var index = offset
    let end = bytes.count
    guard index < end else { return }
    switch bytes[index] {
    case 0x22:
      index = endOfString(from: index)
    case 0x7B, 0x5B:
      var level = 0
      while index < end {
        let byte = bytes[index]
        if byte == 0x22 {
          index = endOfString(from: index)
          continue
        }
        index += 1
        if byte == 0x7B || byte == 0x5B {
          level += 1
        } else if byte == 0x7D || byte == 0x5D {
          level -= 1
          if level == 0 { break }
        }
      }
    default:
      while index < end {
        let byte = bytes[index]
        if byte == 0x2C || byte == 0x7D || byte == 0x5D { break }
        index += 1
      }
    }
    offset = index
  }

  /// Whether a raw key spells `name` (which holds no escapes).
  static func key(_ raw: UnsafeRawBufferPointer, _ name: StaticString) -> Bool {
    raw.count == name.utf8CodeUnitCount
      && memcmp(raw.baseAddress.unsafelyUnwrapped, name.utf8Start, raw.count) == 0
  }

  /// The raw contents of a string value (between its quotes); nil for another value.
  func rawString(_ range: Range<Int>) -> UnsafeRawBufferPointer? {
    guard range.count >= 2, bytes[range.lowerBound] == 0x22, bytes[range.upperBound - 1] == 0x22
    else { return nil }
    return UnsafeRawBufferPointer(rebasing: bytes[(range.lowerBound + 1)..<(range.upperBound - 1)])
  }

  /// A string value.
  func string(_ range: Range<Int>) -> String? {
    rawString(range).map { JSONCursor.decodeString(raw: $0) }
  }

  /// An identifier: a non-empty string.
  func identifier(_ range: Range<Int>) -> String? {
    guard let raw = rawString(range), !raw.isEmpty else { return nil }
    return JSONCursor.decodeString(raw: raw)
  }

  /// An FTE in its one canonical spelling, `0.8889`.
  func fte(_ range: Range<Int>) -> FTE? {
    guard let raw = rawString(range), raw.count >= 6, raw.count <= 16 else { return nil }
    let point = raw.count - 5
    guard raw[point] == 0x2E, point == 1 || raw[0] != 0x30 else { return nil }
    var value: Int64 = 0
    for index in 0..<raw.count where index != point {
      let digit = raw[index] &- 0x30
      guard digit < 10 else { return nil }
      value = value * 10 + Int64(digit)
    }
    return FTE(tenThousandths: value)
  }

  /// A day, `YYYY-MM-DD`, real.
  func day(_ range: Range<Int>) -> CalendarDay? {
    guard let raw = rawString(range), raw.count == 10, raw[4] == 0x2D, raw[7] == 0x2D else {
      return nil
    }
    func number(_ from: Int, _ to: Int) -> Int? {
      var value = 0
      for index in from..<to {
        let digit = raw[index] &- 0x30
        guard digit < 10 else { return nil }
        value = value * 10 + Int(digit)
      }
      return value
    }
    guard let year = number(0, 4), let month = number(5, 7), let day = number(8, 10) else {
      return nil
    }
    return CalendarDay(year: year, month: month, day: day)
  }

  /// Whether the value is a JSON integer that fits an `Int`.
  func isInteger(_ range: Range<Int>) -> Bool {
    var index = range.lowerBound
    if index < range.upperBound, bytes[index] == 0x2D { index += 1 }
    let digits = range.upperBound - index
    guard digits >= 1, digits <= 18 else { return false }
    guard digits == 1 || bytes[index] != 0x30 else { return false }
    while index < range.upperBound {
      guard bytes[index] &- 0x30 < 10 else { return false }
      index += 1
    }
    return true
  }

  /// An enum case from its raw string value.
  func enumValue<E: RawRepresentable<String>>(_ type: E.Type, _ range: Range<Int>) -> E? {
    string(range).flatMap(E.init(rawValue:))
  }

  /// An array of strings; with `identifiers`, each must be non-empty.
  func strings(_ range: Range<Int>, identifiers: Bool) -> [String]? {
    guard let elements = elements(range) else { return nil }
    var result: [String] = []
    result.reserveCapacity(elements.count)
    for element in elements {
      guard let text = identifiers ? identifier(element) : string(element) else { return nil }
      result.append(text)
    }
    return result
  }

  /// The top-level members of the event's own fields (without `correctionReason`,
  /// `effectivePrecision` and `source`), with the precision and provenance decoded; nil when
  /// any of them is not in the form the Codable path reads.
  func common() -> (members: [Member], precision: DatePrecision, source: Provenance?)? {
    guard var members = members(0..<bytes.count) else { return nil }
    var precision: DatePrecision?
    var source: Provenance?
    for member in members {
      if Self.key(member.key, "effectivePrecision") {
        guard precision == nil,
          let value = ByteDecoder.value(DatePrecision.self, member.value, self)
        else { return nil }
        precision = value
      } else if Self.key(member.key, "source") {
        guard source == nil, let value = ByteDecoder.value(Provenance.self, member.value, self)
        else { return nil }
        source = value
      }
    }
    members.removeAll {
      Self.key($0.key, "correctionReason") || Self.key($0.key, "effectivePrecision")
        || Self.key($0.key, "source")
    }
    return (members, precision ?? .day, source)
  }

  /// The event's own top-level members (see `common()`).
  func topMembers() -> [Member]? { common()?.members }

  /// Reads each member through `read`, which answers the bit of the field it took (nil for an
  /// unknown key or a bad value); nil on a duplicate, or when `required` are not all present.
  func read(_ members: [Member], required: UInt32, _ read: (Member) -> UInt32?) -> Bool {
    var seen: UInt32 = 0
    for member in members {
      guard let bit = read(member), seen & bit == 0 else { return false }
      seen |= bit
    }
    return seen & required == required
  }

  private func fact(_ employee: String, _ kind: StaffFact.Kind, _ seq: Int64, _ day: CalendarDay)
    -> StaffFact
  {
    StaffFact(
      employee: employee, kind: kind, seq: seq, source: seq, effective: day,
      span: Span(from: seq, until: .max, original: true))
  }

  func transfer(seq: Int64, effective: CalendarDay) -> [StaffFact]? {
    guard let top = topMembers() else { return nil }
    var lines: [Range<Int>] = []
    let ok = read(top, required: 0b11) { member in
      if Self.key(member.key, "batch") { return string(member.value) == nil ? nil : 0b1 }
      if Self.key(member.key, "lines") {
        guard let found = elements(member.value) else { return nil }
        lines = found
        return 0b10
      }
      return nil
    }
    guard ok else { return nil }
    var facts: [StaffFact] = []
    facts.reserveCapacity(lines.count)
    for range in lines {
      guard let line = members(range) else { return nil }
      var value = fact("", .transferred, seq, effective)
      let ok = read(line, required: 0xFFF) { member in
        let key = member.key
        let range = member.value
        switch key.count {
        case 2:
          if Self.key(key, "to"), let text = identifier(range) {
            value.employer = text
            return 1 << 0
          }
        case 3:
          if Self.key(key, "fte"), let fte = fte(range) {
            value.fte = fte
            return 1 << 1
          }
        case 4:
          // A transfer line's id is checked, not kept: no view reads it from a fact (the
          // history shows the record's lines), and one id per line would grow the interned
          // strings with the log.
          if Self.key(key, "line"), string(range) != nil { return 1 << 2 }
          if Self.key(key, "from"), let text = identifier(range) {
            value.from = text
            return 1 << 3
          }
        case 8:
          if Self.key(key, "employee"), let text = identifier(range) {
            value.employee = text
            return 1 << 4
          }
          if Self.key(key, "caoAfter"), let text = string(range) {
            value.cao = text
            return 1 << 5
          }
          if Self.key(key, "orAdvice"), let texts = strings(range, identifiers: false) {
            value.advice = texts
            return 1 << 6
          }
        case 9:
          if Self.key(key, "legalForm"), let form = enumValue(LegalForm.self, range) {
            value.legalForm = form.rawValue
            return 1 << 7
          }
          if Self.key(key, "decisions"), let texts = strings(range, identifiers: true) {
            value.decisions = texts
            return 1 << 8
          }
          if Self.key(key, "caoBefore"), string(range) != nil { return 1 << 9 }
        case 13:
          if Self.key(key, "functionAfter"), let text = string(range) {
            value.function = text
            return 1 << 10
          }
        case 14:
          if Self.key(key, "functionBefore"), string(range) != nil { return 1 << 11 }
        default: break
        }
        return nil
      }
      guard ok else { return nil }
      facts.append(value)
    }
    return facts
  }

  func baseline(seq: Int64, effective: CalendarDay) -> [StaffFact]? {
    guard let top = topMembers() else { return nil }
    var rows: [Range<Int>] = []
    let ok = read(top, required: 0b11) { member in
      if Self.key(member.key, "cohort") { return string(member.value) == nil ? nil : 0b1 }
      if Self.key(member.key, "members") {
        guard let found = elements(member.value) else { return nil }
        rows = found
        return 0b10
      }
      return nil
    }
    guard ok else { return nil }
    var facts: [StaffFact] = []
    facts.reserveCapacity(rows.count)
    for range in rows {
      guard let row = members(range) else { return nil }
      var value = fact("", .baseline, seq, effective)
      let ok = read(row, required: 0x3FF) { member in
        let key = member.key
        let range = member.value
        if Self.key(key, "employee"), let text = identifier(range) {
          value.employee = text
          return 1 << 0
        }
        if Self.key(key, "function"), let text = string(range) {
          value.function = text
          return 1 << 1
        }
        if Self.key(key, "team"), let text = string(range) {
          value.team = text
          return 1 << 2
        }
        if Self.key(key, "employer"), let text = identifier(range) {
          value.employer = text
          return 1 << 3
        }
        if Self.key(key, "contractHours"), isInteger(range) { return 1 << 4 }
        if Self.key(key, "normHours"), isInteger(range) { return 1 << 5 }
        if Self.key(key, "contractFTE"), let fte = fte(range) {
          value.contractFTE = fte
          return 1 << 6
        }
        if Self.key(key, "allocatedFTE"), let fte = fte(range) {
          value.fte = fte
          return 1 << 7
        }
        if Self.key(key, "cao"), let text = string(range) {
          value.cao = text
          return 1 << 8
        }
        if Self.key(key, "contractType"), let type = enumValue(ContractType.self, range) {
          value.contractType = type
          return 1 << 9
        }
        if Self.key(key, "contractEnd"), let day = day(range) {
          value.contractEnd = day
          return 1 << 10
        }
        return nil
      }
      guard ok else { return nil }
      facts.append(value)
    }
    return facts
  }

  func contract(seq: Int64, effective: CalendarDay) -> StaffFact? {
    guard let members = topMembers() else { return nil }
    var value = fact("", .contract, seq, effective)
    let ok = read(members, required: 0b111) { member in
      let key = member.key
      let range = member.value
      if Self.key(key, "employee"), let text = identifier(range) {
        value.employee = text
        return 1 << 0
      }
      if Self.key(key, "employer"), let text = identifier(range) {
        value.employer = text
        return 1 << 1
      }
      if Self.key(key, "reason"), string(range) != nil { return 1 << 2 }
      if Self.key(key, "contractFTEBefore"), fte(range) != nil { return 1 << 3 }
      if Self.key(key, "contractFTEAfter"), let fte = fte(range) {
        value.contractFTE = fte
        return 1 << 4
      }
      if Self.key(key, "contractHoursAfter"), isInteger(range) { return 1 << 5 }
      if Self.key(key, "caoBefore"), string(range) != nil { return 1 << 6 }
      if Self.key(key, "caoAfter"), let text = string(range) {
        value.cao = text
        return 1 << 7
      }
      if Self.key(key, "functionAfter"), let text = string(range) {
        value.function = text
        return 1 << 8
      }
      if Self.key(key, "salaryScaleAfter"), string(range) != nil { return 1 << 9 }
      if Self.key(key, "contractTypeAfter"), let type = enumValue(ContractType.self, range) {
        value.contractType = type
        return 1 << 10
      }
      if Self.key(key, "contractEndAfter"), let day = day(range) {
        value.contractEnd = day
        return 1 << 11
      }
      if Self.key(key, "basis"), let text = identifier(range) {
        value.decisions = [text]
        return 1 << 12
      }
      return nil
    }
    return ok ? value : nil
  }

  func secondment(seq: Int64, effective: CalendarDay, employer: Bool) -> StaffFact? {
    guard let members = topMembers() else { return nil }
    var value = fact("", .secondment, seq, effective)
    let ok = read(members, required: employer ? 0b1111 : 0b1101) { member in
      let key = member.key
      let range = member.value
      if Self.key(key, "employee"), let text = identifier(range) {
        value.employee = text
        return 1 << 0
      }
      if employer, Self.key(key, "employer"), identifier(range) != nil { return 1 << 1 }
      if Self.key(key, "host"), let text = identifier(range) {
        value.host = text
        return 1 << 2
      }
      if Self.key(key, "until"), let day = day(range) {
        value.until = day
        return 1 << 3
      }
      return nil
    }
    return ok ? value : nil
  }

  func secondmentEnded(seq: Int64, effective: CalendarDay) -> StaffFact? {
    guard let members = topMembers() else { return nil }
    var value = fact("", .secondmentEnded, seq, effective)
    let ok = read(members, required: 0b11) { member in
      if Self.key(member.key, "employee"), let text = identifier(member.value) {
        value.employee = text
        return 1 << 0
      }
      if Self.key(member.key, "host"), let text = identifier(member.value) {
        value.host = text
        return 1 << 1
      }
      return nil
    }
    return ok ? value : nil
  }

  func surplus(seq: Int64, effective: CalendarDay) -> StaffFact? {
    guard let members = topMembers() else { return nil }
    var value = fact("", .surplus, seq, effective)
    let ok = read(members, required: 0b11111) { member in
      let key = member.key
      let range = member.value
      if Self.key(key, "employee"), let text = identifier(range) {
        value.employee = text
        return 1 << 0
      }
      if Self.key(key, "employer"), let text = identifier(range) {
        value.employer = text
        return 1 << 1
      }
      if Self.key(key, "status"), enumValue(SurplusStatus.self, range) != nil { return 1 << 2 }
      if Self.key(key, "vwnwFrom"), day(range) != nil { return 1 << 3 }
      if Self.key(key, "vwnwUntil"), let day = day(range) {
        value.until = day
        return 1 << 4
      }
      return nil
    }
    return ok ? value : nil
  }

  func departed(seq: Int64, effective: CalendarDay) -> StaffFact? {
    guard let members = topMembers() else { return nil }
    var value = fact("", .departed, seq, effective)
    let ok = read(members, required: 0b111) { member in
      let key = member.key
      let range = member.value
      if Self.key(key, "employee"), let text = identifier(range) {
        value.employee = text
        return 1 << 0
      }
      if Self.key(key, "employer"), let text = identifier(range) {
        value.employer = text
        return 1 << 1
      }
      if Self.key(key, "reason"), enumValue(DepartureReason.self, range) != nil { return 1 << 2 }
      return nil
    }
    return ok ? value : nil
  }

  func reassigned(seq: Int64, effective: CalendarDay) -> StaffFact? {
    guard let members = topMembers() else { return nil }
    var value = fact("", .reassigned, seq, effective)
    let ok = read(members, required: 0b111111) { member in
      let key = member.key
      let range = member.value
      if Self.key(key, "employee"), let text = identifier(range) {
        value.employee = text
        return 1 << 0
      }
      if Self.key(key, "employer"), let text = identifier(range) {
        value.employer = text
        return 1 << 1
      }
      if Self.key(key, "fromUnit"), string(range) != nil { return 1 << 2 }
      if Self.key(key, "toUnit"), string(range) != nil { return 1 << 3 }
      if Self.key(key, "fte"), let fte = fte(range) {
        value.fte = fte
        return 1 << 4
      }
      if Self.key(key, "reason"), string(range) != nil { return 1 << 5 }
      return nil
    }
    return ok ? value : nil
  }
}
