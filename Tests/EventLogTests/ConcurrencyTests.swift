import Foundation
import Testing

@testable import EventLog

@Suite("Concurrent writers")
struct ConcurrencyTests {
  @Test(
    "8 processes appending 500 records each give 4,000 records, contiguous seq, a valid chain, and each process's records in its own order"
  )
  func eightProcesses() throws {
    let directory = TemporaryDirectory()
    let path = directory.file("events.log")
    try LogFixtures.makeLog(at: path, count: 0)
    let writers = 8
    let perWriter = 500
    let children = try (0..<writers).map { number in
      try ChildProcess.startTorture([
        "append", path, "--writer", "P\(number)", "--count", String(perWriter),
      ])
    }
    var acknowledged: [String: Int64] = [:]
    for (process, output) in children {
      let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
      process.waitUntilExit()
      #expect(process.terminationStatus == 0)
      for line in text.split(separator: "\n") {
        let fields = line.split(separator: " ")
        if fields.count == 3, fields[0] == "ack", let seq = Int64(fields[2]) {
          acknowledged[String(fields[1])] = seq
        }
      }
    }
    let report = try LogVerifier.verify(path: path)
    #expect(report.recordCount == Int64(writers * perWriter))
    #expect(acknowledged.count == writers * perWriter)
    let records = try LogReader(path: path).records()
    #expect(records.map(\.seq) == Array(1...Int64(writers * perWriter)))
    for record in records { #expect(acknowledged[record.id] == record.seq) }
    for number in 0..<writers {
      let items = records.filter { $0.by == "P\(number)" }.map {
        $0.data["item"]?.integerValue ?? 0
      }
      #expect(items == Array(1...Int64(perWriter)), "writer P\(number) out of order")
    }
  }
}
