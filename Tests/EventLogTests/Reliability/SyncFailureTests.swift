import EventLog
import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#endif

/// Group 7: fdatasync failures.
///
/// Reported as unknown, never as success; the handle refuses
/// further appends; a fresh process finds the record complete or absent.
@Suite("Reliability 7: fsync failure")
struct SyncFailureTests {
  @Test(
    "on a real file system, an fdatasync failure at the n-th sync (every n of a workload) is outcomeUnknown, the handle refuses appends, and a fresh writer finds the batch complete or absent",
    arguments: [EIO, ENOSPC, EDQUOT])
  func realFileSystem(code: Int32) throws {
    for number in 1...4 {
      let directory = TemporaryDirectory()
      let path = directory.file("events.log")
      try LogFixtures.makeLog(at: path, count: 1)
      let faults = FaultyFileOperations()
      var options = LogFixtures.options()
      options.fileOperations = faults
      let writer = try LogWriter(path: path, options: options)
      faults.failSync = (faults.syncCount + number, code)
      var acknowledged = 1
      var unknownBatch: [String] = []
      for round in 1...4 {
        let drafts = [LogFixtures.draft(round * 10), LogFixtures.draft(round * 10 + 1)]
        do {
          try writer.append(drafts)
          #expect(unknownBatch.isEmpty, "an append after an unknown outcome succeeded")
          acknowledged += 2
        } catch {
          switch error {
          case .outcomeUnknown: unknownBatch = drafts.compactMap(\.id)
          case .handlePoisoned: #expect(!unknownBatch.isEmpty)
          default: Issue.record("sync \(number): unexpected \(error)")
          }
        }
      }
      #expect(!unknownBatch.isEmpty, "sync \(number) never failed")
      let fresh = try LogWriter(path: path, options: LogFixtures.options())
      #expect(fresh.recoveries.isEmpty)
      let ids = try LogReader(path: path).records().map(\.id)
      let present = unknownBatch.filter(ids.contains)
      #expect(present.isEmpty || present == unknownBatch, "the batch is half there")
      #expect(ids.count == acknowledged + present.count)
      try fresh.append([LogFixtures.draft(99, id: "fresh")])
      _ = try LogVerifier.verify(path: path)
    }
  }

  @Test(
    "on the simulated disk, after an fdatasync failure every power-cut state recovers with the acknowledged records and the unknown batch complete or absent, never half"
  )
  func simulatedPowerCutAfterSyncFailure() throws {
    var random = SplitMix64(seed: 0x5F_0001)
    var states = 0
    for number in 1...3 {
      let disk = SimulatedDisk()
      var options = PowerLossTests.options(disk)
      let writer = try LogWriter.create(path: PowerLossTests.logPath, name: "s", options: options)
      disk.failSync = (disk.syncCount + number, EIO)
      var acknowledged: [String] = []
      var unknown: [String] = []
      for round in 1...3 {
        let drafts = [LogFixtures.draft(round * 10), LogFixtures.draft(round * 10 + 1)]
        do {
          acknowledged += try writer.append(drafts).entries.map(\.id)
        } catch {
          if case .outcomeUnknown = error { unknown = drafts.compactMap(\.id) }
        }
      }
      #expect(!unknown.isEmpty)
      for cut in SimulatedDisk.powerCutStates(
        disk.state, focus: PowerLossTests.logPath, random: &random)
      {
        states += 1
        let restored = SimulatedDisk(restoring: cut)
        options.fileOperations = restored
        let damage: LogDamage?
        do {
          _ = try LogWriter(path: PowerLossTests.logPath, options: options)
          damage = nil
        } catch {
          guard case .damaged(let found) = error else { throw error }
          damage = found
        }
        if let damage {
          // Garbage with newlines where the unsynced batch was: refused, nothing changed,
          // and the damaged line is after every acknowledged record.
          #expect(damage.lineNumber > acknowledged.count + 1, "\(damage)")
          #expect(restored.contents(PowerLossTests.logPath) == cut.current(PowerLossTests.logPath))
          continue
        }
        let ids = try LogReader(path: PowerLossTests.logPath, fileOperations: restored).records()
          .map(\.id)
        let present = unknown.filter(ids.contains)
        #expect(Array(ids.prefix(acknowledged.count)) == acknowledged)
        #expect(present.isEmpty || present == unknown, "half a batch: \(present)")
        #expect(ids.count == acknowledged.count + present.count)
      }
    }
    reportFigure("sync-failure.power-cut-states", states)
  }
}
