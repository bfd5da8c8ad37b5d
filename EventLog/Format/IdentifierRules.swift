import CanonicalJSON

/// Which characters a name in a record (`id`, `type`, `stream`, `by`) may hold when written
/// (FORMAT.md section 3, "Names").
///
/// Names compare byte for byte, so two names that look alike must not both be writable: a
/// name is refused if it holds a control character (C0, DEL, C1), a character that cannot be
/// seen or that changes the direction of text (zero-width spaces and joiners, bidirectional
/// embeddings, overrides and isolates, the byte order mark, the soft hyphen), if it is not in
/// Unicode Normalization Form C, or if it mixes letters of the Latin, Greek and Cyrillic
/// scripts (such as a Cyrillic `а` among Latin letters).
public enum IdentifierRules {
  /// Why `value` cannot be the `field` of a record, or nil if it can (length and the
  /// characters `"` and `\` are checked by the caller).
  public static func problem(field: StaticString, _ value: String) -> String? {
    var value = value
    let (ascii, control) = value.withUTF8 { bytes in
      (bytes.allSatisfy { $0 < 0x80 }, bytes.contains { $0 < 0x20 || $0 == 0x7F })
    }
    if ascii && !control { return nil }  // ASCII text is in NFC and in one script
    if ascii, let bad = value.unicodeScalars.first(where: isControl) {
      return refusal(field, value, bad, "a control character")
    }
    var scripts: Set<Script> = []
    for scalar in value.unicodeScalars {
      if isControl(scalar) { return refusal(field, value, scalar, "a control character") }
      if isInvisible(scalar) {
        return refusal(field, value, scalar, "an invisible or direction-changing character")
      }
      if let script = script(of: scalar) { scripts.insert(script) }
    }
    if scripts.count > 1 {
      return "the \(field) \(Visible.quoted(value)) mixes letters of the"
        + " \(scripts.map(\.rawValue).sorted().joined(separator: " and ")) scripts, which can"
        + " look alike; use one script"
    }
    if !isNFC(value) {
      return "the \(field) \(Visible.quoted(value)) is not in Unicode Normalization Form C"
        + " (a letter and its accent are written as two characters); write it composed (NFC)"
    }
    return nil
  }

  /// C0 controls, DEL and C1 controls.
  public static func isControl(_ scalar: Unicode.Scalar) -> Bool {
    scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
  }

  /// Characters that cannot be seen or that change the direction of the text around them.
  public static func isInvisible(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x00AD,  // soft hyphen
      0x061C,  // Arabic letter mark
      0x180E,  // Mongolian vowel separator
      0x200B...0x200F,  // zero-width space, non-joiner, joiner; LRM, RLM
      0x202A...0x202E,  // bidirectional embeddings and overrides
      0x2060...0x2064,  // word joiner, invisible operators
      0x2066...0x2069,  // bidirectional isolates
      0xFEFF:  // zero-width no-break space, byte order mark
      return true
    default:
      return false
    }
  }

  /// Whether `value` is in Unicode Normalization Form C.
  public static func isNFC(_ value: String) -> Bool {
    var bytes = value.utf8.makeIterator()
    var same = true
    value._withNFCCodeUnits { unit in
      if same && bytes.next() != unit { same = false }
    }
    return same && bytes.next() == nil
  }

  enum Script: String {
    case latin = "Latin"
    case greek = "Greek"
    case cyrillic = "Cyrillic"
  }

  /// The script of a letter among those whose letters look alike; nil for anything else.
  static func script(of scalar: Unicode.Scalar) -> Script? {
    guard scalar.properties.isAlphabetic else { return nil }
    switch scalar.value {
    case 0x41...0x5A, 0x61...0x7A, 0xC0...0x24F, 0x1E00...0x1EFF, 0xFF21...0xFF3A,
      0xFF41...0xFF5A:
      return .latin
    case 0x370...0x3FF, 0x1F00...0x1FFF:
      return .greek
    case 0x400...0x52F, 0x1C80...0x1C8F, 0x2DE0...0x2DFF, 0xA640...0xA69F:
      return .cyrillic
    default:
      return nil
    }
  }

  private static func refusal(
    _ field: StaticString, _ value: String, _ scalar: Unicode.Scalar, _ kind: String
  ) -> String {
    let hex = String(scalar.value, radix: 16, uppercase: true)
    return "the \(field) \(Visible.quoted(value)) contains \(kind) (U+"
      + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
      + "); names may hold printable characters only"
  }
}

/// The key that names a batch, so that recording the same batch again is recognised.
public enum BatchKey {
  /// The default key of a batch: the SHA-256 of its drafts' content (FORMAT.md section 3).
  ///
  /// For each draft in order, the canonical JSON object
  /// `{"id":…,"effective":…,"type":…,"stream":…,"by":…,"corrects":…,"data":…}` (`id` and
  /// `corrects` only when given) followed by `\n`. Two batches with the same drafts in the
  /// same order have the same key, whatever the log and the time.
  public static func of(_ drafts: [RecordDraft]) -> SHA256Digest {
    var bytes: [UInt8] = []
    for draft in drafts {
      bytes.append(UInt8(ascii: "{"))
      if let id = draft.id {
        bytes.append(contentsOf: #""id":"#.utf8)
        CanonicalJSON.appendString(id, to: &bytes)
        bytes.append(UInt8(ascii: ","))
      }
      bytes.append(contentsOf: #""effective":""#.utf8)
      draft.effective.appendASCII(to: &bytes)
      bytes.append(contentsOf: #"","type":"#.utf8)
      CanonicalJSON.appendString(draft.type, to: &bytes)
      bytes.append(contentsOf: #","stream":"#.utf8)
      CanonicalJSON.appendString(draft.stream, to: &bytes)
      bytes.append(contentsOf: #","by":"#.utf8)
      CanonicalJSON.appendString(draft.by, to: &bytes)
      if let corrects = draft.corrects {
        bytes.append(contentsOf: #","corrects":"#.utf8)
        CanonicalJSON.appendInteger(corrects, to: &bytes)
      }
      bytes.append(contentsOf: #","data":"#.utf8)
      bytes.append(contentsOf: draft.dataBytes)
      bytes.append(contentsOf: "}\n".utf8)
    }
    return bytes.withUnsafeBytes { SHA256.hash($0) }
  }

  /// The key of arbitrary bytes that stand for a batch (such as the commands it was made
  /// from): their SHA-256.
  public static func of(content: [UInt8]) -> SHA256Digest {
    content.withUnsafeBytes { SHA256.hash($0) }
  }
}
