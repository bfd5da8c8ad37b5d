// swift-tools-version:6.0
// TransitionTracker: an append-only, hash-chained event log for a public-sector transition.
// No package dependencies: Foundation, Glibc, Dispatch and the toolchain's test libraries only.
import Foundation
import PackageDescription

// `TRANSITION_FUZZ=1` builds TransitionFuzz for libFuzzer, which brings its own `main`; the
// normal build gives it a replay `main` instead (docs/RELIABILITY.md, group 10).
let fuzzing = ProcessInfo.processInfo.environment["TRANSITION_FUZZ"] == "1"

let package = Package(
  name: "TransitionTracker",
  products: [
    .executable(name: "transition", targets: ["TransitionCLI"]),
    .executable(name: "transition-bench", targets: ["TransitionBench"]),
    .executable(name: "transition-generate", targets: ["TransitionGenerate"]),
    .library(name: "EventLog", targets: ["EventLog"]),
    .library(name: "TransitionDomain", targets: ["TransitionDomain"]),
    .library(name: "Projections", targets: ["Projections"]),
  ],
  targets: [
    // SHA-256 in C: the CPU's SHA extensions where present, a portable version otherwise.
    .target(name: "CSHA256", path: "EventLog/CSHA256"),
    // Strict JSON, shared by the log and the domain: the canonical encoder and the byte-level
    // scanner the log is written with.
    .target(name: "CanonicalJSON"),
    .target(
      name: "EventLog", dependencies: ["CSHA256", "CanonicalJSON"], path: "EventLog",
      exclude: ["CSHA256", "FORMAT.md"]),
    .target(name: "TransitionDomain", dependencies: ["CanonicalJSON"]),
    .target(
      name: "TransitionApp",
      dependencies: ["TransitionDomain", "EventLog", "Projections", "CanonicalJSON"],
      resources: [.copy("Example/ijmond.log")]),
    .target(
      name: "Projections", dependencies: ["TransitionDomain", "EventLog", "CanonicalJSON"],
      path: "Projections", exclude: ["Sidecar/CACHE.md"]),
    .executableTarget(
      name: "TransitionCLI",
      dependencies: ["TransitionApp", "Projections", "TransitionDomain", "EventLog"],
      path: "Tools/TransitionCLI"),
    .executableTarget(
      name: "TransitionBench",
      dependencies: ["TransitionApp", "Projections", "TransitionDomain", "EventLog"],
      path: "Tools/TransitionBench"),
    // Makes the generated files (the field help, the example log) or checks the committed ones.
    .executableTarget(
      name: "TransitionGenerate", dependencies: ["TransitionApp"], path: "Tools/TransitionGenerate"),
    // A test helper: child processes that append, crash and race for the reliability tests.
    .executableTarget(
      name: "TransitionTorture", dependencies: ["EventLog"], path: "Tools/TransitionTorture"),
    // A libFuzzer target for the line scanner, verifier and tail recovery, and (with
    // TRANSITION_FUZZ_MODE=sidecar) for the projections cache's reader (docs/RELIABILITY.md).
    .executableTarget(
      name: "TransitionFuzz",
      dependencies: ["EventLog", "CanonicalJSON", "Projections", "TransitionApp"],
      path: "Tools/TransitionFuzz", swiftSettings: fuzzing ? [.define("FUZZING")] : []),
    .testTarget(name: "CanonicalJSONTests", dependencies: ["CanonicalJSON"], exclude: ["Cases"]),
    .testTarget(
      name: "EventLogTests", dependencies: ["EventLog", "CSHA256", "TransitionTorture"],
      exclude: ["Vectors", "Independent", "Regressions"]),
    .testTarget(name: "TransitionDomainTests", dependencies: ["TransitionDomain"]),
    .testTarget(
      name: "ProjectionsTests", dependencies: ["Projections", "TransitionApp"],
      exclude: ["Regressions"]),
    .testTarget(name: "TransitionAppTests", dependencies: ["TransitionApp"]),
    .testTarget(name: "TransitionBenchTests", dependencies: ["TransitionBench", "EventLog"]),
    .testTarget(
      name: "TransitionCLITests",
      dependencies: ["TransitionCLI", "TransitionApp", "TransitionGenerate"]),
  ]
)
