import CanonicalJSON
import Foundation
import Testing

/// One file of the case folder: its profile, name and exact bytes.
struct CaseFile: Sendable, CustomTestStringConvertible {
  let profile: JSONProfile
  let name: String
  let bytes: [UInt8]

  var testDescription: String { "\(profile)/\(name)" }

  /// The reason named after `__` in a reject file's name, such as `duplicateKey`.
  var expectedReason: String? {
    guard let marker = name.range(of: "__") else { return nil }
    return String(name[marker.upperBound...].dropLast(".json".count))
  }

  /// The folder that holds the case folders, found next to this source file.
  static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Cases")

  /// The files of `profile` whose names start with `prefix` (`y_` or `n_`), sorted by name.
  static func load(_ profile: JSONProfile, _ prefix: String) -> [CaseFile] {
    let folder = root.appendingPathComponent(profile == .canonical ? "canonical" : "standard")
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
    return names.filter { $0.hasPrefix(prefix) && $0.hasSuffix(".json") }.sorted().compactMap {
      name in
      guard
        let data = FileManager.default.contents(atPath: folder.appendingPathComponent(name).path)
      else { return nil }
      return CaseFile(profile: profile, name: name, bytes: [UInt8](data))
    }
  }
}

/// The name of a reason's case, without its associated values: `duplicateKey`.
func caseName(_ reason: JSONParseError.Reason) -> String {
  String(String(describing: reason).prefix { $0 != "(" })
}

/// Parses `bytes` and returns the error, or nil if they were accepted.
func parseError(_ bytes: [UInt8], _ profile: JSONProfile) -> JSONParseError? {
  do throws(JSONParseError) {
    _ = try JSONParser.parse(bytes, profile: profile)
    return nil
  } catch {
    return error
  }
}

/// Validates `bytes` as one value with the cursor and returns the error, or nil if accepted.
func cursorError(_ bytes: [UInt8]) -> JSONParseError? {
  bytes.withUnsafeBytes { (buffer) -> JSONParseError? in
    var cursor = JSONCursor(buffer)
    do throws(JSONParseError) {
      let range = try cursor.skipValue()
      try cursor.expectEnd()
      return range == 0..<bytes.count ? nil : JSONParseError(byteOffset: -1, reason: .trailingData)
    } catch {
      return error
    }
  }
}

@Suite("Case files in the style of JSONTestSuite")
struct CaseFileTests {
  static let canonicalAccepted = CaseFile.load(.canonical, "y_")
  static let canonicalRejected = CaseFile.load(.canonical, "n_")
  static let standardAccepted = CaseFile.load(.standard, "y_")
  static let standardRejected = CaseFile.load(.standard, "n_")

  @Test("Each profile's folder holds at least 20 accept and 40 reject cases")
  func foldersAreNotEmpty() {
    #expect(Self.canonicalAccepted.count >= 20)
    #expect(Self.canonicalRejected.count >= 40)
    #expect(Self.standardAccepted.count >= 20)
    #expect(Self.standardRejected.count >= 40)
  }

  @Test("Every reject file names a reason")
  func rejectFilesNameAReason() {
    for file in Self.canonicalRejected + Self.standardRejected {
      #expect(file.expectedReason?.isEmpty == false, "\(file.testDescription)")
    }
  }

  @Test(
    "A canonical accept case parses, and writing it back gives the same bytes",
    arguments: canonicalAccepted)
  func canonicalAccept(file: CaseFile) throws {
    let value = try JSONParser.parse(file.bytes, profile: .canonical)
    #expect(CanonicalJSON.encode(value) == file.bytes)
    #expect(try JSONParser.parse(file.bytes, profile: .standard) == value)
  }

  @Test("The cursor accepts every canonical accept case as one value", arguments: canonicalAccepted)
  func cursorAccepts(file: CaseFile) {
    #expect(cursorError(file.bytes) == nil)
  }

  @Test("A canonical reject case fails for the reason in its name", arguments: canonicalRejected)
  func canonicalReject(file: CaseFile) throws {
    let error = try #require(parseError(file.bytes, .canonical))
    #expect(caseName(error.reason) == file.expectedReason)
    #expect(error.byteOffset >= 0 && error.byteOffset <= file.bytes.count)
    #expect(error.description.hasPrefix("byte \(error.byteOffset): "))
  }

  @Test(
    "The cursor rejects every canonical reject case with the parser's error",
    arguments: canonicalRejected)
  func cursorRejects(file: CaseFile) {
    #expect(cursorError(file.bytes) == parseError(file.bytes, .canonical))
  }

  @Test(
    "A standard accept case parses, and its canonical spelling parses to the same value",
    arguments: standardAccepted)
  func standardAccept(file: CaseFile) throws {
    let value = try JSONParser.parse(file.bytes, profile: .standard)
    let canonical = CanonicalJSON.encode(value)
    #expect(try JSONParser.parse(canonical, profile: .canonical) == value)
  }

  @Test("A standard reject case fails for the reason in its name", arguments: standardRejected)
  func standardReject(file: CaseFile) throws {
    let error = try #require(parseError(file.bytes, .standard))
    #expect(caseName(error.reason) == file.expectedReason)
    #expect(error.byteOffset >= 0 && error.byteOffset <= file.bytes.count)
    #expect(error.description.hasPrefix("byte \(error.byteOffset): "))
  }
}
