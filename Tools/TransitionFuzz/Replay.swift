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
      for path in CommandLine.arguments.dropFirst() {
        guard let data = FileManager.default.contents(atPath: path) else {
          FileHandle.standardError.write(Data("cannot read \(path)\n".utf8))
          exit(2)
        }
        Array(data).withUnsafeBytes { fuzzOne($0) }
        print("ok \(path)")
      }
    }
  }
#endif
