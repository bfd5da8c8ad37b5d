extension IJmondScenario {
  /// Rows IJM-089 … IJM-095.
  static func addTransitionContinued(_ script: inout ScriptBuilder) {
    let ill = Source.illustrative
    script.add(
      "IJM-089", "2026-09-01T08:30+02:00", "hr-ijw", "2026-09-01",
      StaffTransferred(
        batch: "IJM-089",
        lines: IJmondStaff.moves(
          prefix: "T-V-0", decisions: ["IJM-067", "IJM-070", "IJM-088", "IJM-078"],
          orAdvice: ["IJM-045", "IJM-061"])
          + IJmondStaff.moves(
            prefix: "T-V-1", decisions: ["IJM-067", "IJM-070", "IJM-088", "IJM-078"],
            orAdvice: ["IJM-045", "IJM-061"]
          ).filter { $0.line != "T-V-16" }), ill)
    script.add(
      "IJM-090", "2026-09-01T08:35+02:00", "hr-vls", "2026-09-01",
      ContractChanged(
        employee: "E021", employer: "VLS", contractFTEBefore: IJmondStaff.fte("1.00"),
        contractFTEAfter: IJmondStaff.fte("0.89"), contractHoursAfter: 32,
        basis: "IJM-088", reason: "eigen verzoek, eerste dag bij VLS"), ill)
    script.add(
      "IJM-091", "2026-09-01T09:00+02:00", "projectbureau", "2026-09-01",
      MilestoneAchieved(
        milestone: "M3", title: "personeel over naar gemeenten", scope: ["VLS"],
        notes: "DVO IJW!-VLS beëindigd 2026-08-31"), ill)
    for employee in ["E038", "E039"] {
      script.add(
        "IJM-092/\(employee)", "2026-09-02T10:00+02:00", "hr-vls", "2026-09-01",
        SecondmentStarted(
          employee: EmployeeID(employee), employer: "VLS", host: "WSP",
          until: CalendarDay(2027, 8, 31)),
        ill)
    }
    script.add(
      "IJM-093", "2026-09-03T14:00+02:00", "projectbureau", "2026-09-01",
      CaseloadTransferred(
        from: "IJW", to: "VLS", asOf: CalendarDay(2026, 8, 31), trajectoryCount: 266),
      ill)
    script.add(
      "IJM-096", "2026-10-01T09:00+02:00", "hr-bev", "2026-10-01",
      ExternalHireRecorded(
        employee: "X001", employer: "BEV", function: "klantmanager werk",
        contractFTE: IJmondStaff.fte("0.89"), cao: "Cao Gemeenten"), ill)
    script.add(
      "IJM-097", "2026-10-01T09:05+02:00", "hr-bev", "2026-10-01",
      ContractChanged(
        employee: "E052", employer: "BEV", contractTypeAfter: .onbepaaldeTijd,
        reason: "bepaalde tijd (tot 2026-12-31, overgenomen van IJW!) wordt onbepaalde tijd"), ill)
    script.add(
      "IJM-094", "2026-10-02T11:00+02:00", "fin-vls", "2026-09-30",
      CostBooked(costs: "frictiekosten", lines: IJmondCosts.lines(["K06", "K07", "K09"])), ill)
    script.add(
      "IJM-095", "2026-10-02T11:05+02:00", "fin-vls", "2026-09-30",
      CostBooked(costs: "frictiekosten", lines: IJmondCosts.lines(["K08"])), ill)
  }

  /// Rows IJM-098 … IJM-118 in append order.
  static func addAftermath(_ script: inout ScriptBuilder) {
    let ill = Source.illustrative
    script.add(
      "IJM-098", "2026-10-05T14:45+02:00", "fin-vls", "2025-07-01",
      CostSharingKeyCorrected(
        costs: "frictiekosten", version: 2, correctsVersion: 1, shares: IJmondCosts.keyV2,
        validFrom: CalendarDay(2025, 7, 1), basis: "inwoners medio 2024 (41,863 / 39,542 / 69,238)",
        reason: "definitieve sleutel op inwonersaantallen"),
      Source.illustrative("inhabitants: seed 002"), corrects: "IJM-034",
      reason: "werksleutel v1 vervangen door definitieve sleutel v2")
    for (line, booking, day) in [
      ("K01-R", "IJM-044", "2025-12-31"), ("K02-R", "IJM-066", "2026-03-31"),
      ("K03-R", "IJM-066", "2026-03-31"), ("K04-R", "IJM-080", "2026-06-30"),
      ("K08-R", "IJM-095", "2026-09-30"),
    ] {
      script.add(
        "IJM-099/\(line)", "2026-10-06T10:00+02:00", "fin-vls", day,
        CostBookingCorrected(
          costs: "frictiekosten", lines: [IJmondCosts.correction(line)],
          reason: "herverdeling v1 → v2 na IJM-098"), ill, corrects: booking,
        reason: "sleutel v1 gecorrigeerd (IJM-098)")
    }
    script.add(
      "IJM-100", "2026-11-12T16:00+01:00", "projectbureau", "2026-11-12",
      MilestoneReplanned(
        milestone: "M4", scope: ijmond, previousDate: CalendarDay(2027, 1, 1),
        newDate: CalendarDay(2027, 4, 1), reason: "organisatieplan heeft eerst OR-advies nodig"),
      ill)
    for employee in vlsMoves {
      script.add(
        "IJM-102/\(employee)", "2026-11-24T14:20+01:00", "hr-vls", "2027-01-01",
        ContractChanged(
          employee: employee, employer: "VLS", caoBefore: "Cao SGO", caoAfter: "Cao Gemeenten",
          reason: "harmonisatie arbeidsvoorwaarden na de overgang (COL-VLS 2026-11-24, OR-VLS"
            + " geraadpleegd)"), ill)
    }
    script.add(
      "IJM-103", "2026-12-15T11:30+01:00", "hr-hkk", "2027-01-01",
      ContractChanged(
        employee: "E010", employer: "HKK", contractFTEBefore: IJmondStaff.fte("0.89"),
        contractFTEAfter: IJmondStaff.fte("1.00"), contractHoursAfter: 36,
        reason: "uitbreiding op eigen verzoek"), ill)
    script.add(
      "IJM-104", "2027-01-08T09:30+01:00", "projectbureau", "2027-01-01",
      MilestoneAchieved(
        milestone: "M2", title: "WSP onder Werkcentrum", scope: ijmond, notes: "gepland 2026-06-01"),
      ill)
    script.add(
      "IJM-101", "2027-01-15T15:00+01:00", "fin-vls", "2026-12-31",
      CostBooked(costs: "frictiekosten", lines: IJmondCosts.lines(["K05", "K10", "K11", "K18"])),
      ill)
    script.add(
      "IJM-105", "2027-01-20T09:15+01:00", "hr-vls", "2027-01-19",
      decision(
        "IJM-105", "COL-VLS", .plaatsingsbesluit,
        "E046 geplaatst als trajectbegeleider VLS per 2027-02-01 (VWNW); einde dienstverband"
          + " IJW! per 2027-01-31", jointly: ["GR-IJW-BESTUUR"], employees: ["E046"]), ill)
    script.add(
      "IJM-106", "2027-01-26T14:10+01:00", "hr-ijw", "2027-01-26",
      ORAdviceRequested(
        request: "IJM-106", worksCouncil: "OR-IJW", requestedBy: "GR-IJW-BESTUUR",
        legalBasis: "art. 25 WOR",
        subject:
          "organisatieplan achterblijvend IJW! (Wsw/nieuw beschut; ≈36 fte + 3.80 fte herplaatst)",
        documents: []), ill)
    script.add(
      "IJM-107", "2027-02-01T08:30+01:00", "hr-ijw", "2027-02-01",
      StaffTransferred(
        batch: "IJM-107",
        lines: IJmondStaff.moves(
          prefix: "T-V-16", decisions: ["IJM-067", "IJM-070", "IJM-105"],
          orAdvice: ["IJM-045", "IJM-061"])), ill)
    script.add(
      "IJM-108", "2027-03-19T09:00+01:00", "hr-ijw", "2027-03-18",
      ORAdviceGiven(request: "IJM-106", worksCouncil: "OR-IJW", outcome: .positief, conditions: []),
      ill)
    script.add(
      "IJM-109", "2027-03-26T10:00+01:00", "projectbureau", "2027-03-25",
      decision(
        "IJM-109", "GR-IJW-BESTUUR", .organisatieplan, "organisatieplan IJW! 2027",
        validFrom: CalendarDay(2027, 4, 1), advice: ["IJM-106"]), ill)
    script.add(
      "IJM-110", "2027-04-01T09:00+02:00", "projectbureau", "2027-04-01",
      MilestoneAchieved(
        milestone: "M4", title: "herinrichting achterblijvend deel IJW!", scope: ijmond,
        notes: "gepland 2027-01-01"), ill)
    script.add(
      "IJM-111", "2027-05-12T10:00+02:00", "fin-vls", "2027-04-30",
      CostBooked(costs: "frictiekosten", lines: IJmondCosts.lines(["K17"])), ill)
    script.add(
      "IJM-112", "2027-07-01T08:20+02:00", "hr-ijw", "2027-06-30",
      StaffDeparted(employee: "E055", employer: "IJW", reason: .vertrekregeling), ill)
    script.add(
      "IJM-113", "2027-07-14T11:00+02:00", "fin-vls", "2027-06-30",
      CostBooked(costs: "frictiekosten", lines: IJmondCosts.lines(["K12", "K13", "K14"])), ill)
    for employee in ["E038", "E039"] {
      script.add(
        "IJM-114/\(employee)", "2027-08-20T13:30+02:00", "hr-vls", "2027-08-31",
        SecondmentExtended(
          employee: EmployeeID(employee), host: "WSP", until: CalendarDay(2028, 8, 31)),
        ill)
    }
    script.add(
      "IJM-115", "2027-10-08T09:00+02:00", "projectbureau", "2027-10-07",
      InformationProvided(
        from: colleges, to: raden, form: .raadsinformatiebrief,
        subject: "evaluatie transitie re-integratie (een jaar na overgang)", documents: []), ill)
    script.add(
      "IJM-116", "2027-12-08T10:30+01:00", "fin-vls", "2027-11-30",
      CostBooked(costs: "frictiekosten", lines: IJmondCosts.lines(["K16", "K19"])), ill)
    script.add(
      "IJM-117", "2027-12-17T10:00+01:00", "fin-vls", "2027-12-16",
      decision(
        "IJM-117", "GR-IJW-BESTUUR", .afrekening,
        "eindafrekening frictiekosten: EUR 2,352,500.00 vs raming EUR 2,300,000 (+2.3 %);"
          + " overschrijding gedekt uit het Impulsbudget", jointly: colleges), ill)
    script.add(
      "IJM-118", "2027-12-31T12:00+01:00", "projectbureau", "2027-12-31",
      MilestoneAchieved(
        milestone: "M5", title: "sociaal plan verloopt; transitie administratief afgesloten",
        scope: ijmond, notes: ""), ill)
  }
}
