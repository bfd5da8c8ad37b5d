import TransitionDomain

/// The fields of every domain command, with their meaning, for `record KIND --help` and for
/// turning `--field value` flags into a command's JSON.
///
/// The data (`structures`, in `FieldCatalogue+Data.swift`) is generated from the `///` docs of
/// the domain's event structs, and a test checks that it still matches them.
enum FieldCatalogue {
  /// One documented struct: an event's data or a structure nested in it.
  struct Structure: Equatable, Sendable {
    /// The Swift name, such as `StaffTransferred` or `TransferLine`.
    let name: String
    /// The stored event type for events, such as `StaffTransferred.v1`; nil for nested ones.
    let eventType: String?
    /// What it records.
    let doc: String
    /// Its stored fields, in order.
    let fields: [Field]
  }

  /// One stored field.
  struct Field: Equatable, Sendable {
    /// The JSON member name, such as `contractFTEAfter`.
    let name: String
    /// The Swift type as declared, such as `[TransferLine]` or `CalendarDay?`.
    let type: String
    /// Its meaning, from the doc comment.
    let doc: String

    init(_ name: String, _ type: String, _ doc: String) {
      self.name = name
      self.type = type
      self.doc = doc
    }

    /// Whether the field may be left out.
    var isOptional: Bool { type.hasSuffix("?") }

    /// The type without `?`.
    var baseType: String { isOptional ? String(type.dropLast()) : type }

    /// Whether it is a list (`[X]`).
    var isList: Bool { baseType.hasPrefix("[") }

    /// The element type of a list, or the type.
    var elementType: String {
      isList ? String(baseType.dropFirst().dropLast()) : baseType
    }

    /// How a flag's text becomes this field's JSON value.
    var kind: Kind { FieldCatalogue.kind(of: elementType) }
  }

  /// How a value is written on the command line.
  enum Kind: Equatable {
    /// Text as given (ids, names, vocabulary values, days, FTE and percentages as text).
    case text
    /// A JSON integer (hours, versions, counts, cents).
    case integer
    /// `true` or `false`.
    case boolean
    /// A nested structure, given as a JSON literal.
    case structure
  }

  /// The closed vocabularies: the values a field of that type accepts.
  static let vocabularies: [String: [String]] = [
    "OrganisationKind": OrganisationKind.allCases.map { $0.rawValue },
    "BodyKind": BodyKind.allCases.map { $0.rawValue },
    "DocumentKind": DocumentKind.allCases.map { $0.rawValue },
    "DecisionKind": DecisionKind.allCases.map { $0.rawValue },
    "DecisionStatus": DecisionStatus.allCases.map { $0.rawValue },
    "AdviceOutcome": AdviceOutcome.allCases.map { $0.rawValue },
    "AdviceVerdict": AdviceVerdict.allCases.map { $0.rawValue },
    "CommitteeOutcome": CommitteeOutcome.allCases.map { $0.rawValue },
    "InformationForm": InformationForm.allCases.map { $0.rawValue },
    "LegalForm": LegalForm.allCases.map { $0.rawValue },
    "ContractType": ContractType.allCases.map { $0.rawValue },
    "DepartureReason": DepartureReason.allCases.map { $0.rawValue },
    "SurplusStatus": SurplusStatus.allCases.map { $0.rawValue },
    "PlacementStep": PlacementStep.allCases.map { $0.rawValue },
    "CostCategory": CostCategory.allCases.map { $0.rawValue },
    "FundingSource": FundingSource.allCases.map { $0.rawValue },
    "CostAllocation": CostAllocation.allCases.map { $0.rawValue },
    "PlanStatus": PlanStatus.allCases.map { $0.rawValue },
    "ProvenanceKind": ["seed", "document", "illustrative", "external", "system"],
    "DatePrecision": DatePrecision.allCases.map { $0.rawValue },
    "YesNoUnknown": YesNoUnknown.allCases.map { $0.rawValue },
  ]

  /// The open vocabularies: the kinds the rules know; any other kind is accepted and shown.
  static let openVocabularies: [String: [String]] = [
    "OrganisationKindName": OrganisationKind.allCases.map { $0.rawValue },
    "BodyKindName": BodyKind.allCases.map { $0.rawValue },
    "DocumentKindName": DocumentKind.allCases.map { $0.rawValue },
    "DecisionKindName": DecisionKind.allCases.map { $0.rawValue }
      + ExtraDecisionKind.allCases.map { $0.rawValue },
  ]

  /// How values of the Swift type `type` are written.
  static func kind(of type: String) -> Kind {
    switch type {
    case "Int", "Int64", "Money": return .integer
    case "Bool": return .boolean
    default:
      if structure(named: type) != nil { return .structure }
      return .text
    }
  }

  /// How a field's value is written, for help, such as "a day YYYY-MM-DD".
  static func format(of field: Field) -> String {
    let element = field.elementType
    var text: String
    switch element {
    case "CalendarDay": text = "a day YYYY-MM-DD"
    case "EffectiveDate": text = "a day or a period: " + EffectiveDate.acceptedForms
    case "FTE": text = "FTE with 4 decimals, such as 0.8889"
    case "Money": text = "an amount in euro cents, such as 235250000"
    case "Percentage": text = "a percentage with 2 decimals, such as 27.79"
    case "Int", "Int64": text = "a whole number"
    case "Bool": text = "true or false (default false)"
    case "String": text = "text"
    case "YesNoUnknown": text = "yes, no or unknown (true and false are accepted; default no)"
    case "Vote":
      text =
        "unanimous; counts 21-6 or 21-6-2 (in favour-against-abstained); other words as"
        + " recorded; or a JSON Vote object"
    default:
      if let values = openVocabularies[element] {
        text =
          "a kind the rules know: " + values.map { "\"\($0)\"" }.joined(separator: ", ")
          + "; or any other kind, accepted and shown"
      } else if let values = vocabularies[element] {
        text = "one of: " + values.map { "\"\($0)\"" }.joined(separator: ", ")
      } else if element.hasSuffix("ID") || element == "DocumentReference" {
        text = "an id"
      } else if structure(named: element) != nil {
        text = field.isList ? "a JSON array of \(element) objects" : "a JSON \(element) object"
        return text + (field.isOptional ? "; optional" : "")
      } else {
        text = element
      }
    }
    if field.isList {
      text = "repeat the flag for each item (\(text)), or a JSON array; default none"
    }
    return text + (field.isOptional ? "; optional" : "")
  }

  /// The documented struct named `name`.
  static func structure(named name: String) -> Structure? {
    structures.first { $0.name == name }
  }

  /// The event struct that a command records.
  static func event(forCommand command: String) -> Structure? {
    guard let eventType = TransitionCommand.eventTypesByName[command] else { return nil }
    return structures.first { $0.eventType == eventType }
  }
}
