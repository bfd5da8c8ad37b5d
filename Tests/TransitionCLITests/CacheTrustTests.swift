import CSHA256
import EventLog
import Foundation
import Testing

/// Issue 15, items 3, 4 and 5 (the cache's side), run as a user runs the tool.
@Suite("the cache cannot change evidence, hide damage or hang the tool")
struct CacheTrustTests {
  /// A fresh copy of the demo log.
  static func demo(_ work: WorkDirectory) throws -> String {
    let path = work.file("demo.log")
    #expect(try TransitionBinary.run(["demo", "--output", path]).status == 0)
    return path
  }

  /// Appends a copy of the first `CostBooked` record with the next seq, the same id and a
  /// recomputed chain: every line parses, the chain holds, only the id is used twice.
  static func appendDuplicate(_ path: String) throws {
    let text = try String(contentsOfFile: path, encoding: .utf8)
    var lines = text.split(separator: "\n").map(String.init)
    let source = try #require(lines.first { $0.contains(#""type":"CostBooked.v1""#) })
    let last = try #require(lines.last)
    let lastObject = try #require(
      try JSONSerialization.jsonObject(with: Data(last.utf8)) as? [String: Any])
    let seq = try #require(lastObject["seq"] as? Int) + 1
    let recorded = try #require(lastObject["recorded"] as? String)
    var line = source.replacingOccurrences(
      of: #"^\{"seq":[0-9]+,"#, with: "{\"seq\":\(seq),", options: .regularExpression)
    line = line.replacingOccurrences(
      of: #""recorded":"[^"]*""#, with: "\"recorded\":\"\(recorded)\"", options: .regularExpression)
    let prev = SHA256.hash(Array(last.utf8)).hexString
    line = line.replacingOccurrences(
      of: #""prev":"[0-9a-f]{64}"\}$"#, with: "\"prev\":\"\(prev)\"}", options: .regularExpression)
    lines.append(line)
    try (lines.joined(separator: "\n") + "\n").write(
      toFile: path, atomically: false, encoding: .utf8)
  }

  @Test(
    "a log with a duplicate id and a recomputed chain: every read exits 65 like verify, cache or not",
    arguments: [false, true])
  func duplicateID(cachedBefore: Bool) throws {
    let work = WorkDirectory()
    let path = try Self.demo(work)
    if cachedBefore {
      // A cache of the valid log: the duplicate arrives as an extension of it.
      #expect(try TransitionBinary.run(["state", path, "--view", "costs"]).status == 0)
    }
    try Self.appendDuplicate(path)
    let verify = try TransitionBinary.run(["verify", path])
    #expect(verify.status == 65, "\(verify.output)")
    for words in [
      ["audit", path], ["state", path, "--view", "costs"], ["state", path, "--view", "costs"],
      ["export", path, "--format", "csv"], ["export", path, "--format", "jsonl"],
      ["export", path, "--format", "csv", "--view", "costs"], ["log", path], ["show", path, "1"],
      ["history", path, "E017"],
      ["diff", path, "--view", "costs", "--from-known-at-seq", "10", "--to-known-at-seq", "20"],
    ] {
      let run = try TransitionBinary.run(words)
      #expect(run.status == 65, "\(words): \(run.errors)")
      #expect(run.errors.contains("is used already by record"), "\(words): \(run.errors)")
      #expect(run.output.isEmpty, "\(words)")
    }
  }

  /// Recomputes every section's checksum and the header's, as a forger would.
  static func reseal(_ bytes: inout [UInt8]) {
    func int(_ offset: Int) -> Int {
      bytes[offset..<offset + 8].reversed().reduce(0) { $0 << 8 | Int($1) }
    }
    func put(_ value: UInt64, at offset: Int) {
      for index in 0..<8 { bytes[offset + index] = UInt8(truncatingIfNeeded: value >> (8 * index)) }
    }
    let sections = int(88)
    for index in 0..<sections {
      let entry = 96 + index * 24
      let range = int(entry)..<int(entry) + int(entry + 8)
      put(Checksum64.of(Array(bytes[range])), at: entry + 16)
    }
    let headerEnd = 96 + sections * 24
    put(Checksum64.of(Array(bytes[0..<headerEnd])), at: headerEnd)
  }

  @Test(
    "a forged cache changes no evidence: audit and export answer from the log; state says it used the cache"
  )
  func forgedCache() throws {
    let work = WorkDirectory()
    let path = try Self.demo(work)
    let csvWords = [
      "export", path, "--format", "csv", "--view", "costs", "--valid-at", "2027-12-31",
    ]
    let honestCSV = try TransitionBinary.run(csvWords)
    let honestAudit = try TransitionBinary.run(["audit", path, "--valid-at", "2027-12-31"])
    let honestState = try TransitionBinary.run([
      "state", path, "--view", "costs", "--valid-at", "2027-12-31",
    ])
    #expect(honestState.status == 0)
    #expect(honestState.output.contains("EUR 142,000.00"))
    // Forge the cache: booking K01's 142,000.00 becomes 942,000.00, checksums recomputed.
    let cache = path + ".projections"
    var bytes = Array(try Data(contentsOf: URL(fileURLWithPath: cache)))
    let needle = Array(#""amount":14200000,"#.utf8)
    let forged = Array(#""amount":94200000,"#.utf8)
    var found = 0
    var index = 0
    while index + needle.count <= bytes.count {
      if Array(bytes[index..<index + needle.count]) == needle {
        bytes.replaceSubrange(index..<index + needle.count, with: forged)
        found += 1
      }
      index += 1
    }
    #expect(found > 0)
    Self.reseal(&bytes)
    try Data(bytes).write(to: URL(fileURLWithPath: cache))
    // The browsing view answers from the cache, and says so.
    let state = try TransitionBinary.run([
      "state", path, "--view", "costs", "--valid-at", "2027-12-31",
    ])
    #expect(state.status == 0)
    #expect(state.errors.contains("answered from: the cache"), "\(state.errors)")
    // The evidence does not move.
    let csv = try TransitionBinary.run(csvWords)
    #expect(csv.status == 0, "\(csv.errors)")
    #expect(csv.output == honestCSV.output)
    #expect(csv.errors.contains("answered from: the log"), "\(csv.errors)")
    #expect(!csv.output.contains("942"))
    let audit = try TransitionBinary.run(["audit", path, "--valid-at", "2027-12-31"])
    #expect(audit.status == honestAudit.status)
    #expect(audit.output == honestAudit.output)
    #expect(audit.errors.contains("answered from: the log"), "\(audit.errors)")
  }

  @Test("every query says on standard error where it answered from; standard output is unchanged")
  func indicator() throws {
    let work = WorkDirectory()
    let path = try Self.demo(work)
    try FileManager.default.removeItem(atPath: path + ".projections")
    let first = try TransitionBinary.run([
      "state", path, "--view", "staffing", "--valid-at", "2026-07-01",
    ])
    #expect(first.errors.contains("answered from: the log"), "\(first.errors)")
    let second = try TransitionBinary.run([
      "state", path, "--view", "staffing", "--valid-at", "2026-07-01",
    ])
    #expect(second.errors.contains("answered from: the cache"), "\(second.errors)")
    #expect(first.output == second.output)
    for words in [
      ["history", path, "E017"],
      ["diff", path, "--view", "costs", "--from-known-at-seq", "10", "--to-known-at-seq", "20"],
      ["show", path, "1"], ["log", path], ["export", path, "--format", "jsonl"], ["audit", path],
    ] {
      let run = try TransitionBinary.run(words)
      #expect(run.errors.contains("answered from: "), "\(words): \(run.errors)")
    }
  }

  /// Runs `transition` with `words`, killing it after `seconds`; nil if it had to be killed.
  static func runWithin(_ seconds: Double, _ words: [String]) throws -> Int32? {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: TransitionBinary.path)
    process.arguments = words
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    let deadline = Date().addingTimeInterval(seconds)
    while process.isRunning && Date() < deadline { usleep(20_000) }
    guard !process.isRunning else {
      process.terminate()
      process.waitUntilExit()
      return nil
    }
    return process.terminationStatus
  }

  @Test(
    "a FIFO as the cache hangs no command: it is not read, and the answer comes from the log",
    arguments: [
      ["state", "--view", "costs"], ["history", "E017"], ["audit"], ["verify"],
      ["export", "--format", "csv", "--view", "costs"], ["show", "1"], ["log"],
    ])
  func fifoCache(words: [String]) throws {
    let work = WorkDirectory()
    let path = try Self.demo(work)
    let cache = path + ".projections"
    try? FileManager.default.removeItem(atPath: cache)
    #expect(mkfifo(cache, 0o644) == 0)
    let status = try Self.runWithin(60, [words[0], path] + words.dropFirst())
    #expect(status != nil, "\(words) hung on a FIFO cache")
    #expect(status == 0 || (words[0] == "audit" && status == 1), "\(words)")
  }
}
