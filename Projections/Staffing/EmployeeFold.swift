import TransitionDomain

/// The running state of one employee while folding a ledger's staff facts, compact: interned
/// ids, day numbers and ten-thousandths, no strings.
///
/// `apply(_:)` and `state(on:)` mirror `EmployeeState.apply(_:)` and `closed(on:)` field for
/// field; strings are looked up once per employee, when the state is made.
struct EmployeeFold {
  /// The contract FTE in ten-thousandths.
  var contractFTE: Int64 = 0
  /// The cohort FTE still counted with the employee, in ten-thousandths.
  var allocatedFTE: Int64 = 0
  /// The cohort FTE reassigned within the employer, in ten-thousandths.
  var reassignedFTE: Int64 = 0
  /// The cohort FTE that left with a contract reduction, in ten-thousandths.
  var contractReducedFTE: Int64 = 0
  /// The record of the latest change.
  var lastChangeSeq: Int64 = 0
  /// The interned employee id.
  var employeeID: Int32
  /// The interned employer; -1 for none.
  var employerID: Int32 = -1
  /// The interned function; -1 for the empty string.
  var functionID: Int32 = -1
  /// The interned cao; -1 for the empty string.
  var caoID: Int32 = -1
  /// The day number of the end of a fixed-term contract; `Int32.min` for none.
  var contractEnd = Int32.min
  /// The interned host of a running secondment; -1 for none.
  var hostID: Int32 = -1
  /// The day number of a running secondment's last day; `Int32.min` for none.
  var secondedUntil = Int32.min
  /// The day number of the last working day; `Int32.min` for none.
  var lastWorkingDay = Int32.min
  /// The day number of the latest change; `Int32.min` before any.
  var lastChangeDay = Int32.min
  /// The interned list of decisions behind the latest change; -1 for none.
  var basisID: Int32 = -1
  /// The status.
  var status = EmployeeStatus.inCohort
  /// The contract type as its code (an index into `ContractType.allCases`).
  var contractTypeCode = Self.permanentCode
  /// Whether the employee belongs to a baseline.
  var inBaseline = false

  /// The number of contract types: a fact's code at or above it means none.
  static let contractTypeCount = UInt8(ContractType.allCases.count)
  /// The code of `ContractType.onbepaaldeTijd`.
  static let permanentCode = UInt8(
    ContractType.allCases.distance(
      from: ContractType.allCases.startIndex,
      to: ContractType.allCases.firstIndex(of: .onbepaaldeTijd) ?? ContractType.allCases.startIndex
    ))

  /// A fold of `employeeID` before any fact.
  init(employeeID: Int32) { self.employeeID = employeeID }

  /// Applies one fact of this employee, as `EmployeeState.apply(_:)` does.
  @inline(__always)
  mutating func apply(_ fact: StaffFact) {
    lastChangeSeq = fact.seq
    lastChangeDay = fact.effectiveNumber
    switch fact.kind {
    case .baseline:
      employerID = fact.employerID
      contractFTE = max(fact.contractFTEValue, 0)
      allocatedFTE = max(fact.fteValue, 0)
      functionID = fact.functionID
      caoID = fact.caoID
      contractTypeCode =
        fact.contractTypeCode < Self.contractTypeCount ? fact.contractTypeCode : Self.permanentCode
      contractEnd = fact.contractEndNumber
      status = .inCohort
      inBaseline = true
    case .hired:
      employerID = fact.employerID
      contractFTE = max(fact.contractFTEValue, 0)
      functionID = fact.functionID
      caoID = fact.caoID
      status = .external
    case .transferred:
      employerID = fact.employerID
      if fact.functionID >= 0 { functionID = fact.functionID }
      if fact.caoID >= 0 { caoID = fact.caoID }
      status = .transferred
      basisID = fact.decisionsID
    case .reassigned:
      let moved = max(fact.fteValue, 0)
      let remaining = allocatedFTE >= moved ? allocatedFTE - moved : 0
      reassignedFTE += allocatedFTE - remaining
      allocatedFTE = remaining
      if remaining == 0 { status = .reassigned }
    case .contract:
      if fact.contractFTEValue >= 0 { contractFTE = fact.contractFTEValue }
      if fact.fteValue >= 0 && allocatedFTE > fact.fteValue {
        contractReducedFTE += allocatedFTE - fact.fteValue
        allocatedFTE = fact.fteValue
      }
      if fact.caoID >= 0 { caoID = fact.caoID }
      if fact.functionID >= 0 { functionID = fact.functionID }
      if fact.contractTypeCode < Self.contractTypeCount {
        contractTypeCode = fact.contractTypeCode
        if fact.contractTypeCode == Self.permanentCode { contractEnd = .min }
      }
      if fact.contractEndNumber != .min { contractEnd = fact.contractEndNumber }
      if fact.decisionsID >= 0 && !Interned.lists.value(fact.decisionsID).isEmpty {
        basisID = fact.decisionsID
      }
    case .surplus:
      status = .surplus
    case .departed:
      lastWorkingDay = fact.effectiveNumber
    case .secondment:
      hostID = fact.hostID
      secondedUntil = fact.untilNumber
    case .secondmentEnded:
      hostID = -1
      secondedUntil = .min
    }
  }

