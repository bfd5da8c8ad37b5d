import TransitionDomain

/// One cost line (or correcting line) charged to a fund, as it counts for a query.
public struct FundBooking: Sendable {
  /// The line id.
  public let line: String
  /// The record that booked it.
  public let version: RecordVersion
  /// The fund.
  public let fund: String
  /// The withdrawal it names, if any (a correcting line takes its corrected line's).
  public let withdrawal: String?
  /// The amount (the change, for a correcting line).
  public let amount: Money
}

/// One authorised withdrawal and what is booked on it.
public struct FundWithdrawal: Sendable {
  /// The authorisation.
  public let authorised: WithdrawalAuthorised
  /// Its record.
  public let version: RecordVersion
  /// The lines booked on it by the day.
  public var bookings: [FundBooking] = []
  /// Their sum.
  public var booked: Money { bookings.map(\.amount).sum() }
}

/// A fund on the query's day: its amount, authorised and booked withdrawals and balance.
public struct FundBalance: Sendable {
  /// The fund as created.
  public let created: FundCreated
  /// Its record.
  public let version: RecordVersion
  /// The organisation that holds it on the day (`ViewContext.holder(of:)`).
  public let holder: String
  /// The withdrawals authorised by the day, by id.
  public var withdrawals: [FundWithdrawal] = []
  /// The lines booked on the fund by the day (with or without a withdrawal).
  public var bookings: [FundBooking] = []
  /// The sum of the authorised withdrawals.
  public var authorised: Money { withdrawals.map(\.authorised.amount).sum() }
  /// The sum of the bookings.
  public var booked: Money { bookings.map(\.amount).sum() }
  /// What is left: the amount less the bookings.
  public var balance: Money { created.amount - booked }
}

extension ViewContext {
  /// The organisation that holds, on the query's day, what `organisation` held: itself, or its
  /// successor after a merger.
  ///
  /// The successor is the one an `OrganisationsMerged.v1` effective by the day names (issue 19
  /// item 3); this follows it through chains of mergers.
  public func holder(of organisation: String) -> String {
    var current = organisation
    var seen: Set<String> = [current]
    while let next = successor(of: current, on: day), seen.insert(next).inserted { current = next }
    return current
  }

  /// The organisation that succeeds `organisation` on or before `day` by a merger, or nil.
  func successor(of organisation: String, on day: CalendarDay) -> String? {
    ledger.versions(of: OrganisationsMerged.self)
      .filter {
        $0.version.effective <= day && $0.event.predecessors.map(\.rawValue).contains(organisation)
      }
      .min { ($0.version.effective, $0.version.seq) < ($1.version.effective, $1.version.seq) }?
      .event.successor.rawValue
  }

  /// Every cost line charged to a fund, effective by the day: version-2 lines that name a fund,
  /// and correcting lines of such lines (on the corrected line's fund and withdrawal).
  public func fundBookings() -> [FundBooking] {
    var result: [FundBooking] = []
    var charged: [String: (fund: String, withdrawal: String?)] = [:]
    for (version, booking) in ledger.versions(of: CostBookedV2.self) {
      for line in booking.lines {
        guard let fund = line.fund else { continue }
        charged[line.line.rawValue] = (fund.rawValue, line.withdrawal?.rawValue)
        guard version.effective <= day else { continue }
        result.append(
          FundBooking(
            line: line.line.rawValue, version: version, fund: fund.rawValue,
            withdrawal: line.withdrawal?.rawValue, amount: line.amount))
      }
    }
    for (version, correction) in ledger.versions(of: CostBookingCorrected.self)
    where version.effective <= day {
      for line in correction.lines {
        guard let target = charged[line.corrects.rawValue] else { continue }
        result.append(
          FundBooking(
            line: line.line.rawValue, version: version, fund: target.fund,
            withdrawal: target.withdrawal, amount: line.amount))
      }
    }
    return result.sorted {
      ($0.version.effective, $0.version.seq) < ($1.version.effective, $1.version.seq)
    }
  }

