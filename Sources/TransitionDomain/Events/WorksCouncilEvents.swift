/// The outcome of an OR's advice in version 2 (article 25 WOR): as `AdviceOutcome`, plus an
/// advice that is negative on parts of the plan and positive on the rest.
public enum AdviceVerdict: String, Hashable, Sendable, Codable, CaseIterable {
  case positief
  case positiefMetVoorwaarden = "positief met voorwaarden"
  case negatief
  /// Negative on the parts named in `parts`, positive (with the conditions given) on the rest.
  case negatiefOpOnderdelen = "negatief op onderdelen"
  /// The OR gave no advice (documented absence).
  case geenAdvies = "geen advies"

  /// The version-2 verdict of a version-1 outcome.
  public init(_ outcome: AdviceOutcome) {
    switch outcome {
    case .positief: self = .positief
    case .positiefMetVoorwaarden: self = .positiefMetVoorwaarden
    case .negatief: self = .negatief
    case .geenAdvies: self = .geenAdvies
    }
  }

  /// Whether a decision may deviate from it (a negative advice on the whole or on a part).
  public var isNegative: Bool { self == .negatief || self == .negatiefOpOnderdelen }
}

/// One part of a plan an OR advised on separately, with its own outcome.
public struct AdvicePart: Hashable, Sendable, Codable {
  /// The part of the plan, as the advice names it, such as "plaatsing teamleiders".
  public let part: String
  /// The outcome on that part.
  public let outcome: AdviceOutcome
  /// Conditions on that part, in order.
  public let conditions: [String]
}

/// A works council gave its advice, or documented that it gives none (version 2).
///
/// Version 2 adds the verdict "negatief op onderdelen" with the parts it is negative on;
/// `ORAdviceGiven.v1` records are read as this shape with no parts (`init(_:)`).
public struct ORAdviceGivenV2: EventPayload {
  public static let eventType = "ORAdviceGiven.v2"
  /// The request answered.
  public let request: AdviceRequestID
  /// The works council advising.
  public let worksCouncil: BodyID
  /// The outcome on the whole plan (or on the rest, beside the parts).
  public let outcome: AdviceVerdict
  /// Conditions attached to the whole plan (or to the rest), in order.
  public let conditions: [String]
  /// The parts advised on separately; required for "negatief op onderdelen".
  public let parts: [AdvicePart]
  public var stream: String { "advice/\(request)" }
}

extension ORAdviceGivenV2 {
  /// A version-1 advice in the version-2 shape.
  public init(_ advice: ORAdviceGiven) {
    self.init(
      request: advice.request, worksCouncil: advice.worksCouncil,
      outcome: AdviceVerdict(advice.outcome), conditions: advice.conditions, parts: [])
  }

  /// The advice of `payload` in the version-2 shape, or nil when it is no OR advice.
  public static func reading(_ payload: any EventPayload) -> ORAdviceGivenV2? {
    switch payload {
    case let event as ORAdviceGivenV2: event
    case let event as ORAdviceGiven: ORAdviceGivenV2(event)
    default: nil
    }
  }

  /// The outcome in words, with the parts: "negatief op onderdelen (negatief: plaatsing)".
  public var summary: String {
    guard !parts.isEmpty else { return outcome.rawValue }
    return outcome.rawValue + " ("
      + parts.map { "\($0.outcome.rawValue): \($0.part)" }.joined(separator: "; ") + ")"
  }
}

/// An employer had no works council (OR) on the effective day, such as a new organisation
/// whose OR is not yet elected (article 2 WOR).
///
/// The audit then does not ask for the advice of an OR of this employer; it asks for the advice
/// of `consultedInstead` where one is named (such as a personeelsvertegenwoordiging, article
/// 35c WOR, or the OR of a former employer).
public struct WorksCouncilAbsenceRecorded: EventPayload {
  public static let eventType = "WorksCouncilAbsenceRecorded.v1"
  /// The employer without an OR.
  public let employer: OrganisationID
  /// Why there is none, such as "nieuwe organisatie; OR-verkiezingen gepland 2027-Q1".
  public let reason: String
  /// The last day without an OR, when known (the day before the OR is installed).
  public var until: CalendarDay?
  /// The body asked for advice instead, if any.
  public var consultedInstead: BodyID?
  public var stream: String { "worksCouncil/\(employer)" }
}
