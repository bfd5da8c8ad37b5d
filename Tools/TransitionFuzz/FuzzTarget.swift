// transition-fuzz: a libFuzzer target for the log's line scanner, reader, verifier and
// tail recovery, and with TRANSITION_FUZZ_MODE=sidecar for the projections cache's reader
// (SidecarTarget.swift). See docs/RELIABILITY.md, group 10, for the commands.
//
// Built with `swift build --sanitize fuzzer --sanitize address --product TransitionFuzz
// --scratch-path .build-fuzz`, libFuzzer supplies `main` and calls
// `LLVMFuzzerTestOneInput` with each input. In a normal build `main.swift` replays the files
// named on the command line through the same function (so a crashing input can be debugged
// without the fuzzer).
import CanonicalJSON
import EventLog

#if canImport(Glibc)
  import Glibc
#endif

/// A valid three-record log that mode 1 inputs are appended to, built once.
let validPrefix: [UInt8] = {
  let operations = MemoryFileOperations()
  var options = LogWriter.Options()
  options.fileOperations = operations
  options.clock = FixedClock()
  options.crashHook = .none
  do {
    let writer = try LogWriter.create(path: "/fuzz/seed.log", name: "fuzz", options: options)
    for number in 1...3 {
      try writer.append([
        RecordDraft(
          id: "r-\(number)", effective: LogDay(daysSinceEpoch: 20_000), type: "Fuzzed.v1",
          stream: "s/\(number)", by: "fuzzer", data: ["n": .integer(Int64(number))])
      ])
    }
  } catch {
    fatalError("cannot build the fuzz prefix: \(error)")
  }
  return operations.contents(of: "/fuzz/seed.log")
}()

/// A clock stuck at one instant: inputs must not depend on the time of day.
struct FixedClock: LogClock {
  func now() -> LogInstant { LogInstant(millisecondsSinceEpoch: 1_768_471_200_000) }
}

/// Runs one input.
///
/// The first byte picks the mode: even → the rest is a whole log file;
/// odd → the rest is appended to a valid three-record log (a tail after valid records).
/// Checks what must hold for any input; traps (a finding) if it does not.
func fuzzOne(_ input: UnsafeRawBufferPointer) {
  guard let mode = input.first else { return }
  let rest = Array(input.dropFirst())
  // The canonical JSON parser on the raw bytes.
  _ = try? JSONParser.parse(rest, profile: .canonical)
  let file = mode % 2 == 0 ? rest : validPrefix + rest
  let operations = MemoryFileOperations()
  let path = "/fuzz/events.log"
  operations.setContents(file, of: path)
  let verified = try? LogVerifier.verify(path: path, fileOperations: operations)
  var count: Int64 = 0
  let summary = try? LogReader(path: path, fileOperations: operations).forEachRecord { record in
    count += 1
    precondition(record.seq == count, "the reader returned records out of order")
  }
  if let verified {
    // A log that verifies reads whole: every record, no torn tail.
    precondition(summary != nil && summary?.tornTail == nil, "verified but unreadable")
    precondition(verified.recordCount == count, "verify and read disagree on the count")
  }
  if mode % 2 == 1 {
    // Records before a tail are never lost: the reader reaches at least record 3, or calls
    // the log damaged.
    if let summary { precondition(summary.state.lastSeq >= 3, "a valid record was dropped") }
  }
  // Tail recovery: a writer that opens the log leaves one that verifies, keeps every record
  // the reader saw, and changes the file only by cutting a torn tail.
  var options = LogWriter.Options()
  options.fileOperations = operations
  options.clock = FixedClock()
  options.crashHook = .none
  options.lockTimeoutMilliseconds = 0
  guard let writer = try? LogWriter(path: path, options: options) else {
    precondition(verified == nil, "a log that verifies cannot be opened for appending")
    return
  }
  let after = operations.contents(of: path)
  precondition(Array(file.prefix(after.count)) == after, "recovery changed more than the tail")
  if let summary { precondition(writer.lastSeq == summary.state.lastSeq, "recovery lost records") }
  guard (try? LogVerifier.verify(path: path, fileOperations: operations)) != nil else {
    preconditionFailure("the log does not verify after tail recovery")
  }
  if mode % 4 == 1 {
    // And appending continues the chain.
    do {
      try writer.append([
        RecordDraft(
          id: "fuzz-next", effective: LogDay(daysSinceEpoch: 20_000), type: "Fuzzed.v1",
          stream: "s/next", by: "fuzzer", data: [:])
      ])
    } catch {
      if case .idConflict = error { return }
      preconditionFailure("append after recovery failed: \(error)")
    }
    guard (try? LogVerifier.verify(path: path, fileOperations: operations)) != nil else {
      preconditionFailure("the log does not verify after an append")
    }
  }
}

/// Whether the inputs are projections caches (`TRANSITION_FUZZ_MODE=sidecar`), not logs.
let fuzzingSidecar = getenv("TRANSITION_FUZZ_MODE").map { String(cString: $0) } == "sidecar"

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzerTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
  let input = UnsafeRawBufferPointer(start: data, count: data == nil ? 0 : size)
  if fuzzingSidecar { fuzzSidecar(input) } else { fuzzOne(input) }
  return 0
}
