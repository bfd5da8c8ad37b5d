import TransitionDomain

/// The decisions in force on each move day that `backingFindings` asks about, answered by one
/// sweep over the days in order: every decision is added to running counts on the first day it
/// is in force and removed on the first day it no longer is, so the work is the decisions plus
/// the move lines, never the days times the decisions.
struct BackingSweep {
  /// One question: a move line on a day, to and from an organisation, of an employee.
  struct Question {
    let day: CalendarDay
    let to: String
    let from: String
    let employee: String
    /// When `to` is the successor of a merger by the day: its predecessors, whose decisions it
    /// holds (issue 19 item 3).
    var predecessors: [String] = []
  }

  /// What the decisions in force on the question's day say.
  struct Answer {
    /// A transitieplan decision of the raad of `to` is in force.
    var transitieplan = false
    /// A definitive plaatsingsbesluit of the college of `to` covers the employee.
    var plaatsing = false
    /// Some GR-wijziging is in force.
    var grWijziging = false
    /// A werkgevers- or plaatsingsbesluit of a GR board of `from` covers the employee.
    var employerDecision = false
  }

  /// What one decision adds while it is in force.
  private struct Contribution {
    var grWijziging = false
    var transitieplan: [String] = []
    var plaatsing: [String] = []
    var employer: [String] = []
    var subjects: [String] = []
  }

  /// Running counts of what the decisions in force cover, per organisation.
  private struct Coverages {
    var everyone: [String: Int] = [:]
    var employees: [String: [String: Int]] = [:]

    mutating func change(_ organisation: String, _ subjects: [String], by delta: Int) {
      if subjects.isEmpty {
        everyone[organisation, default: 0] += delta
      } else {
        for employee in subjects {
          employees[organisation, default: [:]][employee, default: 0] += delta
        }
      }
    }

    func covers(_ organisation: String, _ employee: String) -> Bool {
      (everyone[organisation] ?? 0) > 0 || (employees[organisation]?[employee] ?? 0) > 0
    }
  }

  /// The answers to `questions`, in their order, from `decisions` (every decision that counts)
  /// with the bodies' kinds and organisations.
  static func answers(
    _ questions: [Question], decisions: [String: DecisionEntry], kinds: [String: BodyKind],
    bodies: [String: [String]]
  ) -> [Answer] {
    let employerKinds: [BodyKind] = [.grBestuur, .grAlgemeenBestuur, .grDagelijksBestuur]
    // Each definitive decision: the days it is in force, [from, until), and what it adds.
    var spans: [(from: Int, until: Int, contribution: Int)] = []
    var contributions: [Contribution] = []
    for entry in decisions.values where entry.taken.status == .definitief {
      let taken = entry.taken
      let version = entry.version
      let from: Int
      if taken.validFrom == nil, version.precision != .day {
        from = max(version.effective.dayNumber, version.effectiveDate.lastDay.dayNumber)
      } else {
        from = entry.start.dayNumber
      }
      var until = Int.max
      if let ended = entry.ended { until = min(until, ended.day.dayNumber) }
      if let last = taken.validUntil { until = min(until, last.dayNumber + 1) }
      guard from < until else { continue }
      var contribution = Contribution()
      contribution.grWijziging = taken.knownKind == .grWijziging
      for body in [taken.body] + taken.jointlyWith {
        guard let kind = kinds[body.rawValue] else { continue }
        for organisation in bodies[body.rawValue] ?? [] {
          if taken.knownKind == .transitieplan && kind == .raad {
            contribution.transitieplan.append(organisation)
          }
          if taken.knownKind == .plaatsingsbesluit && kind == .college {
            contribution.plaatsing.append(organisation)
          }
          if let known = taken.knownKind,
            [.werkgeversbesluit, .plaatsingsbesluit].contains(known)
              && employerKinds.contains(kind)
          {
            contribution.employer.append(organisation)
          }
        }
      }
      contribution.subjects = taken.subjectEmployees.map(\.rawValue)
      spans.append((from, until, contributions.count))
      contributions.append(contribution)
    }
    let starts = spans.sorted { $0.from < $1.from }
    let ends = spans.filter { $0.until != .max }.sorted { $0.until < $1.until }
    var grWijziging = 0
    var transitieplan: [String: Int] = [:]
    var plaatsing = Coverages()
    var employer = Coverages()
    func apply(_ index: Int, _ delta: Int) {
      let contribution = contributions[index]
      if contribution.grWijziging { grWijziging += delta }
      for organisation in contribution.transitieplan {
        transitieplan[organisation, default: 0] += delta
      }
      for organisation in contribution.plaatsing {
        plaatsing.change(organisation, contribution.subjects, by: delta)
      }
      for organisation in contribution.employer {
        employer.change(organisation, contribution.subjects, by: delta)
      }
    }
    let order = questions.indices.sorted { questions[$0].day < questions[$1].day }
    var answers = Array(repeating: Answer(), count: questions.count)
    var nextStart = 0
    var nextEnd = 0
    for index in order {
      let question = questions[index]
      let day = question.day.dayNumber
      while nextStart < starts.count, starts[nextStart].from <= day {
        apply(starts[nextStart].contribution, 1)
        nextStart += 1
      }
      while nextEnd < ends.count, ends[nextEnd].until <= day {
        apply(ends[nextEnd].contribution, -1)
        nextEnd += 1
      }
      let inherited =
        !question.predecessors.isEmpty
        && question.predecessors.allSatisfy { (transitieplan[$0] ?? 0) > 0 }
      answers[index] = Answer(
        transitieplan: (transitieplan[question.to] ?? 0) > 0 || inherited,
        plaatsing: plaatsing.covers(question.to, question.employee)
          || question.predecessors.contains { plaatsing.covers($0, question.employee) },
        grWijziging: grWijziging > 0,
        employerDecision: employer.covers(question.from, question.employee))
    }
    return answers
  }
}
