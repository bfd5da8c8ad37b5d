import CanonicalJSON
import TransitionDomain

/// Builds a domain command's JSON from `--field value` flags.
///
/// A flag names a field of the command's event (`--employee E017`, or spelled with dashes:
/// `--contract-fte-after 0.8889`). Lists take the flag once per item or one JSON array;
/// structures take JSON literals (`--lines '[{"line":"T-B-01",…}]'`), parsed strictly. Lists
/// left out are empty and booleans left out are false; every other field the event needs must
/// be given, and the domain decides what is missing or wrong.
enum CommandBuilder {
  /// The flags every command takes besides its fields (the envelope and the tool's own).
  static let envelopeFlags = [
    "effective", "corrects", "correction-reason", "id", "source", "by", "input", "log", "json",
  ]

  /// The JSON object of command `name` from the flag/value pairs in `pairs`, in order.
  static func object(
    command name: String, pairs: [(flag: String, value: String)], usage: String
  ) throws(CommandFailure) -> JSONObject {
    guard let structure = FieldCatalogue.event(forCommand: name) else {
      throw unknownCommand(name)
    }
    var values: [String: [JSONValue]] = [:]
    var envelope = JSONObject()
    envelope.insert("command", .string(name))
    for (flag, value) in pairs {
      switch flag {
      case "effective":
        envelope.insert("effective", .string(value))
        continue
      case "corrects":
        guard let seq = Int64(value), seq >= 1 else {
          throw CommandFailure(
            status: .dataError,
            message: "--corrects \(value) is not a seq: give the number of the record corrected,"
              + " as `transition log` shows it.")
        }
        envelope.insert("corrects", .integer(seq))
        continue
      case "correction-reason", "correctionreason":
        envelope.insert("correctionReason", .string(value))
        continue
      case "id":
        envelope.insert("id", .string(value))
        continue
      case "source":
        envelope.insert("source", try source(value))
        continue
      default: break
      }
      guard let field = field(named: flag, in: structure) else {
        throw CommandFailure.usage(
          "\(name) has no field --\(flag). Its fields: "
            + structure.fields.map { "--" + $0.name }.joined(separator: " ")
            + ". Run `transition record LOG \(name) --help` for their meaning.",
          help: usage)
      }
      values[field.name, default: []].append(
        contentsOf: try convert(value, for: field, command: name))
    }
    guard envelope["effective"] != nil else {
      throw CommandFailure.usage(
        "Missing --effective: the day \(name) takes effect, or the period as precise as the"
          + " source: \(EffectiveDate.acceptedForms).", help: usage)
    }
    var fields = JSONObject()
    for field in structure.fields {
      guard let given = values[field.name] else { continue }
      if field.isList {
        fields.insert(field.name, .array(given))
      } else if given.count > 1 {
        throw CommandFailure.usage(
          "--\(field.name) was given \(given.count) times; it takes one value.", help: usage)
      } else if let first = given.first {
        fields.insert(field.name, first)
      }
    }
    var object = envelope
    for member in withDefaults(fields, structure: structure).members {
      object.insert(member.key, member.value)
    }
    return object
  }

  /// `object` with what `--help` calls optional filled in where it was left out.
  ///
  /// `object` holds the fields of `structure`, as a batch line or a JSON literal gives them. A
  /// list left out becomes empty and a Boolean false, inside nested structures too; other
  /// members are left as they are, for the domain to judge.
  static func withDefaults(_ object: JSONObject, structure: FieldCatalogue.Structure)
    -> JSONObject
  {
    var result = JSONObject()
    for member in object.members {
      guard let field = structure.fields.first(where: { $0.name == member.key }),
        let inner = FieldCatalogue.structure(named: field.elementType)
      else {
        result.insert(member.key, member.value)
        continue
      }
      switch member.value {
      case .object(let nested):
        result.insert(member.key, .object(withDefaults(nested, structure: inner)))
      case .array(let items):
        result.insert(
          member.key,
          .array(
            items.map {
              guard case .object(let nested) = $0 else { return $0 }
              return .object(withDefaults(nested, structure: inner))
            }))
      default:
        result.insert(member.key, member.value)
      }
    }
    for field in structure.fields where result[field.name] == nil && !field.isOptional {
      if field.isList {
        result.insert(field.name, .array([]))
      } else if field.baseType == "Bool" {
        result.insert(field.name, .bool(false))
      } else if field.baseType == "YesNoUnknown" {
        result.insert(field.name, .string(YesNoUnknown.no.rawValue))
      }
    }
    return result
  }

