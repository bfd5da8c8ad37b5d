import EventLog
import Foundation
import Testing

@testable import Projections
@testable import TransitionDomain

/// The sidecar's staffing index (`StaffingIndex`): the employees on a day at a known-at, from
/// the facts in valid-time order and the snapshots, equal the fold of the staff facts; damage
/// and forgery send the query back to the facts.
@Suite("Staffing index")
struct StaffingIndexTests {
  /// A small shape, so that a random log of a few hundred records has many blocks and
  /// snapshots.
  static let small = StaffingIndexShape(blockRecords: 5, blocksPerSnapshot: 2)

  /// Writes `records` as a log in a fresh directory and its sidecar with `shape`; returns the
  /// log's path and the ledger replayed from it (owning its parts).
  static func logWithSidecar(_ records: [DomainRecord], shape: StaffingIndexShape) throws
    -> (path: String, replayed: Ledger)
  {
    let path = ExampleLogFixture.temporaryDirectory() + "/random.log"
    try SidecarTests.writeLog(records, at: path)
    var ledger = Ledger()
    let state = try ledger.extend(fromLog: path)
    ledger.staffingIndexShape = shape
    var stamp = ProjectionSidecar.Stamp(state)
    stamp.changeTimeNanoseconds = try #require(ProjectionSidecar.changeTime(path))
    try ProjectionSidecar(logPath: path).write(ledger, stamp: stamp)
    return (path, ledger)
  }

  /// The sidecar of `path`, loaded fresh.
  static func loaded(_ path: String) throws -> Ledger {
    guard case .fresh(let ledger) = ProjectionSidecar(logPath: path).load() else {
      throw SidecarError()
    }
    return ledger
  }

  struct SidecarError: Error {}

  /// Days from before the first record to after the last, every 23 days.
  static let days = stride(from: -30, through: 960, by: 23).map {
    RandomLog.start.adding(days: $0)
  }

