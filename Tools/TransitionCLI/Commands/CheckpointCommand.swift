import EventLog
import Foundation

/// `transition checkpoint`: prints the checkpoint of a log, to be kept by someone else.
enum CheckpointCommand: Command {
  static let name = "checkpoint"
  static let summary = "print the log's checkpoint (origin, size, Merkle root) to keep elsewhere"
  static let help = """
    transition checkpoint LOG

    Verifies LOG and prints its checkpoint: three lines (the origin transition-log/NAME, the
    number of records, and the base64 RFC 6962 Merkle tree hash of the records), about 100
    bytes that a council paper or an accountant's file can quote. Later,
    `transition verify LOG --checkpoint FILE` proves the log still extends it.

    Examples:
      transition checkpoint transitie.log
      transition checkpoint transitie.log > raad-2026-03.checkpoint
    """

  static func run(_ words: [String], console: Console) throws -> ExitStatus {
    let arguments = try Arguments(words, valued: [], usage: usage)
    try arguments.expectPositionals(atMost: 1, usage: usage)
    let path = try arguments.positional(0, "the log file", usage: usage)
    do {
      let progress = ReadingProgress("verifying \(path)", reading: path, console: console)
      defer { progress.finish(console: console) }
      let report = try LogVerifier.verify(path: path, computeCheckpoint: true)
      guard let checkpoint = report.checkpoint else {
        preconditionFailure("verify(computeCheckpoint: true) returns the checkpoint")
      }
      console.print(String(checkpoint.text.dropLast()))
      return .ok
    } catch {
      throw LogFailures.failure(error, path: path)
    }
  }

  /// Reads a saved checkpoint file.
  static func read(_ file: String) throws(CommandFailure) -> Checkpoint {
    guard let data = FileManager.default.contents(atPath: file) else {
      throw CommandFailure(
        status: .noInput, message: "The checkpoint file \(file) does not exist or cannot be read.")
    }
    guard let checkpoint = Checkpoint(text: String(decoding: data, as: UTF8.self)) else {
      throw CommandFailure(
        status: .dataError,
        message: "\(file) is not a checkpoint: expected three lines (transition-log/NAME, a"
          + " record count, a base64 hash), as `transition checkpoint` prints them.")
    }
    return checkpoint
  }
}
