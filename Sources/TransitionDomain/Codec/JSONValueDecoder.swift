import CanonicalJSON

/// Decodes a `Decodable` value from a `JSONValue`, strictly.
///
/// Refuses, with a message naming the field: a missing field, a field of the wrong JSON type,
/// a `null` (absent optional fields are omitted, never null), and any member the type does
/// not read (an unknown field). Field paths read like `lines[2].employee`.
enum JSONValueDecoder {
  /// Decodes `type` from `value`; the error message names the field involved.
  static func decode<T: Decodable>(_ type: T.Type, from value: JSONValue) throws(FieldError) -> T {
    let log = AccessLog()
    let decoded: T
    do {
      decoded = try T(from: TreeDecoder(value: value, codingPath: [], log: log))
    } catch let error as DecodingError {
      throw FieldError(error)
    } catch {
      throw FieldError(field: "", problem: "\(error)")
    }
    if let unknown = firstUnread(value, path: "", log: log) {
      throw FieldError(field: unknown, problem: "is not a field of this type")
    }
    return decoded
  }

  private static func firstUnread(_ value: JSONValue, path: String, log: AccessLog) -> String? {
    switch value {
    case .object(let object):
      for member in object.members {
        let memberPath = path.isEmpty ? member.key : path + "." + member.key
        guard log.read.contains(memberPath) else { return memberPath }
        if let inner = firstUnread(member.value, path: memberPath, log: log) { return inner }
      }
    case .array(let elements):
      for (index, element) in elements.enumerated() {
        if let inner = firstUnread(element, path: path + "[\(index)]", log: log) { return inner }
      }
    default: break
    }
    return nil
  }
}

/// A field that could not be decoded: its path and what was wrong with it.
public struct FieldError: Error, Equatable, Sendable, CustomStringConvertible {
  /// The field path, such as `lines[2].fte`; empty for the object itself.
  public let field: String
  /// What was wrong, such as `is missing`.
  public let problem: String

  /// A problem with `field`.
  public init(field: String, problem: String) {
    self.field = field
    self.problem = problem
  }

  init(_ error: DecodingError) {
    switch error {
    case .keyNotFound(let key, let context):
      self.init(field: fieldPath(context.codingPath + [key]), problem: "is missing")
    case .typeMismatch(let type, let context):
      self.init(
        field: fieldPath(context.codingPath), problem: "should be \(jsonTypeName(type))")
    case .valueNotFound(let type, let context):
      self.init(
        field: fieldPath(context.codingPath), problem: "should be \(jsonTypeName(type))")
    case .dataCorrupted(let context):
      self.init(
        field: fieldPath(context.codingPath),
        problem: AllowedValues.problem(decodingMessage: context.debugDescription)
          ?? context.debugDescription)
    @unknown default:
      self.init(field: "", problem: "\(error)")
    }
  }

  /// `field <path> <problem>`, or the problem alone for the object itself.
  public var description: String { field.isEmpty ? problem : "field '\(field)' \(problem)" }
}

func fieldPath(_ keys: [any CodingKey]) -> String {
  var path = ""
  for key in keys {
    if let index = key.intValue {
      path += "[\(index)]"
    } else {
      path += path.isEmpty ? key.stringValue : "." + key.stringValue
    }
  }
  return path
}

private func jsonTypeName(_ type: Any.Type) -> String {
  switch type {
  case is String.Type: "a string"
  case is Bool.Type: "true or false"
  case is Int.Type, is Int64.Type, is Int32.Type: "an integer"
  default: "an object or array of the documented form"
  }
}

private final class AccessLog {
  var read: Set<String> = []
}

private struct IndexKey: CodingKey {
  let intValue: Int?
  var stringValue: String { String(intValue ?? 0) }
  init(_ index: Int) { intValue = index }
  init?(stringValue: String) { return nil }
  init?(intValue: Int) { self.intValue = intValue }
}

private struct TreeDecoder: Decoder {
  let value: JSONValue
  let codingPath: [any CodingKey]
  let log: AccessLog
  var userInfo: [CodingUserInfoKey: Any] { [:] }

  func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
    guard case .object(let object) = value else {
      throw DecodingError.typeMismatch(
        JSONObject.self, .init(codingPath: codingPath, debugDescription: "expected an object"))
    }
    return KeyedDecodingContainer(
      KeyedReader<Key>(object: object, codingPath: codingPath, log: log))
  }

  func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
    guard case .array(let elements) = value else {
      throw DecodingError.typeMismatch(
        [JSONValue].self, .init(codingPath: codingPath, debugDescription: "expected an array"))
    }
    return UnkeyedReader(elements: elements, codingPath: codingPath, log: log)
  }

  func singleValueContainer() throws -> any SingleValueDecodingContainer {
    SingleReader(value: value, codingPath: codingPath, log: log)
  }
}

