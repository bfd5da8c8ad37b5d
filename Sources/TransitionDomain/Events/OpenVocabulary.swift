// Open vocabularies (issue 19, item 7): kinds of organisations, bodies, decisions and documents
// are stored as text in the `.v2` event types, so that a transition can record a motie, an
// amendement, a gunning, a bestuurlijke commissie, a cliëntenraad, an adviesraad or a
// WOR-bestuurder. The rules act on the kinds they know (the closed enums of `Vocabulary.swift`);
// any other kind is accepted, stored as given and shown.

/// The kind of an organisation as text: a raw value of `OrganisationKind` or any other kind.
public typealias OrganisationKindName = String
/// The kind of a body as text: a raw value of `BodyKind` or any other kind.
public typealias BodyKindName = String
/// The kind of a decision as text: a raw value of `DecisionKind` or any other kind.
public typealias DecisionKindName = String
/// The kind of a document as text: a raw value of `DocumentKind` or any other kind.
public typealias DocumentKindName = String

/// A yes/no field of a source, or "unknown" when the source cannot be read on that point.
public enum YesNoUnknown: String, Hashable, Sendable, Codable, CaseIterable {
  case yes, no, unknown

  /// `.yes` or `.no` for a known flag.
  public init(_ flag: Bool) { self = flag ? .yes : .no }

  /// True or false when known, nil when unknown.
  public var known: Bool? {
    switch self {
    case .yes: true
    case .no: false
    case .unknown: nil
    }
  }
}

/// Kinds of decisions the rules know by name besides `DecisionKind` (they are shown, and
/// `MotionDisposed` refers to them; no other rule acts on them).
public enum ExtraDecisionKind: String, Hashable, Sendable, CaseIterable {
  /// A council motion (motie): a request to the college; it stays open until disposed.
  case motie
  /// An amendment (amendement) of a proposal.
  case amendement
  /// A procurement award (gunning).
  case gunning
}
