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
    guard record.seq == lastSeq + 1 else {
      throw FoldError(seq: record.seq, problem: "it follows record \(lastSeq)")
    }
    guard let typeIndex = Self.typeIndexByName[record.eventType] else {
      throw FoldError(seq: record.seq, problem: "type \(record.eventType) is unknown")
    }
    lastSeq = record.seq
    recordedMilliseconds.append(record.recordedMilliseconds)
    recordIDs.append(record.id)
    typeIndices.append(typeIndex)
    var source = record.seq
    var effective = record.effective
    var precision = record.event.effectivePrecision
    var event = record.event
    var patched = false
    if let target = record.corrects {
      guard target >= 1, target < record.seq, let targetType = eventType(of: target) else {
        throw FoldError(seq: record.seq, problem: "it corrects unknown record \(target)")
      }
      let original = sourceOf[target] ?? target
      let current = standing[original] ?? original
      switch Correction.kind(of: record.eventType, correcting: targetType) {
      case .replacement:
        if current != 0 { close(version: current, at: record.seq) }
        standing[original] = record.seq
        sourceOf[record.seq] = original
        source = original
      case .retraction:
        if current != 0 { close(version: current, at: record.seq) }
        standing[original] = 0
      case .patch:
        addOwnVersion(record)
        guard current != 0, let standingVersion = version(seq: current),
          let correction = record.event.payload(as: DecisionCorrected.self),
          let data = try? Correction.patch(
            standingVersion.event.encodeData(), with: correction.changes),
          let patchedEvent = try? DomainEvent.decode(
            type: standingVersion.event.eventType, data: data)
        else { return }
        close(version: current, at: record.seq)
        standing[original] = record.seq
        sourceOf[record.seq] = original
        source = original
        effective = standingVersion.effective
        precision = standingVersion.precision
        event = patchedEvent
        patched = true
      case .compensation, nil:
        break
      }
    }
    if !patched,
      let facts = StaffFact.facts(
        of: event, seq: record.seq, source: source, effective: effective)
    {
      staffFacts.append(contentsOf: facts)
      return
    }
    versions.append(
      RecordVersion(
        seq: record.seq, source: source, id: record.id, effective: effective,
        precision: precision, recordedMilliseconds: record.recordedMilliseconds,
        patched: patched,
        span: Span(from: record.seq, until: .max, original: record.corrects == nil),
        event: event))
  }

  /// Keeps a patch record itself as a version (for history and lifecycles), as corrected only.
  private mutating func addOwnVersion(_ record: DomainRecord) {
    versions.append(
      RecordVersion(
        seq: record.seq, source: record.seq, id: record.id, effective: record.effective,
        precision: record.event.effectivePrecision,
        recordedMilliseconds: record.recordedMilliseconds, patched: false,
        span: Span(from: record.seq, until: .max, original: false), event: record.event))
  }

  /// The version made by record `seq`, if it made one (binary search; versions are in order).
  func version(seq: Int64) -> RecordVersion? {
    guard var index = Self.firstIndex(in: versions, seq: seq, key: \.seq) else { return nil }
    var found: RecordVersion?
    while index < versions.count, versions[index].seq == seq {
      found = versions[index]
      index += 1
    }
    return found
  }

  /// Ends every fact and version made by record `seq` at `until`.
  private mutating func close(version seq: Int64, at until: Int64) {
    if let first = Self.firstIndex(in: staffFacts, seq: seq, key: \.seq) {
      var index = first
      while index < staffFacts.count, staffFacts[index].seq == seq {
        if staffFacts[index].span.until == .max { staffFacts[index].span.until = until }
        index += 1
      }
    }
    if let first = Self.firstIndex(in: versions, seq: seq, key: \.seq) {
      var index = first
      while index < versions.count, versions[index].seq == seq {
        if versions[index].span.until == .max
          && versions[index].event.eventType
            != DecisionCorrected.eventType
        {
          versions[index].span.until = until
        }
        index += 1
      }
    }
  }

  /// The first index whose `seq` is at least `seq`, or nil when there is none.
  static func firstIndex<Element>(in elements: [Element], seq: Int64, key: KeyPath<Element, Int64>)
    -> Int?
  {
    var low = 0
    var high = elements.count
    while low < high {
      let middle = (low + high) / 2
      if elements[middle][keyPath: key] < seq { low = middle + 1 } else { high = middle }
    }
    return low < elements.count ? low : nil
  }
}
