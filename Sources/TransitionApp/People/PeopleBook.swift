import EventLog
import Projections
import TransitionDomain

/// The people register together with its log: adds only people the log knows, and forgets a
/// person by erasing the details from the register and recording `PersonalDataErased` in the
/// log.
///
/// The order of `forget` (crash safety): under the register's lock, (1) the person's entry is
/// replaced by an erasure (when, on what ground, by whom, and the id the log record will get)
/// and the register is rewritten durably; (2) the `PersonalDataErased` record is appended to
/// the log with that id. The personal data is gone before the log says so, never after: a
/// crash between (1) and (2) leaves an erasure in the register whose record is not in the log
/// yet, and the next `forget` or `purge` appends it (the same id, so never twice). The other
/// order could leave a log saying "erased" while the name is still on disk.
public final class PeopleBook {
  /// Why a people command failed.
  public enum Failure: Error, CustomStringConvertible {
    /// Ids the log does not know: nothing was changed (exit 65).
    case unknownEmployees([EmployeeID], logPath: String)
    /// Details that cannot be kept, each problem named (exit 65).
    case invalid([String])
    /// The register could not be read or written.
    case register(PeopleRegister.Failure)
    /// The log could not be read or written, or refused the record.
    case log(any Error)

    public var description: String {
      switch self {
      case .unknownEmployees(let ids, let logPath):
        return (ids.count == 1 ? "Employee " : "Employees ")
          + ids.map(\.rawValue).joined(separator: ", ")
          + (ids.count == 1 ? " is" : " are") + " not in any record of \(logPath). Check the id"
          + " (`transition state \(logPath) staffing`), or record the baseline or hire first."
          + " Nothing was changed."
      case .invalid(let problems):
        return problems.joined(separator: "\n") + "\nNothing was changed."
      case .register(let failure):
        return failure.description
      case .log(let error):
        return "\(error)"
      }
    }
  }

  /// What `forget` did for one person.
  public enum Forgotten: Equatable, Sendable {
    /// The details were erased (`hadDetails` false: the register held none) and the log
    /// record appended.
    case erased(employee: EmployeeID, hadDetails: Bool, record: String)
    /// Forgotten before, and the log says so already: nothing changed.
    case alreadyErased(employee: EmployeeID, record: String)
  }

  /// The log.
  public let logPath: String
  /// The register beside it.
  public let register: PeopleRegister
  private let logOptions: LogWriter.Options

  /// The register of the log at `logPath`.
  public init(
    logPath: String, options: PeopleRegister.Options = PeopleRegister.Options(),
    logOptions: LogWriter.Options = LogWriter.Options()
  ) {
    self.logPath = logPath
    self.register = PeopleRegister(logPath: logPath, options: options)
    self.logOptions = logOptions
  }

  /// The log's state as currently known, read without taking the log's lock.
  public func logState() throws -> TransitionState {
    var state = TransitionState()
    do {
      try LogReader(path: logPath, fileOperations: logOptions.fileOperations).forEachRecord {
        raw in
        try state.apply(try RecordCodec.domainRecord(raw))
      }
    } catch {
      throw Failure.log(error)
    }
    return state
  }

  /// Every entry of the register, in id order.
  public func entries() throws -> [PersonEntry] {
    do {
      return try register.entries()
    } catch {
      throw Failure.register(error)
    }
  }

  /// The name to show for each employee the register knows ("(erased)" once forgotten).
  public func displayNames() throws -> [EmployeeID: String] {
    var names: [EmployeeID: String] = [:]
    for entry in try entries() { names[entry.employee] = entry.displayName }
    return names
  }

  /// Adds or changes the details of `people`, all or nothing, each detail dated with its
  /// person's `since`.
  ///
  /// Refuses (changing nothing) details that cannot be kept and ids the log does not know.
  @discardableResult
  public func add(
    _ people: [(employee: EmployeeID, details: PersonDetails, since: CalendarDay)]
  ) throws -> [PersonEntry] {
    var problems: [String] = []
    for person in people {
      problems += person.details.problems.map { "\(person.employee): \($0)" }
    }
    guard problems.isEmpty else { throw Failure.invalid(problems) }
    let state = try logState()
    let unknown = people.map(\.employee).filter { !state.knows($0) }
    guard unknown.isEmpty else { throw Failure.unknownEmployees(unknown, logPath: logPath) }
    return try withRegister {
      try register.update { byID in
        var changed: [PersonEntry] = []
        for person in people {
          let entry = person.details.applied(
            to: byID[person.employee] ?? PersonEntry(employee: person.employee),
            since: person.since)
          byID[person.employee] = entry
          changed.append(entry)
        }
        return (true, changed)
      }
    }
  }

