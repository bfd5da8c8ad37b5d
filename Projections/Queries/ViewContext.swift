import Synchronization
import TransitionDomain

/// What every view is built from: the ledger as it counts for one query, and the query's day.
public struct ViewContext: Sendable {
  /// The ledger at the query's known-at and correction mode.
  public let ledger: LedgerView
  /// The query's valid day.
  public let day: CalendarDay
  /// The first day of the cost period, if limited.
  public let since: CalendarDay?
  /// The query in words, for titles.
  public let words: String
  /// What the views of this context computed once and share.
  let memo = ViewMemo()

  /// A context for `query` resolved to known-at `seq` over `ledger`.
  public init(ledger: Ledger, query: ViewQuery, seq: Int64) {
    self.ledger = ledger.view(at: seq, asRecorded: query.asRecorded)
    self.day = query.validAt
    self.since = query.since
    self.words = query.describe(resolvedSeq: seq, lastSeq: ledger.lastSeq)
  }

  /// A context over an already filtered ledger.
  init(ledgerView: LedgerView, day: CalendarDay, since: CalendarDay?, words: String) {
    self.ledger = ledgerView
    self.day = day
    self.since = since
    self.words = words
  }

  /// Every decision version, `.v1` and `.v2`, in the `.v2` model, in `seq` order.
  var decisionVersions: [(version: RecordVersion, event: DecisionTakenV2)] {
    Self.merged(
      ledger.versions(of: DecisionTaken.self).map { ($0.version, DecisionTakenV2($0.event)) },
      ledger.versions(of: DecisionTakenV2.self).map { ($0.version, $0.event) })
  }

  /// Every organisation registration, `.v1` and `.v2`, in the `.v2` model, in `seq` order.
  var organisationVersions: [(version: RecordVersion, event: OrganisationRegisteredV2)] {
    Self.merged(
      ledger.versions(of: OrganisationRegistered.self).map {
        ($0.version, OrganisationRegisteredV2($0.event))
      },
      ledger.versions(of: OrganisationRegisteredV2.self).map { ($0.version, $0.event) })
  }

  /// Every body registration, `.v1` and `.v2`, in the `.v2` model, in `seq` order.
  var bodyVersions: [(version: RecordVersion, event: BodyRegisteredV2)] {
    Self.merged(
      ledger.versions(of: BodyRegistered.self).map { ($0.version, BodyRegisteredV2($0.event)) },
      ledger.versions(of: BodyRegisteredV2.self).map { ($0.version, $0.event) })
  }

  /// Two lists of versions as one, in `seq` order.
  static func merged<T>(
    _ first: [(version: RecordVersion, event: T)], _ second: [(version: RecordVersion, event: T)]
  ) -> [(version: RecordVersion, event: T)] {
    second.isEmpty ? first : (first + second).sorted { $0.version.seq < $1.version.seq }
  }

  /// The organisations of every body, as registered.
  var bodyOrganisations: [String: [String]] {
    var result: [String: [String]] = [:]
    for (_, body) in bodyVersions {
      result[body.body.rawValue] = body.organisations.map(\.rawValue)
    }
    return result
  }

  /// The kind of every body the rules know the kind of, as registered.
  var bodyKinds: [String: BodyKind] {
    var result: [String: BodyKind] = [:]
    for (_, body) in bodyVersions {
      result[body.body.rawValue] = body.knownKind
    }
    return result
  }

  /// The municipalities (gemeenten) registered, sorted.
  var municipalities: [String] {
    organisationVersions.filter { $0.event.knownKind == .gemeente }
      .map(\.event.organisation.rawValue).sorted()
  }

  /// The view's table.
  public func table(_ name: ViewName) -> ViewTable {
    switch name {
    case .staffing: staffingTable()
    case .employees: employeesTable()
    case .conservation: conservationTable()
    case .decisions: decisionsTable()
    case .regional: regionalTable()
    case .advice: adviceTable()
    case .milestones: milestonesTable()
    case .costs: costsTable()
    case .funds: fundsTable()
    }
  }
}

/// Results a `ViewContext` computes once and every view and audit rule of the same query reuses
/// (each is one pass over the ledger).
final class ViewMemo: Sendable {
  let decisions = Mutex<[String: DecisionEntry]?>(nil)
  let costEntries = Mutex<[CostEntry]?>(nil)
  let regionalSteps = Mutex<[RegionalStep]?>(nil)
  let adviceLinks = Mutex<[AdviceLink]?>(nil)

  /// The value in `slot`, computed by `make` (outside the lock) the first time.
  static func value<T: Sendable>(_ slot: borrowing Mutex<T?>, _ make: () -> T) -> T {
    if let cached = slot.withLock({ $0 }) { return cached }
    let value = make()
    slot.withLock { $0 = value }
    return value
  }
}
