import EventLog
import Foundation
import Testing
import TransitionApp

@testable import Projections

/// Issue 15, item 9: a line changed in place within the file system's time resolution of the
/// cache being made (same size, same last line, same change time) is caught.
@Suite("the sidecar's stamp on file systems with coarse change times")
struct SidecarStampTests {
  /// Changes one byte of line 20 of the log at `path` in place: same size, same last line.
  static func changeInPlace(_ path: String) throws {
    var bytes = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
    let line20 = bytes.indices.filter { bytes[$0] == 0x0A }[19] + 1
    let target = try #require(bytes[line20...].firstIndex(of: UInt8(ascii: "a")))
    bytes[target] = UInt8(ascii: "b")
    let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
    try handle.write(contentsOf: Data(bytes))
    try handle.close()
  }

  @Test(
    "with coarse change times, an edit in place in the same tick is not answered from the cache")
  func sameSecond() throws {
    let path = try ExampleLogFixture.copy()
    // As a file system with coarse change times sees the log: 1,000 s rather than one, so
    // that the edit below falls in the same tick in all but one run in a thousand.
    let sidecar = ProjectionSidecar(logPath: path, changeTimeResolution: 1_000_000_000_000)
    let (_, origin) = try sidecar.ledger()
    #expect(origin == .rebuilt)
    // Made within the settling margin of the log's last change: unsettled, yet usable while
    // the log holds.
    if case .fresh = sidecar.load() {
    } else {
      Issue.record("an unsettled sidecar of an unchanged log should answer")
    }
    let before = sidecar.logChangeTime()
    try Self.changeInPlace(path)
    // Same size, same last line, and (unless the tick turned meanwhile) the same change time
    // as this file system shows it.
    if sidecar.logChangeTime() == before {
      if case .fresh = sidecar.load() {
        Issue.record("a log changed in place in the same second was answered from the cache")
      }
    }
    #expect(throws: (any Error).self) { try sidecar.ledger() }
  }

  /// The change-time field of the stamp of the sidecar at `path` (negative when unsettled).
  static func stampedChangeTime(_ path: String) throws -> Int64 {
    let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
    var value: UInt64 = 0
    for index in (48..<56).reversed() { value = value << 8 | UInt64(bytes[index]) }
    return Int64(bitPattern: value)
  }

  /// The permission bits of the file at `path`.
  static func permissions(_ path: String) throws -> Int {
    let attributes = try FileManager.default.attributesOfItem(atPath: path)
    return (attributes[.posixPermissions] as? Int) ?? -1
  }

  @Test("an unsettled sidecar whose chain holds is rewritten settled once the margin has passed")
  func settlesLater() throws {
    let path = try ExampleLogFixture.copy()
    // A log only its owner may read: the cache, and its settled rewrite, may be no wider.
    #expect(chmod(path, 0o600) == 0)
    let sidecar = ProjectionSidecar(logPath: path)
    let (_, origin) = try sidecar.ledger()
    #expect(origin == .rebuilt)
    #expect(try Self.permissions(sidecar.path) & 0o077 == 0)
    // Made at once after the log was written: unsettled, and still so after a use within
    // the margin.
    #expect(try Self.stampedChangeTime(sidecar.path) < 0)
    guard case .fresh = sidecar.load() else {
      Issue.record("an unsettled sidecar of an unchanged log should answer")
      return
    }
    #expect(try Self.stampedChangeTime(sidecar.path) < 0)
    // After the margin (2 s), the next use checks the chain once and settles it.
    usleep(2_200_000)
    guard case .fresh = sidecar.load() else {
      Issue.record("an unsettled sidecar of an unchanged log should answer")
      return
    }
    #expect(try Self.stampedChangeTime(sidecar.path) == sidecar.logChangeTime())
    #expect(try Self.permissions(sidecar.path) & 0o077 == 0)
    guard case .fresh = sidecar.load(checkingEverySection: true) else {
      Issue.record("the settled sidecar should answer, every section intact")
      return
    }
  }

  @Test(
    "a sidecar made well after the log's last change is settled, and answers without a re-check")
  func settled() throws {
    let path = try ExampleLogFixture.copy()
    var ledger = Ledger()
    let state = try ledger.extend(fromLog: path)
    let sidecar = ProjectionSidecar(logPath: path)
    var stamp = ProjectionSidecar.Stamp(state)
    stamp.changeTimeNanoseconds = try #require(sidecar.logChangeTime())
    try sidecar.write(ledger, stamp: stamp)
    guard case .fresh = sidecar.load() else {
      Issue.record("a settled sidecar of an unchanged log should answer")
      return
    }
  }
}
