import EventLog
import Synchronization
import TransitionDomain

#if canImport(Glibc)
  import Glibc
#endif

// The ledger in sections, as the sidecar holds it (see `ProjectionSidecar`). Each section has
// its own checksum, checked the first time the section is read, so a query reads and checks
// only the sections it needs: a staffing query never touches the 200 MB of cost bookings.
//
//   core          last seq, the event type names (this build's order), then per record its
//                 `recorded` milliseconds and its type index
//   ids           record ids: count, end offsets (Int64, one per record), UTF-8 bytes
//   corrections   the `sourceOf`, `standing` and `patchedTypes` maps, as sorted pairs
//   facts         the staff facts: count, fixed-size records, string and list tables
//                 (`StaffFact.encode`)
//   versions t    one per event type t: count, canonical event data, fixed-size entries
//   staffing      the staff facts again, in valid-time order, in checked blocks, with
//                 snapshots of the folded employees (`StaffingIndex`)

/// The sections of a ledger in a sidecar, by position.
enum LedgerSection {
  static let core = 0
  static let ids = 1
  static let corrections = 2
  static let facts = 3
  /// The section of the versions of event type `typeIndex`.
  static func versions(_ typeIndex: UInt8) -> Int { 4 + Int(typeIndex) }
  /// The staffing index (after the versions).
  static var staffing: Int { 4 + DomainEvent.payloadTypes.count }
  /// How many sections a sidecar of this build holds.
  static var count: Int { 5 + DomainEvent.payloadTypes.count }
  /// The bytes of one version entry.
  static let versionEntrySize = 64
}

extension Ledger {
  /// The bytes of section `index` (see `LedgerSection`) in one array; the ledger must own its
  /// parts.
  func encodedSection(_ index: Int) -> [UInt8] {
    var bytes: [UInt8] = []
    encodeSection(index) { bytes.append(contentsOf: $0) }
    return bytes
  }

  /// Hands the bytes of section `index` to `emit` in pieces (a versions section streams its
  /// events from the spill file a megabyte at a time, so writing a sidecar holds no section
  /// of events in memory); the ledger must own its parts.
  func encodeSection(_ index: Int, emit: ([UInt8]) throws -> Void) rethrows {
    var writer = ByteWriter()
    /// Hands the bytes so far to `emit` once they reach a megabyte.
    func emitFull() throws {
      guard writer.bytes.count >= 1 << 20 else { return }
      try emit(writer.bytes)
      writer.bytes.removeAll(keepingCapacity: true)
    }
    switch index {
    case LedgerSection.core:
      writer.int(lastSeq)
      writer.strings(Self.typeNames)
      for value in recordedMilliseconds {
        writer.int(value)
        try emitFull()
      }
      for value in typeIndices {
        writer.byte(value)
        try emitFull()
      }
    case LedgerSection.ids:
      writer.int(Int64(ownedRecordIDs.count))
      var end: Int64 = 0
      for slot in ownedRecordIDs {
        end += Int64(slot.utf8Count)
        writer.int(end)
        try emitFull()
      }
      for slot in ownedRecordIDs {
        slot.appendUTF8(to: &writer.bytes, spill: spill)
        try emitFull()
      }
    case LedgerSection.corrections:
      for map in [sourceOf, standing, patchedTypes.mapValues { Int64($0) }] {
        writer.int(Int64(map.count))
        for key in map.keys.sorted() {
          writer.int(key)
          writer.int(map[key] ?? 0)
        }
      }
    case LedgerSection.facts:
      try StaffFact.encode(ownedStaffFacts, emit: emit)
      return
    case LedgerSection.staffing:
      try encodeStaffingIndex(emit: emit)
      return
    default:
      // The count, every event's canonical data, then one fixed-size entry per version.
      let typeIndex = UInt8(index - 4)
      let versions = versionEntries(ofType: typeIndex)
      writer.int(Int64(versions.count))
      for version in versions {
        appendCanonicalData(of: version, to: &writer.bytes)
        try emitFull()
      }
      var offset: Int64 = 0
      for version in versions {
        for value in [
          version.seq, version.source, version.recordedMilliseconds, version.seq, version.until,
        ] {
          writer.int(value)
        }
        writer.int32(version.effective)
        writer.byte(version.precision)
        writer.byte(version.patched ? 1 : 0)
        writer.byte(version.original ? 1 : 0)
        writer.byte(version.typeIndex)
        writer.int(offset)
        writer.int(Int64(version.dataCount))
        offset += Int64(version.dataCount)
        try emitFull()
      }
    }
    try emit(writer.bytes)
  }

