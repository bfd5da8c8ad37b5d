import Foundation
import Testing

@testable import EventLog

/// Runs `Independent/translog.py`, a Python implementation written from FORMAT.md alone.
enum IndependentImplementation {
  static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Independent/translog.py").path

  static var python: String? {
    ["/usr/bin/python3", "/usr/local/bin/python3", "/root/.pyenv/shims/python3"].first {
      FileManager.default.isExecutableFile(atPath: $0)
    }
      ?? ProcessInfo.processInfo.environment["PATH"]?.split(separator: ":")
      .map { $0 + "/python3" }.first { FileManager.default.isExecutableFile(atPath: $0) }
  }

  static func run(_ arguments: [String]) throws -> (status: Int32, output: String) {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: try #require(python))
    process.arguments = [script] + arguments
    let pipe = Pipe()
    process.standardOutput = pipe
    try process.run()
    let data = pipe.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (process.terminationStatus, String(decoding: data, as: UTF8.self))
  }
}

@Suite("The format is the contract: an independent implementation agrees")
struct IndependentImplementationTests {
  @Test(
    "a log written by transition verifies with the independent Python verifier, with the same head hash and checkpoint"
  )
  func ourLogVerifiesThere() throws {
    try #require(IndependentImplementation.python != nil, "python3 is needed for this test")
    let directory = TemporaryDirectory()
    let path = directory.file("events.log")
    let writer = try LogFixtures.makeLog(at: path, count: 40)
    try writer.append([LogFixtures.draft(41, corrects: 3)])
    let report = try LogVerifier.verify(path: path, computeCheckpoint: true)
    let result = try IndependentImplementation.run(["verify", path])
    #expect(result.status == 0, "\(result.output)")
    #expect(result.output == "ok 41 \(report.headHash.hexString)\n")
    #expect(
      try IndependentImplementation.run(["checkpoint", path]).output == report.checkpoint?.text)
    // And it rejects what we reject: a flipped byte in record 20.
    var bytes = FileBytes.read(path)
    let starts = LogFixtures.lineStarts(bytes)
    bytes[starts[20] + 30] ^= 0x01
    FileBytes.write(bytes, to: path)
    #expect(try IndependentImplementation.run(["verify", path]).status == 1)
  }

  @Test(
    "a log written by the independent Python writer verifies with transition, and appends continue its chain"
  )
  func theirLogVerifiesHere() throws {
    try #require(IndependentImplementation.python != nil, "python3 is needed for this test")
    let directory = TemporaryDirectory()
    let path = directory.file("python.log")
    #expect(try IndependentImplementation.run(["write", path, "pylog", "50"]).status == 0)
    let report = try LogVerifier.verify(path: path, computeCheckpoint: true)
    #expect(report.recordCount == 50)
    #expect(report.header.name == "pylog")
    let checkpoint = try IndependentImplementation.run(["checkpoint", path]).output
    #expect(Checkpoint(text: checkpoint) == report.checkpoint)
    let writer = try LogWriter(path: path, options: LogFixtures.options())
    try writer.append([LogFixtures.draft(51)])
    #expect(try IndependentImplementation.run(["verify", path]).output.hasPrefix("ok 51 "))
  }
}

extension IndependentImplementationTests {
  @Test(
    "format v2: a log with marked batches written here verifies with the Python verifier, which also refuses an unfinished batch at the end (issue 15, item 2)"
  )
  func ourBatchedLogVerifiesThere() throws {
    try #require(IndependentImplementation.python != nil, "python3 is needed for this test")
    let directory = TemporaryDirectory()
    let path = directory.file("batched.log")
    let writer = try LogFixtures.makeLog(at: path, count: 3)
    try writer.append((4...8).map { LogFixtures.draft($0) })
    try writer.append([LogFixtures.draft(9)])
    try writer.append([LogFixtures.draft(10), LogFixtures.draft(11, corrects: 2)])
    let report = try LogVerifier.verify(path: path)
    #expect(report.header.version == 2)
    let result = try IndependentImplementation.run(["verify", path])
    #expect(result.output == "ok 11 \(report.headHash.hexString)\n", "\(result.output)")
    // The last batch without its commit line: both call it unfinished.
    let bytes = FileBytes.read(path)
    let starts = LogFixtures.lineStarts(bytes)
    FileBytes.write(Array(bytes[0..<starts[11]]), to: path)
    let cut = try IndependentImplementation.run(["verify", path])
    #expect(cut.status == 1 && cut.output.contains("unfinished batch"), "\(cut.output)")
    #expect(throws: LogDamage.self) { try LogVerifier.verify(path: path) }
  }

