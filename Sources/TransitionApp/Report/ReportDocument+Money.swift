import Projections

extension ReportDocument {
  /// Section 5: costs per municipality and category against the estimate, key versions and
  /// funds.
  var moneySection: String {
    let costs = facts.table(.costs)
    var html = sectionStart("geld", t("Geld", "Money"))
    guard !costs.rows.isEmpty else {
      return html
        + HTMLText.paragraph(
          t(
            "Tot de peildatum zijn geen kosten geboekt.",
            "No costs were booked up to the valid day."))
        + fundsTable + "</section>\n"
    }
    let (category, amount, funding) = (
      column(costs, "category"), column(costs, "amount"), column(costs, "funding")
    )
    let municipalities = costs.columns.indices.dropFirst(amount + 1).map { costs.columns[$0].name }
    let categories = Array(Set(costs.rows.map { $0[category] })).sorted()
    func sum(_ rows: [[String]], _ index: Int) -> Int64 {
      rows.map { CellText.cents($0[index]) ?? 0 }.reduce(0, +)
    }
    var estimates: [String: Int64] = [:]
    var totalEstimates: [(String, Int64)] = []
    for note in costs.notes where note.hasPrefix("estimate ") {
      let words = note.split(separator: " ").map(String.init)
      guard words.count >= 4,
        let cents = CellText.cents("EUR " + words[3].trimmingCharacters(in: [";"]))
      else { continue }
      if municipalities.contains(words[1]) {
        estimates[words[1]] = cents
      } else {
        totalEstimates.append((words[1], cents))
      }
    }
    var bars = municipalities.enumerated().map { offset, name in
      let index = amount + 1 + offset
      return ReportCharts.Bar(
        name: name,
        segments: categories.enumerated().map { categoryIndex, value in
          (categoryIndex, sum(costs.rows.filter { $0[category] == value }, index))
        }, mark: estimates[name])
    }
    bars.append(
      ReportCharts.Bar(
        name: t("totaal", "total"),
        segments: categories.enumerated().map { categoryIndex, value in
          (categoryIndex, sum(costs.rows.filter { $0[category] == value }, amount))
        }, mark: totalEstimates.count == 1 ? totalEstimates[0].1 : nil))
    html += HTMLText.paragraph(
      t(
        "Geboekte kosten tot en met \(language.day(facts.request.query.validAt)) per gemeente (volgens de verdeelsleutel) en per categorie; de streep is de raming.",
        "Costs booked up to \(language.day(facts.request.query.validAt)) per municipality (by the cost-sharing key) and per category; the tick is the estimate."
      ))
    html += "<figure>\n"
    html += ReportCharts.bars(
      id: "kosten",
      title: t("Kosten per gemeente en categorie", "Costs per municipality and category"),
      desc: bars.map { bar in
        bar.name + ": " + language.money(cents: bar.segments.map(\.value).reduce(0, +))
          + (bar.mark.map { t(", raming ", ", estimate ") + language.money(cents: $0) } ?? "")
      }.joined(separator: "; "),
      categories: categories, bars: bars, markName: t("raming", "estimate"),
      label: { language.money(cents: $0) })
    html += "</figure>\n"
    // Categories down, municipalities across: a table that fits the page however many
    // categories there are.
    var tableRows = categories.enumerated().map { index, name in
      [name] + bars.map { bar in language.money(cents: bar.segments[index].value) }
    }
    tableRows.append(
      [t("totaal", "total")]
        + bars.map { language.money(cents: $0.segments.map(\.value).reduce(0, +)) })
    tableRows.append(
      [t("raming", "estimate")] + bars.map { $0.mark.map { language.money(cents: $0) } ?? "–" })
    html += HTMLText.table(
      caption: t("Kosten per categorie en gemeente", "Costs per category and municipality"),
      headers: [t("Categorie", "Category")] + bars.map(\.name), rows: tableRows,
      right: Set(1...bars.count))
    for (costsName, estimate) in totalEstimates {
      if let note = costs.notes.first(where: { $0.hasPrefix("estimate \(costsName) ") }),
        let range = note.range(of: "difference EUR ")
      {
        let rest = note[range.upperBound...].split(separator: " ")
        if let difference = CellText.cents("EUR " + rest[0]),
          let percent = CellText.hundredths(
            String(rest.count > 1 ? rest[1].trimmingCharacters(in: ["(", ")", ":"]) : ""))
        {
          html += HTMLText.paragraph(
            t("Raming \(costsName): ", "Estimate \(costsName): ") + language.money(cents: estimate)
              + t("; verschil ", "; difference ") + language.money(cents: difference) + " ("
              + language.hundredths(percent) + " %)"
              + (difference > 0 ? t(": boven de raming", ": above the estimate") : ""),
            className: difference > 0 ? "warn" : "note")
        }
      }
    }
    html += "<h3>\(t("Verdeelsleutels", "Cost-sharing keys"))</h3>\n"
    let keys = costs.notes.filter { $0.hasPrefix("verdeelsleutel ") }
    html += HTMLText.table(
      caption: nil,
      headers: [
        t("Kosten", "Costs"), t("Versie op de peildatum", "Version on the valid day"),
        t("Aandelen", "Shares"),
      ],
      rows: keys.map { note in
        let words = note.split(separator: " ", maxSplits: 1).map(String.init)
        let rest = words.count > 1 ? words[1] : ""
        let costsName = String(rest.prefix { $0 != " " })
        let version =
          rest.range(of: ": ").map { String(rest[$0.upperBound...].prefix { $0 != " " }) } ?? "–"
        let shares = rest.range(of: "(").map { String(rest[$0.upperBound...].dropLast()) } ?? "–"
        return [
          costsName, version,
          language == .nl ? shares.replacingOccurrences(of: ".", with: ",") : shares,
        ]
      })
    html += "<h3>\(t("Financiering", "Funding"))</h3>\n"
    let funds = Array(Set(costs.rows.map { $0[funding] })).sorted()
    html += HTMLText.table(
      caption: nil, headers: [t("Bron", "Source"), t("Geboekt ten laste", "Booked against it")],
      rows: funds.map { fund in
        [fund, language.money(cents: sum(costs.rows.filter { $0[funding] == fund }, amount))]
      }, right: [1])
    html += fundsTable
    html += "<h3>\(t("Kostenregels", "Cost lines"))</h3>\n"
    html += HTMLText.table(
      caption: nil,
      headers: [
        t("Regel", "Line"), t("Record", "Record"), t("Datum", "Date"), t("Categorie", "Category"),
        t("Omschrijving", "Description"), t("Sleutel", "Key"), t("Bedrag", "Amount"),
      ] + municipalities,
      rows: cells(
        costs,
        ["line", "record", "effective", "category", "description", "key", "amount"] + municipalities
      ),
      right: Set(6...(6 + municipalities.count)), className: "compact")
    return html + "</section>\n"
  }

  /// The reserves and budgets with their balance, as `state --view funds` gives them, with its
  /// notes per holder; nothing when the log holds no fund.
  var fundsTable: String {
    let funds = facts.table(.funds)
    guard !funds.rows.isEmpty else { return "" }
    var html = "<h3>\(t("Reserves en budgetten", "Reserves and budgets"))</h3>\n"
    html += HTMLText.table(
      caption: t(
        "Per fonds het bedrag, de toegestane en geboekte onttrekkingen en het saldo",
        "Per fund its amount, the authorised and booked withdrawals and the balance"),
      headers: funds.columns.map { column in
        let dutch = [
          "fund": "fonds", "withdrawal": "onttrekking", "holder": "houder", "effective": "ingang",
          "amount": "bedrag", "authorised": "toegestaan", "booked": "geboekt", "balance": "saldo",
        ]
        return language == .nl ? dutch[column.name] ?? column.name : column.name
      },
      rows: funds.rows.map { row in row.map { language.cell($0) } }, className: "compact")
    for note in funds.notes { html += HTMLText.paragraph(note) }
    return html
  }
}
