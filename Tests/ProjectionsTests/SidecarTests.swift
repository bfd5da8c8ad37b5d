import EventLog
import Foundation
import Testing
import TransitionApp

@testable import Projections
@testable import TransitionDomain

/// The sidecar beside a log: used when it matches, extended when the log grew, rebuilt when
/// missing, damaged or built from another log; its answers always equal a full replay's.
@Suite("Projection sidecar")
struct SidecarTests {
  /// Writes `records` as a log at `path` with their own recorded times.
  static func writeLog(_ records: [DomainRecord], at path: String, create: Bool = true) throws {
    let clock = ScriptedClock(milliseconds: records.first?.recordedMilliseconds ?? 0)
    var options = LogWriter.Options()
    options.clock = clock
    let writer =
      create
      ? try LogWriter.create(path: path, name: "test", options: options)
      : try LogWriter(path: path, options: options)
    for record in records {
      clock.set(record.recordedMilliseconds)
      let pending = PendingRecord(
        event: record.event, effective: record.effective, corrects: record.corrects,
        correctionReason: record.correctionReason, stream: record.stream, id: record.id)
      try writer.append([RecordCodec.draft(pending, by: record.by)])
    }
  }

  /// Every view and the audit on a few days, known at a few seqs, both correction modes.
  static func answers(_ projector: TransitionProjector) throws -> [String] {
    var texts: [String] = []
    let last = projector.ledger.lastSeq
    for seq in [last / 3, last] {
      for asRecorded in [false, true] {
        for day in [CalendarDay(2026, 1, 1), CalendarDay(2027, 12, 31)] {
          let query = ViewQuery(validAt: day, knownAt: .seq(seq), asRecorded: asRecorded)
          for view in ViewName.allCases { texts.append(try projector.digest(view, query: query)) }
          texts.append(try projector.audit(query: query).map(\.description).joined())
        }
      }
    }
    return texts
  }

  static func replayed(_ path: String) throws -> [String] {
    try answers(TransitionProjector(path: path, useSidecar: false))
  }

  @Test("a missing sidecar is built on open and used by the next open, with equal answers")
  func missingThenFresh() throws {
    let path = try ExampleLogFixture.copy()
    let first = try TransitionProjector(path: path)
    #expect(first.origin == .rebuilt)
    #expect(FileManager.default.fileExists(atPath: path + ".projections"))
    let second = try TransitionProjector(path: path)
    #expect(second.origin == .sidecar)
    let expected = try Self.replayed(path)
    #expect(try Self.answers(first) == expected)
    #expect(try Self.answers(second) == expected)
  }

  @Test(
    "a line changed in place, same length, same last line: the sidecar is not trusted and the damage is reported"
  )
  func changedInPlace() throws {
    let path = try ExampleLogFixture.copy()
    #expect(try TransitionProjector(path: path).origin == .rebuilt)
    var bytes = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
    let line20 = bytes.indices.filter { bytes[$0] == 0x0A }[19] + 1
    let target = try #require(bytes[line20...].firstIndex(of: UInt8(ascii: "a")))
    bytes[target] = UInt8(ascii: "b")
    // Rewrite the same file in place, as an editor or a stray write would.
    let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
    try handle.write(contentsOf: Data(bytes))
    try handle.close()
    #expect(throws: (any Error).self) { try TransitionProjector(path: path) }
  }

  @Test("a deleted sidecar is rebuilt with the same answers")
  func deleted() throws {
    let path = try ExampleLogFixture.copy()
    let before = try Self.answers(TransitionProjector(path: path))
    ProjectionSidecar(logPath: path).remove()
    let projector = try TransitionProjector(path: path)
    #expect(projector.origin == .rebuilt)
    #expect(try Self.answers(projector) == before)
  }

