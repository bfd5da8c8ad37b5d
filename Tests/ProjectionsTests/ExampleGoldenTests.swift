import EventLog
import Projections
import Testing
import TransitionDomain

/// Golden values for the IJmond example log, computed by hand from the scenario's appendices.
@Suite("IJmond example log, golden values")
struct ExampleGoldenTests {
  let projector = ExampleLogFixture.projector
  typealias Fixture = ExampleLogFixture

  func query(_ day: String, knownAt: KnownAt = .everything, asRecorded: Bool = false)
    -> ViewQuery
  {
    ViewQuery(validAt: Fixture.day(day), knownAt: knownAt, asRecorded: asRecorded)
  }

  func totals(_ day: String) throws -> [String: String] {
    let totals = try projector.context(query(day)).staffingTotals()
    return totals.mapValues { "\($0.headcount)/\($0.contractFTE)/\($0.cohortFTE)" }
  }

  @Test("headcount, contract and cohort FTE per organisation on the four golden days")
  func staffingPerOrganisation() throws {
    // Appendix A: 55 people, 47.43 contract / 47.00 cohort fte on 2025-07-01; E007 and E031
    // left by 2025-12-31, E051 and E040 by 2026-04-01.
    #expect(try totals("2025-12-31") == ["IJW": "53/45.4300/45.0000"])
    #expect(try totals("2026-04-01") == ["IJW": "51/43.6500/43.2200"])
    // 2026-07-01: BEV and HKK moves (Appendix B); at IJW the 15 VLS movers (13.10), 5
    // reassigned (contract 4.23, cohort 0) and 2 surplus (1.67); E024 retired on 06-30.
    #expect(
      try totals("2026-07-01") == [
        "BEV": "14/12.2400/12.2400", "HKK": "14/11.4100/11.4100", "IJW": "22/19.0000/14.7700",
      ])
    // 2027-12-31: X001 hired by BEV (0.89, outside the cohort), E010 +0.11, E021 -0.11,
    // E046 at VLS, E055 left; Appendix C: BEV 12.24, HKK 11.52, VLS 13.77 contract.
    #expect(
      try totals("2027-12-31") == [
        "BEV": "15/13.1300/12.2400", "HKK": "14/11.5200/11.4100", "IJW": "5/4.2300/0.0000",
        "VLS": "16/13.7700/13.8800",
      ])
  }

  @Test("the staffing notes carry the totals per organisation")
  func staffingNotes() throws {
    let table = try projector.table(.staffing, query: query("2027-12-31"))
    #expect(table.notes.contains("VLS: headcount 16, contract fte 13.7700, cohort fte 13.8800"))
    #expect(table.cell("headcount", key: "BEV", "klantmanager werk", "Cao Gemeenten") == "9")
  }

  @Test("every baseline FTE is in exactly one bucket, matching Appendix C on 2027-12-31")
  func conservationBuckets() throws {
    let table = try projector.table(.conservation, query: query("2027-12-31"))
    #expect(
      table.rows == [
        ["at BEV", "14", "12.2400"], ["at HKK", "14", "11.4100"], ["at VLS", "16", "13.8800"],
        ["departed", "6", "5.6700"], ["reassigned", "5", "3.8000"],
      ])
    #expect(table.notes.last == "buckets: 55 people, 47.0000 fte: conserved")
    let midYear = try projector.table(.conservation, query: query("2026-07-01"))
    #expect(midYear.cell("cohort fte", key: "surplus") == "1.6700")
    #expect(midYear.cell("cohort fte", key: "at IJW") == "13.1000")
  }

  @Test("E017's placement reads BEV as corrected and VLS as originally recorded")
  func correctedPlacement() throws {
    let corrected = try projector.table(.employees, query: query("2026-06-01"))
    let original = try projector.table(.employees, query: query("2026-06-01", asRecorded: true))
    #expect(
      corrected.cell("plaatsing", key: "E017")
        == "BEV (voorgenomen plaatsingsbesluit, IJM-072 corrected by IJM-075)")
    #expect(
      original.cell("plaatsing", key: "E017") == "VLS (voorgenomen plaatsingsbesluit, IJM-072)")
    let beforeCorrection = try projector.table(
      .employees,
      query: query("2026-06-01", knownAt: .instant(Fixture.instant("2026-06-04T00:00:00.000Z"))))
    #expect(beforeCorrection.cell("plaatsing", key: "E017")?.hasPrefix("VLS") == true)
  }

  @Test(
    "decisions in force on three days, as known now and before the late records",
    arguments: [
      (
        "2025-09-30", "2025-10-15T00:00:00.000Z",
        ["IJM-002", "IJM-003", "IJM-004", "IJM-032", "IJM-035", "IJM-036", "IJM-039"],
        ["IJM-002", "IJM-003", "IJM-004", "IJM-032", "IJM-035", "IJM-036", "IJM-039"]
      ),
      (
        "2026-03-31", "2026-03-10T00:00:00.000Z",
        [
          "IJM-002", "IJM-003", "IJM-004", "IJM-032", "IJM-035", "IJM-036", "IJM-039", "IJM-060",
          "IJM-062",
        ],
        ["IJM-002", "IJM-003", "IJM-004", "IJM-032", "IJM-035", "IJM-036", "IJM-039", "IJM-060"]
      ),
      (
        "2026-07-01", "2026-07-02T00:00:00.000Z",
        [
          "IJM-002", "IJM-003", "IJM-004", "IJM-032", "IJM-035", "IJM-036", "IJM-039", "IJM-060",
          "IJM-062", "IJM-067", "IJM-070", "IJM-076", "IJM-077", "IJM-078",
        ],
        [
          "IJM-002", "IJM-003", "IJM-004", "IJM-032", "IJM-035", "IJM-036", "IJM-039", "IJM-060",
          "IJM-062", "IJM-067", "IJM-070", "IJM-076", "IJM-078",
        ]
      ),
    ])
  func decisionsInForce(day: String, before: String, now: [String], then: [String]) throws {
    #expect(try projector.context(query(day)).decisionsInForce() == now)
    let earlier = query(day, knownAt: .instant(Fixture.instant(before)))
    #expect(try projector.context(earlier).decisionsInForce() == then)
  }

  @Test("the transitieplan is not in force for the region until Velsen decides")
  func regionalRiskRule() throws {
    let april = try projector.table(.regional, query: query("2026-04-01"))
    #expect(april.cell("state", key: "transitieplan", "VLS") == "missing")
    #expect(april.cell("decision", key: "transitieplan", "HKK") == "IJM-060")
    let findings = try projector.audit(query: query("2026-04-01"))
    #expect(findings.map(\.rule).contains("regional-decision-missing"))
    let later = try projector.table(.regional, query: query("2026-04-16"))
    #expect(later.rows.allSatisfy { $0[4] == "decided" })
  }

  @Test("milestones keep their first planned date and slip by the scenario's days")
  func milestoneSlips() throws {
    let lines = try projector.context(query("2027-12-31")).milestoneLines()
    let slips = Dictionary(
      uniqueKeysWithValues: lines.map {
        ("\($0.milestone) \($0.scope.joined(separator: "+"))", $0.slipDays)
      })
    #expect(slips["M1 BEV+HKK"] == 16)
    #expect(slips["M1 VLS"] == 16)
    #expect(slips["M2 BEV+HKK+VLS"] == 214)
    #expect(slips["M3 BEV+HKK"] == 0)
    #expect(slips["M3 VLS"] == 62)
    #expect(slips["M4 BEV+HKK+VLS"] == 90)
    let m2 = lines.first { $0.milestone == "M2" }
    #expect(m2?.firstPlanned?.description == "2026-06-01")
    #expect(m2?.plannedNow == Fixture.day("2027-01-01"))
  }

  @Test("costs per municipality: final as corrected, the original lines as originally recorded")
  func costTotals() throws {
    let final = try projector.context(query("2027-12-31")).costTotals()
    #expect(final["BEV"] == Money(euros: 670_164, cents: 35))
    #expect(final["HKK"] == Money(euros: 619_456, cents: 25))
    #expect(final["VLS"] == Money(euros: 1_062_879, cents: 40))
    let original = try projector.context(query("2027-12-31", asRecorded: true)).costTotals()
    #expect(original["BEV"] == Money(euros: 671_734, cents: 10))
    #expect(original["HKK"] == Money(euros: 617_587, cents: 50))
    #expect(original["VLS"] == Money(euros: 1_063_178, cents: 40))
    #expect(original.values.sum() == Money(euros: 2_352_500))
    #expect(final.values.sum() == Money(euros: 2_352_500))
  }

  @Test("HKK's share as known on 2026-09-30 differs from as known now")
  func costsAsKnownThen() throws {
    let then = query("2026-09-30", knownAt: .instant(Fixture.instant("2026-09-30T23:59:59.999Z")))
    // K01 36,920 + K02 24,960 + K03 15,990 + K04 22,880; K06-K09 were recorded in October.
    #expect(try projector.context(then).costTotals()["HKK"] == Money(euros: 100_750))
    // As known now: v2 re-allocations (+355 +240 +153.75 +220 +900) and K06, K07, K09, K08.
    let now = try projector.context(query("2026-09-30")).costTotals()
    #expect(now["HKK"] == Money(euros: 283_718, cents: 75))
  }

  @Test("the costs table prints money as EUR with grouping and the key version per line")
  func costCells() throws {
    let table = try projector.table(.costs, query: query("2027-12-31"))
    #expect(table.cell("BEV", key: "K01-R") == "EUR -298.20")
    #expect(table.cell("key", key: "K05") == "v2")
    #expect(
      table.notes.first
        == "total EUR 2,352,500.00: BEV EUR 670,164.35, HKK EUR 619,456.25, VLS EUR 1,062,879.40")
  }

  @Test("as known now the audit finds the late-recorded decision, the OR deviation and the overrun")
  func auditNow() throws {
    let findings = try projector.audit(query: query("2027-12-31"))
    #expect(
      findings.map(\.rule) == [
        "backing-recorded-late", "cohort-above-contract", "costs-above-estimate",
        "or-advice-deviation",
      ])
    // Issue 19 item 8: IJM-090 (ContractChanged.v1) lowered E021's contract to 0.89 and kept
    // 1.00 cohort fte; the new rule says so (the conservation answers stay as they were).
    #expect(
      findings[1].description
        == "cohort-above-contract 2027-12-31 [\(Fixture.seq("IJM-090"))] On 2027-12-31 E021"
        + " counts 1.0000 cohort fte at VLS, but the contract is 0.8900 fte since 2026-09-01"
        + " (IJM-090, ContractChanged.v1, which kept the cohort). Record ChangeContract with"
        + " --cohortFTEAfter 0.8900 so that the cohort follows the contract (the difference then"
        + " shows as 'contract reduced').")
    let late = try #require(findings.first)
    #expect(late.day == Fixture.day("2026-07-01"))
    #expect(late.seqs == [Fixture.seq("IJM-082"), Fixture.seq("IJM-077")])
    let deviation = try #require(findings.last)
    #expect(deviation.message.contains("nothing may be executed before 2026-05-23"))
    #expect(deviation.seqs.contains(Fixture.seq("IJM-070")))
  }

  @Test("as known on 2026-07-02 the BEV moves are unbacked: IJM-077 is not yet recorded")
  func auditBeforeLateDecision() throws {
    let findings = try projector.audit(
      query: query("2026-07-01", knownAt: .instant(Fixture.instant("2026-07-02T00:00:00.000Z"))))
    let unbacked = findings.filter { $0.rule == "staff-move-backed" }
    #expect(unbacked.count == 2)
    #expect(unbacked.allSatisfy { $0.seqs.first == Fixture.seq("IJM-082") })
    #expect(unbacked.contains { $0.message.contains("cite IJM-077, which is not in the log") })
    #expect(!findings.contains { $0.rule == "backing-recorded-late" })
  }

  @Test("the history of E017 holds its records, the records that back them and the correction")
  func historyOfE017() throws {
    let table = try projector.history(of: "E017", query: query("2027-12-31"))
    let ids = table.rows.map { $0[1] }
    #expect(ids.contains("IJM-075"))
    #expect(ids.contains("IJM-077"))
    #expect(table.rows.first { $0[1] == "IJM-072" }?[6] == "IJM-075")
    #expect(table.rows.first { $0[1] == "IJM-062" }?[5] == "backs")
  }

  @Test("an unknown subject is an error that names it and says how to list valid ones")
  func unknownSubject() throws {
    #expect(throws: TransitionProjector.QueryError.self) {
      try projector.history(of: "E999", query: query("2027-12-31"))
    }
    let error = TransitionProjector.QueryError.unknownSubject("E999", knownAt: 172)
    #expect(error.description.contains("'E999'"))
    #expect(error.description.contains("employees, decisions or milestones views"))
  }

  @Test("digests are stable for the same query and differ between known-at points")
  func digests() throws {
    let now = try projector.digest(.decisions, query: query("2026-07-01"))
    #expect(now == (try projector.digest(.decisions, query: query("2026-07-01"))))
    let before = try projector.digest(
      .decisions, query: query("2026-07-01", knownAt: .seq(Fixture.seq("IJM-077") - 1)))
    #expect(now != before)
    #expect(now.count == 64)
  }
}
