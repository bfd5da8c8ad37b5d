import EventLog
import TransitionDomain

/// Opens a log for reading and answers the views, history and audit at any (valid day,
/// known-at), as corrected or as originally recorded.
///
/// The log is folded once into a `Ledger` (bitemporal: every fact carries the records during
/// which it counts), so any known-at is a filter, not a new replay. With `useSidecar` the ledger
/// is kept in a sidecar file beside the log (`ProjectionSidecar`), checked against the log's
/// head and rebuilt or extended when stale or damaged; the log stays the source of truth.
public final class TransitionProjector {
  /// The log file.
  public let path: String
  /// The ledger of the whole log as it was when opened.
  public let ledger: Ledger
  /// How the ledger was obtained: from the sidecar, extended, rebuilt, or replayed.
  public let origin: ProjectionSidecar.Origin

  /// Opens the log at `path` and folds it (through its sidecar when `useSidecar`).
  public init(path: String, useSidecar: Bool = true) throws {
    self.path = path
    if useSidecar {
      (ledger, origin) = try ProjectionSidecar(logPath: path).ledger()
    } else {
      ledger = try Ledger.replay(path: path)
      origin = .replayed
    }
  }

  /// A projector over an already folded ledger (tests, in-memory logs).
  public init(ledger: Ledger, path: String = "(memory)") {
    self.path = path
    self.ledger = ledger
    self.origin = .replayed
  }

  /// Why a query cannot be answered.
  public enum QueryError: Error, Equatable, CustomStringConvertible {
    /// The known-at `seq` lies outside the log.
    case seqOutOfRange(Int64, lastSeq: Int64)
    /// No record names the subject.
    case unknownSubject(String, knownAt: Int64)

    public var description: String {
      switch self {
      case .seqOutOfRange(let seq, let last):
        "Known-at seq \(seq) is outside the log, which holds records 1 to \(last). Use a seq"
          + " from 0 to \(last), an instant, or leave known-at out for everything."
      case .unknownSubject(let subject, let seq):
        "No employee, decision, body, milestone or record named '\(subject)' is in the log as"
          + " known at seq \(seq). List valid subjects with the employees, decisions or"
          + " milestones views (ids such as E017, IJM-032, RAAD-HKK, M1)."
      }
    }
  }

  /// The `seq` a known-at means: the last record recorded by the instant, or the `seq` given.
  public func resolve(_ knownAt: KnownAt) throws -> Int64 {
    switch knownAt {
    case .everything: return ledger.lastSeq
    case .instant(let instant): return ledger.lastSeq(recordedBy: instant.millisecondsSinceEpoch)
    case .seq(let seq):
      guard seq >= 0, seq <= ledger.lastSeq else {
        throw QueryError.seqOutOfRange(seq, lastSeq: ledger.lastSeq)
      }
      return seq
    }
  }

  /// The context every view of `query` is built from.
  public func context(_ query: ViewQuery) throws -> ViewContext {
    ViewContext(ledger: ledger, query: query, seq: try resolve(query.knownAt))
  }

  /// The view `view` for `query`.
  public func table(_ view: ViewName, query: ViewQuery) throws -> ViewTable {
    try checked(try context(query).table(view))
  }

  /// `answer`, unless a damaged part of the sidecar could not be taken from the log while it
  /// was made: then that error (the answer may rest on an empty stand-in).
  private func checked<T>(_ answer: T) throws -> T {
    if let failure = ledger.readFailure { throw failure }
    return answer
  }

  /// SHA-256 hex of the canonical text of the view's table for `query`.
  public func digest(_ view: ViewName, query: ViewQuery) throws -> String {
    try table(view, query: query).digest
  }

  /// The audit findings for `query` (see `AuditRules`).
  public func audit(query: ViewQuery) throws -> [Finding] {
    try checked(try context(query).audit())
  }
  /// What holds, said positively, for the query (not findings; see `auditConfirmations`).
  public func confirmations(query: ViewQuery) throws -> [Finding] {
    try context(query).auditConfirmations()
  }

  /// Every record about `subject` (employee, decision, body, milestone or record id) as known
  /// for `query`, with the records that back or correct them; reads the log.
  public func history(of subject: String, query: ViewQuery) throws -> ViewTable {
    let seq = try resolve(query.knownAt)
    return try checked(
      try SubjectHistory.table(
        of: subject, logPath: path, ledger: ledger, knownAt: seq, query: query))
  }
}