  /// The field a flag names: exactly, or ignoring case, dashes and underscores.
  static func field(named flag: String, in structure: FieldCatalogue.Structure)
    -> FieldCatalogue.Field?
  {
    let key = normalised(flag)
    return structure.fields.first { $0.name == flag }
      ?? structure.fields.first {
        normalised($0.name) == key
      }
  }

  private static func normalised(_ name: String) -> String {
    String(name.lowercased().filter { $0 != "-" && $0 != "_" })
  }

  /// The JSON values one flag contributes to `field`.
  static func convert(_ text: String, for field: FieldCatalogue.Field, command: String)
    throws(CommandFailure) -> [JSONValue]
  {
    let trimmed = text.trimmingCharacters(in: .whitespaces)
    if field.elementType == "YesNoUnknown", trimmed == "true" || trimmed == "false" {
      return [.string(trimmed == "true" ? "yes" : "no")]
    }
    if field.elementType == "Vote", !trimmed.hasPrefix("{") { return [vote(trimmed)] }
    if field.kind == .structure || (field.isList && trimmed.hasPrefix("[")) {
      let value = try json(text, flag: field.name)
      if field.isList, case .array(let items) = value { return items }
      return [value]
    }
    switch field.kind {
    case .integer:
      if field.elementType == "Money", let cents = money(trimmed) { return [.integer(cents)] }
      guard let number = Int64(trimmed) else {
        throw CommandFailure(
          status: .dataError,
          message: "\(command): --\(field.name) \(text) is not a whole number"
            + (field.elementType == "Money" ? " of cents (or euros with a point: 12.50)." : "."))
      }
      return [.integer(number)]
    case .boolean:
      guard trimmed == "true" || trimmed == "false" else {
        throw CommandFailure(
          status: .dataError, message: "\(command): --\(field.name) takes true or false.")
      }
      return [.bool(trimmed == "true")]
    case .text, .structure:
      return [.string(text)]
    }
  }

  /// `--vote unanimous`, `--vote 21-6` (in favour-against) or `21-6-2` (and abstained), or
  /// other words as recorded, as a `Vote` object.
  static func vote(_ text: String) -> JSONValue {
    if ["unanimous", "algemene stemmen", "met algemene stemmen"].contains(text.lowercased()) {
      return .object(["unanimous": .bool(true)])
    }
    let counts = text.split(separator: "-", omittingEmptySubsequences: false).map { Int64($0) }
    if counts.count == 2 || counts.count == 3, counts.allSatisfy({ ($0 ?? -1) >= 0 }) {
      var object: JSONObject = [
        "inFavour": .integer(counts[0] ?? 0), "against": .integer(counts[1] ?? 0),
      ]
      if counts.count == 3 { object.insert("abstained", .integer(counts[2] ?? 0)) }
      return .object(object)
    }
    return .object(["words": .string(text)])
  }

  /// Euros with a decimal point (`12.50`, `EUR 2,352,500.00`) as cents; nil for plain digits.
  private static func money(_ text: String) -> Int64? {
    var body = text
    if body.hasPrefix("EUR ") { body.removeFirst(4) }
    body.removeAll { $0 == "," }
    guard body.contains(".") else { return nil }
    return Money(parsingEuros: body)?.cents
  }

  /// A JSON literal given to `--flag`, parsed strictly.
  static func json(_ text: String, flag: String) throws(CommandFailure) -> JSONValue {
    do {
      return try JSONParser.parse(text, profile: .standard)
    } catch {
      throw CommandFailure(
        status: .dataError, message: "--\(flag) is not valid JSON: \(error).")
    }
  }

  /// `--source KIND:DETAIL` (such as `document:raadsbesluit 2026-03`) or a JSON object.
  private static func source(_ text: String) throws(CommandFailure) -> JSONValue {
    if text.hasPrefix("{") { return try json(text, flag: "source") }
    guard let colon = text.firstIndex(of: ":") else {
      throw CommandFailure(
        status: .dataError,
        message: "--source takes KIND:DETAIL, such as \"document:raadsvoorstel 2026-041\";"
          + " KIND is one of seed, document, illustrative, external, system.")
    }
    return .object([
      "kind": .string(String(text[..<colon])),
      "detail": .string(
        String(text[text.index(after: colon)...]).trimmingCharacters(
          in: .whitespaces)),
    ])
  }

