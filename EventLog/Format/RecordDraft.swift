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
  public init(
    id: String? = nil, effective: LogDay, type: String, stream: String, by: String,
    corrects: Int64? = nil, canonicalData: [UInt8]
  ) throws(LogWriteError) {
    do {
      let value = try canonicalData.withUnsafeBytes { bytes in
        try JSONParser.parse(bytes, profile: .canonical)
      }
      guard case .object = value else {
        throw LogWriteError.invalidDraft("the data of a record must be a JSON object")
      }
    } catch let error as LogWriteError {
      throw error
    } catch {
      throw LogWriteError.invalidDraft("the data is not canonical JSON: \(error)")
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
    for (field, value) in [("id", id ?? "x"), ("type", type), ("stream", stream), ("by", by)] {
      if value.isEmpty { return "the \(field) of a record must not be empty" }
      if value.utf8.count > Limits.nameBytesMax {
        return "the \(field) \"\(value.prefix(40))…\" is longer than \(Limits.nameBytesMax) bytes"
      }
      if value.utf8.contains(where: { $0 < 0x20 || $0 == 0x7F || $0 == 0x22 || $0 == 0x5C }) {
        return "the \(field) \"\(value)\" contains a control character, a quote or a backslash"
      }
    }
    return nil
  }
}