  /// The employee named `name` (the string of `employeeID`) as seen on day number `day`, as
  /// `EmployeeState.closed(on:)` gives it.
  func state(named name: String, on day: Int32) -> EmployeeState {
    var state = EmployeeState(employee: name)
    let departed = lastWorkingDay != .min && lastWorkingDay < day
    state.employer = departed ? nil : Interned.text(employerID)
    state.contractFTE = FTE(tenThousandths: contractFTE)
    state.allocatedFTE = FTE(tenThousandths: allocatedFTE)
    state.reassignedFTE = FTE(tenThousandths: reassignedFTE)
    state.contractReducedFTE = FTE(tenThousandths: contractReducedFTE)
    state.function = Interned.text(functionID) ?? ""
    state.cao = Interned.text(caoID) ?? ""
    let types = ContractType.allCases
    state.contractType = types[types.index(types.startIndex, offsetBy: Int(contractTypeCode))]
    state.contractEnd = Self.day(contractEnd)
    state.status = departed ? .departed : status
    state.inBaseline = inBaseline
    if secondedUntil == .min || secondedUntil >= day {
      state.secondedTo = Interned.text(hostID)
      state.secondedUntil = Self.day(secondedUntil)
    }
    state.lastWorkingDay = Self.day(lastWorkingDay)
    state.lastChangeSeq = lastChangeSeq
    state.lastChangeDay = Self.day(lastChangeDay)
    state.basis = Interned.list(basisID)
    return state
  }

  /// The day of a day number; nil for `Int32.min`.
  private static func day(_ number: Int32) -> CalendarDay? {
    number == .min ? nil : CalendarDay.stored(Int(number))
  }

  /// Every employee with a fact on or before `day`, folded and sorted by name.
  ///
  /// One pass applies each fact (effective on or before the day) to its employee's slot in
  /// `facts` order; an employee whose facts come out of effective order (a back-dated record or
  /// a replacement) is folded again from scratch, in (effective, position) order.
  static func states<Facts: Collection>(of facts: Facts, on day: CalendarDay)
    -> [EmployeeState] where Facts.Element == StaffFact
  {
    facts.withContiguousStorageIfAvailable { states(ofAny: $0, on: day) }
      ?? states(ofAny: facts, on: day)
  }

  /// `states(of:on:)` over any collection of facts (the facts that count in a `LedgerView`
  /// are a lazily filtered one).
  private static func states<Facts: Collection>(
    ofAny facts: Facts, on day: CalendarDay
  ) -> [EmployeeState] where Facts.Element == StaffFact {
    let last = Int32(day.dayNumber)
    var slots = Slots()
    defer { slots.deallocate() }
    for fact in facts where fact.effectiveNumber <= last { slots.apply(fact) }
    if slots.reordered {
      var late: [(effective: Int32, offset: Int32, index: Facts.Index)] = []
      var offset: Int32 = 0
      for index in facts.indices {
        let fact = facts[index]
        if fact.effectiveNumber <= last && slots.isReordered(fact.employeeID) {
          late.append((fact.effectiveNumber, offset, index))
        }
        offset += 1
      }
      late.sort { ($0.effective, $0.offset) < ($1.effective, $1.offset) }
      slots.refold(late.lazy.map { facts[$0.index] })
    }
    return slots.states(on: last)
  }

  /// Folds per employee with a dense slot per employee id, in the order the facts come in.
  ///
  /// The tables are raw memory, grown by doubling and freed by `deallocate()`: the pass touches
  /// them once per fact, without the uniqueness and bounds checks of arrays.
  struct Slots {
    /// The slot of each interned employee id below `idCapacity`; -1 for none yet.
    var slotOf = UnsafeMutablePointer<Int32>.allocate(capacity: 0)
    /// How many ids `slotOf` covers.
    var idCapacity = 0
    /// The fold of each slot.
    var folds = UnsafeMutablePointer<EmployeeFold>.allocate(capacity: 0)
    /// How many folds `folds` has room for.
    var capacity = 0
    /// How many slots are in use.
    var count = 0
    /// Whether a slot's facts came out of effective order (only once `reordered`).
    var outOfOrder: [Bool] = []
    /// Whether any slot's facts came out of effective order.
    var reordered = false

    /// Frees the tables.
    func deallocate() {
      slotOf.deallocate()
      folds.deinitialize(count: count)
      folds.deallocate()
    }

    /// Applies `fact` to its employee's slot, noting a fact earlier than the slot's latest.
    @inline(__always)
    mutating func apply(_ fact: StaffFact) {
      let id = Int(fact.employeeID)
      if id >= idCapacity { growIDs(to: id + 1) }
      var slot = Int(slotOf[id])
      if slot < 0 {
        slot = addSlot(fact.employeeID)
        slotOf[id] = Int32(slot)
      }
      if fact.effectiveNumber < folds[slot].lastChangeDay { markOutOfOrder(slot) }
      folds[slot].apply(fact)
    }

