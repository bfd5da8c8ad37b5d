import EventLog
import TransitionDomain

/// The language of a report, and how it writes numbers, amounts and days.
///
/// The views hand over cells as text in one neutral form (`47.0000`, `EUR 2,352,500.00`,
/// `2026-07-01`); the report only rewrites that text in the reader's forms (`47,00 fte`,
/// `€ 2.352.500,00`, `1 juli 2026`) and never computes a figure again.
public enum ReportLanguage: String, CaseIterable, Sendable {
  /// Dutch, the default: the users are Dutch officials.
  case nl
  /// English.
  case en

  /// `dutch` in Dutch, `english` in English.
  func t(_ dutch: String, _ english: String) -> String { self == .nl ? dutch : english }

  /// The decimal separator and the thousands separator.
  private var separators: (decimal: String, thousands: String) {
    self == .nl ? (",", ".") : (".", ",")
  }

  private static let dutchMonths = [
    "januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
    "oktober", "november", "december",
  ]
  private static let englishMonths = [
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
  ]

  /// The month's name.
  func month(_ month: Int) -> String {
    (self == .nl ? Self.dutchMonths : Self.englishMonths)[month - 1]
  }

  /// A day in words: `1 juli 2026`, `1 July 2026`.
  func day(_ day: CalendarDay) -> String { "\(day.day) \(month(day.month)) \(day.year)" }

  /// A month in words, for chart axes: `jul 2026`.
  func shortMonth(_ day: CalendarDay) -> String { "\(month(day.month).prefix(3)) \(day.year)" }

  /// A whole number with thousands separators: `2.352.500`.
  func grouped(_ value: Int64) -> String {
    let digits = String(value.magnitude)
    var result = ""
    for (index, character) in digits.enumerated() {
      if index > 0 && (digits.count - index) % 3 == 0 { result += separators.thousands }
      result.append(character)
    }
    return (value < 0 ? "-" : "") + result
  }

  /// An amount in cents: `€ 2.352.500,00`, `€ 2,352,500.00`.
  func money(cents: Int64) -> String {
    let magnitude = cents.magnitude
    let fraction = magnitude % 100
    return (cents < 0 ? "€ -" : "€ ") + grouped(Int64(magnitude / 100)) + separators.decimal
      + (fraction < 10 ? "0" : "") + String(fraction)
  }

  /// A number of hundredths with two decimals: `47,00`.
  func hundredths(_ value: Int64) -> String {
    let magnitude = value.magnitude
    let fraction = magnitude % 100
    return (value < 0 ? "-" : "") + grouped(Int64(magnitude / 100)) + separators.decimal
      + (fraction < 10 ? "0" : "") + String(fraction)
  }

  /// FTE in ten-thousandths written with two decimals, rounded half away from zero: `47,00`.
  func fte(tenThousandths value: Int64) -> String {
    let rounded = (value + (value >= 0 ? 50 : -50)) / 100
    return hundredths(rounded)
  }

  /// An instant of the log in words, in Dutch time: `2 juli 2026, 23:59:59 (Nederlandse tijd)`.
  ///
  /// Readers are Dutch officials: a moment is shown as the clock in the Netherlands read it
  /// (`DutchTime`), not in UTC; text that is not a log instant is shown as it is.
  func instant(_ text: String) -> String {
    guard let instant = LogInstant(text) else { return text }
    let local = DutchTime.local(instant)
    guard let day = CalendarDay(parsing: String(local.prefix(10))) else { return text }
    let time = local.dropFirst(11).prefix(8)
    return self.day(day) + ", " + time + (self == .nl ? " (Nederlandse tijd)" : " (Dutch time)")
  }

  /// A view's cell in the reader's forms: FTE, amounts, days, percentages and the views'
  /// English words; any other text as it is.
  func cell(_ text: String) -> String {
    if let cents = CellText.cents(text) { return money(cents: cents) }
    if let value = CellText.tenThousandths(text) { return fte(tenThousandths: value) }
    if let day = CalendarDay(parsing: text) { return self.day(day) }
    return word(text)
  }

