import CanonicalJSON
import Testing

@testable import TransitionDomain

/// Issue 19: `.v1` records are read into the `.v2` model; a command writes the oldest version
/// that holds its facts, so logs that use no new fact stay as older programs wrote them.
@Suite("Event versions: v1 read as v2, commands write the oldest version that fits")
struct EventVersionTests {
  static let v1Decision = DecisionTaken(
    decision: "X-1", body: "RAAD-A", jointlyWith: [], kind: .transitieplan, status: .definitief,
    subject: "transitieplan", dictum: [], legalBasis: [], vote: "meerderheid",
    subjectEmployees: [], conditions: [], orAdviceRequests: ["R-1"], deviatesFromORAdvice: true,
    documents: [])

  @Test("a v1 decision becomes the v2 model: kind as text, vote in words, deviation per request")
  func decisionV1AsModel() {
    let model = DecisionTakenV2(Self.v1Decision)
    #expect(model.kind == "transitieplan")
    #expect(model.knownKind == .transitieplan)
    #expect(model.vote == Vote(words: "meerderheid"))
    #expect(model.deviatesFromAdvice == ["R-1"])
    #expect(model.stepName == "transitieplan")
    #expect(model.asVersion1 == Self.v1Decision)
    #expect(DomainEvent(Self.v1Decision).currentPayload as? DecisionTakenV2 == model)
  }

  @Test("a v1 decision that deviates from 'the OR advice' without naming a request keeps it")
  func decisionV1DeviatingWithoutRequest() {
    let unnamed = DecisionTaken(
      decision: "X-2", body: "DB-GR", jointlyWith: [], kind: .werkgeversbesluit,
      status: .definitief, subject: "plaatsingen", dictum: [], legalBasis: [], vote: nil,
      subjectEmployees: [], conditions: [], orAdviceRequests: [], deviatesFromORAdvice: true,
      documents: [])
    let model = DecisionTakenV2(unnamed)
    // It deviates from every request linked to it (the advice view and the audit find them),
    // and still reads as deviating; this is not stored, so the record's bytes are v1's.
    #expect(model.deviatesFromAdvice.isEmpty)
    #expect(model.deviatesFromEveryLinked)
    #expect(model.deviatesFromORAdvice)
    #expect(model.asVersion1 == unnamed)
    #expect(!DecisionTakenV2(Self.v1Decision).deviatesFromEveryLinked)
  }

  @Test("a v2 decision with only v1 facts is recorded as DecisionTaken.v1, byte for byte")
  func commandWritesOldestVersion() throws {
    let command = TransitionCommand(
      DecisionTakenV2(Self.v1Decision), effective: EffectiveDate(CalendarDay(2026, 3, 1)))
    #expect(command.event.eventType == "DecisionTaken.v1")
    #expect(command.event == DomainEvent(Self.v1Decision))
    #expect(command.name == "TakeDecision")
  }

  @Test(
    "a decision with a new fact is recorded as DecisionTaken.v2",
    arguments: [
      DecisionTakenV2(
        decision: "X-2", body: "RAAD-A", kind: "motie", status: .definitief, subject: "m"),
      DecisionTakenV2(
        decision: "X-2", body: "RAAD-A", kind: "transitieplan", status: .definitief, subject: "t",
        step: "uittreding"),
      DecisionTakenV2(
        decision: "X-2", body: "RAAD-A", kind: "opdracht", status: .definitief, subject: "t",
        vote: Vote(unanimous: true)),
      DecisionTakenV2(
        decision: "X-2", body: "COL-A", kind: "opdracht", status: .definitief, subject: "t",
        amount: Money(cents: 100)),
      DecisionTakenV2(
        decision: "X-2", body: "COL-A", kind: "werkgeversbesluit", status: .definitief,
        subject: "t",
        orAdviceRequests: ["R-1", "R-2"], deviatesFromAdvice: ["R-2"]),
    ])
  func newFactsNeedV2(decision: DecisionTakenV2) {
    let command = TransitionCommand(decision, effective: EffectiveDate(CalendarDay(2026, 3, 1)))
    #expect(command.event.eventType == "DecisionTaken.v2")
  }

