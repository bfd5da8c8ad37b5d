import Projections
import TransitionDomain

extension ReportDocument {
  /// The totals per organisation the staffing view states in its notes
  /// (`BEV: headcount 14, contract fte 12.2400, cohort fte 12.2400`).
  static func staffingTotals(_ table: ViewTable) -> [String: (headcount: Int64, fte: Int64)] {
    var result: [String: (headcount: Int64, fte: Int64)] = [:]
    for note in table.notes where !note.hasPrefix("total:") {
      let words = note.split(separator: " ").map(String.init)
      guard words.count >= 6, words[0].hasSuffix(":"), words[1] == "headcount",
        let headcount = Int64(words[2].trimmingCharacters(in: [","])),
        let fte = CellText.tenThousandths(words[5].trimmingCharacters(in: [","]))
      else { continue }
      result[String(words[0].dropLast())] = (headcount, fte)
    }
    return result
  }

  /// Section 3: FTE and headcount over time, the flows of the cohort, conservation and the
  /// transfer lines with their decisions and advice.
  var staffSection: String {
    var html = sectionStart("personeel", t("Personeel", "Staff"))
    html += staffOverTime + flowsAndConservation + transferLines
    return html + "</section>\n"
  }

  /// FTE and headcount per organisation from the baseline to the valid day.
  var staffOverTime: String {
    var html =
      "<h3>\(t("Formatie per organisatie door de tijd", "Staff per organisation over time"))</h3>\n"
    let series = facts.staffSeries
    guard series.count > 1 else {
      return html
        + HTMLText.paragraph(
          t(
            "Er is geen nulmeting van het personeel op of vóór de peildatum, dus geen verloop.",
            "There is no staff baseline on or before the valid day, so no course over time."))
    }
    let totals = series.map { Self.staffingTotals($0.table) }
    let organisations = Array(Set(totals.flatMap(\.keys))).sorted()
    let days = series.map(\.day)
    let fteLines = organisations.map { name in
      ReportCharts.Series(name: name, values: totals.map { $0[name]?.fte })
    }
    let headLines = organisations.map { name in
      ReportCharts.Series(name: name, values: totals.map { $0[name]?.headcount })
    }
    let range =
      language.day(days[0]) + t(" tot en met ", " to ") + language.day(days[days.count - 1])
    html += HTMLText.paragraph(
      t(
        "Uit de weergave staffing, op de eerste dag van elke maand en op elke dag dat personeel"
          + " overgaat (met de dag ervoor), van de nulmeting tot de peildatum: \(range).",
        "From the staffing view, on the first day of each month and on each day staff moves (with"
          + " the day before), from the baseline to the valid day: \(range)."))
    func course(_ values: [Int64?], _ label: (Int64) -> String) -> String {
      let present = values.compactMap { $0 }
      guard let first = present.first, let last = present.last else { return "–" }
      return label(first) + " → " + label(last)
    }
    let fteDesc = fteLines.map { line in
      "\(line.name): " + course(line.values) { language.fte(tenThousandths: $0) } + " fte"
    }.joined(separator: "; ")
    html += "<div class=\"pair\">\n<figure>\n"
    html += ReportCharts.lines(
      id: "fte-grafiek", title: t("Fte per organisatie", "FTE per organisation"),
      desc: fteDesc, days: days, series: fteLines, language: language,
      label: { language.fte(tenThousandths: $0) })
    html +=
      "<figcaption>\(t("Fte (contract) per organisatie", "FTE (contract) per organisation"))</figcaption>\n</figure>\n<figure>\n"
    let headDesc = headLines.map { line in
      "\(line.name): " + course(line.values) { language.grouped($0) }
    }.joined(separator: "; ")
    html += ReportCharts.lines(
      id: "koppen-grafiek", title: t("Medewerkers per organisatie", "Headcount per organisation"),
      desc: headDesc, days: days, series: headLines, language: language,
      label: { language.grouped($0) })
    html +=
      "<figcaption>\(t("Aantal medewerkers per organisatie", "Headcount per organisation"))</figcaption>\n</figure>\n</div>\n"
    html += HTMLText.table(
      caption: t(
        "Fte en medewerkers per organisatie per dag", "FTE and headcount per organisation per day"),
      headers: [t("Dag", "Day")] + organisations,
      rows: zip(days, totals).map { day, total in
        [language.day(day)]
          + organisations.map { name in
            guard let value = total[name] else { return "–" }
            return language.fte(tenThousandths: value.fte) + " fte · "
              + language.grouped(value.headcount)
          }
      }, right: Set(1...max(1, organisations.count)), className: "compact")
    return html
  }

