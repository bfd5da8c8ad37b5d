import EventLog
import Foundation
import Testing
import TransitionDomain

@testable import TransitionApp

/// Issue 15, item 7: a writer that lost the race decides again against the new state.
@Suite("TransitionLog decides again after another writer's append")
struct RecheckTests {
  @Test("a command that another writer's record makes invalid is refused, not a conflict")
  func refusedAfterRecheck() throws {
    let directory = NSTemporaryDirectory() + "recheck-" + UUID().uuidString
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let path = directory + "/transition.log"
    _ = try LogWriter.create(path: path, name: "recheck")
    let steps = Array(SyntheticTransition(count: 400))
    let decision = try #require(
      steps.firstIndex { $0.pending.event.eventType == "DecisionTaken.v1" })
    let setup = try TransitionLog(path: path)
    if decision > 0 {
      try setup.record(steps[..<decision].map(\.command), by: SyntheticTransition.actor)
    }
    // Two writers that both read the log before the decision.
    let first = try TransitionLog(path: path)
    let second = try TransitionLog(path: path)
    try first.record([steps[decision].command], by: SyntheticTransition.actor)
    // The second decided against the old state, finds the log moved on, reads it again and
    // decides again: the same decision id is now taken.
    let taken = steps[decision].command
    let again = TransitionCommand(
      taken.event.payload.value, effective: taken.effective, source: taken.event.source,
      id: "another-record-id")
    #expect {
      try second.record([again], by: SyntheticTransition.actor)
    } throws: { error in
      guard case TransitionLog.Failure.refused(_, let refusal) = error,
        case .duplicateIdentifier = refusal
      else { return false }
      return true
    }
    #expect(second.lastSeq == Int64(decision + 1))
  }
}
