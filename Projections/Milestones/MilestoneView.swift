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
  /// The first day of the planned date now.
  public let plannedNow: CalendarDay?
  /// The planned date now, as precise as it was planned.
  public let plannedPeriod: EffectiveDate?
  /// The first day of the date it was achieved, if by the query's day.
  public let achieved: CalendarDay?
  /// The date it was achieved, as precise as it was recorded.
  public let achievedDate: EffectiveDate?
  /// On time, late, undetermined (the achieved date is too coarse to say), or open.
  public let verdict: MilestoneVerdict
  /// Days from the end of the first planned period to the achieved date (the least, when the
  /// achieved date is a period; 0 when within the period, negative when before it), or, while
  /// open, from its end to the end of the planned date now; nil when undetermined or unplanned.
  public let slipDays: Int?
  /// The most days it can have slipped when the achieved date is a period, else `slipDays`.
  public let slipDaysAtMost: Int?
  /// The records behind this line.
  public let seqs: [Int64]

  /// The slip as printed: `16`, `31-61` for a coarse achieved date, `62 (planned)` while
  /// open, `undetermined`, or `-` when unplanned.
  public var slipText: String {
    if verdict == .undetermined { return "undetermined" }
    guard let days = slipDaysText else { return "-" }
    return days + (verdict == .open ? " (planned)" : "")
  }

  /// The slip's days alone: `16` or `31-61`; nil when there is no number.
  var slipDaysText: String? {
    guard let least = slipDays else { return nil }
    let most = slipDaysAtMost ?? least
    return String(least) + (most == least ? "" : "-" + String(most))
  }
}

extension ViewContext {
  /// The milestones on the day, one line per group of organisations with the same history.
  public func milestoneLines() -> [MilestoneLine] {
    let planned = milestonePlans().filter { $0.version.effective <= day }
    let replanned = milestoneReplans().filter { $0.version.effective <= day }.sorted {
      ($0.version.effective, $0.version.seq) < ($1.version.effective, $1.version.seq)
    }
    let achieved = ledger.versions(of: MilestoneAchieved.self).filter {
      $0.version.effective <= day
    }
    var ids = Set(planned.map(\.milestone.rawValue))
    ids.formUnion(achieved.map(\.event.milestone.rawValue))
    var lines: [MilestoneLine] = []
    for id in ids.sorted() {
      let plan = planned.first { $0.milestone.rawValue == id }
      let done = achieved.filter { $0.event.milestone.rawValue == id }
      var scope = plan?.scope.map(\.rawValue) ?? done.flatMap { $0.event.scope.map(\.rawValue) }
      scope = Array(Set(scope)).sorted()
      if scope.isEmpty { scope = ["-"] }
      let title = plan?.title ?? done.first?.event.title ?? ""
      var groups: [String: MilestoneLine] = [:]
      var order: [String] = []
      for organisation in scope {
        func covers(_ list: [OrganisationID]) -> Bool {
          list.isEmpty || organisation == "-" || list.contains { $0.rawValue == organisation }
        }
        var seqs: [Int64] = plan.map { [$0.version.seq] } ?? []
        var current = plan?.planned
        var history: [String] = []
        for replan in replanned where replan.milestone.rawValue == id && covers(replan.scope) {
          history.append(
            "\(replan.previous)→\(replan.new) on \(replan.version.effectiveDate)"
              + " (\(replan.version.id): \(replan.reason))")
          current = replan.new
          seqs.append(replan.version.seq)
        }
        let reached = done.filter { covers($0.event.scope) }.min {
          ($0.version.effective, $0.version.seq) < ($1.version.effective, $1.version.seq)
        }
        if let reached { seqs.append(reached.version.seq) }
        let first = plan?.planned
        let reachedDate = reached?.version.effectiveDate
        var verdict = MilestoneVerdict.open
        var slip: ClosedRange<Int>?
        if let first, let reachedDate {
          (verdict, slip) = MilestoneVerdict.judge(planned: first, achieved: reachedDate)
        } else if let first, let current {
          let days = first.lastDay.days(until: current.lastDay)
          slip = days...days
        } else if reachedDate != nil {
          verdict = .onTime
        }
        if first == nil, reachedDate != nil { verdict = .onTime }
        let line = MilestoneLine(
          milestone: id, scope: [organisation], title: title, firstPlanned: first,
          replannings: history, plannedNow: current?.firstDay, plannedPeriod: current,
          achieved: reachedDate?.firstDay, achievedDate: reachedDate, verdict: verdict,
          slipDays: slip?.lowerBound, slipDaysAtMost: slip?.upperBound, seqs: seqs)
        let key =
          "\(history)|\(String(describing: current))|\(String(describing: line.achievedDate))"
        if let existing = groups[key] {
          groups[key] = MilestoneLine(
            milestone: id, scope: existing.scope + [organisation], title: title,
            firstPlanned: first, replannings: history, plannedNow: current?.firstDay,
            plannedPeriod: current, achieved: line.achieved, achievedDate: reachedDate,
            verdict: verdict, slipDays: line.slipDays, slipDaysAtMost: line.slipDaysAtMost,
            seqs: Array(Set(existing.seqs + seqs)).sorted())
        } else {
          groups[key] = line
          order.append(key)
        }
      }
      lines.append(contentsOf: order.compactMap { groups[$0] })
    }
    return lines.sorted { ($0.milestone, $0.scope.joined()) < ($1.milestone, $1.scope.joined()) }
  }

  /// Rows per milestone and scope group; every date as precise as it was recorded.
  func milestonesTable() -> ViewTable {
    let lines = milestoneLines()
    let rows = lines.map { line -> [String] in
      [
        line.milestone, line.scope.joined(separator: "+"), line.title,
        line.firstPlanned.map(Cell.date) ?? "unplanned",
        line.replannings.isEmpty ? "-" : line.replannings.joined(separator: "; "),
        line.plannedPeriod.map(Cell.date) ?? "-", line.achievedDate.map(Cell.date) ?? "-",
        line.slipText,
      ]
    }
    func named(_ line: MilestoneLine) -> String {
      "\(line.milestone) \(line.scope.joined(separator: "+"))"
    }
    let slipped = lines.filter { ($0.slipDays ?? 0) > 0 }.map {
      named($0) + " " + ($0.slipDaysText ?? "") + " days"
    }
    var notes = ["slipped: \(Cell.list(slipped))"]
    let undetermined = lines.filter { $0.verdict == .undetermined }
    if !undetermined.isEmpty {
      notes.append(
        "undetermined (the achieved date is too coarse to say whether it was on time): "
          + undetermined.map {
            named($0) + " achieved \($0.achievedDate.map(Cell.date) ?? "-"), planned"
              + " \($0.firstPlanned.map(Cell.date) ?? "-")"
          }.joined(separator: ", "))
    }
    return ViewTable(
      name: ViewName.milestones.rawValue, title: "Milestones \(words)",
      columns: [
        .init("milestone"), .init("scope"), .init("title"), .init("first planned"),
        .init("replanned"), .init("planned now"), .init("achieved"),
        .init("slip days", alignment: .right),
      ], rows: rows, keyColumnCount: 2, notes: notes)
  }
}
