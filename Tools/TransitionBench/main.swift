#if canImport(Glibc)
  import Glibc
#endif

/// transition-bench: the yardstick workloads W1-W6 on this project's code.
///
///     transition-bench w1 STORE [--events N]        durable single appends (10,000)
///     transition-bench w2 STORE [--events N]        bulk import in batches of 1,000 (1,000,000)
///     transition-bench w3 STORE [MODE]              full replay: pipelined, sequential, nochain
///     transition-bench w4prep STORE MODE            sidecar: build it; scan: remove it
///     transition-bench w4 STORE DATE [MODE]         as-of query: scan or sidecar
///     transition-bench w5 STORE [MODE]              verify: pipelined, sequential or checkpoint
///     transition-bench w6prep STORE [--events N]    writes the synthetic domain log (1,000,000)
///     transition-bench w6 STORE                     domain replay into every projection and view
///     transition-bench w7 STORE                     the users' questions as cold CLI processes
///     transition-bench limits STORE                 raw sync latency, SHA-256, read bandwidth
///     transition-bench gen-reference N PATH         the reference log of WORKLOADS.md §1
///     transition-bench all [--quick] [--store DIR]  everything, with the summary table
let usage = """
  usage: transition-bench w1|w2 STORE [--events N] | w3 STORE [pipelined|sequential|nochain]
         | w4prep STORE scan|sidecar | w4 STORE DATE [scan|sidecar] | w5 STORE [pipelined|sequential|checkpoint]
         | w6prep STORE [--events N] | w6 STORE | w7 STORE | limits STORE | gen-reference N PATH | all [--quick] [--store DIR] [--keep]
  """

func option(_ name: String, in arguments: [String]) -> String? {
  guard let index = arguments.firstIndex(of: name), index + 1 < arguments.count else { return nil }
  return arguments[index + 1]
}

func positional(_ arguments: [String]) -> [String] {
  var result: [String] = []
  var index = 0
  while index < arguments.count {
    if arguments[index].hasPrefix("--") {
      index += ["--events", "--store"].contains(arguments[index]) ? 2 : 1
      continue
    }
    result.append(arguments[index])
    index += 1
  }
  return result
}

func events(_ arguments: [String], default value: Int) throws -> Int {
  guard let text = option("--events", in: arguments) else { return value }
  guard let count = Int(text), count > 0 else { throw BenchFailure("--events needs a count") }
  return count
}

func main() throws -> Int32 {
  let arguments = Array(CommandLine.arguments.dropFirst())
  let words = positional(arguments)
  guard let command = words.first else {
    print(usage)
    return 2
  }
  func store() throws -> String {
    guard words.count >= 2 else { throw BenchFailure("\(command) needs a STORE directory") }
    return words[1]
  }
  switch command {
  case "w1":
    print(try Workloads.w1(store: try store(), events: try events(arguments, default: 10_000)))
  case "w2":
    print(try Workloads.w2(store: try store(), events: try events(arguments, default: 1_000_000)))
  case "w3":
    print(try Workloads.w3(store: try store(), mode: words.count > 2 ? words[2] : "pipelined"))
  case "w4prep":
    print(try Workloads.w4prep(store: try store(), mode: words.count > 2 ? words[2] : "default"))
  case "w4":
    guard words.count >= 3 else { throw BenchFailure("w4 needs STORE and DATE") }
    print(
      try Workloads.w4(store: words[1], date: words[2], mode: words.count > 3 ? words[3] : "scan"))
  case "w5":
    print(try Workloads.w5(store: try store(), mode: words.count > 2 ? words[2] : "pipelined"))
  case "w6prep":
    print(
      try DomainReplay.prepare(
        store: try store(), events: try events(arguments, default: DomainReplay.defaultEvents)))
  case "w6":
    print(try DomainReplay.run(store: try store()))
  case "w7":
    print(try UserQuestions.run(store: try store()))
  case "limits":
    print(try BenchRun.limitsLine(store: try store(), quick: arguments.contains("--quick")))
  case "noop":
    break
  case "gen-reference":
    guard words.count >= 3, let count = Int(words[1]) else {
      throw BenchFailure("gen-reference needs N and PATH")
    }
    let written = try Workloads.referenceLog(count: count, to: words[2])
    print("events=\(count) bytes=\(written.bytes) last_line_sha256=\(written.lastHash)")
  case "all":
    let quick = arguments.contains("--quick")
    let directory =
      try option("--store", in: arguments) ?? Files.temporaryDirectory("transition-bench")
    return try BenchRun(store: directory, quick: quick, keep: arguments.contains("--keep")).run()
  default:
    print(usage)
    return 2
  }
  return 0
}

do {
  exit(try main())
} catch {
  let message = Array("transition-bench: \(error)\n".utf8)
  _ = write(2, message, message.count)
  exit(1)
}
