import EventLog
import TransitionApp
import TransitionDomain

/// Days and instants as the flags take them.
enum TimeArguments {
  /// A calendar day `YYYY-MM-DD` given to `--flag`, or a data error naming it.
  static func day(_ text: String, flag: String) throws(CommandFailure) -> CalendarDay {
    guard let day = CalendarDay(parsing: text) else {
      throw CommandFailure(
        status: .dataError,
        message: "--\(flag) \(text) is not a real day. Write it as YYYY-MM-DD, such as 2026-07-01.")
    }
    return day
  }

  /// An instant given to `--flag`: a time with a zone (`2020-09-30T23:59+02:00`,
  /// `2026-07-14T10:30:00.000Z`, `2026-07-14T10:30Z`), a Dutch local time without one
  /// (`2026-07-14T10:30`), or a day `2026-07-14`, which means the end of that day in Dutch time
  /// (23:59:59.999 Europe/Amsterdam), so that "as known on 2026-07-14" includes what was
  /// recorded that day in the Netherlands.
  static func instant(_ text: String, flag: String) throws(CommandFailure) -> LogInstant {
    if let day = CalendarDay(parsing: text) { return DutchTime.endOfDay(day) }
    if let instant = LogInstant(text) { return instant }
    let parsed = DutchTime.instant(text)
    if let instant = parsed.instant { return instant }
    if parsed.local == 2 {
      throw CommandFailure(
        status: .dataError,
        message: "--\(flag) \(text) occurs twice in Dutch time (the hour the clocks go back)."
          + " Add the offset: \(text)+02:00 (the first, summer time) or \(text)+01:00.")
    }
    if parsed.local == 0 {
      throw CommandFailure(
        status: .dataError,
        message: "--\(flag) \(text) does not exist in Dutch time (the hour the clocks go"
          + " forward). Give another time, or add the offset, such as \(text)+01:00.")
    }
    throw CommandFailure(
      status: .dataError,
      message: "--\(flag) \(text) is not an instant. Write a day (2026-07-14, meaning the end of"
        + " that day in Dutch time), a time with its offset such as 2020-09-30T23:59+02:00 or"
        + " 2026-07-14T10:30:00Z, or a Dutch local time such as 2026-07-14T10:30.")
  }

  /// A record number given to `--flag`: 0 (before the first record) or more.
  static func seq(_ text: String, flag: String) throws(CommandFailure) -> Int64 {
    guard let seq = Int64(text), seq >= 0 else {
      throw CommandFailure(
        status: .dataError,
        message: "--\(flag) \(text) is not a record number. Give 0 or more, such as 150.")
    }
    return seq
  }
}
