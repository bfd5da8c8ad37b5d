extension IJmondScenario {
  /// Rows IJM-006 … IJM-039 (back-filled history, recorded 2025-09-15 … 2025-09-17).
  static func addHistory(_ script: inout ScriptBuilder) {
    let pb = "projectbureau"
    let s1 = Source.seed("seed 001")
    let s2 = Source.seed("seed 002")
    let s3 = Source.seed("seed 003")
    let ill = Source.illustrative
    script.add(
      "IJM-006", "2025-09-15T09:25+02:00", pb, "2023-12-31",
      ReferenceDataRecorded(
        dataset: "ijw-trajecten-2023", asOf: CalendarDay(2023, 12, 31),
        publisher: "IJW / CBS / UWV",
        figures: [
          .init("lopende trajecten IJW!", "IJW", 759), .init("garantiebaan actief", "IJW", 95),
          .init("Pw", "BEV", 877), .init("WW", "BEV", 369), .init("Pw", "HKK", 729),
          .init("WW", "HKK", 239), .init("Pw", "VLS", 1312), .init("WW", "VLS", 510),
          .init("Pw", "total", 2918), .init("WW", "total", 1118),
        ], notes: ["≈75% individueel maatwerk"]), s1)
    script.add(
      "IJM-007", "2025-09-15T09:28+02:00", pb, "2024-01",
      InformationProvided(
        from: ["PHO"], to: [],
        audience: "sleutelfiguren van 3 gemeenten en IJW!; uitvoerende medewerkers",
        form: .bijeenkomst, subject: "probleemanalyse besproken", documents: []), s1)
    script.add(
      "IJM-008", "2025-09-15T09:31+02:00", pb, "2024-02-07",
      InformationProvided(
        from: ["PHO"], to: [], audience: "wethouders wmo", form: .bijeenkomst,
        subject: "beeld gedeeld; vervolggesprekken breder sociaal domein", documents: []), s1)
    script.add(
      "IJM-009", "2025-09-15T09:33+02:00", pb, "2024-03",
      MilestoneAchieved(
        milestone: "F0", title: "lichte projectstructuur gestart", scope: ijmond,
        notes: "leidinggevenden uitvoerende teams van de 4 organisaties"), s1)
    script.add(
      "IJM-010", "2025-09-15T09:40+02:00", pb, "2024-04",
      InformationProvided(
        from: colleges, to: raden, form: .bijeenkomst, subject: "IJmondiale radenbijeenkomst",
        documents: ["D/2024/648974"]), s2)
    script.add(
      "IJM-011", "2025-09-15T09:44+02:00", pb, "2024-06",
      ExternalContextRecorded(
        topic: "werkcentrum-zkij",
        description: "Werkcentrum geïmplementeerd in de arbeidsmarktregio; WSP onder voorbehoud"
          + " per 2026-06-01 onder het Werkcentrum", scope: ijmond), s2)
    script.add(
      "IJM-012", "2025-09-15T09:50+02:00", pb, "2024-07~",
      ReferenceDataRecorded(
        dataset: "ijmond-medio-2024", asOf: CalendarDay(2024, 7, 1), publisher: "colleges",
        figures: [
          .init("inwoners", "BEV", 41863), .init("inwoners", "HKK", 39542),
          .init("inwoners", "VLS", 69238), .init("inwoners", "total", 150533),
          .init("Pw-uitkeringen", "BEV", 1041), .init("Pw-uitkeringen", "HKK", 913),
          .init("Pw-uitkeringen", "VLS", 1727), .init("Pw-uitkeringen", "total", 3681),
          .init("in lopend traject IJW!", "BEV", 246), .init("in lopend traject IJW!", "HKK", 211),
          .init("in lopend traject IJW!", "VLS", 281),
          .init("in lopend traject IJW!", "total", 738),
          .init("WSW", "IJmond", 409), .init("Beschut", "IJmond", 58),
        ], notes: ["total inwoners as printed; column sum 150643"]), s2)
    script.add(
      "IJM-013", "2025-09-15T09:52+02:00", pb, "2024",
      DocumentRegistered(
        document: "D/2024/697840",
        title: "Commissievoorstel Bespreken uitgewerkte oplossingsrichtingen herontwerp"
          + " re-integratiedienstverlening Participatiewet IJmond", kind: .commissievoorstel,
        organisation: "HKK", geheimhouding: false, attachments: []), s2)
    script.add(
      "IJM-014", "2025-09-15T09:55+02:00", pb, "2024-10",
      OrganisationChanged(
        organisation: "IJW",
        change: "werkcoaches volledig gemeentegericht: één team per gemeente, meest in het"
          + " gemeentehuis; brede intake samen met gemeenteconsulent"), s3)
    script.add(
      "IJM-016", "2025-09-15T10:02+02:00", pb, "2025-01-28",
      InformationProvided(
        from: ["COL-HKK"], to: ["RAAD-HKK"], form: .raadsmemo,
        subject: "Voortgang Herontwerp Re-integratiedienstverlening", documents: ["D/2025/702593"]),
      Source.seed("seed 000; seed 002"))
    script.add(
      "IJM-017", "2025-09-15T10:05+02:00", pb, "2025-02-25",
      ProposalSubmitted(
        proposal: "IJM-017", from: "COL-HKK", to: ["CIE-MMW-HKK"],
        subject: "bespreking eindrapport herontwerp (geen besluit)", dictum: [],
        documents: ["D/2025/707516", "D/2025/708641", "D/2025/708637", "D/2025/702593"],
        plannedCommitteeDate: CalendarDay(2025, 4, 2)), Source.seed("seed 000"))
    script.add(
      "IJM-018", "2025-09-15T10:08+02:00", pb, "2025-03-06",
      InformationProvided(
        from: ["GR-IJW-BESTUUR"], to: ["OR-IJW"], audience: "medewerkers IJW!", form: .bijeenkomst,
        subject: "rapport Herontwerp Dienstverlening Participatiewet", documents: []), s3)
    script.add(
      "IJM-019", "2025-09-15T10:10+02:00", pb, "2025-03-26",
      StakeholderPositionSubmitted(
        from: ["IJW-MT", "OR-IJW"], to: raden,
        points: [
          "doelmatigheid", "sociale infrastructuur", "kwetsbare inwoners",
          "werkgeversdienstverlening", "financieel perspectief", "impact organisatie",
        ], documents: ["D/2025/723307"]), Source.seed("seed 003; seed 002"))
    script.add(
      "IJM-020", "2025-09-15T10:14+02:00", pb, "2025-04-02",
      CommitteeConsidered(
        committee: "CIE-MMW-HKK", proposal: "IJM-017", outcome: .besproken,
        notes: "scenario's 1/2/3 en A/B besproken; OR en medewerkers IJW! aanwezig"),
      Source.seed("seed 000; seed 003"))
    script.add(
      "IJM-021", "2025-09-15T10:15+02:00", pb, "2025-04-10",
      CommitteeConsidered(
        committee: "CIE-VLS", outcome: .besproken,
        notes: "rapport herontwerp besproken; OR en medewerkers IJW! aanwezig"), s3)
    script.add(
      "IJM-022", "2025-09-15T10:16+02:00", pb, "2025-04",
      CommitteeConsidered(
        committee: "RAAD-BEV", outcome: .besproken, notes: "raadsbijeenkomst; datum niet in seeds"),
      s2)
    script.add(
      "IJM-023", "2025-09-15T10:20+02:00", pb, "2025-05-01",
      StakeholderPositionSubmitted(
        from: ["OR-IJW"], to: raden,
        points: [
          "6 vragen",
          "IJW! ≈83 fte professionals; RI-deel ≈47 fte (≈20 werkconsulenten + ≈27"
            + " overig); ≈36 fte blijven", "scenario 2: forse personele consequenties",
          "enkele miljoenen extra kosten",
        ], documents: []), s3)
    script.add(
      "IJM-024", "2025-09-15T10:24+02:00", pb, "2025-05-20",
      RiskRegisterInitialised(
        register: "transitie", owner: "COL-HKK",
        risks: [
          .init(
            risk: "R1", title: "geen besluit door één raad",
            description:
              "gemeente valt buiten transitieplan; GR met één lid niet mogelijk; ontbinding met zeer hoge frictiekosten"
          ),
          .init(risk: "R2", title: "financieel", description: "frictiekosten hoger dan geraamd"),
          .init(risk: "R3", title: "kwaliteit", description: "kwaliteit dienstverlening"),
          .init(
            risk: "R4", title: "impact achterblijvend IJW!", description: "meer dan gehalveerd"),
          .init(
            risk: "R5", title: "onrust en vertrek medewerkers", description: "vertrek vóór overgang"
          ),
          .init(
            risk: "R6", title: "versnippering WSP",
            description: "werkgevers door meerdere partijen benaderd"),
        ]), s2)
    script.add(
      "IJM-025", "2025-09-15T10:26+02:00", pb, "2025-05-20",
      CostEstimateRecorded(
        costs: "frictiekosten", amount: Money(euros: 2_300_000),
        estimatedShares: [OrganisationAmount("HKK", Money(euros: 600_000))],
        basis: "eerste berekening scenario 2; HKK-aandeel volgens de huidige verdeelsleutel",
        funding: [.integratieUitkering, .impulsbudget]), s2)
    for (index, college) in colleges.enumerated() {
      let id = "IJM-02\(index + 6)"
      script.add(
        id, "2025-09-15T10:3\(index)+02:00", pb, "2025-05-20",
        ProposalSubmitted(
          proposal: ProposalID(id), from: college, to: [raden[index]],
          via: ["CIE-BEV", "CIE-MMW-HKK", "CIE-VLS"][index], subject: "raadsvoorstel scenariokeuze",
          dictum: scenarioDictum, documents: index == 1 ? ["D/2025/708641", "D/2025/723307"] : []),
        index == 1 ? s2 : Source.illustrative("date assumed = HKK"))
    }
    script.add(
      "IJM-029", "2025-09-15T10:35+02:00", pb, "2025-06-11",
      CommitteeConsidered(
        committee: "CIE-MMW-HKK", proposal: "IJM-026", outcome: .geadviseerd, advises: "RAAD-HKK",
        notes: "advies commissie MMW, aangehaald in het raadsbesluit"), s2)
    script.add(
      "IJM-030", "2025-09-15T10:36+02:00", pb, "2025-06-16",
      CommitteeConsidered(
        committee: "CIE-VLS", proposal: "IJM-028", outcome: .geadviseerd, advises: "RAAD-VLS",
        notes: "commissiebehandeling raadsvoorstel scenariokeuze"), ill)
    script.add(
      "IJM-031", "2025-09-15T10:37+02:00", pb, "2025-06-19",
      CommitteeConsidered(
        committee: "CIE-BEV", proposal: "IJM-027", outcome: .geadviseerd, advises: "RAAD-BEV",
        notes: "commissiebehandeling raadsvoorstel scenariokeuze"), ill)
    let basis = ["Participatiewet", "GR IJmond Werkt! 2024, vierde wijziging"]
    script.add(
      "IJM-032", "2025-09-15T10:40+02:00", pb, "2025-06-26",
      decision(
        "IJM-032", "RAAD-HKK", .scenariokeuze, "keuze scenario 2", dictum: scenarioDictum,
        proposal: "IJM-026", legalBasis: basis), Source.seed("seed 002 (raadsbesluit 2025-06-26)"))
    script.add(
      "IJM-035", "2025-09-15T10:41+02:00", pb, "2025-07-03",
      decision(
        "IJM-035", "RAAD-BEV", .scenariokeuze, "keuze scenario 2", dictum: scenarioDictum,
        proposal: "IJM-027", legalBasis: basis, vote: "meerderheid"), ill)
    script.add(
      "IJM-036", "2025-09-15T10:42+02:00", pb, "2025-07-10",
      decision(
        "IJM-036", "RAAD-VLS", .scenariokeuze, "keuze scenario 2", dictum: scenarioDictum,
        proposal: "IJM-028", legalBasis: basis, vote: "meerderheid"), ill)
    script.add(
      "IJM-037/M1", "2025-09-15T10:45+02:00", pb, "2025-07-10",
      milestone("M1", "transitieplan vastgesteld door de 3 raden", CalendarDay(2026, 3, 31)), s2)
    script.add(
      "IJM-037/M2", "2025-09-15T10:45+02:00", pb, "2025-07-10",
      milestone("M2", "WSP onder Werkcentrum (onder voorbehoud)", CalendarDay(2026, 6, 1)), s2)
    script.add(
      "IJM-015", "2025-09-15T10:50+02:00", pb, "2025",
      FundingRecorded(
        fund: .impulsbudget, holder: "VLS", beneficiaries: ijmond,
        period: "structureel vanaf 2025 (decentralisatie-uitkering aan de centrumgemeente)"), s2)
    script.add(
      "IJM-039", "2025-09-15T11:00+02:00", pb, "2025-09-02",
      decision(
        "IJM-039", "PHO", .projectopdracht, "projectopdracht transitie",
        dictum: .numbered([
          "stuurgroep, kwartiermaker en werkgroepen HR, financiën, ICT, dienstverlening"
        ]),
        jointly: ["GR-IJW-BESTUUR"]), ill)
    script.add(
      "IJM-039/M3", "2025-09-15T11:00+02:00", pb, "2025-09-02",
      milestone("M3", "personeel over naar gemeenten", CalendarDay(2026, 7, 1)), ill)
    script.add(
      "IJM-039/M4", "2025-09-15T11:00+02:00", pb, "2025-09-02",
      milestone("M4", "herinrichting achterblijvend deel IJW!", CalendarDay(2027, 1, 1)), ill)
    script.add(
      "IJM-033", "2025-09-17T14:05+02:00", "hr-ijw", "2025-07-01",
      StaffBaselineRecorded(cohort: "RI-IJW", members: IJmondStaff.baselineMembers),
      Source.illustrative("totals seed 003; individual split illustrative"))
    script.add(
      "IJM-038", "2025-09-17T14:05+02:00", "hr-ijw", "2025-08-31",
      StaffDeparted(employee: "E007", employer: "IJW", reason: .vrijwilligVertrek), ill)
  }
}
