import EventLog
import Foundation
import Projections
import TransitionApp
import TransitionDomain

/// `transition people`: the register of names beside the log, and forgetting a person.
enum PeopleCommand: Command {
  static let name = "people"
  static let summary = "keep names beside the log (never in it), and forget a person (AVG)"
  static let help = """
    transition people LOG add ID --name NAME [--personnel-number N] [--email ADDRESS] [--since DAY]
    transition people LOG show ID [--json]
    transition people LOG list [--json | --csv]
    transition people LOG import --people FILE.csv [--since DAY]
    transition people LOG forget ID… --reason GROUND [--by WHO]
    transition people LOG purge --departed-before DAY [--reason GROUND] [--yes] [--by WHO]

    The log holds pseudonymous ids only (E017), never a name: it is append-only and copied to
    auditors. The people register, LOG.people beside it, maps each id to the person's name,
    personnel number and e-mail, each dated. It is not part of the hash chain, is created
    readable by its owner only (0600; --group-readable: the log's group too, 0640) and is
    replaced whole on every change (temporary file, fsync, rename, fsync of the folder), under
    a lock, so that two people adding at once lose nothing.

      add       add or change details of an id the log knows (the baseline or hire is recorded)
      show      the details of one id, each with its date, or "(erased)"
      list      every id in the register
      import    a spreadsheet with a header row: employee, name, personnel number (personeels-
                nummer), email, since; semicolons or commas; all rows or none, every bad row named
      forget    erase every detail of the person from the register, durably, then append a
                PersonalDataErased record (id and ground, no personal data) to the log; an id
                the log does not know exits 65 and changes nothing
      purge     forget everyone whose last working day is before DAY (the retention period):
                lists them, and forgets only with --yes

    Views show names only when asked: `transition state LOG staffing --names` (and history,
    export) adds a name column when the register can be read. Details of a forgotten person
    show as "(erased)"; the log and every view keep answering with the id.

    Flags:
      --since DAY         the day the details hold from (default: today, UTC)
      --group-readable    create or rewrite the register readable by the log's group (0640)
      --reason GROUND     the ground for the erasure, such as "verzoek betrokkene (art. 17 AVG)"
      --yes               purge: forget the people listed
      --by WHO            who erases: stored in the log record (or set TRANSITION_BY)

    Examples:
      transition people transitie.log add E017 --name 'J. de Vries' --personnel-number 40117 \\
        --email j.devries@ijmondwerkt.nl
      transition people transitie.log show E017
      transition people transitie.log import --people namen.csv
      transition people transitie.log forget E017 --reason 'verzoek betrokkene (art. 17 AVG)' \\
        --by hr-ijw
      transition people transitie.log purge --departed-before 2024-07-01 --by hr-ijw --yes
    """

