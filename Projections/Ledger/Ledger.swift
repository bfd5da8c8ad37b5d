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
// (4) The ledger never holds the log's lines. Staff facts are kept compact (no raw record);
//     other records as a `VersionEntry` of plain numbers, their event's canonical data in a
//     spill file. A replay keeps facts, entries, record times, types and ids in mapped
//     temporary files (`PagedArray`), so its memory does not grow with the records; what stays
//     in memory grows with the corrections and the distinct values (employees, decision lists).

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

  /// The effective date as coarse as recorded (a range or "on or before" a period reads its
  /// last day from the event).
  public var effectiveDate: EffectiveDate {
    guard precision.hasOwnEnd else { return EffectiveDate(effective, precision: precision) }
    return EffectiveDate(effective, precision: precision, until: event.effectiveUntil)
      ?? EffectiveDate(effective, precision: precision)
  }
}

/// A version as an owned ledger keeps it: plain numbers in `seq` order, so that a replay can
/// keep them in a file (`PagedArray`); `Ledger.recordVersion(_:)` makes the `RecordVersion`.
struct VersionEntry: Sendable {
  /// The record this version comes from; also where its span begins.
  var seq: Int64
  /// The original record it stands for.
  var source: Int64
  /// When the record `seq` was recorded, UTC milliseconds.
  var recordedMilliseconds: Int64
  /// The record that replaced, patched or retracted it; `Int64.max` while none has.
  var until: Int64
  /// Where the event's canonical data begins: in the ledger's spill file, or in its
  /// `eventFile` when `inSidecar`.
  var dataStart: Int64
  /// How many bytes the event's canonical data has.
  var dataCount: Int32
  /// The effective day's number.
  var effective: Int32
  /// The effective day's precision (`Ledger.precisionCode`).
  var precision: UInt8
  /// The event's type, as an index into `DomainEvent.payloadTypes`.
  var typeIndex: UInt8
  /// Whether this version was made by patching the source with a `DecisionCorrected`.
  var patched: Bool
  /// Whether it counts as originally recorded (`Span.original`).
  var original: Bool
  /// Whether the canonical data is in the sidecar the ledger took over, not the spill file.
  var inSidecar: Bool
}

/// A record id as an owned ledger keeps it, a plain value of fixed size (so that a replay can
/// keep it in a file, `PagedArray`): up to `inlineMax` bytes of UTF-8 in place, a longer id
/// (up to 256 bytes, see `Limits.nameBytesMax`) in the ledger's spill file.
struct RecordIDSlot: Sendable {
  /// Byte 0: the id's length when in place, else `spilled`; then the id's bytes.
  ///
  /// When spilled, words 1 and 2 are where it is in the spill file and how long it is.
  private var words: (UInt64, UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0, 0)
  /// The longest id kept in place.
  static let inlineMax = 39
  private static let spilled: UInt8 = 0xFF

  /// `id`, in place or appended to `spill`.
  init(_ id: String, spill: SpillFile) {
    let utf8 = Array(id.utf8)
    if utf8.count <= Self.inlineMax {
      withUnsafeMutableBytes(of: &words) { raw in
        raw[0] = UInt8(utf8.count)
        for (offset, byte) in utf8.enumerated() { raw[1 + offset] = byte }
      }
    } else {
      let range = spill.append(utf8)
      withUnsafeMutableBytes(of: &words) { $0[0] = Self.spilled }
      words.1 = UInt64(range.lowerBound)
      words.2 = UInt64(range.count)
    }
  }

  /// The id (read from `spill` when it is not in place).
  func id(spill: SpillFile) -> String {
    var bytes: [UInt8] = []
    appendUTF8(to: &bytes, spill: spill)
    return String(decoding: bytes, as: UTF8.self)
  }

  /// The length of the id in UTF-8 bytes.
  var utf8Count: Int {
    let count = withUnsafeBytes(of: words) { $0[0] }
    return count == Self.spilled ? Int(words.2) : Int(count)
  }

  /// Appends the id's UTF-8 bytes to `bytes` (read from `spill` when it is not in place).
  func appendUTF8(to bytes: inout [UInt8], spill: SpillFile) {
    withUnsafeBytes(of: words) { raw in
      let count = raw[0]
      if count != Self.spilled {
        bytes.append(contentsOf: raw[1..<1 + Int(count)])
      } else {
        let start = Int(words.1)
        bytes.append(contentsOf: spill.read(start..<start + Int(words.2)))
      }
    }
  }
}

/// The versions of each event type an owned ledger was asked for, made once from its entries.
///
/// Shared by the copies of a ledger; a fold gives the ledger a new one (the entries changed),
/// so a copy never sees another copy's versions.
final class MaterializedVersions: Sendable {
  private let byType = Mutex<[UInt8: [RecordVersion]]>([:])
  private let positions = Mutex<[[Int32]]?>(nil)
  private let used = Atomic<Bool>(false)

  /// Whether anything was made (a fold must then start a new cache).
  var isUsed: Bool { used.load(ordering: .relaxed) }

