import EventLog
import TransitionDomain

/// A rebuildable file beside a log holding its folded `Ledger`; never the source of truth.
public struct ProjectionSidecar: Sendable {
  /// How a ledger was obtained.
  public enum Origin: String, Sendable, Equatable {
    /// Read from a sidecar that matched the log.
    case sidecar
    /// Read from a sidecar of a prefix of the log, then extended with the new records.
    case extended
    /// Replayed from the log because the sidecar was missing, damaged or did not match.
    case rebuilt
    /// Replayed from the log without a sidecar.
    case replayed
  }

  /// The log.
  public let logPath: String

  /// A sidecar for the log at `logPath`.
  public init(logPath: String) { self.logPath = logPath }

  /// The ledger of the whole log.
  public func ledger() throws -> (Ledger, Origin) {
    (try Ledger.replay(path: logPath), .replayed)
  }
}
