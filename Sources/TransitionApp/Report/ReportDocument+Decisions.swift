import Projections

extension ReportDocument {
  /// Section 4: the decision register per body, and per regional step who has decided.
  var decisionsSection: String {
    let decisions = facts.table(.decisions)
    var html = sectionStart("besluiten", t("Besluiten", "Decisions"))
    let (body, inForce) = (column(decisions, "body"), column(decisions, "in force"))
    let count = decisions.rows.filter { $0[inForce] == "yes" }.count
    html += HTMLText.paragraph(
      t(
        "In werking op \(language.day(facts.request.query.validAt)): \(count) van \(decisions.rows.count) besluiten.",
        "In force on \(language.day(facts.request.query.validAt)): \(count) of \(decisions.rows.count) decisions."
      ))
    let bodies = Array(Set(decisions.rows.map { $0[body] })).sorted()
    let late = facts.lateDecisions
    for name in bodies {
      let rows = decisions.rows.filter { $0[body] == name }
      var cellsOfRows = cells(
        decisions, ["decision", "kind", "status", "taken", "valid from", "in force", "recorded"],
        rows: rows)
      for index in cellsOfRows.indices {
        cellsOfRows[index][6] =
          language.instant(rows[index][column(decisions, "recorded")])
          + (late.contains(rows[index][0]) ? t(" — laat vastgelegd", " — recorded late") : "")
      }
      html += HTMLText.table(
        caption: name,
        headers: [
          t("Besluit", "Decision"), t("Soort", "Kind"), t("Status", "Status"),
          t("Genomen", "Taken"), t("Geldig vanaf", "Valid from"), t("In werking", "In force"),
          t("Vastgelegd", "Recorded"),
        ], rows: cellsOfRows, className: "register")
    }
    let regional = facts.table(.regional)
    html +=
      "<h3>\(t("Regionale stappen: wie heeft besloten", "Regional steps: who has decided"))</h3>\n"
    if regional.rows.isEmpty {
      html += HTMLText.paragraph(t("Geen regionale stappen.", "No regional steps."))
    } else {
      html += HTMLText.table(
        caption: nil,
        headers: [
          t("Stap", "Step"), t("Gemeente", "Municipality"), t("Besluit", "Decision"),
          t("Genomen", "Taken"), t("Stand", "State"),
        ], rows: cells(regional, ["step", "gemeente", "decision", "taken", "state"]))
      for note in regional.notes {
        html += HTMLText.paragraph(regionalNote(note), className: "note")
      }
    }
    return html + "</section>\n"
  }

  /// A note of the regional view (`transitieplan: decided by every council; in force for the
  /// region`) in the report's language.
  func regionalNote(_ note: String) -> String {
    guard language == .nl else { return note }
    return note.replacingOccurrences(
      of: "decided by every council", with: "door elke raad besloten"
    )
    .replacingOccurrences(of: "in force for the region", with: "in werking voor de regio")
    .replacingOccurrences(of: "not yet decided by", with: "nog niet besloten door")
    .replacingOccurrences(of: "decided by", with: "besloten door")
  }
}
