import CanonicalJSON

/// Encodes an `Encodable` value into a `JSONValue`, keeping members in the order encoded.
///
/// Synthesised `Codable` encodes stored properties in declaration order, so the declaration
/// order of an event's properties is its canonical member order. A nil optional is omitted.
/// Floating point is refused: the log stores FTE, percentages and money as exact values.
enum JSONValueEncoder {
  /// The JSON form of `value`.
  static func encode(_ value: some Encodable) -> JSONValue {
    let box = ValueBox()
    do {
      try value.encode(to: TreeEncoder(box: box, codingPath: []))
    } catch {
      preconditionFailure("encoding \(type(of: value)) failed: \(error)")
    }
    return box.resolved()
  }
}

/// A node being built: a scalar, or an object or array whose children are still being filled.
private final class ValueBox {
  enum Content {
    case empty
    case scalar(JSONValue)
    case object([(String, ValueBox)])
    case array([ValueBox])
  }
  var content = Content.empty

  func resolved() -> JSONValue {
    switch content {
    case .empty: return .object(JSONObject())
    case .scalar(let value): return value
    case .object(let members): return .object(JSONObject(members.map { ($0.0, $0.1.resolved()) }))
    case .array(let elements): return .array(elements.map { $0.resolved() })
    }
  }

  func child(forKey key: String) -> ValueBox {
    if case .empty = content { content = .object([]) }
    guard case .object(var members) = content else {
      preconditionFailure("mixing keyed and other containers at one level")
    }
    // Release `content`'s hold on the array before appending, so that the append does not
    // copy it: copying at every member made a list of n entries take n² time.
    content = .empty
    let box = ValueBox()
    members.append((key, box))
    content = .object(members)
    return box
  }

  func appendedChild() -> ValueBox {
    if case .empty = content { content = .array([]) }
    guard case .array(var elements) = content else {
      preconditionFailure("mixing unkeyed and other containers at one level")
    }
    content = .empty
    let box = ValueBox()
    elements.append(box)
    content = .array(elements)
    return box
  }

  var count: Int {
    if case .array(let elements) = content { return elements.count }
    return 0
  }
}

private struct TreeEncoder: Encoder {
  let box: ValueBox
  let codingPath: [any CodingKey]
  var userInfo: [CodingUserInfoKey: Any] { [:] }

  func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
    if case .empty = box.content { box.content = .object([]) }
    return KeyedEncodingContainer(KeyedTree<Key>(box: box, codingPath: codingPath))
  }

  func unkeyedContainer() -> any UnkeyedEncodingContainer {
    if case .empty = box.content { box.content = .array([]) }
    return UnkeyedTree(box: box, codingPath: codingPath)
  }

  func singleValueContainer() -> any SingleValueEncodingContainer {
    SingleTree(box: box, codingPath: codingPath)
  }
}

private func scalar(_ value: any Encodable) -> JSONValue? {
  switch value {
  case let text as String: return .string(text)
  case let flag as Bool: return .bool(flag)
  case let number as Int64: return .integer(number)
  case let number as Int: return .integer(Int64(number))
  case let number as Int32: return .integer(Int64(number))
  case is Double, is Float: preconditionFailure("floating point is not allowed in the log")
  default: return nil
  }
}

private func encodeValue(_ value: some Encodable, into box: ValueBox, path: [any CodingKey]) throws
{
  if let simple = scalar(value) {
    box.content = .scalar(simple)
  } else {
    try value.encode(to: TreeEncoder(box: box, codingPath: path))
  }
}

private struct KeyedTree<Key: CodingKey>: KeyedEncodingContainerProtocol {
  let box: ValueBox
  let codingPath: [any CodingKey]

  mutating func encodeNil(forKey key: Key) throws {
    box.child(forKey: key.stringValue).content = .scalar(.null)
  }

  mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
    try encodeValue(value, into: box.child(forKey: key.stringValue), path: codingPath + [key])
  }

  mutating func nestedContainer<NestedKey: CodingKey>(
    keyedBy keyType: NestedKey.Type, forKey key: Key
  ) -> KeyedEncodingContainer<NestedKey> {
    let child = box.child(forKey: key.stringValue)
    child.content = .object([])
    return KeyedEncodingContainer(KeyedTree<NestedKey>(box: child, codingPath: codingPath + [key]))
  }

  mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
    let child = box.child(forKey: key.stringValue)
    child.content = .array([])
    return UnkeyedTree(box: child, codingPath: codingPath + [key])
  }

  mutating func superEncoder() -> any Encoder {
    TreeEncoder(box: box.child(forKey: "super"), codingPath: codingPath)
  }

  mutating func superEncoder(forKey key: Key) -> any Encoder {
    TreeEncoder(box: box.child(forKey: key.stringValue), codingPath: codingPath + [key])
  }
}

private struct UnkeyedTree: UnkeyedEncodingContainer {
  let box: ValueBox
  let codingPath: [any CodingKey]
  var count: Int { box.count }

  mutating func encodeNil() throws { box.appendedChild().content = .scalar(.null) }

  mutating func encode<T: Encodable>(_ value: T) throws {
    try encodeValue(value, into: box.appendedChild(), path: codingPath)
  }

  mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type)
    -> KeyedEncodingContainer<NestedKey>
  {
    let child = box.appendedChild()
    child.content = .object([])
    return KeyedEncodingContainer(KeyedTree<NestedKey>(box: child, codingPath: codingPath))
  }

  mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
    let child = box.appendedChild()
    child.content = .array([])
    return UnkeyedTree(box: child, codingPath: codingPath)
  }

  mutating func superEncoder() -> any Encoder {
    TreeEncoder(box: box.appendedChild(), codingPath: codingPath)
  }
}

private struct SingleTree: SingleValueEncodingContainer {
  let box: ValueBox
  let codingPath: [any CodingKey]

  mutating func encodeNil() throws { box.content = .scalar(.null) }

  mutating func encode<T: Encodable>(_ value: T) throws {
    try encodeValue(value, into: box, path: codingPath)
  }
}
