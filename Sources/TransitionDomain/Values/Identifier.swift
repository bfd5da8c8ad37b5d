/// A typed identifier: a small wrapper around a string so that an employee id cannot be passed
/// where a body id is expected.
///
/// Stored in the log as a plain JSON string; prints as its raw value.
public struct Identifier<Kind: IdentifierKind>: Hashable, Comparable, Sendable, Codable,
  CustomStringConvertible, ExpressibleByStringLiteral
{
  /// The identifier as stored, such as `E017`, `RAAD-HKK`, `D/2025/708641`.
  public let rawValue: String

  /// An identifier with this raw value.
  public init(_ rawValue: String) { self.rawValue = rawValue }

  /// An identifier from a string literal (scenario data, tests).
  public init(stringLiteral value: String) { self.rawValue = value }

  public static func < (lhs: Self, rhs: Self) -> Bool { lhs.rawValue < rhs.rawValue }

  public var description: String { rawValue }

  public init(from decoder: any Decoder) throws {
    let container = try decoder.singleValueContainer()
    let text = try container.decode(String.self)
    guard !text.isEmpty else {
      throw DecodingError.dataCorrupted(
        .init(codingPath: decoder.codingPath, debugDescription: "an identifier cannot be empty"))
    }
    rawValue = text
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(rawValue)
  }
}

/// A marker for what an `Identifier` names.
public protocol IdentifierKind: Sendable {}

/// Marker kinds for the identifier types.
public enum IdentifierKinds {
  /// Marks organisation ids.
  public enum Organisation: IdentifierKind {}
  /// Marks body ids.
  public enum Body: IdentifierKind {}
  /// Marks employee ids.
  public enum Employee: IdentifierKind {}
  /// Marks decision ids.
  public enum Decision: IdentifierKind {}
  /// Marks document reference numbers.
  public enum Document: IdentifierKind {}
  /// Marks milestone ids.
  public enum Milestone: IdentifierKind {}
  /// Marks cost line ids.
  public enum CostLine: IdentifierKind {}
  /// Marks proposal ids.
  public enum Proposal: IdentifierKind {}
  /// Marks OR advice request ids.
  public enum AdviceRequest: IdentifierKind {}
  /// Marks risk ids.
  public enum Risk: IdentifierKind {}
}

/// An organisation: `BEV`, `HKK`, `VLS`, `IJW`, `WSP`.
public typealias OrganisationID = Identifier<IdentifierKinds.Organisation>
/// A body (orgaan) of an organisation: `RAAD-HKK`, `COL-BEV`, `OR-IJW`, `GR-IJW-BESTUUR`.
public typealias BodyID = Identifier<IdentifierKinds.Body>
/// A pseudonymous employee id: `E017`, `X001`; never a name.
public typealias EmployeeID = Identifier<IdentifierKinds.Employee>
/// A decision id; the scenario uses the id of the record that took it, such as `IJM-032`.
public typealias DecisionID = Identifier<IdentifierKinds.Decision>
/// A document registration number as printed on the document: `D/2025/708641`.
public typealias DocumentReference = Identifier<IdentifierKinds.Document>
/// A milestone id: `M1`.
public typealias MilestoneID = Identifier<IdentifierKinds.Milestone>
/// A cost line id: `K01`, or `K01-R` for its correction.
public typealias CostLineID = Identifier<IdentifierKinds.CostLine>
/// A proposal id (raadsvoorstel, commissievoorstel): the scenario uses record ids.
public typealias ProposalID = Identifier<IdentifierKinds.Proposal>
/// An OR advice request id (adviesaanvraag).
public typealias AdviceRequestID = Identifier<IdentifierKinds.AdviceRequest>
/// A risk id in a risk register.
public typealias RiskID = Identifier<IdentifierKinds.Risk>
