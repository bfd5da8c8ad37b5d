import EventLog
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

  /// An instant given to `--flag`: `2026-07-14T10:30:00.000Z`, `2026-07-14T10:30:00Z`,
  /// `2026-07-14T10:30Z`, or a day `2026-07-14`, which means the end of that day (UTC), so
  /// that "as known on 2026-07-14" includes what was recorded that day.
  static func instant(_ text: String, flag: String) throws(CommandFailure) -> LogInstant {
    if let day = CalendarDay(parsing: text) {
      let milliseconds = Int64(day.dayNumber + 1) * 86_400_000 - 1
      return LogInstant(millisecondsSinceEpoch: milliseconds)
    }
    var candidate = text
    if candidate.hasSuffix("Z") {
      let body = candidate.dropLast()
      let colons = body.filter { $0 == ":" }.count
      if colons == 1 { candidate = body + ":00.000Z" }
      if colons == 2 && !body.contains(".") { candidate = body + ".000Z" }
    }
    guard let instant = LogInstant(candidate) else {
      throw CommandFailure(
        status: .dataError,
        message: "--\(flag) \(text) is not an instant. Write a day (2026-07-14, meaning the end of"
          + " that day, UTC) or a UTC time such as 2026-07-14T10:30:00Z.")
    }
    return instant
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
