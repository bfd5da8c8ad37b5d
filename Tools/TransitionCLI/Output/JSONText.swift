import CanonicalJSON

/// JSON text for people and programs: strings escaped, objects in their member order.
enum JSONText {
  /// `value` on one line, canonical (no spaces).
  static func compact(_ value: JSONValue) -> String {
    String(decoding: CanonicalJSON.encode(value), as: UTF8.self)
  }

  /// `value` indented by two spaces per level.
  static func pretty(_ value: JSONValue, indent: String = "") -> String {
    let inner = indent + "  "
    switch value {
    case .array(let items):
      if items.isEmpty { return "[]" }
      if items.allSatisfy({ !$0.isContainer }) && compact(value).count <= 80 {
        return compact(value)
      }
      return "[\n" + items.map { inner + pretty($0, indent: inner) }.joined(separator: ",\n")
        + "\n" + indent + "]"
    case .object(let object):
      if object.members.isEmpty { return "{}" }
      return "{\n"
        + object.members.map {
          inner + compact(.string($0.key)) + ": " + pretty($0.value, indent: inner)
        }.joined(separator: ",\n") + "\n" + indent + "}"
    default:
      return compact(value)
    }
  }

  /// An array of objects keyed by `columns`, with text cells.
  static func table(columns: [String], rows: [[String]]) -> JSONValue {
    .array(
      rows.map { row in
        .object(JSONObject(zip(columns, row).map { ($0, JSONValue.string($1)) }))
      })
  }
}

extension JSONValue {
  /// Whether it is an array or an object.
  var isContainer: Bool {
    switch self {
    case .array, .object: return true
    default: return false
    }
  }
}
