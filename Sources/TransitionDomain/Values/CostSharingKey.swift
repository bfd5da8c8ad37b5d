/// One municipality's share in a cost-sharing key (verdeelsleutel).
public struct KeyShare: Hashable, Sendable, Codable {
  /// The municipality that bears this share.
  public let organisation: OrganisationID
  /// Its share, two decimals.
  public let percent: Percentage

  /// A share of `percent` for `organisation`.
  public init(_ organisation: OrganisationID, _ percent: Percentage) {
    self.organisation = organisation
    self.percent = percent
  }
}

/// An amount charged to one organisation.
public struct OrganisationAmount: Hashable, Sendable, Codable {
  /// Who bears the amount.
  public let organisation: OrganisationID
  /// The amount in cents.
  public let amount: Money

  /// `amount` charged to `organisation`.
  public init(_ organisation: OrganisationID, _ amount: Money) {
    self.organisation = organisation
    self.amount = amount
  }
}

/// Exact splitting of money by a key: largest remainder on cents.
public enum MoneySplit {
  /// Splits `amount` over `shares` (which must sum to 100.00 %) exactly to the cent.
  ///
  /// Each share first gets the floor of its exact part; the cents left over go one each to the
  /// shares with the largest remainders; ties go to the share listed first in the key. A
  /// negative amount is split as its magnitude and negated, so a reversal mirrors its booking.
  /// The parts always sum to `amount`.
  public static func split(_ amount: Money, by shares: [KeyShare]) -> [OrganisationAmount] {
    let total = shares.reduce(Int64(0)) { $0 + $1.percent.hundredths }
    precondition(total == 10_000, "key shares sum to \(total)/100 %, not 100.00 %")
    let magnitude = amount.cents.magnitude
    var floors: [UInt64] = []
    var remainders: [(index: Int, remainder: UInt64)] = []
    for (index, share) in shares.enumerated() {
      let product = magnitude.multipliedFullWidth(by: UInt64(share.percent.hundredths))
      let (quotient, remainder) = UInt64(10_000).dividingFullWidth(product)
      floors.append(quotient)
      remainders.append((index, remainder))
    }
    var leftover = magnitude - floors.reduce(0, +)
    let order = remainders.sorted {
      $0.remainder != $1.remainder ? $0.remainder > $1.remainder : $0.index < $1.index
    }
    for entry in order where leftover > 0 {
      floors[entry.index] += 1
      leftover -= 1
    }
    return zip(shares, floors).map { share, cents in
      let signed = Int64(cents)
      return OrganisationAmount(
        share.organisation, Money(cents: amount.cents < 0 ? -signed : signed))
    }
  }

  /// The sum of the shares in hundredths of a percent (10 000 for a valid key).
  public static func totalHundredths(_ shares: [KeyShare]) -> Int64 {
    shares.reduce(0) { $0 + $1.percent.hundredths }
  }
}
