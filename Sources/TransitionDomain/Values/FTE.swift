/// A staffing amount in full-time equivalents, kept in ten-thousandths so sums are exact.
///
/// A 32-of-36-hour contract is 0.8889 FTE. Stored in the log as a string with exactly four
/// decimals (`"0.8889"`), never as a floating-point number. Never negative.
public struct FTE: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
  /// The amount in ten-thousandths of a full-time equivalent.
  public let tenThousandths: Int64

  /// An amount of `tenThousandths` / 10 000 FTE; traps on a negative amount (a programmer error).
  public init(tenThousandths: Int64) {
    precondition(tenThousandths >= 0, "FTE cannot be negative; got \(tenThousandths)/10000")
    self.tenThousandths = tenThousandths
  }

  /// No FTE.
  public static let zero = FTE(tenThousandths: 0)
  /// One full-time equivalent.
  public static let one = FTE(tenThousandths: 10_000)

  /// Parses `"0.8889"` (digits, a point and one to four decimals, or an integer); nil otherwise.
  public init?(parsing text: String) {
    guard let value = DecimalText.parse(text, decimals: 4), value >= 0 else { return nil }
    self.tenThousandths = value
  }

  /// The FTE of `hours` a week against a norm of `normHours`, rounded half up to 4 decimals.
  public init(hours: Int64, normHours: Int64) {
    precondition(normHours > 0 && hours >= 0, "hours \(hours) / norm \(normHours)")
    self.tenThousandths = (hours * 20_000 + normHours) / (2 * normHours)
  }

  public static func < (lhs: FTE, rhs: FTE) -> Bool { lhs.tenThousandths < rhs.tenThousandths }

  /// The sum of two amounts.
  public static func + (lhs: FTE, rhs: FTE) -> FTE {
    FTE(tenThousandths: lhs.tenThousandths + rhs.tenThousandths)
  }

  /// The difference, or nil when it would be negative.
  public func subtracting(_ other: FTE) -> FTE? {
    tenThousandths >= other.tenThousandths
      ? FTE(tenThousandths: tenThousandths - other.tenThousandths) : nil
  }

  /// The amount with four decimals, such as `0.8889`.
  public var description: String { DecimalText.format(tenThousandths, decimals: 4) }

  public init(from decoder: any Decoder) throws {
    let text = try decoder.singleValueContainer().decode(String.self)
    guard let value = FTE(parsing: text), text == value.description else {
      throw DecodingError.dataCorrupted(
        .init(
          codingPath: decoder.codingPath,
          debugDescription:
            "expected an FTE with four decimals such as \"0.8889\", found \"\(text)\""))
    }
    self = value
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(description)
  }
}

extension Sequence where Element == FTE {
  /// The exact sum of the amounts.
  public func sum() -> FTE { reduce(FTE.zero, +) }
}

/// Fixed-point decimal text: parsing and printing scaled integers without floating point.
enum DecimalText {
  /// Parses an optionally signed decimal with at most `decimals` fraction digits, scaled.
  static func parse(_ text: String, decimals: Int) -> Int64? {
    var body = Substring(text)
    var negative = false
    if body.first == "-" {
      negative = true
      body = body.dropFirst()
    }
    let parts = body.split(separator: ".", omittingEmptySubsequences: false)
    guard parts.count <= 2, let whole = parts.first, !whole.isEmpty, whole.count <= 12,
      whole.allSatisfy(\.isASCIIDigit)
    else { return nil }
    var fraction = parts.count == 2 ? String(parts[1]) : ""
    guard fraction.count <= decimals, parts.count == 1 || !fraction.isEmpty,
      fraction.allSatisfy(\.isASCIIDigit)
    else { return nil }
    fraction += String(repeating: "0", count: decimals - fraction.count)
    guard let wholeValue = Int64(whole),
      let fractionValue = Int64(fraction.isEmpty ? "0" : fraction)
    else { return nil }
    var scale: Int64 = 1
    for _ in 0..<decimals { scale *= 10 }
    let value = wholeValue * scale + fractionValue
    return negative ? -value : value
  }

  /// Prints a scaled integer with exactly `decimals` fraction digits.
  static func format(_ value: Int64, decimals: Int) -> String {
    var scale: Int64 = 1
    for _ in 0..<decimals { scale *= 10 }
    let magnitude = value.magnitude
    let whole = magnitude / UInt64(scale)
    let fraction = String(magnitude % UInt64(scale))
    let padded = String(repeating: "0", count: decimals - fraction.count) + fraction
    return (value < 0 ? "-" : "") + String(whole) + (decimals > 0 ? "." + padded : "")
  }
}

extension Character {
  /// Whether this is one of the ASCII digits 0-9.
  var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