  @Test(
    "a damaged sidecar (a flipped byte, a cut, garbage) is detected, never answers, and is rebuilt",
    arguments: [0, 1, 2])
  func damaged(kind: Int) throws {
    let path = try ExampleLogFixture.copy()
    _ = try TransitionProjector(path: path)
    let sidecar = ProjectionSidecar(logPath: path)
    var bytes = try #require(FileManager.default.contents(atPath: sidecar.path))
    switch kind {
    case 0: bytes[bytes.count / 2] ^= 0x20
    case 1: bytes = bytes.prefix(bytes.count - 100)
    default: bytes = Data("not a sidecar".utf8)
    }
    try bytes.write(to: URL(fileURLWithPath: sidecar.path))
    if case .unusable = sidecar.load(checkingEverySection: true) {
    } else {
      Issue.record("damage not detected")
    }
    let projector = try TransitionProjector(path: path)
    #expect(try Self.answers(projector) == (try Self.replayed(path)))
    // Damage in the header or core is found on opening (rebuilt at once); damage in a section
    // when a query first reads it (answered from a replay, the sidecar removed): either way,
    // by the second opening a sound sidecar is back.
    _ = try TransitionProjector(path: path)
    if case .fresh = sidecar.load(checkingEverySection: true) {
    } else {
      Issue.record("the sidecar was not rebuilt")
    }
  }