  @Test(
    "format v2: a log with marked batches written by the Python writer verifies here and takes appends; a v1 Python log still does"
  )
  func theirBatchedLogVerifiesHere() throws {
    try #require(IndependentImplementation.python != nil, "python3 is needed for this test")
    let directory = TemporaryDirectory()
    for (version, batch) in [("2", "4"), ("1", "1")] {
      let path = directory.file("python-\(version).log")
      #expect(
        try IndependentImplementation.run(["write", path, "pylog", "22", version, batch]).status
          == 0)
      let report = try LogVerifier.verify(path: path, computeCheckpoint: true)
      #expect(report.recordCount == 22)
      #expect(report.header.version == Int64(version))
      let writer = try LogWriter(path: path, options: LogFixtures.options())
      try writer.append([LogFixtures.draft(23), LogFixtures.draft(24)])
      #expect(try IndependentImplementation.run(["verify", path]).output.hasPrefix("ok 24 "))
    }
  }
}

@Suite("Checkpoints")
struct CheckpointTests {
  @Test("a checkpoint is three lines that parse back to themselves")
  func text() throws {
    let directory = TemporaryDirectory()
    let path = directory.file("events.log")
    try LogFixtures.makeLog(at: path, count: 5, name: "ijmond")
    let checkpoint = try #require(
      LogVerifier.verify(path: path, computeCheckpoint: true).checkpoint)
    let lines = checkpoint.text.split(separator: "\n", omittingEmptySubsequences: false)
    #expect(lines.count == 4 && lines[0] == "transition-log/ijmond" && lines[1] == "5")
    #expect(lines[2].count == 44 && lines[3].isEmpty)
    #expect(Checkpoint(text: checkpoint.text) == checkpoint)
    #expect(Checkpoint(text: "transition-log/x\n05\n" + lines[2] + "\n") == nil)
  }

  @Test("a log that grew still extends its earlier checkpoint")
  func growth() throws {
    let directory = TemporaryDirectory()
    let path = directory.file("events.log")
    let writer = try LogFixtures.makeLog(at: path, count: 5)
    let early = try #require(
      LogVerifier.verify(path: path, computeCheckpoint: true).checkpoint)
    try writer.append([LogFixtures.draft(6), LogFixtures.draft(7)])
    #expect(try LogVerifier.verify(path: path, against: early).recordCount == 7)
  }

  @Test(
    "a cut at a line boundary and a fully re-chained forgery pass verify alone but fail against an earlier checkpoint"
  )
  func forgeries() throws {
    let directory = TemporaryDirectory()
    let path = directory.file("events.log")
    try LogFixtures.makeLog(at: path, count: 8)
    let saved = try #require(
      LogVerifier.verify(path: path, computeCheckpoint: true).checkpoint)
    let bytes = FileBytes.read(path)
    let starts = LogFixtures.lineStarts(bytes)

    let cut = directory.file("cut.log")
    FileBytes.write(Array(bytes[0..<starts[7]]), to: cut)
    #expect(try LogVerifier.verify(path: cut).recordCount == 6)
    #expect(throws: LogDamage.self) { try LogVerifier.verify(path: cut, against: saved) }

    // Rewrite record 3's data and recompute every later prev: the chain is valid again.
    let forged = directory.file("forged.log")
    var lines = String(decoding: bytes, as: UTF8.self).split(separator: "\n").map(String.init)
    lines[3] = lines[3].replacingOccurrences(of: "line 3", with: "line X")
    for index in 4..<lines.count {
      let prev = SHA256.hash(lines[index - 1]).hexString
      lines[index] = String(lines[index].dropLast(66)) + prev + "\"}"
    }
    FileBytes.write(Array((lines.joined(separator: "\n") + "\n").utf8), to: forged)
    #expect(try LogVerifier.verify(path: forged).recordCount == 8)
    do {
      _ = try LogVerifier.verify(path: forged, against: saved)
      Issue.record("a re-chained forgery must fail against the checkpoint")
    } catch let damage as LogDamage {
      #expect(damage.kind == .checkpointMismatch)
      #expect(damage.description.contains("rewritten"))
    }
  }
}
