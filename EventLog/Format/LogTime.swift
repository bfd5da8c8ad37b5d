#if canImport(Glibc)
  import Glibc
#endif

/// A calendar day as the log writes it, `YYYY-MM-DD`, years 0001 to 9999 (proleptic Gregorian).
///
/// The log only needs to check that a day is real and to print it; the domain has its own
/// richer calendar type.
public struct LogDay: Hashable, Comparable, Sendable, CustomStringConvertible {
  /// Days since 1970-01-01 (negative before it).
  public let daysSinceEpoch: Int64

  /// The day with this year, month and day of month, or nil if there is no such day.
  public init?(year: Int, month: Int, day: Int) {
    guard (1...9999).contains(year), (1...12).contains(month),
      (1...CivilCalendar.daysInMonth(year: year, month: month)).contains(day)
    else { return nil }
    daysSinceEpoch = CivilCalendar.daysFromCivil(year: year, month: month, day: day)
  }

  /// The day `daysSinceEpoch` days after 1970-01-01.
  public init(daysSinceEpoch: Int64) { self.daysSinceEpoch = daysSinceEpoch }

  /// Parses exactly `YYYY-MM-DD`; nil for any other spelling or an impossible date.
  public init?(_ text: some StringProtocol) {
    let bytes = Array(text.utf8)
    guard let day = bytes.withUnsafeBytes({ LogDay(ascii: $0) }) else { return nil }
    self = day
  }

  /// Parses exactly ten ASCII bytes `YYYY-MM-DD`.
  public init?(ascii bytes: UnsafeRawBufferPointer) {
    guard bytes.count == 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
      let year = ASCIIDigits.value(bytes, 0, 4), let month = ASCIIDigits.value(bytes, 5, 2),
      let day = ASCIIDigits.value(bytes, 8, 2)
    else { return nil }
    self.init(year: year, month: month, day: day)
  }

  /// The year, month and day of month.
  public var civil: (year: Int, month: Int, day: Int) {
    CivilCalendar.civilFromDays(daysSinceEpoch)
  }

  public var description: String {
    let (year, month, day) = civil
    return ASCIIDigits.padded(year, 4) + "-" + ASCIIDigits.padded(month, 2) + "-"
      + ASCIIDigits.padded(day, 2)
  }

  public static func < (lhs: LogDay, rhs: LogDay) -> Bool {
    lhs.daysSinceEpoch < rhs.daysSinceEpoch
  }
}

/// A UTC instant with millisecond precision, written `YYYY-MM-DDTHH:MM:SS.mmmZ`.
public struct LogInstant: Hashable, Comparable, Sendable, CustomStringConvertible {
  /// Milliseconds since 1970-01-01T00:00:00.000Z.
  public let millisecondsSinceEpoch: Int64

  public init(millisecondsSinceEpoch: Int64) {
    self.millisecondsSinceEpoch = millisecondsSinceEpoch
  }

  /// Parses exactly `YYYY-MM-DDTHH:MM:SS.mmmZ` (24 characters, UTC); nil otherwise.
  public init?(_ text: some StringProtocol) {
    let bytes = Array(text.utf8)
    guard let instant = bytes.withUnsafeBytes({ LogInstant(ascii: $0) }) else { return nil }
    self = instant
  }

  /// Parses exactly 24 ASCII bytes `YYYY-MM-DDTHH:MM:SS.mmmZ`.
  public init?(ascii bytes: UnsafeRawBufferPointer) {
    guard bytes.count == 24, bytes[10] == UInt8(ascii: "T"), bytes[13] == UInt8(ascii: ":"),
      bytes[16] == UInt8(ascii: ":"), bytes[19] == UInt8(ascii: "."),
      bytes[23] == UInt8(ascii: "Z"),
      let day = LogDay(ascii: UnsafeRawBufferPointer(rebasing: bytes[0..<10])),
      let hour = ASCIIDigits.value(bytes, 11, 2), hour < 24,
      let minute = ASCIIDigits.value(bytes, 14, 2), minute < 60,
      let second = ASCIIDigits.value(bytes, 17, 2), second < 60,
      let millisecond = ASCIIDigits.value(bytes, 20, 3)
    else { return nil }
    let secondOfDay = Int64(hour * 3600 + minute * 60 + second)
    millisecondsSinceEpoch =
      (day.daysSinceEpoch * 86_400 + secondOfDay) * 1000 + Int64(millisecond)
  }