  /// The views' English words in the report's language.
  func word(_ text: String) -> String {
    if text == "-" { return "–" }
    guard self == .nl else { return text }
    switch text {
    case "-": return "–"
    case "yes": return "ja"
    case "no": return "nee"
    case "decided": return "besloten"
    case "not decided": return "niet besloten"
    case "transferred": return "overgegaan"
    case "departed": return "vertrokken"
    case "reassigned": return "herplaatst"
    case "surplus": return "boventallig"
    case "in cohort": return "in cohort"
    case "proposed": return "voorgesteld"
    case "considered": return "besproken"
    case "revoked": return "ingetrokken"
    case "superseded": return "vervangen"
    case "unplanned": return "niet gepland"
    case "added": return "toegevoegd"
    case "removed": return "verwijderd"
    case "changed": return "gewijzigd"
    default:
      if text.hasPrefix("at ") { return "bij " + text.dropFirst(3) }
      return text
    }
  }
}

/// Reads the neutral text of view cells back into numbers, for charts: the same figures the
/// views print, never computed again.
enum CellText {
  /// `EUR 2,352,500.00` or `EUR -298.20` in cents; nil for any other text.
  static func cents(_ text: String) -> Int64? {
    guard text.hasPrefix("EUR ") else { return nil }
    var body = Substring(text.dropFirst(4))
    let negative = body.hasPrefix("-")
    if negative { body = body.dropFirst() }
    let parts = body.replacingOccurrences(of: ",", with: "").split(
      separator: ".", omittingEmptySubsequences: false)
    guard parts.count == 2, parts[1].count == 2, !parts[0].isEmpty,
      parts.allSatisfy({ $0.allSatisfy { ("0"..."9").contains($0) } }),
      let whole = Int64(parts[0]), let fraction = Int64(parts[1])
    else { return nil }
    let value = whole * 100 + fraction
    return negative ? -value : value
  }

  /// `12.2400` (FTE with four decimals) in ten-thousandths; nil for any other text.
  static func tenThousandths(_ text: String) -> Int64? {
    var body = Substring(text)
    let negative = body.hasPrefix("-")
    if negative { body = body.dropFirst() }
    let parts = body.split(separator: ".", omittingEmptySubsequences: false)
    guard parts.count == 2, parts[1].count == 4, !parts[0].isEmpty,
      parts.allSatisfy({ $0.allSatisfy { ("0"..."9").contains($0) } }),
      let whole = Int64(parts[0]), let fraction = Int64(parts[1])
    else { return nil }
    let value = whole * 10_000 + fraction
    return negative ? -value : value
  }

  /// `2.28` or `-86.98` (a percentage with two decimals) in hundredths.
  static func hundredths(_ text: String) -> Int64? {
    var body = Substring(text)
    let negative = body.hasPrefix("-")
    if negative { body = body.dropFirst() }
    let parts = body.split(separator: ".", omittingEmptySubsequences: false)
    guard parts.count == 2, parts[1].count == 2, let whole = Int64(parts[0]),
      let fraction = Int64(parts[1])
    else { return nil }
    return negative ? -(whole * 100 + fraction) : whole * 100 + fraction
  }

  /// The first day an effective date or day cell names: `2023-Q1` → 2023-01-01,
  /// `2023-06` → 2023-06-01, `2024-07~` → 2024-07-01, `2026-07-01` → itself; nil for `-`.
  static func firstDay(_ text: String) -> CalendarDay? {
    if let day = CalendarDay(parsing: String(text.prefix(10))) { return day }
    if let date = EffectiveDate(parsing: text) { return date.firstDay }
    let trimmed = text.hasSuffix("~") ? String(text.dropLast()) : text
    return EffectiveDate(parsing: trimmed)?.firstDay
  }
}
