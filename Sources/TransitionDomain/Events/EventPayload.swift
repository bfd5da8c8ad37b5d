/// The data of one event type: a struct whose stored properties, in declaration order, are
/// its fields in the log.
///
/// Every conforming type has its case in `DomainEvent.Payload`, which is the one list of event
/// types. A type that has reached a log is never edited: a change means a new type with a new
/// versioned name (`….v2`).
public protocol EventPayload: Codable, Equatable, Sendable {
  /// The stored type name with its version, such as `StaffTransferred.v1`; a literal, never derived.
  static var eventType: String { get }
  /// The stream the event belongs to, such as `staff/E017`, `decision/IJM-032`, `org/BEV`.
  var stream: String { get }
  /// This event as its case of `DomainEvent.Payload`.
  var payloadCase: DomainEvent.Payload { get }
}

/// Where a record's facts come from (DOMAIN.md 11.1); the raw values are stored.
public enum ProvenanceKind: String, Hashable, Sendable, Codable {
  /// One of the project's seed documents (seed 000 … seed 003).
  case seed
  /// A registered document, named by its reference number.
  case document
  /// Invented for testing: plausible, but not a fact about the real transition.
  case illustrative
  /// Public material outside the seeds (law, elections, national decisions).
  case external
  /// Entered by the system itself (setup, migrations).
  case system
}

/// The provenance of an event: its kind and a short human-readable pointer.
public struct Provenance: Hashable, Sendable, Codable {
  /// What kind of source this is.
  public let kind: ProvenanceKind
  /// Which source, such as `seed 002 (raadsbesluit Heemskerk 2025-06-26)`.
  public let detail: String

  /// A source of `kind` described by `detail`.
  public init(_ kind: ProvenanceKind, _ detail: String) {
    self.kind = kind
    self.detail = detail
  }
}

/// A numbered operative point of a proposal or decision (dictum).
public struct DictumPoint: Hashable, Sendable, Codable {
  /// The point's number as printed, starting at 1.
  public let number: Int
  /// The text of the point.
  public let text: String

  /// Point `number` reading `text`.
  public init(_ number: Int, _ text: String) {
    self.number = number
    self.text = text
  }
}

extension Array where Element == DictumPoint {
  /// Numbered points 1…n from their texts.
  public static func numbered(_ texts: [String]) -> [DictumPoint] {
    texts.enumerated().map { DictumPoint($0.offset + 1, $0.element) }
  }
}
