import CanonicalJSON
import EventLog
import TransitionDomain

/// Decodes any event payload straight from the canonical bytes of a record's `data`, through
/// the payload's own `Decodable` conformance but without building a `JSONValue` tree.
///
/// It is a fast path, not a second judge: it succeeds only where `DomainEvent.decode` would
/// give the same event (every member read exactly once, strings, integers and Booleans of
/// their one canonical form, no `null`, no `effectivePrecision` or `source`); on anything else
/// it answers nil and the caller decodes the ordinary way, which accepts the record or reports
/// exactly the error it always has.
enum ByteDecoder {
  /// The event of type `typeIndex` whose canonical data is `data`, or nil (take the slow path).
  static func event(typeIndex: UInt8, data: UnsafeRawBufferPointer) -> DomainEvent? {
    let reader = FieldReader(bytes: data)
    guard let (members, precision, source) = reader.common() else { return nil }
    let session = Session(reader: reader)
    let payloadType = DomainEvent.payloadTypes[Int(typeIndex)]
    guard let payload = try? decodePayload(payloadType, session: session, members: members),
      session.complete
    else { return nil }
    return DomainEvent(payload, effectivePrecision: precision, source: source)
  }

  /// The value of `type` in `range` of `reader`'s bytes, or nil (take the slow path).
  static func value<T: Decodable>(_ type: T.Type, _ range: Range<Int>, _ reader: FieldReader)
    -> T?
  {
    let session = Session(reader: reader)
    guard let value = try? decode(type, range, session), session.complete else { return nil }
    return value
  }

  private static func decodePayload<P: EventPayload>(
    _ type: P.Type, session: Session, members: [FieldReader.Member]
  ) throws -> any EventPayload {
    try P(from: ObjectDecoder(session: session, value: .members(members)))
  }

  /// Why the fast path gives up (never shown: the slow path reports instead).
  struct GiveUp: Error {}

  /// What every container of one decode shares: the bytes, and which members and elements
  /// have been read.
  final class Session {
    let reader: FieldReader
    var read: [Bool] = []
    var failed = false

    init(reader: FieldReader) {
      self.reader = reader
      read.reserveCapacity(64)
    }

    /// Claims `count` slots for a container's members or elements; answers the first.
    func claim(_ count: Int) -> Int {
      let base = read.count
      read.append(contentsOf: repeatElement(false, count: count))
      return base
    }

    /// Whether every member and element was read exactly once.
    var complete: Bool { !failed && !read.contains(false) }

    func mark(_ slot: Int) throws(GiveUp) {
      guard !read[slot] else {
        failed = true
        throw GiveUp()
      }
      read[slot] = true
    }
  }

  /// A value: its byte range, or the already split members of the top object.
  enum Value {
    case range(Range<Int>)
    case members([FieldReader.Member])
  }

  fileprivate static func decode<T: Decodable>(
    _ type: T.Type, _ range: Range<Int>, _ session: Session
  ) throws -> T {
    let reader = session.reader
    switch type {
    case is String.Type:
      guard let text = reader.string(range), let result = text as? T else { throw GiveUp() }
      return result
    case is Bool.Type:
      let raw = UnsafeRawBufferPointer(rebasing: reader.bytes[range])
      let flag: Bool
      if raw.elementsEqual("true".utf8) {
        flag = true
      } else if raw.elementsEqual("false".utf8) {
        flag = false
      } else {
        throw GiveUp()
      }
      guard let result = flag as? T else { throw GiveUp() }
      return result
    case is Int64.Type:
      guard let number = reader.integer(range), let result = number as? T else { throw GiveUp() }
      return result
    case is Int.Type:
      guard let number = reader.integer(range), let result = Int(number) as? T else {
        throw GiveUp()
      }
      return result
    default:
      return try T(from: ObjectDecoder(session: session, value: .range(range)))
    }
  }
}

private struct ObjectDecoder: Decoder {
  let session: ByteDecoder.Session
  let value: ByteDecoder.Value
  var codingPath: [any CodingKey] { [] }
  var userInfo: [CodingUserInfoKey: Any] { [:] }

