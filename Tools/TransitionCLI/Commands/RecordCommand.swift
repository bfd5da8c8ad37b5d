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
      and every bad line is named. Each line has the fields of its kind plus "effective" (any
      form --effective takes, such as "voorjaar 2024") and optionally "corrects",
      "correctionReason", "id" and "source". What KIND --help calls optional may be left out
      of a line too: a list is then empty and true/false is false, also inside nested objects.
      A value outside a fixed list is refused with the values allowed.

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
    var batchKey: SHA256Digest?
    if let input = pairs.first(where: { $0.flag == "input" })?.value {
      guard positionals.count == 1, pairs.count == 1 else {
        throw CommandFailure.usage(
          "--input reads every command from the file; give no KIND or field flags with it.",
          help: usage)
      }
      let read = try batch(input, console: console)
      commands = read.commands
      batchKey = Self.batchKey(read.canonicalLines, by: by)
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
    var opened: TransitionLog?
    if let batchKey {
      // The same batch again (a retry after a crash or a timeout) is answered, not appended.
      let log = try LogAccess.openForRecording(path, console: console)
      if let seqs = log.recordedBatch(key: batchKey) {
        reportRecordedBatch(seqs, key: batchKey, path: path, json: json, console: console)
        return .ok
      }
      opened = log
    }
    warnOfPersonalData(commands, path: path, console: console)
    let (pending, retries) = try skippingRetries(commands, path: path, console: console)
    if !json {
      for record in retries {
        console.print(
          "Already recorded: \(Visible.text(record.id)) is seq \(record.seq) (\(record.eventType));"
            + " not appended again.")
      }
    }
    guard !pending.isEmpty else {
      if json { report([], retries: retries, path: path, json: true, console: console) }
      return .ok
    }
    let log = try opened ?? LogAccess.openForRecording(path, console: console)
    do {
      let appended = try log.record(pending.map { $0.command }, by: by, batchKey: batchKey)
      if appended.isEmpty, let batchKey, let seqs = log.recordedBatch(key: batchKey) {
        reportRecordedBatch(seqs, key: batchKey, path: path, json: json, console: console)
        return .ok
      }
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

  /// Warns on standard error about text fields that look like personal data.
  ///
  /// The check is the audit's `personal-data` rule; the command is still recorded. The log
  /// cannot be rewritten, so this is the moment to notice.
  static func warnOfPersonalData(
    _ commands: [(line: Int?, command: TransitionCommand)], path: String, console: Console
  ) {
    let names = ((try? PeopleBook(logPath: path).entries()) ?? []).compactMap { $0.name?.value }
    for (line, command) in commands {
      for match in PersonalDataRule.matches(in: command.event.encodeData(), names: names) {
        console.printError(
          "transition record: warning: " + (line.map { "line \($0): " } ?? "")
            + "field '\(match.field)' of \(command.name) looks like it holds"
            + " \(match.kind.description). The log is append-only and cannot be rewritten:"
            + " keep personal data in the people register (`transition people`), and if this is"
            + " personal data, retract the record (RetractRecord) and record it again without it.")
      }
    }
  }

  /// The message for a command the domain refused before deciding (bad input).
  private static func refusal(_ refusal: Refusal, path: String) -> CommandFailure {
    if case .unknownCommand(let name) = refusal { return CommandBuilder.unknownCommand(name) }
    return CommandFailure(
      status: .dataError, message: refusal.description + " Nothing was appended to \(path).")
  }

  /// The key a batch read from a file is stored under.
  ///
  /// The SHA-256 of who records it and of each command in its canonical JSON, one per line:
  /// the same file recorded again by the same recorder has the same key, whatever its blank
  /// lines or spacing.
  static func batchKey(_ canonicalLines: [[UInt8]], by: String) -> SHA256Digest {
    var content = Array("transition record --input\nby:\(by)\n".utf8)
    for line in canonicalLines {
      content.append(contentsOf: line)
      content.append(0x0A)
    }
    return BatchKey.of(content: content)
  }

  private static func reportRecordedBatch(
    _ seqs: ClosedRange<Int64>, key: SHA256Digest, path: String, json: Bool, console: Console
  ) {
    if json {
      // As `report` prints a retry: one object a record, with its status.
      let objects = seqs.map {
        "{\"seq\": \($0), \"status\": \"already recorded\", \"batchKey\": \"\(key.hexString)\"}"
      }
      console.print("[" + objects.joined(separator: ", ") + "]")
      return
    }
    console.print(
      "Already recorded: this batch is records \(seqs.lowerBound) to \(seqs.upperBound) of"
        + " \(path) (batch key \(key.hexString.prefix(12))…); nothing was appended again.")
  }

  /// Reads a batch of JSON lines; names every bad line; nothing is returned unless all are good.
  ///
  /// Returns the commands with their line numbers, and each command's object in canonical
  /// JSON (for the batch key).
  static func batch(_ input: String, console: Console) throws(CommandFailure)
    -> (commands: [(line: Int?, command: TransitionCommand)], canonicalLines: [[UInt8]])
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
    var canonicalLines: [[UInt8]] = []
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
          commands.append((number, try TransitionCommand(json: withDefaults(object))))
          canonicalLines.append(CanonicalJSON.encode(.object(object)))
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
    return (commands, canonicalLines)
  }

  /// A batch line with what `--help` calls optional filled in where left out (see
  /// `CommandBuilder.withDefaults`); the envelope members stay as given.
  static func withDefaults(_ line: JSONObject) -> JSONObject {
    guard let name = line["command"]?.stringValue,
      let structure = FieldCatalogue.event(forCommand: name)
    else { return line }
    let envelope: Set<String> = [
      "command", "effective", "corrects", "correctionReason", "id", "source",
      DomainEvent.precisionKey, DomainEvent.untilKey,
    ]
    var fields = JSONObject()
    var result = JSONObject()
    for member in line.members {
      if envelope.contains(member.key) {
        result.insert(member.key, member.value)
      } else {
        fields.insert(member.key, member.value)
      }
    }
    for member in CommandBuilder.withDefaults(fields, structure: structure).members {
      result.insert(member.key, member.value)
    }
    return result
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
    // Ids compare byte for byte (FORMAT.md section 3), so they are keyed by their bytes.
    var existing: [[UInt8]: LogRecord] = [:]
    for record in try LogAccess.records(path, console: console, matching: { ids.contains($0.id) })
      .records
    {
      existing[Array(record.id.utf8)] = record
    }
    var pending: [(line: Int?, command: TransitionCommand)] = []
    var retries: [DomainRecord] = []
    for entry in commands {
      guard let id = entry.command.id, let record = existing[Array(id.utf8)] else {
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
          message:
            "A record with id \(Visible.text(id)) is already in the log (seq \(record.seq)) with other"
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
