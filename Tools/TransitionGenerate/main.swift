// transition-generate: makes the package's generated files, or checks the committed ones.
//
//   swift run transition-generate [--check] [all | field-catalogue | example-log ...]
//
// Without --check it writes each file in place. With --check it writes nothing and exits 1
// when a committed file differs from a fresh generation (CI runs this).
import Foundation

let arguments = Array(CommandLine.arguments.dropFirst())
if arguments.contains("--help") || arguments.contains("-h") {
  print("usage: transition-generate [--check] [all | NAME ...]\n")
  for target in Generator.targets {
    print("  \(target.name)\n      \(target.path): \(target.summary)")
  }
  exit(0)
}
let check = arguments.contains("--check")
let names = arguments.filter { $0 != "--check" && $0 != "all" }
let unknown = names.filter { name in !Generator.targets.contains { $0.name == name } }
if !unknown.isEmpty {
  let known = Generator.targets.map(\.name).joined(separator: ", ")
  FileHandle.standardError.write(
    Data("transition-generate: unknown file '\(unknown[0])'; known: \(known), all\n".utf8))
  exit(64)
}
// The package root: three folders up from this file (Tools/TransitionGenerate/main.swift).
let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
  .deletingLastPathComponent().deletingLastPathComponent()
var stale: [String] = []
for target in Generator.targets where names.isEmpty || names.contains(target.name) {
  do {
    let bytes = try target.make(root)
    let file = root.appendingPathComponent(target.path)
    if check {
      let committed = (try? Data(contentsOf: file)).map(Array.init) ?? []
      if committed != bytes {
        stale.append(target.path)
        print("stale: \(target.path) differs from a fresh generation")
      } else {
        print("ok: \(target.path)")
      }
    } else {
      try Data(bytes).write(to: file, options: .atomic)
      print("wrote \(target.path) (\(bytes.count) bytes)")
    }
  } catch {
    FileHandle.standardError.write(Data("transition-generate: \(target.name): \(error)\n".utf8))
    exit(70)
  }
}
if !stale.isEmpty {
  FileHandle.standardError.write(
    Data(
      ("transition-generate: \(stale.count) generated file(s) are stale; run"
        + " `swift run transition-generate` and commit the result\n").utf8))
  exit(1)
}
