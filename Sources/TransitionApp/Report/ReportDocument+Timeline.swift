import Projections
import TransitionDomain

extension ReportDocument {
  /// Section 2: decisions per body, OR advice and milestones on one time axis.
  var timelineSection: String {
    let lanes = timelineLanes
    var html = sectionStart("tijdlijn", t("Tijdlijn", "Timeline"))
    html += HTMLText.paragraph(
      t(
        "Per deelnemer en orgaan de besluiten (gevuld: definitief; open: voorgenomen; vierkant:"
          + " voorstel of bespreking), het advies van de ondernemingsraden, en de mijlpalen met"
          + " hun eerste planning, elke herplanning (pijl) en de datum waarop ze bereikt zijn."
          + " Een ring met ! markeert een besluit dat pas is vastgelegd na de records die erop"
          + " steunen. De verticale lijn is de peildatum.",
        "Per participant and body the decisions (filled: definitive; open: intended; square:"
          + " proposal or deliberation), the works councils' advice, and the milestones with their"
          + " first planned date, every replanning (arrow) and the day they were achieved. A ring"
          + " with ! marks a decision recorded only after the records that rely on it. The"
          + " vertical line is the valid day."))
    guard !lanes.isEmpty else {
      return html + HTMLText.paragraph(t("Nog niets om te tonen.", "Nothing to show yet."))
        + "</section>\n"
    }
    let description = lanes.map { lane in
      lane.name + ": "
        + lane.marks.map { "\($0.label.isEmpty ? "" : $0.label + " ")\(language.day($0.day))" }
        .joined(separator: ", ")
    }.joined(separator: "; ")
    html += "<figure>\n"
    html += ReportTimeline.svg(
      id: "tijdlijn-grafiek",
      title: t(
        "Tijdlijn van besluiten, advies en mijlpalen",
        "Timeline of decisions, advice and milestones"),
      desc: description, lanes: lanes, day: facts.request.query.validAt, language: language)
    html += "</figure>\n"
    let late = facts.lateDecisions.sorted()
    if !late.isEmpty {
      html += HTMLText.paragraph(
        t("Laat vastgelegd: ", "Recorded late: ") + late.joined(separator: ", ")
          + t(
            " — het besluit is vastgelegd nadat records die erop steunen al waren vastgelegd"
              + " (zie Controle).",
            " — the decision was recorded after records that rely on it (see Audit)."),
        className: "late-note")
    }
    html += HTMLText.table(
      caption: t("De tijdlijn als tabel", "The timeline as a table"),
      headers: [t("Groep", "Group"), t("Baan", "Lane"), t("Gebeurtenissen", "Events")],
      rows: lanes.map { lane in
        [
          lane.group, lane.name,
          lane.marks.map { mark in
            (mark.label.isEmpty ? "" : mark.label + " ") + markWords(mark) + " "
              + (mark.given ?? language.day(mark.day))
              + (mark.late ? t(" (laat vastgelegd)", " (recorded late)") : "")
          }.joined(separator: "; "),
        ]
      }, className: "compact")
    return html + "</section>\n"
  }

  /// What a mark is, in words.
  func markWords(_ mark: ReportTimeline.Mark) -> String {
    switch mark.kind {
    case .decision(let definitive, let intended):
      definitive
        ? t("definitief", "definitive")
        : intended ? t("voorgenomen", "intended") : t("voorstel", "proposal")
    case .advice: t("advies", "advice")
    case .planned: t("gepland op", "planned for")
    case .replanned: t("herpland naar", "replanned to")
    case .achieved: t("bereikt", "achieved")
    }
  }

  /// The lanes of the timeline, from the decisions, advice and milestones views.
  var timelineLanes: [ReportTimeline.Lane] {
    let decisions = facts.table(.decisions)
    let (id, body, gemeente, status, taken) = (
      column(decisions, "decision"), column(decisions, "body"), column(decisions, "gemeente"),
      column(decisions, "status"), column(decisions, "taken")
    )
    let region = t("regio", "region")
    var groupOfBody: [String: String] = [:]
    for row in decisions.rows where !row[body].contains(",") && !row[gemeente].contains(",") {
      groupOfBody[row[body]] = row[gemeente]
    }
    let late = facts.lateDecisions
    var marks: [String: [ReportTimeline.Mark]] = [:]
    for row in decisions.rows {
      guard let day = CellText.firstDay(row[taken]) else { continue }
      let mark = ReportTimeline.Mark(
        day: day,
        kind: .decision(
          definitive: row[status] == "definitief", intended: row[status] == "voorgenomen"),
        label: row[id], late: late.contains(row[id]))
      for name in row[body].split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) {
        marks[name, default: []].append(mark)
      }
    }
    var lanes: [ReportTimeline.Lane] = marks.keys.map { name in
      let group = groupOfBody[name] ?? region
      return ReportTimeline.Lane(
        group: group.contains(",") ? region : group, name: name, marks: marks[name] ?? [])
    }
    lanes.sort {
      ($0.group == region ? 1 : 0, $0.group, $0.name) < (
        $1.group == region ? 1 : 0, $1.group, $1.name
      )
    }
    let advice = facts.table(.advice)
    let (council, request, advised, verdict) = (
      column(advice, "ondernemingsraad"), column(advice, "request"), column(advice, "advised"),
      column(advice, "advies")
    )
    var adviceMarks: [String: [ReportTimeline.Mark]] = [:]
    var seen: Set<[String]> = []
    for row in advice.rows where row[council] != "-" {
      guard let day = CalendarDay(parsing: row[advised]),
        seen.insert([row[council], row[request]]).inserted
      else { continue }
      adviceMarks[row[council], default: []].append(
        ReportTimeline.Mark(
          day: day, kind: .advice, label: "\(row[request]) \(row[verdict])", late: false))
    }
    for name in adviceMarks.keys.sorted() {
      lanes.append(
        ReportTimeline.Lane(
          group: t("OR", "works council"), name: name, marks: adviceMarks[name] ?? []))
    }
    let milestones = facts.table(.milestones)
    let (milestone, scope, first, replanned, achieved) = (
      column(milestones, "milestone"), column(milestones, "scope"),
      column(milestones, "first planned"), column(milestones, "replanned"),
      column(milestones, "achieved")
    )
    for row in milestones.rows {
      var lane: [ReportTimeline.Mark] = []
      /// The date as given when the cell is coarser than a day.
      func given(_ cell: String) -> String? { CalendarDay(parsing: cell) == nil ? cell : nil }
      if let day = CellText.firstDay(row[first]) {
        lane.append(
          ReportTimeline.Mark(
            day: day, kind: .planned, label: "", late: false, given: given(row[first])))
      }
      if row[replanned] != "-" {
        for entry in row[replanned].components(separatedBy: "; ") {
          let parts = entry.prefix(21).split(separator: "→")
          if parts.count == 2, let from = CalendarDay(parsing: String(parts[0])),
            let to = CalendarDay(parsing: String(parts[1].prefix(10)))
          {
            lane.append(
              ReportTimeline.Mark(day: to, kind: .replanned(from: from), label: "", late: false))
          }
        }
      }
      if let day = CellText.firstDay(row[achieved]) {
        lane.append(
          ReportTimeline.Mark(
            day: day, kind: .achieved, label: "", late: false, given: given(row[achieved])))
      }
      if !lane.isEmpty {
        lanes.append(
          ReportTimeline.Lane(
            group: t("mijlpalen", "milestones"), name: "\(row[milestone]) \(row[scope])",
            marks: lane))
      }
    }
    return lanes
  }
}