  /// The stored type names in this build's order (type indices refer to it).
  static let typeNames: [String] = DomainEvent.payloadTypes.map { $0.eventType }

  static func precisionCode(_ precision: DatePrecision) -> UInt8 {
    UInt8(DatePrecision.allCases.firstIndex(of: precision) ?? 0)
  }

  /// The precision whose code is `code` (as `precisionCode` gives it; a valid code).
  static func precision(code: UInt8) -> DatePrecision {
    let precisions = DatePrecision.allCases
    return precisions[precisions.index(precisions.startIndex, offsetBy: Int(code))]
  }

  /// Appends the canonical data of the event of `version` to `bytes`.
  private func appendCanonicalData(of version: VersionEntry, to bytes: inout [UInt8]) {
    let start = Int(version.dataStart)
    let range = start..<start + Int(version.dataCount)
    switch place(of: version) {
    case .sidecar(let file):
      bytes.append(contentsOf: UnsafeRawBufferPointer(rebasing: file.bytes[range]))
    case .spill(let spill):
      bytes.append(contentsOf: spill.read(range))
    }
  }

  /// A ledger whose core is read from `core` and whose other parts stay in `stored`.
  init(core: UnsafeRawBufferPointer, stored: StoredLedger?) throws(ByteReader.Truncated) {
    self.init()
    var reader = ByteReader(core)
    lastSeq = try reader.int()
    let names = try (0..<reader.count()).map { _ throws(ByteReader.Truncated) in
      try reader.string()
    }
    guard names == Self.typeNames, lastSeq >= 0, lastSeq <= Int64(reader.end / 9),
      Int(lastSeq) * 9 == reader.end - reader.offset
    else { throw ByteReader.Truncated() }
    let count = Int(lastSeq)
    let times = try reader.bytes(count * 8)
    var milliseconds = [Int64](unsafeUninitializedCapacity: count) { buffer, initialized in
      UnsafeMutableRawBufferPointer(buffer).copyMemory(from: times)
      initialized = count
    }
    if 1.littleEndian != 1 { milliseconds = milliseconds.map { Int64(littleEndian: $0) } }
    // As the log's `recorded` (a forged core could hold any number): in the years 1 to 9999
    // and never going back, which the known-at search relies on.
    var previous = StoredInstants.first
    for value in milliseconds {
      guard value >= previous, value <= StoredInstants.last else { throw ByteReader.Truncated() }
      previous = value
    }
    let types = Array(try reader.bytes(count))
    guard !types.contains(where: { Int($0) >= names.count }) else {
      throw ByteReader.Truncated()
    }
    recordedMilliseconds = PagedArray(milliseconds)
    typeIndices = PagedArray(types)
    self.stored = stored
  }
}

/// A sidecar that does not fit the log it stands beside, in words.
struct SidecarMismatch: Error, CustomStringConvertible {
  let reason: String
  var description: String { reason }
}

/// The parts of a ledger still in a mapped sidecar, read and checked on first use, then kept.
///
/// If a section's checksum does not hold (the file was damaged after it was opened, or in a
/// part the opening did not check), the log is replayed up to the same record and the part is
/// taken from that replay, so an answer never comes from damaged bytes; the sidecar is removed
/// so that the next run rebuilds it.
final class StoredLedger: Sendable {
  private let file: MappedFile
  private let sections: [Range<Int>]
  private let checksums: [UInt64]
  /// The log the sidecar belongs to.
  let logPath: String
  private let sidecarPath: String
  private let lastSeq: Int64
  private let checked: Mutex<[Bool]>
  private let facts = Mutex<StaffFacts?>(nil)
  private let versionCache: Mutex<[[RecordVersion]?]>
  private let replayed = Mutex<Ledger?>(nil)
  /// The staffing index once read: nil before, `.none` when it is damaged.
  private let staffing = Mutex<StaffingIndex??>(nil)

