import CanonicalJSON
import Foundation
import Testing

// Temporary: run with CANONICAL_JSON_THROUGHPUT=1 swift test -c release --filter ThroughputProbe
@Suite("Throughput probe")
struct ThroughputProbe {
  static let hash = "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"

  static func line(_ seq: Int) -> String {
    "{\"seq\":\(seq),\"id\":\"evt-\(100_000 + seq)\",\"type\":\"person.assigned\","
      + "\"at\":\"2026-11-23T18:13:08Z\",\"data\":{\"person\":\"P-00042\",\"position\":\"POS/17\","
      + "\"fte\":\"0.8889\",\"note\":\"fase 2 \u{2014} overgang\"},"
      + "\"prev\":\"\(hash)\",\"hash\":\"\(hash)\"}"
  }

  static func readRecord(_ bytes: UnsafeRawBufferPointer) throws(JSONParseError) -> Int {
    var cursor = JSONCursor(bytes)
    try cursor.expectBytes("{\"seq\":")
    let seq = try cursor.readInteger()
    try cursor.expectBytes(",\"id\":")
    let id = try cursor.readStringRange()
    try cursor.expectBytes(",\"type\":")
    let type = try cursor.readStringRange()
    try cursor.expectBytes(",\"at\":")
    _ = try cursor.readStringRange()
    try cursor.expectBytes(",\"data\":")
    let data = try cursor.skipValue()
    try cursor.expectBytes(",\"prev\":")
    let prev = try cursor.readStringRange()
    try cursor.expectBytes(",\"hash\":")
    _ = try cursor.readStringRange()
    try cursor.expect(UInt8(ascii: "}"))
    try cursor.expectEnd()
    return Int(seq) &+ id.count &+ type.count &+ data.count &+ prev.count
  }

  static func skipLine(_ bytes: UnsafeRawBufferPointer) throws(JSONParseError) -> Int {
    var cursor = JSONCursor(bytes)
    let range = try cursor.skipValue()
    try cursor.expectEnd()
    return range.count
  }

  @Test(
    "Report the hot path's throughput",
    .enabled(if: ProcessInfo.processInfo.environment["CANONICAL_JSON_THROUGHPUT"] == "1"))
  func measure() throws {
    var buffer: [UInt8] = []
    var ranges: [Range<Int>] = []
    for seq in 0..<10_000 {
      let start = buffer.count
      buffer.append(contentsOf: Self.line(seq).utf8)
      ranges.append(start..<buffer.count)
    }
    let average = buffer.count / ranges.count
    for (name, body) in [
      ("cursor fields + skipValue(data)", Self.readRecord), ("skipValue(line)", Self.skipLine),
    ] as [(String, (UnsafeRawBufferPointer) throws(JSONParseError) -> Int)] {
      let rounds = 100
      var best = Duration.seconds(1000)
      var sink = 0
      try buffer.withUnsafeBytes { all in
        for _ in 0..<5 {
          let start = ContinuousClock.now
          for _ in 0..<rounds {
            for range in ranges { sink &+= try body(UnsafeRawBufferPointer(rebasing: all[range])) }
          }
          best = min(best, ContinuousClock.now - start)
        }
      }
      let seconds = Double(best.components.seconds) + Double(best.components.attoseconds) / 1e18
      let gbps = Double(buffer.count * rounds) / seconds / 1e9
      let nsPerLine = seconds / Double(ranges.count * rounds) * 1e9
      print(
        "THROUGHPUT \(name): \(average)-byte lines, \(String(format: "%.2f", gbps)) GB/s, \(String(format: "%.0f", nsPerLine)) ns/line (sink \(sink & 1))"
      )
    }
  }
}
