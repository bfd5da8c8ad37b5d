import EventLog

/// `transition verify`: checks a whole log, and optionally that it extends a checkpoint.
enum VerifyCommand: Command {
  static let name = "verify"
  static let summary = "check a log's every line, its hash chain, and a saved checkpoint"
  static let help = """
    transition verify LOG [--checkpoint FILE]

    Checks the header, every line's JSON, that seq runs 1, 2, 3 … without gaps, every prev
    hash, that recorded never goes back, and that no id appears twice. Never changes the
    file. On success prints the record count and the head hash; on damage names the first
    bad line and exits 65.

    With --checkpoint FILE (saved earlier by `transition checkpoint`), also checks that the
    log extends that checkpoint: that its first records are exactly those the checkpoint
    covers. A log that was cut back or rewritten with a recomputed chain passes the first
    check but fails this one: only a checkpoint held by someone else proves that the log was
    not rewritten.

    Examples:
      transition verify transitie.log
      transition checkpoint transitie.log > raad-2026-03.checkpoint
      transition verify transitie.log --checkpoint raad-2026-03.checkpoint
    """

  static func run(_ words: [String], console: Console) throws -> ExitStatus {
    let arguments = try Arguments(words, valued: ["checkpoint"], usage: usage)
    try arguments.expectPositionals(atMost: 1, usage: usage)
    let path = try arguments.positional(0, "the log file to verify", usage: usage)
    let saved = try arguments.value("checkpoint").map { file throws(CommandFailure) in
      try CheckpointCommand.read(file)
    }
    let progress = ReadingProgress("verifying \(path)", reading: path, console: console)
    do {
      let report = try LogVerifier.verify(path: path, against: saved)
      progress.finish(console: console)
      console.print("\(path): ok")
      console.print("  log       \(report.header.name)")
      console.print("  records   \(report.recordCount)")
      console.print("  head      \(report.headHash.hexString)")
      if let saved = report.extendsCheckpoint {
        console.print("  extends   the checkpoint of \(saved.treeSize) records (\(saved.origin))")
      } else {
        console.print(
          "  note      the chain shows the file is intact as it stands; only a checkpoint held"
            + " by someone else proves it was not rewritten (see --checkpoint)")
      }
      return .ok
    } catch {
      progress.finish(console: console)
      throw LogFailures.failure(error, path: path)
    }
  }
}
