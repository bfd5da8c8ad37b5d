import CanonicalJSON
import TransitionDomain

/// One personal detail and the day it was recorded in the register (or the day it holds from).
public struct DatedDetail: Equatable, Sendable {
  /// The detail, such as a name or an e-mail address.
  public var value: String
  /// The day it was entered, or the day it holds from.
  public var since: CalendarDay

  public init(_ value: String, since: CalendarDay) {
    self.value = value
    self.since = since
  }
}

/// What the register knows of one pseudonymous employee: the personal details, or, once
/// forgotten, only that and when they were erased.
public struct PersonEntry: Equatable, Sendable {
  /// The erasure that replaced the details: no personal data, only the ground and the id of
  /// the log record that says so.
  public struct Erasure: Equatable, Sendable {
    /// When the details were erased, in milliseconds since 1970 (UTC).
    public let milliseconds: Int64
    /// The ground, as given to `forget`.
    public let reason: String
    /// Who erased them: the `by` of the log record.
    public let by: String
    /// The id of the `PersonalDataErased` record in the log.
    public let record: String

    public init(milliseconds: Int64, reason: String, by: String, record: String) {
      self.milliseconds = milliseconds
      self.reason = reason
      self.by = by
      self.record = record
    }

    /// The day of the erasure (UTC): the record's effective day.
    public var day: CalendarDay {
      let days =
        milliseconds >= 0 ? milliseconds / 86_400_000 : (milliseconds - 86_399_999) / 86_400_000
      return CalendarDay(dayNumber: Int(days))
    }
  }

  /// The pseudonymous id, as in the log.
  public let employee: EmployeeID
  /// The person's name.
  public var name: DatedDetail?
  /// The personnel number at the employer.
  public var personnelNumber: DatedDetail?
  /// The e-mail address.
  public var email: DatedDetail?
  /// Set once the person was forgotten; then no detail is kept.
  public var erasure: Erasure?

  public init(
    employee: EmployeeID, name: DatedDetail? = nil, personnelNumber: DatedDetail? = nil,
    email: DatedDetail? = nil, erasure: Erasure? = nil
  ) {
    self.employee = employee
    self.name = name
    self.personnelNumber = personnelNumber
    self.email = email
    self.erasure = erasure
  }

  /// The details, by field name, in register order.
  public var details: [(field: String, detail: DatedDetail)] {
    [("name", name), ("personnelNumber", personnelNumber), ("email", email)].compactMap { pair in
      pair.1.map { (pair.0, $0) }
    }
  }

  /// The name to show: the name, "(erased)" once forgotten, or "" when none is known.
  public var displayName: String {
    erasure != nil ? PeopleRegister.erasedMarker : name?.value ?? ""
  }

  // MARK: - The register's line

  /// The entry as one canonical JSON object.
  func encoded() -> JSONValue {
    var object = JSONObject()
    object.insert("employee", .string(employee.rawValue))
    if let erasure {
      object.insert("erased", .integer(erasure.milliseconds))
      object.insert("reason", .string(erasure.reason))
      object.insert("by", .string(erasure.by))
      object.insert("record", .string(erasure.record))
      return .object(object)
    }
    for (field, detail) in details {
      object.insert(
        field,
        .object(["value": .string(detail.value), "since": .string(detail.since.description)]))
    }
    return .object(object)
  }

  /// Reads one line of the register; nil with the problem in `problem` when it is malformed.
  static func decode(_ object: JSONObject) -> Result<PersonEntry, PeopleRegister.LineProblem> {
    guard let employee = object["employee"]?.stringValue, !employee.isEmpty else {
      return .failure(.init("it has no \"employee\""))
    }
    var entry = PersonEntry(employee: EmployeeID(employee))
    if let erased = object["erased"] {
      guard let milliseconds = erased.integerValue, let reason = object["reason"]?.stringValue,
        let by = object["by"]?.stringValue, let record = object["record"]?.stringValue
      else {
        return .failure(.init("an erasure needs \"erased\", \"reason\", \"by\" and \"record\""))
      }
      entry.erasure = Erasure(milliseconds: milliseconds, reason: reason, by: by, record: record)
      return object.keys.count == 5 ? .success(entry) : .failure(.init("an erasure holds details"))
    }
    for key in object.keys where key != "employee" {
      guard let detail = object[key]?.objectValue, let value = detail["value"]?.stringValue,
        let sinceText = detail["since"]?.stringValue,
        let since = CalendarDay(parsing: sinceText)
      else { return .failure(.init("\"\(key)\" is not {\"value\": …, \"since\": \"YYYY-MM-DD\"}")) }
      let dated = DatedDetail(value, since: since)
      switch key {
      case "name": entry.name = dated
      case "personnelNumber": entry.personnelNumber = dated
      case "email": entry.email = dated
      default: return .failure(.init("\"\(key)\" is not a detail the register keeps"))
      }
    }
    return .success(entry)
  }
}

/// The details to add or change for one person; nil leaves a detail as it is.
public struct PersonDetails: Equatable, Sendable {
  public var name: String?
  public var personnelNumber: String?
  public var email: String?

  public init(name: String? = nil, personnelNumber: String? = nil, email: String? = nil) {
    self.name = name
    self.personnelNumber = personnelNumber
    self.email = email
  }

  /// What is wrong with the details, each problem in words; empty when they can be kept.
  public var problems: [String] {
    var found: [String] = []
    let given = [("name", name), ("personnel number", personnelNumber), ("e-mail", email)]
    if given.allSatisfy({ $0.1 == nil }) {
      found.append("no detail given: give at least a name, a personnel number or an e-mail")
    }
    for (label, value) in given {
      guard let value else { continue }
      if value.trimmingSpaces.isEmpty { found.append("the \(label) is empty") }
      if value.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) {
        found.append("the \(label) contains a control character (a line break or tab)")
      }
      if value.utf8.count > 200 { found.append("the \(label) is longer than 200 bytes") }
    }
    if let email, !email.isEmpty {
      let parts = email.split(separator: "@", omittingEmptySubsequences: false)
      if parts.count != 2 || parts[0].isEmpty || !parts[1].contains(".") || email.contains(" ") {
        found.append("the e-mail \"\(email)\" is not an address such as naam@gemeente.nl")
      }
    }
    return found
  }

  /// `entry` with these details set, dated `since`.
  func applied(to entry: PersonEntry, since: CalendarDay) -> PersonEntry {
    var changed = entry
    changed.erasure = nil
    if let name { changed.name = DatedDetail(name.trimmingSpaces, since: since) }
    if let personnelNumber {
      changed.personnelNumber = DatedDetail(personnelNumber.trimmingSpaces, since: since)
    }
    if let email { changed.email = DatedDetail(email.trimmingSpaces, since: since) }
    return changed
  }
}

extension String {
  /// Without leading and trailing spaces.
  var trimmingSpaces: String {
    let scalars = unicodeScalars.drop { $0 == " " }.reversed().drop { $0 == " " }.reversed()
    return String(String.UnicodeScalarView(scalars))
  }
}
