import CanonicalJSON
import EventLog
import TransitionDomain

/// The audit rule `personal-data`: what looks like personal data in the log's text fields.
///
/// The log holds pseudonymous ids only; names and contact details belong in the people
/// register beside it. Because the log cannot be rewritten, this is found early (`record`
/// warns) and reported by the audit so that HR can retract the record and record it again
/// without the data. It looks for:
///
/// - a BSN: 9 digits on their own that pass the 11-proef (`123456782`);
/// - an e-mail address (`naam@gemeente.nl`);
/// - a Dutch phone number: 10 digits starting with 0 (`06-12345678`, `020 123 4567`) or
///   `+31`/`0031` and 9 digits;
/// - an IBAN whose mod-97 check holds (`NL91ABNA0417164300`, also in groups of four);
/// - a name from the people register, when it can be read.
///
/// Look-alikes stay silent: 9 digits that fail the 11-proef, decision and document numbers
/// (`D/2025/707516`), amounts, days, and IBAN-shaped text whose check fails.
public enum PersonalDataRule {
  /// What was found.
  public enum Kind: String, Sendable, Equatable, CaseIterable {
    case bsn
    case email
    case phone
    case iban
    case name

    /// In words, for the finding.
    public var description: String {
      switch self {
      case .bsn: "a BSN (9 digits that pass the 11-proef)"
      case .email: "an e-mail address"
      case .phone: "a Dutch phone number"
      case .iban: "an IBAN with a valid check"
      case .name: "a name from the people register"
      }
    }
  }

  /// One match: the field (a path such as `lines[0].description`) and what it looks like.
  public struct Match: Sendable, Equatable {
    public let field: String
    public let kind: Kind

    public init(field: String, kind: Kind) {
      self.field = field
      self.kind = kind
    }
  }

  /// The rule's id.
  public static let rule = "personal-data"

  /// The matches in the text values of `data`, field by field; `names` are the register's
  /// names (compared ignoring case, as whole words).
  public static func matches(in data: JSONObject, names: [String] = []) -> [Match] {
    var found: [Match] = []
    func walk(_ value: JSONValue, _ path: String) {
      switch value {
      case .string(let text):
        for kind in kinds(in: text, names: names) { found.append(Match(field: path, kind: kind)) }
      case .array(let items):
        for (index, item) in items.enumerated() { walk(item, "\(path)[\(index)]") }
      case .object(let object):
        for member in object.members {
          walk(member.value, path.isEmpty ? member.key : "\(path).\(member.key)")
        }
      default:
        break
      }
    }
    walk(.object(data), "")
    return found
  }

  /// What kinds of personal data `text` seems to hold, each at most once, in `Kind` order.
  public static func kinds(in text: String, names: [String] = []) -> [Kind] {
    var characters = Array(text.unicodeScalars)
    var found: Set<Kind> = []
    // An IBAN's digits are not read again as a phone number or a BSN.
    let ibans = ibanRanges(characters)
    if !ibans.isEmpty { found.insert(.iban) }
    for range in ibans {
      for index in range { characters[index] = " " }
    }
    if containsBSN(characters) { found.insert(.bsn) }
    if containsEmail(characters) { found.insert(.email) }
    if containsPhone(characters) { found.insert(.phone) }
    if names.contains(where: { containsName($0, in: text) }) { found.insert(.name) }
    return Kind.allCases.filter { found.contains($0) }
  }

  /// The findings of the rule over the log at `logPath`, up to record `upTo`.
  ///
  /// One finding per field, naming the record and the field. Records retracted by then are
  /// skipped unless `asRecorded` (a retraction is how HR corrects it).
  public static func findings(
    logPath: String, upTo: Int64, asRecorded: Bool, names: [String] = [],
    fileOperations: any FileOperations = SystemFileOperations()
  ) throws -> [Finding] {
    var candidates: [(seq: Int64, id: String, day: CalendarDay?, matches: [Match])] = []
    var retracted: Set<Int64> = []
    try LogReader(path: logPath, fileOperations: fileOperations).forEachRecord(upTo: upTo) { raw in
      let record = raw.record()
      if record.type == RecordRetracted.eventType, let target = record.corrects {
        retracted.insert(target)
      }
      let found = matches(in: record.data, names: names)
      guard !found.isEmpty else { return }
      let effective = record.effective.description
      candidates.append((record.seq, record.id, CalendarDay(parsing: effective), found))
    }
    var findings: [Finding] = []
    for candidate in candidates where asRecorded || !retracted.contains(candidate.seq) {
      var byField: [(String, [Kind])] = []
      for match in candidate.matches {
        if let index = byField.firstIndex(where: { $0.0 == match.field }) {
          byField[index].1.append(match.kind)
        } else {
          byField.append((match.field, [match.kind]))
        }
      }
      for (field, kinds) in byField {
        findings.append(
          Finding(
            rule: rule, day: candidate.day, seqs: [candidate.seq],
            message:
              "Field '\(field)' of record \(candidate.id) looks like it holds "
              + kinds.map(\.description).joined(separator: " and ")
              + ". Personal data belongs in the people register, not in the log: retract the"
              + " record (RetractRecord) and record it again without it."))
      }
    }
    return findings
  }

