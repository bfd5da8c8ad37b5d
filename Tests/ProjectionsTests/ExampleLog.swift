import EventLog
import Foundation
import Projections
import TransitionDomain

/// The shipped IJmond example log, copied to a temporary directory so sidecars go there.
enum ExampleLogFixture {
  /// The shipped log's path, relative to this file.
  static let shippedPath: String = {
    let here = URL(fileURLWithPath: #filePath)
    return here.deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent(
        "Sources/TransitionApp/Example/ijmond.log"
      ).path
  }()

  /// The ledger of the example log, folded once per test process.
  static let ledger: Ledger = {
    do { return try Ledger.replay(path: shippedPath) } catch {
      preconditionFailure("cannot replay the example log: \(error)")
    }
  }()

  /// A projector over the example log without a sidecar.
  static var projector: TransitionProjector {
    TransitionProjector(ledger: ledger, path: shippedPath)
  }

  /// A fresh temporary directory.
  static func temporaryDirectory() -> String {
    let path = NSTemporaryDirectory() + "projections-\(UUID().uuidString)"
    try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
  }

  /// A copy of the example log in a fresh temporary directory.
  static func copy() throws -> String {
    let path = temporaryDirectory() + "/ijmond.log"
    try FileManager.default.copyItem(atPath: shippedPath, toPath: path)
    return path
  }

  /// The `seq` of the record with `id`.
  static func seq(_ id: String) -> Int64 {
    guard let index = ledger.recordIDs.firstIndex(of: id) else {
      preconditionFailure("no record \(id) in the example log")
    }
    return Int64(index + 1)
  }

  /// A day from `YYYY-MM-DD`.
  static func day(_ text: String) -> CalendarDay {
    guard let day = CalendarDay(parsing: text) else { preconditionFailure("bad day \(text)") }
    return day
  }

  /// An instant from `YYYY-MM-DDTHH:MM:SS.mmmZ`.
  static func instant(_ text: String) -> LogInstant {
    guard let instant = LogInstant(text) else { preconditionFailure("bad instant \(text)") }
    return instant
  }
}