    /// Adds a slot already folded (from a staffing index snapshot); false when the employee
    /// has a slot already.
    mutating func insert(_ fold: EmployeeFold) -> Bool {
      let id = Int(fold.employeeID)
      guard id >= 0 else { return false }
      if id >= idCapacity { growIDs(to: id + 1) }
      guard slotOf[id] < 0 else { return false }
      let slot = addSlot(fold.employeeID)
      folds[slot] = fold
      slotOf[id] = Int32(slot)
      return true
    }

    /// The folds of every slot, in slot order (first appearance).
    var all: UnsafeBufferPointer<EmployeeFold> { UnsafeBufferPointer(start: folds, count: count) }

    /// Makes `slotOf` cover at least `needed` ids.
    mutating func growIDs(to needed: Int) {
      let grown = max(needed, 2 * idCapacity, 1_024)
      let table = UnsafeMutablePointer<Int32>.allocate(capacity: grown)
      table.update(from: slotOf, count: idCapacity)
      (table + idCapacity).initialize(repeating: -1, count: grown - idCapacity)
      slotOf.deallocate()
      slotOf = table
      idCapacity = grown
    }

    /// A new slot for the employee `id`.
    mutating func addSlot(_ id: Int32) -> Int {
      if count == capacity {
        let grown = max(2 * capacity, 1_024)
        let table = UnsafeMutablePointer<EmployeeFold>.allocate(capacity: grown)
        table.moveInitialize(from: folds, count: count)
        folds.deallocate()
        folds = table
        capacity = grown
      }
      (folds + count).initialize(to: EmployeeFold(employeeID: id))
      count += 1
      return count - 1
    }

    /// Notes that `slot` must be folded again in order.
    mutating func markOutOfOrder(_ slot: Int) {
      if outOfOrder.count < count {
        outOfOrder += repeatElement(false, count: count - outOfOrder.count)
      }
      outOfOrder[slot] = true
      reordered = true
    }

    /// Whether the employee `id` has a slot whose facts came out of effective order.
    func isReordered(_ id: Int32) -> Bool {
      guard Int(id) < idCapacity else { return false }
      let slot = Int(slotOf[Int(id)])
      return slot >= 0 && slot < outOfOrder.count && outOfOrder[slot]
    }

    /// Folds the reordered slots again from their facts `late`, given in (effective, position)
    /// order.
    mutating func refold(_ late: some Sequence<StaffFact>) {
      for slot in outOfOrder.indices where outOfOrder[slot] {
        folds[slot] = EmployeeFold(employeeID: folds[slot].employeeID)
      }
      for value in late {
        folds[Int(slotOf[Int(value.employeeID)])].apply(value)
      }
    }

    /// The states of every slot on day number `day`, sorted by employee name.
    func states(on day: Int32) -> [EmployeeState] {
      let names = (0..<count).map { (name: Interned.strings.value(folds[$0].employeeID), slot: $0) }
      return EmployeeFold.sortedByName(names).map {
        folds[$0.slot].state(named: $0.name, on: day)
      }
    }
  }

  /// `names` sorted by name as `String` orders them.
  ///
  /// Names of at most 16 ASCII bytes (the usual ids) sort as two big-endian integers and a
  /// length, which orders them as `String` does (ASCII is its own normal form, compared byte by
  /// byte, a prefix first); any other name sorts them all as strings.
  static func sortedByName(_ names: [(name: String, slot: Int)]) -> [(name: String, slot: Int)] {
    var keys: [(high: UInt64, low: UInt64, length: Int, index: Int)] = []
    keys.reserveCapacity(names.count)
    for (index, entry) in names.enumerated() {
      guard let key = asciiKey(entry.name) else {
        return names.sorted { $0.name < $1.name }
      }
      keys.append((key.high, key.low, key.length, index))
    }
    keys.sort { ($0.high, $0.low, $0.length) < ($1.high, $1.low, $1.length) }
    return keys.map { names[$0.index] }
  }

  /// The first 16 bytes of an ASCII `name` as big-endian integers, and its length; nil for a
  /// longer or non-ASCII name.
  static func asciiKey(_ name: String) -> (high: UInt64, low: UInt64, length: Int)? {
    var utf8 = name
    return utf8.withUTF8 { bytes -> (high: UInt64, low: UInt64, length: Int)? in
      guard bytes.count <= 16 else { return nil }
      var high: UInt64 = 0
      var low: UInt64 = 0
      for position in 0..<16 {
        let byte = position < bytes.count ? bytes[position] : 0
        guard byte < 0x80 else { return nil }
        if position < 8 {
          high = high << 8 | UInt64(byte)
        } else {
          low = low << 8 | UInt64(byte)
        }
      }
      return (high, low, bytes.count)
    }
  }
}
