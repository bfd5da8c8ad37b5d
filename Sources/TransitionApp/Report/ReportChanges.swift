import EventLog
import Projections

/// What differs between the report as known at an earlier moment and now: for every view, the
/// rows added, removed and changed (`TableDiff`, as `transition diff` compares them), and the
/// records in between that caused them (`Causes`).
struct ReportChanges {
  /// One view's changes.
  struct ViewChanges {
    let view: ViewName
    let old: ViewTable
    let new: ViewTable
    let changes: [TableDiff.Change]
    let causes: Causes
  }

  /// The record the earlier report read up to, and the one this report reads up to.
  let fromSeq: Int64
  let toSeq: Int64
  /// Every view, in the order of `ViewName`.
  let views: [ViewChanges]
  /// The findings then and now.
  let findingsBefore: [Finding]

  init(projector: TransitionProjector, query: ViewQuery, since: KnownAt) throws {
    var earlier = query
    earlier.knownAt = since
    fromSeq = try projector.resolve(since)
    toSeq = try projector.resolve(query.knownAt)
    let (low, high) = (min(fromSeq, toSeq), max(fromSeq, toSeq))
    var between: [LogRecord] = []
    if high > low {
      try LogReader(path: projector.path).forEachRecord(upTo: high) { raw in
        if raw.seq > low { between.append(raw.record()) }
      }
    }
    let oldContext = try projector.context(earlier)
    let newContext = try projector.context(query)
    views = ViewName.allCases.map { view in
      let old = oldContext.table(view)
      let new = newContext.table(view)
      let changes = TableDiff.compare(old, new)
      return ViewChanges(
        view: view, old: old, new: new, changes: changes,
        causes: Causes(changes, keyColumnCount: new.keyColumnCount, records: between))
    }
    findingsBefore = oldContext.audit()
  }
}
