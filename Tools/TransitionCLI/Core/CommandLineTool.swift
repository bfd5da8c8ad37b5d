/// One verb of `transition`: its name, its help, and what it does.
protocol Command: Sendable {
  /// The verb, such as `verify`.
  static var name: String { get }
  /// One line for the command list.
  static var summary: String { get }
  /// The full help: usage line, what it does, flags, and real examples.
  static var help: String { get }
  /// Runs the verb with the words after it.
  static func run(_ words: [String], console: Console) throws -> ExitStatus
  /// The help for `words` (the words after the verb, `--help` among them): `help` unless the
  /// verb has more to say, such as `record LOG TransferStaff --help` listing the fields.
  static func help(for words: [String]) -> String
}

extension Command {
  static func help(for words: [String]) -> String { help }

  /// The first line of the help: the usage.
  static var usage: String {
    String(help.split(separator: "\n", omittingEmptySubsequences: false).first ?? "")
  }
}

/// Finds the verb and runs it; turns every failure into a message and an exit status.
enum CommandLineTool {
  /// Every verb, in the order `transition help` lists them.
  static let commands: [any Command.Type] = [
    DemoCommand.self, InitCommand.self, RecordCommand.self, ImportCommand.self, LogCommand.self,
    ShowCommand.self,
    StateCommand.self, HistoryCommand.self, DiffCommand.self, AuditCommand.self, ReportCommand.self,
    ExportCommand.self, VerifyCommand.self, CheckpointCommand.self, PeopleCommand.self,
  ]

  /// Runs `transition` with `words` (the arguments after the program name).
  static func run(_ words: [String], console: Console) -> ExitStatus {
    guard let verb = words.first else {
      console.printError(overview)
      return .usage
    }
    if ["help", "--help", "-h"].contains(verb) {
      if words.count > 1, let command = commands.first(where: { $0.name == words[1] }) {
        console.print(command.help)
      } else {
        console.print(overview)
      }
      return .ok
    }
    guard let command = commands.first(where: { $0.name == verb }) else {
      console.printError(
        "transition: unknown command \"\(verb)\". Run `transition help` for the list of commands.")
      return .usage
    }
    let rest = Array(words.dropFirst())
    if rest.contains("--help") || rest.contains("-h") {
      console.print(command.help(for: rest))
      return .ok
    }
    do {
      return try command.run(rest, console: console)
    } catch let failure as CommandFailure {
      console.printError("transition \(verb): " + failure.message)
      return failure.status
    } catch {
      console.printError("transition \(verb): \(error)")
      return .ioError
    }
  }

  /// The command list.
  static var overview: String {
    let width = (commands.map { $0.name.count }.max() ?? 0) + 2
    let lines = commands.map { command in
      "  " + command.name + String(repeating: " ", count: width - command.name.count)
        + command.summary
    }
    return """
      transition: the event log of a public-sector transition, kept as an append-only,
      hash-chained file.

      Usage: transition <command> [arguments] [flags]

      Commands:
      \(lines.joined(separator: "\n"))

      Run `transition help <command>` or `transition <command> --help` for examples.
      """
  }
}