  @Test(
    "JSON input: v1-shaped data reads as v1; data with new members as v2; errors name the field")
  func jsonInputVersions() throws {
    func object(_ text: String) throws -> JSONObject {
      try #require(JSONParser.parse(text, profile: .standard).objectValue)
    }
    let common =
      #""command":"TakeDecision","effective":"2026-03-01","decision":"X-3","body":"RAAD-A","#
      + #""jointlyWith":[],"status":"definitief","subject":"s","dictum":[],"legalBasis":[],"#
      + #""subjectEmployees":[],"conditions":[],"orAdviceRequests":[],"documents":[]"#
    let v1Shape = try object(
      "{" + common + #","kind":"transitieplan","deviatesFromORAdvice":false}"#)
    #expect(try TransitionCommand(json: v1Shape).event.eventType == "DecisionTaken.v1")
    let v2Shape = try object(
      "{" + common + #","kind":"gunning","deviatesFromAdvice":[],"backing":[]}"#)
    let v2 = try TransitionCommand(json: v2Shape)
    #expect(v2.event.eventType == "DecisionTaken.v2")
    #expect(v2.event.payload(as: DecisionTakenV2.self)?.kind == "gunning")
    let v2AsV1 = try object(
      "{" + common + #","kind":"transitieplan","deviatesFromAdvice":[],"backing":[]}"#)
    #expect(try TransitionCommand(json: v2AsV1).event.eventType == "DecisionTaken.v1")
    let broken = try object("{" + common + #","kind":"gunning","deviatesFromAdvice":[]}"#)
    #expect(
      throws: Refusal.invalidInput(command: "TakeDecision", problem: "field 'backing' is missing")
    ) {
      try TransitionCommand(json: broken)
    }
  }

  @Test("organisations, bodies and documents: v1 read as v2, and written as v1 when they fit")
  func partyVersions() {
    let organisation = OrganisationRegistered(
      organisation: "A", name: "Gemeente A", kind: .gemeente, members: [])
    let model = OrganisationRegisteredV2(organisation)
    #expect(
      model.kind == "gemeente" && model.startsOn == nil && model.exists(on: CalendarDay(1900, 1, 1))
    )
    #expect(model.asEarlierVersion as? OrganisationRegistered == organisation)
    var started = model
    started.startsOn = CalendarDay(2027, 1, 1)
    #expect(started.asEarlierVersion == nil)
    #expect(
      !started.exists(on: CalendarDay(2026, 12, 31)) && started.exists(on: CalendarDay(2027, 1, 1)))
    let body = BodyRegistered(body: "WB", organisations: ["A"], kind: .college, name: "college")
    #expect(BodyRegisteredV2(body).asEarlierVersion as? BodyRegistered == body)
    let council = BodyRegisteredV2(
      body: "CR", organisations: ["A"], kind: "cliëntenraad", name: "cliëntenraad")
    #expect(council.asEarlierVersion == nil && council.knownKind == nil)
    let document = DocumentRegistered(
      document: "D/1", title: "t", kind: .memo, organisation: "A", geheimhouding: true,
      attachments: [])
    #expect(DocumentRegisteredV2(document).geheimhouding == .yes)
    #expect(DocumentRegisteredV2(document).asEarlierVersion as? DocumentRegistered == document)
    var unknown = DocumentRegisteredV2(document)
    unknown = DocumentRegisteredV2(
      document: unknown.document, title: unknown.title, kind: unknown.kind,
      organisation: unknown.organisation, geheimhouding: .unknown, attachments: [])
    #expect(unknown.asEarlierVersion == nil)
  }

  @Test("a record may be replaced by any version of its type, not by another type")
  func replacementAcrossVersions() {
    // A command writes the oldest version that holds its facts, so a replacement of a `.v2`
    // record may well be a `.v1` (main's rule since the merge).
    #expect(Correction.kind(of: "DecisionTaken.v2", correcting: "DecisionTaken.v1") == .replacement)
    #expect(Correction.kind(of: "DecisionTaken.v1", correcting: "DecisionTaken.v2") == .replacement)
    #expect(Correction.kind(of: "DecisionCorrected.v1", correcting: "DecisionTaken.v2") == .patch)
    #expect(
      Correction.kind(of: "BodyRegistered.v2", correcting: "OrganisationRegistered.v1") == nil)
  }
}
