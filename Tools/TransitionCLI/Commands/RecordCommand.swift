import CanonicalJSON
import EventLog
import Foundation
import Projections
import TransitionApp
import TransitionDomain

/// `transition record`: one domain command from flags, or a batch of JSON lines; all or nothing.
enum RecordCommand: Command {
  static let name = "record"
  static let summary = "record a decision, a transfer or any other fact, checked by the rules"
  static var help: String {
    let width = (TransitionCommand.catalogue.map { $0.name.count }.max() ?? 0) + 2
    let kinds = TransitionCommand.catalogue.map {
      "  " + $0.name + String(repeating: " ", count: width - $0.name.count) + $0.summary
    }
    return """
      transition record LOG KIND --effective DAY [--FIELD VALUE …] [--by WHO] [--id ID] [--json]
      transition record LOG --input FILE|- [--by WHO] [--json]

      Records one fact in LOG, after the domain's rules have checked it against everything the
      log knows for that day. A refused command prints the rule's message, exits 65 and
      appends nothing. Who records is stored in every record: give --by, or set TRANSITION_BY.
      Another writer may hold the log's lock for a moment; record waits up to 10 seconds (or
      TRANSITION_LOCK_TIMEOUT_MS milliseconds), then exits 75 without appending.

      With --input, reads a batch of commands as JSON lines from FILE (or standard input for -),
      one object per line such as
        {"command":"RegisterBody","effective":"2026-01-01","body":"RAAD-X", …}
      and appends them all or nothing: if any line is malformed or refused, nothing is appended
      and every bad line is named. Each line has the fields of its kind plus "effective" and
      optionally "corrects", "correctionReason", "id" and "source".

      Every KIND with its fields: `transition record LOG KIND --help`.

      Kinds:
      \(kinds.joined(separator: "\n"))

      Examples:
        export TRANSITION_BY=projectbureau
        transition record t.log RegisterOrganisation --effective 2013 --organisation BEV \\
          --name 'Gemeente Beverwijk' --kind gemeente
        transition record t.log TakeDecision --help
        transition record t.log --input besluiten.jsonl --by griffie-bev
        transition record t.log --input - < batch.jsonl
      """
  }

  static func help(for words: [String]) -> String {
    let positionals = words.filter { !$0.hasPrefix("-") }
    if positionals.count >= 2, let commandHelp = CommandBuilder.help(command: positionals[1]) {
      return commandHelp
    }
    if let kind = positionals.first, let commandHelp = CommandBuilder.help(command: kind) {
      return commandHelp
    }
    return help
  }

  static func run(_ words: [String], console: Console) throws -> ExitStatus {
    var positionals: [String] = []
    var pairs: [(flag: String, value: String)] = []
    var json = false
    var index = 0
    while index < words.count {
      let word = words[index]
      index += 1
      guard word.hasPrefix("--"), word.count > 2 else {
        positionals.append(word)
        continue
      }
      var flag = String(word.dropFirst(2))
      if flag == "json" {
        json = true
        continue
      }
      if let equals = flag.firstIndex(of: "=") {
        pairs.append((String(flag[..<equals]), String(flag[flag.index(after: equals)...])))
        continue
      }
      guard index < words.count else {
        throw CommandFailure.usage("The flag --\(flag) needs a value.", help: usage)
      }
      if flag == "correctionReason" { flag = "correction-reason" }
      pairs.append((flag, words[index]))
      index += 1
    }
    guard let path = positionals.first else {
      throw CommandFailure.usage("Missing the log file to record in.", help: usage)
    }
    let by = try LogAccess.recorder(
      pairs.last { $0.flag == "by" }?.value, console: console, usage: usage)
    pairs.removeAll { $0.flag == "by" }
    let commands: [(line: Int?, command: TransitionCommand)]
    if let input = pairs.first(where: { $0.flag == "input" })?.value {
      guard positionals.count == 1, pairs.count == 1 else {
        throw CommandFailure.usage(
          "--input reads every command from the file; give no KIND or field flags with it.",
          help: usage)
      }
      commands = try batch(input, console: console)
    } else {
      guard positionals.count >= 2 else {
        throw CommandFailure.usage(
          "Missing the KIND of record, such as TakeDecision or TransferStaff (or --input FILE)."
            + " `transition record --help` lists every kind.", help: usage)
      }
      guard positionals.count == 2 else {
        throw CommandFailure.usage(
          "Unexpected argument \"\(positionals[2])\": field values follow a --FIELD flag.",
          help: usage)
      }
      let object = try CommandBuilder.object(command: positionals[1], pairs: pairs, usage: usage)
      do {
        commands = [(nil, try TransitionCommand(json: object))]
      } catch {
        throw refusal(error, path: path)
      }
    }
    try LogAccess.requireFile(path)
    let (pending, retries) = try skippingRetries(commands, path: path, console: console)
    if !json {
      for record in retries {
        console.print(
          "Already recorded: \(record.id) is seq \(record.seq) (\(record.eventType)); not appended"
            + " again.")
      }
    }
    guard !pending.isEmpty else {
      if json { report([], retries: retries, path: path, json: true, console: console) }
      return .ok
    }
    let log = try LogAccess.openForRecording(path, console: console)
    do {
      let appended = try log.record(pending.map { $0.command }, by: by)
      report(appended, retries: retries, path: path, json: json, console: console)
      return .ok
    } catch let TransitionLog.Failure.refused(index, refusal) {
      let line = pending[index].line.map { "line \($0): " } ?? ""
      throw CommandFailure(
        status: .dataError,
        message: "\(line)\(refusal.description) Nothing was appended to \(path).")
    } catch {
      throw LogAccess.failure(error, path: path)
    }
  }

