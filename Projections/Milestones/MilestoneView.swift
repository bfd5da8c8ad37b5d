import TransitionDomain

/// One milestone for a group of organisations that share its history.
public struct MilestoneLine: Equatable, Sendable {
  /// The milestone id.
  public let milestone: String
  /// The organisations this line is for, sorted.
  public let scope: [String]
  /// The title.
  public let title: String
  /// The first planned date (never overwritten), if planned.
  public let firstPlanned: EffectiveDate?
  /// Every replanning: previous and new date, when, why and which record.
  public let replannings: [String]
  /// The planned date now.
  public let plannedNow: CalendarDay?
  /// The day it was achieved, if by the query's day.
  public let achieved: CalendarDay?
  /// Days from the first planned date to the achieved day (or the planned date now).
  public let slipDays: Int?
  /// The records behind this line.
  public let seqs: [Int64]
}

extension ViewContext {
  /// The milestones on the day, one line per group of organisations with the same history.
  public func milestoneLines() -> [MilestoneLine] {
    let planned = ledger.versions(of: MilestonePlanned.self).filter { $0.version.effective <= day }
    let replanned = ledger.versions(of: MilestoneReplanned.self).filter {
      $0.version.effective <= day
    }.sorted { ($0.version.effective, $0.version.seq) < ($1.version.effective, $1.version.seq) }
    let achieved = ledger.versions(of: MilestoneAchieved.self).filter {
      $0.version.effective <= day
    }
    var ids = Set(planned.map(\.event.milestone.rawValue))
    ids.formUnion(achieved.map(\.event.milestone.rawValue))
    var lines: [MilestoneLine] = []
    for id in ids.sorted() {
      let plan = planned.first { $0.event.milestone.rawValue == id }
      let done = achieved.filter { $0.event.milestone.rawValue == id }
      var scope =
        plan?.event.scope.map(\.rawValue) ?? done.flatMap { $0.event.scope.map(\.rawValue) }
      scope = Array(Set(scope)).sorted()
      if scope.isEmpty { scope = ["-"] }
      let title = plan?.event.title ?? done.first?.event.title ?? ""
      var groups: [String: MilestoneLine] = [:]
      var order: [String] = []
      for organisation in scope {
        func covers(_ list: [OrganisationID]) -> Bool {
          list.isEmpty || organisation == "-" || list.contains { $0.rawValue == organisation }
        }
        var seqs: [Int64] = plan.map { [$0.version.seq] } ?? []
        var current = plan?.event.plannedDate
        var history: [String] = []
        for (version, event) in replanned
        where event.milestone.rawValue == id && covers(event.scope) {
          history.append(
            "\(event.previousDate)→\(event.newDate) on \(version.effectiveDate) (\(version.id):"
              + " \(event.reason))")
          current = event.newDate
          seqs.append(version.seq)
        }
        let reached = done.filter { covers($0.event.scope) }.min {
          ($0.version.effective, $0.version.seq) < ($1.version.effective, $1.version.seq)
        }
        if let reached { seqs.append(reached.version.seq) }
        let first = plan.map {
          EffectiveDate($0.event.plannedDate, precision: $0.event.plannedPrecision)
        }
        let end = reached?.version.effective ?? current
        let slip = first.flatMap { first in end.map { first.firstDay.days(until: $0) } }
        let line = MilestoneLine(
          milestone: id, scope: [organisation], title: title, firstPlanned: first,
          replannings: history, plannedNow: current, achieved: reached?.version.effective,
          slipDays: slip, seqs: seqs)
        let key = "\(history)|\(String(describing: current))|\(String(describing: line.achieved))"
        if let existing = groups[key] {
          groups[key] = MilestoneLine(
            milestone: id, scope: existing.scope + [organisation], title: title,
            firstPlanned: first, replannings: history, plannedNow: current,
            achieved: line.achieved, slipDays: slip, seqs: Array(Set(existing.seqs + seqs)).sorted()
          )
        } else {
          groups[key] = line
          order.append(key)
        }
      }
      lines.append(contentsOf: order.compactMap { groups[$0] })
    }
    return lines.sorted { ($0.milestone, $0.scope.joined()) < ($1.milestone, $1.scope.joined()) }
  }

  /// Rows per milestone and scope group.
  func milestonesTable() -> ViewTable {
    let lines = milestoneLines()
    let rows = lines.map { line -> [String] in
      [
        line.milestone, line.scope.joined(separator: "+"), line.title,
        line.firstPlanned.map(Cell.date) ?? "unplanned",
        line.replannings.isEmpty ? "-" : line.replannings.joined(separator: "; "),
        Cell.day(line.plannedNow), Cell.day(line.achieved),
        line.slipDays.map { String($0) + (line.achieved == nil ? " (planned)" : "") } ?? "-",
      ]
    }
    let slipped = lines.filter { ($0.slipDays ?? 0) > 0 }.map {
      "\($0.milestone) \($0.scope.joined(separator: "+")) \($0.slipDays ?? 0) days"
    }
    return ViewTable(
      name: ViewName.milestones.rawValue, title: "Milestones \(words)",
      columns: [
        .init("milestone"), .init("scope"), .init("title"), .init("first planned"),
        .init("replanned"), .init("planned now"), .init("achieved"),
        .init("slip days", alignment: .right),
      ], rows: rows, keyColumnCount: 2, notes: ["slipped: \(Cell.list(slipped))"])
  }
}