  /// The positions in `entries` of the versions of `typeIndex`, in order.
  ///
  /// All types' are found
  /// in one pass the first time (4 bytes a version), so that reading the versions of each
  /// type does not read the whole file again.
  func positions(
    ofType typeIndex: UInt8, in entries: PagedArray<VersionEntry>
  ) -> [Int32] {
    positions.withLock { positions in
      if positions == nil {
        used.store(true, ordering: .relaxed)
        var found = Array(repeating: [Int32](), count: DomainEvent.payloadTypes.count)
        for (position, entry) in entries.enumerated() {
          precondition(position < Int(Int32.max), "more than 2^31 versions")
          found[Int(entry.typeIndex)].append(Int32(position))
        }
        positions = found
      }
      guard let positions, Int(typeIndex) < positions.count else { return [] }
      return positions[Int(typeIndex)]
    }
  }

  /// The versions of `typeIndex`, made by `make` the first time.
  func versions(
    ofType typeIndex: UInt8, make: () -> some Sequence<RecordVersion>
  ) -> [RecordVersion] {
    if let made = byType.withLock({ $0[typeIndex] }) { return made }
    let made = Array(make())
    used.store(true, ordering: .relaxed)
    return byType.withLock { byType in
      if let other = byType[typeIndex] { return other }
      byType[typeIndex] = made
      return made
    }
  }
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
  var recordedMilliseconds = PagedArray<Int64>()
  /// The event type of every record, as an index into `DomainEvent.payloadTypes`, by `seq - 1`.
  var typeIndices = PagedArray<UInt8>()
  /// The record id of every record, by `seq - 1` (when owned).
  var ownedRecordIDs = PagedArray<RecordIDSlot>()
  /// Staff facts in `seq` order (when owned): in a mapped temporary file for a replay of a
  /// log (`PagedArray`), in memory otherwise.
  var ownedStaffFacts = PagedArray<StaffFact>()
  /// The versions of every other record, in `seq` order, as plain numbers (when owned).
  ///
  /// In a mapped temporary file for a replay of a log, in memory otherwise. Their events are in
  /// `spill` or in `eventFile` (see `VersionEntry`).
  var ownedVersions = PagedArray<VersionEntry>()
  /// The sidecar whose versions the ledger took over (`own()`): their events stay in it.
  var eventFile: MappedFile?
  /// The versions of each event type, made from `ownedVersions` when first asked for.
  var materialized = MaterializedVersions()
  /// For replacements and patches: the original record each version stands for.
  var sourceOf: [Int64: Int64] = [:]
  /// For corrected originals: the version standing now; 0 when retracted.
  var standing: [Int64: Int64] = [:]
  /// For patches: the event type of the patched version the patch record made.
  var patchedTypes: [Int64: UInt8] = [:]
  /// The parts still in a sidecar; nil once the ledger owns them all.
  var stored: StoredLedger?
  /// The sidecar's `failure` when the ledger took its parts over (`own()`).
  var ownedFailure: ReadError?
  /// Where the fold keeps the canonical data of the events of the versions it makes.
  ///
  /// A file beside the log for a replay of a log, memory otherwise. The ledger holds a few numbers
  /// per record, never the records.
  var spill = SpillFile()
  /// How the sidecar's staffing index is cut (tests make it small to have many blocks).
  var staffingIndexShape = StaffingIndexShape()

  /// An empty ledger (an empty log).
  public init() {}

  /// The record id of every record, by `seq - 1`.
  public var recordIDs: [String] {
    stored?.recordIDs() ?? ownedRecordIDs.map { $0.id(spill: spill) }
  }

  /// Staff facts in `seq` order.
  public var staffFacts: StaffFacts { stored?.staffFacts() ?? StaffFacts(ownedStaffFacts) }

  /// The versions of the event type at `typeIndex` in `DomainEvent.payloadTypes`, in `seq`
  /// order.
  func versions(ofType typeIndex: UInt8) -> [RecordVersion] {
    if let stored { return stored.versions(ofType: typeIndex) }
    return materialized.versions(ofType: typeIndex) {
      versionEntries(ofType: typeIndex).map(recordVersion)
    }
  }

  /// The entries of the versions of the event type at `typeIndex`, in `seq` order (owned).
  func versionEntries(ofType typeIndex: UInt8) -> LazyMapSequence<[Int32], VersionEntry> {
    let entries = ownedVersions
    return materialized.positions(ofType: typeIndex, in: entries).lazy.map { entries[Int($0)] }
  }

  /// The version `entry` stands for, its event still as canonical data until first read.
  func recordVersion(_ entry: VersionEntry) -> RecordVersion {
    let range = Int(entry.dataStart)..<Int(entry.dataStart) + Int(entry.dataCount)
    return RecordVersion(
      seq: entry.seq, source: entry.source, id: recordID(of: entry.seq),
      effective: CalendarDay.stored(Int(entry.effective)),
      precision: Self.precision(code: entry.precision),
      recordedMilliseconds: entry.recordedMilliseconds, patched: entry.patched,
      span: Span(from: entry.seq, until: entry.until, original: entry.original),
      typeIndex: entry.typeIndex,
      storage: LazyEvent(typeIndex: entry.typeIndex, place: place(of: entry), range: range))
  }

