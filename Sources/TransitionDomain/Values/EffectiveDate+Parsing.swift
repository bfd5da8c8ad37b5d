extension EffectiveDate {
  /// The accepted forms, for messages: every spelling `init(parsing:)` takes, by example.
  public static let acceptedForms =
    "2026-07-01, 2024-04 (or april 2024), 2023-Q1, 2025-H2, 2013, 2024-07~ (about),"
    + " voorjaar 2024 (March-May), zomer 2024 (June-August), najaar 2024 (September-November),"
    + " winter 2020/2021 (December-February), a range such as 2020-12 - 2021-02"
    + " (december 2020 - februari 2021), or uiterlijk 2026-07-01 / uiterlijk 2026 (on or before)"

  /// Parses any form in the table of `EffectiveDate` (such as `2026-07-01`, `2024-04`,
  /// `voorjaar 2024`, `december 2020 - februari 2021`, `uiterlijk 2026`); nil otherwise.
  public init?(parsing text: String) {
    let words = EffectiveDate.words(text)
    guard !words.isEmpty else { return nil }
    for prefix in [["uiterlijk"], ["on", "or", "before"], ["<="], ["≤"]]
    where words.count > prefix.count && Array(words.prefix(prefix.count)) == prefix {
      guard let bound = EffectiveDate.period(Array(words.dropFirst(prefix.count))),
        bound.precision != .approximate
      else { return nil }
      self.init(
        bound.firstDay, precision: .onOrBefore, until: bound.isDay ? nil : bound.lastDay)
      return
    }
    for separator in [["-"], ["–"], ["t/m"], ["to"], ["tot", "en", "met"]] {
      guard let index = words.indices.first(where: { words[$0...].starts(with: separator) })
      else { continue }
      guard let start = EffectiveDate.period(Array(words[..<index])),
        let end = EffectiveDate.period(Array(words[(index + separator.count)...])),
        start.precision != .approximate, end.precision != .approximate
      else { return nil }
      self.init(start.firstDay, precision: .range, until: end.lastDay)
      return
    }
    guard let single = EffectiveDate.period(words) else { return nil }
    self = single
  }

  /// The words of `text`, lower case, split on spaces; a hyphen or dash between spaces is a word.
  private static func words(_ text: String) -> [String] {
    text.lowercased().split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
  }

  /// One period (not a range, not "on or before") from its words, or nil.
  private static func period(_ words: [String]) -> EffectiveDate? {
    switch words.count {
    case 1: return compact(words[0])
    case 2:
      if let season = season(words[0], words[1]) { return season }
      guard let month = monthNames[words[0]], let year = year(words[1]),
        let first = CalendarDay(year: year, month: month, day: 1)
      else { return nil }
      return EffectiveDate(first, precision: .month)
    default: return nil
    }
  }

  /// `2026-07-01`, `2024-04`, `2023-Q1`, `2025-H2`, `2013` or `2024-07~`, or nil.
  private static func compact(_ text: String) -> EffectiveDate? {
    if let day = CalendarDay(parsing: text) { return EffectiveDate(day) }
    var body = text.uppercased()
    let approximate = body.hasSuffix("~")
    if approximate { body.removeLast() }
    let parts = body.split(separator: "-", omittingEmptySubsequences: false)
    guard let yearValue = parts.first.flatMap({ year(String($0)) }) else { return nil }
    if parts.count == 1 {
      guard !approximate, let first = CalendarDay(year: yearValue, month: 1, day: 1) else {
        return nil
      }
      return EffectiveDate(first, precision: .year)
    }
    guard parts.count == 2 else { return nil }
    let period = String(parts[1])
    let quarters = ["Q1": 1, "Q2": 4, "Q3": 7, "Q4": 10, "H1": 1, "H2": 7]
    if let month = quarters[period], !approximate,
      let first = CalendarDay(year: yearValue, month: month, day: 1)
    {
      return EffectiveDate(first, precision: period.hasPrefix("Q") ? .quarter : .halfYear)
    }
    guard period.count == 2, period.allSatisfy(\.isASCIIDigit), let month = Int(period),
      let first = CalendarDay(year: yearValue, month: month, day: 1)
    else { return nil }
    return EffectiveDate(first, precision: approximate ? .approximate : .month)
  }

  /// `voorjaar 2024`, `winter 2020/2021` and their other spellings, or nil.
  private static func season(_ name: String, _ yearText: String) -> EffectiveDate? {
    guard let month = seasonNames[name] else { return nil }
    var first: Int?
    if month == 12 {
      let parts = yearText.split(
        omittingEmptySubsequences: false, whereSeparator: { $0 == "/" || $0 == "-" })
      guard parts.count == 2, let from = year(String(parts[0])), year(String(parts[1])) == from + 1
      else { return nil }
      first = from
    } else {
      first = year(yearText)
    }
    guard let first, let day = CalendarDay(year: first, month: month, day: 1) else { return nil }
    return EffectiveDate(day, precision: .season)
  }

  /// Four digits as a year, or nil.
  private static func year(_ text: String) -> Int? {
    guard text.count == 4, text.allSatisfy(\.isASCIIDigit) else { return nil }
    return Int(text)
  }

  /// The first month of each season, by its accepted names.
  static let seasonNames: [String: Int] = [
    "voorjaar": 3, "lente": 3, "spring": 3, "zomer": 6, "summer": 6,
    "najaar": 9, "herfst": 9, "autumn": 9, "winter": 12,
  ]

  /// Months by their Dutch and English names and abbreviations.
  static let monthNames: [String: Int] = {
    let dutch = [
      "januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
      "oktober", "november", "december",
    ]
    let english = [
      "january", "february", "march", "april", "may", "june", "july", "august", "september",
      "october", "november", "december",
    ]
    let short = [
      "jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec",
    ]
    var names: [String: Int] = [:]
    for list in [dutch, english, short] {
      for (index, name) in list.enumerated() { names[name] = index + 1 }
    }
    names["mar"] = 3
    names["may"] = 5
    names["oct"] = 10
    return names
  }()
}
