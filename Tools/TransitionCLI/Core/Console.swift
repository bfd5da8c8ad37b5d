import EventLog

#if canImport(Glibc)
  import Glibc
#endif

/// Where a command writes: standard output for results, standard error for everything else.
///
/// Tests give a console that collects the text; the tool uses `.process`.
final class Console: @unchecked Sendable {
  private(set) var output = ""
  private(set) var errors = ""
  private let captures: Bool
  /// Whether standard output is a terminal (colour only then).
  let outputIsTerminal: Bool
  /// Whether standard error is a terminal (progress only then).
  let errorIsTerminal: Bool
  /// The process environment.
  let environment: [String: String]

  init(
    captures: Bool, outputIsTerminal: Bool, errorIsTerminal: Bool = false,
    environment: [String: String]
  ) {
    self.captures = captures
    self.outputIsTerminal = outputIsTerminal
    self.errorIsTerminal = errorIsTerminal
    self.environment = environment
  }

  /// The real standard output and error.
  static var process: Console {
    var environment: [String: String] = [:]
    var pointer = environ
    while let entry = pointer.pointee {
      let text = String(cString: entry)
      if let equals = text.firstIndex(of: "=") {
        environment[String(text[..<equals])] = String(text[text.index(after: equals)...])
      }
      pointer += 1
    }
    return Console(
      captures: false, outputIsTerminal: isatty(1) == 1, errorIsTerminal: isatty(2) == 1,
      environment: environment)
  }

  /// A console that keeps what is written, for tests.
  static func capturing(environment: [String: String] = [:]) -> Console {
    Console(captures: true, outputIsTerminal: false, environment: environment)
  }

  /// Writes `text` and a newline to standard output.
  func print(_ text: String = "") { write(text + "\n", to: 1) }

  /// Writes `text` to standard output as it is.
  func writeOutput(_ text: String) { write(text, to: 1) }

  /// Writes `text` and a newline to standard error, with every control, invisible or
  /// direction-changing character (which may have come from the user's input: an id, a
  /// line of a batch file) written `\u{XXXX}` so that none reaches the terminal raw.
  func printError(_ text: String) {
    write(Visible.text(text, keepNewlines: true) + "\n", to: 2)
  }

  /// Whether colour may be used: a terminal, and `NO_COLOR` unset.
  var usesColour: Bool { outputIsTerminal && environment["NO_COLOR"] == nil }

  /// Writes `text` to standard error without a newline (progress lines that `\r` rewrites).
  func writeError(_ text: String) { write(text, to: 2) }

  /// `text` in bold when colour may be used.
  func bold(_ text: String) -> String { usesColour ? "\u{1B}[1m" + text + "\u{1B}[0m" : text }

  /// `text` dimmed when colour may be used.
  func dim(_ text: String) -> String { usesColour ? "\u{1B}[2m" + text + "\u{1B}[0m" : text }

  private func write(_ text: String, to descriptor: Int32) {
    if captures {
      if descriptor == 1 { output += text } else { errors += text }
      return
    }
    var bytes = Array(text.utf8)
    var written = 0
    while written < bytes.count {
      let count = bytes.withUnsafeMutableBytes { buffer in
        Glibc.write(descriptor, buffer.baseAddress.map { $0 + written }, buffer.count - written)
      }
      if count <= 0 { return }
      written += count
    }
  }
}
