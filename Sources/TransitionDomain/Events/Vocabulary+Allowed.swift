/// The values each closed vocabulary allows, by Swift type name, so that a refused value can
/// be answered with the list to choose from.
public enum AllowedValues {
  /// The raw values of every closed vocabulary stored in event data, by type name.
  public static let byType: [String: [String]] = [
    "OrganisationKind": OrganisationKind.allCases.map(\.rawValue),
    "BodyKind": BodyKind.allCases.map(\.rawValue),
    "DocumentKind": DocumentKind.allCases.map(\.rawValue),
    "DecisionKind": DecisionKind.allCases.map(\.rawValue),
    "DecisionStatus": DecisionStatus.allCases.map(\.rawValue),
    "AdviceOutcome": AdviceOutcome.allCases.map(\.rawValue),
    "CommitteeOutcome": CommitteeOutcome.allCases.map(\.rawValue),
    "InformationForm": InformationForm.allCases.map(\.rawValue),
    "LegalForm": LegalForm.allCases.map(\.rawValue),
    "ContractType": ContractType.allCases.map(\.rawValue),
    "DepartureReason": DepartureReason.allCases.map(\.rawValue),
    "SurplusStatus": SurplusStatus.allCases.map(\.rawValue),
    "PlacementStep": PlacementStep.allCases.map(\.rawValue),
    "CostCategory": CostCategory.allCases.map(\.rawValue),
    "FundingSource": FundingSource.allCases.map(\.rawValue),
    "CostAllocation": CostAllocation.allCases.map(\.rawValue),
    "PlanStatus": PlanStatus.allCases.map(\.rawValue),
    "ProvenanceKind": ["seed", "document", "illustrative", "external", "system"],
    "DatePrecision": DatePrecision.allCases.map(\.rawValue),
  ]

  /// The problem for `text` given where type `typeName` is expected: the value and the
  /// allowed values, quoted; nil when the type is not a closed vocabulary.
  public static func problem(typeName: String, text: String) -> String? {
    guard let values = byType[typeName] else { return nil }
    return "is \"\(text)\", which is not allowed; use one of: "
      + values.map { "\"\($0)\"" }.joined(separator: ", ")
  }

  /// The problem of a decoding message `Cannot initialize T from invalid String value V`
  /// (as Swift's `RawRepresentable` decoding writes it) naming the allowed values; nil for
  /// any other message.
  static func problem(decodingMessage message: String) -> String? {
    let prefix = "Cannot initialize "
    let middle = " from invalid String value "
    guard message.hasPrefix(prefix) else { return nil }
    let rest = message.dropFirst(prefix.count)
    var index = rest.startIndex
    while index < rest.endIndex, !rest[index...].hasPrefix(middle) {
      index = rest.index(after: index)
    }
    guard index < rest.endIndex else { return nil }
    return problem(
      typeName: String(rest[..<index]), text: String(rest[index...].dropFirst(middle.count)))
  }
}
