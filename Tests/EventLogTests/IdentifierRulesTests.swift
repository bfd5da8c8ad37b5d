import EventLog
import Testing

/// Issue 15, item 8: which characters a name may hold, and messages that show them escaped.
@Suite("Identifiers: characters a name may hold, and messages that show them")
struct IdentifierRulesTests {
  /// One id per class of character the writer refuses, with a word the message must hold.
  static let refused: [(label: String, id: String, word: String)] = [
    ("C0 control ESC", "E\u{1B}[31m017", "control"),
    ("C0 control NUL", "E\u{0}17", "control"),
    ("DEL", "E\u{7F}17", "control"),
    ("C1 control CSI", "E\u{9B}17", "control"),
    ("zero-width space", "E\u{200B}017", "invisible"),
    ("zero-width joiner", "E\u{200D}017", "invisible"),
    ("right-to-left mark", "E\u{200F}017", "invisible"),
    ("right-to-left override", "E\u{202E}710", "invisible"),
    ("left-to-right embedding", "E\u{202A}017", "invisible"),
    ("first strong isolate", "E\u{2068}017", "invisible"),
    ("pop directional isolate", "E\u{2069}017", "invisible"),
    ("byte order mark", "\u{FEFF}E017", "invisible"),
    ("decomposed é (not NFC)", "cafe\u{301}", "Normalization Form C"),
    ("Kelvin sign (not NFC)", "\u{212A}-1", "Normalization Form C"),
    ("Cyrillic а among Latin letters", "b\u{430}nk", "Cyrillic"),
    ("Greek ο among Latin letters", "r\u{3BF}ad", "Greek"),
  ]

  @Test(
    "the writer refuses an id, stream or by with each class of character, names it escaped, and writes nothing",
    arguments: 0..<refused.count)
  func refusedClasses(index: Int) throws {
    let (label, id, word) = Self.refused[index]
    let directory = TemporaryDirectory()
    let path = directory.file("events.log")
    let writer = try LogFixtures.makeLog(at: path, count: 1)
    let before = FileBytes.read(path)
    var drafts = [LogFixtures.draft(2, id: id)]
    var byStream = LogFixtures.draft(3)
    byStream.stream = "staff/" + id
    drafts.append(byStream)
    for draft in drafts {
      do {
        try writer.append([draft])
        Issue.record("\(label): accepted")
      } catch {
        let message = error.description
        #expect(message.contains(word), "\(label): \(message)")
        #expect(
          !message.unicodeScalars.contains { Visible.needsEscape($0) },
          "\(label): the message holds the character raw")
      }
    }
    #expect(FileBytes.read(path) == before)
  }

  @Test(
    "ids in one script, with accents composed, digits, punctuation and non-Latin scripts alone are accepted"
  )
  func acceptedNames() throws {
    let directory = TemporaryDirectory()
    let writer = try LogFixtures.makeLog(at: directory.file("events.log"), count: 1)
    for (number, id) in [
      "caf\u{E9}", "E-017/2026", "\u{41C}\u{43E}\u{441}\u{43A}\u{432}\u{430}", "\u{3B1}\u{3B2}",
      "IJmond_Zee.1", "na\u{EF}ve r\u{E9}sum\u{E9}", "\u{6771}\u{4EAC}", "x y",
    ].enumerated() {
      #expect(throws: Never.self) { try writer.append([LogFixtures.draft(10 + number, id: id)]) }
    }
  }

  @Test(
    "Visible.text writes controls, invisible and direction-changing characters as \\u{XXXX} and leaves the rest"
  )
  func escaping() {
    #expect(Visible.text("E\u{1B}[31m") == "E\\u{001B}[31m")
    #expect(Visible.text("a\u{202E}b\u{200B}c\u{9B}") == "a\\u{202E}b\\u{200B}c\\u{009B}")
    #expect(Visible.text("line\nnext") == "line\\u{000A}next")
    #expect(Visible.text("line\nnext", keepNewlines: true) == "line\nnext")
    #expect(Visible.text("caf\u{E9} \u{6771}") == "caf\u{E9} \u{6771}")
    #expect(Visible.quoted("a\u{0}") == "\"a\\u{0000}\"")
  }
}
