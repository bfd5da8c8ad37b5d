import Projections

extension ReportDocument {
  /// Section 6: every audit finding with its rule, day, records and sentence.
  var auditSection: String {
    var html = sectionStart("controle", t("Controle", "Audit"))
    guard !facts.findings.isEmpty else {
      return html
        + "<p class=\"ok lead\">"
        + t(
          "Geen bevindingen: de controleregels vinden niets op deze peildatum.",
          "No findings: the audit rules find nothing on this day.")
        + "</p>\n</section>\n"
    }
    html += HTMLText.paragraph(
      t(
        "\(facts.findings.count) bevinding\(facts.findings.count == 1 ? "" : "en"), zoals `transition audit` ze geeft. De zinnen zijn die van de controleregels (in het Engels).",
        "\(facts.findings.count) finding\(facts.findings.count == 1 ? "" : "s"), as `transition audit` gives them."
      ))
    html += "<ol class=\"findings\">\n"
    for (finding, records) in zip(facts.findings, facts.findingRecords) {
      html += "<li>\n<p><strong>\(HTMLText.escape(finding.rule))</strong>"
      if let day = finding.day { html += " · " + HTMLText.escape(language.day(day)) }
      html += "</p>\n"
      html += HTMLText.paragraph(
        t("Records: ", "Records: ")
          + zip(finding.seqs, records).map { "\($0) \($1)" }.joined(separator: ", "),
        className: "note")
      html += HTMLText.paragraph(finding.message)
      html += "</li>\n"
    }
    return html + "</ol>\n</section>\n"
  }

  /// Section 7: what differs from the report as known at `--since-known-at`.
  var changesSection: String {
    guard let changes = facts.changes, let since = facts.request.sinceKnownAt else { return "" }
    var html = sectionStart("wijzigingen", t("Wat is veranderd", "What changed"))
    html += HTMLText.paragraph(
      t(
        "Vergeleken met dit rapport zoals bekend \(knownWords(since)) (record \(changes.fromSeq)); nu record \(changes.toSeq). Per weergave de rijen die zijn toegevoegd, verwijderd of gewijzigd, en de records daartussen die ze veroorzaakten.",
        "Compared with this report as known \(knownWords(since)) (record \(changes.fromSeq)); now record \(changes.toSeq). Per view the rows added, removed or changed, and the records in between that caused them."
      ))
    html += HTMLText.paragraph(
      t("Bevindingen toen: ", "Findings then: ") + String(changes.findingsBefore.count)
        + t("; nu: ", "; now: ") + String(facts.findings.count) + ".")
    for view in changes.views {
      html += "<h3>\(HTMLText.escape(view.view.rawValue))</h3>\n"
      guard !view.changes.isEmpty else {
        html += HTMLText.paragraph(t("Geen wijzigingen.", "No changes."), className: "note")
        continue
      }
      let keys = max(1, view.new.keyColumnCount)
      let names = view.new.columns.map(\.name)
      let rows: [[String]] = view.changes.map { change in
        switch change {
        case .added(let row):
          return [
            language.word("added"), row.prefix(keys).joined(separator: " / "),
            zip(names, row).dropFirst(keys).filter { $0.1 != "-" }.map {
              "\($0.0): \(language.cell($0.1))"
            }.joined(separator: "; "),
          ]
        case .removed(let row):
          return [
            language.word("removed"), row.prefix(keys).joined(separator: " / "),
            zip(names, row).dropFirst(keys).filter { $0.1 != "-" }.map {
              "\($0.0): \(language.cell($0.1))"
            }.joined(separator: "; "),
          ]
        case .changed(let old, let new):
          return [
            language.word("changed"), new.prefix(keys).joined(separator: " / "),
            names.indices.filter { old[$0] != new[$0] }.map {
              "\(names[$0]): \(language.cell(old[$0])) → \(language.cell(new[$0]))"
            }.joined(separator: "; "),
          ]
        }
      }
      html += HTMLText.table(
        caption: nil, headers: [t("Wijziging", "Change"), t("Rij", "Row"), t("Wat", "What")],
        rows: rows, className: "compact")
      let causes = view.causes
      html += HTMLText.table(
        caption: causes.attributed
          ? t("Records die de gewijzigde rijen raken", "Records that touch the changed rows")
          : t(
            "Records daartussen (niet elke rij noemt een record; de wijzigingen komen uit deze)",
            "Records in between (not every row names a record; the changes come from these)"),
        headers: [
          t("Seq", "Seq"), t("Record", "Record"), t("Type", "Type"), t("Vastgelegd", "Recorded"),
          t("Raakt", "Touches"),
        ],
        rows: causes.touches.map { touch in
          [
            String(touch.record.seq), touch.record.id, touch.record.type,
            language.instant(touch.record.recorded.description),
            touch.rows.isEmpty ? "–" : touch.rows.joined(separator: "; "),
          ]
        }, right: [0], className: "compact")
    }
    return html + "</section>\n"
  }
}
