import EventLog
import Foundation

#if canImport(Glibc)
  import Glibc
#endif

/// One acknowledgement a child process printed: `ack <id> <seq> [<begin ns> <end ns>]`.
struct Acknowledgement: Equatable {
  let id: String
  let seq: Int64
  /// CLOCK_MONOTONIC nanoseconds when the append began and returned, with `--times`.
  let began: Int64?
  let ended: Int64?

  /// The writer name and item number of an id `<writer>-<item>`.
  var writerAndItem: (String, Int)? { History.writerAndItem(id) }

  static func parse(_ text: String) -> [Acknowledgement] {
    text.split(separator: "\n").compactMap { line in
      let fields = line.split(separator: " ")
      guard fields.count >= 3, fields[0] == "ack", let seq = Int64(fields[2]) else { return nil }
      let began = fields.count >= 5 ? Int64(fields[3]) : nil
      let ended = fields.count >= 5 ? Int64(fields[4]) : nil
      return Acknowledgement(id: String(fields[1]), seq: seq, began: began, ended: ended)
    }
  }
}

/// A running TransitionTorture child, killable at any moment.
final class TortureChild {
  let process: Process
  let output: Pipe

  init(_ arguments: [String], environment: [String: String] = [:]) throws {
    (process, output) = try ChildProcess.startTorture(arguments, environment: environment)
  }

  func kill() { _ = Glibc.kill(process.processIdentifier, SIGKILL) }

  /// Reads everything the child printed, waits for it, and returns the text and whether a
  /// signal ended it.
  func finish() -> (text: String, status: Int32, killed: Bool) {
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return (
      String(decoding: data, as: UTF8.self), process.terminationStatus,
      process.terminationReason == .uncaughtSignal
    )
  }

  /// Reads lines until one starts with `prefix`; returns false at the end of the output.
  func waitForLine(prefix: String) -> Bool {
    var pending = Data()
    let handle = output.fileHandleForReading
    while true {
      let chunk = handle.availableData
      if chunk.isEmpty { return false }
      pending.append(chunk)
      if String(decoding: pending, as: UTF8.self).split(separator: "\n").contains(where: {
        $0.hasPrefix(prefix)
      }) {
        return true
      }
    }
  }
}

/// The checks of a Jepsen-style history against the log it produced.
enum History {
  static func writerAndItem(_ id: String) -> (String, Int)? {
    guard let dash = id.lastIndex(of: "-"), let item = Int(id[id.index(after: dash)...]) else {
      return nil
    }
    return (String(id[..<dash]), item)
  }

  /// What is wrong with the log at `path` given the acknowledgements; empty if nothing.
  ///
  /// Opens a writer first (tail recovery, as the next append would), then checks: the log
  /// verifies; `seq` runs 1...n; ids are unique; every acknowledged id is there exactly once
  /// with its acknowledged `seq`; each writer's records are in its own order; and if one
  /// append was acknowledged before another began, it has the lower `seq` (real time).
  static func violations(path: String, acknowledgements: [Acknowledgement]) -> [String] {
    var problems: [String] = []
    do {
      var options = LogWriter.Options()
      options.crashHook = .none
      options.lockTimeoutMilliseconds = 2000
      _ = try LogWriter(path: path, options: options)
    } catch {
      problems.append("the log cannot be opened for appending: \(error)")
    }
    do {
      _ = try LogVerifier.verify(path: path)
    } catch {
      problems.append("verify: \(error)")
    }
    let records: [LogRecord]
    do {
      records = try LogReader(path: path).records()
    } catch {
      return problems + ["read: \(error)"]
    }
    if records.map(\.seq) != Array(stride(from: Int64(1), through: Int64(records.count), by: 1)) {
      problems.append("seq is not contiguous from 1")
    }
    var seqByID: [String: Int64] = [:]
    for record in records {
      if let first = seqByID[record.id] {
        problems.append("id \(record.id) appears twice: records \(first) and \(record.seq)")
      }
      seqByID[record.id] = record.seq
    }
    for ack in acknowledgements {
      guard let seq = seqByID[ack.id] else {
        problems.append("acknowledged \(ack.id) (seq \(ack.seq)) is missing")
        continue
      }
      if seq != ack.seq { problems.append("acknowledged \(ack.id) as \(ack.seq), found at \(seq)") }
    }
    var lastItem: [String: (item: Int, seq: Int64)] = [:]
    for record in records {
      guard let (writer, item) = writerAndItem(record.id) else { continue }
      if let last = lastItem[writer], last.item >= item {
        problems.append(
          "writer \(writer): item \(item) (seq \(record.seq)) after item \(last.item)")
      }
      lastItem[writer] = (item, record.seq)
    }
    problems += realTimeViolations(acknowledgements, seqByID: seqByID)
    return problems
  }

  /// Pairs where one append returned before another began but has the higher `seq`.
  static func realTimeViolations(
    _ acknowledgements: [Acknowledgement], seqByID: [String: Int64]
  ) -> [String] {
    let timed = acknowledgements.filter { $0.began != nil && $0.ended != nil }
    let byEnd = timed.sorted { ($0.ended ?? 0) < ($1.ended ?? 0) }
    let byBegin = timed.sorted { ($0.began ?? 0) < ($1.began ?? 0) }
    var problems: [String] = []
    var next = 0
    var highest: (seq: Int64, id: String)?
    for later in byBegin {
      while next < byEnd.count, (byEnd[next].ended ?? 0) < (later.began ?? 0) {
        let seq = seqByID[byEnd[next].id] ?? byEnd[next].seq
        if highest.map({ seq > $0.seq }) ?? true { highest = (seq, byEnd[next].id) }
        next += 1
      }
      let seq = seqByID[later.id] ?? later.seq
      if let highest, highest.seq >= seq {
        problems.append(
          "\(highest.id) (seq \(highest.seq)) was acknowledged before \(later.id) began,"
            + " but \(later.id) has seq \(seq)")
      }
    }
    return problems
  }
}