  /// The byte range of each section of the sidecar at `path` (see `ProjectionSidecar`).
  static func sectionRanges(_ path: String) throws -> [Range<Int>] {
    let bytes = Array(try #require(FileManager.default.contents(atPath: path)))
    return (0..<int(bytes, 88)).map { index in
      let entry = 96 + index * 24
      return int(bytes, entry)..<int(bytes, entry) + int(bytes, entry + 8)
    }
  }

  /// Little-endian Int64 at `offset` of `bytes`.
  static func int(_ bytes: [UInt8], _ offset: Int) -> Int {
    bytes[offset..<offset + 8].reversed().reduce(0) { $0 << 8 | Int($1) }
  }

  /// Writes `value` little-endian at `offset` of `bytes`.
  static func put(_ value: UInt64, at offset: Int, in bytes: inout [UInt8]) {
    for index in 0..<8 { bytes[offset + index] = UInt8(truncatingIfNeeded: value >> (8 * index)) }
  }

  /// Recomputes the checksum of section `index` (at `range`) and of the header, as a forger
  /// would after changing the section, and writes the sidecar back to `path`.
  static func reseal(_ bytes: [UInt8], section index: Int, range: Range<Int>, to path: String)
    throws
  {
    var bytes = bytes
    let checksum = bytes.withUnsafeBytes {
      Checksum64.of(UnsafeRawBufferPointer(rebasing: $0[range]))
    }
    put(checksum, at: 96 + index * 24 + 16, in: &bytes)
    let headerEnd = 96 + LedgerSection.count * 24
    put(Checksum64.of(Array(bytes[0..<headerEnd])), at: headerEnd, in: &bytes)
    try Data(bytes).write(to: URL(fileURLWithPath: path))
  }

  @Test(
    "a section damaged after opening is caught when first read, and the answer comes from the log",
    arguments: [
      LedgerSection.ids, LedgerSection.facts,
      LedgerSection.versions(Ledger.typeIndex(of: DecisionTaken.eventType) ?? 0),
      LedgerSection.staffing,
    ])
  func damagedSection(section: Int) throws {
    let path = try ExampleLogFixture.copy()
    let expected = try Self.answers(TransitionProjector(path: path))
    let sidecar = ProjectionSidecar(logPath: path)
    let range = try Self.sectionRanges(sidecar.path)[section]
    #expect(!range.isEmpty)
    var bytes = try #require(FileManager.default.contents(atPath: sidecar.path))
    bytes[range.lowerBound + range.count / 2] ^= 0x01
    try bytes.write(to: URL(fileURLWithPath: sidecar.path))
    // The header and core still hold, so the sidecar opens; the section is checked on use.
    let projector = try TransitionProjector(path: path)
    #expect(projector.origin == .sidecar)
    #expect(try Self.answers(projector) == expected)
    #expect(!FileManager.default.fileExists(atPath: sidecar.path))
    #expect(try TransitionProjector(path: path).origin == .rebuilt)
  }

  @Test("a forged facts section (checksums recomputed, indices out of range) cannot crash a query")
  func forgedFacts() throws {
    let path = try ExampleLogFixture.copy()
    _ = try TransitionProjector(path: path)
    let sidecar = ProjectionSidecar(logPath: path)
    let section = try Self.sectionRanges(sidecar.path)[LedgerSection.facts]
    var bytes = Array(try #require(FileManager.default.contents(atPath: sidecar.path)))
    // The count, then the fixed-size records (then the tables).
    let facts = Self.int(bytes, section.lowerBound)
    let offset = section.lowerBound + 8
    #expect(facts > 10)
    // Every index and code of the first ten facts out of range.
    for fact in 0..<10 {
      let record = offset + fact * StaffFact.encodedSize
      for field in 0..<12 where field != 1 {
        for index in 0..<4 { bytes[record + 40 + field * 4 + index] = 0x7F }
      }
      bytes[record + 97] = 200
      bytes[record + 98] = 201
    }
    try Self.reseal(bytes, section: LedgerSection.facts, range: section, to: sidecar.path)
    guard case .fresh = sidecar.load(checkingEverySection: true) else {
      Issue.record("the forged sidecar should pass its checksums")
      return
    }
    let projector = try TransitionProjector(path: path)
    #expect(projector.origin == .sidecar)
    // Wrong answers, perhaps, but answers: no read outside the tables.
    #expect(try Self.answers(projector).count == 8 * (ViewName.allCases.count + 1))
  }

  @Test("a forged version entry pointing outside its section is refused, and the log answers")
  func forgedVersionEntry() throws {
    let path = try ExampleLogFixture.copy()
    let expected = try Self.answers(TransitionProjector(path: path))
    let sidecar = ProjectionSidecar(logPath: path)
    let index = LedgerSection.versions(Ledger.typeIndex(of: DecisionTaken.eventType) ?? 0)
    let section = try Self.sectionRanges(sidecar.path)[index]
    var bytes = Array(try #require(FileManager.default.contents(atPath: sidecar.path)))
    // The first entry's data offset (entries are the section's last 64-byte records).
    let count = Self.int(bytes, section.lowerBound)
    #expect(count > 0)
    let entry = section.upperBound - count * LedgerSection.versionEntrySize
    Self.put(UInt64(bitPattern: -4_096), at: entry + 48, in: &bytes)
    try Self.reseal(bytes, section: index, range: section, to: sidecar.path)
    let projector = try TransitionProjector(path: path)
    #expect(projector.origin == .sidecar)
    #expect(try Self.answers(projector) == expected)
  }

  @Test("a temporary sidecar abandoned over an hour ago is removed; a recent one is left")
  func abandonedTemporaries() throws {
    let path = try ExampleLogFixture.copy()
    let old = path + ".projections.tmp-OLD123"
    let recent = path + ".projections.tmp-NEW456"
    for file in [old, recent] {
      #expect(FileManager.default.createFile(atPath: file, contents: Data("x".utf8)))
    }
    try FileManager.default.setAttributes(
      [.modificationDate: Date(timeIntervalSinceNow: -7_200)], ofItemAtPath: old)
    #expect(try TransitionProjector(path: path).origin == .rebuilt)
    #expect(!FileManager.default.fileExists(atPath: old))
    #expect(FileManager.default.fileExists(atPath: recent))
    let left = try FileManager.default.contentsOfDirectory(
      atPath: URL(fileURLWithPath: path).deletingLastPathComponent().path)
    #expect(left.filter { $0.contains(".tmp-") } == ["ijmond.log.projections.tmp-NEW456"])
  }

  @Test(
    "a damaged corrections or versions section is taken from the log when extending",
    arguments: [
      LedgerSection.corrections,
      LedgerSection.versions(Ledger.typeIndex(of: DecisionTaken.eventType) ?? 0),
    ])
  func damagedSectionWhenGrowing(section: Int) throws {
    let directory = ExampleLogFixture.temporaryDirectory()
    let path = directory + "/random.log"
    let records = RandomLog.records(seed: 43, count: 150)
    try Self.writeLog(Array(records.prefix(100)), at: path)
    #expect(try TransitionProjector(path: path).origin == .rebuilt)
    let sidecar = ProjectionSidecar(logPath: path)
    let range = try Self.sectionRanges(sidecar.path)[section]
    #expect(range.count > 8)
    var bytes = try #require(FileManager.default.contents(atPath: sidecar.path))
    bytes[range.upperBound - 1] ^= 0x01
    try bytes.write(to: URL(fileURLWithPath: sidecar.path))
    try Self.writeLog(Array(records.dropFirst(100)), at: path, create: false)
    let projector = try TransitionProjector(path: path)
    #expect(projector.origin == .extended)
    #expect(try Self.answers(projector) == (try Self.replayed(path)))
    if case .fresh = sidecar.load(checkingEverySection: true) {
    } else {
      Issue.record("the extended sidecar is not sound")
    }
  }

  @Test("when the log grew, the sidecar is extended with only the new records")
  func grown() throws {
    let directory = ExampleLogFixture.temporaryDirectory()
    let path = directory + "/random.log"
    let records = RandomLog.records(seed: 42, count: 150)
    try Self.writeLog(Array(records.prefix(100)), at: path)
    #expect(try TransitionProjector(path: path).origin == .rebuilt)
    try Self.writeLog(Array(records.dropFirst(100)), at: path, create: false)
    if case .prefix(_, let stamp) = ProjectionSidecar(logPath: path).load() {
      #expect(stamp.recordCount == 100)
    } else {
      Issue.record("a grown log should find its sidecar's prefix")
    }
    let projector = try TransitionProjector(path: path)
    #expect(projector.origin == .extended)
    #expect(projector.ledger.lastSeq == 150)
    #expect(try Self.answers(projector) == (try Self.replayed(path)))
    let inMemory = TransitionProjector(ledger: try Ledger(records: records), path: path)
    #expect(try Self.answers(projector) == (try Self.answers(inMemory)))
  }

  @Test("a sidecar of another log at the same path is not used")
  func rewrittenLog() throws {
    let directory = ExampleLogFixture.temporaryDirectory()
    let path = directory + "/random.log"
    try Self.writeLog(RandomLog.records(seed: 1, count: 80), at: path)
    _ = try TransitionProjector(path: path)
    let sidecar = try #require(FileManager.default.contents(atPath: path + ".projections"))
    try FileManager.default.removeItem(atPath: path)
    try Self.writeLog(RandomLog.records(seed: 2, count: 90), at: path)
    try sidecar.write(to: URL(fileURLWithPath: path + ".projections"))
    if case .unusable = ProjectionSidecar(logPath: path).load() {
    } else {
      Issue.record("a sidecar of another log must be unusable")
    }
    let projector = try TransitionProjector(path: path)
    #expect(projector.origin == .rebuilt)
    #expect(try Self.answers(projector) == (try Self.replayed(path)))
  }

  @Test("a ledger read back from its sidecar equals the replayed ledger, section by section")
  func sidecarRoundTrip() throws {
    for seed in [UInt64(3), 4, 5] {
      let directory = ExampleLogFixture.temporaryDirectory()
      let path = directory + "/random.log"
      try Self.writeLog(RandomLog.records(seed: seed, count: 120), at: path)
      let replayed = try Ledger.replay(path: path)
      #expect(try TransitionProjector(path: path).origin == .rebuilt)
      guard case .fresh(var loaded) = ProjectionSidecar(logPath: path).load() else {
        Issue.record("the sidecar just written is not fresh")
        continue
      }
      #expect(loaded.stored != nil)
      #expect(loaded.recordIDs == replayed.recordIDs)
      loaded.own()
      #expect(loaded.stored == nil)
      for section in 0..<LedgerSection.count {
        #expect(loaded.encodedSection(section) == replayed.encodedSection(section))
      }
    }
  }
}