  // MARK: - Patterns

  private static func isDigit(_ c: Unicode.Scalar) -> Bool { c.value >= 48 && c.value <= 57 }
  private static func isLetter(_ c: Unicode.Scalar) -> Bool {
    (c.value >= 65 && c.value <= 90) || (c.value >= 97 && c.value <= 122)
  }
  private static func isUpper(_ c: Unicode.Scalar) -> Bool { c.value >= 65 && c.value <= 90 }
  private static func digit(_ c: Unicode.Scalar) -> Int { Int(c.value) - 48 }

  /// Runs of exactly nine digits, not part of a longer number, word or slash-separated code.
  static func containsBSN(_ c: [Unicode.Scalar]) -> Bool {
    var index = 0
    while index < c.count {
      guard isDigit(c[index]) else {
        index += 1
        continue
      }
      var end = index
      while end < c.count, isDigit(c[end]) { end += 1 }
      if end - index == 9, !attached(c, before: index), !attached(c, after: end) {
        let digits = c[index..<end].map(digit)
        if elevenTest(digits) { return true }
      }
      index = end
    }
    return false
  }

  /// Whether the character before `index` makes the run starting there part of something
  /// else: a word, a code such as `D/2025/707516`, a dashed or decimal number.
  static func attached(_ c: [Unicode.Scalar], before index: Int) -> Bool {
    guard index > 0 else { return false }
    let s = c[index - 1]
    if isLetter(s) || isDigit(s) || s == "/" || s == "-" || s == "_" { return true }
    return (s == "." || s == ",") && index > 1 && isDigit(c[index - 2])
  }

  /// Whether the character at `end` makes the run ending there part of something else.
  static func attached(_ c: [Unicode.Scalar], after end: Int) -> Bool {
    guard end < c.count else { return false }
    let s = c[end]
    if isLetter(s) || isDigit(s) || s == "/" || s == "-" || s == "_" { return true }
    return (s == "." || s == ",") && end + 1 < c.count && isDigit(c[end + 1])
  }

  /// The 11-proef of a BSN: 9·d1 + 8·d2 + … + 2·d8 − 1·d9 is a multiple of 11 (and not 0).
  public static func elevenTest(_ digits: [Int]) -> Bool {
    guard digits.count == 9, digits.contains(where: { $0 != 0 }) else { return false }
    var sum = 0
    for (position, value) in digits.enumerated() {
      sum += position == 8 ? -value : (9 - position) * value
    }
    return sum % 11 == 0
  }

  static func containsEmail(_ c: [Unicode.Scalar]) -> Bool {
    func isLocal(_ s: Unicode.Scalar) -> Bool {
      isLetter(s) || isDigit(s) || "._%+-".unicodeScalars.contains(s)
    }
    func isDomain(_ s: Unicode.Scalar) -> Bool { isLetter(s) || isDigit(s) || s == "." || s == "-" }
    for (index, scalar) in c.enumerated() where scalar == "@" {
      var start = index
      while start > 0, isLocal(c[start - 1]) { start -= 1 }
      var end = index + 1
      while end < c.count, isDomain(c[end]) { end += 1 }
      guard start < index, end > index + 1 else { continue }
      let domain = String(String.UnicodeScalarView(c[(index + 1)..<end]))
      let labels = domain.split(separator: ".", omittingEmptySubsequences: false)
      if labels.count >= 2, labels.allSatisfy({ !$0.isEmpty }),
        let top = labels.last, top.count >= 2, top.unicodeScalars.allSatisfy(isLetter)
      {
        return true
      }
    }
    return false
  }

  private static func isSeparator(_ s: Unicode.Scalar) -> Bool {
    s == " " || s == "-" || s == "(" || s == ")"
  }

