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
    let eventType = DomainEvent.payloadTypes[Int(typeIndex)].eventType
    lastSeq = seq
    recordedMilliseconds.append(recorded)
    ownedRecordIDs.append(id)
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
        RecordVersion(
          seq: seq, source: source, id: id, effective: effective,
          precision: patchedPrecision ?? record.event.effectivePrecision,
          recordedMilliseconds: recorded, patched: patched,
          span: Span(from: seq, until: .max, original: corrects == nil), typeIndex: versionType,
          storage: kept(event, typeIndex: versionType, data: patched ? nil : data)),
        typeIndex: versionType)
    }
  }

  /// Appends a version to those of its event's type.
  mutating func appendVersion(_ version: RecordVersion, typeIndex: UInt8) {
    let count = DomainEvent.payloadTypes.count
    if ownedVersions.count < count {
      ownedVersions += Array(repeating: [], count: count - ownedVersions.count)
    }
    ownedVersions[Int(typeIndex)].append(version)
  }

  private static let decisionCorrectedIndex = typeIndexByName[DecisionCorrected.eventType]

  /// The index of a stored type name in `DomainEvent.payloadTypes`.
  static func typeIndex(of eventType: String) -> UInt8? { typeIndexByName[eventType] }

  /// Keeps a patch record itself as a version (for history and lifecycles), as corrected only.
  private mutating func addOwnVersion(_ record: DomainRecord) {
    let typeIndex = Self.typeIndexByName[record.eventType] ?? 0
    appendVersion(
      RecordVersion(
        seq: record.seq, source: record.seq, id: record.id, effective: record.effective,
        precision: record.event.effectivePrecision,
        recordedMilliseconds: record.recordedMilliseconds, patched: false,
        span: Span(from: record.seq, until: .max, original: false), typeIndex: typeIndex,
        storage: kept(record.event, typeIndex: typeIndex)),
      typeIndex: typeIndex)
  }

  /// How a version keeps its event: in the spill file when the ledger has one (a replay of a
  /// log: the line's own `data` bytes when given, which decode to `event`), decoded otherwise.
  private func kept(_ event: DomainEvent, typeIndex: UInt8, data: UnsafeRawBufferPointer? = nil)
    -> LazyEvent
  {
    guard let spill else { return LazyEvent(event) }
    return LazyEvent(event, typeIndex: typeIndex, spill: spill, data: data)
  }

  /// The event types under which record `seq` made versions: a patch's patched version, or
  /// the record's own type.
  private func versionTypes(of seq: Int64) -> UInt8? {
    guard seq >= 1, seq <= lastSeq else { return nil }
    return patchedTypes[seq] ?? typeIndices[Int(seq - 1)]
  }

  /// The version made by record `seq`, if it made one (for a patch, the patched version;
  /// binary search, since each type's versions are in `seq` order).
  func version(seq: Int64) -> RecordVersion? {
    guard let type = versionTypes(of: seq), Int(type) < ownedVersions.count else { return nil }
    let versions = ownedVersions[Int(type)]
    guard let index = Self.firstIndex(in: versions, seq: seq, key: \.seq),
      versions[index].seq == seq
    else { return nil }
    return versions[index]
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
    guard let type = versionTypes(of: seq), type != Self.decisionCorrectedIndex,
      Int(type) < ownedVersions.count
    else { return }
    if let first = Self.firstIndex(in: ownedVersions[Int(type)], seq: seq, key: \.seq) {
      var index = first
      while index < ownedVersions[Int(type)].count, ownedVersions[Int(type)][index].seq == seq {
        if ownedVersions[Int(type)][index].span.until == .max {
          ownedVersions[Int(type)][index].span.until = until
        }
        index += 1
      }
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
