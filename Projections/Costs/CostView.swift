import TransitionDomain

/// One booked or correcting cost line as it counts for a query.
public struct CostEntry: Sendable {
  /// The line id, such as `K01` or `K01-R`.
  public let line: String
  /// The line it corrects, for a correcting line.
  public let corrects: String?
  /// The record that booked it.
  public let version: RecordVersion
  /// The cost stream, such as `frictiekosten`.
  public let costs: String
  /// The category (of the corrected line, for a correcting line).
  public let category: String
  /// What it is for.
  public let description: String
  /// The amount (the change, for a correcting line).
  public let amount: Money
  /// `v1`, `v2` or `direct`.
  public let key: String
  /// The budget that pays, with the fund and withdrawal a version-2 line is charged to.
  public let funding: String
  /// The amount per organisation.
  public let charged: [String: Money]
}

extension ViewContext {
  /// The cost lines effective in the period (`since` … the day), booked and correcting.
  public func costEntries() -> [CostEntry] {
    ViewMemo.value(memo.costEntries) { computeCostEntries() }
  }

  private func computeCostEntries() -> [CostEntry] {
    var entries: [CostEntry] = []
    var categories: [String: String] = [:]
    func inPeriod(_ day: CalendarDay) -> Bool { day <= self.day && since.map { $0 <= day } ?? true }
    func key(_ allocation: CostAllocation, _ version: Int?) -> String {
      allocation == .direct ? "direct" : "v\(version.map(String.init) ?? "?")"
    }
    for (version, booked) in costBookings() {
      for line in booked.lines {
        categories[line.line.rawValue] = line.category.rawValue
        guard inPeriod(version.effective) else { continue }
        let fund = line.fund.map { fund in
          "; fund \(fund)" + (line.withdrawal.map { " (\($0))" } ?? "")
        }
        entries.append(
          CostEntry(
            line: line.line.rawValue, corrects: nil, version: version, costs: booked.costs,
            category: line.category.rawValue, description: line.description, amount: line.amount,
            key: key(line.allocation, line.keyVersion),
            funding: line.funding.rawValue + (fund ?? ""),
            charged: Dictionary(
              line.charged.map { ($0.organisation.rawValue, $0.amount) }, uniquingKeysWith: +)))
      }
    }
    for (version, corrected) in ledger.versions(of: CostBookingCorrected.self)
    where inPeriod(version.effective) {
      for line in corrected.lines {
        entries.append(
          CostEntry(
            line: line.line.rawValue, corrects: line.corrects.rawValue, version: version,
            costs: corrected.costs, category: categories[line.corrects.rawValue] ?? "-",
            description: "correction of \(line.corrects): \(corrected.reason)",
            amount: line.amount, key: key(line.allocation, line.keyVersion),
            funding: line.funding.rawValue,
            charged: Dictionary(
              line.charged.map { ($0.organisation.rawValue, $0.amount) }, uniquingKeysWith: +)))
      }
    }
    return entries.sorted { ($0.line, $0.version.seq) < ($1.line, $1.version.seq) }
  }

  /// Every cost booking that counts, version 1 read as version 2, in `seq` order.
  public func costBookings() -> [(version: RecordVersion, event: CostBookedV2)] {
    (ledger.versions(of: CostBooked.self).map { ($0.version, CostBookedV2($0.event)) }
      + ledger.versions(of: CostBookedV2.self)).sorted { $0.version.seq < $1.version.seq }
  }

  /// The amounts per organisation over the period.
  public func costTotals() -> [String: Money] {
    var totals: [String: Money] = [:]
    for entry in costEntries() {
      for (organisation, amount) in entry.charged {
        totals[organisation, default: .zero] = totals[organisation, default: .zero] + amount
      }
    }
    return totals
  }

  /// The key versions of `costs` that count, by version, with the version that corrects each.
  func keyVersions(of costs: String) -> [Int: KeyVersionInfo] {
    Self.keyVersions(
      of: costs, sets: ledger.versions(of: CostSharingKeySet.self),
      corrections: ledger.versions(of: CostSharingKeyCorrected.self))
  }

  /// One version of a cost-sharing key: its shares, first day, record and correcting version.
  typealias KeyVersionInfo = (
    shares: [KeyShare], validFrom: CalendarDay, seq: Int64, correctedBy: Int?
  )

