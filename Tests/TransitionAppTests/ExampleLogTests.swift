import EventLog
import Foundation
import Testing
import TransitionDomain

@testable import TransitionApp

@Suite("The IJmond example log")
struct ExampleLogTests {
  @Test(
    "recording the scenario through the rules gives the shipped log byte for byte, and it verifies")
  func reproducible() throws {
    let directory = NSTemporaryDirectory() + "example-" + UUID().uuidString
    try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(atPath: directory) }
    let path = directory + "/ijmond.log"
    try ExampleLog.build(at: path)
    let built = Array(try Data(contentsOf: URL(fileURLWithPath: path)))
    let bundled = try #require(ExampleLog.bundledBytes)
    #expect(
      SHA256.hash(built) == SHA256.hash(bundled) && built.count == bundled.count,
      "the shipped example differs; rebuild it: swift run transition-generate example-log"
    )
    let report = try LogVerifier.verify(path: path)
    #expect(report.header.name == "ijmond")
    #expect(report.recordCount == Int64(IJmondScenario.steps.count))
  }
}
