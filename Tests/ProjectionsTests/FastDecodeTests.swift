import CanonicalJSON
import EventLog
import Foundation
import Testing
import TransitionDomain

@testable import Projections

/// The fast paths of the replay (`StaffRecordDecoder`, `ByteDecoder`) give exactly what the
/// Codable path gives, and give up (leaving the error to the Codable path) on anything else.
@Suite("Fast record decoding")
struct FastDecodeTests {
  /// Every record of `path`: the fast facts equal the facts of the decoded event, and the fast
  /// event equals the decoded event.
  private func checkEveryRecord(of path: String) throws -> (staff: Int, events: Int) {
    var staff = 0
    var events = 0
    try LogReader(path: path).forEachRecord { raw in
      let slow = try RecordCodec.domainRecord(raw)
      if let (facts, typeIndex) = StaffRecordDecoder.facts(raw) {
        staff += 1
        #expect(DomainEvent.payloadTypes[Int(typeIndex)].eventType == slow.eventType)
        let expected =
          StaffFact.facts(
            of: slow.event, seq: raw.seq, source: raw.seq, effective: slow.effective) ?? []
        #expect(facts == expected, "record \(raw.seq)")
      }
      if let fast = RecordCodec.fastDomainRecord(raw) {
        events += 1
        #expect(fast == slow, "record \(raw.seq)")
      }
    }
    return (staff, events)
  }

  @Test("the IJmond example log decodes the same either way")
  func exampleLog() throws {
    let counts = try checkEveryRecord(of: ExampleLogFixture.shippedPath)
    #expect(counts.staff > 0)
    #expect(counts.events > 0)
  }

  @Test("the synthetic W6 log decodes the same either way")
  func syntheticLog() throws {
    let path = ExampleLogFixture.temporaryDirectory() + "/w6.log"
    let writer = try LogWriter.create(path: path, name: "w6", options: LogWriter.Options())
    var batch: [RecordDraft] = []
    for step in SyntheticTransition(count: 3_000) {
      batch.append(RecordCodec.draft(step.pending, by: SyntheticTransition.actor))
    }
    try writer.append(batch)
    let counts = try checkEveryRecord(of: path)
    #expect(counts.staff > 1_000)
    #expect(counts.events > 2_000)
  }

  /// The fast paths on one hand-made `data` object of `type`.
  private func fast(_ type: String, _ data: String) -> (facts: Bool, event: Bool) {
    let path = ExampleLogFixture.temporaryDirectory() + "/one.log"
    var result = (facts: false, event: false)
    do {
      let writer = try LogWriter.create(path: path, name: "one", options: LogWriter.Options())
      let object = try JSONParser.parse(Array(data.utf8), profile: .canonical).objectValue
      try writer.append([
        RecordDraft(
          id: "R-1", effective: LogDay(daysSinceEpoch: 20_000), type: type, stream: "s", by: "t",
          corrects: nil, data: object ?? JSONObject())
      ])
      try LogReader(path: path).forEachRecord { raw in
        result.facts = StaffRecordDecoder.facts(raw) != nil
        result.event = RecordCodec.fastDomainRecord(raw) != nil
      }
    } catch {
      Issue.record("\(error) for \(type) \(data)")
    }
    return result
  }

  @Test("an unknown, missing, mistyped or non-canonical field takes the Codable path")
  func strict() {
    let good = #"{"employee":"E1","host":"G1"}"#
    #expect(fast("SecondmentEnded.v1", good) == (true, true))
    for data in [
      #"{"employee":"E1","host":"G1","extra":1}"#, #"{"employee":"E1"}"#,
      #"{"employee":"E1","host":7}"#, #"{"employee":"","host":"G1"}"#,
      #"{"employee":"E1","host":"G1","source":{"kind":"x"}}"#,
    ] {
      #expect(fast("SecondmentEnded.v1", data) == (false, false), "\(data)")
    }
    let reassigned =
      #"{"employee":"E1","employer":"G1","fromUnit":"a","toUnit":"b","fte":"0.5000","reason":"r"}"#
    #expect(fast("StaffReassigned.v1", reassigned) == (true, true))
    for fte in ["0.5", "00.5000", "0.50000", "-0.5000", "0,5000"] {
      let data = reassigned.replacingOccurrences(of: "0.5000", with: fte)
      #expect(fast("StaffReassigned.v1", data) == (false, false), "\(fte)")
    }
  }
}