  @Test(
    "on random logs with corrections and late records, the index gives the fold of the facts on every day, known-at and mode",
    arguments: [UInt64(11), 12, 13])
  func equalsTheFold(seed: UInt64) throws {
    let records = RandomLog.records(seed: seed, count: 260)
    let (path, replayed) = try Self.logWithSidecar(records, shape: Self.small)
    let loaded = try Self.loaded(path)
    let stored = try #require(loaded.stored)
    let last = replayed.lastSeq
    #expect(replayed.staffFacts.count > 4 * Self.small.blockRecords * Self.small.blocksPerSnapshot)
    var baselinesSeen = 0
    for knownAt in [0, 1, last / 4, last / 2, last - 1, last] {
      for asRecorded in [false, true] {
        let view = replayed.view(at: knownAt, asRecorded: asRecorded)
        for day in Self.days {
          let expected = EmployeeFold.states(of: view.staffFacts, on: day)
          let answer = stored.employees(on: day, knownAt: knownAt, asRecorded: asRecorded)
          #expect(answer == expected, "day \(day), known at \(knownAt), as recorded \(asRecorded)")
          // And through the view the projections use.
          #expect(loaded.view(at: knownAt, asRecorded: asRecorded).employees(on: day) == expected)
          // The baseline of the conservation view.
          let baseline = Baseline(
            view.staffFacts.filter { $0.kind == .baseline && $0.effective <= day })
          #expect(
            stored.baseline(on: day, knownAt: knownAt, asRecorded: asRecorded) == baseline,
            "baseline on day \(day), known at \(knownAt), as recorded \(asRecorded)")
          if baseline.people > 0 { baselinesSeen += 1 }
        }
      }
    }
    // Non-empty baselines were compared.
    #expect(baselinesSeen > 0)
    #expect(FileManager.default.fileExists(atPath: path + ".projections"))
  }

  @Test("the standard shape (one block on a small log) gives the same answers")
  func standardShape() throws {
    let records = RandomLog.records(seed: 14, count: 200)
    let (path, replayed) = try Self.logWithSidecar(records, shape: StaffingIndexShape())
    let stored = try #require(try Self.loaded(path).stored)
    for day in Self.days {
      for knownAt in [replayed.lastSeq / 2, replayed.lastSeq] {
        let expected = EmployeeFold.states(
          of: replayed.view(at: knownAt, asRecorded: false).staffFacts, on: day)
        #expect(stored.employees(on: day, knownAt: knownAt, asRecorded: false) == expected)
      }
    }
  }

  @Test("a log without staff records has an empty index that answers no employees")
  func noStaff() throws {
    let records = RandomLog.records(seed: 15, count: 120).filter {
      StaffFact.facts(of: $0.event, seq: 1, source: 1, effective: $0.effective) == nil
        && $0.corrects == nil
    }
    #expect(!records.isEmpty)
    let (path, _) = try Self.logWithSidecar(records, shape: Self.small)
    let stored = try #require(try Self.loaded(path).stored)
    for day in Self.days {
      #expect(stored.employees(on: day, knownAt: Int64(records.count), asRecorded: false) == [])
    }
  }

  /// The byte range of the staffing section, the offset of its first block and of its last
  /// snapshot (read from its head).
  static func layout(_ path: String) throws -> (
    section: Range<Int>, firstBlock: Int, lastSnapshot: Int, snapshotCount: Int
  ) {
    let section = try SidecarTests.sectionRanges(path + ".projections")[LedgerSection.staffing]
    let bytes = Array(try #require(FileManager.default.contents(atPath: path + ".projections")))
    let base = section.lowerBound
    let count = SidecarTests.int(bytes, base)
    let blockRecords = SidecarTests.int(bytes, base + 8)
    let snapshots = SidecarTests.int(bytes, base + 56)
    let blocks = (count + blockRecords - 1) / blockRecords
    let table = base + StaffingIndexLayout.headerSize
    let firstBlock = SidecarTests.int(bytes, table)
    let lastEntry = table + blocks * 16 + (snapshots - 1) * 24
    return (section, base + firstBlock, base + SidecarTests.int(bytes, lastEntry + 8), snapshots)
  }

  @Test("the default query starts from a snapshot: a damaged first block is not read by it")
  func defaultQueryUsesSnapshots() throws {
    let records = RandomLog.records(seed: 16, count: 260)
    let (path, replayed) = try Self.logWithSidecar(records, shape: Self.small)
    let layout = try Self.layout(path)
    #expect(layout.snapshotCount > 3)
    var bytes = try #require(FileManager.default.contents(atPath: path + ".projections"))
    bytes[layout.firstBlock + 3] ^= 0x40
    try bytes.write(to: URL(fileURLWithPath: path + ".projections"))
    let last = replayed.lastSeq
    let day = try #require(Self.days.last)
    // Known now, as corrected: the last snapshot and the blocks after it; block 0 unread.
    let loaded = try Self.loaded(path)
    let stored = try #require(loaded.stored)
    #expect(
      stored.employees(on: day, knownAt: last, asRecorded: false)
        == EmployeeFold.states(of: replayed.view(at: last, asRecorded: false).staffFacts, on: day))
    #expect(FileManager.default.fileExists(atPath: path + ".projections"))
    // Any other known-at folds from the first block, finds the damage and gives up on the
    // index; the view answers from the facts all the same, and the sidecar is removed.
    #expect(stored.employees(on: day, knownAt: last - 1, asRecorded: false) == nil)
    #expect(!FileManager.default.fileExists(atPath: path + ".projections"))
    #expect(
      loaded.view(at: last - 1, asRecorded: false).employees(on: day)
        == EmployeeFold.states(
          of: replayed.view(at: last - 1, asRecorded: false).staffFacts, on: day))
  }

  @Test(
    "damage anywhere in the index (head, a block, a snapshot) is caught, and the answer comes from the facts",
    arguments: [0, 1, 2])
  func damaged(part: Int) throws {
    let records = RandomLog.records(seed: 17, count: 200)
    let (path, replayed) = try Self.logWithSidecar(records, shape: Self.small)
    let layout = try Self.layout(path)
    var bytes = try #require(FileManager.default.contents(atPath: path + ".projections"))
    let target = [layout.section.lowerBound + 20, layout.firstBlock + 40, layout.lastSnapshot + 2][
      part]
    bytes[target] ^= 0x04
    try bytes.write(to: URL(fileURLWithPath: path + ".projections"))
    let loaded = try Self.loaded(path)
    let last = replayed.lastSeq
    for knownAt in [last / 3, last] {
      let day = try #require(Self.days.last)
      #expect(
        loaded.view(at: knownAt, asRecorded: false).employees(on: day)
          == EmployeeFold.states(
            of: replayed.view(at: knownAt, asRecorded: false).staffFacts, on: day))
    }
    #expect(!FileManager.default.fileExists(atPath: path + ".projections"))
  }

  @Test("a forged block (its checksums recomputed, indices out of range) cannot crash a query")
  func forgedBlock() throws {
    let records = RandomLog.records(seed: 18, count: 200)
    let (path, replayed) = try Self.logWithSidecar(records, shape: Self.small)
    let layout = try Self.layout(path)
    let sidecar = path + ".projections"
    var bytes = Array(try #require(FileManager.default.contents(atPath: sidecar)))
    // Every string and list index of the first block's facts far out of range.
    let size = Self.small.blockRecords * StaffingIndexLayout.recordSize
    for record in 0..<Self.small.blockRecords {
      for field in [32, 40, 44, 48, 52, 56] {
        for byte in 0..<4 { bytes[layout.firstBlock + record * 72 + field + byte] = 0x7F }
      }
    }
    let checksum = bytes.withUnsafeBytes {
      Checksum64.of(
        UnsafeRawBufferPointer(rebasing: $0[layout.firstBlock..<layout.firstBlock + size]))
    }
    SidecarTests.put(checksum, at: layout.firstBlock + size, in: &bytes)
    try SidecarTests.reseal(
      bytes, section: LedgerSection.staffing, range: layout.section, to: sidecar)
    guard case .fresh = ProjectionSidecar(logPath: path).load(checkingEverySection: true) else {
      Issue.record("the forged sidecar should pass its checksums")
      return
    }
    let stored = try #require(try Self.loaded(path).stored)
    let day = try #require(Self.days.last)
    #expect(stored.employees(on: day, knownAt: replayed.lastSeq / 2, asRecorded: true) == nil)
  }
}
