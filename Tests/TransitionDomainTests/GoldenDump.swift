import CanonicalJSON
import Testing

@testable import TransitionDomain

/// One example event of every type: the first of each type in the scenario, plus hand-made
/// examples for the types the scenario does not use.
enum GoldenExamples {
  static let extra: [DomainEvent] = [
    DomainEvent(DecisionRevoked(decision: "IJM-040", body: "GR-IJW-BESTUUR", reason: "vervangen")),
    DomainEvent(
      DecisionSuperseded(decision: "IJM-040", supersededBy: "IJM-070", reason: "definitief besluit")
    ),
    DomainEvent(
      TransitionPlanVersionRegistered(
        plan: "transitieplan", version: 1, document: "D/2026/000001",
        statuses: [PlanStatusLine(organisation: "HKK", status: .vastgesteld)])),
    DomainEvent(
      RiskRecorded(
        register: "transitie", risk: RiskItem(risk: "R7", title: "ICT", description: "koppelingen"),
        owner: "STUURGROEP", mitigation: "migratieplan", status: "open")),
    DomainEvent(SecondmentEnded(employee: "E038", host: "WSP")),
    DomainEvent(GRMemberLeft(arrangement: "IJW", member: "HKK", settlement: "vereffening-1")),
    DomainEvent(GRDissolved(arrangement: "IJW", settlement: "vereffening-2")),
    DomainEvent(RecordRetracted(record: "IJM-999", reason: "dubbel vastgelegd")),
    DomainEvent(PersonalDataErased(employee: "E007", reason: "bewaartermijn verstreken")),
    DomainEvent(
      MilestonePlannedV2(
        milestone: "P3", title: "taken over naar de regionale dienst", scope: ["GA", "GB"],
        plannedDate: EffectiveDate(
          CalendarDay(2020, 12, 1), precision: .range, until: CalendarDay(2021, 2, 28))
          ?? EffectiveDate(CalendarDay(2020, 12, 1)))),
    DomainEvent(
      MilestoneReplannedV2(
        milestone: "P3", scope: ["GB"],
        previousDate: EffectiveDate(CalendarDay(2024, 3, 1), precision: .season),
        newDate: EffectiveDate(
          CalendarDay(2025, 1, 1), precision: .onOrBefore, until: CalendarDay(2025, 12, 31))
          ?? EffectiveDate(CalendarDay(2025, 1, 1)), reason: "raad GB besluit later")),
    DomainEvent(
      FundCreated(
        fund: "RES-TRANSITIE-A", name: "bestemmingsreserve transitie", kind: "bestemmingsreserve",
        holder: "GEM-A", amount: Money(euros: 500_000), decision: "A-RB-2025-31",
        purpose: "frictiekosten overgang naar de regionale uitvoeringsorganisatie")),
    DomainEvent(
      WithdrawalAuthorised(
        withdrawal: "A-RB-2026-08", fund: "RES-TRANSITIE-A", amount: Money(euros: 120_000),
        decision: "A-RB-2026-08", purpose: "kwartiermaker en projectleiding 2026")),
    DomainEvent(
      CostBookedV2(
        costs: "frictiekosten",
        lines: [
          FundedCostLine(
            line: "F01", category: .projectorganisatie, description: "kwartiermaker Q1",
            amount: Money(euros: 40_000), allocation: .direct, keyVersion: nil,
            charged: [OrganisationAmount("GEM-A", Money(euros: 40_000))], funding: .eigenMiddelen,
            bookedBy: "GEM-A", fund: "RES-TRANSITIE-A", withdrawal: "A-RB-2026-08")
        ])),
    DomainEvent(
      ORAdviceGivenV2(
        request: "ADV-GR", worksCouncil: "OR-GR", outcome: .negatiefOpOnderdelen,
        conditions: ["behoud reiskostenregeling"],
        parts: [
          AdvicePart(part: "plaatsing teamleiders", outcome: .negatief, conditions: [])
        ])),
    DomainEvent(
      WorksCouncilAbsenceRecorded(
        employer: "RUO", reason: "nieuwe organisatie; OR-verkiezingen in 2027",
        until: CalendarDay(2027, 3, 31), consultedInstead: "OR-GR")),
    DomainEvent(
      ContractChangedV2(
        employee: "E104", employer: "GEM-B", contractFTEBefore: FTE(tenThousandths: 10_000),
        contractFTEAfter: FTE(tenThousandths: 8_889), cohortFTEAfter: nil,
        contractHoursAfter: 32, reason: "eigen verzoek")),
    DomainEvent(
      TransitionDeclared(
        transition: "zaanstreek-werk", name: "Werkbedrijf Zaanstreek",
        steps: [TransitionStep("transitieplan"), TransitionStep("opheffing GR", membersOf: "GRW")])),
    DomainEvent(
      ParticipantJoined(
        transition: "zaanstreek-werk", organisation: "WRM", steps: ["transitieplan"])
    ),
    DomainEvent(
      OrganisationRegisteredV2(
        organisation: "ZWB", name: "Werkbedrijf Zaanstreek", kind: "stichting", members: [],
        governingText: nil, role: "nieuwe uitvoerder", startsOn: CalendarDay(2027, 1, 1),
        endsOn: nil)),
    DomainEvent(
      OrganisationEnded(organisation: "GRW", successor: "ZWB", reason: "opgeheven door het AB")),
    DomainEvent(
      OrganisationsMerged(
        predecessors: ["OOS", "WST"], successor: "OWS", basis: "Wet arhi, herindeling")),
    DomainEvent(
      BodyRegisteredV2(
        body: "CR-ZWB", organisations: ["ZWB"], kind: "cliëntenraad",
        name: "cliëntenraad Werkbedrijf", startsOn: CalendarDay(2027, 1, 1), endsOn: nil)),
    DomainEvent(
      DocumentRegisteredV2(
        document: "Z/2026/0142", title: "Motie werkgelegenheid", kind: "motie",
        organisation: "ZSD", geheimhouding: .unknown, attachments: [], documentDate: nil)),
    DomainEvent(
      DecisionTakenV2(
        decision: "ZW-031", body: "RAAD-ZSD", kind: "motie", status: .definitief,
        subject: "motie vreemd aan de orde: banen voor statushouders", step: "uittreding GRW",
        vote: Vote(inFavour: 21, against: 6), amount: Money(cents: 12_500_000),
        orAdviceRequests: ["ZW-020"], deviatesFromAdvice: ["ZW-020"], backing: ["ZW-001"])),
    DomainEvent(
      MotionDisposed(motion: "ZW-031", disposedBy: "ZW-044", how: "afgedaan met RIB 2026-14")),
  ]

