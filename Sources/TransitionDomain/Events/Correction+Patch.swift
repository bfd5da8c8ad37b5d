import CanonicalJSON

extension Correction {
  /// Why a field patch does not apply to a record's data.
  public struct PatchError: Error, Equatable, Sendable {
    /// The field path of the change.
    public let field: String
    /// What is wrong, such as `is not in the record` or `holds "BEV", not "VLS"`.
    public let problem: String
  }

  /// The record data `data` with `changes` applied in order (the "as corrected" data of a patch).
  ///
  /// A path is member names joined by `.`; `name[KEY]` picks the element of array `name` whose
  /// `line` or `employee` member is `KEY`. Each change's `before` must equal the current string.
  public static func patch(_ data: JSONObject, with changes: [FieldChange]) throws(PatchError)
    -> JSONObject
  {
    var result = data
    for change in changes {
      let segments = change.field.split(separator: ".").map(String.init)
      guard !segments.isEmpty else { throw PatchError(field: change.field, problem: "is empty") }
      result = try patch(result, segments[...], change)
    }
    return result
  }

  private static func patch(_ object: JSONObject, _ path: ArraySlice<String>, _ change: FieldChange)
    throws(PatchError) -> JSONObject
  {
    guard let segment = path.first else { return object }
    var name = segment
    var selector: String?
    if let open = segment.firstIndex(of: "["), segment.hasSuffix("]") {
      name = String(segment[..<open])
      selector = String(
        segment[segment.index(after: open)..<segment.index(before: segment.endIndex)])
    }
    guard let value = object[name] else {
      throw PatchError(field: change.field, problem: "is not in the record")
    }
    let newValue: JSONValue
    if let selector {
      guard case .array(var elements) = value,
        let index = elements.firstIndex(where: {
          $0.objectValue?["line"]?.stringValue == selector
            || $0.objectValue?["employee"]?.stringValue == selector
        }), let element = elements[index].objectValue
      else { throw PatchError(field: change.field, problem: "is not in the record") }
      elements[index] = .object(try patch(element, path.dropFirst(), change))
      newValue = .array(elements)
    } else if path.count == 1 {
      guard case .string(let current) = value else {
        throw PatchError(field: change.field, problem: "is not a text field")
      }
      guard current == change.before else {
        throw PatchError(
          field: change.field, problem: "holds \"\(current)\", not \"\(change.before)\"")
      }
      newValue = .string(change.after)
    } else {
      guard case .object(let inner) = value else {
        throw PatchError(field: change.field, problem: "is not in the record")
      }
      newValue = .object(try patch(inner, path.dropFirst(), change))
    }
    return JSONObject(object.members.map { ($0.key, $0.key == name ? newValue : $0.value) })
  }
}
