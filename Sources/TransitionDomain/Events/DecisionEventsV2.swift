/// How a body voted: unanimously (met algemene stemmen), by counts, or in words as recorded.
public struct Vote: Hashable, Sendable, Codable {
  /// Whether it was carried unanimously; counts may then be left out.
  public var unanimous: Bool?
  /// Votes in favour.
  public var inFavour: Int?
  /// Votes against.
  public var against: Int?
  /// Abstentions or members not voting, where recorded.
  public var abstained: Int?
  /// The vote in words as recorded, such as "meerderheid".
  public var words: String?

  /// A vote; give `unanimous`, counts, or words.
  public init(
    unanimous: Bool? = nil, inFavour: Int? = nil, against: Int? = nil, abstained: Int? = nil,
    words: String? = nil
  ) {
    self.unanimous = unanimous
    self.inFavour = inFavour
    self.against = against
    self.abstained = abstained
    self.words = words
  }

  /// The vote for people: `unanimous`, `21-6` (in favour-against), `21-6-2`, or the words.
  public var summary: String {
    var parts: [String] = []
    if unanimous == true { parts.append("unanimous") }
    if let inFavour, let against {
      parts.append("\(inFavour)-\(against)" + (abstained.map { "-\($0)" } ?? ""))
    }
    if let words { parts.append(words) }
    return parts.isEmpty ? "-" : parts.joined(separator: ", ")
  }
}

/// A body took a decision, intended (voorgenomen) or final (definitief), of any kind, with the
/// step it decides, its vote, an amount and the advice it deviates from.
///
/// Version 2 of `DecisionTaken`, and the model every version is read into (a `.v1` record
/// becomes this shape with `DecisionTakenV2(_:)`). New: the kind is open (a motie, amendement or gunning is accepted and shown), `step` names
/// the regional step it decides, the vote may be counts or unanimous, `amount` carries a sum,
/// `deviatesFromAdvice` names the advice requests it deviates from, and `backing` cites records
/// that are its legal basis without being decisions.
public struct DecisionTakenV2: EventPayload {
  public static let eventType = "DecisionTaken.v2"
  /// The decision's id, such as `ZW-031`.
  public let decision: DecisionID
  /// The deciding body.
  public let body: BodyID
  /// Bodies that took it jointly with `body`.
  public let jointlyWith: [BodyID]
  /// What kind of decision it is: transitieplan, GR-toestemming, … or any other kind such as
  /// `motie`, `amendement` or `gunning`.
  public let kind: DecisionKindName
  /// Voorgenomen or definitief.
  public let status: DecisionStatus
  /// What it is about.
  public let subject: String
  /// The regional step of the transition it decides, such as `uittreding HKK`; absent when the
  /// step is named by its kind (or it decides none).
  public var step: String?
  /// The numbered points as decided.
  public let dictum: [DictumPoint]
  /// The proposal it decides on, if any.
  public var proposal: ProposalID?
  /// Legal bases cited, such as "Participatiewet", "article 1 lid 4 Wgr".
  public let legalBasis: [String]
  /// The vote, when recorded: unanimous, counts (in favour, against, abstained) or words.
  public var vote: Vote?
  /// An amount it decides or authorises, in cents, if any.
  public var amount: Money?
  /// The first day it is in force, when it differs from the decision day.
  public var validFrom: CalendarDay?
  /// The last day it is in force, if limited.
  public var validUntil: CalendarDay?
  /// For personnel decisions: the employees concerned (pseudonymous ids).
  public let subjectEmployees: [EmployeeID]
  /// Conditions attached.
  public let conditions: [String]
  /// The OR advice requests this decision answers to.
  public let orAdviceRequests: [AdviceRequestID]
  /// The advice requests whose advice it deviates from (article 25 lid 6 WOR: wait one month).
  public let deviatesFromAdvice: [AdviceRequestID]
  /// Record ids that are its legal basis without being decisions, such as the founding of a
  /// new organisation (its `OrganisationRegistered` record).
  public let backing: [String]
  /// Its documents.
  public let documents: [DocumentReference]
  // Not stored: a `.v1` record with `deviatesFromORAdvice` that names no request deviates from
  // every request linked to it (the advice view finds them); `.v2` names them instead.
  public private(set) var deviatesFromEveryLinked = false
  public var stream: String { "decision/\(decision)" }

  private enum CodingKeys: String, CodingKey {
    case decision, body, jointlyWith, kind, status, subject, step, dictum, proposal, legalBasis
    case vote, amount, validFrom, validUntil, subjectEmployees, conditions, orAdviceRequests
    case deviatesFromAdvice, backing, documents
  }

