extension IJmondScenario {
  /// Rows IJM-040 … IJM-076 in append order (voorgenomen besluit to placement decisions).
  static func addDecisionRoute(_ script: inout ScriptBuilder) {
    let ill = Source.illustrative
    script.add(
      "IJM-040", "2025-10-10T09:15+02:00", "projectbureau", "2025-10-09",
      decision(
        "IJM-040", "GR-IJW-BESTUUR", .werkgeversbesluit,
        "ontvlechting RI-onderdeel (≈47 fte) en overdracht re-integratietaken aan BEV, HKK, VLS"
          + " per 2026-07-01; Wsw/nieuw beschut blijft in de GR", status: .voorgenomen), ill)
    script.add(
      "IJM-041", "2025-10-14T16:40+02:00", "hr-ijw", "2025-10-14",
      ORAdviceRequested(
        request: "IJM-041", worksCouncil: "OR-IJW", requestedBy: "GR-IJW-BESTUUR",
        intendedDecision: "IJM-040", legalBasis: "art. 25 lid 1 sub a, c, e WOR",
        subject: "voorgenomen besluit 2025-10-09: motieven, gevolgen voor personeel, maatregelen",
        documents: []), ill)
    script.add(
      "IJM-042", "2025-12-01T10:05+01:00", "hr-ijw", "2025-11-30",
      StaffDeparted(employee: "E031", employer: "IJW", reason: .vrijwilligVertrek), ill)
    script.add(
      "IJM-043", "2025-12-12T13:30+01:00", "projectbureau", "2025-12-11",
      ProposalSubmitted(
        proposal: "IJM-043", from: "GR-IJW-BESTUUR", to: raden,
        subject: "ontwerp GR IJmond Werkt! 2024, vijfde wijziging: re-integratietaak vervalt per"
          + " 2026-07-01; zienswijzetermijn 8 weken (art. 1 lid 3 Wgr) tot 2026-02-05",
        dictum: [], documents: []), ill)
    script.add(
      "IJM-045", "2026-01-16T08:55+01:00", "hr-ijw", "2026-01-15",
      ORAdviceGiven(
        request: "IJM-041", worksCouncil: "OR-IJW", outcome: .positiefMetVoorwaarden,
        conditions: [
          "(a) sociaal plan overeengekomen vóór enige plaatsing", "(b) geen gedwongen ontslagen",
          "(c) plaatsingsprocedure met belangstellingsregistratie en bezwaar via adviescommissie",
          "(d) jobcoaching doelgroepregister blijft (deels) bij IJW!",
        ]), ill)
    script.add(
      "IJM-046", "2026-01-21T10:00+01:00", "projectbureau", "2026-01-20",
      StakeholderPositionSubmitted(
        from: ["PARTICIPATIERAAD"], to: colleges,
        points: [
          "continuïteit voor inwoners in lopend traject", "één contactpersoon tijdens overdracht",
        ],
        documents: []), ill)
    for (index, college) in colleges.enumerated() {
      let id = "IJM-04\(index + 7)"
      script.add(
        id, "2026-01-28T15:0\(index * 5)+01:00", "projectbureau", "2026-01-27",
        ProposalSubmitted(
          proposal: ProposalID(id), from: college, to: [raden[index]],
          subject: "raadsvoorstel transitieplan", dictum: planDictum, documents: []), ill)
    }
    script.add(
      "IJM-050", "2026-01-29T14:00+01:00", "hr-bev", "2026-01-29",
      ORAdviceRequested(
        request: "IJM-050", worksCouncil: "OR-BEV", requestedBy: "COL-BEV",
        legalBasis: "art. 25 WOR",
        subject:
          "uitbreiding team Werk & Inkomen met ≈11.4 fte van IJW! + inrichting re-integratie",
        documents: []), ill)
    script.add(
      "IJM-051", "2026-01-30T11:45+01:00", "projectbureau", "2026-01-29",
      SocialPlanAgreed(
        plan: "sociaal-plan-ri-ijmond", parties: ["GR-IJW-BESTUUR"] + colleges,
        otherParties: ["vakbonden"], validFrom: CalendarDay(2026, 2, 1),
        validUntil: CalendarDay(2027, 12, 31),
        contents: [
          "plaatsingsprocedure (functieboek, belangstellingsregistratie, plaatsingsbesluit,"
            + " bezwaar via adviescommissie)", "VWNW-traject 12 maanden", "salarisgarantie",
          "vertrekregeling",
        ]), ill)
    script.add(
      "IJM-052", "2026-02-02T09:10+01:00", "hr-ijw", "2026-01-31",
      StaffDeparted(employee: "E051", employer: "IJW", reason: .pensioen), ill)
    script.add(
      "IJM-053", "2026-02-03T10:20+01:00", "hr-hkk", "2026-02-03",
      ORAdviceRequested(
        request: "IJM-053", worksCouncil: "OR-HKK", requestedBy: "COL-HKK",
        legalBasis: "art. 25 WOR",
        subject: "uitbreiding team Werk & Inkomen met ≈11.4 fte van IJW!", documents: []), ill)
    let zienswijzen: [(String, Bool, String)] = [
      ("geen zienswijze (stemt in)", true, ""),
      ("geen bezwaren; vraagt halfjaarlijkse voortgangsrapportage", true, ""),
      ("borg jobcoaching jongeren PRO/VSO en de rol van het WSP", false, ""),
    ]
    for (index, entry) in zienswijzen.enumerated() {
      script.add(
        "IJM-05\(index + 4)", "2026-02-06T09:0\(index * 5)+01:00", "projectbureau", "2026-02-05",
        ZienswijzeSubmitted(
          raad: raden[index], to: "GR-IJW-BESTUUR",
          draft: "ontwerp vijfde wijziging GR IJmond Werkt!",
          noObjections: entry.1, content: entry.0), ill)
    }
    script.add(
      "IJM-034", "2026-02-10T16:20+01:00", "fin-vls", "2025-07-01",
      CostSharingKeySet(
        costs: "frictiekosten", version: 1, shares: IJmondCosts.keyV1,
        validFrom: CalendarDay(2025, 7, 1), basis: "werksleutel: afgeronde huidige GR-sleutel"),
      Source.illustrative("HKK ≈26 % matches seed 002"))
    script.add(
      "IJM-057", "2026-02-12T11:30+01:00", "hr-vls", "2026-02-12",
      ORAdviceRequested(
        request: "IJM-057", worksCouncil: "OR-VLS", requestedBy: "COL-VLS",
        legalBasis: "art. 25 WOR",
        subject: "uitbreiding cluster Werk & Inkomen met ≈14.0 fte van IJW!; detachering 2"
          + " werkgeversadviseurs naar het WSP", documents: []), ill)
    script.add(
      "IJM-044", "2026-02-12T15:10+01:00", "fin-vls", "2025-12-31",
      CostBooked(costs: "frictiekosten", lines: IJmondCosts.lines(["K01"])), ill)
    for (id, recorded, day, request, council, outcome, conditions) in [
      (
        "IJM-058", "2026-02-20T09:30+01:00", "2026-02-19", "IJM-050", "OR-BEV",
        AdviceOutcome.positief, [String]()
      ),
      (
        "IJM-059", "2026-02-25T09:40+01:00", "2026-02-24", "IJM-053", "OR-HKK", .positief,
        ["aandacht voor werkdruk in het bestaande team (11 fte)"]
      ),
    ] {
      script.add(
        id, recorded, "projectbureau", day,
        ORAdviceGiven(
          request: AdviceRequestID(request), worksCouncil: BodyID(council), outcome: outcome,
          conditions: conditions), ill)
    }
    let planBasis = ["Gemeentewet", "art. 1 lid 4 Wgr"]
    script.add(
      "IJM-060", "2026-03-06T10:15+01:00", "griffie-hkk", "2026-03-05",
      decision(
        "IJM-060", "RAAD-HKK", .transitieplan, "transitieplan", dictum: planDictum,
        proposal: "IJM-048",
        legalBasis: planBasis), ill)
    script.add(
      "IJM-061", "2026-03-11T09:00+01:00", "projectbureau", "2026-03-10",
      ORAdviceGiven(
        request: "IJM-057", worksCouncil: "OR-VLS", outcome: .positiefMetVoorwaarden,
        conditions: ["werkplekken op één locatie"]), ill)
    script.add(
      "IJM-062", "2026-03-13T10:20+01:00", "griffie-bev", "2026-03-12",
      decision(
        "IJM-062", "RAAD-BEV", .transitieplan, "transitieplan", dictum: planDictum,
        proposal: "IJM-047",
        legalBasis: planBasis), ill)
    script.add(
      "IJM-063", "2026-03-19T08:00+01:00", "projectbureau", "2026-03-18",
      ExternalContextRecorded(
        topic: "gemeenteraadsverkiezingen-2026",
        description: "gemeenteraadsverkiezingen; nieuwe raden eind maart 2026 geïnstalleerd",
        scope: ijmond), Source.external("EXT-19"))
    script.add(
      "IJM-064", "2026-03-20T15:45+01:00", "projectbureau", "2026-03-20",
      MilestoneReplanned(
        milestone: "M1", scope: ["VLS"], previousDate: CalendarDay(2026, 3, 31),
        newDate: CalendarDay(2026, 4, 16),
        reason: "raad Velsen agendeert het transitieplan voor de nieuw geïnstalleerde raad"), ill)
    script.add(
      "IJM-065", "2026-04-01T09:05+02:00", "hr-ijw", "2026-03-31",
      StaffDeparted(employee: "E040", employer: "IJW", reason: .vrijwilligVertrek), ill)
    script.add(
      "IJM-066", "2026-04-14T14:30+02:00", "fin-vls", "2026-03-31",
      CostBooked(costs: "frictiekosten", lines: IJmondCosts.lines(["K02", "K03"])), ill)
    script.add(
      "IJM-067", "2026-04-17T09:50+02:00", "griffie-vls", "2026-04-16",
      decision(
        "IJM-067", "RAAD-VLS", .transitieplan, "transitieplan", dictum: planDictum,
        proposal: "IJM-049",
        legalBasis: planBasis), ill)
    script.add(
      "IJM-068", "2026-04-17T10:05+02:00", "projectbureau", "2026-04-16",
      MilestoneAchieved(
        milestone: "M1", title: "transitieplan vastgesteld door de 3 raden", scope: ijmond,
        notes: "gepland 2026-03-31; 16 dagen later"), ill)
    script.add(
      "IJM-069", "2026-04-20T08:30+02:00", "hr-ijw", "2026-04-20",
      PlacementProcedureStep(
        procedure: "plaatsing-2026", step: .belangstellingsregistratie,
        bodies: ["GR-IJW-BESTUUR"] + colleges, employees: [], placements: [],
        details: "belangstellingsregistratie geopend; functieboeken BEV/HKK/VLS gepubliceerd",
        until: CalendarDay(2026, 5, 8)), ill)
    addDecisionRouteContinued(&script)
  }
}
