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

  /// The organisations of every body, as registered.
  var bodyOrganisations: [String: [String]] {
    var result: [String: [String]] = [:]
    for (_, body) in ledger.versions(of: BodyRegistered.self) {
      result[body.body.rawValue] = body.organisations.map(\.rawValue)
    }
    return result
  }

  /// The kind of every body, as registered.
  var bodyKinds: [String: BodyKind] {
    var result: [String: BodyKind] = [:]
    for (_, body) in ledger.versions(of: BodyRegistered.self) {
      result[body.body.rawValue] = body.kind
    }
    return result
  }

  /// The municipalities (gemeenten) registered, sorted.
  var municipalities: [String] {
    ledger.versions(of: OrganisationRegistered.self).filter { $0.event.kind == .gemeente }
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
