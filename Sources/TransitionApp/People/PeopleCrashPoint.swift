#if canImport(Glibc)
  import Glibc
#endif

/// The steps of a register rewrite and of `forget` at which a test can stop the process.
///
/// Set `TRANSITION_PEOPLE_CRASH_AT=<rawValue>` and the process calls `_exit(77)` there: no
/// buffers flushed, no lock released by us, as in a crash.
public enum PeopleCrashPoint: String, Sendable, CaseIterable {
  /// The temporary file exists, nothing written to it.
  case temporaryCreated = "temporary-created"
  /// Part of the new contents is in the temporary file (only when a write was short).
  case temporaryPartlyWritten = "temporary-partly-written"
  /// The new contents are written, not yet fsynced.
  case temporaryWritten = "temporary-written"
  /// The temporary file is fsynced, not yet renamed over the register.
  case temporarySynced = "temporary-synced"
  /// Renamed over the register; the folder not yet fsynced.
  case renamed = "renamed"
  /// The folder is fsynced: the new register is durable. For `forget`, the erasure record is
  /// not yet in the log.
  case folderSynced = "folder-synced"
  /// `forget` only: the erasure record is appended, the lock not yet released.
  case recordAppended = "record-appended"
}

/// Decides whether to stop at a point; the default reads the environment once.
public struct PeopleCrashHook: Sendable {
  let shouldCrash: @Sendable (PeopleCrashPoint) -> Bool

  /// A hook that never crashes.
  public static let none = PeopleCrashHook { _ in false }

  /// A hook that asks `decide` at every point.
  public init(_ decide: @escaping @Sendable (PeopleCrashPoint) -> Bool) { shouldCrash = decide }

  /// The hook `TRANSITION_PEOPLE_CRASH_AT` asks for, or `none`.
  public static let fromEnvironment: PeopleCrashHook = {
    guard let name = getenv("TRANSITION_PEOPLE_CRASH_AT").map({ String(cString: $0) }),
      let point = PeopleCrashPoint(rawValue: name)
    else { return .none }
    return PeopleCrashHook { $0 == point }
  }()

  /// Ends the process at once if the hook says so.
  func reach(_ point: PeopleCrashPoint) {
    if shouldCrash(point) { _exit(77) }
  }
}
