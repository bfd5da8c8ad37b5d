import Projections
import Testing
import TransitionDomain

/// Properties of the known-at and as-recorded machinery on seeded random logs.
@Suite("Known-at and corrections on seeded random logs")
struct KnownAtPropertyTests {
  static let seeds: [UInt64] = [1, 2, 3, 20_260_115, 0xDEAD_BEEF]
  static let days = [
    CalendarDay(2025, 7, 1), CalendarDay(2026, 1, 1), CalendarDay(2026, 7, 1),
    CalendarDay(2027, 12, 31),
  ]

  /// Every view's canonical text and the audit for `seq` and `asRecorded` on each day.
  static func answers(_ ledger: Ledger, seq: Int64, asRecorded: Bool) -> [String] {
    var texts: [String] = []
    for day in days {
      let context = ViewContext(
        ledger: ledger, query: ViewQuery(validAt: day, knownAt: .seq(seq), asRecorded: asRecorded),
        seq: seq)
      for view in ViewName.allCases { texts.append(context.table(view).canonicalText) }
      texts.append(context.audit().map(\.description).joined(separator: "\n"))
    }
    return texts
  }

  @Test("a query known at seq N equals a replay of the first N records", arguments: seeds)
  func knownAtEqualsPrefixReplay(seed: UInt64) throws {
    let records = RandomLog.records(seed: seed, count: 160)
    let full = try Ledger(records: records)
    for seq in stride(from: Int64(0), through: 160, by: 23) + [160] {
      let prefix = try Ledger(records: records.prefix(Int(seq)))
      for asRecorded in [false, true] {
        #expect(
          Self.answers(full, seq: seq, asRecorded: asRecorded)
            == Self.answers(prefix, seq: seq, asRecorded: asRecorded),
          "seed \(seed), seq \(seq), asRecorded \(asRecorded)")
      }
    }
  }

  @Test(
    "a projection built incrementally, queried between folds, equals a full rebuild; a copy taken before keeps its answers",
    arguments: seeds)
  func incrementalEqualsRebuild(seed: UInt64) throws {
    let records = RandomLog.records(seed: seed, count: 140)
    var incremental = try Ledger(records: records.prefix(50))
    // Queried now, so that what the views read of the 50 records is made and kept; the folds
    // after it must not answer from that.
    let before = Self.answers(incremental, seq: 50, asRecorded: false)
    let copy = incremental
    for record in records.dropFirst(50) {
      try incremental.fold(record)
      if record.seq == 100 {
        #expect(
          Self.answers(incremental, seq: 100, asRecorded: false)
            == Self.answers(try Ledger(records: records.prefix(100)), seq: 100, asRecorded: false))
      }
    }
    let rebuilt = try Ledger(records: records)
    for asRecorded in [false, true] {
      #expect(
        Self.answers(incremental, seq: 140, asRecorded: asRecorded)
          == Self.answers(rebuilt, seq: 140, asRecorded: asRecorded))
    }
    #expect(copy.lastSeq == 50)
    #expect(Self.answers(copy, seq: 50, asRecorded: false) == before)
  }

  @Test("as corrected, every employee on every day matches the domain's own fold", arguments: seeds)
  func staffMatchesDomainState(seed: UInt64) throws {
    let records = RandomLog.records(seed: seed, count: 200)
    let ledger = try Ledger(records: records)
    let state = try TransitionState(records: records)
    var day = CalendarDay(2025, 7, 1)
    while day <= CalendarDay(2028, 1, 1) {
      let ours = Dictionary(
        uniqueKeysWithValues: ledger.view(at: 200, asRecorded: false).employees(on: day).map {
          ($0.employee, $0)
        })
      for id in state.employeeIDs {
        let theirs = state.employee(id, on: day)
        let mine = ours[id.rawValue]
        #expect(mine?.employer == theirs?.employer?.rawValue, "seed \(seed) \(id) \(day)")
        #expect(mine?.contractFTE == theirs?.contractFTE, "seed \(seed) \(id) \(day)")
        #expect(mine?.allocatedFTE == theirs?.allocatedFTE, "seed \(seed) \(id) \(day)")
        #expect(
          mine?.contractReducedFTE == theirs?.contractReducedFTE, "seed \(seed) \(id) \(day)")
        #expect(mine?.status == theirs?.status, "seed \(seed) \(id) \(day)")
        #expect(mine?.cao == theirs?.cao, "seed \(seed) \(id) \(day)")
        #expect(mine?.function == theirs?.function, "seed \(seed) \(id) \(day)")
      }
      day = day.adding(days: 47)
    }
  }

  @Test("as originally recorded equals a replay of the records without corrections")
  func asRecordedIgnoresCorrections() throws {
    for seed in Self.seeds {
      let records = RandomLog.records(seed: seed, count: 150)
      let full = try Ledger(records: records)
      let originals = records.filter { $0.corrects == nil }
      var state = TransitionState()
      for record in originals {
        try state.apply(
          DomainRecord(
            seq: state.lastSeq + 1, id: record.id,
            recordedMilliseconds: record.recordedMilliseconds,
            effective: record.effective, by: record.by, event: record.event))
      }
      let day = CalendarDay(2026, 12, 31)
      for employee in full.view(at: 150, asRecorded: true).employees(on: day) {
        let theirs = state.employee(EmployeeID(employee.employee), on: day)
        #expect(employee.employer == theirs?.employer?.rawValue, "seed \(seed)")
        #expect(employee.contractFTE == theirs?.contractFTE, "seed \(seed)")
      }
    }
  }

  @Test("an answer known at seq N stays the same after more records are appended")
  func answersStableUnderAppend() throws {
    let records = RandomLog.records(seed: 7, count: 180)
    let shorter = try Ledger(records: records.prefix(120))
    let longer = try Ledger(records: records)
    for seq in [Int64(40), 90, 120] {
      #expect(
        Self.answers(shorter, seq: seq, asRecorded: false)
          == Self.answers(longer, seq: seq, asRecorded: false))
    }
  }

  @Test("known-at an instant resolves to the last record recorded by then")
  func instantResolution() throws {
    let records = RandomLog.records(seed: 11, count: 60)
    let ledger = try Ledger(records: records)
    let projector = TransitionProjector(ledger: ledger)
    for record in records {
      let seq = try projector.resolve(
        .instant(.init(millisecondsSinceEpoch: record.recordedMilliseconds)))
      #expect(seq == record.seq)
      let before = try projector.resolve(
        .instant(.init(millisecondsSinceEpoch: record.recordedMilliseconds - 1)))
      #expect(before == record.seq - 1)
    }
    #expect(throws: TransitionProjector.QueryError.self) { try projector.resolve(.seq(61)) }
  }
}
