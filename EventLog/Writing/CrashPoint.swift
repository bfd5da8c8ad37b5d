import Synchronization

#if canImport(Glibc)
  import Glibc
#endif

/// The steps of the append and recovery protocols at which a test can stop the process.
///
/// Set `TRANSITION_CRASH_AT=<rawValue>` (optionally `TRANSITION_CRASH_AFTER=<n>` to pass that
/// point n times first) and the writer calls `_exit(77)` there: no buffers are flushed, no
/// lock is released by us, exactly like a crash. Tests may also pass their own hook.
public enum CrashPoint: String, Sendable, CaseIterable {
  /// Under the lock, before any byte of the batch is written.
  case beforeWrite = "before-write"
  /// After the first half of the batch's bytes were written.
  case afterPartialWrite = "after-partial-write"
  /// After the whole batch was written, before fdatasync.
  case afterWriteBeforeSync = "after-write-before-sync"
  /// After fdatasync returned, before the lock is released and the append acknowledged.
  case afterSyncBeforeUnlock = "after-sync-before-unlock"
  /// During recovery: after the torn tail was copied to its quarantine file.
  case afterQuarantineCopy = "after-quarantine-copy"
  /// During recovery: after the log was cut back, before that cut was made durable.
  case afterCut = "after-cut"
}

/// Decides whether to crash at a point; the default reads the environment once.
public struct CrashHook: Sendable {
  let shouldCrash: @Sendable (CrashPoint) -> Bool

  /// A hook that never crashes.
  public static let none = CrashHook { _ in false }

  /// A hook that asks `decide` at every point.
  public init(_ decide: @escaping @Sendable (CrashPoint) -> Bool) { shouldCrash = decide }

  /// The hook the environment asks for, or `none`.
  public static let fromEnvironment: CrashHook = {
    guard let name = getenv("TRANSITION_CRASH_AT").map({ String(cString: $0) }),
      let point = CrashPoint(rawValue: name)
    else { return .none }
    let skips = getenv("TRANSITION_CRASH_AFTER").flatMap { Int(String(cString: $0)) } ?? 0
    let counter = CrashCounter(remaining: skips)
    return CrashHook { reached in reached == point && counter.passOnce() }
  }()

  /// Exits the process at once if the hook says so.
  func reach(_ point: CrashPoint) {
    if shouldCrash(point) { Self.crashNow() }
  }

  /// Ends the process at once, as a crash would: exit status 77, nothing flushed.
  static func crashNow() -> Never { _exit(77) }
}

/// Counts passes of a crash point; safe to share between threads that append.
private final class CrashCounter: Sendable {
  private let remaining: Mutex<Int>
  init(remaining: Int) { self.remaining = Mutex(remaining) }
  func passOnce() -> Bool {
    remaining.withLock { count in
      if count == 0 { return true }
      count -= 1
      return false
    }
  }
}
