import EventLog
import TransitionDomain

/// Dutch civil time (Europe/Amsterdam) computed from the EU summer-time rule, so that a clean
/// machine without a time zone database answers the same.
///
/// (1) Standard time is UTC+01:00 (CET). (2) Summer time, UTC+02:00 (CEST), runs from the last
/// Sunday of March at 01:00 UTC to the last Sunday of October at 01:00 UTC (EU Directive
/// 2000/84/EC, article 2 and 3; the Netherlands has followed it since 1996). Instants before
/// 1996 are read with the same rule.
public enum DutchTime {
  /// The offset from UTC in minutes at `instant`: 60, or 120 in summer time.
  public static func offsetMinutes(at instant: LogInstant) -> Int {
    let milliseconds = instant.millisecondsSinceEpoch
    let year = CalendarDay(dayNumber: dayNumber(milliseconds)).year
    let (start, end) = summerTime(year)
    return milliseconds >= start && milliseconds < end ? 120 : 60
  }

  /// The day number (days since 1970-01-01) of a UTC millisecond, rounding down.
  private static func dayNumber(_ milliseconds: Int64) -> Int {
    let day: Int64 = 86_400_000
    return Int((milliseconds - ((milliseconds % day) + day) % day) / day)
  }

  /// When summer time begins and ends in `year`, UTC milliseconds.
  public static func summerTime(_ year: Int) -> (start: Int64, end: Int64) {
    func oneAMUTC(lastSundayOf month: Int) -> Int64 {
      let last = CalendarDay(year, month, 31)
      // Day number 3 (1970-01-04) was a Sunday.
      let sunday = last.dayNumber - ((last.dayNumber - 3) % 7 + 7) % 7
      return Int64(sunday) * 86_400_000 + 3_600_000
    }
    return (oneAMUTC(lastSundayOf: 3), oneAMUTC(lastSundayOf: 10))
  }

  /// The last millisecond of `day` in Dutch time (23:59:59.999 local) as a UTC instant.
  public static func endOfDay(_ day: CalendarDay) -> LogInstant {
    let localEnd = Int64(day.dayNumber + 1) * 86_400_000 - 1
    // Summer time never begins or ends near midnight, so the offset at local noon holds.
    let noon = LogInstant(millisecondsSinceEpoch: Int64(day.dayNumber) * 86_400_000 + 43_200_000)
    return LogInstant(
      millisecondsSinceEpoch: localEnd - Int64(offsetMinutes(at: noon)) * 60_000)
  }

  /// The first millisecond of `day` in Dutch time (00:00 local) as a UTC instant.
  public static func startOfDay(_ day: CalendarDay) -> LogInstant {
    LogInstant(millisecondsSinceEpoch: endOfDay(day).millisecondsSinceEpoch - 86_399_999)
  }

  /// The day it is in the Netherlands at `instant`.
  public static func day(at instant: LogInstant) -> CalendarDay {
    let local = instant.millisecondsSinceEpoch + Int64(offsetMinutes(at: instant)) * 60_000
    return CalendarDay(dayNumber: dayNumber(local))
  }

  /// `instant` in Dutch time with its offset: `2020-09-30T23:59:00.000+02:00`.
  public static func local(_ instant: LogInstant) -> String {
    let offset = offsetMinutes(at: instant)
    let shifted = LogInstant(
      millisecondsSinceEpoch: instant.millisecondsSinceEpoch + Int64(offset) * 60_000)
    return String(shifted.description.dropLast()) + (offset == 120 ? "+02:00" : "+01:00")
  }

  /// Parses `YYYY-MM-DDTHH:MM[:SS[.mmm]]` with a zone (`Z`, `+HH:MM`, `-HH:MM`) or without.
  ///
  /// Without a zone the time is Dutch time. `instant` is nil when the text is not in that form
  /// (`local` is then nil too) or when a Dutch local time does not exist (`local` 0: the hour
  /// the clocks go forward) or occurs twice (`local` 2: the hour they go back).
  public static func instant(_ text: String) -> (instant: LogInstant?, local: Int?) {
    guard let tee = text.firstIndex(of: "T"), let day = CalendarDay(parsing: String(text[..<tee]))
    else { return (nil, nil) }
    var rest = Substring(text[text.index(after: tee)...])
    var offset: Int?
    if rest.hasSuffix("Z") || rest.hasSuffix("z") {
      offset = 0
      rest = rest.dropLast()
    } else if rest.count > 6, let sign = rest.dropLast(5).last, sign == "+" || sign == "-" {
      let zone = rest.suffix(5)
      guard zone.count == 5, zone[zone.index(zone.startIndex, offsetBy: 2)] == ":",
        let hours = Int(zone.prefix(2)), let minutes = Int(zone.suffix(2)),
        zone.prefix(2).allSatisfy(\.isASCIIDigit), zone.suffix(2).allSatisfy(\.isASCIIDigit),
        hours <= 14, minutes < 60
      else { return (nil, nil) }
      offset = (hours * 60 + minutes) * (sign == "-" ? -1 : 1)
      rest = rest.dropLast(6)
    }
    guard let milliseconds = timeOfDay(rest) else { return (nil, nil) }
    let local = Int64(day.dayNumber) * 86_400_000 + milliseconds
    if let offset {
      return (LogInstant(millisecondsSinceEpoch: local - Int64(offset) * 60_000), nil)
    }
    let matches = [60, 120].compactMap { minutes -> LogInstant? in
      let candidate = LogInstant(millisecondsSinceEpoch: local - Int64(minutes) * 60_000)
      return offsetMinutes(at: candidate) == minutes ? candidate : nil
    }
    guard matches.count == 1 else { return (nil, matches.count) }
    return (matches[0], 1)
  }

  /// `HH:MM`, `HH:MM:SS` or `HH:MM:SS.mmm` as milliseconds of the day, or nil.
  private static func timeOfDay(_ text: Substring) -> Int64? {
    let parts = text.split(separator: ":", omittingEmptySubsequences: false)
    guard parts.count == 2 || parts.count == 3 else { return nil }
    var secondText = parts.count == 3 ? parts[2] : "00"
    var millisecond = 0
    if let dot = secondText.firstIndex(of: ".") {
      let fraction = secondText[secondText.index(after: dot)...]
      guard fraction.count == 3, fraction.allSatisfy(\.isASCIIDigit), let value = Int(fraction)
      else { return nil }
      millisecond = value
      secondText = secondText[..<dot]
    }
    let fields = [parts[0], parts[1], secondText]
    guard fields.allSatisfy({ $0.count == 2 && $0.allSatisfy(\.isASCIIDigit) }),
      let hour = Int(fields[0]), let minute = Int(fields[1]), let second = Int(fields[2]),
      hour < 24, minute < 60, second < 60
    else { return nil }
    return Int64((hour * 3600 + minute * 60 + second) * 1000 + millisecond)
  }
}

extension Character {
  /// Whether this is one of the ASCII digits 0-9.
  fileprivate var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
