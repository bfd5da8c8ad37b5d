import Foundation

/// The CLI's field help, read from the `///` docs of the domain's event structs, and the Swift
/// source of `Tools/TransitionCLI/Record/FieldCatalogue+Data.swift` made from it.
///
/// The parser knows the shape our event files are written in: `public struct Name` at the start
/// of a line, `public static let eventType = "…"`, and documented `public let`/`public var`
/// stored properties two spaces in, each ending the struct at a `}` alone on a line.
enum FieldCatalogueSource {
  /// One documented struct of the domain's events.
  struct Structure: Equatable {
    /// The struct's name, such as `StaffTransferred`.
    let name: String
    /// Its stored type name with version, for event structs; nil for nested structs.
    let eventType: String?
    /// The first paragraph of its doc comment.
    let doc: String
    /// Its documented stored properties, in declaration order.
    let fields: [Field]
  }

  /// One stored property: its name, its declared type and the first paragraph of its docs.
  struct Field: Equatable {
    let name: String
    let type: String
    let doc: String
  }

  /// The source files whose structs the catalogue describes, relative to the package root, in
  /// the catalogue's order; every other file of the events folder follows, by name, so a new
  /// events file is described without being listed here.
  static let listedSources = [
    "Sources/TransitionDomain/Events/ArrangementEvents.swift",
    "Sources/TransitionDomain/Events/DecisionEvents.swift",
    "Sources/TransitionDomain/Events/DeliberationEvents.swift",
    "Sources/TransitionDomain/Events/MoneyEvents.swift",
    "Sources/TransitionDomain/Events/ParticipationEvents.swift",
    "Sources/TransitionDomain/Events/PartyEvents.swift",
    "Sources/TransitionDomain/Events/PlanningEvents.swift",
    "Sources/TransitionDomain/Events/StaffEvents.swift",
    "Sources/TransitionDomain/Events/StaffPlacementEvents.swift",
    "Sources/TransitionDomain/Events/EventPayload.swift",
    "Sources/TransitionDomain/Values/CostSharingKey.swift",
    "Sources/TransitionDomain/Events/FundEvents.swift",
    "Sources/TransitionDomain/Events/WorksCouncilEvents.swift",
    "Sources/TransitionDomain/Events/ContractEvents.swift",
  ]

  /// The events folder, relative to the package root.
  static let eventsFolder = "Sources/TransitionDomain/Events"

  /// `listedSources`, then the other Swift files of the events folder by name.
  static func sources(root: URL) throws -> [String] {
    let names = try FileManager.default.contentsOfDirectory(
      atPath: root.appendingPathComponent(eventsFolder).path)
    let others = names.filter { $0.hasSuffix(".swift") }.sorted()
      .map { eventsFolder + "/" + $0 }.filter { !listedSources.contains($0) }
    return listedSources + others
  }

  /// The generated file, relative to the package root.
  static let output = "Tools/TransitionCLI/Record/FieldCatalogue+Data.swift"

  /// Reads every public struct of `sources` under `root` with its documented stored properties.
  static func parse(root: URL) throws -> [Structure] {
    var structures: [Structure] = []
    for source in try sources(root: root) {
      let text = try String(contentsOf: root.appendingPathComponent(source), encoding: .utf8)
      structures += parse(text)
    }
    return structures.filter { !$0.fields.isEmpty }
  }

  /// The documented structs of one source file, in order.
  static func parse(_ text: String) -> [Structure] {
    var structures: [Structure] = []
    var docs: [String] = []
    var current: (name: String, doc: String, eventType: String?, fields: [Field])?
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
        structures.append(
          Structure(
            name: finished.name, eventType: finished.eventType, doc: finished.doc,
            fields: finished.fields))
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
        current?.fields.append(Field(name: name, type: type, doc: summary(docs)))
      }
    }
    return structures
  }

  /// The doc comment as one paragraph: its lines up to the first blank one.
  static func summary(_ docs: [String]) -> String {
    docs.prefix { !$0.isEmpty }.joined(separator: " ")
  }

  /// The Swift source of the catalogue, before `swift format`.
  static func swiftSource(_ structures: [Structure]) -> String {
    var out = """
      // Generated by `swift run transition-generate field-catalogue` from the `///` docs of the
      // domain's event structs (Tools/TransitionGenerate). Do not edit: regenerate instead;
      // CI fails when this file differs from a fresh generation.

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

  /// A string literal, cut at spaces into pieces of at most 60 characters joined with `+`.
  private static func literal(_ text: String) -> String {
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
}
