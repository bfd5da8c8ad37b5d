/// How precisely a date was recorded; the raw values are stored, so they never change (and new
/// cases go last: a sidecar stores a precision by its position).
public enum DatePrecision: String, Hashable, Sendable, Codable, CaseIterable {
  /// A single day: `2026-07-01`.
  case day
  /// A calendar month: `2024-04` (or `april 2024`).
  case month
  /// A calendar quarter: `2023-Q1`.
  case quarter
  /// A half year: `2025-H2`.
  case halfYear = "half-year"
  /// A calendar year: `2013`.
  case year
  /// Approximately the month given: `2024-07~` ("medio 2024").
  case approximate
  /// A season of three whole months: voorjaar (March–May), zomer (June–August), najaar
  /// (September–November), winter (December to February of the next year): `voorjaar 2024`,
  /// `winter 2020/2021`.
  case season
  /// From the first day of one period to the last day of another, such as
  /// `2020-12 - 2021-02` ("december 2020 - februari 2021"); the last day is stored too.
  case range
  /// On or before a day or the end of a period, such as `uiterlijk 2026-07-01` or
  /// `uiterlijk 2026`; the record counts from the first day of that bound.
  case onOrBefore = "on-or-before"

  /// Whether a date of this precision carries a last day of its own (`EffectiveDate.until`).
  public var hasOwnEnd: Bool { self == .range || self == .onOrBefore }
}

/// An effective or planned date as precise as its source: the first day of the period, the
/// precision it had and, for a range or an "on or before" a period, its last day.
///
/// A record's `effective` day is `firstDay`; the precision travels in the event data
/// (`effectivePrecision`, omitted for `day`) and so does `until` (`effectiveUntil`, written only
/// when present), so views print the date as coarse as it was recorded and never invent a day.
///
/// Accepted spellings (`init(parsing:)`; case and surrounding spaces do not matter):
///
/// | precision | accepted | printed |
/// |---|---|---|
/// | day | `2026-07-01` | `2026-07-01` |
/// | month | `2024-04`, `april 2024`, `apr 2024` (Dutch or English month names) | `2024-04` |
/// | quarter | `2023-Q1` | `2023-Q1` |
/// | half year | `2025-H2` | `2025-H2` |
/// | season | `voorjaar 2024` (`lente`, `spring`), `zomer 2024` (`summer`), `najaar 2024` (`herfst`, `autumn`), `winter 2020/2021` (`winter 2020-2021`) | `voorjaar 2024`, `winter 2020/2021` |
/// | year | `2013` | `2013` |
/// | approximate | `2024-07~` | `2024-07~` |
/// | range | `A - B`, `A – B`, `A t/m B`, `A tot en met B`, `A to B`, where A and B are any of the above but approximate | in months (`2020-12 - 2021-02`) when it begins and ends on month boundaries, else in days |
/// | on or before | `uiterlijk X`, `on or before X`, `<= X`, where X is a day or any period above but approximate | `uiterlijk 2026-07-01`, `uiterlijk 2026` |
///
/// A bare `winter 2020` is refused: it could mean either winter that touches 2020.
public struct EffectiveDate: Hashable, Sendable, CustomStringConvertible {
  /// The first day of the recorded period (for "on or before", the first day of the bound).
  public let firstDay: CalendarDay
  /// How precisely it was recorded.
  public let precision: DatePrecision
  /// The last day, for a range or an "on or before" a period longer than a day; nil otherwise.
  public let until: CalendarDay?

  /// A date of `precision` starting at `firstDay` (not a range or "on or before" a period).
  public init(_ firstDay: CalendarDay, precision: DatePrecision = .day) {
    self.firstDay = firstDay
    self.precision = precision
    self.until = nil
  }

  /// A date with its stored parts, or nil when they do not make one: `until` must be given for
  /// a range (after `firstDay`), may be given for "on or before" (the end of a period that
  /// begins on `firstDay`), and never otherwise; a season begins in March, June, September or
  /// December.
  public init?(_ firstDay: CalendarDay, precision: DatePrecision, until: CalendarDay?) {
    switch precision {
    case .range:
      guard let until, until > firstDay else { return nil }
    case .onOrBefore:
      if let until, EffectiveDate.period(from: firstDay, to: until) == nil { return nil }
    default:
      guard until == nil else { return nil }
    }
    guard EffectiveDate.begins(precision, on: firstDay) else { return nil }
    self.firstDay = firstDay
    self.precision = precision
    self.until = until
  }

