import Testing

@testable import TransitionDomain

@Suite("IJmond scenario")
struct IJmondScenarioTests {
  static func replayed() throws -> Replay {
    var replay = Replay()
    for step in IJmondScenario.steps {
      try replay.run(step.command, at: step.recordedMilliseconds, by: step.by)
    }
    return replay
  }

  @Test("every scripted step is accepted and recorded times never decrease")
  func everyStepAccepted() throws {
    var replay = Replay()
    var previous: Int64 = 0
    for step in IJmondScenario.steps {
      #expect(step.recordedMilliseconds > previous, "\(step.id)")
      previous = step.recordedMilliseconds
      do {
        try replay.run(step.command, at: step.recordedMilliseconds, by: step.by)
      } catch {
        Issue.record("\(step.id) refused: \(error)")
        return
      }
    }
    #expect(replay.records.count == IJmondScenario.steps.count)
    #expect(Set(IJmondScenario.steps.map(\.id)).count == IJmondScenario.steps.count)
  }

  @Test("the baseline has 55 staff and 47.0000 FTE: 20.0000 werkconsulent and 27.0000 other")
  func baseline() throws {
    let replay = try Self.replayed()
    let day = CalendarDay(2025, 7, 1)
    let staff = replay.state.employeeIDs.compactMap { replay.state.employee($0, on: day) }
      .filter(\.inBaseline)
    #expect(staff.count == 55)
    #expect(replay.state.baselineFTE(on: day).description == "47.0000")
    let werkconsulent = staff.filter { $0.function == "werkconsulent" }.map(\.allocatedFTE).sum()
    #expect(werkconsulent.description == "20.0000")
  }

  @Test("FTE is conserved across buckets as in Appendix C")
  func conservation() throws {
    let replay = try Self.replayed()
    let end = replay.state.cohortFTEBuckets(on: CalendarDay(2027, 12, 31))
    #expect(end["BEV"]?.description == "12.2400")
    #expect(end["HKK"]?.description == "11.4100")
    #expect(end["VLS"]?.description == "13.8800")
    #expect(end["reassigned"]?.description == "3.8000")
    #expect(end["departed"]?.description == "5.6700")
    #expect(end["IJW"] == nil)
    for day in [
      CalendarDay(2025, 7, 1), CalendarDay(2026, 7, 1), CalendarDay(2026, 9, 1),
      CalendarDay(2027, 12, 31),
    ] {
      #expect(
        replay.state.cohortFTEBuckets(on: day).values.sum().description == "47.0000", "\(day)")
    }
  }

  @Test(
    "cohort contract FTE at the municipalities on 2027-12-31 is BEV 12.24, HKK 11.52, VLS 13.77")
  func contractFTE() throws {
    let replay = try Self.replayed()
    let day = CalendarDay(2027, 12, 31)
    #expect(replay.state.cohortContractFTE(at: "BEV", on: day).description == "12.2400")
    #expect(replay.state.cohortContractFTE(at: "HKK", on: day).description == "11.5200")
    #expect(replay.state.cohortContractFTE(at: "VLS", on: day).description == "13.7700")
  }

  @Test("costs total EUR 2,352,500.00; Heemskerk bears EUR 619,456.25 after correction")
  func costs() throws {
    let replay = try Self.replayed()
    var original: [OrganisationID: Money] = [:]
    var corrected: [OrganisationID: Money] = [:]
    var total = Money.zero
    for record in replay.records {
      if let booked = record.event.payload(as: CostBooked.self) {
        for line in booked.lines {
          total = total + line.amount
          for part in line.charged {
            original[part.organisation, default: .zero] =
              original[part.organisation, default: .zero] + part.amount
            corrected[part.organisation, default: .zero] =
              corrected[part.organisation, default: .zero] + part.amount
          }
        }
      }
      if let correction = record.event.payload(as: CostBookingCorrected.self) {
        for line in correction.lines {
          total = total + line.amount
          for part in line.charged {
            corrected[part.organisation, default: .zero] =
              corrected[part.organisation, default: .zero] + part.amount
          }
        }
      }
    }
    #expect(total.description == "EUR 2,352,500.00")
    #expect(original["BEV"]?.description == "EUR 671,734.10")
    #expect(original["HKK"]?.description == "EUR 617,587.50")
    #expect(original["VLS"]?.description == "EUR 1,063,178.40")
    #expect(corrected["BEV"]?.description == "EUR 670,164.35")
    #expect(corrected["HKK"]?.description == "EUR 619,456.25")
    #expect(corrected["VLS"]?.description == "EUR 1,062,879.40")
  }

  @Test("E017's corrected placement reads BEV while the original record still says VLS")
  func correctedPlacement() throws {
    let replay = try Self.replayed()
    guard let index = IJmondScenario.steps.firstIndex(where: { $0.id == "IJM-072" }),
      let patchIndex = IJmondScenario.steps.firstIndex(where: { $0.id == "IJM-075" }),
      let patch = replay.records[patchIndex].event.payload(as: DecisionCorrected.self)
    else {
      Issue.record("steps missing")
      return
    }
    let original = replay.records[index]
    #expect(replay.records[patchIndex].corrects == original.seq)
    let patched = try Correction.patch(original.event.encodeData(), with: patch.changes)
    let step = try DomainEvent.decode(type: PlacementProcedureStep.eventType, data: patched)
    let placement = step.payload(as: PlacementProcedureStep.self)?.placements.first {
      $0.employee == "E017"
    }
    #expect(placement?.destination == "BEV")
    let before = original.event.payload(as: PlacementProcedureStep.self)?.placements.first {
      $0.employee == "E017"
    }
    #expect(before?.destination == "VLS")
  }
}
