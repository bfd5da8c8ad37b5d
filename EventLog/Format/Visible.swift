/// Makes text that came from a user or a file safe to show in a message.
///
/// Every message that repeats user input (an id, a name, a path, a line) passes it through
/// here, so a control character cannot reach a terminal raw (an escape sequence could recolour,
/// hide or rewrite what the terminal shows) and characters that cannot be seen (zero-width,
/// bidirectional overrides, a byte order mark) are shown as what they are. Each is written
/// `\u{XXXX}`; a backslash stays a backslash, everything else is unchanged.
public enum Visible {
  /// `text` with every control, invisible or direction-changing character written `\u{XXXX}`.
  ///
  /// With `keepNewlines` (for a whole multi-line message) `\n` stays a line break.
  public static func text(_ text: some StringProtocol, keepNewlines: Bool = false) -> String {
    guard text.unicodeScalars.contains(where: { needsEscape($0, keepNewlines: keepNewlines) })
    else { return String(text) }
    var result = ""
    for scalar in text.unicodeScalars {
      if needsEscape(scalar, keepNewlines: keepNewlines) {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        result += "\\u{" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex + "}"
      } else {
        result.unicodeScalars.append(scalar)
      }
    }
    return result
  }

  /// `text` made visible and in double quotes.
  public static func quoted(_ text: some StringProtocol) -> String {
    "\"" + Self.text(text) + "\""
  }

  /// Whether `scalar` is written escaped: C0 and C1 controls and DEL, and the invisible and
  /// direction-changing characters that `IdentifierRules` refuses in names.
  public static func needsEscape(_ scalar: Unicode.Scalar, keepNewlines: Bool = false) -> Bool {
    if keepNewlines && scalar == "\n" { return false }
    return IdentifierRules.isControl(scalar) || IdentifierRules.isInvisible(scalar)
  }
}
