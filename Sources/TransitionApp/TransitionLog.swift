import EventLog
import Projections
import TransitionDomain

#if canImport(Glibc)
  import Glibc
#endif

/// A log opened for recording domain commands: replays it, decides, appends.
///
/// Every command is decided against the state folded from the whole log as currently known;
/// a batch is decided command by command (each sees the ones before it) and appended as one
/// all-or-nothing batch that expects the log to end where the state does. If another writer
/// got there first, the log is read again and the batch decided again.
public final class TransitionLog {
  /// Why recording failed.
  public enum Failure: Error, CustomStringConvertible {
    /// The domain refused command number `index` (0-based) of the batch; nothing was appended.
    case refused(index: Int, Refusal)
    /// The log could not be written or read.
    case log(any Error)
    /// A record in the log could not be read as a domain record.
    case unreadable(seq: Int64, any Error)

    public var description: String {
      switch self {
      case .refused(let index, let refusal):
        return (index > 0 ? "Command \(index + 1) of the batch was refused: " : "")
          + refusal.description
          + " Nothing was appended."
      case .log(let error):
        return "\(error)"
      case .unreadable(let seq, let error):
        return "Record \(seq) cannot be read as a transition event: \(error)"
      }
    }
  }

  /// The log file.
  public let path: String
  /// The state as currently known, folded from every record.
  public private(set) var state = TransitionState()
  /// The `seq` of the last record the state has folded.
  public private(set) var lastSeq: Int64 = 0
  private let writer: LogWriter
  /// The log's size when it was last read (nil if unknown): if it differs under the lock, the
  /// log is read again before deciding.
  private var endOffset: Int64?

  /// Opens the log at `path` for recording and replays it.
  public init(path: String, options: LogWriter.Options = LogWriter.Options()) throws {
    self.path = path
    do {
      writer = try LogWriter(path: path, options: options)
    } catch {
      throw Failure.log(error)
    }
    try reload()
  }

  /// The torn tails the writer moved aside when opening.
  public var recoveries: [Quarantine] { writer.recoveries }

  /// The `seq`s of the batch recorded with `key`, if the log holds it (a format v2 log).
  public func recordedBatch(key: SHA256Digest) -> ClosedRange<Int64>? { writer.batch(key: key) }

  /// Decides `commands` and appends their records as one batch recorded by `by`.
  ///
  /// Returns the appended records. Throws `Failure.refused` (nothing appended) or
  /// `Failure.log`. With `batchKey` the batch is stored under that key (in a format v2 log);
  /// if a batch with the key is in the log already (another process recorded the same batch
  /// meanwhile), nothing is appended and the result is empty.
  ///
  /// The commands are decided holding the log's lock, against the log as it is then: if
  /// another writer appended since this log was read, it is read again first. So a record is
  /// never decided against a state the log has moved on from, and concurrent writers wait
  /// their turn (up to the writer's lock timeout, then `LogWriteError.lockTimeout`) instead
  /// of failing; a refusal after such a re-read is a refusal like any other.
  @discardableResult
  public func record(
    _ commands: [TransitionCommand], by: String, batchKey: SHA256Digest? = nil
  ) throws -> [DomainRecord] {
    do {
      return try writer.whileLocked {
        if Self.fileSize(path) != endOffset { try reload() }
        return try decideAndAppend(commands, by: by, batchKey: batchKey)
      }
    } catch let failure as Failure {
      throw failure
    } catch {
      throw Failure.log(error)
    }
  }

  private func decideAndAppend(
    _ commands: [TransitionCommand], by: String, batchKey: SHA256Digest?
  ) throws -> [DomainRecord] {
    var attempts = 0
    while true {
      attempts += 1
      var trial = state
      var pending: [PendingRecord] = []
      for (index, command) in commands.enumerated() {
        let records: [PendingRecord]
        do {
          records = try decide(command, state: trial)
        } catch {
          throw Failure.refused(index: index, error)
        }
        for record in records {
          let provisional = record.record(
            seq: lastSeq + Int64(pending.count) + 1, id: record.id ?? "pending",
            recordedMilliseconds: 0, by: by)
          do {
            try trial.apply(provisional)
          } catch {
            throw Failure.refused(
              index: index, .invalidInput(command: command.name, problem: "\(error)"))
          }
          pending.append(record)
        }
      }
      do {
        let receipt = try writer.append(
          pending.map { RecordCodec.draft($0, by: by) }, expectedLastSeq: lastSeq,
          batchKey: batchKey)
        var appended: [DomainRecord] = []
        // The state follows the log by applying what was written; if anything else happened
        // (a retried id, another writer's records, a record the fold refuses), it is read
        // again from the log instead of being trusted.
        var inStep = receipt.entries.allSatisfy(\.appended)
        for (entry, record) in zip(receipt.entries, pending) where entry.appended {
          let domainRecord = record.record(
            seq: entry.seq, id: entry.id,
            recordedMilliseconds: entry.recorded.millisecondsSinceEpoch, by: by)
          if inStep {
            do { try state.apply(domainRecord) } catch { inStep = false }
          }
          appended.append(domainRecord)
        }
        if inStep && receipt.lastSeq == lastSeq + Int64(appended.count) {
          lastSeq = receipt.lastSeq
          endOffset = Self.fileSize(path)
        } else {
          try reload()
        }
        return appended
      } catch LogWriteError.conflict where attempts < 5 {
        // Not expected while the lock is held (a writer that ignores the lock); read again.
        try reload()
      } catch {
        throw Failure.log(error)
      }
    }
  }

  /// The size of the file at `path`, or nil.
  private static func fileSize(_ path: String) -> Int64? {
    var info = stat()
    guard stat(path, &info) == 0 else { return nil }
    return Int64(info.st_size)
  }

  /// Replays the whole log into a fresh state.
  public func reload() throws {
    var fresh = TransitionState()
    var last: Int64 = 0
    let size = Self.fileSize(path)
    do {
      try LogReader(path: path).forEachRecord { raw in
        let record: DomainRecord
        do {
          record = try RecordCodec.domainRecord(raw)
          try fresh.apply(record)
        } catch {
          throw Failure.unreadable(seq: raw.seq, error)
        }
        last = raw.seq
      }
    } catch let failure as Failure {
      throw failure
    } catch {
      throw Failure.log(error)
    }
    state = fresh
    lastSeq = last
    endOffset = size
  }
}
