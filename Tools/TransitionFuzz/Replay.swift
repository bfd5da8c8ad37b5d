// A normal build's entry point: replays the inputs named on the command line through the
// fuzz target, for debugging a finding without libFuzzer.
import Foundation

#if canImport(Glibc)
  import Glibc
#endif

#if !FUZZING
  @main
  enum Replay {
    static func main() {
      let arguments = Array(CommandLine.arguments.dropFirst())
      if arguments.first == "--sidecar-seeds", arguments.count == 2 {
        do {
          try writeSidecarSeeds(to: arguments[1])
          print("wrote the sidecar seed to \(arguments[1])")
        } catch {
          FileHandle.standardError.write(Data("cannot write the sidecar seed: \(error)\n".utf8))
          exit(1)
        }
        return
      }
      for path in arguments {
        guard let data = FileManager.default.contents(atPath: path) else {
          FileHandle.standardError.write(Data("cannot read \(path)\n".utf8))
          exit(2)
        }
        Array(data).withUnsafeBytes { if fuzzingSidecar { fuzzSidecar($0) } else { fuzzOne($0) } }
        print("ok \(path)")
      }
    }
  }
#endif
