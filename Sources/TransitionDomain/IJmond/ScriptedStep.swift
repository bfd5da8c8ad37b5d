/// One step of a scripted log: who records which command when, under which record id.
public struct ScriptedStep: Sendable {
  /// When it is recorded: UTC milliseconds since 1970.
  public let recordedMilliseconds: Int64
  /// The pseudonymous actor, such as `projectbureau`, `hr-ijw`, `fin-vls`.
  public let by: String
  /// The record id, such as `IJM-082`, or `IJM-099/K01-R` for one part of a scenario row.
  public let id: String
  /// The command.
  public let command: TransitionCommand
}

/// Builds a script in append order; seq of a step = its position + 1 on an empty log.
struct ScriptBuilder {
  private(set) var steps: [ScriptedStep] = []
  private var lastMilliseconds: Int64 = 0

  /// The seq the step with `id` gets when the script is replayed on an empty log.
  func seq(of id: String) -> Int64 {
    guard let index = steps.firstIndex(where: { $0.id == id }) else {
      preconditionFailure("no step \(id) before this one")
    }
    return Int64(index + 1)
  }

  /// Adds a step recorded at `recorded` (ISO with offset, such as `2025-09-15T09:02+02:00`);
  /// steps recorded in the same minute follow one another by one millisecond.
  mutating func add(
    _ id: String, _ recorded: String, _ by: String, _ effective: String,
    _ payload: any EventPayload,
    _ source: Provenance, corrects: String? = nil, reason: String? = nil
  ) {
    var milliseconds = Self.milliseconds(recorded)
    if milliseconds <= lastMilliseconds { milliseconds = lastMilliseconds + 1 }
    lastMilliseconds = milliseconds
    guard let date = EffectiveDate(parsing: effective) else {
      preconditionFailure("bad effective \(effective) in \(id)")
    }
    let command = TransitionCommand(
      payload, effective: date, source: source, corrects: corrects.map(seq(of:)),
      correctionReason: reason, id: id)
    steps.append(ScriptedStep(recordedMilliseconds: milliseconds, by: by, id: id, command: command))
  }

  /// UTC milliseconds of `YYYY-MM-DDTHH:MM(+|-)HH:MM`.
  static func milliseconds(_ text: String) -> Int64 {
    let parts = text.split(separator: "T")
    guard parts.count == 2, let day = CalendarDay(parsing: String(parts[0])) else {
      preconditionFailure("bad time \(text)")
    }
    let time = Array(parts[1].utf8).map { Int($0) - 48 }
    let minutes = (time[0] * 10 + time[1]) * 60 + time[3] * 10 + time[4]
    let sign = parts[1].contains("-") ? -1 : 1
    let offset = sign * ((time[6] * 10 + time[7]) * 60 + time[9] * 10 + time[10])
    return Int64(day.dayNumber) * 86_400_000 + Int64(minutes - offset) * 60_000
  }
}

/// Short constructors for provenance.
enum Source {
  static func seed(_ detail: String) -> Provenance { Provenance(.seed, detail) }
  static let illustrative = Provenance(.illustrative, "illustrative")
  static func illustrative(_ detail: String) -> Provenance { Provenance(.illustrative, detail) }
  static func external(_ detail: String) -> Provenance { Provenance(.external, detail) }
}
