import Foundation
import Testing
import TransitionDomain

@testable import TransitionCLI
@testable import TransitionGenerate

/// The compiled field catalogue equals the `///` docs of the domain's event structs.
///
/// The catalogue is generated (`swift run transition-generate field-catalogue`); this test reads
/// the docs again and fails when the compiled catalogue differs, so `record KIND --help` stays
/// truthful. CI also checks the committed file byte for byte (`transition-generate --check`).
@Suite("record --help: the field catalogue matches the domain's event structs")
struct FieldCatalogueTests {
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()

  @Test("every event struct and every nested struct, field by field, with its docs")
  func catalogueMatchesSources() throws {
    let parsed = try FieldCatalogueSource.parse(root: Self.root)
    let compiled = FieldCatalogue.structures
    #expect(parsed.count == compiled.count, "regenerate: swift run transition-generate")
    for (expected, actual) in zip(parsed, compiled) {
      #expect(expected.name == actual.name && expected.eventType == actual.eventType)
      #expect(expected.doc == actual.doc, "regenerate: swift run transition-generate")
      #expect(
        expected.fields.map { [$0.name, $0.type, $0.doc] }
          == actual.fields.map { [$0.name, $0.type, $0.doc] },
        "\(expected.name): regenerate: swift run transition-generate")
    }
    let eventTypes = Set(DomainEvent.payloadTypesByName.keys)
    #expect(Set(parsed.compactMap(\.eventType)) == eventTypes)
  }

  @Test("the parser reads a struct's event type, documented fields and summary, and skips the rest")
  func parserReadsOneStruct() {
    let source = """
      /// A thing happened.
      ///
      /// Longer text that is not the summary.
      public struct ThingHappened: EventPayload {
        public static let eventType = "ThingHappened.v1"
        /// The thing's id, such
        /// as `T1`.
        public let thing: String
        public var stream: String { "thing/\\(thing)" }
        /// Optional note.
        public var note: String?
      }
      """
    let parsed = FieldCatalogueSource.parse(source)
    #expect(
      parsed == [
        .init(
          name: "ThingHappened", eventType: "ThingHappened.v1", doc: "A thing happened.",
          fields: [
            .init(name: "thing", type: "String", doc: "The thing's id, such as `T1`."),
            .init(name: "note", type: "String?", doc: "Optional note."),
          ])
      ])
  }
}
