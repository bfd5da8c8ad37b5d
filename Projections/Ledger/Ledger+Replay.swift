import EventLog
import TransitionDomain

extension Ledger {
  /// Why a log could not be read into a ledger.
  public struct ReadError: Error, CustomStringConvertible {
    /// The log.
    public let path: String
    /// The record that could not be read, if the problem is one record.
    public let seq: Int64?
    /// What went wrong.
    public let underlying: any Error

    public var description: String {
      if let seq {
        return "Record \(seq) of \(path) cannot be read as a transition event: \(underlying)."
          + " Run `transition verify \(path)`."
      }
      return "\(underlying)"
    }
  }

  /// Folds the records of the log at `path` after `lastSeq` (and up to `limit`, when given)
  /// into this ledger, streaming; returns the reader's chain state.
  ///
  /// Every check of `transition verify` holds for the records folded: the reader checks each
  /// line, `seq`, `prev` and `recorded`; the fold checks that no id is used twice (against
  /// the ids already in the ledger too) and throws that `LogDamage` otherwise. So a sidecar,
  /// written only from a fold, is never made from a log that `verify` refuses.
  ///
  /// Memory holds the ledger and one record, never the log. When it throws, the ledger is
  /// left empty: its parts were moved into the fold (so that a part in a temporary file is
  /// not copied), and a half-folded record would leave it inconsistent.
  @discardableResult
  public mutating func extend(
    fromLog path: String, checkChain: Bool = true, through limit: Int64 = .max
  ) throws -> ChainState {
    let start = lastSeq
    var ledger = self
    self = Ledger()
    let summary: LogReader.Summary
    var ids = DuplicateIDs()
    for seq in stride(from: Int64(1), through: start, by: 1) {
      _ = ids.insert(ledger.recordID(of: seq), seq: seq) { _ in nil }
    }
    do {
      summary = try LogReader(path: path).forEachRecord(
        checkChain: checkChain, concurrency: .pipelined
      ) { raw in
        guard raw.seq > start, raw.seq <= limit else { return }
        let id = raw.id
        let found = ids.insert(id, seq: raw.seq) { id in
          (1..<raw.seq).first { ledger.recordID(of: $0).utf8.elementsEqual(id.utf8) }
        }
        if let first = found {
          throw DuplicateIDs.damage(
            id: id, first: first, path: path, lineNumber: raw.lineNumber,
            byteOffset: raw.byteOffset)
        }
        do {
          if let (facts, typeIndex) = StaffRecordDecoder.facts(raw) {
            try ledger.fold(
              seq: raw.seq, id: raw.id,
              recordedMilliseconds: raw.recorded.millisecondsSinceEpoch,
              effective: RecordCodec.calendarDay(raw.effective), typeIndex: typeIndex,
              corrects: raw.corrects, content: .staffFacts(facts))
          } else if let record = RecordCodec.fastDomainRecord(raw) {
            try ledger.fold(record, data: raw.data)
          } else {
            // The slow path's bytes may hold what only it accepts (a `correctionReason`):
            // keep the event encoded again, which any decoder reads.
            try ledger.fold(try RecordCodec.domainRecord(raw), data: nil)
          }
        } catch {
          throw ReadError(path: path, seq: raw.seq, underlying: error)
        }
      }
    } catch let error as ReadError {
      throw error
    } catch {
      throw ReadError(path: path, seq: nil, underlying: error)
    }
    self = ledger
    return summary.state
  }

  /// The ledger of the whole log at `path`, streamed: the staff facts and the versions'
  /// numbers go to mapped temporary files beside the log (`PagedArray`), the versions' events
  /// to a spill file there (`SpillFile`).
  public static func replay(path: String) throws -> Ledger {
    var ledger = Ledger.spilling(besideLog: path)
    try ledger.extend(fromLog: path)
    return ledger
  }

  /// An empty ledger whose fold keeps events in a spill file in the log's directory (or in
  /// memory when no spill file can be made).
  static func spilling(besideLog path: String) -> Ledger {
    var ledger = Ledger()
    let directory = directory(of: path)
    if let spill = SpillFile(directory: directory) { ledger.spill = spill }
    ledger.ownedStaffFacts = PagedArray(fileIn: directory)
    ledger.ownedVersions = PagedArray(fileIn: directory)
    ledger.recordedMilliseconds = PagedArray(fileIn: directory)
    ledger.typeIndices = PagedArray(fileIn: directory)
    ledger.ownedRecordIDs = PagedArray(fileIn: directory)
    return ledger
  }

  /// The directory of the file at `path`.
  static func directory(of path: String) -> String {
    guard let slash = path.lastIndex(of: "/") else { return "." }
    return slash == path.startIndex ? "/" : String(path[..<slash])
  }

  /// The ledger of `records`, in order (tests, and logs already in memory).
  public init(records: some Sequence<DomainRecord>) throws(FoldError) {
    self.init()
    for record in records { try fold(record) }
  }
}
