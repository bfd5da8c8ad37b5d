import Foundation

/// A one-line progress report on standard error, rewritten in place with `\r`.
///
/// Shown only when standard error is a terminal: in pipes, files and tests it prints nothing.
/// Updates are throttled to about ten a second, and nothing shows for work under a second.
final class Progress {
  private let console: Console
  private let label: String
  private let enabled: Bool
  private let started = Date()
  private var lastShown = Date.distantPast
  private var shownAnything = false

  /// A reporter for work called `label` (such as "replaying ijmond.log").
  init(_ label: String, console: Console) {
    self.console = console
    self.label = label
    self.enabled = console.errorIsTerminal
  }

  /// Reports `done` of `total` units (`total` nil when unknown).
  func update(_ done: Int64, of total: Int64? = nil, unit: String = "records") {
    guard enabled else { return }
    let now = Date()
    guard now.timeIntervalSince(started) >= 1, now.timeIntervalSince(lastShown) >= 0.1 else {
      return
    }
    lastShown = now
    shownAnything = true
    var text = "\r\(label): \(done)"
    if let total, total > 0 {
      text += " of \(total) \(unit) (\(done * 100 / total) %)"
    } else {
      text += " \(unit)"
    }
    console.writeError(text + "\u{1B}[K")
  }

  /// Clears the progress line, if one was shown.
  func finish() {
    guard enabled, shownAnything else { return }
    console.writeError("\r\u{1B}[K")
  }
}
