import CanonicalJSON
import Testing

@testable import TransitionDomain

@Suite("Event golden records")
struct EventGoldenTests {
  /// The pinned canonical data of one event per type; a failure means the format changed:
  /// add a new version instead of editing a type that reached a log.
  static let goldens: [(String, String)] = [
    (
      "BodyRegistered.v1",
      #"{"body":"RAAD-BEV","organisations":["BEV"],"kind":"raad","name":"gemeenteraad Beverwijk","effectivePrecision":"year","source":{"kind":"system","detail":"setup: parties named in the scenario"}}"#
    ),
    (
      "CaseloadTransferred.v1",
      #"{"from":"IJW","to":"BEV","asOf":"2026-06-30","trajectoryCount":229,"source":{"kind":"illustrative","detail":"illustrative"}}"#
    ),
    (
      "CommitteeConsidered.v1",
      #"{"committee":"CIE-MMW-HKK","proposal":"IJM-017","outcome":"besproken","notes":"scenario's 1/2/3 en A/B besproken; OR en medewerkers IJW! aanwezig","source":{"kind":"seed","detail":"seed 000; seed 003"}}"#
    ),
    (
      "ContractChanged.v1",
      #"{"employee":"E021","employer":"VLS","contractFTEBefore":"1.0000","contractFTEAfter":"0.8900","contractHoursAfter":32,"basis":"IJM-088","reason":"eigen verzoek, eerste dag bij VLS","source":{"kind":"illustrative","detail":"illustrative"}}"#
    ),
    (
      "CostBooked.v1",
      #"{"costs":"frictiekosten","lines":[{"line":"K01","category":"projectorganisatie","description":"projectorganisatie/kwartiermaker 2025-H2","amount":14200000,"allocation":"key","keyVersion":1,"charged":[{"organisation":"BEV","amount":3976000},{"organisation":"HKK","amount":3692000},{"organisation":"VLS","amount":6532000}],"funding":"Impulsbudget (via VLS)","bookedBy":"VLS"}],"source":{"kind":"illustrative","detail":"illustrative"}}"#
    ),
    (
      "CostBookingCorrected.v1",
      #"{"costs":"frictiekosten","lines":[{"line":"K01-R","corrects":"K01","amount":0,"allocation":"key","keyVersion":2,"charged":[{"organisation":"BEV","amount":-29820},{"organisation":"HKK","amount":35500},{"organisation":"VLS","amount":-5680}],"funding":"Impulsbudget (via VLS)","bookedBy":"VLS"}],"reason":"herverdeling v1 → v2 na IJM-098","source":{"kind":"illustrative","detail":"illustrative"}}"#
    ),
    (
      "CostEstimateRecorded.v1",
      #"{"costs":"frictiekosten","amount":230000000,"estimatedShares":[{"organisation":"HKK","amount":60000000}],"basis":"eerste berekening scenario 2; HKK-aandeel volgens de huidige verdeelsleutel","funding":["integratie-uitkering Pw","Impulsbudget (via VLS)"],"source":{"kind":"seed","detail":"seed 002"}}"#
    ),
    (
      "CostSharingKeyCorrected.v1",
      #"{"costs":"frictiekosten","version":2,"correctsVersion":1,"shares":[{"organisation":"BEV","percent":"27.79"},{"organisation":"HKK","percent":"26.25"},{"organisation":"VLS","percent":"45.96"}],"validFrom":"2025-07-01","basis":"inwoners medio 2024 (41,863 / 39,542 / 69,238)","reason":"definitieve sleutel op inwonersaantallen","source":{"kind":"illustrative","detail":"inhabitants: seed 002"}}"#
    ),
    (
      "CostSharingKeySet.v1",
      #"{"costs":"frictiekosten","version":1,"shares":[{"organisation":"BEV","percent":"28.00"},{"organisation":"HKK","percent":"26.00"},{"organisation":"VLS","percent":"46.00"}],"validFrom":"2025-07-01","basis":"werksleutel: afgeronde huidige GR-sleutel","source":{"kind":"illustrative","detail":"HKK ≈26 % matches seed 002"}}"#
    ),
    (
      "DecisionCorrected.v1",
      #"{"decision":"IJM-072","changes":[{"field":"placements[E017].destination","before":"VLS","after":"BEV"}],"retroactiveFrom":"2026-05-19","authority":["GR-IJW-BESTUUR","COL-BEV","COL-VLS"],"reason":"advies adviescommissie sociaal plan van 2026-06-05","source":{"kind":"illustrative","detail":"illustrative"}}"#
    ),
    (
      "DecisionRevoked.v1",
      #"{"decision":"IJM-040","body":"GR-IJW-BESTUUR","reason":"vervangen"}"#
    ),
    (
      "DecisionSuperseded.v1",
      #"{"decision":"IJM-040","supersededBy":"IJM-070","reason":"definitief besluit"}"#
    ),
    (
      "DecisionTaken.v1",
      #"{"decision":"IJM-002","body":"COL-BEV","jointlyWith":[],"kind":"opdracht","status":"definitief","subject":"herontwerp dienstverlening Pw (re-integratie + voormalig Wsw); opdrachtgever: 3 wethouders Participatiewet; fasen: probleemanalyse, scenario's, keuze, besluit","dictum":[],"legalBasis":[],"subjectEmployees":[],"conditions":[],"orAdviceRequests":[],"deviatesFromORAdvice":false,"documents":[],"effectivePrecision":"quarter","source":{"kind":"seed","detail":"seed 002 (begin 2023); seed 001 (opdracht, tijdspad)"}}"#
    ),
    (
      "DocumentRegistered.v1",
      #"{"document":"D/2024/697840","title":"Commissievoorstel Bespreken uitgewerkte oplossingsrichtingen herontwerp re-integratiedienstverlening Participatiewet IJmond","kind":"commissievoorstel","organisation":"HKK","geheimhouding":false,"attachments":[],"effectivePrecision":"year","source":{"kind":"seed","detail":"seed 002"}}"#
    ),
    (
      "ExternalContextRecorded.v1",
      #"{"topic":"werkcentrum-zkij","description":"Werkcentrum geïmplementeerd in de arbeidsmarktregio; WSP onder voorbehoud per 2026-06-01 onder het Werkcentrum","scope":["BEV","HKK","VLS"],"effectivePrecision":"month","source":{"kind":"seed","detail":"seed 002"}}"#
    ),
    (
      "ExternalHireRecorded.v1",
      #"{"employee":"X001","employer":"BEV","function":"klantmanager werk","contractFTE":"0.8900","cao":"Cao Gemeenten","source":{"kind":"illustrative","detail":"illustrative"}}"#
    ),
    (
      "FundingRecorded.v1",
      #"{"fund":"Impulsbudget (via VLS)","holder":"VLS","beneficiaries":["BEV","HKK","VLS"],"period":"structureel vanaf 2025 (decentralisatie-uitkering aan de centrumgemeente)","effectivePrecision":"year","source":{"kind":"seed","detail":"seed 002"}}"#
    ),
    (
      "GRAmended.v1",
      #"{"arrangement":"IJW","amendment":"GR IJmond Werkt! 2024, vijfde wijziging","tasksRemoved":["re-integratie Participatiewet (VLS via DVO tot 2026-08-31)"],"tasksAdded":[],"membersAfter":["BEV","HKK","VLS"],"decisions":["IJM-060","IJM-062","IJM-067","IJM-070"],"source":{"kind":"illustrative","detail":"illustrative"}}"#
    ),
    (
      "GRDissolved.v1",
      #"{"arrangement":"IJW","settlement":"vereffening-2"}"#
    ),
    (
      "GRMemberLeft.v1",
      #"{"arrangement":"IJW","member":"HKK","settlement":"vereffening-1"}"#
    ),
    (
      "InformationProvided.v1",
      #"{"from":["PHO"],"to":[],"audience":"sleutelfiguren van 3 gemeenten en IJW!; uitvoerende medewerkers","form":"bijeenkomst","subject":"probleemanalyse besproken","documents":[],"effectivePrecision":"month","source":{"kind":"seed","detail":"seed 001"}}"#
    ),
    (
      "MilestoneAchieved.v1",
      #"{"milestone":"F1","title":"regionale probleemanalyse gestart","scope":["BEV","HKK","VLS"],"notes":"interviews jul-okt 2023","effectivePrecision":"month","source":{"kind":"seed","detail":"seed 001"}}"#
    ),
    (
      "MilestonePlanned.v1",
      #"{"milestone":"F1","title":"regionale probleemanalyse gestart","scope":["BEV","HKK","VLS"],"plannedDate":"2023-06-01","plannedPrecision":"month","effectivePrecision":"month","source":{"kind":"seed","detail":"seed 001"}}"#
    ),
    (
      "MilestonePlanned.v2",
      #"{"milestone":"P3","title":"taken over naar de regionale dienst","scope":["GA","GB"],"plannedDate":"2020-12 - 2021-02"}"#
    ),
    (
      "MilestoneReplanned.v2",
      #"{"milestone":"P3","scope":["GB"],"previousDate":"voorjaar 2024","newDate":"uiterlijk 2025","reason":"raad GB besluit later"}"#
    ),
    (
      "MilestoneReplanned.v1",
      #"{"milestone":"M1","scope":["VLS"],"previousDate":"2026-03-31","newDate":"2026-04-16","reason":"raad Velsen agendeert het transitieplan voor de nieuw geïnstalleerde raad","source":{"kind":"illustrative","detail":"illustrative"}}"#
    ),
    (
      "ORAdviceGiven.v1",
      #"{"request":"IJM-041","worksCouncil":"OR-IJW","outcome":"positief met voorwaarden","conditions":["(a) sociaal plan overeengekomen vóór enige plaatsing","(b) geen gedwongen ontslagen","(c) plaatsingsprocedure met belangstellingsregistratie en bezwaar via adviescommissie","(d) jobcoaching doelgroepregister blijft (deels) bij IJW!"],"source":{"kind":"illustrative","detail":"illustrative"}}"#
    ),
    (
      "ORAdviceRequested.v1",
      #"{"request":"IJM-041","worksCouncil":"OR-IJW","requestedBy":"GR-IJW-BESTUUR","intendedDecision":"IJM-040","legalBasis":"art. 25 lid 1 sub a, c, e WOR","subject":"voorgenomen besluit 2025-10-09: motieven, gevolgen voor personeel, maatregelen","documents":[],"source":{"kind":"illustrative","detail":"illustrative"}}"#
    ),
    (
      "OrganisationChanged.v1",
      #"{"organisation":"IJW","change":"werkcoaches volledig gemeentegericht: één team per gemeente, meest in het gemeentehuis; brede intake samen met gemeenteconsulent","effectivePrecision":"month","source":{"kind":"seed","detail":"seed 003"}}"#
    ),
    (
      "OrganisationRegistered.v1",
      #"{"organisation":"BEV","name":"Gemeente Beverwijk","kind":"gemeente","members":[],"effectivePrecision":"year","source":{"kind":"system","detail":"setup: parties named in the scenario"}}"#
    ),
    (
      "PlacementProcedureStep.v1",
      #"{"procedure":"plaatsing-2026","step":"belangstellingsregistratie","bodies":["GR-IJW-BESTUUR","COL-BEV","COL-HKK","COL-VLS"],"employees":[],"placements":[],"details":"belangstellingsregistratie geopend; functieboeken BEV/HKK/VLS gepubliceerd","until":"2026-05-08","source":{"kind":"illustrative","detail":"illustrative"}}"#
    ),
    (
      "ProposalSubmitted.v1",
      #"{"proposal":"IJM-017","from":"COL-HKK","to":["CIE-MMW-HKK"],"subject":"bespreking eindrapport herontwerp (geen besluit)","dictum":[],"documents":["D/2025/707516","D/2025/708641","D/2025/708637","D/2025/702593"],"plannedCommitteeDate":"2025-04-02","source":{"kind":"seed","detail":"seed 000"}}"#
    ),
    (
      "PersonalDataErased.v1",
      #"{"employee":"E007","reason":"bewaartermijn verstreken"}"#
    ),
    (
      "RecordRetracted.v1",
      #"{"record":"IJM-999","reason":"dubbel vastgelegd"}"#
    ),
    (
      "ReferenceDataRecorded.v1",
      #"{"dataset":"ijw-trajecten-2023","asOf":"2023-12-31","publisher":"IJW / CBS / UWV","figures":[{"row":"lopende trajecten IJW!","column":"IJW","value":759},{"row":"garantiebaan actief","column":"IJW","value":95}],"notes":["≈75% individueel maatwerk"],"source":{"kind":"seed","detail":"seed 001"}}"#
    ),
    (
      "RiskRecorded.v1",
      #"{"register":"transitie","risk":{"risk":"R7","title":"ICT","description":"koppelingen"},"owner":"STUURGROEP","mitigation":"migratieplan","status":"open"}"#
    ),
    (
      "RiskRegisterInitialised.v1",
      #"{"register":"transitie","owner":"COL-HKK","risks":[{"risk":"R1","title":"geen besluit door één raad","description":"gemeente valt buiten transitieplan; GR met één lid niet mogelijk; ontbinding met zeer hoge frictiekosten"}],"source":{"kind":"seed","detail":"seed 002"}}"#
    ),
    (
      "SecondmentEnded.v1",
      #"{"employee":"E038","host":"WSP"}"#
    ),
    (
      "SecondmentExtended.v1",
      #"{"employee":"E038","host":"WSP","until":"2028-08-31","source":{"kind":"illustrative","detail":"illustrative"}}"#
    ),
    (
      "SecondmentStarted.v1",
      #"{"employee":"E038","employer":"VLS","host":"WSP","until":"2027-08-31","source":{"kind":"illustrative","detail":"illustrative"}}"#
    ),
    (
      "SocialPlanAgreed.v1",
      #"{"plan":"sociaal-plan-ri-ijmond","parties":["GR-IJW-BESTUUR","COL-BEV","COL-HKK","COL-VLS"],"otherParties":["vakbonden"],"validFrom":"2026-02-01","validUntil":"2027-12-31","contents":["plaatsingsprocedure (functieboek, belangstellingsregistratie, plaatsingsbesluit, bezwaar via adviescommissie)","VWNW-traject 12 maanden","salarisgarantie","vertrekregeling"],"source":{"kind":"illustrative","detail":"illustrative"}}"#
    ),
    (
      "StaffBaselineRecorded.v1",
      #"{"cohort":"RI-IJW","members":[{"employee":"E052","function":"administratief medewerker (bedrijfsbureau)","team":"IJW","employer":"IJW","contractHours":28,"normHours":36,"contractFTE":"0.7800","allocatedFTE":"0.7800","cao":"Cao SGO","contractType":"bepaalde tijd","contractEnd":"2026-12-31"},{"employee":"E053","function":"administratief medewerker (bedrijfsbureau)","team":"IJW","employer":"IJW","contractHours":24,"normHours":36,"contractFTE":"0.6700","allocatedFTE":"0.6700","cao":"Cao SGO","contractType":"onbepaalde tijd"}],"source":{"kind":"illustrative","detail":"totals seed 003; individual split illustrative"}}"#
    ),
    (
      "StaffDeparted.v1",
      #"{"employee":"E007","employer":"IJW","reason":"vrijwillig vertrek","source":{"kind":"illustrative","detail":"illustrative"}}"#
    ),
    (
      "StaffReassigned.v1",
      #"{"employee":"E034","employer":"IJW","fromUnit":"RI-deel","toUnit":"jobcoaching (teruggekocht door de gemeenten)","fte":"0.7800","reason":"herplaatst binnen IJW! (IJM-078)","source":{"kind":"illustrative","detail":"illustrative"}}"#
    ),
    (
      "StaffTransferred.v1",
      #"{"batch":"IJM-082","lines":[{"line":"T-B-01","employee":"E001","from":"IJW","to":"BEV","functionBefore":"werkconsulent","functionAfter":"klantmanager werk","fte":"1.0000","caoBefore":"Cao SGO","caoAfter":"Cao Gemeenten","legalForm":"nieuwe arbeidsovereenkomst onder sociaal plan","decisions":["IJM-062","IJM-070","IJM-077","IJM-078"],"orAdvice":["IJM-045","IJM-058"]}],"source":{"kind":"illustrative","detail":"illustrative"}}"#
    ),
    (
      "StakeholderPositionSubmitted.v1",
      #"{"from":["IJW-MT","OR-IJW"],"to":["RAAD-BEV","RAAD-HKK","RAAD-VLS"],"points":["doelmatigheid","sociale infrastructuur","kwetsbare inwoners","werkgeversdienstverlening","financieel perspectief","impact organisatie"],"documents":["D/2025/723307"],"source":{"kind":"seed","detail":"seed 003; seed 002"}}"#
    ),
    (
      "SurplusDeclared.v1",
      #"{"employee":"E046","employer":"IJW","status":"boventallig","vwnwFrom":"2026-07-01","vwnwUntil":"2027-06-30","source":{"kind":"illustrative","detail":"illustrative"}}"#
    ),
    (
      "TransitionPlanVersionRegistered.v1",
      #"{"plan":"transitieplan","version":1,"document":"D/2026/000001","statuses":[{"organisation":"HKK","status":"vastgesteld"}]}"#
    ),
    (
      "ContractChanged.v2",
      #"{"employee":"E104","employer":"GEM-B","contractFTEBefore":"1.0000","contractFTEAfter":"0.8889","contractHoursAfter":32,"reason":"eigen verzoek"}"#
    ),
    (
      "CostBooked.v2",
      #"{"costs":"frictiekosten","lines":[{"line":"F01","category":"projectorganisatie","description":"kwartiermaker Q1","amount":4000000,"allocation":"direct","charged":[{"organisation":"GEM-A","amount":4000000}],"funding":"eigen middelen","bookedBy":"GEM-A","fund":"RES-TRANSITIE-A","withdrawal":"A-RB-2026-08"}]}"#
    ),
    (
      "FundCreated.v1",
      #"{"fund":"RES-TRANSITIE-A","name":"bestemmingsreserve transitie","kind":"bestemmingsreserve","holder":"GEM-A","amount":50000000,"decision":"A-RB-2025-31","purpose":"frictiekosten overgang naar de regionale uitvoeringsorganisatie"}"#
    ),
    (
      "ORAdviceGiven.v2",
      #"{"request":"ADV-GR","worksCouncil":"OR-GR","outcome":"negatief op onderdelen","conditions":["behoud reiskostenregeling"],"parts":[{"part":"plaatsing teamleiders","outcome":"negatief","conditions":[]}]}"#
    ),
    (
      "WithdrawalAuthorised.v1",
      #"{"withdrawal":"A-RB-2026-08","fund":"RES-TRANSITIE-A","amount":12000000,"decision":"A-RB-2026-08","purpose":"kwartiermaker en projectleiding 2026"}"#
    ),
    (
      "WorksCouncilAbsenceRecorded.v1",
      #"{"employer":"RUO","reason":"nieuwe organisatie; OR-verkiezingen in 2027","until":"2027-03-31","consultedInstead":"OR-GR"}"#
    ),
    (
      "ZienswijzeSubmitted.v1",
      #"{"raad":"RAAD-BEV","to":"GR-IJW-BESTUUR","draft":"ontwerp vijfde wijziging GR IJmond Werkt!","noObjections":true,"content":"geen zienswijze (stemt in)","source":{"kind":"illustrative","detail":"illustrative"}}"#
    ),
    (
      "TransitionDeclared.v1",
      #"{"transition":"zaanstreek-werk","name":"Werkbedrijf Zaanstreek","steps":[{"step":"transitieplan"},{"step":"opheffing GR","membersOf":"GRW"}]}"#
    ),
    (
      "ParticipantJoined.v1",
      #"{"transition":"zaanstreek-werk","organisation":"WRM","steps":["transitieplan"]}"#
    ),
    (
      "OrganisationRegistered.v2",
      #"{"organisation":"ZWB","name":"Werkbedrijf Zaanstreek","kind":"stichting","members":[],"role":"nieuwe uitvoerder","startsOn":"2027-01-01"}"#
    ),
    (
      "OrganisationEnded.v1",
      #"{"organisation":"GRW","successor":"ZWB","reason":"opgeheven door het AB"}"#
    ),
    (
      "OrganisationsMerged.v1",
      #"{"predecessors":["OOS","WST"],"successor":"OWS","basis":"Wet arhi, herindeling"}"#
    ),
    (
      "BodyRegistered.v2",
      #"{"body":"CR-ZWB","organisations":["ZWB"],"kind":"cliëntenraad","name":"cliëntenraad Werkbedrijf","startsOn":"2027-01-01"}"#
    ),
    (
      "DocumentRegistered.v2",
      #"{"document":"Z/2026/0142","title":"Motie werkgelegenheid","kind":"motie","organisation":"ZSD","geheimhouding":"unknown","attachments":[]}"#
    ),
    (
      "DecisionTaken.v2",
      #"{"decision":"ZW-031","body":"RAAD-ZSD","jointlyWith":[],"kind":"motie","status":"definitief","subject":"motie vreemd aan de orde: banen voor statushouders","step":"uittreding GRW","dictum":[],"legalBasis":[],"vote":{"inFavour":21,"against":6},"amount":12500000,"subjectEmployees":[],"conditions":[],"orAdviceRequests":["ZW-020"],"deviatesFromAdvice":["ZW-020"],"backing":["ZW-001"],"documents":[]}"#
    ),
    (
      "MotionDisposed.v1",
      #"{"motion":"ZW-031","disposedBy":"ZW-044","how":"afgedaan met RIB 2026-14"}"#
    ),

  ]