  /// The message for a command the domain refused before deciding (bad input).
  private static func refusal(_ refusal: Refusal, path: String) -> CommandFailure {
    if case .unknownCommand(let name) = refusal { return CommandBuilder.unknownCommand(name) }
    return CommandFailure(
      status: .dataError, message: refusal.description + " Nothing was appended to \(path).")
  }

  /// Reads a batch of JSON lines; names every bad line; nothing is returned unless all are good.
  static func batch(_ input: String, console: Console) throws(CommandFailure)
    -> [(line: Int?, command: TransitionCommand)]
  {
    let data: Data
    if input == "-" {
      data = FileHandle.standardInput.readDataToEndOfFile()
    } else {
      guard let contents = FileManager.default.contents(atPath: input) else {
        throw CommandFailure(
          status: .noInput, message: "The batch file \(input) does not exist or cannot be read.")
      }
      data = contents
    }
    var commands: [(line: Int?, command: TransitionCommand)] = []
    var problems: [String] = []
    for (offset, line) in Array(data).split(separator: 0x0A, omittingEmptySubsequences: false)
      .enumerated()
    {
      var bytes = Array(line)
      if bytes.last == 0x0D { bytes.removeLast() }
      if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { continue }
      let number = offset + 1
      do {
        let value = try JSONParser.parse(bytes, profile: .standard)
        guard let object = value.objectValue else {
          problems.append("line \(number): expected a JSON object {\"command\": …}")
          continue
        }
        do {
          commands.append((number, try TransitionCommand(json: object)))
        } catch {
          problems.append("line \(number): \(error.description)")
        }
      } catch {
        problems.append("line \(number): not JSON: \(error)")
      }
    }
    guard problems.isEmpty else {
      throw CommandFailure(
        status: .dataError,
        message: "\(input) has \(problems.count) bad line\(problems.count == 1 ? "" : "s");"
          + " nothing was appended. Fix them and run the whole batch again.\n"
          + problems.map { "  " + $0 }.joined(separator: "\n"))
    }
    guard !commands.isEmpty else {
      throw CommandFailure(status: .dataError, message: "\(input) holds no commands.")
    }
    return commands
  }

  /// Drops commands whose `id` is in the log already with the same content (a retry), and
  /// refuses those whose id is taken by other content; returns the commands to append and
  /// the records of the retries.
  private static func skippingRetries(
    _ commands: [(line: Int?, command: TransitionCommand)], path: String, console: Console
  ) throws(CommandFailure) -> (
    pending: [(line: Int?, command: TransitionCommand)], retries: [DomainRecord]
  ) {
    let ids = Set(commands.compactMap { $0.command.id })
    guard !ids.isEmpty else { return (commands, []) }
    var existing: [String: LogRecord] = [:]
    for record in try LogAccess.records(path, console: console, matching: { ids.contains($0.id) })
      .records
    {
      existing[record.id] = record
    }
    var pending: [(line: Int?, command: TransitionCommand)] = []
    var retries: [DomainRecord] = []
    for entry in commands {
      guard let id = entry.command.id, let record = existing[id] else {
        pending.append(entry)
        continue
      }
      let stored = try? RecordCodec.domainRecord(record)
      guard let stored, stored.event == entry.command.event,
        stored.effective == entry.command.effective.firstDay,
        stored.corrects == entry.command.corrects
      else {
        throw CommandFailure(
          status: .dataError,
          message: "A record with id \(id) is already in the log (seq \(record.seq)) with other"
            + " content. Nothing was appended. Use a new id, or check that this is the same"
            + " record (`transition show \(path) \(record.seq)`).")
      }
      retries.append(stored)
    }
    return (pending, retries)
  }

  /// Prints what was appended: a table for people; for `--json` one array of objects, the
  /// retries first, each with a `status` of `appended` or `already recorded`.
  private static func report(
    _ appended: [DomainRecord], retries: [DomainRecord], path: String, json: Bool,
    console: Console
  ) {
    if json {
      let table = ViewTable(
        name: "appended", title: "",
        columns: [
          .init("seq"), .init("id"), .init("type"), .init("stream"), .init("effective"),
          .init("status"),
        ],
        rows: retries.map {
          [
            String($0.seq), $0.id, $0.eventType, $0.stream, $0.effectiveDate.description,
            "already recorded",
          ]
        }
          + appended.map {
            [
              String($0.seq), $0.id, $0.eventType, $0.stream, $0.effectiveDate.description,
              "appended",
            ]
          })
      console.writeOutput(TableRenderer.render(table, as: .json, console: console))
      return
    }
    let table = ViewTable(
      name: "appended",
      title: "Appended \(appended.count) record\(appended.count == 1 ? "" : "s") to \(path)",
      columns: [
        .init("seq", alignment: .right), .init("id"), .init("type"), .init("stream"),
        .init("effective"),
      ],
      rows: appended.map {
        [String($0.seq), $0.id, $0.eventType, $0.stream, $0.effectiveDate.description]
      })
    console.writeOutput(TableRenderer.render(table, as: json ? .json : .text, console: console))
  }
}
