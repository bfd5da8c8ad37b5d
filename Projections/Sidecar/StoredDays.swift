import TransitionDomain

/// Days and instants as a sidecar stores them (day numbers, UTC milliseconds), made safe to
/// turn into calendar days whatever the bytes say: `CalendarDay` traps outside the years 1 to
/// 9999, and a forged sidecar can hold any number (issue 15, item 3).
extension CalendarDay {
  /// The day number of 0001-01-01.
  static let firstDayNumber = CalendarDay(1, 1, 1).dayNumber
  /// The day number of 9999-12-31.
  static let lastDayNumber = CalendarDay(9999, 12, 31).dayNumber

  /// Whether `number` is the number of a day in the years 1 to 9999.
  static func isValid(dayNumber number: Int) -> Bool {
    number >= firstDayNumber && number <= lastDayNumber
  }

  /// The day numbered `number`, clamped to 0001-01-01 … 9999-12-31: a number the fold made is
  /// always inside, so only a forged sidecar's is moved (to a wrong day, never a trap).
  static func stored(_ number: Int) -> CalendarDay {
    CalendarDay(dayNumber: Swift.min(Swift.max(number, firstDayNumber), lastDayNumber))
  }
}

/// The UTC milliseconds of the first and the last millisecond of the years 1 to 9999.
enum StoredInstants {
  static let first = Int64(CalendarDay.firstDayNumber) * 86_400_000
  static let last = Int64(CalendarDay.lastDayNumber) * 86_400_000 + 86_399_999

  /// Whether `milliseconds` is an instant in the years 1 to 9999.
  static func isValid(_ milliseconds: Int64) -> Bool {
    milliseconds >= first && milliseconds <= last
  }
}
