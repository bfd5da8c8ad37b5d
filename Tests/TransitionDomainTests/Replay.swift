import Testing

@testable import TransitionDomain

/// Replays commands through `decide` and `apply`, as the CLI does, without any disk.
struct Replay {
  var state = TransitionState()
  var records: [DomainRecord] = []

  /// Decides and applies `command`; returns the refusal, if any.
  @discardableResult
  mutating func run(_ command: TransitionCommand, at milliseconds: Int64 = 0, by: String = "test")
    throws -> [DomainRecord]
  {
    let pending = try decide(command, state: state)
    var applied: [DomainRecord] = []
    for item in pending {
      let seq = Int64(records.count + 1)
      let record = item.record(seq: seq, id: "R\(seq)", recordedMilliseconds: milliseconds, by: by)
      try state.apply(record)
      records.append(record)
      applied.append(record)
    }
    return applied
  }
}
