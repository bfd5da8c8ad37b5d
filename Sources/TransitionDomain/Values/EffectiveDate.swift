/// How precisely a date was recorded; the raw values are stored, so they never change.
public enum DatePrecision: String, Hashable, Sendable, Codable, CaseIterable {
  /// A single day: `2026-07-01`.
  case day
  /// A calendar month: `2024-04`.
  case month
  /// A calendar quarter: `2023-Q1`.
  case quarter
  /// A half year: `2025-H2`.
  case halfYear = "half-year"
  /// A calendar year: `2013`.
  case year
  /// Approximately the month given: `2024-07~` ("medio 2024").
  case approximate
}

/// An effective date as recorded: the first day of the period and the precision it had.
///
/// A record's `effective` day is `firstDay`; the precision travels in the event data
/// (`effectivePrecision`, omitted for `day`) so views can print it as coarse as it was recorded.
public struct EffectiveDate: Hashable, Sendable, CustomStringConvertible {
  /// The first day of the recorded period.
  public let firstDay: CalendarDay
  /// How precisely it was recorded.
  public let precision: DatePrecision

  /// A date of `precision` starting at `firstDay`.
  public init(_ firstDay: CalendarDay, precision: DatePrecision = .day) {
    self.firstDay = firstDay
    self.precision = precision
  }

  /// Parses `2026-07-01`, `2024-04`, `2023-Q1`, `2025-H2`, `2013` or `2024-07~`; nil otherwise.
  public init?(parsing text: String) {
    if let day = CalendarDay(parsing: text) {
      self.init(day)
      return
    }
    var body = text
    let approximate = body.hasSuffix("~")
    if approximate { body.removeLast() }
    let parts = body.split(separator: "-", omittingEmptySubsequences: false)
    guard let yearText = parts.first, yearText.count == 4, yearText.allSatisfy(\.isASCIIDigit),
      let year = Int(yearText)
    else { return nil }
    if parts.count == 1 {
      guard !approximate, let first = CalendarDay(year: year, month: 1, day: 1) else { return nil }
      self.init(first, precision: .year)
      return
    }
    guard parts.count == 2 else { return nil }
    let period = String(parts[1])
    let quarters = ["Q1": 1, "Q2": 4, "Q3": 7, "Q4": 10, "H1": 1, "H2": 7]
    if let month = quarters[period], !approximate,
      let first = CalendarDay(year: year, month: month, day: 1)
    {
      self.init(first, precision: period.hasPrefix("Q") ? .quarter : .halfYear)
      return
    }
    guard period.count == 2, period.allSatisfy(\.isASCIIDigit), let month = Int(period),
      let first = CalendarDay(year: year, month: month, day: 1)
    else { return nil }
    self.init(first, precision: approximate ? .approximate : .month)
  }

  /// The date as coarse as it was recorded: `2013`, `2023-Q1`, `2024-07~`, `2026-07-01`.
  public var description: String {
    let year = CalendarDay.pad(firstDay.year, 4)
    let month = CalendarDay.pad(firstDay.month, 2)
    switch precision {
    case .day: return firstDay.description
    case .month: return year + "-" + month
    case .quarter: return year + "-Q" + String((firstDay.month - 1) / 3 + 1)
    case .halfYear: return year + "-H" + String(firstDay.month <= 6 ? 1 : 2)
    case .year: return year
    case .approximate: return year + "-" + month + "~"
    }
  }
}
