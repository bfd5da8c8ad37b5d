import CanonicalJSON
import Synchronization
import TransitionDomain

// A bitemporal ledger: every fact the views need, each stamped with the records (by `seq`)
// during which it counts. One streaming fold of the log builds it; any known-at N and either
// correction mode is then a filter, never a new replay.
//
// (1) A fact derived from record r counts, as corrected, for known-at N exactly when
//     `span.from <= N < span.until`; `span.until` is the `seq` of the first record that
//     replaced, patched or retracted it (`Int64.max` while none has).
// (2) As originally recorded, a fact counts exactly when it comes from a record without
//     `corrects` and `span.from <= N`: every correcting record is ignored (see `Correction`).
// (3) The fold reads records in `seq` order and never looks ahead, so the facts that count at
//     N are those a replay of the first N records would give; appending never changes them.
// (4) Staff facts are kept compact (no raw record); other records keep their event, since they
//     are few. The ledger never holds the log's lines.

/// The records during which a fact counts, by `seq`.
public struct Span: Equatable, Sendable {
  /// The record that produced the fact.
  public let from: Int64
  /// The record that replaced, patched or retracted it; `Int64.max` while none has.
  public internal(set) var until: Int64
  /// Whether the fact comes from a record without `corrects` (counts as originally recorded).
  public let original: Bool

  /// Whether the fact counts at known-at `seq`, as corrected or as originally recorded.
  public func counts(at seq: Int64, asRecorded: Bool) -> Bool {
    asRecorded ? (original && from <= seq) : (from <= seq && seq < until)
  }
}

/// One version of a (non-staff) record: its event as it stands from `span.from` on.
public struct RecordVersion: Sendable {
  /// The record this version comes from (a replacement or patch has its own `seq`).
  public let seq: Int64
  /// The original record it stands for (equal to `seq` unless it replaces or patches one).
  public let source: Int64
  /// The record id of `seq`.
  public let id: String
  /// The effective day (for a patch, the patched record's).
  public let effective: CalendarDay
  /// The precision the effective day was recorded with.
  public let precision: DatePrecision
  /// When the record `seq` was recorded, UTC milliseconds.
  public let recordedMilliseconds: Int64
  /// Whether this version was made by patching the source with a `DecisionCorrected`.
  public let patched: Bool
  /// When it counts.
  public internal(set) var span: Span
  /// The event's type, as an index into `DomainEvent.payloadTypes`.
  let typeIndex: UInt8
  /// The event, decoded or still as its canonical bytes (from a sidecar) until first read.
  let storage: LazyEvent

  /// The event as it stands in this version (decoded on first read when loaded from a
  /// sidecar, so a query decodes only the types it asks for).
  public var event: DomainEvent { storage.event }

  /// A version of `event`.
  init(
    seq: Int64, source: Int64, id: String, effective: CalendarDay, precision: DatePrecision,
    recordedMilliseconds: Int64, patched: Bool, span: Span, event: DomainEvent
  ) {
    self.init(
      seq: seq, source: source, id: id, effective: effective, precision: precision,
      recordedMilliseconds: recordedMilliseconds, patched: patched, span: span,
      typeIndex: Ledger.typeIndex(of: event.eventType) ?? 0, storage: LazyEvent(event))
  }

  /// A version whose event is `storage`.
  init(
    seq: Int64, source: Int64, id: String, effective: CalendarDay, precision: DatePrecision,
    recordedMilliseconds: Int64, patched: Bool, span: Span, typeIndex: UInt8,
    storage: LazyEvent
  ) {
    self.seq = seq
    self.source = source
    self.id = id
    self.effective = effective
    self.precision = precision
    self.recordedMilliseconds = recordedMilliseconds
    self.patched = patched
    self.span = span
    self.typeIndex = typeIndex
    self.storage = storage
  }

  /// The effective date as coarse as recorded.
  public var effectiveDate: EffectiveDate { EffectiveDate(effective, precision: precision) }
}

