/// The IJmond example log (scenarios/ijmond-timeline.md) as a pure, deterministic script.
///
/// Replaying `steps` through `decide` and `apply` on an empty state accepts every step; the
/// seq of a step is its position + 1. No personal names: bodies stand for officials.
///
/// Deviations from the scenario's append order and rows, all deliberate:
/// - Setup steps `SETUP-…` register the organisations BEV, HKK, VLS, WSP and RIJK before IJM-001
///   and the bodies right after it (at 09:02, one millisecond apart): "unknown organisation/body"
///   is a hard refusal, and the scenario never registers them.
/// - IJM-038 (E007 departs, recorded 2025-09-16T11:20) is recorded right after the staff
///   baseline IJM-033 (2025-09-17T14:05 + 1 ms): before the baseline E007 is unknown.
/// - Rows that hold several facts become several records with ids `IJM-nnn/part`: IJM-037 and
///   IJM-039 (one `MilestonePlanned` per milestone), IJM-084, IJM-085, IJM-092, IJM-114 (one per
///   employee), IJM-102 (one `ContractChanged` per employee), IJM-099 (one per correcting line).
/// - IJM-005 is preceded by `IJM-005/plan` (MilestonePlanned F1), so the achieved milestone is known.
/// - Steps recorded in the same minute follow one another by 1 ms.
///
/// Backing (for the projections' audit, "What this scenario exercises"): IJM-082 (BEV moves)
/// rests on IJM-062, IJM-070, IJM-077 (recorded late), IJM-078 with OR advice IJM-045, IJM-058;
/// IJM-083 (HKK) on IJM-060, IJM-070, IJM-076, IJM-078 with IJM-045, IJM-059; IJM-089 (VLS) on
/// IJM-067, IJM-070, IJM-088, IJM-078 with IJM-045, IJM-061; IJM-107 (E046) on IJM-067, IJM-070,
/// IJM-105 with IJM-045, IJM-061. IJM-070 deviates from OR advice IJM-045 (execution not before
/// 2026-05-23). Scenario decisions per municipality: IJM-032/035/036, transitieplan
/// IJM-060/062/067.
public enum IJmondScenario {
  /// Every step in append order.
  public static let steps: [ScriptedStep] = {
    var script = ScriptBuilder()
    addSetupAndHistory(&script)
    addDecisionRoute(&script)
    addAftermath(&script)
    return script.steps
  }()

  static let raden: [BodyID] = ["RAAD-BEV", "RAAD-HKK", "RAAD-VLS"]
  static let colleges: [BodyID] = ["COL-BEV", "COL-HKK", "COL-VLS"]
  static let ijmond: [OrganisationID] = ["BEV", "HKK", "VLS"]
  static let scenarioDictum: [DictumPoint] = .numbered([
    "kiezen voor scenario 2: individuele aanpak per gemeente met situationele samenwerking",
    "een transitieplan voor scenario 2 opstellen",
    "in Q1 2026 een besluit nemen over het transitieplan en de gevolgen voor organisatie,"
      + " personeel en financiën van de GR IJmond Werkt! en van Beverwijk, Heemskerk en Velsen",
  ])
  static let planDictum: [DictumPoint] = .numbered([
    "transitieplan vaststellen (organisatie, personeel, financiën)",
    "toestemming voor de vijfde wijziging van de GR IJmond Werkt! (art. 1 lid 4 Wgr)",
    "begrotingswijziging voor het aandeel in de frictiekosten",
  ])

  static func decision(
    _ id: String, _ body: BodyID, _ kind: DecisionKind, _ subject: String,
    status: DecisionStatus = .definitief, dictum: [DictumPoint] = [], jointly: [BodyID] = [],
    proposal: ProposalID? = nil, legalBasis: [String] = [], vote: String? = nil,
    validFrom: CalendarDay? = nil, employees: [EmployeeID] = [], conditions: [String] = [],
    advice: [AdviceRequestID] = [], deviates: Bool = false, documents: [DocumentReference] = []
  ) -> DecisionTaken {
    DecisionTaken(
      decision: DecisionID(id), body: body, jointlyWith: jointly, kind: kind, status: status,
      subject: subject, dictum: dictum, proposal: proposal, legalBasis: legalBasis, vote: vote,
      validFrom: validFrom, validUntil: nil, subjectEmployees: employees, conditions: conditions,
      orAdviceRequests: advice, deviatesFromORAdvice: deviates, documents: documents)
  }

  static func milestone(
    _ id: MilestoneID, _ title: String, _ day: CalendarDay, _ precision: DatePrecision = .day
  )
    -> MilestonePlanned
  {
    MilestonePlanned(
      milestone: id, title: title, scope: ijmond, plannedDate: day, plannedPrecision: precision)
  }

