import CanonicalJSON

/// A record as a caller hands it to the writer: everything but `seq`, `recorded` and `prev`.
public struct RecordDraft: Sendable, Equatable {
  /// The caller's id for idempotent retries; nil lets the writer generate one.
  public var id: String?
  /// The calendar day on which the fact takes effect (valid time).
  public var effective: LogDay
  /// The record type, such as `StaffTransferred.v1`.
  public var type: String
  /// The stream the record belongs to, such as `staff/E017`.
  public var stream: String
  /// Who records it: a pseudonymous actor id.
  public var by: String
  /// The `seq` of the earlier record this one corrects, if it is a correction.
  public var corrects: Int64?
  /// The canonical JSON bytes of the `data` object.
  public let dataBytes: [UInt8]

  /// A draft whose data is `data`, written canonically.
  public init(
    id: String? = nil, effective: LogDay, type: String, stream: String, by: String,
    corrects: Int64? = nil, data: JSONObject
  ) {
    self.init(
      id: id, effective: effective, type: type, stream: stream, by: by, corrects: corrects,
      trustedDataBytes: CanonicalJSON.encode(.object(data)))
  }

  /// A draft whose data is given as bytes; they must be one canonical JSON object.
  ///
  /// The bytes are validated by `JSONCursor` (which accepts exactly what
  /// `JSONParser.parse(_:profile: .canonical)` accepts) without building a tree: one value,
  /// canonical, nothing after it, and that value an object.
  public init(
    id: String? = nil, effective: LogDay, type: String, stream: String, by: String,
    corrects: Int64? = nil, canonicalData: [UInt8]
  ) throws(LogWriteError) {
    let isObject: Bool
    do {
      isObject = try canonicalData.withUnsafeBytes { bytes throws(JSONParseError) -> Bool in
        var cursor = JSONCursor(bytes)
        _ = try cursor.skipValue()
        try cursor.expectEnd()
        return bytes.first == UInt8(ascii: "{")
      }
    } catch {
      throw LogWriteError.invalidDraft("the data is not canonical JSON: \(error)")
    }
    guard isObject else {
      throw LogWriteError.invalidDraft("the data of a record must be a JSON object")
    }
    self.init(
      id: id, effective: effective, type: type, stream: stream, by: by, corrects: corrects,
      trustedDataBytes: canonicalData)
  }

  private init(
    id: String?, effective: LogDay, type: String, stream: String, by: String, corrects: Int64?,
    trustedDataBytes: [UInt8]
  ) {
    self.id = id
    self.effective = effective
    self.type = type
    self.stream = stream
    self.by = by
    self.corrects = corrects
    self.dataBytes = trustedDataBytes
  }

  /// The problem with this draft's names, or nil if they are acceptable.
  func nameProblem() -> String? {
    if let id, let problem = Self.nameProblem("id", id) { return problem }
    return Self.nameProblem("type", type) ?? Self.nameProblem("stream", stream)
      ?? Self.nameProblem("by", by)
  }

  /// The problem with one name, or nil; checks the bytes in place, without copying them.
  private static func nameProblem(_ field: StaticString, _ value: String) -> String? {
    var value = value
    let (count, bad) = value.withUTF8 { bytes in
      (bytes.count, bytes.contains { $0 < 0x20 || $0 == 0x7F || $0 == 0x22 || $0 == 0x5C })
    }
    if count == 0 { return "the \(field) of a record must not be empty" }
    if count > Limits.nameBytesMax {
      return "the \(field) \(Visible.quoted(value.prefix(40) + "…")) is longer than"
        + " \(Limits.nameBytesMax) bytes"
    }
    if bad {
      return IdentifierRules.problem(field: field, value)
        ?? "the \(field) \(Visible.quoted(value)) contains a quote or a backslash"
    }
    return IdentifierRules.problem(field: field, value)
  }
}
