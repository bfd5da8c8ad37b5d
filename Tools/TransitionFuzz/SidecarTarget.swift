// The sidecar mode of the fuzz target (TRANSITION_FUZZ_MODE=sidecar): each input is a
// projections cache (`<log>.projections`) for the IJmond example log. Its checksums are
// recomputed as a forger would, its change-time stamp is set to the log's (so the input is
// not refused for its stamp alone), and every view, the audit (on two days) and some
// histories are asked.
// Traps if a query crashes (the finding) or if a cache the reader refused answers otherwise
// than a plain replay of the log.
import EventLog
import Foundation
import Projections
import TransitionApp

#if canImport(Glibc)
  import Glibc
#endif

/// The example log in a directory of its own, its questions and a plain replay's answers.
struct SidecarFixture {
  let logPath: String
  let cachePath: String
  let questions: [SidecarForgery.Question]
  let replayed: [String]
  let changeTime: Int64

  static let subjects = ["E017", "IJM-077", "RAAD-BEV", "M3"]

  /// Built once per process.
  static let shared: SidecarFixture = {
    let directory = NSTemporaryDirectory() + "transition-fuzz-sidecar-\(getpid())"
    try? FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
    let log = directory + "/ijmond.log"
    do {
      if let bytes = ExampleLog.bundledBytes {
        try Data(bytes).write(to: URL(fileURLWithPath: log))
      } else if !FileManager.default.fileExists(atPath: log) {
        try ExampleLog.build(at: log)
      }
      let plain = try TransitionProjector(path: log, useSidecar: false)
      // Every view and the audit on two days as known now, corrected, and the histories: a
      // quarter of `SidecarForgery.questions`, for four times the inputs a second (the other
      // known-at moments and the as-recorded mode are asked by ForgedSidecarFuzzTests).
      let questions = SidecarForgery.questions(lastSeq: plain.ledger.lastSeq, subjects: subjects)
        .filter { question in
          switch question {
          case .view(_, let query), .audit(let query), .history(_, let query):
            query.knownAt == .everything && !query.asRecorded
          }
        }
      var info = stat()
      stat(log, &info)
      return SidecarFixture(
        logPath: log, cachePath: log + ".projections", questions: questions,
        replayed: questions.map { SidecarForgery.answer(plain, $0) },
        changeTime: Int64(info.st_ctim.tv_sec) * 1_000_000_000 + Int64(info.st_ctim.tv_nsec))
    } catch {
      fatalError("cannot set up the sidecar fuzz fixture: \(error)")
    }
  }()

  /// The cache of the example log as the tool writes it: the seed of the sidecar corpus.
  func seed() throws -> [UInt8] {
    unlink(cachePath)
    _ = try TransitionProjector(path: logPath)
    return Array(try Data(contentsOf: URL(fileURLWithPath: cachePath)))
  }
}

/// Runs one sidecar input (see the file's comment); returns where the answers came from.
@discardableResult
func fuzzSidecar(_ input: UnsafeRawBufferPointer) -> ProjectionSidecar.Origin {
  let fixture = SidecarFixture.shared
  var bytes = Array(input)
  if bytes.count >= 56 {
    // The stamp's change time: the log's, settled (ProjectionSidecar rule 5).
    for index in 0..<8 {
      bytes[48 + index] = UInt8(truncatingIfNeeded: UInt64(fixture.changeTime) >> (8 * index))
    }
  }
  SidecarForgery.reseal(&bytes)
  let temporary = fixture.cachePath + ".input"
  guard (try? Data(bytes).write(to: URL(fileURLWithPath: temporary))) != nil,
    rename(temporary, fixture.cachePath) == 0
  else { preconditionFailure("cannot write the input to \(fixture.cachePath)") }
  let projector: TransitionProjector
  do {
    projector = try TransitionProjector(path: fixture.logPath)
  } catch {
    preconditionFailure("the example log did not answer beside this cache: \(error)")
  }
  let answers = fixture.questions.map { SidecarForgery.answer(projector, $0) }
  if projector.origin == .rebuilt {
    precondition(answers == fixture.replayed, "a refused cache answered otherwise than the log")
  }
  return projector.origin
}

/// Writes the seed of the sidecar corpus to `directory` (`TransitionFuzz --sidecar-seeds DIR`).
func writeSidecarSeeds(to directory: String) throws {
  try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
  let seed = try SidecarFixture.shared.seed()
  // The seed must reach the reader, not be refused for its stamp.
  let origin = seed.withUnsafeBytes { fuzzSidecar($0) }
  guard origin == .sidecar else {
    throw SidecarMismatch(reason: "the seed was answered \(origin), not from the cache")
  }
  try Data(seed).write(to: URL(fileURLWithPath: directory + "/ijmond.projections"))
}

/// Why the seed cannot be written.
struct SidecarMismatch: Error {
  let reason: String
}
