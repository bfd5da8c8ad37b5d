import Foundation
import Testing

/// Issue 15, items 1, 2, 5 and 8, as a user (or an attacker) meets them through `transition`.
@Suite("transition against a hostile test: acknowledged records, batches, FIFOs, identifiers")
struct HardeningVerbTests {
  /// Runs `transition` under `timeout`, so a verb that hangs fails the test instead.
  static func runBounded(_ arguments: [String]) throws -> TransitionBinary.Run {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/timeout")
    process.arguments = ["-k", "5", "20", TransitionBinary.path] + arguments
    let errors = Pipe()
    process.standardOutput = FileHandle.nullDevice
    process.standardError = errors
    process.standardInput = FileHandle.nullDevice
    try process.run()
    let errorData = errors.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return TransitionBinary.Run(
      status: process.terminationStatus, output: "",
      errors: String(decoding: errorData, as: UTF8.self))
  }

  @Test(
    "{\"seq\" changed to {\"seX\" in each of the last 5 records, then record once more: exit 65, the log byte-identical, no quarantine file, and verify exits 65 too"
  )
  func theExactAttack() throws {
    let work = WorkDirectory()
    let path = work.file("t.log")
    #expect(try TransitionBinary.run(["init", path, "--name", "attack"]).status == 0)
    for number in 1...6 {
      let run = try TransitionBinary.run(
        [
          "record", path, "RegisterOrganisation", "--effective", "2013", "--organisation",
          "ORG\(number)", "--name", "Organisatie \(number)", "--kind", "gemeente",
        ], environment: SmallLog.by)
      #expect(run.status == 0, "\(run.errors)")
    }
    var bytes = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
    var starts = [0]
    for (index, byte) in bytes.enumerated() where byte == 0x0A { starts.append(index + 1) }
    // Lines 3 to 7 hold records 2 to 6; each was appended, synced and acknowledged alone.
    for line in 3...7 { bytes[starts[line - 1] + 4] = UInt8(ascii: "X") }
    try Data(bytes).write(to: URL(fileURLWithPath: path))
    let verify = try TransitionBinary.run(["verify", path])
    #expect(verify.status == 65, "\(verify.output)\(verify.errors)")
    let run = try TransitionBinary.run(
      [
        "record", path, "RegisterOrganisation", "--effective", "2013", "--organisation", "ORG7",
        "--name", "Organisatie 7", "--kind", "gemeente",
      ], environment: SmallLog.by)
    #expect(run.status == 65, "\(run.output)\(run.errors)")
    #expect(run.errors.contains("line 3"), "\(run.errors)")
    #expect(run.errors.contains("Restore the file from a backup"), "\(run.errors)")
    #expect(run.errors.contains("transition verify"), "\(run.errors)")
    #expect(Array(try Data(contentsOf: URL(fileURLWithPath: path))) == bytes)
    let files = try FileManager.default.contentsOfDirectory(atPath: work.path)
    #expect(!files.contains { $0.contains(".torn-") }, "\(files)")
  }

  @Test(
    "record --input with the same batch file again answers \"already recorded\", exits 0 and appends nothing"
  )
  func retriedBatchFile() throws {
    let log = try SmallLog()
    let before = try log.bytes()
    let again = try log.record(["--input", log.work.file("setup.jsonl")])
    #expect(again.status == 0, "\(again.errors)")
    #expect(again.output.contains("Already recorded"), "\(again.output)")
    #expect(again.output.contains("records 1 to 4"), "\(again.output)")
    #expect(try log.bytes() == before)
    let text = String(decoding: before, as: UTF8.self)
    #expect(text.contains(#""part":4,"parts":4,"batch":""#))
  }

  @Test(
    "a FIFO given as the log is refused at once with exit 66 and a message by every verb that opens a log, never waited on"
  )
  func fifoIsRefused() throws {
    let work = WorkDirectory()
    let fifo = work.file("fifo.log")
    #expect(mkfifo(fifo, 0o600) == 0)
    let calls: [[String]] = [
      ["verify", fifo], ["state", fifo], ["state", fifo, "--view", "costs"], ["audit", fifo],
      ["log", fifo], ["show", fifo, "1"], ["export", fifo, "--format", "jsonl"],
      ["checkpoint", fifo],
      ["diff", fifo, "--view", "staffing", "--from-known-at", "2026-01-01"],
      [
        "record", fifo, "RegisterOrganisation", "--effective", "2013", "--organisation", "X",
        "--name", "X", "--kind", "gemeente", "--by", "tester",
      ],
    ]
    for call in calls {
      let run = try Self.runBounded(call)
      #expect(run.status == 66, "\(call): exit \(run.status) \(run.errors)")
      #expect(run.errors.contains("not a regular file"), "\(call): \(run.errors)")
      #expect(run.errors.contains("FIFO"), "\(call): \(run.errors)")
    }
  }

  @Test(
    "an id with an escape sequence or a right-to-left override is refused (65) and shown escaped, never raw"
  )
  func hostileIDsAreEscaped() throws {
    let log = try SmallLog()
    let before = try log.bytes()
    for id in ["E\u{1B}[2J017", "E\u{202E}710", "E\u{200B}017"] {
      let run = try log.record([
        "RegisterBody", "--effective", "2020-01-01", "--body", "RAAD-X", "--name", "Raad",
        "--kind", "raad", "--organisations", "BEV", "--id", id,
      ])
      #expect(run.status == 65, "\(run.errors)")
      #expect(!run.errors.contains("\u{1B}") && !run.errors.contains("\u{202E}"))
      #expect(!run.errors.contains("\u{200B}"))
      #expect(run.errors.contains("\\u{"), "\(run.errors)")
    }
    #expect(try log.bytes() == before)
  }
}
