import TransitionDomain

/// Where the cohort's baseline FTE is on a day: one bucket per employer, surplus, reassigned,
/// contract reduced (a `ContractChanged.v2` lowered the contract below the cohort FTE) and
/// departed (DOMAIN.md 12.3).
public struct Conservation: Equatable, Sendable {
  /// People and cohort FTE per bucket.
  public var buckets: [String: (people: Int, fte: FTE)] = [:]
  /// The cohort FTE of the baselines in effect.
  public var baselineFTE = FTE.zero
  /// The people in those baselines.
  public var baselinePeople = 0
  /// The baseline records.
  public var baselineSeqs: [Int64] = []
  /// Who lost cohort FTE with a contract reduction, and how much, by employee.
  public var contractReductions: [(employee: String, fte: FTE)] = []

  /// The sum of the buckets.
  public var bucketFTE: FTE { buckets.values.map(\.fte).sum() }
  /// Whether every baseline FTE is in exactly one bucket.
  public var conserved: Bool { bucketFTE == baselineFTE }

  public static func == (lhs: Conservation, rhs: Conservation) -> Bool {
    lhs.baselineFTE == rhs.baselineFTE && lhs.baselinePeople == rhs.baselinePeople
      && lhs.buckets.keys.sorted() == rhs.buckets.keys.sorted()
      && lhs.buckets.allSatisfy { key, value in
        rhs.buckets[key].map { $0.people == value.people && $0.fte == value.fte } ?? false
      }
  }
}

/// The cohort baseline in effect on a day: the baseline facts that count, summed.
public struct Baseline: Equatable, Sendable {
  /// Their cohort FTE.
  public var fte = FTE.zero
  /// The people in them (one per fact).
  public var people = 0
  /// The records they come from, ascending.
  public var seqs: [Int64] = []

  /// The sum of `facts`, baseline facts in any order.
  init(_ facts: some Sequence<StaffFact>) {
    for fact in facts {
      fte = fte + (fact.fte ?? .zero)
      people += 1
      seqs.append(fact.seq)
    }
    seqs = Array(Set(seqs)).sorted()
  }
}

extension ViewContext {
  /// The conservation buckets on the day.
  public func conservation() -> Conservation {
    var result = Conservation()
    for state in ledger.employees(on: day) where state.inBaseline {
      let bucket: String
      switch state.status {
      case .surplus: bucket = "surplus"
      case .departed: bucket = "departed"
      case .reassigned: bucket = "reassigned"
      default: bucket = state.employer.map { "at \($0)" } ?? "departed"
      }
      var entry = result.buckets[bucket] ?? (0, .zero)
      entry.people += 1
      entry.fte = entry.fte + state.allocatedFTE
      if state.status == .reassigned { entry.fte = entry.fte + state.reassignedFTE }
      result.buckets[bucket] = entry
      if state.status != .reassigned && state.reassignedFTE > .zero {
        var reassigned = result.buckets["reassigned"] ?? (0, .zero)
        reassigned.fte = reassigned.fte + state.reassignedFTE
        result.buckets["reassigned"] = reassigned
      }
      if state.contractReducedFTE > .zero {
        var reduced = result.buckets[Self.contractReducedBucket] ?? (0, .zero)
        reduced.fte = reduced.fte + state.contractReducedFTE
        result.buckets[Self.contractReducedBucket] = reduced
        result.contractReductions.append((state.employee, state.contractReducedFTE))
      }
    }
    let baseline = ledger.baseline(on: day)
    result.baselineFTE = baseline.fte
    result.baselinePeople = baseline.people
    result.baselineSeqs = baseline.seqs
    return result
  }

  /// The bucket of cohort FTE that left with a contract reduction.
  public static let contractReducedBucket = "contract reduced"

  /// Rows per bucket: people and cohort FTE, with the baseline check in the notes.
  func conservationTable() -> ViewTable {
    let value = conservation()
    let rows = value.buckets.keys.sorted().map { bucket -> [String] in
      let entry = value.buckets[bucket] ?? (0, .zero)
      return [bucket, Cell.count(entry.people), Cell.fte(entry.fte)]
    }
    let people = value.buckets.values.map(\.people).reduce(0, +)
    var notes = [
      "baseline: \(value.baselinePeople) people, \(Cell.fte(value.baselineFTE)) fte"
        + " (records \(value.baselineSeqs.map(String.init).joined(separator: ", ")))",
      "buckets: \(people) people, \(Cell.fte(value.bucketFTE)) fte: "
        + (value.conserved ? "conserved" : "NOT conserved"),
    ]
    if !value.contractReductions.isEmpty {
      notes.append(
        "contract reduced: the contract fell below the cohort fte (ContractChanged.v2), and the"
          + " difference left the cohort: "
          + value.contractReductions.sorted { $0.employee < $1.employee }
          .map { "\($0.employee) \(Cell.fte($0.fte))" }.joined(separator: ", "))
    }
    return ViewTable(
      name: ViewName.conservation.rawValue, title: "FTE conservation of the cohort \(words)",
      columns: [
        .init("bucket"), .init("people", alignment: .right),
        .init("cohort fte", alignment: .right),
      ], rows: rows, keyColumnCount: 1, notes: notes)
  }
}