  /// The versions of `costs` from the key records that count (`sets`, then `corrections`, each
  /// in `seq` order).
  static func keyVersions(
    of costs: String, sets: [(version: RecordVersion, event: CostSharingKeySet)],
    corrections: [(version: RecordVersion, event: CostSharingKeyCorrected)]
  ) -> [Int: KeyVersionInfo] {
    var result: [Int: KeyVersionInfo] = [:]
    for (version, key) in sets where key.costs == costs {
      result[key.version] = (key.shares, key.validFrom, version.seq, nil)
    }
    for (version, key) in corrections where key.costs == costs {
      result[key.correctsVersion]?.correctedBy = key.version
      result[key.version] = (key.shares, key.validFrom, version.seq, nil)
    }
    return result
  }

  /// The key version of `costs` in force on `day`: the latest `validFrom` on or before it, a
  /// correcting version winning over the one it corrects.
  func keyVersion(of costs: String, on day: CalendarDay) -> Int? {
    Self.keyVersion(in: keyVersions(of: costs), on: day)
  }

  /// The version in force on `day` among `keys` (see `keyVersion(of:on:)`).
  static func keyVersion(in keys: [Int: KeyVersionInfo], on day: CalendarDay) -> Int? {
    keys.filter { $0.value.validFrom <= day && $0.value.correctedBy == nil }
      .max { ($0.value.validFrom, $0.key) < ($1.value.validFrom, $1.key) }?.key
  }

  /// Rows per cost line with amounts per municipality; totals and the estimate in the notes.
  func costsTable() -> ViewTable {
    let entries = costEntries()
    let organisations = Array(Set(entries.flatMap(\.charged.keys))).sorted()
    let rows = entries.map { entry -> [String] in
      [
        entry.line, entry.version.id, Cell.date(entry.version.effectiveDate), entry.category,
        entry.description, entry.funding, entry.key, Cell.money(entry.amount),
      ] + organisations.map { Cell.money(entry.charged[$0] ?? .zero) }
    }
    var notes: [String] = []
    let totals = costTotals()
    let total = entries.map(\.amount).sum()
    notes.append(
      "total \(Cell.money(total)): "
        + organisations.map { "\($0) \(Cell.money(totals[$0] ?? .zero))" }.joined(separator: ", "))
    for (title, keyPath) in [("category", \CostEntry.category), ("funding", \CostEntry.funding)] {
      var sums: [String: Money] = [:]
      for entry in entries { sums[entry[keyPath: keyPath], default: .zero] += entry.amount }
      notes.append(
        "by \(title): "
          + sums.keys.sorted().map { "\($0) \(Cell.money(sums[$0] ?? .zero))" }.joined(
            separator: ", "))
    }
    for costs in Set(entries.map(\.costs)).sorted() {
      if let version = keyVersion(of: costs, on: day),
        let key = keyVersions(of: costs)[version]
      {
        notes.append(
          "verdeelsleutel \(costs) in force on \(day): v\(version) ("
            + key.shares.map { "\($0.organisation) \($0.percent) %" }.joined(separator: ", ") + ")")
      }
      if let estimate = latestEstimate(of: costs) {
        let booked = entries.filter { $0.costs == costs }.map(\.amount).sum()
        let difference = booked - estimate.event.amount
        notes.append(
          "estimate \(costs) \(Cell.money(estimate.event.amount)) (\(estimate.version.id)); booked"
            + " \(Cell.money(booked)); difference \(Cell.money(difference))"
            + " (\(Cell.percent(difference.cents, of: estimate.event.amount.cents)) %)"
            + (difference > .zero ? ": above the estimate" : ""))
        for share in estimate.event.estimatedShares {
          notes.append(
            "estimate \(share.organisation) \(Cell.money(share.amount)); booked"
              + " \(Cell.money(totals[share.organisation.rawValue] ?? .zero))")
        }
      }
    }
    return ViewTable(
      name: ViewName.costs.rawValue,
      title: "Costs " + (since.map { "from \($0) " } ?? "") + words,
      columns: [
        .init("line"), .init("record"), .init("effective"), .init("category"),
        .init("description"), .init("funding"), .init("key"), .init("amount", alignment: .right),
      ] + organisations.map { .init($0, alignment: .right) }, rows: rows, keyColumnCount: 1,
      notes: notes)
  }

  /// The latest cost estimate of `costs` recorded by the day.
  func latestEstimate(of costs: String) -> (version: RecordVersion, event: CostEstimateRecorded)? {
    ledger.versions(of: CostEstimateRecorded.self).filter {
      $0.event.costs == costs && $0.version.effective <= day
    }.last
  }
}

extension Money {
  static func += (lhs: inout Money, rhs: Money) { lhs = lhs + rhs }
}
