import Foundation
import Testing

@Suite("transition init, verify and checkpoint, run as a user runs them")
struct LogVerbTests {
  @Test(
    "init creates an empty log that verifies; checkpoint prints three lines; verify --checkpoint accepts it"
  )
  func happyPath() throws {
    let work = WorkDirectory()
    let log = work.file("t.log")
    let created = try TransitionBinary.run(["init", log, "--name", "ijmond"])
    #expect(created.status == 0)
    #expect(created.output.contains("Created"))
    let verified = try TransitionBinary.run(["verify", log])
    #expect(verified.status == 0)
    #expect(verified.output.contains("records   0"))
    #expect(verified.output.contains("only a checkpoint held by someone else proves"))
    let checkpoint = try TransitionBinary.run(["checkpoint", log])
    #expect(checkpoint.output.split(separator: "\n").first == "transition-log/ijmond")
    try checkpoint.output.write(toFile: work.file("cp"), atomically: true, encoding: .utf8)
    let extended = try TransitionBinary.run(["verify", log, "--checkpoint", work.file("cp")])
    #expect(extended.status == 0)
    #expect(extended.output.contains("extends   the checkpoint of 0 records"))
    let mode = try FileManager.default.attributesOfItem(atPath: log)[.posixPermissions] as? Int
    #expect(mode == 0o640)
  }

  @Test(
    "bad input gets a message naming the thing and a distinct exit status",
    arguments: [
      (["verify"], Int32(64), "Missing the log file to verify"),
      (["verify", "/nonexistent/t.log"], 66, "/nonexistent/t.log does not exist"),
      (["verify", "x.log", "--colour"], 64, "Unknown flag --colour"),
      (["frobnicate"], 64, "unknown command \"frobnicate\""),
      (["init", "n.log"], 64, "Missing --name"),
      (["init", "n.log", "--name", "has space"], 64, "a log name is 1 to 128 characters"),
    ])
  func badInput(arguments: [String], status: Int32, message: String) throws {
    let work = WorkDirectory()
    let run = try TransitionBinary.run(arguments, in: work.path)
    #expect(run.status == status)
    #expect(run.errors.contains(message), "\(run.errors)")
    #expect(run.output.isEmpty)
  }

  @Test(
    "init refuses to overwrite an existing file (exit 73); verify names the damaged line (exit 65)")
  func refusals() throws {
    let work = WorkDirectory()
    let log = work.file("t.log")
    #expect(try TransitionBinary.run(["init", log, "--name", "x"]).status == 0)
    let again = try TransitionBinary.run(["init", log, "--name", "x"])
    #expect(again.status == 73)
    #expect(again.errors.contains("exists already"))
    try Data("not a log\n".utf8).write(to: URL(fileURLWithPath: work.file("bad.log")))
    let damaged = try TransitionBinary.run(["verify", work.file("bad.log")])
    #expect(damaged.status == 65)
    #expect(damaged.errors.contains("line 1"))
    #expect(damaged.errors.contains("Nothing was changed"))
  }

  @Test("every verb has --help with examples")
  func help() throws {
    for verb in ["init", "verify", "checkpoint"] {
      let run = try TransitionBinary.run([verb, "--help"])
      #expect(run.status == 0)
      #expect(run.output.contains("Examples:"), "\(verb)")
    }
  }
}