  /// The kind when the rules know it, else nil.
  public var knownKind: DecisionKind? { DecisionKind(rawValue: kind) }

  /// Whether it deviates from any OR advice.
  public var deviatesFromORAdvice: Bool { !deviatesFromAdvice.isEmpty || deviatesFromEveryLinked }

  /// The regional step it counts for: its `step`, or else its kind.
  public var stepName: String { step ?? kind }

  /// A `.v1` decision in the current shape: the same facts, new fields empty; a deviation
  /// from "the OR's advice" deviates from every request it answers.
  public init(_ v1: DecisionTaken) {
    self.init(
      decision: v1.decision, body: v1.body, jointlyWith: v1.jointlyWith, kind: v1.kind.rawValue,
      status: v1.status, subject: v1.subject, step: nil, dictum: v1.dictum,
      proposal: v1.proposal, legalBasis: v1.legalBasis, vote: v1.vote.map { Vote(words: $0) },
      amount: nil, validFrom: v1.validFrom, validUntil: v1.validUntil,
      subjectEmployees: v1.subjectEmployees, conditions: v1.conditions,
      orAdviceRequests: v1.orAdviceRequests,
      deviatesFromAdvice: v1.deviatesFromORAdvice ? v1.orAdviceRequests : [], backing: [],
      documents: v1.documents)
    deviatesFromEveryLinked = v1.deviatesFromORAdvice && v1.orAdviceRequests.isEmpty
  }

  /// A decision with every field given.
  public init(
    decision: DecisionID, body: BodyID, jointlyWith: [BodyID] = [], kind: DecisionKindName,
    status: DecisionStatus, subject: String, step: String? = nil, dictum: [DictumPoint] = [],
    proposal: ProposalID? = nil, legalBasis: [String] = [], vote: Vote? = nil,
    amount: Money? = nil, validFrom: CalendarDay? = nil, validUntil: CalendarDay? = nil,
    subjectEmployees: [EmployeeID] = [], conditions: [String] = [],
    orAdviceRequests: [AdviceRequestID] = [], deviatesFromAdvice: [AdviceRequestID] = [],
    backing: [String] = [], documents: [DocumentReference] = []
  ) {
    self.decision = decision
    self.body = body
    self.jointlyWith = jointlyWith
    self.kind = kind
    self.status = status
    self.subject = subject
    self.step = step
    self.dictum = dictum
    self.proposal = proposal
    self.legalBasis = legalBasis
    self.vote = vote
    self.amount = amount
    self.validFrom = validFrom
    self.validUntil = validUntil
    self.subjectEmployees = subjectEmployees
    self.conditions = conditions
    self.orAdviceRequests = orAdviceRequests
    self.deviatesFromAdvice = deviatesFromAdvice
    self.backing = backing
    self.documents = documents
  }

  /// The same decision as a `.v1` record when `.v1` can hold every fact, else nil; the
  /// command writes the oldest version that holds the facts, so older readers keep reading.
  public var asVersion1: DecisionTaken? {
    guard let known = knownKind, step == nil, amount == nil, backing.isEmpty,
      vote.map({
        $0.unanimous == nil && $0.inFavour == nil && $0.against == nil
          && $0.abstained == nil && $0.words != nil
      }) ?? true,
      deviatesFromAdvice.isEmpty || deviatesFromAdvice == orAdviceRequests
    else { return nil }
    return DecisionTaken(
      decision: decision, body: body, jointlyWith: jointlyWith, kind: known, status: status,
      subject: subject, dictum: dictum, proposal: proposal, legalBasis: legalBasis,
      vote: vote?.words, validFrom: validFrom, validUntil: validUntil,
      subjectEmployees: subjectEmployees, conditions: conditions,
      orAdviceRequests: orAdviceRequests, deviatesFromORAdvice: deviatesFromORAdvice,
      documents: documents)
  }
}

/// A motion (motie) was done (afgedaan) by a later decision or act.
public struct MotionDisposed: EventPayload {
  public static let eventType = "MotionDisposed.v1"
  /// The motion, as a recorded decision of kind `motie`.
  public let motion: DecisionID
  /// The later decision that disposes of it, if it was disposed by a decision.
  public var disposedBy: DecisionID?
  /// How, such as "afgedaan met raadsinformatiebrief 2026-14".
  public let how: String
  public var stream: String { "decision/\(motion)" }
}
