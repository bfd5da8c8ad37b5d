/// A JSON value as the log stores it: integers only, objects with ordered, unique keys.
///
/// Numbers are integers within the interoperable range of RFC 7493 (I-JSON), so that an
/// independent verifier in any language reads them exactly. Amounts that need decimals
/// (FTE, percentages) are strings written by the domain, never floating point.
public enum JSONValue: Hashable, Sendable {
  /// The JSON `null`.
  case null
  /// `true` or `false`.
  case bool(Bool)
  /// An integer whose magnitude is at most `integerMagnitudeMax`.
  case integer(Int64)
  /// A string of Unicode text.
  case string(String)
  /// An array of values in order.
  case array([JSONValue])
  /// An object with ordered, unique keys.
  case object(JSONObject)
}

/// A JSON object whose members keep the order in which they were written.
///
/// Keys are unique: `insert` of an existing key is a programmer error, and the scanner
/// refuses a document with a duplicate key. Keys compare as Swift strings, so two spellings
/// of the same text (a composed and a decomposed "é") are the same key.
public struct JSONObject: Hashable, Sendable, ExpressibleByDictionaryLiteral {
  /// The members in their written order.
  public private(set) var members: [Member]

  /// One key and its value.
  public struct Member: Hashable, Sendable {
    /// The member's key.
    public let key: String
    /// The member's value.
    public let value: JSONValue

    /// A member with this key and value.
    public init(key: String, value: JSONValue) {
      self.key = key
      self.value = value
    }
  }

  /// An empty object.
  public init() { members = [] }

  /// An object with these members in this order; traps on a duplicate key.
  public init(_ pairs: [(String, JSONValue)]) {
    members = []
    members.reserveCapacity(pairs.count)
    for (key, value) in pairs { insert(key, value) }
  }

  /// An object with the literal's members in their written order; traps on a duplicate key.
  public init(dictionaryLiteral elements: (String, JSONValue)...) { self.init(elements) }

  /// An object with these members, whose keys the caller has already checked are unique.
  init(uncheckedMembers: [Member]) { members = uncheckedMembers }

  /// The value stored under `key`, or nil.
  public subscript(key: String) -> JSONValue? {
    for member in members where member.key == key { return member.value }
    return nil
  }

  /// Whether the object has a member named `key`.
  public func contains(_ key: String) -> Bool { members.contains { $0.key == key } }

  /// The keys in their written order.
  public var keys: [String] { members.map(\.key) }

  /// Appends a member; the key must not be present yet.
  public mutating func insert(_ key: String, _ value: JSONValue) {
    precondition(!contains(key), "duplicate JSON key \"\(key)\"")
    members.append(Member(key: key, value: value))
  }
}

extension JSONValue {
  /// The largest magnitude an integer may have: 2^53 - 1, exact in every JSON reader.
  public static let integerMagnitudeMax: Int64 = 9_007_199_254_740_991

  /// The string, if this is one.
  public var stringValue: String? {
    if case .string(let value) = self { return value }
    return nil
  }

  /// The integer, if this is one.
  public var integerValue: Int64? {
    if case .integer(let value) = self { return value }
    return nil
  }

  /// The Boolean, if this is one.
  public var boolValue: Bool? {
    if case .bool(let value) = self { return value }
    return nil
  }

  /// The elements, if this is an array.
  public var arrayValue: [JSONValue]? {
    if case .array(let value) = self { return value }
    return nil
  }

  /// The object, if this is one.
  public var objectValue: JSONObject? {
    if case .object(let value) = self { return value }
    return nil
  }

  /// Whether this is `null`.
  public var isNull: Bool {
    if case .null = self { return true }
    return false
  }
}
