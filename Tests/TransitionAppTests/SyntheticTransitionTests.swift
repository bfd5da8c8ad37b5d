import EventLog
import Foundation
import Projections
import Testing
import TransitionDomain

@testable import TransitionApp

@Suite("The synthetic transition of the benchmark (W6)")
struct SyntheticTransitionTests {
  /// The prefix recorded through the rules.
  static let prefix = 20_000

  @Test("the first 20,000 records are accepted by the rules and are the records decide yields")
  func acceptedByTheRules() throws {
    try record(SyntheticTransition(count: Self.prefix), checkKinds: true)
  }

  @Test("with 20 records a day (secondments expire, milestones pass) the rules accept them too")
  func acceptedOverManyDays() throws {
    try record(SyntheticTransition(count: 6_000, recordsPerDay: 20), checkKinds: false)
  }

  /// Records `transition` through `TransitionLog.record` in batches of 500 and checks that each
  /// record is the step's pending record.
  private func record(_ transition: SyntheticTransition, checkKinds: Bool) throws {
    let directory = NSTemporaryDirectory() + "synthetic-" + UUID().uuidString
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let path = directory + "/transition.log"
    _ = try LogWriter.create(path: path, name: "synthetic")
    let log = try TransitionLog(path: path)
    let steps = Array(transition)
    #expect(steps.count == transition.count)
    var start = 0
    while start < steps.count {
      let batch = steps[start..<min(start + 500, steps.count)]
      let appended = try log.record(batch.map(\.command), by: SyntheticTransition.actor)
      try #require(appended.count == batch.count)
      for (record, step) in zip(appended, batch) {
        #expect(record.seq == step.seq)
        #expect(record.id == step.pending.id)
        #expect(record.event == step.pending.event)
        #expect(record.effective == step.pending.effective)
        #expect(record.corrects == step.pending.corrects)
        #expect(record.correctionReason == step.pending.correctionReason)
        #expect(record.stream == step.pending.stream)
      }
      start += batch.count
    }
    let kinds = Set(steps.map(\.pending.event.eventType))
    if checkKinds {
      for type in [
        "StaffTransferred.v1", "ContractChanged.v1", "SecondmentStarted.v1", "StaffDeparted.v1",
        "DecisionTaken.v1", "DecisionCorrected.v1", "RecordRetracted.v1", "ORAdviceGiven.v1",
        "CostBooked.v1", "CostBookingCorrected.v1", "StaffBaselineRecorded.v1",
      ] {
        #expect(kinds.contains(type), "no \(type) in the prefix")
      }
    }
    let projector = try TransitionProjector(path: path, useSidecar: false)
    #expect(projector.ledger.lastSeq == Int64(transition.count))
  }

  @Test("the same arguments give the same records, and a shorter transition is a prefix")
  func deterministic() {
    let first = SyntheticTransition(count: 3_000).map(\.pending)
    let second = SyntheticTransition(count: 5_000).map(\.pending)
    #expect(first[...] == second.prefix(3_000))
  }
}