  /// The sidecar `file` with its sections and checksums; the core section is already read.
  init(
    file: MappedFile, sections: [Range<Int>], checksums: [UInt64], logPath: String,
    sidecarPath: String, lastSeq: Int64
  ) {
    self.file = file
    self.sections = sections
    self.checksums = checksums
    self.logPath = logPath
    self.sidecarPath = sidecarPath
    self.lastSeq = lastSeq
    checked = Mutex(Array(repeating: false, count: sections.count))
    versionCache = Mutex(Array(repeating: nil, count: DomainEvent.payloadTypes.count))
  }

  /// The bytes of section `index` if its checksum holds (checked once).
  func section(_ index: Int) -> UnsafeRawBufferPointer? {
    let bytes = UnsafeRawBufferPointer(rebasing: file.bytes[sections[index]])
    let ok = checked.withLock { checked in
      if checked[index] { return true }
      guard Checksum64.of(bytes) == checksums[index] else { return false }
      checked[index] = true
      return true
    }
    return ok ? bytes : nil
  }

  /// Whether every section's checksum holds.
  func checkAll() -> Bool {
    sections.indices.allSatisfy { section($0) != nil }
  }

  /// Why the log could not stand in for a damaged part, once it could not: the answers made
  /// since are not to be given (`TransitionProjector` throws this instead).
  private let failed = Mutex<Ledger.ReadError?>(nil)

  /// The error that makes this ledger's answers void, if a damaged part could not be taken
  /// from the log.
  var failure: Ledger.ReadError? { failed.withLock { $0 } }

  /// The ledger replayed from the log up to `lastSeq`, for a part whose section is damaged.
  ///
  /// If the log no longer replays to `lastSeq` (damaged, cut, or never matching a forged
  /// sidecar), an empty ledger stands in and `failure` says why: no answer is then given, and
  /// no content of the sidecar can stop the process.
  private func replay() -> Ledger {
    replayed.withLock { ledger in
      if let ledger { return ledger }
      // Removed only if it is still the damaged file, not a sound one renamed over it since.
      if file.isFile(at: sidecarPath) { unlink(sidecarPath) }
      var fresh = Ledger.spilling(besideLog: logPath)
      do {
        try fresh.extend(fromLog: logPath, through: lastSeq)
        // The sidecar's other parts describe records 1 to lastSeq; parts from a log that no
        // longer holds them would not fit with them.
        guard fresh.lastSeq == lastSeq else {
          throw Ledger.ReadError(
            path: logPath, seq: nil,
            underlying: SidecarMismatch(
              reason: "the log \(logPath) holds \(fresh.lastSeq) records, the query began with"
                + " \(lastSeq) (it was cut while it was read, or the cache \(sidecarPath) was"
                + " not made from it); run the command again"))
        }
      } catch {
        let failure =
          error as? Ledger.ReadError ?? Ledger.ReadError(path: logPath, seq: nil, underlying: error)
        failed.withLock { $0 = failure }
        fresh = Ledger()
      }
      ledger = fresh
      return fresh
    }
  }

  /// Every employee on `day` at known-at `knownAt` in one correction mode, from the staffing
  /// index; nil when the index is damaged (the sidecar is then removed, to be rebuilt, and
  /// the caller folds the staff facts instead).
  func employees(on day: CalendarDay, knownAt: Int64, asRecorded: Bool) -> [EmployeeState]? {
    fromStaffingIndex { $0.employees(on: day, knownAt: knownAt, asRecorded: asRecorded) }
  }

  /// The cohort baseline in effect on `day` at known-at `knownAt`, from the staffing index;
  /// nil when the index is damaged (as for `employees(on:knownAt:asRecorded:)`).
  func baseline(on day: CalendarDay, knownAt: Int64, asRecorded: Bool) -> Baseline? {
    fromStaffingIndex { $0.baseline(on: day, knownAt: knownAt, asRecorded: asRecorded) }
  }

