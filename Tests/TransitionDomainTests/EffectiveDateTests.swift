import CanonicalJSON
import Testing

@testable import TransitionDomain

@Suite("Dates as precise as the sources")
struct EffectiveDateTests {
  /// Every accepted spelling, what it means (first and last day, precision) and how it prints.
  static let forms:
    [(text: String, precision: DatePrecision, first: String, last: String, printed: String)] = [
      ("2026-07-01", .day, "2026-07-01", "2026-07-01", "2026-07-01"),
      ("2024-04", .month, "2024-04-01", "2024-04-30", "2024-04"),
      ("april 2024", .month, "2024-04-01", "2024-04-30", "2024-04"),
      ("Februari 2024", .month, "2024-02-01", "2024-02-29", "2024-02"),
      ("mrt 2025", .month, "2025-03-01", "2025-03-31", "2025-03"),
      ("May 2025", .month, "2025-05-01", "2025-05-31", "2025-05"),
      ("2023-Q1", .quarter, "2023-01-01", "2023-03-31", "2023-Q1"),
      ("2023-q4", .quarter, "2023-10-01", "2023-12-31", "2023-Q4"),
      ("2025-H2", .halfYear, "2025-07-01", "2025-12-31", "2025-H2"),
      ("2013", .year, "2013-01-01", "2013-12-31", "2013"),
      ("2024-07~", .approximate, "2024-07-01", "2024-07-31", "2024-07~"),
      ("voorjaar 2024", .season, "2024-03-01", "2024-05-31", "voorjaar 2024"),
      ("lente 2024", .season, "2024-03-01", "2024-05-31", "voorjaar 2024"),
      ("Spring 2024", .season, "2024-03-01", "2024-05-31", "voorjaar 2024"),
      ("zomer 2024", .season, "2024-06-01", "2024-08-31", "zomer 2024"),
      ("summer 2024", .season, "2024-06-01", "2024-08-31", "zomer 2024"),
      ("najaar 2024", .season, "2024-09-01", "2024-11-30", "najaar 2024"),
      ("herfst 2024", .season, "2024-09-01", "2024-11-30", "najaar 2024"),
      ("autumn 2024", .season, "2024-09-01", "2024-11-30", "najaar 2024"),
      ("winter 2020/2021", .season, "2020-12-01", "2021-02-28", "winter 2020/2021"),
      ("winter 2023-2024", .season, "2023-12-01", "2024-02-29", "winter 2023/2024"),
      ("december 2020 - februari 2021", .range, "2020-12-01", "2021-02-28", "2020-12 - 2021-02"),
      ("2020-12 - 2021-02", .range, "2020-12-01", "2021-02-28", "2020-12 - 2021-02"),
      ("2020-12 – 2021-02", .range, "2020-12-01", "2021-02-28", "2020-12 - 2021-02"),
      ("2020-12 t/m 2021-02", .range, "2020-12-01", "2021-02-28", "2020-12 - 2021-02"),
      ("2020-12 tot en met 2021-02", .range, "2020-12-01", "2021-02-28", "2020-12 - 2021-02"),
      ("2020-12 to 2021-02", .range, "2020-12-01", "2021-02-28", "2020-12 - 2021-02"),
      ("voorjaar 2024 - 2024-Q3", .range, "2024-03-01", "2024-09-30", "2024-03 - 2024-09"),
      ("2020-12-05 - 2021-02", .range, "2020-12-05", "2021-02-28", "2020-12-05 - 2021-02-28"),
      ("2026-07-01 - 2026-07-15", .range, "2026-07-01", "2026-07-15", "2026-07-01 - 2026-07-15"),
      ("uiterlijk 2026-07-01", .onOrBefore, "2026-07-01", "2026-07-01", "uiterlijk 2026-07-01"),
      ("on or before 2026-07-01", .onOrBefore, "2026-07-01", "2026-07-01", "uiterlijk 2026-07-01"),
      ("<= 2026-07-01", .onOrBefore, "2026-07-01", "2026-07-01", "uiterlijk 2026-07-01"),
      ("uiterlijk 2026", .onOrBefore, "2026-01-01", "2026-12-31", "uiterlijk 2026"),
      ("Uiterlijk najaar 2026", .onOrBefore, "2026-09-01", "2026-11-30", "uiterlijk najaar 2026"),
      ("uiterlijk 2026-Q2", .onOrBefore, "2026-04-01", "2026-06-30", "uiterlijk 2026-Q2"),
      ("uiterlijk juni 2026", .onOrBefore, "2026-06-01", "2026-06-30", "uiterlijk 2026-06"),
    ]

  @Test("every accepted form parses to its period and prints as coarse as it was given")
  func parsesAndPrints() throws {
    for form in Self.forms {
      let date = try #require(EffectiveDate(parsing: form.text), "\(form.text)")
      #expect(date.precision == form.precision, "\(form.text)")
      #expect(date.firstDay.description == form.first, "\(form.text)")
      #expect(date.lastDay.description == form.last, "\(form.text)")
      #expect(date.description == form.printed, "\(form.text)")
      // The printed form reads back to the same date.
      #expect(EffectiveDate(parsing: date.description) == date, "\(form.printed)")
    }
  }