  /// The message for a command name the domain does not know, with the nearest names.
  static func unknownCommand(_ name: String) -> CommandFailure {
    let lower = name.lowercased()
    let near = TransitionCommand.catalogue.map { $0.name }.filter {
      $0.lowercased().contains(lower) || lower.contains($0.lowercased())
    }
    return CommandFailure(
      status: .usage,
      message: "Unknown kind of record \"\(name)\"."
        + (near.isEmpty ? "" : " Did you mean \(near.joined(separator: " or "))?")
        + " Run `transition record --help` for every kind.")
  }

  /// `text` broken into lines of at most `width` columns.
  static func wrap(
    _ text: String, indent: String = "", continuation: String? = nil, width: Int = 96
  ) -> [String] {
    var lines: [String] = []
    var current = indent
    for word in text.split(separator: " ") {
      let prefix = lines.isEmpty ? indent : (continuation ?? indent)
      if current.count > prefix.count && current.count + 1 + word.count > width {
        lines.append(current)
        current = (continuation ?? indent) + word
      } else {
        current += (current.count > prefix.count ? " " : "") + word
      }
    }
    lines.append(current)
    return lines
  }

  /// The help of one command: what it records and every field with its meaning and format.
  static func help(command name: String) -> String? {
    guard let description = TransitionCommand.catalogue.first(where: { $0.name == name }),
      let structure = FieldCatalogue.event(forCommand: name)
    else { return nil }
    var lines = [
      "transition record LOG \(name) --effective DAY [fields…] [--by WHO] [--id ID]", "",
    ]
    lines += wrap("\(description.summary) Records \(description.eventType): \(structure.doc)")
    lines += ["", "Fields (flags; --contract-fte-after and --contractFTEAfter are the same):"]
    for field in structure.fields {
      lines.append("  --\(field.name)")
      lines += wrap(field.doc, indent: "      ")
      lines += wrap("(\(FieldCatalogue.format(of: field)))", indent: "      ")
    }
    let nested = Set(structure.fields.map { $0.elementType }).sorted().compactMap {
      FieldCatalogue.structure(named: $0)
    }
    for inner in nested {
      lines.append("")
      lines += wrap("A \(inner.name) object (\(inner.doc)) has the members:")
      for field in inner.fields {
        lines += wrap(
          "\"\(field.name)\": \(field.doc) (\(FieldCatalogue.format(of: field)))", indent: "  ",
          continuation: "      ")
      }
    }
    lines.append("")
    lines.append(
      """
      Every command also takes:
        --effective DATE      the day it takes effect (required), or as precise as the source
                              gives it: a month 2024-04 (april 2024), a quarter 2023-Q1, a half
                              year 2025-H2, a season voorjaar 2024 (March-May), zomer 2024
                              (June-August), najaar 2024 (September-November), winter
                              2020/2021 (December-February), a year 2013, about a month
                              2024-07~, a range "december 2020 - februari 2021" (or
                              "2020-12 - 2021-02", "A t/m B"), or on or before a day or period:
                              "uiterlijk 2026-07-01", "uiterlijk 2026" ("on or before …").
                              Views print it as given and never invent a day.
        --corrects SEQ        the record this corrects (with --correction-reason)
        --correction-reason TEXT
        --id ID               a record id of your own; retrying with the same id and content
                              appends nothing the second time
        --source KIND:DETAIL  provenance: seed, document, illustrative, external or system
        --by WHO              who records (or set TRANSITION_BY)
      """)
    let example = RecordExamples.example(for: name)
    let invented = RecordExamples.invented[name]
    if example != nil || invented == nil {
      lines.append(
        RecordExamples.written[name] == nil
          ? "Example (the first \(name) of the IJmond example log):"
          : "Example (an invented transition; the IJmond example log has none of this kind):")
      lines.append(
        "  "
          + (example
            ?? "transition record t.log \(name) --effective 2026-07-01 --by projectbureau …"))
    }
    if let invented {
      lines.append("Example of the fields of \(description.eventType) (an invented transition):")
      lines.append("  " + invented)
    }
    return lines.joined(separator: "\n")
  }
}
