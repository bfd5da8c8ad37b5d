import Foundation
import TransitionApp

/// The files of this package that are generated, not written: each made by one function, and
/// either written in place or checked against the committed copy byte for byte.
enum Generator {
  /// A generated file: its path relative to the package root and how to make its bytes.
  struct Target: Sendable {
    /// The name on the command line, such as `field-catalogue`.
    let name: String
    /// The committed file, relative to the package root.
    let path: String
    /// What it is, for `--help`.
    let summary: String
    /// Makes the file's bytes from the sources under the package root.
    let make: @Sendable (URL) throws -> [UInt8]
  }

  /// Every generated file of the package.
  static let targets: [Target] = [
    Target(
      name: "field-catalogue", path: FieldCatalogueSource.output,
      summary: "the field help of `transition record KIND --help`, from the event structs' docs",
      make: { root in
        let source = FieldCatalogueSource.swiftSource(try FieldCatalogueSource.parse(root: root))
        return try formatted(source, root: root)
      }),
    Target(
      name: "example-log", path: "Sources/TransitionApp/Example/ijmond.log",
      summary: "the bundled IJmond example log, recorded through the rules with a scripted clock",
      make: { _ in try exampleLog() }),
  ]

  /// Why a generation failed or a committed file is stale.
  struct Failure: Error, CustomStringConvertible {
    let description: String
  }

  /// `source` as `swift format` writes it with the package's configuration.
  static func formatted(_ source: String, root: URL) throws -> [UInt8] {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let file = folder.appendingPathComponent("Generated.swift")
    try Data(source.utf8).write(to: file)
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = [
      "swift", "format", "--in-place", "--configuration",
      root.appendingPathComponent(".swift-format").path, file.path,
    ]
    try process.run()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else {
      throw Failure(description: "swift format failed on the generated source (\(file.path))")
    }
    return Array(try Data(contentsOf: file))
  }

  /// The example log's bytes, recorded into a temporary folder.
  static func exampleLog() throws -> [UInt8] {
    let folder = try temporaryFolder()
    defer { try? FileManager.default.removeItem(at: folder) }
    let path = folder.appendingPathComponent("ijmond.log").path
    try ExampleLog.build(at: path)
    return Array(try Data(contentsOf: URL(fileURLWithPath: path)))
  }

  private static func temporaryFolder() throws -> URL {
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("transition-generate-" + UUID().uuidString)
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    return folder
  }
}
