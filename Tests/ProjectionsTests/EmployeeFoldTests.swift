import Testing
import TransitionDomain

@testable import Projections

/// The ledger's fold of all employees against the one-employee reference fold.
@Suite("Folding every employee of a ledger view")
struct EmployeeFoldTests {
  /// Whether some employee's facts come out of effective order (back-dated or replaced).
  static func hasFactsOutOfOrder(_ facts: some Sequence<StaffFact>) -> Bool {
    var latest: [String: CalendarDay] = [:]
    for fact in facts {
      if let seen = latest[fact.employee], fact.effective < seen { return true }
      latest[fact.employee] = max(latest[fact.employee] ?? fact.effective, fact.effective)
    }
    return false
  }

  @Test(
    "employees(on:) equals EmployeeState.fold of each employee, facts out of order included",
    arguments: KnownAtPropertyTests.seeds)
  func matchesReferenceFold(seed: UInt64) throws {
    let records = RandomLog.records(seed: seed, count: 200)
    let ledger = try Ledger(records: records)
    for (seq, asRecorded) in [(Int64(200), false), (200, true), (120, false), (60, true)] {
      let view = ledger.view(at: seq, asRecorded: asRecorded)
      if seq == 200 && !asRecorded { #expect(Self.hasFactsOutOfOrder(view.staffFacts)) }
      let byEmployee = Dictionary(grouping: view.staffFacts, by: \.employee)
      var day = CalendarDay(2025, 6, 30)
      while day <= CalendarDay(2028, 1, 1) {
        let expected = byEmployee.keys.sorted().compactMap {
          EmployeeState.fold($0, facts: byEmployee[$0] ?? [], on: day)
        }
        #expect(
          view.employees(on: day) == expected, "seed \(seed) seq \(seq) \(asRecorded) \(day)")
        day = day.adding(days: 31)
      }
    }
  }

  @Test("names sort as String orders them, ASCII keys or not")
  func sortsByName() {
    let names = [
      "E10", "E1", "E1\u{0}", "E2", "", "Zeta", "alpha", "E0123456789ABCDEF", "E0123456789ABCDE",
      "E0123456789ABCDEG", "A~", "A ",
    ]
    let ascii = names.enumerated().map { (name: $0.element, slot: $0.offset) }
    #expect(EmployeeFold.sortedByName(ascii).map(\.name) == names.sorted())
    let mixed = (names + ["Émile", "E\u{301}mile", "Ö"]).enumerated().map {
      (name: $0.element, slot: $0.offset)
    }
    #expect(EmployeeFold.sortedByName(mixed).map(\.name) == mixed.map(\.name).sorted())
  }
}
