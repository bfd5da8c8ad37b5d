import Foundation
import Testing

@testable import TransitionCLI

/// The CLI's field help is read from the `///` docs of the domain's event structs; this test
/// reads them again and fails when the two differ, so `record KIND --help` stays truthful.
///
/// To regenerate after a domain change:
/// `REGENERATE_FIELD_CATALOGUE=1 swift test --filter FieldCatalogueTests`, then `swift format`.
@Suite("record --help: the field catalogue matches the domain's event structs")
struct FieldCatalogueTests {
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent().deletingLastPathComponent()

  /// The source files whose structs the catalogue describes.
  static let sources = [
    "Sources/TransitionDomain/Events/ArrangementEvents.swift",
    "Sources/TransitionDomain/Events/DecisionEvents.swift",
    "Sources/TransitionDomain/Events/DeliberationEvents.swift",
    "Sources/TransitionDomain/Events/MoneyEvents.swift",
    "Sources/TransitionDomain/Events/ParticipationEvents.swift",
    "Sources/TransitionDomain/Events/PartyEvents.swift",
    "Sources/TransitionDomain/Events/PlanningEvents.swift",
    "Sources/TransitionDomain/Events/StaffEvents.swift",
    "Sources/TransitionDomain/Events/StaffPlacementEvents.swift",
    "Sources/TransitionDomain/Events/TransitionEvents.swift",
    "Sources/TransitionDomain/Events/DecisionEventsV2.swift",
    "Sources/TransitionDomain/Events/EventPayload.swift",
    "Sources/TransitionDomain/Values/CostSharingKey.swift",
  ]

  /// Reads every public struct with its documented stored properties.
  static func parse() throws -> [FieldCatalogue.Structure] {
    var structures: [FieldCatalogue.Structure] = []
    for source in sources {
      let text = try String(contentsOf: root.appendingPathComponent(source), encoding: .utf8)
      var docs: [String] = []
      var current: (name: String, doc: String, eventType: String?, fields: [FieldCatalogue.Field])?
      for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
        let trimmed = line.trimmingCharacters(in: .whitespaces)
        if trimmed.hasPrefix("///") {
          docs.append(String(trimmed.dropFirst(3)).trimmingCharacters(in: .whitespaces))
          continue
        }
        defer { if !trimmed.hasPrefix("@") { docs = [] } }
        if line.hasPrefix("public struct ") {
          let name = line.dropFirst("public struct ".count).prefix { $0.isLetter || $0.isNumber }
          current = (String(name), summary(docs), nil, [])
        } else if line == "}", let finished = current {
          if finished.eventType != nil || line == "}" {
            structures.append(
              FieldCatalogue.Structure(
                name: finished.name, eventType: finished.eventType, doc: finished.doc,
                fields: finished.fields))
          }
          current = nil
        } else if current != nil, line.hasPrefix("  public static let eventType = \"") {
          current?.eventType = String(line.split(separator: "\"")[1])
        } else if current != nil,
          line.hasPrefix("  public let ") || line.hasPrefix("  public var "),
          !line.contains("{"), !line.contains("=")
        {
          let declaration = line.dropFirst("  public let ".count)
          guard let colon = declaration.firstIndex(of: ":") else { continue }
          let name = String(declaration[..<colon])
          let type = declaration[declaration.index(after: colon)...]
            .trimmingCharacters(in: .whitespaces)
          current?.fields.append(FieldCatalogue.Field(name, type, summary(docs)))
        }
      }
    }
    return structures.filter { !$0.fields.isEmpty }
  }

  /// The doc comment as one paragraph.
  static func summary(_ docs: [String]) -> String {
    docs.prefix { !$0.isEmpty }.joined(separator: " ")
  }

  @Test("every event struct and every nested struct, field by field, with its docs")
  func catalogueMatchesSources() throws {
    let parsed = try Self.parse()
    if ProcessInfo.processInfo.environment["REGENERATE_FIELD_CATALOGUE"] != nil {
      try Self.swiftSource(parsed).write(
        to: Self.root.appendingPathComponent(
          "Tools/TransitionCLI/Record/FieldCatalogue+Data.swift"),
        atomically: true, encoding: .utf8)
    }
    #expect(parsed.count == FieldCatalogue.structures.count)
    for (expected, actual) in zip(parsed, FieldCatalogue.structures) {
      #expect(expected == actual, "regenerate: see FieldCatalogueTests")
    }
    #expect(parsed.filter { $0.eventType != nil }.count == 55)
  }

  static func swiftSource(_ structures: [FieldCatalogue.Structure]) -> String {
    func literal(_ text: String) -> String {
      var pieces: [String] = []
      var rest = Substring(text)
      while rest.count > 60 {
        let cut = rest.prefix(60).lastIndex(of: " ") ?? rest.index(rest.startIndex, offsetBy: 60)
        let end = rest.index(after: cut)
        pieces.append(String(rest[..<end]))
        rest = rest[end...]
      }
      pieces.append(String(rest))
      return pieces.map {
        "\""
          + $0.replacingOccurrences(of: "\\", with: "\\\\")
          .replacingOccurrences(of: "\"", with: "\\\"") + "\""
      }.joined(separator: "\n + ")
    }
    var out = """
      // Generated by Tests/TransitionCLITests/FieldCatalogueTests.swift from the `///` docs of the
      // domain's event structs. Do not edit: regenerate with
      // REGENERATE_FIELD_CATALOGUE=1 swift test --filter FieldCatalogueTests

      extension FieldCatalogue {
        /// Every documented struct of the domain's events, in source order.
        static let structures: [Structure] = [

      """
    for structure in structures {
      out += "Structure(name: \(literal(structure.name)), eventType: "
      out += structure.eventType.map(literal) ?? "nil"
      out += ", doc: \(literal(structure.doc)), fields: [\n"
      for field in structure.fields {
        out += "Field(\(literal(field.name)), \(literal(field.type)), \(literal(field.doc))),\n"
      }
      out += "]),\n"
    }
    out += "]\n}\n"
    return out
  }
}