/// What the projections know after folding a log prefix: staff facts and record versions.
///
/// A ledger folded from the log owns its parts. A ledger loaded from a sidecar
/// (`ProjectionSidecar`) keeps them in the memory-mapped sidecar (`StoredLedger`) and reads
/// each part (the staff facts, the record ids, the versions of one event type) on first use,
/// so a query pays only for what it reads. Folding more records first takes every part over.
public struct Ledger: Sendable {
  /// The `seq` of the last record folded; 0 for an empty log.
  public internal(set) var lastSeq: Int64 = 0
  /// The `recorded` instant (UTC milliseconds) of every record, by `seq - 1`; non-decreasing.
  public internal(set) var recordedMilliseconds: [Int64] = []
  /// The event type of every record, as an index into `DomainEvent.payloadTypes`, by `seq - 1`.
  var typeIndices: [UInt8] = []
  /// The record id of every record, by `seq - 1` (when owned).
  var ownedRecordIDs: [String] = []
  /// Staff facts in `seq` order (when owned): in a mapped temporary file for a replay of a
  /// log (`PagedArray`), in memory otherwise.
  var ownedStaffFacts = PagedArray<StaffFact>()
  /// The versions of every other record, per event type (by its index into
  /// `DomainEvent.payloadTypes`), each in `seq` order (when owned).
  var ownedVersions: [[RecordVersion]] = []
  /// For replacements and patches: the original record each version stands for.
  var sourceOf: [Int64: Int64] = [:]
  /// For corrected originals: the version standing now; 0 when retracted.
  var standing: [Int64: Int64] = [:]
  /// For patches: the event type of the patched version the patch record made.
  var patchedTypes: [Int64: UInt8] = [:]
  /// The parts still in a sidecar; nil once the ledger owns them all.
  var stored: StoredLedger?
  /// Where the fold keeps the events of the versions it makes (a replay of a log: the ledger
  /// then holds a few numbers per record, not the records); nil to keep them decoded.
  var spill: SpillFile?
  /// How the sidecar's staffing index is cut (tests make it small to have many blocks).
  var staffingIndexShape = StaffingIndexShape()

  /// An empty ledger (an empty log).
  public init() {}

  /// The record id of every record, by `seq - 1`.
  public var recordIDs: [String] { stored?.recordIDs() ?? ownedRecordIDs }

  /// Staff facts in `seq` order.
  public var staffFacts: StaffFacts { stored?.staffFacts() ?? StaffFacts(ownedStaffFacts) }

  /// The versions of the event type at `typeIndex` in `DomainEvent.payloadTypes`, in `seq`
  /// order.
  func versions(ofType typeIndex: UInt8) -> [RecordVersion] {
    if let stored { return stored.versions(ofType: typeIndex) }
    return Int(typeIndex) < ownedVersions.count ? ownedVersions[Int(typeIndex)] : []
  }

  /// Takes every part over from the sidecar, so that the ledger can fold more records.
  mutating func own() {
    guard let stored else { return }
    ownedRecordIDs = stored.recordIDs()
    ownedStaffFacts = PagedArray(fileIn: Self.directory(of: stored.logPath))
    ownedStaffFacts.append(contentsOf: stored.staffFacts())
    ownedVersions = (0..<DomainEvent.payloadTypes.count).map {
      stored.versions(ofType: UInt8($0))
    }
    (sourceOf, standing, patchedTypes) = stored.corrections()
    self.stored = nil
  }

  /// The last `seq` recorded at or before `milliseconds`; 0 when none was.
  public func lastSeq(recordedBy milliseconds: Int64) -> Int64 {
    var low = 0
    var high = recordedMilliseconds.count
    while low < high {
      let middle = (low + high) / 2
      if recordedMilliseconds[middle] <= milliseconds { low = middle + 1 } else { high = middle }
    }
    return Int64(low)
  }

  /// The stored type name of the record `seq`.
  public func eventType(of seq: Int64) -> String? {
    guard seq >= 1, seq <= lastSeq else { return nil }
    return DomainEvent.payloadTypes[Int(typeIndices[Int(seq - 1)])].eventType
  }

  /// The record id of `seq`, or `#seq` when out of range.
  public func recordID(of seq: Int64) -> String {
    guard seq >= 1, seq <= lastSeq else { return "#\(seq)" }
    if let stored { return stored.recordID(of: seq) }
    return ownedRecordIDs[Int(seq - 1)]
  }

  /// The `recorded` instant of `seq` in UTC milliseconds.
  public func recorded(_ seq: Int64) -> Int64 {
    guard seq >= 1, seq <= lastSeq else { return 0 }
    return recordedMilliseconds[Int(seq - 1)]
  }

  /// The facts and versions as they count at known-at `seq` in one correction mode.
  public func view(at seq: Int64, asRecorded: Bool) -> LedgerView {
    LedgerView(ledger: self, knownAt: min(seq, lastSeq), asRecorded: asRecorded)
  }
}

/// The ledger as it counts at one known-at `seq` and correction mode.
public struct LedgerView: Sendable {
  /// The ledger.
  public let ledger: Ledger
  /// The known-at `seq`.
  public let knownAt: Int64
  /// Whether corrections are ignored (as originally recorded).
  public let asRecorded: Bool
  /// The staff facts that count, in `seq` order (filtered as they are read).
  public var staffFacts: LazyFilterSequence<StaffFacts> {
    let knownAt = knownAt
    let asRecorded = asRecorded
    return ledger.staffFacts.lazy.filter { $0.span.counts(at: knownAt, asRecorded: asRecorded) }
  }
  /// What the views of this ledger view computed once and share.
  let memo = LedgerViewMemo()

