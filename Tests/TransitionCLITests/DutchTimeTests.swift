import EventLog
import Testing
import TransitionApp
import TransitionDomain

@testable import TransitionCLI

/// `--known-at` in Dutch time: the EU summer-time rule computed in the program.
@Suite("Dutch time for --known-at: offsets, bare days, both summer-time switches")
struct DutchTimeTests {
  static func instant(_ text: String) throws -> String {
    try TimeArguments.instant(text, flag: "known-at").description
  }

  @Test("summer time begins and ends on the last Sundays of March and October at 01:00 UTC")
  func switches() {
    for (year, start, end) in [
      (2020, "2020-03-29T01:00:00.000Z", "2020-10-25T01:00:00.000Z"),
      (2021, "2021-03-28T01:00:00.000Z", "2021-10-31T01:00:00.000Z"),
      (2024, "2024-03-31T01:00:00.000Z", "2024-10-27T01:00:00.000Z"),
      (2026, "2026-03-29T01:00:00.000Z", "2026-10-25T01:00:00.000Z"),
    ] {
      let (from, until) = DutchTime.summerTime(year)
      #expect(LogInstant(millisecondsSinceEpoch: from).description == start)
      #expect(LogInstant(millisecondsSinceEpoch: until).description == end)
    }
    func offset(_ text: String) -> Int { DutchTime.offsetMinutes(at: LogInstant(text)!) }
    #expect(offset("2026-03-29T00:59:59.999Z") == 60)
    #expect(offset("2026-03-29T01:00:00.000Z") == 120)
    #expect(offset("2026-10-25T00:59:59.999Z") == 120)
    #expect(offset("2026-10-25T01:00:00.000Z") == 60)
  }

  @Test("a bare day is the end of that day in Dutch time, in winter and in summer")
  func bareDays() throws {
    #expect(try Self.instant("2026-01-15") == "2026-01-15T22:59:59.999Z")
    #expect(try Self.instant("2026-07-14") == "2026-07-14T21:59:59.999Z")
    // The days of the switches: the day of the spring switch ends in summer time, the day of
    // the autumn switch in winter time.
    #expect(try Self.instant("2026-03-28") == "2026-03-28T22:59:59.999Z")
    #expect(try Self.instant("2026-03-29") == "2026-03-29T21:59:59.999Z")
    #expect(try Self.instant("2026-10-24") == "2026-10-24T21:59:59.999Z")
    #expect(try Self.instant("2026-10-25") == "2026-10-25T22:59:59.999Z")
    #expect(try Self.instant("2020-09-30") == "2020-09-30T21:59:59.999Z")
    #expect(try Self.instant("2020-12-31") == "2020-12-31T22:59:59.999Z")
  }

  @Test("instants with an offset, with Z, and Dutch local times without one")
  func offsets() throws {
    #expect(try Self.instant("2020-09-30T23:59+02:00") == "2020-09-30T21:59:00.000Z")
    #expect(try Self.instant("2020-09-30T23:59:30+02:00") == "2020-09-30T21:59:30.000Z")
    #expect(try Self.instant("2020-09-30T23:59:30.250+02:00") == "2020-09-30T21:59:30.250Z")
    #expect(try Self.instant("2020-12-31T23:59-05:30") == "2021-01-01T05:29:00.000Z")
    #expect(try Self.instant("2026-07-14T10:30Z") == "2026-07-14T10:30:00.000Z")
    #expect(try Self.instant("2026-07-14T10:30:00Z") == "2026-07-14T10:30:00.000Z")
    #expect(try Self.instant("2026-07-14T10:30:00.000Z") == "2026-07-14T10:30:00.000Z")
    #expect(try Self.instant("2026-07-14T10:30") == "2026-07-14T08:30:00.000Z")
    #expect(try Self.instant("2026-01-14T10:30") == "2026-01-14T09:30:00.000Z")
    // Around the switches: just before and after the gap, and the repeated hour with offsets.
    #expect(try Self.instant("2026-03-29T01:59") == "2026-03-29T00:59:00.000Z")
    #expect(try Self.instant("2026-03-29T03:00") == "2026-03-29T01:00:00.000Z")
    #expect(try Self.instant("2026-10-25T01:59") == "2026-10-24T23:59:00.000Z")
    #expect(try Self.instant("2026-10-25T03:00") == "2026-10-25T02:00:00.000Z")
    #expect(try Self.instant("2026-10-25T02:30+02:00") == "2026-10-25T00:30:00.000Z")
    #expect(try Self.instant("2026-10-25T02:30+01:00") == "2026-10-25T01:30:00.000Z")
  }

  @Test("a local time that does not exist or occurs twice, and malformed text, are refused")
  func refusals() {
    func message(_ text: String) -> String? {
      do {
        _ = try TimeArguments.instant(text, flag: "known-at")
        return nil
      } catch { return error.message }
    }
    #expect(
      message("2026-03-29T02:30")
        == "--known-at 2026-03-29T02:30 does not exist in Dutch time (the hour the clocks go"
        + " forward). Give another time, or add the offset, such as 2026-03-29T02:30+01:00.")
    #expect(
      message("2026-10-25T02:30")
        == "--known-at 2026-10-25T02:30 occurs twice in Dutch time (the hour the clocks go back)."
        + " Add the offset: 2026-10-25T02:30+02:00 (the first, summer time) or"
        + " 2026-10-25T02:30+01:00.")
    for text in [
      "yesterday", "2026-07-14T25:00", "2026-07-14T10:30+2:00", "2026-07-14T10:30+02",
      "2026-07-14T10",
      "2026-07-14T10:30:00.5Z", "2026-02-30T10:00Z", "2026-07-14T10:30+15:00",
    ] {
      #expect(
        message(text)?.hasSuffix(
          "is not an instant. Write a day (2026-07-14, meaning the end of that day in Dutch"
            + " time), a time with its offset such as 2020-09-30T23:59+02:00 or"
            + " 2026-07-14T10:30:00Z, or a Dutch local time such as 2026-07-14T10:30.") == true,
        "\(text)")
    }
  }

  @Test("the local form of an instant and the Dutch day it falls on")
  func local() {
    #expect(
      DutchTime.local(LogInstant("2026-07-14T21:59:59.999Z")!) == "2026-07-14T23:59:59.999+02:00")
    #expect(
      DutchTime.local(LogInstant("2026-01-14T23:30:00.000Z")!) == "2026-01-15T00:30:00.000+01:00")
    #expect(DutchTime.day(at: LogInstant("2026-07-14T22:30:00.000Z")!) == CalendarDay(2026, 7, 15))
    #expect(
      DutchTime.startOfDay(CalendarDay(2026, 7, 14)).description == "2026-07-13T22:00:00.000Z")
  }
}