  @Test("forms that do not name one period are refused")
  func refusals() {
    for text in [
      "", "2026-02-30", "2026-13", "2026-Q5", "winter 2020", "winter 2020/2022", "voorjaar 24",
      "2021-02 - 2020-12", "2026-07-01 - 2026-07-01", "uiterlijk 2024-07~", "2024-07~ - 2024-09",
      "uiterlijk", "2020-12 -", "- 2021-02", "medio 2024", "julember 2024", "2024-07-01T00:00",
      "2020-12 - 2021-01 - 2021-02",
    ] {
      #expect(EffectiveDate(parsing: text) == nil, "\(text)")
    }
  }

  @Test("the stored parts make a date only when they agree")
  func storedParts() {
    let first = CalendarDay(2024, 3, 1)
    #expect(EffectiveDate(first, precision: .range, until: nil) == nil)
    #expect(EffectiveDate(first, precision: .range, until: first) == nil)
    #expect(EffectiveDate(first, precision: .month, until: CalendarDay(2024, 3, 31)) == nil)
    #expect(EffectiveDate(CalendarDay(2024, 4, 1), precision: .season, until: nil) == nil)
    #expect(EffectiveDate(CalendarDay(2024, 2, 1), precision: .quarter, until: nil) == nil)
    #expect(EffectiveDate(first, precision: .onOrBefore, until: CalendarDay(2024, 4, 15)) == nil)
    #expect(EffectiveDate(first, precision: .onOrBefore, until: CalendarDay(2024, 5, 31)) != nil)
    #expect(EffectiveDate(first, precision: .onOrBefore, until: nil)?.earliestDay == nil)
  }

  @Test("a record's range end is stored as effectiveUntil, only when present, and reads back")
  func storedUntil() throws {
    let payload = MilestoneAchieved(milestone: "M1", title: "t", scope: [], notes: "")
    let command = TransitionCommand(
      payload, effective: try #require(EffectiveDate(parsing: "december 2020 - februari 2021")))
    let data = command.event.encodeData()
    #expect(
      String(decoding: CanonicalJSON.encode(.object(data)), as: UTF8.self)
        == #"{"milestone":"M1","title":"t","scope":[],"notes":"","effectivePrecision":"range","effectiveUntil":"2021-02-28"}"#
    )
    let decoded = try DomainEvent.decode(type: MilestoneAchieved.eventType, data: data)
    #expect(decoded == command.event)
    #expect(decoded.effectiveUntil == CalendarDay(2021, 2, 28))
    // A day-precise record and an older coarse one encode exactly as before: no new member.
    let day = TransitionCommand(payload, effective: EffectiveDate(CalendarDay(2026, 7, 1)))
    #expect(
      String(decoding: CanonicalJSON.encode(.object(day.event.encodeData())), as: UTF8.self)
        == #"{"milestone":"M1","title":"t","scope":[],"notes":""}"#)
    let month = TransitionCommand(
      payload, effective: EffectiveDate(CalendarDay(2024, 4, 1), precision: .month))
    #expect(
      String(decoding: CanonicalJSON.encode(.object(month.event.encodeData())), as: UTF8.self)
        == #"{"milestone":"M1","title":"t","scope":[],"notes":"","effectivePrecision":"month"}"#)
    // "On or before" a day needs no end; a range without one is damaged data.
    let uiterlijk = TransitionCommand(
      payload, effective: try #require(EffectiveDate(parsing: "uiterlijk 2026-07-01")))
    #expect(uiterlijk.event.encodeData()[DomainEvent.untilKey] == nil)
    var broken = data
    broken = JSONObject(
      broken.members.filter { $0.key != DomainEvent.untilKey }.map { ($0.key, $0.value) })
    #expect(throws: EventDecodingError.self) {
      try DomainEvent.decode(type: MilestoneAchieved.eventType, data: broken)
    }
  }

  @Test("command JSON takes every form in 'effective' and refuses effectiveUntil given apart")
  func commandJSON() throws {
    let base: JSONObject = [
      "command": .string("AchieveMilestone"), "milestone": .string("M1"),
      "title": .string("t"), "scope": .array([]), "notes": .string(""),
    ]
    for form in Self.forms {
      var json = base
      json.insert("effective", .string(form.text))
      let command = try TransitionCommand(json: json)
      #expect(command.effective.description == form.printed)
      #expect(command.event.effectivePrecision == form.precision)
    }
    var json = base
    json.insert("effective", .string("2024-04"))
    json.insert("effectiveUntil", .string("2024-05-31"))
    #expect(throws: Refusal.self) { try TransitionCommand(json: json) }
  }
}

@Suite("Every kind of record takes every precision")
struct EveryKindEveryPrecisionTests {
  @Test(
    "each event type, recorded with each form, stores and reads back the same date",
    arguments: GoldenExamples.all)
  func everyKind(event: DomainEvent) throws {
    for form in EffectiveDateTests.forms {
      let date = try #require(EffectiveDate(parsing: form.text))
      let command = TransitionCommand(event.payload.value, effective: date, source: event.source)
      let data = command.event.encodeData()
      let read = try DomainEvent.decode(type: event.eventType, data: data)
      #expect(read == command.event, "\(event.eventType) \(form.text)")
      let record = DomainRecord(
        seq: 1, id: "R1", recordedMilliseconds: 0, effective: date.firstDay, by: "test",
        event: read)
      #expect(record.effectiveDate.description == form.printed, "\(event.eventType) \(form.text)")
    }
  }
}
