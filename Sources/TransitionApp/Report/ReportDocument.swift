import Projections
import TransitionDomain

/// The report as one HTML document: the head with its style sheets, then the sections.
struct ReportDocument {
  let facts: ReportFacts
  var language: ReportLanguage { facts.language }

  /// `dutch` or `english`, as the report's language says.
  func t(_ dutch: String, _ english: String) -> String { language.t(dutch, english) }

  /// The whole file.
  var html: String {
    var html =
      "<!DOCTYPE html>\n<html lang=\"\(language.rawValue)\">\n<head>\n<meta charset=\"utf-8\">\n"
    html +=
      "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src"
      + " 'unsafe-inline'; img-src data:\">\n"
    html += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
    html +=
      "<title>\(HTMLText.escape(title))</title>\n<style>\n\(Self.style)</style>\n</head>\n<body>\n"
    html += cover
    if facts.seq == 0 {
      html += "<section id=\"leeg\" class=\"empty\">\n<h2>\(t("Geen records", "No records"))</h2>\n"
      html += HTMLText.paragraph(
        facts.recordCount == 0
          ? t(
            "Het logboek is leeg: er is nog niets vastgelegd, dus er is geen tijdlijn, personeel,"
              + " besluit of geld om te tonen.",
            "The log is empty: nothing has been recorded yet, so there is no timeline, staff,"
              + " decision or money to show.")
          : t(
            "Op dit moment van kennis bevatte het logboek nog geen records, dus er is geen"
              + " tijdlijn, personeel, besluit of geld om te tonen.",
            "As known at this moment the log held no records yet, so there is no timeline, staff,"
              + " decision or money to show."))
      html += "</section>\n"
    } else {
      html += timelineSection + staffSection + decisionsSection + moneySection + auditSection
      html += changesSection
    }
    return html + "</body>\n</html>\n"
  }

  /// The document's title.
  var title: String {
    t("Transitierapportage ", "Transition report ") + facts.logName + " — "
      + language.day(facts.request.query.validAt)
  }

  /// The known-at moment in words.
  func knownWords(_ knownAt: KnownAt) -> String {
    switch knownAt {
    case .everything: t("nu (alles wat is vastgelegd)", "now (everything recorded)")
    case .instant(let instant): language.instant(instant.description)
    case .seq(let seq): t("na record \(seq)", "after record \(seq)")
    }
  }

  /// The first page: what the report is of and how to tie it to the log.
  var cover: String {
    let query = facts.request.query
    var html = "<header class=\"cover\" id=\"voorblad\">\n"
    html += "<p class=\"kicker\">\(t("Transitierapportage", "Transition report"))</p>\n"
    html += "<h1>\(HTMLText.escape(facts.logName))</h1>\n"
    html +=
      "<p class=\"subtitle\">"
      + HTMLText.escape(
        t("Stand op ", "As on ") + language.day(query.validAt) + t(", zoals bekend ", ", as known ")
          + knownWords(query.knownAt)) + "</p>\n"
    let rows: [(String, String)] = [
      (t("Logboek", "Log"), facts.logName),
      (t("Geldig op", "Valid on"), language.day(query.validAt)),
      (t("Zoals bekend", "As known"), knownWords(query.knownAt)),
      (
        t("Correcties", "Corrections"),
        query.asRecorded
          ? t("genegeerd: zoals oorspronkelijk vastgelegd", "ignored: as first recorded")
          : t("verwerkt", "applied")
      ),
      (
        t("Records", "Records"),
        t(
          "\(language.grouped(facts.seq)) van \(language.grouped(facts.recordCount)) gelezen",
          "\(language.grouped(facts.seq)) of \(language.grouped(facts.recordCount)) read")
      ),
      (t("Kop-hash van het logboek", "Head hash of the log"), facts.headHash),
      (t("Checkpoint (RFC 6962-wortel)", "Checkpoint (RFC 6962 root)"), facts.checkpointRoot),
      (
        t("Bevindingen", "Findings"),
        facts.findings.isEmpty
          ? t("geen bevindingen", "no findings") : language.grouped(Int64(facts.findings.count))
      ),
    ]
    html += "<dl class=\"facts\">\n"
    for (term, value) in rows {
      html += "<dt>\(HTMLText.escape(term))</dt><dd>\(HTMLText.escape(value))</dd>\n"
    }
    html += "</dl>\n"
    html += HTMLText.paragraph(
      t(
        "Wie dit rapport aan het logboek wil koppelen, bewaart de checkpoint hieronder in een"
          + " bestand en controleert later met `transition verify LOGBOEK --checkpoint BESTAND`"
          + " dat het logboek er nog steeds mee begint.",
        "To tie this report to the log, keep the checkpoint below in a file and later check with"
          + " `transition verify LOG --checkpoint FILE` that the log still begins with it."),
      className: "note")
    html += "<pre class=\"checkpoint\">\(HTMLText.escape(facts.checkpoint.text))</pre>\n"
    if facts.seq > 0 {
      html += "<nav><ol>\n"
      var entries = [
        ("tijdlijn", t("Tijdlijn", "Timeline")), ("personeel", t("Personeel", "Staff")),
        ("besluiten", t("Besluiten", "Decisions")), ("geld", t("Geld", "Money")),
        ("controle", t("Controle", "Audit")),
      ]
      if facts.changes != nil {
        entries.append(("wijzigingen", t("Wat is veranderd", "What changed")))
      }
      for (anchor, name) in entries {
        html += "<li><a href=\"#\(anchor)\">\(HTMLText.escape(name))</a></li>\n"
      }
      html += "</ol></nav>\n"
    }
    return html + "</header>\n"
  }

  /// Index of `column` in `table`.
  func column(_ table: ViewTable, _ name: String) -> Int {
    guard let index = table.columns.firstIndex(where: { $0.name == name }) else {
      preconditionFailure("the \(table.name) view has a column \(name)")
    }
    return index
  }

  /// The columns `names` of `table`'s rows, each cell in the reader's forms.
  func cells(_ table: ViewTable, _ names: [String], rows: [[String]]? = nil) -> [[String]] {
    let indexes = names.map { column(table, $0) }
    return (rows ?? table.rows).map { row in indexes.map { language.cell(row[$0]) } }
  }

  /// A section's opening: its anchor and heading.
  func sectionStart(_ anchor: String, _ heading: String) -> String {
    "<section id=\"\(anchor)\">\n<h2>\(HTMLText.escape(heading))</h2>\n"
  }
}
