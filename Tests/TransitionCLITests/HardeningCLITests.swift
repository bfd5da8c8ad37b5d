import Foundation
import Testing

/// Issue 15, items 7 and 9: writers that do not give up, `init` that names the log, and
/// `record --json` that stays JSON.
@Suite("hardening: concurrent writers, init failures, record --json retries")
struct HardeningCLITests {
  @Test("32 concurrent `record` processes on the demo log all succeed; seq stays contiguous")
  func concurrentWriters() throws {
    let work = WorkDirectory()
    let path = work.file("demo.log")
    #expect(try TransitionBinary.run(["demo", "--output", path]).status == 0)
    let before = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n").count
    let writers = 32
    let processes = (0..<writers).map { number in
      let process = Process()
      process.executableURL = URL(fileURLWithPath: TransitionBinary.path)
      process.arguments = [
        "record", path, "RegisterBody", "--effective", "2020-01-01", "--body",
        "RAAD-\(number)", "--name", "Raad \(number)", "--kind", "raad", "--organisations", "BEV",
      ]
      var environment = ProcessInfo.processInfo.environment
      environment["TRANSITION_BY"] = "projectbureau"
      process.environment = environment
      process.standardOutput = FileHandle.nullDevice
      process.standardError = FileHandle.nullDevice
      return process
    }
    for process in processes { try process.run() }
    for process in processes { process.waitUntilExit() }
    let statuses = processes.map(\.terminationStatus)
    #expect(statuses.allSatisfy { $0 == 0 }, "\(statuses)")
    let verified = try TransitionBinary.run(["verify", path])
    #expect(verified.status == 0, "\(verified.errors)")
    // The header line and the records: verify checks that seq runs 1, 2, 3 … without gaps.
    #expect(verified.output.contains("records   \(before - 1 + writers)"), "\(verified.output)")
    let lines = try String(contentsOfFile: path, encoding: .utf8).split(separator: "\n")
    for number in 0..<writers {
      #expect(lines.filter { $0.contains("\"body\":\"RAAD-\(number)\"") }.count == 1)
    }
  }

  @Test("init in a missing folder exits 73 and names the log, not a temporary file")
  func initMissingFolder() throws {
    let work = WorkDirectory()
    let path = work.file("missing/t.log")
    let run = try TransitionBinary.run(["init", path, "--name", "t"])
    #expect(run.status == 73, "\(run.errors)")
    #expect(run.errors.contains("Cannot create \(path)"), "\(run.errors)")
    #expect(run.errors.contains("does not exist"))
    #expect(!run.errors.contains(".creating"), "\(run.errors)")
  }

  @Test("init under a file (not a folder) exits 73 and names the log")
  func initUnderFile() throws {
    let work = WorkDirectory()
    try Data("x".utf8).write(to: URL(fileURLWithPath: work.file("plain")))
    let path = work.file("plain/t.log")
    let run = try TransitionBinary.run(["init", path, "--name", "t"])
    #expect(run.status == 73, "\(run.errors)")
    #expect(run.errors.contains("Cannot create \(path)"), "\(run.errors)")
    #expect(!run.errors.contains(".creating"), "\(run.errors)")
  }

  @Test("record --json answers an idempotent retry in JSON, with the record's seq and status")
  func jsonRetry() throws {
    let log = try SmallLog()
    let words = [
      "RegisterBody", "--effective", "2020-01-01", "--body", "RAAD-BEV", "--name", "Raad",
      "--kind", "raad", "--organisations", "BEV", "--id", "RAAD-BEV-1", "--json",
    ]
    let first = try log.record(words)
    #expect(first.status == 0, "\(first.errors)")
    let appended =
      try JSONSerialization.jsonObject(with: Data(first.output.utf8)) as? [[String: String]]
    #expect(appended?.first?["status"] == "appended")
    let again = try log.record(words)
    #expect(again.status == 0, "\(again.errors)")
    let retried =
      try JSONSerialization.jsonObject(with: Data(again.output.utf8)) as? [[String: String]]
    #expect(retried?.count == 1)
    #expect(retried?.first?["seq"] == "5")
    #expect(retried?.first?["id"] == "RAAD-BEV-1")
    #expect(retried?.first?["status"] == "already recorded")
    #expect(retried?.first?["effective"] == appended?.first?["effective"])
  }
}