  static func run(_ words: [String], console: Console) throws -> ExitStatus {
    let arguments = try Arguments(
      words,
      valued: [
        "name", "personnel-number", "email", "since", "people", "reason", "by",
        "departed-before",
      ],
      booleans: ["json", "csv", "yes", "group-readable"], usage: usage)
    let path = try arguments.positional(0, "the log file", usage: usage)
    let verb = try arguments.positional(
      1, "what to do: add, show, list, import, forget or purge", usage: usage)
    try LogAccess.requireFile(path)
    var options = PeopleRegister.Options()
    options.groupReadable = arguments.flag("group-readable") || groupReadable(path)
    if let text = console.environment["TRANSITION_LOCK_TIMEOUT_MS"], let milliseconds = Int(text),
      milliseconds >= 0
    {
      options.lockTimeoutMilliseconds = milliseconds
    }
    let book = PeopleBook(
      logPath: path, options: options, logOptions: LogAccess.writerOptions(console))
    let since =
      try arguments.value("since").map { text throws(CommandFailure) in
        try TimeArguments.day(text, flag: "since")
      } ?? ViewQuery.todayUTC()
    do {
      switch verb {
      case "add":
        try arguments.expectPositionals(atMost: 3, usage: usage)
        let employee = EmployeeID(try arguments.positional(2, "the employee id", usage: usage))
        let details = PersonDetails(
          name: arguments.value("name"), personnelNumber: arguments.value("personnel-number"),
          email: arguments.value("email"))
        let entries = try book.add([(employee, details, since)])
        console.print(
          "Kept \(entries.map { $0.details.count }.reduce(0, +)) detail(s) of \(employee) in"
            + " \(book.register.path).")
        return .ok
      case "show":
        try arguments.expectPositionals(atMost: 3, usage: usage)
        let employee = EmployeeID(try arguments.positional(2, "the employee id", usage: usage))
        guard let entry = try book.entries().first(where: { $0.employee == employee }) else {
          throw CommandFailure(
            status: .dataError,
            message: "\(employee) is not in the people register of \(path). Add the details"
              + " with `transition people \(path) add \(employee) --name NAME`.")
        }
        let format = try OutputFormat.from(arguments, usage: usage)
        console.writeOutput(TableRenderer.render(detailTable(entry), as: format, console: console))
        return .ok
      case "list":
        try arguments.expectPositionals(atMost: 2, usage: usage)
        let format = try OutputFormat.from(arguments, usage: usage)
        let entries = try book.entries()
        console.writeOutput(
          TableRenderer.render(listTable(entries, path: path), as: format, console: console))
        for entry in try book.unrecordedErasures() {
          console.printError(
            "transition people: the erasure of \(entry.employee) is not in the log yet (a crash"
              + " came between); `transition people \(path) forget \(entry.employee)"
              + " --reason …` records it.")
        }
        return .ok
      case "import":
        try arguments.expectPositionals(atMost: 2, usage: usage)
        return try importSheet(arguments, book: book, since: since, console: console)
      case "forget":
        let employees = arguments.positionals.dropFirst(2).map { EmployeeID($0) }
        guard !employees.isEmpty else {
          throw CommandFailure.usage("Missing the employee id to forget.", help: usage)
        }
        guard let reason = arguments.value("reason") else {
          throw CommandFailure.usage(
            "Missing --reason GROUND: why the data is erased, such as --reason 'verzoek"
              + " betrokkene (art. 17 AVG)'. The ground is stored in the log.", help: usage)
        }
        let by = try LogAccess.recorder(arguments, console: console, usage: usage)
        let outcomes = try book.forget(employees, reason: reason, by: by)
        report(outcomes, book: book, console: console)
        return .ok
      case "purge":
        try arguments.expectPositionals(atMost: 2, usage: usage)
        return try purge(arguments, book: book, console: console)
      default:
        throw CommandFailure.usage(
          "Unknown people command \"\(verb)\": use add, show, list, import, forget or purge.",
          help: usage)
      }
    } catch let failure as PeopleBook.Failure {
      throw Self.failure(failure, path: path)
    }
  }

  private static func importSheet(
    _ arguments: Arguments, book: PeopleBook, since: CalendarDay, console: Console
  ) throws -> ExitStatus {
    guard let sheet = arguments.value("people") else {
      throw CommandFailure.usage(
        "Missing --people FILE.csv: the spreadsheet to import.", help: usage)
    }
    guard let data = FileManager.default.contents(atPath: sheet) else {
      throw CommandFailure(
        status: .noInput, message: "The spreadsheet \(sheet) does not exist or cannot be read.")
    }
    let people: [PeopleSheet.Person]
    do {
      people = try PeopleSheet.people(Array(data))
    } catch {
      throw CommandFailure(
        status: .dataError,
        message: "\(sheet) was not imported: \(error.lines.count) problem"
          + (error.lines.count == 1 ? "" : "s") + ". Nothing was changed; fix the rows and"
          + " import the whole file again.\n"
          + error.lines.map { "  " + $0 }.joined(separator: "\n"))
    }
    let entries = try book.add(people.map { ($0.employee, $0.details, $0.since ?? since) })
    console.print("Imported the details of \(entries.count) people into \(book.register.path).")
    return .ok
  }

