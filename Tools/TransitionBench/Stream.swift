import EventLog
import Synchronization

/// The deterministic event stream of WORKLOADS.md section 1 (SplitMix64, seed 20260115).
struct SplitMix64 {
  var state: UInt64

  init(seed: UInt64 = 20_260_115) { state = seed }

  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}

/// The organisations, in the order the stream draws them.
enum Orgs {
  static let names = ["ijmond-werkt", "velsen", "beverwijk", "heemskerk", "uitgeest"]
}

/// One generated event: a staff transfer.
struct TransferEvent {
  /// 1-based position in the stream.
  var seq: Int64
  /// 0-based employee index (E0001 is 0).
  var employee: Int
  /// Organisation index, or -1 for "extern".
  var from: Int
  var to: Int
  /// FTE in hundredths.
  var fteCenti: Int
  /// Days after 2025-01-01.
  var effectiveOffset: Int
  var decision: Int

  /// 2025-01-01 in days since 1970-01-01.
  static let baseDay: Int64 = 20_089
  /// 2025-01-01T00:00:00.000Z in milliseconds since the epoch.
  static let baseMilliseconds: Int64 = 20_089 * 86_400_000

  var effective: LogDay { LogDay(daysSinceEpoch: Self.baseDay + Int64(effectiveOffset)) }
  var recorded: LogInstant { Self.recorded(seq: seq) }

  static func recorded(seq: Int64) -> LogInstant {
    LogInstant(millisecondsSinceEpoch: baseMilliseconds + (seq - 1) * 60_000)
  }

  /// `E%04d`.
  var employeeID: String { Self.employeeID(employee) }

  static func employeeID(_ index: Int) -> String {
    let digits = String(index + 1)
    return "E" + String(repeating: "0", count: max(0, 4 - digits.count)) + digits
  }

  /// `d.dd`.
  static func fteText(_ centi: Int) -> String {
    let cents = centi % 100
    return "\(centi / 100)." + (cents < 10 ? "0" : "") + String(cents)
  }

  /// `D/<year of recorded>/<6 digits>`.
  var decisionText: String { "D/\(recorded.day.civil.year)/\(decision)" }

  /// The canonical bytes of the `data` object, keys in the stream's order.
  var dataBytes: [UInt8] {
    let from = self.from < 0 ? "extern" : Orgs.names[self.from]
    let text =
      #"{"employee":""# + employeeID + #"","from":""# + from + #"","to":""# + Orgs.names[to]
      + #"","fte":""# + Self.fteText(fteCenti) + #"","decision":""# + decisionText + #""}"#
    return Array(text.utf8)
  }

  /// The line of WORKLOADS.md section 1 (the reference format), without its newline.
  func referenceLine(prev: String) -> String {
    #"{"seq":\#(seq),"recorded":"\#(recorded)","effective":"\#(effective)","#
      + #""type":"staff.transferred","stream":"staff/\#(employeeID)","data":"#
      + String(decoding: dataBytes, as: UTF8.self) + #","prev":"\#(prev)"}"#
  }
}

/// Generates the events in order; `count` events are the first `count` of the 1M stream.
struct TransferStream: Sequence, IteratorProtocol {
  static let employeeCount = 2000
  private var random = SplitMix64()
  private var current = [Int](repeating: -1, count: TransferStream.employeeCount)
  private var seq: Int64 = 0
  private let count: Int64

  init(count: Int) { self.count = Int64(count) }

  mutating func next() -> TransferEvent? {
    guard seq < count else { return nil }
    seq += 1
    let employee: Int
    let from: Int
    let to: Int
    let fte: Int
    let effectiveOffset: Int
    if seq <= Int64(Self.employeeCount) {
      employee = Int(seq - 1)
      from = -1
      to = Int(random.next() % 5)
      fte = 10 + Int(random.next() % 91)
      effectiveOffset = 0
    } else {
      employee = Int(random.next() % UInt64(Self.employeeCount))
      from = current[employee]
      let k = Int(random.next() % 4)
      to = k < from ? k : k + 1
      fte = 10 + Int(random.next() % 91)
      effectiveOffset = 1 + Int(random.next() % 1094)
    }
    let decision = 100_000 + Int(random.next() % 900_000)
    current[employee] = to
    return TransferEvent(
      seq: seq, employee: employee, from: from, to: to, fteCenti: fte,
      effectiveOffset: effectiveOffset, decision: decision)
  }
}

/// The drafts the bench appends: type `staff.transferred`, stream `staff/E0001`, id `w-<seq>`.
enum BenchDrafts {
  static func draft(_ event: TransferEvent) throws -> RecordDraft {
    try RecordDraft(
      id: "w-\(event.seq)", effective: event.effective, type: "staff.transferred",
      stream: "staff/" + event.employeeID, by: "bench", canonicalData: event.dataBytes)
  }

  static func drafts(count: Int) throws -> [RecordDraft] {
    var drafts: [RecordDraft] = []
    drafts.reserveCapacity(count)
    for event in TransferStream(count: count) { drafts.append(try draft(event)) }
    return drafts
  }
}

/// A clock that says what the bench tells it: the stream's minute instant of a `seq`.
final class ScriptedClock: LogClock {
  private let seq = Atomic<Int64>(1)

  /// The next `now()` returns the recorded instant of event `seq`.
  func set(seq value: Int64) { seq.store(value, ordering: .relaxed) }

  func now() -> LogInstant { TransferEvent.recorded(seq: seq.load(ordering: .relaxed)) }
}
