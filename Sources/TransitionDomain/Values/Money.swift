/// An amount of euros in integer cents; negative for reversal lines.
///
/// Stored in the log as a JSON integer (cents), never as a floating-point number.
public struct Money: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
  /// The amount in euro cents.
  public let cents: Int64

  /// An amount of `cents` euro cents.
  public init(cents: Int64) { self.cents = cents }

  /// An amount of whole euros and cents, such as `Money(euros: 20_008, cents: 80)`.
  public init(euros: Int64, cents: Int64 = 0) { self.cents = euros * 100 + cents }

  /// Nothing.
  public static let zero = Money(cents: 0)

  /// Parses `"20008.80"` or `"-298.20"` (euros with up to two decimals); nil otherwise.
  public init?(parsingEuros text: String) {
    guard let value = DecimalText.parse(text, decimals: 2) else { return nil }
    self.cents = value
  }

  public static func < (lhs: Money, rhs: Money) -> Bool { lhs.cents < rhs.cents }
  /// The sum.
  public static func + (lhs: Money, rhs: Money) -> Money { Money(cents: lhs.cents + rhs.cents) }
  /// The difference.
  public static func - (lhs: Money, rhs: Money) -> Money { Money(cents: lhs.cents - rhs.cents) }
  /// The amount with the opposite sign.
  public static prefix func - (amount: Money) -> Money { Money(cents: -amount.cents) }

  /// The amount as `EUR 619,456.25` (grouped, two decimals).
  public var description: String {
    let magnitude = cents.magnitude
    var whole = String(magnitude / 100)
    var grouped = ""
    while whole.count > 3 {
      grouped = "," + whole.suffix(3) + grouped
      whole.removeLast(3)
    }
    let fraction = magnitude % 100
    return "EUR " + (cents < 0 ? "-" : "") + whole + grouped + "." + (fraction < 10 ? "0" : "")
      + String(fraction)
  }

  public init(from decoder: any Decoder) throws {
    cents = try decoder.singleValueContainer().decode(Int64.self)
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(cents)
  }
}

extension Sequence where Element == Money {
  /// The exact sum of the amounts.
  public func sum() -> Money { reduce(Money.zero, +) }
}