  @Test("every event type has a golden record")
  func everyTypeCovered() {
    #expect(Set(Self.goldens.map(\.0)) == Set(DomainEvent.payloadTypesByName.keys))
    #expect(GoldenExamples.all.count == DomainEvent.payloadTypes.count)
  }

  @Test("an event encodes to exactly its pinned canonical bytes", arguments: GoldenExamples.all)
  func encodesToGolden(event: DomainEvent) {
    let json = String(decoding: CanonicalJSON.encode(.object(event.encodeData())), as: UTF8.self)
    #expect(json == Self.goldens.first { $0.0 == event.eventType }?.1)
  }

  @Test("decoding the encoded data gives the same event back", arguments: GoldenExamples.all)
  func roundTrips(event: DomainEvent) throws {
    #expect(try DomainEvent.decode(type: event.eventType, data: event.encodeData()) == event)
  }

  @Test("decoding refuses unknown types and unknown, missing or mistyped fields, naming them")
  func decodingIsStrict() {
    let data: JSONObject = [
      "employee": .string("E001"), "employer": .string("IJW"), "reason": .string("pensioen"),
    ]
    #expect(throws: Never.self) { try DomainEvent.decode(type: "StaffDeparted.v1", data: data) }
    #expect(throws: EventDecodingError(eventType: "StaffDeparted.v9", problem: .unknownType)) {
      try DomainEvent.decode(type: "StaffDeparted.v9", data: data)
    }
    var extra = data
    extra.insert("diagnosis", .string("x"))
    #expect(
      throws: EventDecodingError(
        eventType: "StaffDeparted.v1",
        problem: .field(FieldError(field: "diagnosis", problem: "is not a field of this type")))
    ) {
      try DomainEvent.decode(type: "StaffDeparted.v1", data: extra)
    }
    let missing: JSONObject = ["employee": .string("E001"), "reason": .string("pensioen")]
    #expect(
      throws: EventDecodingError(
        eventType: "StaffDeparted.v1",
        problem: .field(FieldError(field: "employer", problem: "is missing")))
    ) {
      try DomainEvent.decode(type: "StaffDeparted.v1", data: missing)
    }
    let mistyped: JSONObject = [
      "employee": .integer(1), "employer": .string("IJW"), "reason": .string("pensioen"),
    ]
    #expect(
      throws: EventDecodingError(
        eventType: "StaffDeparted.v1",
        problem: .field(FieldError(field: "employee", problem: "should be a string")))
    ) {
      try DomainEvent.decode(type: "StaffDeparted.v1", data: mistyped)
    }
    #expect(
      EventDecodingError(
        eventType: "StaffDeparted.v1",
        problem: .field(FieldError(field: "employer", problem: "is missing"))
      ).description
        == "Cannot read StaffDeparted.v1: field 'employer' is missing.")
  }
}
