import Foundation
import Testing

/// The README's newcomer path, run as written: every fenced `sh` block, in order, in one shell
/// in an empty folder, with `swift run transition` replaced by the built binary.
///
/// A line ending in `# exit N` must exit with status N; every other line must exit 0.
@Suite("README: the newcomer path works as written")
struct ReadmeTests {
  static let readme = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("README.md")

  /// The command lines of the README's `sh` blocks, in order.
  static func commands() throws -> [String] {
    let text = try String(contentsOf: readme, encoding: .utf8)
    var lines: [String] = []
    var inBlock = false
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
      if line.hasPrefix("```") {
        inBlock = !inBlock && line == "```sh"
        continue
      }
      if inBlock && !line.trimmingCharacters(in: .whitespaces).isEmpty {
        lines.append(String(line))
      }
    }
    return lines
  }

  /// The shell script that runs `commands` and stops at the first unexpected status.
  static func script(_ commands: [String], binary: String) -> String {
    var script = ""
    for (index, command) in commands.enumerated() {
      var line = command
      var expected = 0
      if let range = line.range(of: #"\s+# exit (\d+)$"#, options: .regularExpression) {
        expected = Int(line[range].split(separator: " ").last ?? "0") ?? 0
        line.removeSubrange(range)
      }
      line = line.replacingOccurrences(of: "swift run transition ", with: binary + " ")
      script += line + "\n"
      script +=
        "status=$?; if [ $status -ne \(expected) ]; then echo \"README command"
        + " \(index + 1) exited $status, not \(expected)\" >&2; exit 99; fi\n"
    }
    return script
  }

  @Test("every command of the README's sh blocks exits as marked")
  func newcomerPath() throws {
    let commands = try Self.commands()
    #expect(commands.first == "swift run transition demo")
    #expect(commands.contains { $0.contains("TakeDecision") })
    #expect(commands.contains { $0.contains("TransferStaff") })
    let work = WorkDirectory()
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/sh")
    process.arguments = ["-c", Self.script(commands, binary: TransitionBinary.path)]
    process.currentDirectoryURL = URL(fileURLWithPath: work.path)
    var environment = ProcessInfo.processInfo.environment
    environment["TRANSITION_BY"] = nil
    process.environment = environment
    let errors = Pipe()
    process.standardError = errors
    process.standardOutput = FileHandle.nullDevice
    try process.run()
    let errorText = String(
      decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
    process.waitUntilExit()
    #expect(process.terminationStatus == 0, "\(errorText)")
    let log = try String(contentsOfFile: work.file("transitie.log"), encoding: .utf8)
    // The header, seven recorded facts and the erasure `people forget` appends.
    #expect(log.split(separator: "\n").count == 1 + 8)
    #expect(!log.contains("Jan de Vries"))
  }
}
