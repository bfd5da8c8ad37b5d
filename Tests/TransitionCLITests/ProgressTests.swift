import Foundation
import Testing

@Suite("Progress shows on a terminal and never in a pipe")
struct ProgressTests {
  /// `script` (util-linux) runs a command on a pseudo-terminal and keeps what it printed.
  static let script = ["/usr/bin/script", "/bin/script"].first {
    FileManager.default.isExecutableFile(atPath: $0)
  }

  @Test("verify on a terminal prints a progress line on standard error, then clears it")
  func terminal() throws {
    let scriptPath = try #require(
      Self.script, "util-linux `script` is needed to give the tool a terminal")
    let work = WorkDirectory()
    let log = work.file("demo.log")
    #expect(try TransitionBinary.run(["demo", "--output", log]).status == 0)
    let transcript = work.file("transcript")
    let process = Process()
    process.executableURL = URL(fileURLWithPath: scriptPath)
    process.arguments = ["-qec", "'\(TransitionBinary.path)' verify '\(log)'", transcript]
    var environment = ProcessInfo.processInfo.environment
    environment["TRANSITION_PROGRESS_AFTER_MS"] = "0"
    process.environment = environment
    process.standardOutput = FileHandle.nullDevice
    try process.run()
    process.waitUntilExit()
    #expect(process.terminationStatus == 0)
    let text = try String(contentsOfFile: transcript, encoding: .utf8)
    #expect(text.contains("verifying \(log):"))
    #expect(text.contains("\r\u{1B}[K"))
    #expect(text.contains("records   172"))
  }

  @Test("verify in a pipe prints no progress, even when asked to show it at once")
  func pipe() throws {
    let work = WorkDirectory()
    let log = work.file("demo.log")
    #expect(try TransitionBinary.run(["demo", "--output", log]).status == 0)
    let run = try TransitionBinary.run(
      ["verify", log], environment: ["TRANSITION_PROGRESS_AFTER_MS": "0"])
    #expect(run.status == 0)
    #expect(run.errors.isEmpty)
  }
}
