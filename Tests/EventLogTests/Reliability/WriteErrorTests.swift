import EventLog
import Foundation
import Testing

@testable import EventLog

#if canImport(Glibc)
  import Glibc
#endif

/// Group 6: full disks and write errors.
///
/// A failed append returns an error, acknowledges
/// nothing, leaves the file at its previous size, and appends continue afterwards.
@Suite("Reliability 6: full disk and write errors")
struct WriteErrorTests {
  static let batches = [1, 2, 1, 3, 1]

  /// Runs the workload with the n-th write failing; a failed append is retried once.
  static func runWorkload(failing number: Int, code: Int32, persist: Bool) throws -> [String] {
    let directory = TemporaryDirectory()
    let path = directory.file("events.log")
    try LogFixtures.makeLog(at: path, count: 1)
    let faults = FaultyFileOperations()
    var options = LogFixtures.options()
    options.fileOperations = faults
    let writer = try LogWriter(path: path, options: options)
    faults.failWrite = (faults.writeCount + number, code)
    faults.failingWritesPersist = persist
    var problems: [String] = []
    var acknowledged: [String] = []
    var item = 1
    for size in batches {
      let drafts = (0..<size).map { _ in
        item += 1
        return LogFixtures.draft(item)
      }
      let sizeBefore = FileBytes.read(path).count
      do {
        let receipt = try writer.append(drafts)
        acknowledged += receipt.entries.map(\.id)
      } catch {
        guard case .notWritten = error else {
          problems.append("expected notWritten, got \(error)")
          continue
        }
        if FileBytes.read(path).count != sizeBefore {
          problems.append("after \(error) the file is not back at \(sizeBefore) bytes")
        }
        faults.failWrite = nil  // the disk has room again: the retry must succeed
        acknowledged += try writer.append(drafts).entries.map(\.id)
      }
    }
    let records = try LogReader(path: path).records()
    if records.map(\.id) != ["r-1"] + acknowledged {
      problems.append("the log holds \(records.map(\.id)), acknowledged \(acknowledged)")
    }
    _ = try LogVerifier.verify(path: path)
    return problems
  }

  @Test(
    "ENOSPC, EIO, EFBIG, EINTR or a short write at the n-th write, for every n of a small workload: error returned, nothing acknowledged, file back to its previous size, appends continue",
    arguments: [ENOSPC, EIO, EFBIG, EINTR, 0], [false, true])
  func injectedAtEveryWrite(code: Int32, persist: Bool) throws {
    for number in 1...(Self.batches.count + 1) {
      let problems = try Self.runWorkload(failing: number, code: code, persist: persist)
      #expect(problems.isEmpty, "errno \(code) at write \(number): \(problems)")
    }
  }

  @Test(
    "RLIMIT_FSIZE (SIGXFSZ ignored) at many limits: writes past it fail with EFBIG, nothing past the limit is acknowledged, the log verifies, and appends continue",
    arguments: [0, 37, 250, 1000])
  func fileSizeLimit(extra: Int) throws {
    let directory = TemporaryDirectory()
    let path = directory.file("events.log")
    try LogFixtures.makeLog(at: path, count: 1)
    let limit = FileBytes.read(path).count + extra
    let run = try ChildProcess.runTorture([
      "append", path, "--writer", "big", "--count", "30", "--batch", "2",
      "--fsize-limit", String(limit),
    ])
    #expect(run.status == 1)
    #expect(run.lines.last?.contains("Nothing was appended") == true)
    #expect(FileBytes.read(path).count <= limit)
    let acks = Acknowledgement.parse(run.lines.joined(separator: "\n"))
    #expect(History.violations(path: path, acknowledgements: acks).isEmpty)
    let more = try ChildProcess.runTorture(["append", path, "--writer", "more", "--count", "3"])
    #expect(more.status == 0)
    #expect(try LogVerifier.verify(path: path).recordCount == Int64(1 + acks.count + 3))
  }

  /// Mounts a tmpfs of `kilobytes` at a new directory; nil (with the reason) if not allowed.
  static func mountTmpfs(kilobytes: Int) -> (TemporaryDirectory?, String) {
    let directory = TemporaryDirectory()
    if Glibc.mount("tmpfs", directory.path, "tmpfs", 0, "size=\(kilobytes)k,mode=0700") != 0 {
      return (nil, "mount -t tmpfs failed: \(String(cString: strerror(errno)))")
    }
    return (directory, "")
  }

  static let tmpfsProbe: (allowed: Bool, note: String) = {
    let (mounted, note) = mountTmpfs(kilobytes: 64)
    if let mounted { umount2(mounted.path, Int32(MNT_DETACH)) }
    if mounted == nil {
      print(
        "NOTE: the size-limited file system test is skipped: \(note). Needs root (or"
          + " CAP_SYS_ADMIN); RLIMIT_FSIZE and the injected ENOSPC cover a full disk instead.")
    }
    return (mounted != nil, note)
  }()

  @Test(
    "a real full disk (a 256 KiB tmpfs): the append that does not fit fails with nothing written and the file at its previous size; once space is freed appends continue",
    .enabled(if: tmpfsProbe.allowed, "mounting a tmpfs needs root; see the printed NOTE"))
  func fullTmpfs() throws {
    let (mounted, note) = Self.mountTmpfs(kilobytes: 256)
    let directory = try #require(mounted, "\(note)")
    defer { umount2(directory.path, Int32(MNT_DETACH)) }
    let ballast = directory.file("ballast")
    FileBytes.write([UInt8](repeating: 7, count: 96 * 1024), to: ballast)
    let path = directory.file("events.log")
    let writer = try LogWriter.create(path: path, name: "full", options: LogFixtures.options())
    var acknowledged = 0
    var failures = 0
    var item = 0
    while failures < 3 && item < 10_000 {
      item += 1
      let before = FileBytes.read(path).count
      let big = RecordDraft(
        id: "full-\(item)", effective: LogDay(daysSinceEpoch: 20_454), type: "Full.v1",
        stream: "s", by: "tester",
        data: ["pad": .string(String(repeating: "y", count: 1500 + item % 3000))])
      do {
        try writer.append([big])
        acknowledged += 1
      } catch {
        guard case .notWritten(let cause) = error else {
          Issue.record("expected notWritten, got \(error)")
          break
        }
        #expect(cause.code == ENOSPC)
        #expect(FileBytes.read(path).count == before)
        failures += 1
      }
    }
    #expect(failures == 3, "the disk never filled")
    #expect(try LogVerifier.verify(path: path).recordCount == Int64(acknowledged))
    try FileManager.default.removeItem(atPath: ballast)
    try writer.append([LogFixtures.draft(1, id: "after-space-freed")])
    #expect(try LogVerifier.verify(path: path).recordCount == Int64(acknowledged + 1))
  }
}
