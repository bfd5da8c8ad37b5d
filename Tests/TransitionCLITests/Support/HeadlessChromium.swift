import Foundation

/// Debian's `chromium` run headless, for the report's browser tests.
///
/// Found on the PATH as `chromium` (or `chromium-browser`). Each run gets its own profile
/// folder, so runs never share state, and is stopped if it has not finished in two minutes.
struct HeadlessChromium {
  let executable: String

  /// The browser on the PATH, if any.
  static var found: HeadlessChromium? {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
    for directory in path.split(separator: ":") {
      for name in ["chromium", "chromium-browser"] {
        let candidate = "\(directory)/\(name)"
        if FileManager.default.isExecutableFile(atPath: candidate) {
          return HeadlessChromium(executable: candidate)
        }
      }
    }
    return nil
  }

  /// Whether the browser test must run (CI sets `TRANSITION_CI=1`): then a missing browser fails.
  static var required: Bool { ProcessInfo.processInfo.environment["TRANSITION_CI"] == "1" }

  /// Runs the browser on `url` with `flags`; returns standard output and standard error.
  func run(_ flags: [String], url: String) throws -> (output: String, errors: String) {
    let profile = NSTemporaryDirectory() + "chromium-profile-" + UUID().uuidString
    defer { try? FileManager.default.removeItem(atPath: profile) }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments =
      [
        "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
        "--user-data-dir=\(profile)", "--hide-scrollbars",
      ] + flags + [url]
    let output = FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString)
    let errors = FileManager.default.temporaryDirectory.appendingPathComponent(UUID().uuidString)
    _ = FileManager.default.createFile(atPath: output.path, contents: nil)
    _ = FileManager.default.createFile(atPath: errors.path, contents: nil)
    defer {
      try? FileManager.default.removeItem(at: output)
      try? FileManager.default.removeItem(at: errors)
    }
    process.standardOutput = try FileHandle(forWritingTo: output)
    process.standardError = try FileHandle(forWritingTo: errors)
    try process.run()
    let deadline = Date().addingTimeInterval(120)
    while process.isRunning && Date() < deadline { usleep(50_000) }
    if process.isRunning { process.terminate() }
    process.waitUntilExit()
    return (
      String(decoding: try Data(contentsOf: output), as: UTF8.self),
      String(decoding: try Data(contentsOf: errors), as: UTF8.self)
    )
  }

  /// The DOM after loading `file`, and the console messages the page logged (errors among them:
  /// a blocked fetch is logged as a Content-Security-Policy violation).
  func dom(of file: String) throws -> (dom: String, console: [String]) {
    let run = try self.run(
      ["--enable-logging=stderr", "--v=0", "--dump-dom"], url: "file://" + file)
    let console = run.errors.split(separator: "\n").filter {
      $0.contains(":CONSOLE") || $0.contains("CONSOLE(")
    }.map(String.init)
    return (run.output, console)
  }

  /// A PNG screenshot of `file` in a window `width` × `height`.
  func screenshot(of file: String, to png: String, width: Int = 1200, height: Int = 1600) throws {
    _ = try run(["--screenshot=\(png)", "--window-size=\(width),\(height)"], url: "file://" + file)
  }

  /// `file` printed to PDF (A4 by the page's print style sheet, no header or footer).
  func printToPDF(_ file: String, to pdf: String) throws {
    _ = try run(["--no-pdf-header-footer", "--print-to-pdf=\(pdf)"], url: "file://" + file)
  }
}

/// What a PDF file says about its pages, read from its bytes.
struct PDFPages {
  /// The number of page objects (`/Type /Page`, not `/Type /Pages`).
  let count: Int
  /// Every `/MediaBox` as whole points, width and height.
  let sizes: [(width: Int, height: Int)]

  /// A PDF number such as `594.95996` rounded to whole points (595).
  static func points(_ text: Substring) -> Int? {
    let parts = text.split(separator: ".", omittingEmptySubsequences: false)
    guard let whole = Int(parts[0]) else { return nil }
    let roundsUp = parts.count > 1 && (parts[1].first.map { $0 >= "5" } ?? false)
    return whole + (roundsUp ? 1 : 0)
  }

  init(_ bytes: [UInt8]) {
    let text = String(decoding: bytes, as: Unicode.ASCII.self)
    let pages = text.components(separatedBy: "/Type /Page").count - 1
    let trees = text.components(separatedBy: "/Type /Pages").count - 1
    count = pages - trees
    sizes = text.components(separatedBy: "/MediaBox [").dropFirst().compactMap { rest in
      let numbers = rest.prefix { $0 != "]" }.split(separator: " ").compactMap(Self.points)
      guard numbers.count == 4 else { return nil }
      return (numbers[2] - numbers[0], numbers[3] - numbers[1])
    }
  }
}
