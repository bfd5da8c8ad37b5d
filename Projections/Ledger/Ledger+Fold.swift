import CanonicalJSON
import TransitionDomain

extension Ledger {
  /// Why a record cannot be folded: the log itself is inconsistent.
  public struct FoldError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The record that could not be folded.
    public let seq: Int64
    /// What is wrong.
    public let problem: String

    public var description: String {
      "Record \(seq) cannot be folded: \(problem). Run `transition verify` on the log."
    }
  }

  private static let typeIndexByName: [String: UInt8] = {
    var indices: [String: UInt8] = [:]
    for (index, type) in DomainEvent.payloadTypes.enumerated() {
      indices[type.eventType] = UInt8(index)
    }
    return indices
  }()

  /// Folds the next record of the log (see the numbered rules at the top of `Ledger.swift`).
  public mutating func fold(_ record: DomainRecord) throws(FoldError) {
    try fold(record, data: nil)
  }

  /// Folds the next record; `data` is the canonical `data` of its log line, when at hand, which
  /// a spilling ledger keeps instead of encoding the event again.
  mutating func fold(_ record: DomainRecord, data: UnsafeRawBufferPointer?) throws(FoldError) {
    guard let typeIndex = Self.typeIndexByName[record.eventType] else {
      guard record.seq == lastSeq + 1 else {
        throw FoldError(seq: record.seq, problem: "it follows record \(lastSeq)")
      }
      throw FoldError(seq: record.seq, problem: "type \(record.eventType) is unknown")
    }
    try fold(
      seq: record.seq, id: record.id, recordedMilliseconds: record.recordedMilliseconds,
      effective: record.effective, typeIndex: typeIndex, corrects: record.corrects,
      content: .record(record, data: data))
  }

  /// What a record brings to the fold: its decoded record, or the staff facts read straight
  /// from its bytes (`StaffRecordDecoder`, with `source` still equal to `seq`).
  enum FoldContent {
    case record(DomainRecord, data: UnsafeRawBufferPointer?)
    case staffFacts([StaffFact])
  }

  /// Folds the next record, given its envelope and content.
  mutating func fold(
    seq: Int64, id: String, recordedMilliseconds recorded: Int64, effective: CalendarDay,
    typeIndex: UInt8, corrects: Int64?, content: FoldContent
  ) throws(FoldError) {
    guard seq == lastSeq + 1 else {
      throw FoldError(seq: seq, problem: "it follows record \(lastSeq)")
    }
    if stored != nil { own() }
    if materialized.isUsed { materialized = MaterializedVersions() }
    let eventType = DomainEvent.payloadTypes[Int(typeIndex)].eventType
    lastSeq = seq
    recordedMilliseconds.append(recorded)
    ownedRecordIDs.append(RecordIDSlot(id, spill: spill))
    typeIndices.append(typeIndex)
    var source = seq
    var effective = effective
    var patched = false
    var patchedEvent: DomainEvent?
    var patchedPrecision: DatePrecision?
    if let target = corrects {
      guard target >= 1, target < seq, let targetType = self.eventType(of: target) else {
        throw FoldError(seq: seq, problem: "it corrects unknown record \(target)")
      }
      let original = sourceOf[target] ?? target
      let current = standing[original] ?? original
      switch Correction.kind(of: eventType, correcting: targetType) {
      case .replacement:
        if current != 0 { close(version: current, at: seq) }
        standing[original] = seq
        sourceOf[seq] = original
        source = original
      case .retraction:
        if current != 0 { close(version: current, at: seq) }
        standing[original] = 0
      case .patch:
        guard case .record(let record, _) = content else { return }
        addOwnVersion(record)
        guard current != 0, let standingVersion = version(seq: current),
          let correction = record.event.payload(as: DecisionCorrected.self),
          let data = try? Correction.patch(
            standingVersion.event.encodeData(), with: correction.changes),
          let event = try? DomainEvent.decode(
            type: standingVersion.event.eventType, data: data)
        else { return }
        close(version: current, at: seq)
        standing[original] = seq
        sourceOf[seq] = original
        patchedTypes[seq] = Self.typeIndexByName[event.eventType] ?? typeIndex
        source = original
        effective = standingVersion.effective
        patchedPrecision = standingVersion.precision
        patchedEvent = event
        patched = true
      case .compensation, nil:
        break
      }
    }
    switch content {
    case .staffFacts(var facts):
      if source != seq {
        let span = Span(from: seq, until: .max, original: false)
        for index in facts.indices {
          facts[index].source = source
          facts[index].span = span
        }
      }
      ownedStaffFacts.append(contentsOf: facts)
    case .record(let record, let data):
      let event = patchedEvent ?? record.event
      if !patched,
        let facts = StaffFact.facts(of: event, seq: seq, source: source, effective: effective)
      {
        ownedStaffFacts.append(contentsOf: facts)
        return
      }
      let versionType = patched ? Self.typeIndexByName[event.eventType] ?? typeIndex : typeIndex
      appendVersion(
        seq: seq, source: source, recorded: recorded, effective: effective,
        precision: patchedPrecision ?? record.event.effectivePrecision, patched: patched,
        original: corrects == nil, typeIndex: versionType,
        event: event, data: patched ? nil : data)
    }
  }

  /// Appends a version (its numbers to `ownedVersions`, its event's canonical data to the
  /// spill file: `data`, the log line's `data` member, which decodes to `event`, or else the
  /// event encoded again).
  private mutating func appendVersion(
    seq: Int64, source: Int64, recorded: Int64, effective: CalendarDay, precision: DatePrecision,
    patched: Bool, original: Bool, typeIndex: UInt8, event: DomainEvent,
    data: UnsafeRawBufferPointer?
  ) {
    let range = spill.append(
      data.map { Array($0) } ?? CanonicalJSON.encode(.object(event.encodeData())))
    ownedVersions.append(
      VersionEntry(
        seq: seq, source: source, recordedMilliseconds: recorded, until: .max,
        dataStart: Int64(range.lowerBound), dataCount: Int32(range.count),
        effective: Int32(effective.dayNumber), precision: Self.precisionCode(precision),
        typeIndex: typeIndex, patched: patched, original: original, inSidecar: false))
  }

  private static let decisionCorrectedIndex = typeIndexByName[DecisionCorrected.eventType]

  /// The index of a stored type name in `DomainEvent.payloadTypes`.
  static func typeIndex(of eventType: String) -> UInt8? { typeIndexByName[eventType] }

  /// Keeps a patch record itself as a version (for history and lifecycles), as corrected only.
  private mutating func addOwnVersion(_ record: DomainRecord) {
    appendVersion(
      seq: record.seq, source: record.seq, recorded: record.recordedMilliseconds,
      effective: record.effective, precision: record.event.effectivePrecision, patched: false,
      original: false, typeIndex: Self.typeIndexByName[record.eventType] ?? 0,
      event: record.event, data: nil)
  }

  /// The event types under which record `seq` made versions: a patch's patched version, or
  /// the record's own type.
  private func versionTypes(of seq: Int64) -> UInt8? {
    guard seq >= 1, seq <= lastSeq else { return nil }
    return patchedTypes[seq] ?? typeIndices[Int(seq - 1)]
  }

  /// The version made by record `seq`, if it made one (for a patch, the patched version).
  func version(seq: Int64) -> RecordVersion? {
    guard let type = versionTypes(of: seq) else { return nil }
    return positions(seq: seq, type: type).first.map { recordVersion(ownedVersions[$0]) }
  }

  /// The positions in `ownedVersions` of the versions record `seq` made of event type `type`
  /// (binary search: the entries are in `seq` order).
  private func positions(seq: Int64, type: UInt8) -> [Int] {
    guard let first = Self.firstIndex(in: ownedVersions, seq: seq, key: \.seq) else { return [] }
    var found: [Int] = []
    var index = first
    while index < ownedVersions.count, ownedVersions[index].seq == seq {
      if ownedVersions[index].typeIndex == type { found.append(index) }
      index += 1
    }
    return found
  }

  /// Ends every fact and version made by record `seq` at `until`.
  private mutating func close(version seq: Int64, at until: Int64) {
    if let first = Self.firstIndex(in: ownedStaffFacts, seq: seq, key: \.seq) {
      var index = first
      while index < ownedStaffFacts.count, ownedStaffFacts[index].seq == seq {
        ownedStaffFacts.modify(index) { fact in
          if fact.span.until == .max { fact.span.until = until }
        }
        index += 1
      }
    }
    // A patch record's own version (a `DecisionCorrected`) stays; its patched version closes.
    guard let type = versionTypes(of: seq), type != Self.decisionCorrectedIndex else { return }
    for index in positions(seq: seq, type: type) where ownedVersions[index].until == .max {
      ownedVersions.modify(index) { $0.until = until }
    }
  }

  /// The first index whose `seq` is at least `seq`, or nil when there is none.
  static func firstIndex<Elements: RandomAccessCollection<Element>, Element>(
    in elements: Elements, seq: Int64, key: KeyPath<Element, Int64>
  ) -> Int? where Elements.Index == Int {
    var low = 0
    var high = elements.count
    while low < high {
      let middle = (low + high) / 2
      if elements[middle][keyPath: key] < seq { low = middle + 1 } else { high = middle }
    }
    return low < elements.count ? low : nil
  }
}
