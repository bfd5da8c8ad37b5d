/// A percentage with two decimals, kept in hundredths of a percent (27.79 % is 2779).
///
/// Stored in the log as a string such as `"27.79"`. A cost-sharing key's shares sum to exactly
/// 100.00 %, i.e. 10 000 hundredths.
public struct Percentage: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
  /// The percentage in hundredths of a percent.
  public let hundredths: Int64

  /// A percentage of `hundredths` / 100 percent; traps when negative.
  public init(hundredths: Int64) {
    precondition(hundredths >= 0, "a percentage cannot be negative; got \(hundredths)/100")
    self.hundredths = hundredths
  }

  /// All of it: 100.00 %.
  public static let whole = Percentage(hundredths: 10_000)

  /// Parses `"27.79"` (at most two decimals, not negative); nil otherwise.
  public init?(parsing text: String) {
    guard let value = DecimalText.parse(text, decimals: 2), value >= 0 else { return nil }
    self.hundredths = value
  }

  public static func < (lhs: Percentage, rhs: Percentage) -> Bool {
    lhs.hundredths < rhs.hundredths
  }

  /// The percentage with two decimals, such as `27.79`.
  public var description: String { DecimalText.format(hundredths, decimals: 2) }

  public init(from decoder: any Decoder) throws {
    let text = try decoder.singleValueContainer().decode(String.self)
    guard let value = Percentage(parsing: text), value.description == text else {
      throw DecodingError.dataCorrupted(
        .init(
          codingPath: decoder.codingPath,
          debugDescription:
            "expected a percentage with two decimals such as \"27.79\", found \"\(text)\""))
    }
    self = value
  }

  public func encode(to encoder: any Encoder) throws {
    var container = encoder.singleValueContainer()
    try container.encode(description)
  }
}
