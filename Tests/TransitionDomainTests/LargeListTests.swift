import CanonicalJSON
import Testing

@testable import TransitionDomain

/// Issue 15, item 9: a list field is encoded in time linear in its length.
///
/// Encoding (and so checking and recording) copied the whole array at every element, so
/// 80,000 entries took about 50 s; 200,000 would take many minutes and hit the time limit.
@Suite("large list fields")
struct LargeListTests {
  @Test("a body with 200,000 organisations encodes whole and in order", .timeLimit(.minutes(1)))
  func largeList() throws {
    let count = 200_000
    let organisations = (0..<count).map { OrganisationID("ORG-\($0)") }
    let event = BodyRegistered(
      body: "RAAD-X", organisations: organisations, kind: .raad, name: "Raad")
    let json = JSONValueEncoder.encode(event)
    let list = json.objectValue?["organisations"]?.arrayValue
    #expect(list?.count == count)
    #expect(list?.first?.stringValue == "ORG-0")
    #expect(list?.last?.stringValue == "ORG-\(count - 1)")
  }
}
