import Testing

@testable import EventLog

/// The parser reads `recorded`, `effective` and `prev` without a second scan when they stand
/// between quotes at their fixed lengths; anything else must still be read (and rejected)
/// exactly as before.
@Suite("Record lines: fixed-length fields")
struct RecordLineParserTests {
  static let valid =
    #"{"seq":2,"id":"r-2","recorded":"2026-01-15T10:00:01.000Z","effective":"2026-01-15","#
    + #""type":"T.v1","stream":"s/1","by":"me","data":{"a":1},"prev":""#
    + String(repeating: "0123456789abcdef", count: 4) + #""}"#

  static func parse(_ text: String) -> Result<RawRecord, LineDefect> {
    let bytes = Array(text.utf8)
    return bytes.withUnsafeBytes { buffer in
      let copy = UnsafeMutableRawBufferPointer.allocate(byteCount: buffer.count, alignment: 8)
      copy.copyMemory(from: buffer)
      do throws(LineDefect) {
        return .success(
          try RecordLineParser.parse(UnsafeRawBufferPointer(copy), lineNumber: 3, byteOffset: 0))
      } catch {
        return .failure(error)
      }
    }
  }

  @Test("a valid line parses with its fields")
  func validLine() throws {
    let record = try Self.parse(Self.valid).get()
    #expect(record.seq == 2)
    #expect(record.recorded == LogInstant(millisecondsSinceEpoch: 1_768_471_201_000))
    #expect(record.effective.description == "2026-01-15")
    #expect(record.prevHex.count == 64)
    #expect(record.id == "r-2")
  }

  @Test(
    "bad fixed-length fields are rejected with the reason the string scan gives",
    arguments: [
      ("2026-01-15T10:00:01.000Z", "2026-01-15T10:00:01.00\\\"", "recorded is not a UTC instant"),
      ("2026-01-15T10:00:01.000Z", "2026-01-15T24:00:01.000Z", "recorded is not a UTC instant"),
      ("2026-01-15T10:00:01.000Z", "2026-01-15T10:00:01.0000Z", "recorded is not a UTC instant"),
      ("\"2026-01-15\"", "\"2026-02-30\"", "effective is not a real day"),
      ("\"2026-01-15\"", "\"2026-01-1\\u0035\"", "not in the log's canonical spelling"),
      ("0123456789abcdef\"}", "0123456789abcdeF\"}", "prev must be 64 lowercase"),
      ("0123456789abcdef\"}", "0123456789abcde\"}", "prev must be 64 lowercase"),
      ("0123456789abcdef\"}", "0123456789abcde\\u0066\"}", "not in the log's canonical spelling"),
      ("0123456789abcdef\"}", "0123456789abcdeg\"}", "prev must be 64 lowercase"),
      ("\"r-2\"", "\"r\\u002d2\"", "not in the log's canonical spelling"),
      ("\"r-2\"", "\"r\\\"2\"", "id contains an escape"),
    ])
  func badFields(original: String, replacement: String, reason: String) throws {
    let line = Self.valid.replacingLast(original, with: replacement)
    #expect(line != Self.valid)
    switch Self.parse(line) {
    case .success: Issue.record("accepted: \(line)")
    case .failure(let defect):
      #expect(defect.reason.contains(reason), "\(defect)")
    }
  }
}

extension String {
  /// This string with the last occurrence of `target` replaced.
  fileprivate func replacingLast(_ target: String, with replacement: String) -> String {
    guard let range = range(of: target, options: .backwards) else { return self }
    return replacingCharacters(in: range, with: replacement)
  }
}
