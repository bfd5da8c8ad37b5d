import EventLog
import Foundation
import Synchronization
import TransitionDomain

/// The IJmond example log: the scenario recorded through the same commands and rules a user
/// goes through, with a scripted clock so that `recorded` follows the scenario's times.
///
/// The package ships the result (`Example/ijmond.log`); a test rebuilds it and checks that it
/// is byte-identical, so the shipped file is never edited by hand.
public enum ExampleLog {
  /// The log's name.
  public static let name = "ijmond"

  /// The bytes of the shipped example log, if the resource bundle is beside the executable.
  public static var bundledBytes: [UInt8]? {
    guard let url = Bundle.module.url(forResource: "ijmond", withExtension: "log"),
      let data = try? Data(contentsOf: url)
    else { return nil }
    return Array(data)
  }

  /// Records the whole scenario into a new log at `path` (which must not exist).
  public static func build(at path: String) throws {
    let steps = IJmondScenario.steps
    let clock = ScriptedClock(milliseconds: steps.first?.recordedMilliseconds ?? 0)
    var options = LogWriter.Options()
    options.clock = clock
    options.crashHook = .none
    // The shipped example stays in format version 1, byte for byte: it holds no batch of
    // more than one record per command step that would need marks.
    options.formatVersion = 1
    _ = try LogWriter.create(path: path, name: name, options: options)
    let log = try TransitionLog(path: path, options: options)
    for step in steps {
      clock.set(step.recordedMilliseconds)
      do {
        try log.record([step.command], by: step.by)
      } catch {
        throw ExampleFailure(stepID: step.id, underlying: error)
      }
    }
  }

  /// A scenario step that the rules refused: the scenario and the rules disagree.
  public struct ExampleFailure: Error, CustomStringConvertible {
    public let stepID: String
    public let underlying: any Error
    public var description: String { "scenario step \(stepID): \(underlying)" }
  }
}

/// A clock that says what it is told: the scripted `recorded` times of the example.
public final class ScriptedClock: LogClock, Sendable {
  private let milliseconds: Mutex<Int64>

  public init(milliseconds: Int64) { self.milliseconds = Mutex(milliseconds) }

  /// Sets the instant the next record gets.
  public func set(_ value: Int64) { milliseconds.withLock { $0 = value } }

  public func now() -> LogInstant {
    LogInstant(millisecondsSinceEpoch: milliseconds.withLock { $0 })
  }
}
