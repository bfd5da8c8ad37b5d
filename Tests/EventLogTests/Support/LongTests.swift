import Foundation

/// Whether the long versions of the reliability tests run (`TRANSITION_LONG_TESTS=1`).
enum LongTests {
  static let enabled = ProcessInfo.processInfo.environment["TRANSITION_LONG_TESTS"] == "1"
}
