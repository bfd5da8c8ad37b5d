import TransitionDomain

/// Formats values as table cells, the same on every machine.
enum Cell {
  /// FTE with four decimals: `12.2400`.
  static func fte(_ value: FTE) -> String { value.description }
  /// Money: `EUR 2,352,500.00`, `EUR -298.20`.
  static func money(_ value: Money) -> String { value.description }
  /// A day: `2026-07-01`.
  static func day(_ value: CalendarDay?) -> String { value?.description ?? "-" }
  /// An effective date as coarse as recorded: `2023-Q1`, `2024-07~`.
  static func date(_ value: EffectiveDate) -> String { value.description }
  /// A count.
  static func count(_ value: Int) -> String { String(value) }
  /// A UTC instant from milliseconds: `2026-07-14T08:30:00.000Z`.
  static func instant(_ milliseconds: Int64) -> String {
    // Clamped to the years 1 to 9999: only a forged sidecar holds another instant.
    let milliseconds = min(max(milliseconds, StoredInstants.first), StoredInstants.last)
    let days =
      milliseconds >= 0 ? milliseconds / 86_400_000 : (milliseconds - 86_399_999) / 86_400_000
    let rest = milliseconds - days * 86_400_000
    let day = CalendarDay(dayNumber: Int(days))
    func pad(_ number: Int64, _ width: Int) -> String {
      let digits = String(number)
      return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
    return day.description + "T" + pad(rest / 3_600_000, 2) + ":" + pad(rest / 60_000 % 60, 2)
      + ":" + pad(rest / 1000 % 60, 2) + "." + pad(rest % 1000, 3) + "Z"
  }
  /// A list: `a, b, c`, or `-` when empty.
  static func list(_ values: [String]) -> String {
    values.isEmpty ? "-" : values.joined(separator: ", ")
  }
  /// The percentage `part / whole` with two decimals, rounded half away from zero: `2.28`.
  static func percent(_ part: Int64, of whole: Int64) -> String {
    guard whole != 0 else { return "-" }
    let scaled = part * 20_000 / whole
    let rounded = (scaled + (scaled >= 0 ? 1 : -1)) / 2
    let magnitude = rounded.magnitude
    let fraction = magnitude % 100
    return (rounded < 0 ? "-" : "") + String(magnitude / 100) + "." + (fraction < 10 ? "0" : "")
      + String(fraction)
  }
}

extension CalendarDay {
  /// The same day `count` months later, clamped to the month's last day (31 Jan + 1 = 28 Feb).
  func adding(months count: Int) -> CalendarDay {
    let index = year * 12 + (month - 1) + count
    let newYear = index / 12
    let newMonth = index % 12 + 1
    return CalendarDay(
      newYear, newMonth, Swift.min(day, CalendarDay.daysIn(month: newMonth, year: newYear)))
  }
}
