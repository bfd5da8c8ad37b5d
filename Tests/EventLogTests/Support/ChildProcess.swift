import Foundation

/// Runs a tool built by this package as a child process.
enum ChildProcess {
  /// The path of an executable built beside the test bundle.
  static func toolPath(_ name: String) -> String {
    let executable = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
    var directory = executable.deletingLastPathComponent()
    while directory.path != "/" {
      let candidate = directory.appendingPathComponent(name).path
      if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
      directory = directory.deletingLastPathComponent()
    }
    return name
  }

  /// Starts `TransitionTorture` with `arguments`, standard output to a pipe.
  static func startTorture(_ arguments: [String], environment: [String: String] = [:]) throws
    -> (process: Process, output: Pipe)
  {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: toolPath("TransitionTorture"))
    process.arguments = arguments
    var merged = ProcessInfo.processInfo.environment
    merged.merge(environment) { $1 }
    process.environment = merged
    let output = Pipe()
    process.standardOutput = output
    try process.run()
    return (process, output)
  }

  /// Runs `TransitionTorture` to the end; returns its exit status and output lines.
  static func runTorture(_ arguments: [String], environment: [String: String] = [:]) throws
    -> (status: Int32, lines: [String])
  {
    let (process, output) = try startTorture(arguments, environment: environment)
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    let text = String(decoding: data, as: UTF8.self)
    return (process.terminationStatus, text.split(separator: "\n").map(String.init))
  }
}