  /// Every fund created by the day, with its withdrawals and bookings, by fund id.
  public func fundBalances() -> [FundBalance] {
    var funds: [String: FundBalance] = [:]
    for (version, created) in ledger.versions(of: FundCreated.self) where version.effective <= day {
      funds[created.fund.rawValue] = FundBalance(
        created: created, version: version, holder: holder(of: created.holder.rawValue))
    }
    var withdrawals: [String: FundWithdrawal] = [:]
    for (version, authorised) in ledger.versions(of: WithdrawalAuthorised.self)
    where version.effective <= day {
      withdrawals[authorised.withdrawal.rawValue] = FundWithdrawal(
        authorised: authorised, version: version)
    }
    for booking in fundBookings() {
      funds[booking.fund]?.bookings.append(booking)
      if let id = booking.withdrawal, withdrawals[id]?.authorised.fund.rawValue == booking.fund {
        withdrawals[id]?.bookings.append(booking)
      }
    }
    for withdrawal in withdrawals.values.sorted(by: {
      $0.authorised.withdrawal < $1.authorised.withdrawal
    }) {
      funds[withdrawal.authorised.fund.rawValue]?.withdrawals.append(withdrawal)
    }
    return funds.keys.sorted().compactMap { funds[$0] }
  }

  /// Rows per fund (withdrawal "-") and per withdrawal, with totals per holder in the notes.
  func fundsTable() -> ViewTable {
    let balances = fundBalances()
    var rows: [[String]] = []
    for fund in balances {
      rows.append([
        fund.created.fund.rawValue, "-", fund.holder, fund.version.id,
        Cell.date(fund.version.effectiveDate), Cell.money(fund.created.amount),
        Cell.money(fund.authorised), Cell.money(fund.booked), Cell.money(fund.balance),
      ])
      for withdrawal in fund.withdrawals {
        rows.append([
          fund.created.fund.rawValue, withdrawal.authorised.withdrawal.rawValue, fund.holder,
          withdrawal.version.id, Cell.date(withdrawal.version.effectiveDate), "-",
          Cell.money(withdrawal.authorised.amount), Cell.money(withdrawal.booked),
          Cell.money(withdrawal.authorised.amount - withdrawal.booked),
        ])
      }
      let unnamed = fund.bookings.filter { booking in
        !fund.withdrawals.contains { $0.authorised.withdrawal.rawValue == booking.withdrawal }
      }
      if !unnamed.isEmpty {
        rows.append([
          fund.created.fund.rawValue, "(none)", fund.holder, "-", "-", "-", Cell.money(.zero),
          Cell.money(unnamed.map(\.amount).sum()), "-",
        ])
      }
    }
    var notes: [String] = []
    for holder in Set(balances.map(\.holder)).sorted() {
      let held = balances.filter { $0.holder == holder }
      let recorded = Set(held.map(\.created.holder.rawValue)).subtracting([holder]).sorted()
      notes.append(
        "\(holder): \(held.count) fund(s), amount \(Cell.money(held.map(\.created.amount).sum())),"
          + " authorised \(Cell.money(held.map(\.authorised).sum())), booked"
          + " \(Cell.money(held.map(\.booked).sum())), balance"
          + " \(Cell.money(held.map(\.balance).sum()))"
          + (recorded.isEmpty ? "" : " (held before by \(recorded.joined(separator: ", ")))"))
    }
    return ViewTable(
      name: ViewName.funds.rawValue, title: "Funds (reserves and budgets) \(words)",
      columns: [
        .init("fund"), .init("withdrawal"), .init("holder"), .init("record"),
        .init("effective"), .init("amount", alignment: .right),
        .init("authorised", alignment: .right), .init("booked", alignment: .right),
        .init("balance", alignment: .right),
      ], rows: rows, keyColumnCount: 2, notes: notes)
  }
}
