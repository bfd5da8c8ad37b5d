import EventLog
import TransitionDomain

/// What a forger who can write a sidecar does, and a spread of queries to ask of one: for the
/// fuzz target (`TRANSITION_FUZZ_MODE=sidecar`) and the tests, which check that no content of
/// `<log>.projections`, however forged, stops the process (issue 15, item 3).
///
/// The sidecar's checksums catch damage, not forgery: anyone who can write the file can
/// recompute them. So the reader must check every stored count and offset itself, and fall
/// back to the log wherever one does not hold.
public enum SidecarForgery {
  /// Recomputes every checksum of a sidecar's bytes, as a forger would.
  ///
  /// Each section whose range lies inside the file gets its checksum, then the header its own
  /// (`ProjectionSidecar`'s layout). Bytes too short for a header are left as they are.
  public static func reseal(_ bytes: inout [UInt8]) {
    func int(_ offset: Int) -> Int64 {
      var value: UInt64 = 0
      for index in (0..<8).reversed() { value = value << 8 | UInt64(bytes[offset + index]) }
      return Int64(bitPattern: value)
    }
    func put(_ value: UInt64, at offset: Int) {
      for index in 0..<8 { bytes[offset + index] = UInt8(truncatingIfNeeded: value >> (8 * index)) }
    }
    guard bytes.count >= 104 else { return }
    let sections = int(88)
    guard sections >= 0, sections <= Int64((bytes.count - 104) / 24) else { return }
    for index in 0..<Int(sections) {
      let entry = 96 + index * 24
      let offset = int(entry)
      let length = int(entry + 8)
      guard offset >= 0, length >= 0, offset <= Int64(bytes.count) - length else { continue }
      let range = Int(offset)..<Int(offset + length)
      let checksum = bytes.withUnsafeBytes {
        Checksum64.of(UnsafeRawBufferPointer(rebasing: $0[range]))
      }
      put(checksum, at: entry + 16)
    }
    let headerEnd = 96 + Int(sections) * 24
    let checksum = bytes.withUnsafeBytes {
      Checksum64.of(UnsafeRawBufferPointer(rebasing: $0[0..<headerEnd]))
    }
    put(checksum, at: headerEnd)
  }

  /// One question to ask of a projector.
  public enum Question: Sendable {
    case view(ViewName, ViewQuery)
    case audit(ViewQuery)
    case history(String, ViewQuery)
  }

  /// Every view and the audit on two days, as known now and at half the log (`lastSeq`), in
  /// both correction modes, and the history of each of `subjects`.
  public static func questions(lastSeq: Int64, subjects: [String]) -> [Question] {
    var questions: [Question] = []
    for known in [KnownAt.everything, .seq(lastSeq / 2)] {
      for asRecorded in [false, true] {
        for day in [CalendarDay(2026, 9, 1), CalendarDay(2027, 12, 31)] {
          let query = ViewQuery(validAt: day, knownAt: known, asRecorded: asRecorded)
          questions += ViewName.allCases.map { .view($0, query) } + [.audit(query)]
        }
      }
    }
    let query = ViewQuery(validAt: CalendarDay(2027, 12, 31))
    return questions + subjects.map { .history($0, query) }
  }

  /// The answer of `projector` to `question`: the digest of the table (the findings' text
  /// for the audit), or the error's description.
  public static func answer(_ projector: TransitionProjector, _ question: Question) -> String {
    do {
      switch question {
      case .view(let view, let query): return try projector.digest(view, query: query)
      case .audit(let query):
        return try projector.audit(query: query).map(\.description).joined(separator: "\n")
      case .history(let subject, let query):
        return try projector.history(of: subject, query: query).digest
      }
    } catch {
      return "error: \(error)"
    }
  }

  /// The answers of `projector` to all `questions(lastSeq:subjects:)`.
  public static func answers(_ projector: TransitionProjector, subjects: [String]) -> [String] {
    questions(lastSeq: projector.ledger.lastSeq, subjects: subjects).map {
      answer(projector, $0)
    }
  }
}