  /// Where the cohort's baseline FTE went, and the conservation check.
  var flowsAndConservation: String {
    let conservation = facts.table(.conservation)
    var html = "<h3>\(t("Waar het cohort naartoe is gegaan", "Where the cohort went"))</h3>\n"
    guard !conservation.rows.isEmpty else {
      return html
        + HTMLText.paragraph(t("Geen nulmeting van het cohort.", "No baseline of the cohort."))
    }
    let (bucket, people, fte) = (
      column(conservation, "bucket"), column(conservation, "people"),
      column(conservation, "cohort fte")
    )
    let sources = Array(
      Set(facts.baselineStaffing?.rows.map { $0[0] } ?? [])
    ).sorted()
    let source = sources.isEmpty ? t("nulmeting", "baseline") : sources.joined(separator: " + ")
    if let baseline = conservation.notes.first(where: { $0.hasPrefix("baseline: ") }) {
      let words = baseline.split(separator: " ")
      if words.count >= 4, let value = CellText.tenThousandths(String(words[3])) {
        html +=
          "<p class=\"lead\">"
          + HTMLText.escape(
            t("Nulmeting van het cohort: ", "Baseline of the cohort: ")
              + "\(words[1]) " + t("medewerkers, ", "people, ")
              + language.fte(tenThousandths: value)
              + " fte") + "</p>\n"
      }
    }
    if let check = conservation.notes.first(where: { $0.hasPrefix("buckets: ") }) {
      let conserved = check.hasSuffix(": conserved")
      html += HTMLText.paragraph(
        conserved
          ? t(
            "Elke fte van de nulmeting is op precies één plek terug te vinden (behouden).",
            "Every FTE of the baseline is in exactly one place (conserved).")
          : t(
            "Let op: de fte van de nulmeting sluiten niet: ",
            "Note: the baseline FTE do not add up: ")
            + check, className: conserved ? "ok" : "warn")
    }
    let flows = conservation.rows.map { row in
      ReportCharts.Flow(
        name: language.word(row[bucket]),
        detail: language.cell(row[fte]) + " fte · " + row[people] + t(" medewerkers", " people"),
        value: CellText.tenThousandths(row[fte]) ?? 0)
    }
    html += "<figure>\n"
    html += ReportCharts.flows(
      id: "stromen", title: t("Stromen van het cohort", "Flows of the cohort"),
      desc: flows.map { "\(source) → \($0.name): \($0.detail)" }.joined(separator: "; "),
      source: source, flows: flows)
    html += "</figure>\n"
    html += HTMLText.table(
      caption: t(
        "Behoud van fte op \(language.day(facts.request.query.validAt))",
        "Conservation of FTE on \(language.day(facts.request.query.validAt))"),
      headers: [
        t("Van", "From"), t("Naar", "To"), t("Medewerkers", "People"),
        t("Fte (cohort)", "FTE (cohort)"),
      ],
      rows: conservation.rows.map { row in
        [source, language.word(row[bucket]), row[people], language.cell(row[fte])]
      }, right: [2, 3])
    return html
  }

  /// The transfer lines: the records that moved staff, with their decisions and OR advice.
  var transferLines: String {
    let employees = facts.table(.employees)
    let advice = facts.table(.advice)
    let (employer, fte, status, since, record, decisions) = (
      column(employees, "employer"), column(employees, "cohort fte"), column(employees, "status"),
      column(employees, "since"), column(employees, "record"), column(employees, "decisions")
    )
    var html =
      "<h3>\(t("Overgangen met besluiten en advies", "Transfers with decisions and advice"))</h3>\n"
    struct Line {
      var key: [String]
      var people = 0
      var fte: Int64 = 0
    }
    var lines: [Line] = []
    for row in employees.rows where row[status] != "in cohort" && row[status] != "external" {
      let recordID = row[record].split(separator: "/").first.map(String.init) ?? row[record]
      let key = [recordID, row[status], row[employer], row[since], row[decisions]]
      if let index = lines.firstIndex(where: { $0.key == key }) {
        lines[index].people += 1
        lines[index].fte += CellText.tenThousandths(row[fte]) ?? 0
      } else {
        lines.append(Line(key: key, people: 1, fte: CellText.tenThousandths(row[fte]) ?? 0))
      }
    }
    guard !lines.isEmpty else {
      return html
        + HTMLText.paragraph(
          t("Nog geen overgangen op de peildatum.", "No transfers yet on the valid day."))
    }
    let (adviceDecision, council, request, verdict) = (
      column(advice, "decision"), column(advice, "ondernemingsraad"), column(advice, "request"),
      column(advice, "advies")
    )
    lines.sort { ($0.key[3], $0.key[0]) < ($1.key[3], $1.key[0]) }
    let late = facts.lateDecisions
    html += HTMLText.table(
      caption: t(
        "Elke regel: één record, de medewerkers die het verplaatst, en wat het onderbouwt",
        "Each line: one record, the people it moved, and what backs it"),
      headers: [
        t("Record", "Record"), t("Ingang", "Effective"), t("Wat", "What"), t("Naar", "To"),
        t("Medewerkers", "People"), t("Fte (cohort)", "FTE (cohort)"), t("Besluiten", "Decisions"),
        t("OR-advies", "Works council advice"),
      ],
      rows: lines.map { line in
        let cited = line.key[4] == "-" ? [] : line.key[4].components(separatedBy: ", ")
        let adviceWords = advice.rows.filter { cited.contains($0[adviceDecision]) }.map {
          "\($0[adviceDecision]): \($0[request]) \($0[council]) \($0[verdict])"
        }
        return [
          line.key[0], language.cell(line.key[3]), language.word(line.key[1]),
          line.key[2] == "-" ? "–" : line.key[2], String(line.people),
          language.fte(tenThousandths: line.fte),
          cited.isEmpty
            ? "–"
            : cited.map {
              $0 + (late.contains($0) ? t(" (laat vastgelegd)", " (recorded late)") : "")
            }.joined(separator: ", "),
          adviceWords.isEmpty ? "–" : adviceWords.joined(separator: "; "),
        ]
      }, right: [4, 5])
    return html
  }
}