  /// The ledger at known-at `knownAt` in one correction mode.
  init(ledger: Ledger, knownAt: Int64, asRecorded: Bool) {
    self.ledger = ledger
    self.knownAt = knownAt
    self.asRecorded = asRecorded
  }

  /// The versions of `type` in the ledger, in `seq` order.
  private func all<P: EventPayload>(of type: P.Type) -> [RecordVersion] {
    guard let index = Ledger.typeIndex(of: type.eventType) else { return [] }
    return ledger.versions(ofType: index)
  }

  /// Every version of `type` in the ledger whether it counts here or not, in `seq` order (for
  /// rules that look at several known-at points; filter with `span.counts`).
  public func unfilteredVersions<P: EventPayload>(of type: P.Type)
    -> [(version: RecordVersion, event: P)]
  {
    all(of: type).compactMap { version in
      version.event.payload(as: type).map { (version, $0) }
    }
  }

  /// The versions of `type` that count, in `seq` order, with their payloads.
  public func versions<P: EventPayload>(of type: P.Type) -> [(version: RecordVersion, event: P)] {
    all(of: type).compactMap { version in
      guard version.span.counts(at: knownAt, asRecorded: asRecorded),
        let payload = version.event.payload(as: type)
      else { return nil }
      return (version, payload)
    }
  }
}

/// Results a `LedgerView` computes once and every view of the same query reuses.
final class LedgerViewMemo: Sendable {
  /// The employees on one day.
  let employees = Mutex<(day: CalendarDay, states: [EmployeeState])?>(nil)
}

/// An event, or the canonical bytes of its data until it is first read.
///
/// The bytes come from a sidecar section whose checksum was verified when it was first read,
/// and were written by `ProjectionSidecar` from a decoded event, so they decode.
final class LazyEvent: Sendable {
  private let decoded: Mutex<DomainEvent?>
  private let source: MappedFile?
  private let spill: SpillFile?
  private let range: Range<Int>
  private let typeIndex: UInt8

  /// An event already decoded.
  init(_ event: DomainEvent) {
    decoded = Mutex(event)
    source = nil
    spill = nil
    range = 0..<0
    typeIndex = 0
  }

  /// The event of type `typeIndex` whose canonical data is `range` of `file`.
  init(typeIndex: UInt8, file: MappedFile, range: Range<Int>) {
    decoded = Mutex(nil)
    source = file
    spill = nil
    self.range = range
    self.typeIndex = typeIndex
  }

  /// `event`, kept as its canonical data in `spill` until it is read: `data` (the log line's
  /// `data` member, which decodes to `event`) or else the event encoded again.
  init(_ event: DomainEvent, typeIndex: UInt8, spill: SpillFile, data: UnsafeRawBufferPointer?) {
    decoded = Mutex(nil)
    source = nil
    self.spill = spill
    range = spill.append(
      data.map { Array($0) } ?? CanonicalJSON.encode(.object(event.encodeData())))
    self.typeIndex = typeIndex
  }

  /// The event, decoded on first read.
  var event: DomainEvent {
    if let event = decoded.withLock({ $0 }) { return event }
    let event = decode()
    decoded.withLock { $0 = event }
    return event
  }

  /// The canonical data bytes, without decoding when they are still bytes.
  var canonicalData: [UInt8] {
    if decoded.withLock({ $0 == nil }) {
      if let source { return Array(UnsafeRawBufferPointer(rebasing: source.bytes[range])) }
      if let spill { return spill.read(range) }
    }
    return CanonicalJSON.encode(.object(event.encodeData()))
  }

  private func decode() -> DomainEvent {
    if let source { return decode(UnsafeRawBufferPointer(rebasing: source.bytes[range])) }
    guard let spill else { preconditionFailure("a lazy event without bytes") }
    return spill.read(range).withUnsafeBytes { decode($0) }
  }

  private func decode(_ data: UnsafeRawBufferPointer) -> DomainEvent {
    if let event = ByteDecoder.event(typeIndex: typeIndex, data: data) { return event }
    let type = DomainEvent.payloadTypes[Int(typeIndex)].eventType
    do {
      let value = try JSONParser.parse(data, profile: .canonical)
      return try DomainEvent.decode(type: type, data: value.objectValue ?? JSONObject())
    } catch {
      preconditionFailure(
        "a \(type) event kept by the projections does not decode (\(error)); delete the"
          + " sidecar (LOG.projections) and run again")
    }
  }
}