  func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
    let members: [FieldReader.Member]
    switch value {
    case .members(let top): members = top
    case .range(let range):
      guard let found = session.reader.members(range) else { throw ByteDecoder.GiveUp() }
      members = found
    }
    for member in members where member.key.contains(0x5C) { throw ByteDecoder.GiveUp() }
    return KeyedDecodingContainer(
      KeyedBytes<Key>(session: session, members: members, base: session.claim(members.count)))
  }

  func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
    guard case .range(let range) = value, let elements = session.reader.elements(range) else {
      throw ByteDecoder.GiveUp()
    }
    return UnkeyedBytes(session: session, elements: elements, base: session.claim(elements.count))
  }

  func singleValueContainer() throws -> any SingleValueDecodingContainer {
    guard case .range(let range) = value else { throw ByteDecoder.GiveUp() }
    return SingleBytes(session: session, range: range)
  }
}

private struct KeyedBytes<Key: CodingKey>: KeyedDecodingContainerProtocol {
  let session: ByteDecoder.Session
  let members: [FieldReader.Member]
  let base: Int
  var codingPath: [any CodingKey] { [] }

  var allKeys: [Key] {
    members.compactMap { Key(stringValue: String(decoding: $0.key, as: UTF8.self)) }
  }

  private func index(_ key: Key) -> Int? {
    let name = key.stringValue
    return members.firstIndex { $0.key.elementsEqual(name.utf8) }
  }

  func contains(_ key: Key) -> Bool { index(key) != nil }

  private func member(_ key: Key) throws -> Range<Int> {
    guard let index = index(key) else { throw ByteDecoder.GiveUp() }
    try session.mark(base + index)
    return members[index].value
  }

  func decodeNil(forKey key: Key) throws -> Bool { false }

  func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
    try ByteDecoder.decode(type, member(key), session)
  }

  func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws
    -> KeyedDecodingContainer<NestedKey>
  {
    try ObjectDecoder(session: session, value: .range(member(key))).container(keyedBy: type)
  }

  func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
    try ObjectDecoder(session: session, value: .range(member(key))).unkeyedContainer()
  }

  func superDecoder() throws -> any Decoder { throw ByteDecoder.GiveUp() }

  func superDecoder(forKey key: Key) throws -> any Decoder { throw ByteDecoder.GiveUp() }
}

private struct UnkeyedBytes: UnkeyedDecodingContainer {
  let session: ByteDecoder.Session
  let elements: [Range<Int>]
  let base: Int
  var currentIndex = 0
  var codingPath: [any CodingKey] { [] }

  init(session: ByteDecoder.Session, elements: [Range<Int>], base: Int) {
    self.session = session
    self.elements = elements
    self.base = base
  }

  var count: Int? { elements.count }
  var isAtEnd: Bool { currentIndex >= elements.count }

  private mutating func next() throws -> Range<Int> {
    guard !isAtEnd else { throw ByteDecoder.GiveUp() }
    try session.mark(base + currentIndex)
    defer { currentIndex += 1 }
    return elements[currentIndex]
  }

  mutating func decodeNil() throws -> Bool { false }

  mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
    try ByteDecoder.decode(type, next(), session)
  }

  mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws
    -> KeyedDecodingContainer<NestedKey>
  {
    try ObjectDecoder(session: session, value: .range(next())).container(keyedBy: type)
  }

  mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
    try ObjectDecoder(session: session, value: .range(next())).unkeyedContainer()
  }

  mutating func superDecoder() throws -> any Decoder { throw ByteDecoder.GiveUp() }
}

private struct SingleBytes: SingleValueDecodingContainer {
  let session: ByteDecoder.Session
  let range: Range<Int>
  var codingPath: [any CodingKey] { [] }

  func decodeNil() -> Bool { false }

  func decode<T: Decodable>(_ type: T.Type) throws -> T {
    try ByteDecoder.decode(type, range, session)
  }
}

extension FieldReader {
  /// A JSON integer of at most 18 digits, in its canonical form.
  func integer(_ range: Range<Int>) -> Int64? {
    guard isInteger(range) else { return nil }
    var index = range.lowerBound
    let negative = bytes[index] == 0x2D
    if negative { index += 1 }
    var value: Int64 = 0
    while index < range.upperBound {
      value = value * 10 + Int64(bytes[index] &- 0x30)
      index += 1
    }
    if negative && value == 0 { return nil }
    return negative ? -value : value
  }
}
