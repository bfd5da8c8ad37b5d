extension IJmondScenario {
  static let bevMoves: [EmployeeID] = IJmondStaff.moves(prefix: "T-B", decisions: [], orAdvice: [])
    .map(\.employee)
  static let hkkMoves: [EmployeeID] = IJmondStaff.moves(prefix: "T-H", decisions: [], orAdvice: [])
    .map(\.employee)
  static let vlsMoves: [EmployeeID] =
    IJmondStaff.moves(prefix: "T-V-0", decisions: [], orAdvice: [])
    .map(\.employee)
    + IJmondStaff.moves(prefix: "T-V-1", decisions: [], orAdvice: []).map(\.employee)
    .filter { $0 != "E046" }

  /// Rows IJM-070 … IJM-076.
  static func addDecisionRouteContinued(_ script: inout ScriptBuilder) {
    let ill = Source.illustrative
    script.add(
      "IJM-070", "2026-04-24T11:10+02:00", "projectbureau", "2026-04-23",
      decision(
        "IJM-070", "GR-IJW-BESTUUR", .grWijziging,
        "vijfde wijziging GR IJmond Werkt! vastgesteld na toestemming van de 3 raden; in werking"
          + " 2026-07-01; DVO IJW!-VLS tot 2026-08-31",
        dictum: .numbered([
          "vijfde wijziging vaststellen; re-integratietaak vervalt per 2026-07-01",
          "DVO IJW!-VLS voor re-integratie Velsense inwoners tot 2026-08-31",
          "OR-advies (a)-(c) gevolgd; (d) deels: 2 van 10 jobcoaches blijven bij IJW!",
        ]), legalBasis: ["art. 1 Wgr", "GR IJmond Werkt! 2024"], validFrom: CalendarDay(2026, 7, 1),
        conditions: ["opschorting 1 maand (art. 25 lid 6 WOR) tot 2026-05-23"],
        advice: ["IJM-041"], deviates: true), ill)
    script.add(
      "IJM-071", "2026-04-24T11:20+02:00", "projectbureau", "2026-04-23",
      MilestoneReplanned(
        milestone: "M3", scope: ["VLS"], previousDate: CalendarDay(2026, 7, 1),
        newDate: CalendarDay(2026, 9, 1), reason: "volgt het latere raadsbesluit van Velsen"), ill)
    script.add(
      "IJM-072", "2026-05-22T16:00+02:00", "hr-ijw", "2026-05-19",
      PlacementProcedureStep(
        procedure: "plaatsing-2026", step: .voorgenomenPlaatsingsbesluit,
        bodies: ["GR-IJW-BESTUUR"] + colleges, employees: ["E046", "E055", "E024"],
        placements: IJmondStaff.intendedPlacements,
        details: "48 medewerkers: 43 naar een gemeente, 5 binnen IJW!; E046 en E055 niet geplaatst"
          + " (boventallig per 2026-07-01); E024 niet geplaatst (pensioen 2026-06-30)"), ill)
    script.add(
      "IJM-073", "2026-05-28T13:00+02:00", "projectbureau", "2026-05-28",
      MilestoneReplanned(
        milestone: "M2", scope: ijmond, previousDate: CalendarDay(2026, 6, 1),
        newDate: CalendarDay(2027, 1, 1), reason: "landelijk besluit nog niet genomen"), ill)
    script.add(
      "IJM-074", "2026-06-02T12:10+02:00", "hr-ijw", "2026-06-02",
      PlacementProcedureStep(
        procedure: "plaatsing-2026", step: .bezwaar, bodies: ["ADVIESCIE-SP"], employees: ["E017"],
        placements: [], details: "bezwaar tegen voorgenomen plaatsing bij VLS (voorkeur BEV)"), ill)
    script.add(
      "IJM-075", "2026-06-05T15:30+02:00", "hr-ijw", "2026-05-19",
      DecisionCorrected(
        decision: "IJM-072",
        changes: [FieldChange("placements[E017].destination", from: "VLS", to: "BEV")],
        retroactiveFrom: CalendarDay(2026, 5, 19),
        authority: ["GR-IJW-BESTUUR", "COL-BEV", "COL-VLS"],
        reason: "advies adviescommissie sociaal plan van 2026-06-05"), ill, corrects: "IJM-072",
      reason: "bezwaar E017 gegrond: bestemming VLS wordt BEV")
    script.add(
      "IJM-076", "2026-06-10T09:00+02:00", "hr-hkk", "2026-06-09",
      decision(
        "IJM-076", "COL-HKK", .plaatsingsbesluit,
        "14 medewerkers geplaatst per 2026-07-01 (T-H-xx)",
        employees: hkkMoves, advice: ["IJM-053"]), ill)
    addTransition(&script)
  }

  /// Rows IJM-078 … IJM-095 in append order.
  static func addTransition(_ script: inout ScriptBuilder) {
    let ill = Source.illustrative
    script.add(
      "IJM-078", "2026-06-12T09:20+02:00", "hr-ijw", "2026-06-11",
      decision(
        "IJM-078", "GR-IJW-BESTUUR", .werkgeversbesluit,
        "einde dienstverband bij IJW! per 2026-07-01 (BEV, HKK) en 2026-09-01 (VLS); 5 herplaatst"
          + " binnen IJW!; E046, E055 boventallig per 2026-07-01 (VWNW)",
        employees: bevMoves + hkkMoves + vlsMoves, advice: ["IJM-041"]), ill)
    script.add(
      "IJM-081", "2026-07-01T08:05+02:00", "projectbureau", "2026-07-01",
      GRAmended(
        arrangement: "IJW", amendment: "GR IJmond Werkt! 2024, vijfde wijziging",
        tasksRemoved: ["re-integratie Participatiewet (VLS via DVO tot 2026-08-31)"],
        tasksAdded: [],
        membersAfter: ijmond, decisions: ["IJM-060", "IJM-062", "IJM-067", "IJM-070"]), ill)
    script.add(
      "IJM-079", "2026-07-01T08:15+02:00", "hr-ijw", "2026-06-30",
      StaffDeparted(employee: "E024", employer: "IJW", reason: .pensioen), ill)
    script.add(
      "IJM-082", "2026-07-01T08:40+02:00", "hr-ijw", "2026-07-01",
      StaffTransferred(
        batch: "IJM-082",
        lines: IJmondStaff.moves(
          prefix: "T-B", decisions: ["IJM-062", "IJM-070", "IJM-077", "IJM-078"],
          orAdvice: ["IJM-045", "IJM-058"])), ill)
    script.add(
      "IJM-083", "2026-07-01T08:45+02:00", "hr-ijw", "2026-07-01",
      StaffTransferred(
        batch: "IJM-083",
        lines: IJmondStaff.moves(
          prefix: "T-H", decisions: ["IJM-060", "IJM-070", "IJM-076", "IJM-078"],
          orAdvice: ["IJM-045", "IJM-059"])), ill)
    for (employee, fte, unit) in [
      ("E034", "0.78", "jobcoaching (teruggekocht door de gemeenten)"),
      ("E035", "0.89", "jobcoaching (teruggekocht door de gemeenten)"),
      ("E044", "0.78", "De Passage (Wsw/Beschut)"), ("E045", "0.89", "De Passage (Wsw/Beschut)"),
      ("E050", "0.46", "Wsw-werkzaamheden"),
    ] {
      script.add(
        "IJM-084/\(employee)", "2026-07-01T08:50+02:00", "hr-ijw", "2026-07-01",
        StaffReassigned(
          employee: EmployeeID(employee), employer: "IJW", fromUnit: "RI-deel", toUnit: unit,
          fte: IJmondStaff.fte(fte), reason: "herplaatst binnen IJW! (IJM-078)"), ill)
    }
    for employee in ["E046", "E055"] {
      script.add(
        "IJM-085/\(employee)", "2026-07-01T08:55+02:00", "hr-ijw", "2026-07-01",
        SurplusDeclared(
          employee: EmployeeID(employee), employer: "IJW", status: .boventallig,
          vwnwFrom: CalendarDay(2026, 7, 1), vwnwUntil: CalendarDay(2027, 6, 30)), ill)
    }
    script.add(
      "IJM-086", "2026-07-01T09:00+02:00", "projectbureau", "2026-07-01",
      MilestoneAchieved(
        milestone: "M3", title: "personeel over naar gemeenten", scope: ["BEV", "HKK"],
        notes: "volgens planning"), ill)
    script.add(
      "IJM-087", "2026-07-03T14:00+02:00", "projectbureau", "2026-07-01",
      CaseloadTransferred(
        from: "IJW", to: "BEV", asOf: CalendarDay(2026, 6, 30), trajectoryCount: 229),
      ill)
    script.add(
      "IJM-087/HKK", "2026-07-03T14:00+02:00", "projectbureau", "2026-07-01",
      CaseloadTransferred(
        from: "IJW", to: "HKK", asOf: CalendarDay(2026, 6, 30), trajectoryCount: 197),
      ill)
    script.add(
      "IJM-080", "2026-07-09T10:40+02:00", "fin-vls", "2026-06-30",
      CostBooked(costs: "frictiekosten", lines: IJmondCosts.lines(["K04"])), ill)
    script.add(
      "IJM-077", "2026-07-14T10:30+02:00", "hr-bev", "2026-06-09",
      decision(
        "IJM-077", "COL-BEV", .plaatsingsbesluit,
        "14 medewerkers incl. E017 geplaatst per 2026-07-01 (T-B-xx); laat vastgelegd",
        employees: bevMoves, advice: ["IJM-050"]), ill)
    script.add(
      "IJM-088", "2026-07-15T09:10+02:00", "hr-vls", "2026-07-14",
      decision(
        "IJM-088", "COL-VLS", .plaatsingsbesluit,
        "15 medewerkers geplaatst per 2026-09-01 (T-V-xx) als overgang van onderneming (art. 7:663"
          + " BW); E021 op eigen verzoek 0.89 fte; detachering E038, E039 naar het WSP",
        legalBasis: ["art. 7:663 BW"], employees: vlsMoves, advice: ["IJM-057"]), ill)
    addTransitionContinued(&script)
  }
}
