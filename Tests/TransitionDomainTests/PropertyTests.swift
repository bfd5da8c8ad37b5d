import Testing

@testable import TransitionDomain

/// SplitMix64: a small seeded generator, so every run draws the same sequence.
struct SplitMix64: RandomNumberGenerator {
  var state: UInt64

  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var mixed = state
    mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
    mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
    return mixed ^ (mixed >> 31)
  }
}

@Suite("Properties")
struct PropertyTests {
  @Test(
    "money split by any key sums to the amount, to the cent",
    arguments: [1, 2, 3, 42, 2026] as [UInt64])
  func splitSumsToAmount(seed: UInt64) {
    var random = SplitMix64(state: seed)
    for _ in 0..<2_000 {
      let count = Int.random(in: 1...6, using: &random)
      var remaining: Int64 = 10_000
      var shares: [KeyShare] = []
      for index in 0..<count {
        let part = index == count - 1 ? remaining : Int64.random(in: 0...remaining, using: &random)
        remaining -= part
        shares.append(KeyShare(OrganisationID("O\(index)"), Percentage(hundredths: part)))
      }
      let amount = Money(cents: Int64.random(in: -10_000_000_000...10_000_000_000, using: &random))
      let parts = MoneySplit.split(amount, by: shares)
      #expect(parts.map(\.amount).sum() == amount)
      for (part, share) in zip(parts, shares) {
        let exact = amount.cents * share.percent.hundredths
        #expect(
          abs(part.amount.cents * 10_000 - exact) < 10_000, "each part is within a cent of exact")
      }
    }
  }

  @Test(
    "cohort FTE is conserved under random accepted staff commands",
    arguments: [7, 11, 99] as [UInt64])
  func fteConserved(seed: UInt64) throws {
    var random = SplitMix64(state: seed)
    var replay = try RefusalTests.world()
    let organisations: [OrganisationID] = ["IJW", "BEV", "HKK"]
    var members: [BaselineMember] = []
    for index in 3...30 {
      let fte = FTE(tenThousandths: Int64.random(in: 1...10_000, using: &random))
      members.append(
        BaselineMember(
          employee: EmployeeID("P\(index)"), function: "f", team: "t", employer: "IJW",
          contractHours: 36,
          normHours: 36, contractFTE: fte, allocatedFTE: fte, cao: "Cao SGO",
          contractType: .onbepaaldeTijd))
    }
    let start = CalendarDay(2025, 8, 1)
    try replay.run(
      TransitionCommand(
        StaffBaselineRecorded(cohort: "P", members: members), effective: EffectiveDate(start)))
    let baseline = replay.state.baselineFTE(on: start)
    var accepted = 0
    for _ in 0..<400 {
      let day = start.adding(days: Int.random(in: 0...900, using: &random))
      let member = members.randomElement(using: &random) ?? members[0]
      let employee = member.employee
      let snapshot = replay.state.employee(employee, on: day)
      let employer = snapshot?.employer ?? "IJW"
      let payload: any EventPayload
      switch Int.random(in: 0..<5, using: &random) {
      case 0:
        payload = StaffTransferred(
          batch: "B",
          lines: [
            TransferLine(
              line: "L", employee: employee, from: employer,
              to: organisations.randomElement(using: &random) ?? "BEV", functionBefore: "f",
              functionAfter: "g",
              fte: snapshot?.allocatedFTE ?? .zero, caoBefore: "a", caoAfter: "b",
              legalForm: .detachering,
              decisions: [], orAdvice: [])
          ])
      case 1:
        payload = StaffReassigned(
          employee: employee, employer: employer, fromUnit: "RI", toUnit: "W",
          fte: FTE(
            tenThousandths: Int64.random(
              in: 0...(snapshot?.allocatedFTE.tenThousandths ?? 0), using: &random)),
          reason: "r")
      case 2:
        payload = SurplusDeclared(
          employee: employee, employer: employer, status: .boventallig, vwnwFrom: day,
          vwnwUntil: day)
      case 3: payload = StaffDeparted(employee: employee, employer: employer, reason: .ontslag)
      default:
        payload = ContractChanged(
          employee: employee, employer: employer,
          contractFTEAfter: FTE(tenThousandths: Int64.random(in: 0...10_000, using: &random)),
          reason: "r")
      }
      if (try? replay.run(TransitionCommand(payload, effective: EffectiveDate(day)))) != nil {
        accepted += 1
      }
      for checkDay in [start, day, day.adding(days: 1), start.adding(days: 1_000)] {
        let buckets = replay.state.cohortFTEBuckets(on: checkDay)
        #expect(buckets.values.sum() == baseline, "on \(checkDay)")
      }
    }
    #expect(accepted > 20)
  }
}
