// transition: record, replay, verify and audit the event log of a transition.
// This file only hands the arguments over and exits with the status the command chose.
#if canImport(Glibc)
  import Glibc
#endif

exit(CommandLineTool.run(Array(CommandLine.arguments.dropFirst()), console: .process).rawValue)
