/// Field access into the bytes of a validated canonical object, without building a tree.
///
/// A replay that needs three fields of a record's `data` looks them up here instead of
/// parsing the whole object: each lookup walks the members and compares raw key bytes, and
/// allocates nothing unless it returns a `String`.
///
///     var cursor = JSONCursor(line)
///     ...
///     let range = try cursor.skipValue()
///     let data = JSONObjectView(validated: UnsafeRawBufferPointer(rebasing: line[range]))
///     let unit = data.string(forKey: "unit")
///
/// The bytes must be an object that `JSONCursor.skipValue` or `JSONParser` (canonical
/// profile) has accepted. On other bytes the view never reads out of bounds, but its
/// answers are unspecified.
public struct JSONObjectView {
  /// The bytes of the object, from `{` to `}`.
  public let bytes: UnsafeRawBufferPointer

  /// A view of the validated canonical object in `bytes`.
  public init(validated bytes: UnsafeRawBufferPointer) {
    self.bytes = bytes
  }

  /// The bytes of the value of the member named `key`, or nil if there is none.
  public func rawValue(forKey key: StaticString) -> UnsafeRawBufferPointer? {
    guard let range = valueRange(forKey: key) else { return nil }
    return UnsafeRawBufferPointer(rebasing: bytes[range])
  }

  /// The text of the member named `key`, or nil if there is none or it is not a string.
  public func string(forKey key: StaticString) -> String? {
    guard let range = valueRange(forKey: key), range.count >= 2,
      bytes[range.lowerBound] == JSONScanner.quote
    else { return nil }
    return JSONCursor.decodeString(
      raw: UnsafeRawBufferPointer(rebasing: bytes[(range.lowerBound + 1)..<(range.upperBound - 1)]))
  }

  /// The integer value of the member named `key`, or nil if there is none or it is not an
  /// integer.
  public func integer(forKey key: StaticString) -> Int64? {
    guard let raw = rawValue(forKey: key) else { return nil }
    var offset = 0
    guard let value = try? JSONScanner.scanInteger(raw, &offset), offset == raw.count else {
      return nil
    }
    return value
  }

  /// The Boolean value of the member named `key`, or nil if there is none or it is not
  /// `true` or `false`.
  public func bool(forKey key: StaticString) -> Bool? {
    guard let raw = rawValue(forKey: key) else { return nil }
    if raw.elementsEqual("true".utf8) { return true }
    if raw.elementsEqual("false".utf8) { return false }
    return nil
  }

  /// A view of the object that is the value of the member named `key`, or nil if there is
  /// none or it is not an object.
  public func object(forKey key: StaticString) -> JSONObjectView? {
    guard let raw = rawValue(forKey: key), raw.first == JSONScanner.openBrace else {
      return nil
    }
    return JSONObjectView(validated: raw)
  }

  /// The range in `bytes` of the value of the member named `key`.
  private func valueRange(forKey key: StaticString) -> Range<Int>? {
    let end = bytes.count
    guard end >= 2 && bytes[0] == JSONScanner.openBrace else { return nil }
    var index = 1
    while index < end && bytes[index] == JSONScanner.quote {
      let keyEnd = JSONScanner.endOfValidatedString(bytes, from: index)
      let rawKey = UnsafeRawBufferPointer(rebasing: bytes[(index + 1)..<max(keyEnd - 1, index + 1)])
      index = keyEnd
      guard index < end && bytes[index] == JSONScanner.colon else { return nil }
      index += 1
      let valueStart = index
      JSONScanner.skipValidated(bytes, &index)
      if JSONCursor.rawStringEquals(rawKey, key) { return valueStart..<index }
      guard index < end && bytes[index] == JSONScanner.comma else { return nil }
      index += 1
    }
    return nil
  }
}