  private static func purge(_ arguments: Arguments, book: PeopleBook, console: Console) throws
    -> ExitStatus
  {
    guard let text = arguments.value("departed-before") else {
      throw CommandFailure.usage(
        "Missing --departed-before DAY: forget everyone whose last working day is before it.",
        help: usage)
    }
    let day = try TimeArguments.day(text, flag: "departed-before")
    let employees = try book.departed(before: day)
    guard !employees.isEmpty else {
      console.print("No one in the register left before \(day); nothing to forget.")
      return .ok
    }
    console.print(
      "Left before \(day), with details in the register (\(employees.count)): "
        + employees.map(\.rawValue).joined(separator: ", "))
    guard arguments.flag("yes") else {
      console.print("Nothing was changed. Run again with --yes to forget them.")
      return .ok
    }
    let by = try LogAccess.recorder(arguments, console: console, usage: usage)
    let reason = arguments.value("reason") ?? "bewaartermijn verstreken: vertrokken vóór \(day)"
    report(try book.forget(employees, reason: reason, by: by), book: book, console: console)
    return .ok
  }

  private static func report(
    _ outcomes: [PeopleBook.Forgotten], book: PeopleBook, console: Console
  ) {
    for outcome in outcomes {
      switch outcome {
      case .erased(let employee, let hadDetails, let record):
        console.print(
          "Forgot \(employee): "
            + (hadDetails
              ? "every detail was erased from \(book.register.path)"
              : "the register held no details") + "; the log records it as \(record).")
      case .alreadyErased(let employee, let record):
        console.print("\(employee) was forgotten before (\(record)); nothing changed.")
      }
    }
  }

  static func detailTable(_ entry: PersonEntry) -> ViewTable {
    var rows: [[String]] = []
    if let erasure = entry.erasure {
      rows.append(["name", PeopleRegister.erasedMarker, erasure.day.description])
      rows.append(["erased", erasure.reason, erasure.day.description])
      rows.append(["erasure record", erasure.record, erasure.day.description])
    } else {
      for (field, detail) in entry.details {
        rows.append([field, detail.value, detail.since.description])
      }
    }
    return ViewTable(
      name: "person", title: "\(entry.employee) in the people register",
      columns: [.init("detail"), .init("value"), .init("since")], rows: rows)
  }

  static func listTable(_ entries: [PersonEntry], path: String) -> ViewTable {
    ViewTable(
      name: "people", title: "People register of \(path) (\(entries.count))",
      columns: [
        .init("employee"), .init("name"), .init("personnelNumber"), .init("email"),
        .init("since"),
      ],
      rows: entries.map { entry in
        [
          entry.employee.rawValue, entry.displayName, entry.personnelNumber?.value ?? "",
          entry.email?.value ?? "",
          (entry.erasure?.day ?? entry.details.map(\.detail.since).max())?.description ?? "",
        ]
      })
  }

  /// Whether the register beside `path` exists and is readable by its group: kept so on a
  /// rewrite.
  private static func groupReadable(_ path: String) -> Bool {
    var status = stat()
    guard stat(PeopleRegister.path(forLog: path), &status) == 0 else { return false }
    return status.st_mode & 0o040 != 0
  }

  private static func failure(_ failure: PeopleBook.Failure, path: String) -> CommandFailure {
    switch failure {
    case .unknownEmployees, .invalid:
      return CommandFailure(status: .dataError, message: failure.description)
    case .register(let inner):
      switch inner {
      case .unreadable: return CommandFailure(status: .noInput, message: inner.description)
      case .damaged: return CommandFailure(status: .dataError, message: inner.description)
      case .notWritten(let error):
        return CommandFailure(
          status: error.operation == "open" ? .cannotCreate : .ioError,
          message: inner.description)
      case .lockTimeout: return CommandFailure(status: .conflict, message: inner.description)
      }
    case .log(let error):
      return LogAccess.failure(error, path: path)
    }
  }
}
