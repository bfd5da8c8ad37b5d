import EventLog
import Projections
import TransitionDomain

/// `transition report`: one self-contained HTML file of the transition on a day, as known at a
/// moment, for a council, an HR department and an accountant.
///
/// Every figure comes from the views and audit the CLI prints (`TransitionProjector`): the
/// report asks the projector for its tables and findings and only lays them out, writes them
/// in the reader's language and number forms (`ReportLanguage`) and draws them. The same inputs
/// give the same bytes: nothing in the file depends on the clock, the machine or the order of
/// a dictionary. The file fetches nothing (a Content-Security-Policy forbids it) and needs no
/// script.
public enum TransitionReport {
  /// What a report shows.
  public struct Request: Sendable {
    /// The valid day, the known-at and the correction mode.
    public var query: ViewQuery
    /// The report's language.
    public var language: ReportLanguage
    /// With a value, the report adds what changed since the report as known then.
    public var sinceKnownAt: KnownAt?

    public init(query: ViewQuery, language: ReportLanguage = .nl, sinceKnownAt: KnownAt? = nil) {
      self.query = query
      self.language = language
      self.sinceKnownAt = sinceKnownAt
    }
  }

  /// The report of the log `projector` reads, for `request`, as HTML text.
  ///
  /// Throws what the projector throws for an impossible query (a known-at beyond the log) and
  /// what `LogVerifier` throws for a damaged log.
  public static func html(projector: TransitionProjector, request: Request) throws -> String {
    let facts = try ReportFacts(projector: projector, request: request)
    return ReportDocument(facts: facts).html
  }
}

/// Everything one report shows, asked of the projector once.
struct ReportFacts {
  let language: ReportLanguage
  let request: TransitionReport.Request
  /// The log's name from its header.
  let logName: String
  /// How many records the log holds, its head hash and its checkpoint (RFC 6962 root).
  let recordCount: Int64
  let headHash: String
  let checkpoint: Checkpoint
  /// The last record the report reads.
  let seq: Int64
  /// Every view for the query.
  let tables: [ViewName: ViewTable]
  /// The audit findings for the query, and the record ids each names.
  let findings: [Finding]
  let findingRecords: [[String]]
  /// The staffing view on the days of the staff chart, ascending.
  let staffSeries: [(day: CalendarDay, table: ViewTable)]
  /// The staffing view on the baseline day, if there is one.
  let baselineStaffing: ViewTable?
  /// With `--since-known-at`: every view's changes and their causes.
  let changes: ReportChanges?

  init(projector: TransitionProjector, request: TransitionReport.Request) throws {
    language = request.language
    self.request = request
    let report = try LogVerifier.verify(path: projector.path, computeCheckpoint: true)
    logName = report.header.name
    recordCount = report.recordCount
    headHash = report.headHash.hexString
    guard let checkpoint = report.checkpoint else {
      preconditionFailure("verify(computeCheckpoint: true) returns the checkpoint")
    }
    self.checkpoint = checkpoint
    seq = try projector.resolve(request.query.knownAt)
    let context = try projector.context(request.query)
    var tables: [ViewName: ViewTable] = [:]
    for view in ViewName.allCases { tables[view] = context.table(view) }
    self.tables = tables
    findings = context.audit()
    findingRecords = findings.map { $0.seqs.map { projector.ledger.recordID(of: $0) } }
    let baselineDay = context.ledger.staffFacts.first { $0.kind == .baseline }?.effective
    var series: [(day: CalendarDay, table: ViewTable)] = []
    var baseline: ViewTable?
    if let baselineDay, baselineDay <= request.query.validAt {
      let employees = tables[.employees]?.rows ?? []
      let days = ReportFacts.chartDays(
        from: baselineDay, to: request.query.validAt,
        changes: employees.compactMap { CalendarDay(parsing: $0[8]) })
      for day in days {
        var query = request.query
        query.validAt = day
        series.append((day, try projector.table(.staffing, query: query)))
      }
      baseline = series.first?.table
    }
    staffSeries = series
    baselineStaffing = baseline
    if let since = request.sinceKnownAt {
      changes = try ReportChanges(projector: projector, query: request.query, since: since)
    } else {
      changes = nil
    }
  }

  /// The days of the staff chart: the first day of every month from `from` to `to`, both ends,
  /// and every day a staff change takes effect, with the day before it (so a move is a step).
  static func chartDays(from: CalendarDay, to: CalendarDay, changes: [CalendarDay])
    -> [CalendarDay]
  {
    var days: Set<CalendarDay> = [from, to]
    var month = CalendarDay(from.year, from.month, 1)
    while month <= to {
      if month >= from { days.insert(month) }
      month = CalendarDay(
        month.month == 12 ? month.year + 1 : month.year, month.month == 12 ? 1 : month.month + 1,
        1)
    }
    for day in changes where day > from && day <= to {
      days.insert(day)
      days.insert(CalendarDay(dayNumber: day.dayNumber - 1))
    }
    return days.sorted()
  }

  /// The checkpoint's root hash in base64, as `transition checkpoint` prints it.
  var checkpointRoot: String {
    let lines = checkpoint.text.split(separator: "\n")
    return lines.count > 2 ? String(lines[2]) : ""
  }

  /// The view's table (every view is asked for).
  func table(_ view: ViewName) -> ViewTable {
    guard let table = tables[view] else { preconditionFailure("every view is in the report") }
    return table
  }

  /// The decisions the audit found recorded after the records they back (`backing-recorded-late`).
  var lateDecisions: Set<String> {
    var result: Set<String> = []
    for (finding, records) in zip(findings, findingRecords)
    where finding.rule == "backing-recorded-late" {
      let decisions = Set(table(.decisions).rows.map { $0[0] })
      result.formUnion(records.filter { decisions.contains($0) })
    }
    return result
  }
}
