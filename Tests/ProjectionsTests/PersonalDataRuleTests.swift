import CanonicalJSON
import EventLog
import Foundation
import Projections
import Testing
import TransitionDomain

@Suite("The personal-data audit rule: fires on each pattern, silent on look-alikes")
struct PersonalDataRuleTests {
  static let fires: [(String, PersonalDataRule.Kind)] = [
    ("BSN 111222333 van de medewerker", .bsn),
    ("bsn: 123456782.", .bsn),
    ("mail naar j.de-vries+hr@ijmond-werkt.nl graag", .email),
    ("bel 06-12345678", .phone),
    ("bel 06 1234 5678 of later", .phone),
    ("telefoon +31 6 12345678", .phone),
    ("(020) 123 4567", .phone),
    ("0031 251 123456", .phone),
    ("rekening NL91ABNA0417164300", .iban),
    ("IBAN NL91 ABNA 0417 1643 00 ten name van", .iban),
    ("GB82WEST12345698765432", .iban),
    ("gesprek met jan de vries over plaatsing", .name),
  ]

  static let silent: [String] = [
    "111222334",  // nine digits that fail the 11-proef
    "000000000",
    "besluit D/2025/707516 van het college",
    "D/2024/697840",
    "1234567890",  // ten digits, not starting with 0
    "totaal 230000000 cent",
    "2026-07-01 tot 2027-06-30",
    "0,8889 fte en 1.0000 fte",
    "NL92ABNA0417164300",  // an IBAN whose check fails
    "NL91ABNA0417164301",
    "@home of a@b",
    "IJM-082, T-B-08, E017, RAAD-BEV",
    "Janine de Vriesland",
    "inwoners medio 2024 (41,863 / 39,542 / 69,238)",
    "06-1234567",  // too short for a phone number
  ]

  @Test("each pattern is found", arguments: fires)
  func firesOnEachPattern(text: String, kind: PersonalDataRule.Kind) {
    #expect(PersonalDataRule.kinds(in: text, names: ["Jan de Vries"]) == [kind], "\(text)")
  }

  @Test("look-alikes stay silent", arguments: silent)
  func silentOnLookAlikes(text: String) {
    #expect(PersonalDataRule.kinds(in: text, names: ["Jan de Vries"]).isEmpty, "\(text)")
  }

  @Test("the 11-proef and the mod-97 check, as published")
  func checks() {
    #expect(PersonalDataRule.elevenTest([1, 1, 1, 2, 2, 2, 3, 3, 3]))
    #expect(!PersonalDataRule.elevenTest([1, 1, 1, 2, 2, 2, 3, 3, 4]))
    #expect(PersonalDataRule.mod97(Array("NL91ABNA0417164300".unicodeScalars)) == 1)
    #expect(PersonalDataRule.mod97(Array("NL92ABNA0417164300".unicodeScalars)) != 1)
  }

  @Test("a match names the field by its path in the record's data")
  func namesTheField() {
    let data: JSONObject = [
      "topic": .string("t"),
      "lines": .array([
        .object(["line": .string("K01"), "description": .string("mail jan@x.nl")])
      ]),
    ]
    #expect(
      PersonalDataRule.matches(in: data)
        == [PersonalDataRule.Match(field: "lines[0].description", kind: .email)])
  }

  @Test("the IJmond example log has no findings (no false positives in its texts)")
  func exampleIsClean() throws {
    let findings = try PersonalDataRule.findings(
      logPath: ExampleLogFixture.shippedPath, upTo: Int64.max, asRecorded: true)
    #expect(findings.isEmpty, "\(findings)")
  }

  @Test("the rule names the record and the field; a retraction clears it as corrected")
  func findingsOverALog() throws {
    let path = try ExampleLogFixture.copy()
    let writer = try LogWriter(path: path)
    let data: JSONObject = [
      "topic": .string("t"), "description": .string("bel 06-12345678"),
      "scope": .array([.string("BEV")]),
    ]
    let day = try #require(LogDay("2026-01-01"))
    let receipt = try writer.append([
      RecordDraft(
        id: "CTX-1", effective: day, type: "ExternalContextRecorded.v1", stream: "context/t",
        by: "g", data: data)
    ])
    let seq = receipt.lastSeq
    let found = try PersonalDataRule.findings(logPath: path, upTo: seq, asRecorded: false)
    #expect(found.count == 1)
    #expect(found.first?.seqs == [seq])
    #expect(found.first?.message.contains("Field 'description' of record CTX-1") == true)
    let retraction: JSONObject = [
      "record": .string("CTX-1"), "reason": .string("persoonsgegevens"),
      "correctionReason": .string("AVG"),
    ]
    try writer.append([
      RecordDraft(
        effective: day, type: "RecordRetracted.v1", stream: "corrections", by: "g",
        corrects: seq, data: retraction)
    ])
    #expect(try PersonalDataRule.findings(logPath: path, upTo: .max, asRecorded: false).isEmpty)
    #expect(try PersonalDataRule.findings(logPath: path, upTo: .max, asRecorded: true).count == 1)
  }
}
