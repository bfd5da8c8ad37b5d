import TransitionDomain

extension ViewContext {
  /// The recorded absences of a works council, by employer, in `seq` order.
  func worksCouncilAbsences() -> [String: [(
    version: RecordVersion, event: WorksCouncilAbsenceRecorded
  )]] {
    Dictionary(
      grouping: ledger.versions(of: WorksCouncilAbsenceRecorded.self),
      by: { $0.event.employer.rawValue })
  }

  /// The absence of a works council of `employer` in effect on `day`, if recorded: effective on
  /// or before it and not ended (`until`) before it; the latest record wins.
  func worksCouncilAbsence(
    of employer: String, on day: CalendarDay,
    in absences: [String: [(version: RecordVersion, event: WorksCouncilAbsenceRecorded)]]
  ) -> (version: RecordVersion, event: WorksCouncilAbsenceRecorded)? {
    (absences[employer] ?? []).last {
      $0.version.effective <= day && ($0.event.until.map { day <= $0 } ?? true)
    }
  }

  /// Whether a personnel decision of an employer without an OR (a recorded absence) needs no
  /// OR advice finding: no body to consult instead is named, or that body's advice was asked
  /// before the decision and given by then (article 25 WOR asks only what can be asked).
  func consultedInsteadSuffices(for entry: DecisionEntry) -> Bool {
    let absences = worksCouncilAbsences()
    guard !absences.isEmpty else { return false }
    let decided = entry.version.effective
    let organisations = Set(organisations(of: entry.taken, bodyOrganisations))
    let applying = organisations.sorted().compactMap {
      worksCouncilAbsence(of: $0, on: decided, in: absences)
    }
    guard !applying.isEmpty else { return false }
    let instead = Set(applying.compactMap(\.event.consultedInstead))
    if instead.isEmpty { return true }
    let requests = ledger.versions(of: ORAdviceRequested.self).filter {
      instead.contains($0.event.worksCouncil) && $0.version.effective < decided
    }
    let given = adviceGiven()
    return requests.contains { request in
      given.contains {
        $0.event.request == request.event.request && $0.version.effective <= decided
      }
    }
  }

  /// Article 25 WOR, DOMAIN.md 12.6 for several employers: every staff move needs the advice of
  /// its old employer's works council, given by the move day; the finding names, per batch and
  /// old employer, which OR's advice is missing.
  ///
  /// A move counts the advice of an OR of its old employer that it cites in `orAdvice` (the
  /// advice record's id or its request's), or any such advice when it cites none. When the old
  /// employer has no OR on the move day (`WorksCouncilAbsenceRecorded`), the advice of the body
  /// consulted instead is asked for, or none when no such body is named.
  func employerAdviceFindings() -> [Finding] {
    let bodies = bodyOrganisations
    let kinds = bodyKinds
    let absences = worksCouncilAbsences()
    let requests = Dictionary(
      ledger.versions(of: ORAdviceRequested.self).map { ($0.event.request, $0.version) },
      uniquingKeysWith: { first, _ in first })
    let given = adviceGiven()
    var findings: [Finding] = []
    for (seq, lines) in moves().sorted(by: { $0.key < $1.key }) {
      var missing: [String: (employees: [String], councils: [String], evidence: [Int64])] = [:]
      for line in lines {
        guard let from = line.from else { continue }
        var councils = bodies.filter {
          $0.value.contains(from) && kinds[$0.key] == .ondernemingsraad
        }
        .map(\.key).sorted()
        var evidence: [Int64] = []
        if let absence = worksCouncilAbsence(of: from, on: line.effective, in: absences) {
          guard let instead = absence.event.consultedInstead else { continue }
          councils = [instead.rawValue]
          evidence.append(absence.version.seq)
        }
        let candidates = given.filter {
          councils.contains($0.event.worksCouncil.rawValue)
            && $0.version.effective <= line.effective
        }
        let cited = Set(line.advice)
        let found =
          cited.isEmpty
          ? !candidates.isEmpty
          : candidates.contains {
            cited.contains($0.version.id) || cited.contains($0.event.request.rawValue)
              || requests[$0.event.request].map { cited.contains($0.id) } == true
          }
        guard !found else { continue }
        let key = from
        missing[key, default: ([], councils, evidence)].employees.append(line.employee)
      }
      let first = lines.first
      for (from, value) in missing.sorted(by: { $0.key < $1.key }) {
        let employees = value.employees.sorted()
        let whose =
          value.councils.isEmpty
          ? "no works council of \(from) is registered, and no absence of one is recorded"
          : "no advice of \(Cell.list(value.councils)) given by \(Cell.day(first?.effective)) is"
            + " \(lines.contains { !$0.advice.isEmpty } ? "cited" : "recorded")"
        findings.append(
          Finding(
            rule: "or-advice-missing-per-employer", day: first?.effective,
            seqs: [seq] + value.evidence,
            message:
              "\(employees.count) move(s) of \(ledger.ledger.recordID(of: seq)) leave \(from) on"
              + " \(Cell.day(first?.effective)), but \(whose) (art. 25 WOR: the OR of each old"
              + " employer advises before its staff move): \(employees.joined(separator: ", "))."))
      }
    }
    return findings
  }
}
