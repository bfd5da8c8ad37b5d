/// The words after the verb: positional arguments and `--flag value` options, parsed strictly.
///
/// A command declares the flags it takes; anything else is a usage error naming the flag.
/// `--flag=value` and `--flag value` are the same; boolean flags take no value.
struct Arguments {
  private(set) var positionals: [String] = []
  private var values: [String: [String]] = [:]
  private var switches: Set<String> = []

  /// Parses `words` given the flags that take a value and the boolean ones.
  init(_ words: [String], valued: Set<String>, booleans: Set<String> = [], usage: String)
    throws(CommandFailure)
  {
    var index = 0
    while index < words.count {
      let word = words[index]
      index += 1
      guard word.hasPrefix("--"), word.count > 2 else {
        positionals.append(word)
        continue
      }
      var name = String(word.dropFirst(2))
      var inlineValue: String?
      if let equals = name.firstIndex(of: "=") {
        inlineValue = String(name[name.index(after: equals)...])
        name = String(name[..<equals])
      }
      if booleans.contains(name) {
        guard inlineValue == nil else {
          throw .usage("The flag --\(name) takes no value.", help: usage)
        }
        switches.insert(name)
      } else if valued.contains(name) {
        if let inlineValue {
          values[name, default: []].append(inlineValue)
        } else if index < words.count {
          values[name, default: []].append(words[index])
          index += 1
        } else {
          throw .usage("The flag --\(name) needs a value.", help: usage)
        }
      } else {
        throw .usage("Unknown flag --\(name).", help: usage)
      }
    }
  }

  /// The value of `--name`, if given (the last one if given twice).
  func value(_ name: String) -> String? { values[name]?.last }

  /// Every value of `--name`, in order.
  func all(_ name: String) -> [String] { values[name] ?? [] }

  /// Whether the boolean `--name` was given.
  func flag(_ name: String) -> Bool { switches.contains(name) }

  /// The positional argument at `index`, or a usage error naming what is missing.
  func positional(_ index: Int, _ what: String, usage: String) throws(CommandFailure) -> String {
    guard index < positionals.count else {
      throw .usage("Missing \(what).", help: usage)
    }
    return positionals[index]
  }

  /// Fails if more than `count` positional arguments were given.
  func expectPositionals(atMost count: Int, usage: String) throws(CommandFailure) {
    if positionals.count > count {
      throw .usage("Unexpected argument \"\(positionals[count])\".", help: usage)
    }
  }
}