  /// The event with at most two members, lines or placements, so its golden stays readable.
  static func trimmed(_ event: DomainEvent) -> DomainEvent {
    var payload: any EventPayload = event.payload.value
    if let baseline = event.payload(as: StaffBaselineRecorded.self) {
      payload = StaffBaselineRecorded(
        cohort: baseline.cohort, members: Array(baseline.members.suffix(4).prefix(2)))
    } else if let batch = event.payload(as: StaffTransferred.self) {
      payload = StaffTransferred(batch: batch.batch, lines: Array(batch.lines.prefix(1)))
    } else if let step = event.payload(as: PlacementProcedureStep.self) {
      payload = PlacementProcedureStep(
        procedure: step.procedure, step: step.step, bodies: step.bodies, employees: step.employees,
        placements: Array(step.placements.prefix(2)), details: step.details, until: step.until)
    } else if let reference = event.payload(as: ReferenceDataRecorded.self) {
      payload = ReferenceDataRecorded(
        dataset: reference.dataset, asOf: reference.asOf, publisher: reference.publisher,
        figures: Array(reference.figures.prefix(2)), notes: reference.notes)
    } else if let risks = event.payload(as: RiskRegisterInitialised.self) {
      payload = RiskRegisterInitialised(
        register: risks.register, owner: risks.owner, risks: Array(risks.risks.prefix(1)))
    }
    return DomainEvent(payload, effectivePrecision: event.effectivePrecision, source: event.source)
  }

  static let all: [DomainEvent] = {
    var seen: Set<String> = []
    var events: [DomainEvent] = []
    for step in IJmondScenario.steps
      + extra.map({
        ScriptedStep(
          recordedMilliseconds: 0, by: "", id: "",
          command: TransitionCommand(
            $0.payload.value, effective: EffectiveDate(CalendarDay(2026, 1, 1))))
      }) where seen.insert(step.command.event.eventType).inserted
    {
      events.append(trimmed(step.command.event))
    }
    return events.sorted { $0.eventType < $1.eventType }
  }()
}