  static func containsPhone(_ c: [Unicode.Scalar]) -> Bool {
    var index = 0
    while index < c.count {
      let startsNumber =
        c[index] == "+" || isDigit(c[index])
        || (c[index] == "(" && index + 1 < c.count && isDigit(c[index + 1]))
      guard startsNumber, !attached(c, before: index) else {
        index += 1
        continue
      }
      // The run: digits with single spaces, dashes or parentheses between them.
      var end = index
      var digits = ""
      while end < c.count {
        let s = c[end]
        if isDigit(s) {
          digits.unicodeScalars.append(s)
        } else if (s == "+" || s == "(") && end == index {
        } else if isSeparator(s), end + 1 < c.count,
          isDigit(c[end + 1])
            || (isSeparator(c[end + 1]) && end + 2 < c.count && isDigit(c[end + 2]))
        {
        } else {
          break
        }
        end += 1
      }
      let plus = c[index] == "+"
      let national: String?
      if plus, digits.hasPrefix("31") {
        national = "0" + digits.dropFirst(2)
      } else if !plus, digits.hasPrefix("0031") {
        national = "0" + digits.dropFirst(4)
      } else if !plus, digits.hasPrefix("0") {
        national = digits
      } else {
        national = nil
      }
      if let national, national.count == 10, !national.hasPrefix("00"), !attached(c, after: end) {
        return true
      }
      index = max(end, index + 1)
    }
    return false
  }

  /// Where `c` holds IBANs whose check holds.
  static func ibanRanges(_ c: [Unicode.Scalar]) -> [Range<Int>] {
    var found: [Range<Int>] = []
    var index = 0
    while index + 4 <= c.count {
      let before = index > 0 ? c[index - 1] : " "
      guard isUpper(c[index]), isUpper(c[index + 1]), isDigit(c[index + 2]),
        isDigit(c[index + 3]), !isLetter(before), !isDigit(before)
      else {
        index += 1
        continue
      }
      // Letters and digits, in groups of four separated by single spaces, up to 34; `ends`
      // is where each count of characters ends in `c`.
      var characters: [Unicode.Scalar] = []
      var ends: [Int] = []
      var end = index
      while end < c.count, characters.count < 34 {
        let s = c[end]
        if isUpper(s) || isDigit(s) {
          characters.append(s)
          ends.append(end + 1)
        } else if s == " ", characters.count % 4 == 0, end + 1 < c.count,
          isUpper(c[end + 1]) || isDigit(c[end + 1])
        {
        } else {
          break
        }
        end += 1
      }
      let country = String(String.UnicodeScalarView(characters.prefix(2)))
      let lengths = country == "NL" ? [18] : Array((15...max(15, characters.count)).reversed())
      var matched: Int?
      for length in lengths where length <= characters.count {
        if mod97(Array(characters.prefix(length))) == 1 {
          matched = length
          break
        }
      }
      if let length = matched {
        found.append(index..<ends[length - 1])
        index = ends[length - 1]
      } else {
        index += 1
      }
    }
    return found
  }

  /// The IBAN check: the first four characters moved to the end, letters as 10…35, mod 97.
  public static func mod97(_ iban: [Unicode.Scalar]) -> Int {
    var remainder = 0
    for s in iban.dropFirst(4) + iban.prefix(4) {
      if isDigit(s) {
        remainder = (remainder * 10 + digit(s)) % 97
      } else {
        let value = Int(s.value) - 55
        remainder = (remainder * 100 + value) % 97
      }
    }
    return remainder
  }

  /// Whether `name` occurs in `text` as whole words, ignoring case.
  static func containsName(_ name: String, in text: String) -> Bool {
    let needle = name.trimmingSpacesAndLowercased
    guard needle.count >= 3, needle.contains(" ") || needle.count >= 4 else { return false }
    let haystack = Array(text.lowercased().unicodeScalars)
    let pattern = Array(needle.unicodeScalars)
    guard pattern.count <= haystack.count else { return false }
    for start in 0...(haystack.count - pattern.count)
    where Array(haystack[start..<start + pattern.count]) == pattern {
      let before = start > 0 ? haystack[start - 1] : " "
      let endIndex = start + pattern.count
      let after = endIndex < haystack.count ? haystack[endIndex] : " "
      if !before.properties.isAlphabetic, !after.properties.isAlphabetic { return true }
    }
    return false
  }
}

extension String {
  fileprivate var trimmingSpacesAndLowercased: String {
    let scalars = lowercased().unicodeScalars.drop { $0 == " " }.reversed().drop { $0 == " " }
      .reversed()
    return String(String.UnicodeScalarView(scalars))
  }
}