  /// The answer of `query` on the staffing index, or nil when the index is damaged: the index
  /// is then not read again and the sidecar is removed, to be rebuilt.
  private func fromStaffingIndex<Answer>(_ query: (StaffingIndex) -> Answer?) -> Answer? {
    let index = staffing.withLock { index -> StaffingIndex? in
      if let index { return index }
      let bytes = UnsafeRawBufferPointer(rebasing: file.bytes[sections[LedgerSection.staffing]])
      let read = StaffingIndex(file: file, bytes: bytes)
      index = .some(read)
      return read
    }
    if let index, let answer = query(index) { return answer }
    staffing.withLock { $0 = .some(nil) }
    // Removed only if it is still the damaged file, not a sound one renamed over it since.
    if file.isFile(at: sidecarPath) { unlink(sidecarPath) }
    return nil
  }

  /// The staff facts.
  func staffFacts() -> StaffFacts {
    if let cached = facts.withLock({ $0 }) { return cached }
    var decoded: StaffFacts?
    if let bytes = section(LedgerSection.facts),
      let stored = try? StoredFacts(file: file, bytes: bytes)
    {
      decoded = StaffFacts(stored)
    }
    let result = decoded ?? StaffFacts(replay().ownedStaffFacts)
    facts.withLock { $0 = result }
    return result
  }

  /// The ledger replayed from the log up to the sidecar's last record (for an owner whose
  /// part is damaged).
  func replayedLedger() -> Ledger { replay() }

  /// Every version of every type as entries in `seq` order, their events' data in the
  /// sidecar's mapping (returned with them); nil when a versions section is damaged.
  func versionEntries() -> ([VersionEntry], MappedFile)? {
    var entries: [VersionEntry] = []
    for typeIndex in 0..<UInt8(DomainEvent.payloadTypes.count) {
      guard let versions = decodeVersions(typeIndex) else { return nil }
      for version in versions {
        guard let range = version.storage.sidecarRange else { return nil }
        entries.append(
          VersionEntry(
            seq: version.seq, source: version.source,
            recordedMilliseconds: version.recordedMilliseconds, until: version.span.until,
            dataStart: Int64(range.lowerBound), dataCount: Int32(range.count),
            effective: Int32(version.effective.dayNumber),
            precision: Ledger.precisionCode(version.precision), typeIndex: version.typeIndex,
            patched: version.patched, original: version.span.original, inSidecar: true))
      }
    }
    // The two versions of a patch record share a `seq`; each is found by its type.
    entries.sort { $0.seq < $1.seq }
    return (entries, file)
  }

  /// The versions of the event type at `typeIndex`.
  func versions(ofType typeIndex: UInt8) -> [RecordVersion] {
    guard Int(typeIndex) < DomainEvent.payloadTypes.count else { return [] }
    if let cached = versionCache.withLock({ $0[Int(typeIndex)] }) { return cached }
    let result =
      decodeVersions(typeIndex)
      ?? replay().versions(ofType: typeIndex)
    versionCache.withLock { $0[Int(typeIndex)] = result }
    return result
  }