  /// The day on which this instant falls, in UTC.
  public var day: LogDay {
    LogDay(daysSinceEpoch: millisecondsSinceEpoch.floorDivided(by: 86_400_000))
  }

  public var description: String {
    let millisecondOfDay = millisecondsSinceEpoch - day.daysSinceEpoch * 86_400_000
    let second = millisecondOfDay / 1000
    return day.description + "T" + ASCIIDigits.padded(Int(second / 3600), 2) + ":"
      + ASCIIDigits.padded(Int(second / 60 % 60), 2) + ":"
      + ASCIIDigits.padded(Int(second % 60), 2) + "."
      + ASCIIDigits.padded(Int(millisecondOfDay % 1000), 3) + "Z"
  }

  public static func < (lhs: LogInstant, rhs: LogInstant) -> Bool {
    lhs.millisecondsSinceEpoch < rhs.millisecondsSinceEpoch
  }
}

/// Where the writer reads the time; tests and the example log script it.
public protocol LogClock: Sendable {
  /// The current instant.
  func now() -> LogInstant
}

/// The machine's real-time clock.
public struct SystemClock: LogClock {
  public init() {}

  public func now() -> LogInstant {
    var spec = timespec()
    clock_gettime(CLOCK_REALTIME, &spec)
    return LogInstant(
      millisecondsSinceEpoch: Int64(spec.tv_sec) * 1000 + Int64(spec.tv_nsec) / 1_000_000)
  }
}

/// Conversions between days since 1970-01-01 and civil dates.
///
/// These are Howard Hinnant's `days_from_civil` and `civil_from_days`.
enum CivilCalendar {
  static func daysFromCivil(year: Int, month: Int, day: Int) -> Int64 {
    let shiftedYear = Int64(month <= 2 ? year - 1 : year)
    let era = (shiftedYear >= 0 ? shiftedYear : shiftedYear - 399) / 400
    let yearOfEra = shiftedYear - era * 400
    let shiftedMonth = Int64(month > 2 ? month - 3 : month + 9)
    let dayOfYear = (153 * shiftedMonth + 2) / 5 + Int64(day) - 1
    let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
    return era * 146_097 + dayOfEra - 719_468
  }

  static func civilFromDays(_ days: Int64) -> (year: Int, month: Int, day: Int) {
    let shifted = days + 719_468
    let era = (shifted >= 0 ? shifted : shifted - 146_096) / 146_097
    let dayOfEra = shifted - era * 146_097
    let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
    let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
    let shiftedMonth = (5 * dayOfYear + 2) / 153
    let day = dayOfYear - (153 * shiftedMonth + 2) / 5 + 1
    let month = shiftedMonth < 10 ? shiftedMonth + 3 : shiftedMonth - 9
    let year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
    return (Int(year), Int(month), Int(day))
  }

  static func daysInMonth(year: Int, month: Int) -> Int {
    switch month {
    case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
    case 4, 6, 9, 11: return 30
    default: return 31
    }
  }
}

/// Fixed-width decimal digits in ASCII.
enum ASCIIDigits {
  /// The value of `count` ASCII digits starting at `start`, or nil if any is not a digit.
  static func value(_ bytes: UnsafeRawBufferPointer, _ start: Int, _ count: Int) -> Int? {
    var result = 0
    for index in start..<(start + count) {
      let digit = Int(bytes[index]) &- 48
      guard digit >= 0, digit <= 9 else { return nil }
      result = result * 10 + digit
    }
    return result
  }

  /// `value` in decimal, left-padded with zeros to `width`.
  static func padded(_ value: Int, _ width: Int) -> String {
    let digits = String(value)
    return digits.count >= width
      ? digits : String(repeating: "0", count: width - digits.count) + digits
  }
}

extension Int64 {
  /// The quotient rounded towards minus infinity.
  func floorDivided(by divisor: Int64) -> Int64 {
    let quotient = self / divisor
    return (self % divisor != 0 && (self < 0) != (divisor < 0)) ? quotient - 1 : quotient
  }
}