  /// The last day of the period: the day itself for a day, the end of the month, quarter,
  /// season, half year or year, the last day of a range or of an "on or before" bound.
  public var lastDay: CalendarDay {
    switch precision {
    case .day: return firstDay
    case .month, .approximate: return firstDay.endOfMonths(1)
    case .quarter, .season: return firstDay.endOfMonths(3)
    case .halfYear: return firstDay.endOfMonths(6)
    case .year: return firstDay.endOfMonths(12)
    case .range, .onOrBefore: return until ?? firstDay
    }
  }

  /// The earliest day the date can stand for: nil for "on or before" (any earlier day),
  /// else `firstDay`.
  public var earliestDay: CalendarDay? { precision == .onOrBefore ? nil : firstDay }

  /// Whether the date is one known day.
  public var isDay: Bool { precision == .day }

  /// The date as coarse as it was recorded: `2013`, `2023-Q1`, `voorjaar 2024`,
  /// `2020-12 - 2021-02`, `uiterlijk 2026-07-01`, `2026-07-01`.
  public var description: String {
    switch precision {
    case .range:
      let last = lastDay
      if firstDay.day == 1, last.day == CalendarDay.daysIn(month: last.month, year: last.year) {
        return EffectiveDate(firstDay, precision: .month).description + " - "
          + EffectiveDate(CalendarDay(last.year, last.month, 1), precision: .month).description
      }
      return firstDay.description + " - " + last.description
    case .onOrBefore:
      let bound = until.flatMap { EffectiveDate.period(from: firstDay, to: $0) } ?? .day
      return "uiterlijk " + EffectiveDate(firstDay, precision: bound).description
    default:
      return EffectiveDate.simpleDescription(firstDay, precision)
    }
  }

  private static func simpleDescription(_ first: CalendarDay, _ precision: DatePrecision)
    -> String
  {
    let year = CalendarDay.pad(first.year, 4)
    let month = CalendarDay.pad(first.month, 2)
    switch precision {
    case .month: return year + "-" + month
    case .quarter: return year + "-Q" + String((first.month - 1) / 3 + 1)
    case .halfYear: return year + "-H" + String(first.month <= 6 ? 1 : 2)
    case .year: return year
    case .approximate: return year + "-" + month + "~"
    case .season:
      switch first.month {
      case 3: return "voorjaar " + year
      case 6: return "zomer " + year
      case 9: return "najaar " + year
      default: return "winter " + year + "/" + CalendarDay.pad(first.year + 1, 4)
      }
    case .day, .range, .onOrBefore: return first.description
    }
  }

  /// Whether a period of `precision` can begin on `first` (a quarter in January, April, July
  /// or October, a season in March, June, September or December, and so on).
  static func begins(_ precision: DatePrecision, on first: CalendarDay) -> Bool {
    switch precision {
    case .day, .range, .onOrBefore: return true
    case .month, .approximate: return first.day == 1
    case .quarter: return first.day == 1 && (first.month - 1) % 3 == 0
    case .season: return first.day == 1 && first.month % 3 == 0
    case .halfYear: return first.day == 1 && (first.month - 1) % 6 == 0
    case .year: return first.day == 1 && first.month == 1
    }
  }

  /// The precision of the one period that runs exactly from `first` to `last`, or nil.
  ///
  /// A day when they are equal; else a month, season, quarter, half year or year (never a
  /// range or approximate).
  static func period(from first: CalendarDay, to last: CalendarDay) -> DatePrecision? {
    if first == last { return .day }
    for precision in [DatePrecision.month, .season, .quarter, .halfYear, .year] {
      guard begins(precision, on: first) else { continue }
      if EffectiveDate(first, precision: precision).lastDay == last { return precision }
    }
    return nil
  }
}

extension EffectiveDate: Codable {
  /// Reads any accepted spelling (see the table above); a log written by this program holds
  /// the printed form, which reads back to the same date.
  public init(from decoder: any Decoder) throws {
    let text = try decoder.singleValueContainer().decode(String.self)
    guard let value = EffectiveDate(parsing: text) else {
      throw DecodingError.dataCorrupted(
        .init(
          codingPath: decoder.codingPath,
          debugDescription:
            "\"\(text)\" is not a date; write one of: \(EffectiveDate.acceptedForms)"))
    }
    self = value
  }

  /// The printed form.
  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(description)
  }
}

extension CalendarDay {
  /// The last day of the month `count - 1` months after this day's month.
  func endOfMonths(_ count: Int) -> CalendarDay {
    let index = year * 12 + (month - 1) + count - 1
    let lastYear = index / 12
    let lastMonth = index % 12 + 1
    return CalendarDay(lastYear, lastMonth, CalendarDay.daysIn(month: lastMonth, year: lastYear))
  }
}