  private static func addSetupAndHistory(_ script: inout ScriptBuilder) {
    let setup = Provenance(.system, "setup: parties named in the scenario")
    for (id, name, kind) in [
      ("BEV", "Gemeente Beverwijk", OrganisationKind.gemeente),
      ("HKK", "Gemeente Heemskerk", .gemeente), ("VLS", "Gemeente Velsen", .gemeente),
      ("WSP", "Werkgeversservicepunt Zuid-Kennemerland en IJmond", .uitvoerder),
      ("RIJK", "Rijk (Ministerie van SZW)", .rijk),
    ] {
      script.add(
        "SETUP-ORG-\(id)", "2025-09-15T09:00+02:00", "projectbureau", "2013",
        OrganisationRegistered(
          organisation: OrganisationID(id), name: name, kind: kind, members: []), setup)
    }
    script.add(
      "IJM-001", "2025-09-15T09:02+02:00", "projectbureau", "2013",
      OrganisationRegistered(
        organisation: "IJW", name: "GR IJmond Werkt!", kind: .gemeenschappelijkeRegeling,
        members: ijmond, governingText: "GR IJmond Werkt! 2024, vierde wijziging",
        role: "partieel sociaal ontwikkelbedrijf: Wsw, nieuw beschut, deel Pw re-integratie"),
      Source.seed("seed 001 (GR since 2013); seed 002 (wettelijk kader)"))
    let bodies: [(String, [OrganisationID], BodyKind, String)] = [
      ("RAAD-BEV", ["BEV"], .raad, "gemeenteraad Beverwijk"),
      ("RAAD-HKK", ["HKK"], .raad, "gemeenteraad Heemskerk"),
      ("RAAD-VLS", ["VLS"], .raad, "gemeenteraad Velsen"),
      ("COL-BEV", ["BEV"], .college, "college van B&W Beverwijk"),
      ("COL-HKK", ["HKK"], .college, "college van B&W Heemskerk"),
      ("COL-VLS", ["VLS"], .college, "college van B&W Velsen"),
      ("CIE-MMW-HKK", ["HKK"], .raadscommissie, "commissie Mens, Maatschappij en Welzijn"),
      ("CIE-BEV", ["BEV"], .raadscommissie, "raadscommissie Beverwijk"),
      ("CIE-VLS", ["VLS"], .raadscommissie, "raadscommissie Velsen"),
      ("GR-IJW-BESTUUR", ["IJW"], .grBestuur, "bestuur GR IJmond Werkt!"),
      ("IJW-MT", ["IJW"], .managementteam, "managementteam IJmond Werkt!"),
      ("OR-IJW", ["IJW"], .ondernemingsraad, "ondernemingsraad IJmond Werkt!"),
      ("OR-BEV", ["BEV"], .ondernemingsraad, "ondernemingsraad Beverwijk"),
      ("OR-HKK", ["HKK"], .ondernemingsraad, "ondernemingsraad Heemskerk"),
      ("OR-VLS", ["VLS"], .ondernemingsraad, "ondernemingsraad Velsen"),
      ("PHO", ijmond, .portefeuillehoudersoverleg, "wethouders Participatiewet (opdrachtgever)"),
      ("STUURGROEP", ijmond + ["IJW"], .stuurgroep, "stuurgroep transitie re-integratie"),
      ("PARTICIPATIERAAD", ijmond, .participatieraad, "IJmondiale Participatieraad"),
      ("ADVIESCIE-SP", ijmond + ["IJW"], .adviescommissie, "adviescommissie sociaal plan"),
    ]
    for (id, organisations, kind, name) in bodies {
      script.add(
        "SETUP-BODY-\(id)", "2025-09-15T09:02+02:00", "projectbureau", "2013",
        BodyRegistered(body: BodyID(id), organisations: organisations, kind: kind, name: name),
        setup)
    }
    let opdracht =
      "herontwerp dienstverlening Pw (re-integratie + voormalig Wsw); opdrachtgever:"
      + " 3 wethouders Participatiewet; fasen: probleemanalyse, scenario's, keuze, besluit"
    for (index, college) in colleges.enumerated() {
      script.add(
        "IJM-00\(index + 2)", "2025-09-15T09:1\(index)+02:00", "projectbureau", "2023-Q1",
        decision("IJM-00\(index + 2)", college, .opdracht, opdracht),
        Source.seed("seed 002 (begin 2023); seed 001 (opdracht, tijdspad)"))
    }
    script.add(
      "IJM-005/plan", "2025-09-15T09:20+02:00", "projectbureau", "2023-06",
      milestone("F1", "regionale probleemanalyse gestart", CalendarDay(2023, 6, 1), .month),
      Source.seed("seed 001"))
    script.add(
      "IJM-005", "2025-09-15T09:20+02:00", "projectbureau", "2023-06",
      MilestoneAchieved(
        milestone: "F1", title: "regionale probleemanalyse gestart", scope: ijmond,
        notes: "interviews jul-okt 2023"), Source.seed("seed 001"))
    addHistory(&script)
  }
}