  private func decodeVersions(_ typeIndex: UInt8) -> [RecordVersion]? {
    let index = LedgerSection.versions(typeIndex)
    guard let bytes = section(index) else { return nil }
    let base = sections[index].lowerBound
    var reader = ByteReader(bytes)
    do {
      let count = try reader.count()
      guard count <= (reader.end - 8) / LedgerSection.versionEntrySize else { return nil }
      let dataStart = 8
      reader.offset = reader.end - count * LedgerSection.versionEntrySize
      let precisions = DatePrecision.allCases
      var versions: [RecordVersion] = []
      versions.reserveCapacity(count)
      for _ in 0..<count {
        let seq = try reader.int()
        let source = try reader.int()
        let recorded = try reader.int()
        let from = try reader.int()
        let until = try reader.int()
        let effective = try reader.int32()
        let precision = Int(try reader.byte())
        let patched = try reader.bool()
        let original = try reader.bool()
        let type = try reader.byte()
        let offset = try reader.int()
        let size = try reader.int()
        // Checked before any arithmetic, so no stored value can overflow or point outside.
        guard offset >= 0, size >= 0, offset <= Int64(bytes.count), size <= Int64(bytes.count)
        else { return nil }
        let start = dataStart + Int(offset)
        let length = Int(size)
        guard seq >= 1, seq <= lastSeq, precision < precisions.count,
          CalendarDay.isValid(dayNumber: Int(effective)), StoredInstants.isValid(recorded),
          Int(type) < DomainEvent.payloadTypes.count,
          start + length <= bytes.count - count * LedgerSection.versionEntrySize
        else { return nil }
        versions.append(
          RecordVersion(
            seq: seq, source: source, id: recordID(of: seq),
            effective: CalendarDay(dayNumber: Int(effective)),
            precision: precisions[precisions.index(precisions.startIndex, offsetBy: precision)],
            recordedMilliseconds: recorded, patched: patched,
            span: Span(from: from, until: until, original: original), typeIndex: type,
            storage: LazyEvent(
              typeIndex: type, place: .sidecar(file), range: base + start..<base + start + length)))
      }
      // Every event is decoded before the section is used: one that does not (a forged
      // sidecar; the checksum proves nothing against a forger) sends the type to the log.
      guard versions.allSatisfy({ $0.storage.checkedEvent() != nil }) else { return nil }
      return versions
    } catch {
      return nil
    }
  }

  /// The record id of `seq` (1 through `lastSeq`).
  func recordID(of seq: Int64) -> String {
    if let bytes = section(LedgerSection.ids), let id = Self.recordID(seq, in: bytes) {
      return id
    }
    return replay().recordID(of: seq)
  }

  private static func recordID(_ seq: Int64, in bytes: UnsafeRawBufferPointer) -> String? {
    guard bytes.count >= 8 else { return nil }
    let count = Int64(littleEndian: bytes.loadUnaligned(as: Int64.self))
    // Checked before any arithmetic, so no stored value can overflow or point outside.
    guard count >= 0, count <= Int64((bytes.count - 8) / 8), seq >= 1, seq <= count else {
      return nil
    }
    let dataStart = 8 + Int(count) * 8
    func end(_ index: Int) -> Int64 {
      index < 0
        ? 0
        : Int64(littleEndian: bytes.loadUnaligned(fromByteOffset: 8 + index * 8, as: Int64.self))
    }
    let first = end(Int(seq) - 2)
    let last = end(Int(seq) - 1)
    guard first >= 0, first <= last, last <= Int64(bytes.count - dataStart) else { return nil }
    let start = dataStart + Int(first)
    let stop = dataStart + Int(last)
    return String(decoding: UnsafeRawBufferPointer(rebasing: bytes[start..<stop]), as: UTF8.self)
  }

  /// Every record id, by `seq - 1`.
  func recordIDs() -> [String] {
    lastSeq == 0 ? [] : (1...lastSeq).map { recordID(of: $0) }
  }

  /// The correction maps.
  func corrections() -> (
    sourceOf: [Int64: Int64], standing: [Int64: Int64], patchedTypes: [Int64: UInt8]
  ) {
    if let bytes = section(LedgerSection.corrections) {
      var reader = ByteReader(bytes)
      do {
        var maps: [[Int64: Int64]] = []
        for _ in 0..<3 {
          var map: [Int64: Int64] = [:]
          for _ in 0..<(try reader.count()) { map[try reader.int()] = try reader.int() }
          maps.append(map)
        }
        if maps[2].values.allSatisfy({ $0 >= 0 && $0 < DomainEvent.payloadTypes.count }) {
          return (maps[0], maps[1], maps[2].mapValues { UInt8($0) })
        }
      } catch {}
    }
    let ledger = replay()
    return (ledger.sourceOf, ledger.standing, ledger.patchedTypes)
  }
}