  /// Where the canonical data of the event of `entry` is.
  func place(of entry: VersionEntry) -> LazyEvent.Place {
    guard entry.inSidecar else { return .spill(spill) }
    guard let eventFile else { preconditionFailure("a version from a sidecar without the sidecar") }
    return .sidecar(eventFile)
  }

  /// Takes every part over from the sidecar, so that the ledger can fold more records.
  ///
  /// The events of the versions stay in the sidecar's mapping, which the ledger keeps.
  mutating func own() {
    guard let stored else { return }
    let directory = Self.directory(of: stored.logPath)
    if let (entries, file) = stored.versionEntries() {
      ownedVersions = PagedArray(fileIn: directory)
      ownedVersions.append(contentsOf: entries)
      eventFile = file
    } else {
      // A damaged section: the versions come from a replay, with the replay's spill file.
      let replayed = stored.replayedLedger()
      ownedVersions = replayed.ownedVersions
      eventFile = replayed.eventFile
      spill = replayed.spill
    }
    let spill = spill
    ownedRecordIDs = PagedArray(fileIn: directory)
    ownedRecordIDs.append(contentsOf: stored.recordIDs().map { RecordIDSlot($0, spill: spill) })
    ownedStaffFacts = PagedArray(fileIn: directory)
    ownedStaffFacts.append(contentsOf: stored.staffFacts())
    (sourceOf, standing, patchedTypes) = stored.corrections()
    materialized = MaterializedVersions()
    if let failure = stored.failure { ownedFailure = failure }
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

  /// Why this ledger's answers are void, if a damaged part of its sidecar could not be taken
  /// from the log instead; nil for a sound ledger.
  public var readFailure: ReadError? { stored?.failure ?? ownedFailure }

  /// The record id of `seq`, or `#seq` when out of range.
  public func recordID(of seq: Int64) -> String {
    guard seq >= 1, seq <= lastSeq else { return "#\(seq)" }
    if let stored { return stored.recordID(of: seq) }
    return ownedRecordIDs[Int(seq - 1)].id(spill: spill)
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

/// An event as the canonical bytes of its data until it is first read, then decoded.
///
/// The bytes are in a sidecar section whose checksum was verified when it was first read, or
/// in the spill file of the replay that folded the event. Either way they were written from
/// a decoded event (or are the log line's `data`, which decoded), so they decode.
final class LazyEvent: Sendable {
  /// Where the bytes are.
  enum Place: Sendable {
    case sidecar(MappedFile)
    case spill(SpillFile)
  }
  private let decoded = Mutex<DomainEvent?>(nil)
  private let place: Place
  private let range: Range<Int>
  private let typeIndex: UInt8

  /// The event of type `typeIndex` whose canonical data is `range` of `place`.
  init(typeIndex: UInt8, place: Place, range: Range<Int>) {
    self.place = place
    self.range = range
    self.typeIndex = typeIndex
  }

  /// Where the canonical data is in the sidecar's mapping, for an event from a sidecar.
  var sidecarRange: Range<Int>? {
    if case .sidecar = place { return range }
    return nil
  }

  /// The event, decoded on first read.
  var event: DomainEvent {
    if let event = decoded.withLock({ $0 }) { return event }
    let event = decode()
    decoded.withLock { $0 = event }
    return event
  }

  /// The event decoded now, or nil if its bytes do not decode (a forged sidecar): the reader
  /// of a sidecar decodes every event of a section this way before it uses the section, so
  /// `event` never meets bytes that do not decode.
  func checkedEvent() -> DomainEvent? {
    if let event = decoded.withLock({ $0 }) { return event }
    guard let event = try? decodeOrThrow() else { return nil }
    decoded.withLock { $0 = event }
    return event
  }

  private func decode() -> DomainEvent {
    do {
      return try decodeOrThrow()
    } catch {
      preconditionFailure(
        "a \(DomainEvent.payloadTypes[Int(typeIndex)].eventType) event kept by the projections"
          + " does not decode (\(error)); delete the sidecar (LOG.projections) and run again")
    }
  }

  private func decodeOrThrow() throws -> DomainEvent {
    switch place {
    case .sidecar(let file): try decode(UnsafeRawBufferPointer(rebasing: file.bytes[range]))
    case .spill(let spill): try spill.read(range).withUnsafeBytes { try decode($0) }
    }
  }

  private func decode(_ data: UnsafeRawBufferPointer) throws -> DomainEvent {
    if let event = ByteDecoder.event(typeIndex: typeIndex, data: data) { return event }
    let type = DomainEvent.payloadTypes[Int(typeIndex)].eventType
    let value = try JSONParser.parse(data, profile: .canonical)
    return try DomainEvent.decode(type: type, data: value.objectValue ?? JSONObject())
  }
}