private func decodeValue<T: Decodable>(
  _ type: T.Type, from value: JSONValue, path: [any CodingKey], log: AccessLog
) throws -> T {
  func mismatch() -> DecodingError {
    DecodingError.typeMismatch(type, .init(codingPath: path, debugDescription: "wrong type"))
  }
  switch type {
  case is String.Type:
    guard case .string(let text) = value, let result = text as? T else { throw mismatch() }
    return result
  case is Bool.Type:
    guard case .bool(let flag) = value, let result = flag as? T else { throw mismatch() }
    return result
  case is Int64.Type:
    guard case .integer(let number) = value, let result = number as? T else { throw mismatch() }
    return result
  case is Int.Type:
    guard case .integer(let number) = value, let result = Int(number) as? T else {
      throw mismatch()
    }
    return result
  default:
    return try T(from: TreeDecoder(value: value, codingPath: path, log: log))
  }
}

private struct KeyedReader<Key: CodingKey>: KeyedDecodingContainerProtocol {
  let object: JSONObject
  let codingPath: [any CodingKey]
  let log: AccessLog

  var allKeys: [Key] { object.keys.compactMap { Key(stringValue: $0) } }

  func contains(_ key: Key) -> Bool { object.contains(key.stringValue) }

  private func member(_ key: Key) throws -> JSONValue {
    guard let value = object[key.stringValue] else {
      throw DecodingError.keyNotFound(
        key, .init(codingPath: codingPath, debugDescription: "missing"))
    }
    log.read.insert(fieldPath(codingPath + [key]))
    return value
  }

  /// Always false: the log never stores `null`, so a present null is a type error.
  func decodeNil(forKey key: Key) throws -> Bool { false }

  func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
    try decodeValue(type, from: member(key), path: codingPath + [key], log: log)
  }

  func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws
    -> KeyedDecodingContainer<NestedKey>
  {
    try TreeDecoder(value: member(key), codingPath: codingPath + [key], log: log)
      .container(keyedBy: type)
  }

  func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
    try TreeDecoder(value: member(key), codingPath: codingPath + [key], log: log)
      .unkeyedContainer()
  }

  func superDecoder() throws -> any Decoder {
    TreeDecoder(value: .object(object), codingPath: codingPath, log: log)
  }

  func superDecoder(forKey key: Key) throws -> any Decoder {
    try TreeDecoder(value: member(key), codingPath: codingPath + [key], log: log)
  }
}

private struct UnkeyedReader: UnkeyedDecodingContainer {
  let elements: [JSONValue]
  let codingPath: [any CodingKey]
  let log: AccessLog
  var currentIndex = 0

  init(elements: [JSONValue], codingPath: [any CodingKey], log: AccessLog) {
    self.elements = elements
    self.codingPath = codingPath
    self.log = log
  }

  var count: Int? { elements.count }
  var isAtEnd: Bool { currentIndex >= elements.count }

  private mutating func next() throws -> (JSONValue, [any CodingKey]) {
    guard !isAtEnd else {
      throw DecodingError.valueNotFound(
        JSONValue.self, .init(codingPath: codingPath, debugDescription: "array ended"))
    }
    defer { currentIndex += 1 }
    return (elements[currentIndex], codingPath + [IndexKey(currentIndex)])
  }

  mutating func decodeNil() throws -> Bool { false }

  mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
    let (value, path) = try next()
    return try decodeValue(type, from: value, path: path, log: log)
  }

  mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws
    -> KeyedDecodingContainer<NestedKey>
  {
    let (value, path) = try next()
    return try TreeDecoder(value: value, codingPath: path, log: log).container(keyedBy: type)
  }

  mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
    let (value, path) = try next()
    return try TreeDecoder(value: value, codingPath: path, log: log).unkeyedContainer()
  }

  mutating func superDecoder() throws -> any Decoder {
    let (value, path) = try next()
    return TreeDecoder(value: value, codingPath: path, log: log)
  }
}

private struct SingleReader: SingleValueDecodingContainer {
  let value: JSONValue
  let codingPath: [any CodingKey]
  let log: AccessLog

  func decodeNil() -> Bool { false }

  func decode<T: Decodable>(_ type: T.Type) throws -> T {
    try decodeValue(type, from: value, path: codingPath, log: log)
  }
}
