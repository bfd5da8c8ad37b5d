import CanonicalJSON
import EventLog
import Foundation
import Projections
import TransitionApp
import TransitionDomain

/// Opening and reading logs for the verbs, with every failure turned into a message.
enum LogAccess {
  /// Fails with "no such file" (66) unless `path` exists.
  static func requireFile(_ path: String) throws(CommandFailure) {
    var info = stat()
    guard stat(path, &info) == 0 else {
      throw CommandFailure(
        status: .noInput,
        message: "\(path) does not exist. Check the path, or create a log with"
          + " `transition init \(path) --name NAME` (or try `transition demo`).")
    }
    // A FIFO or a device would make a read wait forever: refuse it before opening it.
    guard info.st_mode & S_IFMT == S_IFREG else {
      throw CommandFailure(
        status: .noInput,
        message: FileError.notRegularFile(path: path, mode: info.st_mode).description + ".")
    }
  }

  /// Streams the records of the log at `path` in order, with progress on a terminal.
  ///
  /// Memory stays bounded however long the log is. Returns the number of records read.
  ///
  /// The records read pass every check of `transition verify`: the reader checks each line,
  /// `seq`, `prev` and `recorded`, and an id used twice is damage (65), as `verify` says. A
  /// log that ends in an unfinished write is read up to it, with a note on standard error
  /// that the rest was not read.
  @discardableResult
  static func forEachRecord(
    _ path: String, console: Console, upTo lastSeq: Int64? = nil,
    _ body: (LogRecord) throws -> Void
  ) throws(CommandFailure) -> Int64 {
    try requireFile(path)
    let progress = Progress("reading \(path)", console: console)
    defer { progress.finish() }
    var count: Int64 = 0
    var ids = DuplicateIDs()
    do {
      let summary = try LogReader(path: path).forEachRecord(upTo: lastSeq) { raw in
        let record = raw.record()
        let found = try ids.insert(record.id, seq: raw.seq) { id in
          try firstSeq(of: id, before: raw.seq, in: path)
        }
        if let first = found {
          throw DuplicateIDs.damage(
            id: record.id, first: first, path: path, lineNumber: raw.lineNumber,
            byteOffset: raw.byteOffset)
        }
        try body(record)
        count = raw.seq
        progress.update(raw.seq)
      }
      if let tail = summary.tornTail {
        progress.finish()
        console.printError(
          "note: \(path) ends in an unfinished write at line \(tail.lineNumber), which was not"
            + " read (`transition verify \(path)` reports it; the next `transition record`"
            + " moves it aside).")
      }
    } catch let failure as CommandFailure {
      throw failure
    } catch {
      throw LogFailures.failure(error, path: path)
    }
    return count
  }

  /// The `seq` of the first record with `id` before `seq`, or nil.
  private static func firstSeq(of id: String, before seq: Int64, in path: String) throws
    -> Int64?
  {
    var first: Int64?
    try LogReader(path: path).forEachRecord(upTo: seq - 1, checkChain: false) { raw in
      if first == nil, raw.id.utf8.elementsEqual(id.utf8) { first = raw.seq }
    }
    return first
  }

  /// Checks the whole log at `path` as `transition verify` does (every line, the chain, unique
  /// ids, no unfinished write at the end), for the commands whose output is evidence; the
  /// damage found is status 65.
  static func verify(_ path: String, console: Console) throws(CommandFailure) -> VerifyReport {
    try requireFile(path)
    let progress = ReadingProgress("checking \(path)", reading: path, console: console)
    defer { progress.finish(console: console) }
    do {
      return try LogVerifier.verify(path: path)
    } catch {
      throw LogFailures.failure(error, path: path)
    }
  }

  /// The records of the log at `path` that `accepts` keeps, and how many records it has.
  static func records(
    _ path: String, console: Console, matching accepts: (LogRecord) -> Bool = { _ in true }
  ) throws(CommandFailure) -> (records: [LogRecord], total: Int64) {
    var records: [LogRecord] = []
    let total = try forEachRecord(path, console: console) { record in
      if accepts(record) { records.append(record) }
    }
    return (records, total)
  }

  /// The log's header.
  static func header(_ path: String) throws(CommandFailure) -> LogHeader {
    try requireFile(path)
    do {
      return try LogReader(path: path).header()
    } catch {
      throw LogFailures.failure(error, path: path)
    }
  }

  /// The log at `path`, opened for recording (locked while appending) and replayed.
  static func openForRecording(_ path: String, console: Console) throws(CommandFailure)
    -> TransitionLog
  {
    try requireFile(path)
    let progress = ReadingProgress("reading \(path)", reading: path, console: console)
    defer { progress.finish(console: console) }
    do {
      return try TransitionLog(path: path, options: writerOptions(console))
    } catch {
      throw failure(error, path: path)
    }
  }

  /// The writer's options: how long it waits for another writer's lock.
  ///
  /// `TRANSITION_LOCK_TIMEOUT_MS` milliseconds if set, else 10 seconds; past it the verb exits
  /// with status 75.
  static func writerOptions(_ console: Console) -> LogWriter.Options {
    var options = LogWriter.Options()
    if let text = console.environment["TRANSITION_LOCK_TIMEOUT_MS"], let milliseconds = Int(text),
      milliseconds >= 0
    {
      options.lockTimeoutMilliseconds = milliseconds
    }
    return options
  }

  /// The failure to report for an error of `TransitionLog`.
  static func failure(_ error: any Error, path: String) -> CommandFailure {
    guard let failure = error as? TransitionLog.Failure else {
      return LogFailures.failure(error, path: path)
    }
    switch failure {
    case .refused:
      return CommandFailure(status: .dataError, message: failure.description)
    case .log(let inner):
      return LogFailures.failure(inner, path: path)
    case .unreadable:
      return CommandFailure(
        status: .dataError,
        message: failure.description + " Run `transition verify \(path)` to check the log.")
    }
  }

  /// The names `--by` or `TRANSITION_BY` give, or a usage error saying how to name one.
  static func recorder(_ arguments: Arguments, console: Console, usage: String)
    throws(CommandFailure) -> String
  {
    try recorder(arguments.value("by"), console: console, usage: usage)
  }

  /// Who records: `by` if given, else `TRANSITION_BY`.
  static func recorder(_ by: String?, console: Console, usage: String) throws(CommandFailure)
    -> String
  {
    guard let name = by ?? console.environment["TRANSITION_BY"], !name.isEmpty else {
      throw CommandFailure.usage(
        "Say who records: give --by NAME (such as --by hr-ijw), or set TRANSITION_BY once"
          + " in your shell (export TRANSITION_BY=hr-ijw). The name is stored in every record.",
        help: usage)
    }
    return name
  }
}
