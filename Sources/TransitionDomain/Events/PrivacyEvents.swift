/// An employee's personal data was erased from the people register beside the log.
///
/// The ground is AVG art. 17 (a request) or the end of the retention period (DOMAIN.md 10.6).
/// The record holds no personal data: the pseudonymous id and the ground only. Who erased it
/// is the record's `by`, when is its `recorded` instant. The log itself never held the name,
/// so nothing in it is rewritten; this record is the proof that the register forgot.
public struct PersonalDataErased: EventPayload {
  public static let eventType = "PersonalDataErased.v1"
  /// Whose personal data: the pseudonymous id.
  public let employee: EmployeeID
  /// The ground for the erasure, such as "verzoek betrokkene" or "bewaartermijn verstreken".
  public let reason: String
  public var stream: String { "people/\(employee)" }

  /// The erasure of `employee`'s personal data on the ground `reason`.
  public init(employee: EmployeeID, reason: String) {
    self.employee = employee
    self.reason = reason
  }
}
