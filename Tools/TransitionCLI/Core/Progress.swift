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

/// Progress of work that reads a file from end to end, shown without hooks into the work.
///
/// A background thread looks every 200 ms at how many bytes this process has read so far
/// (`rchar` in `/proc/self/io`, Linux) against the file's size, and rewrites one line on
/// standard error. Like `Progress`, it shows only on a terminal and only for work that takes
/// over a second; in pipes, files and tests it never starts.
final class ReadingProgress: @unchecked Sendable {
  private let lock = NSLock()
  private var running = true
  private var shown = false

  /// Starts watching work called `label` that reads `path`; call `finish()` when it is done.
  init(_ label: String, reading path: String, console: Console) {
    guard console.errorIsTerminal,
      let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size]) as? Int,
      size > 0, let start = Self.bytesRead()
    else { return }
    let started = Date()
    // TRANSITION_PROGRESS_AFTER_MS lets a test see the line at once on a pseudo-terminal.
    let delay = Double(console.environment["TRANSITION_PROGRESS_AFTER_MS"] ?? "") ?? 1000
    let megabytes: @Sendable (Int) -> String = { String($0 / 1_000_000) }
    if delay <= 0 {
      // Shown before the first read, so a test on a fast machine cannot miss it.
      show("\r\(label): 0 % (0 of \(megabytes(size)) MB)\u{1B}[K", console: console)
    }
    let watcher = Thread { [weak self] in
      while let self, self.isRunning {
        defer { Thread.sleep(forTimeInterval: 0.2) }
        guard Date().timeIntervalSince(started) * 1000 >= delay, let now = Self.bytesRead()
        else { continue }
        let done = min(max(now - start, 0), size)
        self.show(
          "\r\(label): \(done * 100 / size) % (\(megabytes(done)) of \(megabytes(size)) MB)"
            + "\u{1B}[K", console: console)
      }
    }
    watcher.start()
  }

  /// Stops the watcher and clears its line.
  func finish(console: Console) {
    lock.lock()
    running = false
    let clear = shown
    lock.unlock()
    if clear { console.writeError("\r\u{1B}[K") }
  }

  private var isRunning: Bool {
    lock.lock()
    defer { lock.unlock() }
    return running
  }

  private func show(_ text: String, console: Console) {
    lock.lock()
    defer { lock.unlock() }
    guard running else { return }
    shown = true
    console.writeError(text)
  }

  /// Bytes this process has read through system calls so far.
  private static func bytesRead() -> Int? {
    guard let text = try? String(contentsOfFile: "/proc/self/io", encoding: .utf8) else {
      return nil
    }
    for line in text.split(separator: "\n") where line.hasPrefix("rchar:") {
      return Int(line.dropFirst(6).trimmingCharacters(in: .whitespaces))
    }
    return nil
  }
}