  /// Forgets `employees`: erases their details, then records `PersonalDataErased` for each.
  ///
  /// Every detail is erased from the register durably, then one record per person is
  /// appended to the log, recorded by `by` on the ground `reason`. Refuses (changing
  /// nothing) ids the log does not know.
  ///
  /// Also appends the records of erasures a crash left unrecorded (see the type).
  public func forget(_ employees: [EmployeeID], reason: String, by: String) throws -> [Forgotten] {
    guard !reason.trimmingSpaces.isEmpty else {
      throw Failure.invalid(["Give the ground for the erasure with --reason."])
    }
    // Checked before anything is touched, so an unknown id leaves the folder as it was; the
    // rule is checked again under the lock when the record is decided.
    let known = try logState()
    let unknown = employees.filter { !known.knows($0) }
    guard unknown.isEmpty else { throw Failure.unknownEmployees(unknown, logPath: logPath) }
    let log: TransitionLog
    var pendingRecords: [(EmployeeID, PersonEntry.Erasure)] = []
    do {
      log = try TransitionLog(path: logPath, options: logOptions)
    } catch {
      throw Failure.log(error)
    }
    let now = logOptions.clock.now().millisecondsSinceEpoch
    return try withRegister {
      try register.update(
        { byID in
          let recorded = Self.erasureRecordIDs(in: log.state)
          var outcomes: [Forgotten] = []
          var changed = false
          for entry in byID.values.sorted(by: { $0.employee < $1.employee }) {
            if let erasure = entry.erasure, !recorded.contains(erasure.record) {
              pendingRecords.append((entry.employee, erasure))
            }
          }
          for employee in employees {
            if let erasure = byID[employee]?.erasure {
              outcomes.append(.alreadyErased(employee: employee, record: erasure.record))
              continue
            }
            let erasure = PersonEntry.Erasure(
              milliseconds: now, reason: reason, by: by,
              record: "erasure-\(employee.rawValue)-\(Self.randomHex())")
            outcomes.append(
              .erased(
                employee: employee, hadDetails: byID[employee]?.details.isEmpty == false,
                record: erasure.record))
            byID[employee] = PersonEntry(employee: employee, erasure: erasure)
            pendingRecords.append((employee, erasure))
            changed = true
          }
          return (changed, outcomes)
        },
        then: { _ in
          try self.append(pendingRecords, to: log)
          self.register.reach(.recordAppended)
        })
    }
  }

  /// The employees whose last working day is before `day` and whose details are in the
  /// register: whom `purge --departed-before day` forgets.
  public func departed(before day: CalendarDay) throws -> [EmployeeID] {
    let state = try logState()
    return try entries().filter { entry in
      guard entry.erasure == nil,
        let last = state.employee(entry.employee, on: day)?.lastWorkingDay
      else { return false }
      return last < day
    }.map(\.employee)
  }

  /// The erasures in the register whose record is not in the log yet (a crash came between).
  public func unrecordedErasures() throws -> [PersonEntry] {
    let recorded = Self.erasureRecordIDs(in: try logState())
    return try entries().filter { entry in
      entry.erasure.map { !recorded.contains($0.record) } ?? false
    }
  }

  // MARK: - Helpers

  private func append(_ erasures: [(EmployeeID, PersonEntry.Erasure)], to log: TransitionLog)
    throws
  {
    guard !erasures.isEmpty else { return }
    let commands = erasures.map { employee, erasure in
      (
        erasure.by,
        TransitionCommand(
          PersonalDataErased(employee: employee, reason: erasure.reason),
          effective: EffectiveDate(erasure.day), id: erasure.record)
      )
    }
    do {
      // One batch per recorder (usually one), so every record keeps the `by` it was made with.
      var recorders: [String] = []
      for (by, _) in commands where !recorders.contains(by) { recorders.append(by) }
      for by in recorders {
        try log.record(commands.filter { $0.0 == by }.map { $0.1 }, by: by)
      }
    } catch {
      throw Failure.log(error)
    }
  }

  private func withRegister<Result>(_ body: () throws -> Result) throws -> Result {
    do {
      return try body()
    } catch let failure as PeopleRegister.Failure {
      throw Failure.register(failure)
    }
  }

  /// The ids of every `PersonalDataErased` record in the log.
  static func erasureRecordIDs(in state: TransitionState) -> Set<String> {
    var ids: Set<String> = []
    for (seq, type) in state.recordTypes where type == PersonalDataErased.eventType {
      if let record = state.record(seq: seq) { ids.insert(record.id) }
    }
    return ids
  }

  private static func randomHex() -> String {
    var generator = SystemRandomNumberGenerator()
    let value = generator.next() as UInt64
    let text = String(value, radix: 16)
    return String(repeating: "0", count: 16 - text.count) + text
  }
}
