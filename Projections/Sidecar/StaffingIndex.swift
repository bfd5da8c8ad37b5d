import EventLog
import Synchronization
import TransitionDomain

// The staffing index: the sidecar section that answers "every employee on day D, known at N"
// without reading every staff fact.
//
// (1) It holds the staff facts once more, compact (only what `EmployeeFold.apply` reads) and in
//     valid-time order: sorted by effective day, facts of the same day in ledger order. Folding
//     the facts that count in this order gives what `EmployeeFold.states(of:on:)` gives, which
//     folds each employee's facts in (effective, ledger position) order; and the facts
//     effective on or before D are a prefix, found by a binary search.
// (2) The facts are in blocks, each with its own checksum, checked when a query first reads
//     the block; a query reads the blocks of its prefix only.
// (3) Snapshots: every few blocks, and after the last, the folded employees of that prefix as
//     corrected and known at the last record (the default query), each with its checksum. The
//     default query starts from the last snapshot at or before its prefix and folds only the
//     facts after it: a snapshot and at most a few blocks, whatever the log's size. Any other
//     known-at or the as-recorded mode folds its prefix from the start, still in order, with
//     no second pass.
// (4) Its own tables of the strings and lists the facts use (employees, employers, functions,
//     caos, hosts, decisions): a few thousand, not the transfer line ids of the facts section.
// (5) Damage found by any checksum, an index outside the tables or facts out of order make
//     the query fall back to folding the facts section (which has its own checks and falls
//     back to a replay) and remove the sidecar so the next run rebuilds it.
//
// Layout (integers little-endian; offsets from the start of the section):
//
//     record count, records per block, blocks per snapshot,   Int64 each
//     known-at of the snapshots, string count, list count,
//     bytes of the string and list tables, snapshot count, baseline fact count
//     per block: offset (Int64), first and last effective day (Int32, Int32)
//     per snapshot: prefix length, offset, employee count (Int64 each)
//     the position of each baseline fact (Int64 each; for the conservation view)
//     string table (length-prefixed UTF-8), list table (count, Int32 string indices)
//     zero padding, then the checksum of everything above (UInt64), ending on a multiple of 8
//     then blocks and snapshots, in prefix order; each is fixed-size entries then a checksum:
//       a block's entries are facts (`recordSize` bytes), a snapshot's employee folds
//       (`slotSize` bytes)

/// How a staffing index is cut: records per block and blocks per snapshot.
struct StaffingIndexShape: Sendable, Equatable {
  /// Facts per block (the unit a query reads and checks).
  var blockRecords = 8_192
  /// Blocks between snapshots.
  var blocksPerSnapshot = 4
}

/// Sizes of the staffing index's parts.
enum StaffingIndexLayout {
  static let headerSize = 72
  static let blockEntrySize = 16
  static let snapshotEntrySize = 24
  static let recordSize = 72
  static let slotSize = 80

  /// The head's length with the zero padding that puts its checksum's end on a multiple of 8
  /// (the padding is checksummed with the head, so no byte of the section goes unchecked).
  static func paddedHead(_ length: Int) -> Int { (length + 8 + 7) / 8 * 8 - 8 }
}

extension Ledger {
  /// Hands `emit` the staffing index section (see above) in pieces; the ledger must own its
  /// parts.
  func encodeStaffingIndex(emit: ([UInt8]) throws -> Void) rethrows {
    let facts = ownedStaffFacts
    let count = facts.count
    precondition(count < 1 << 32, "more than 2^32 staff facts")
    let blockRecords = max(1, staffingIndexShape.blockRecords)
    let snapshotRecords = blockRecords * max(1, staffingIndexShape.blocksPerSnapshot)
    // Valid-time order: (effective, ledger position), sorted as one 64-bit key each.
    var keys = [UInt64](repeating: 0, count: count)
    for (position, fact) in facts.enumerated() {
      let day = UInt64(UInt32(bitPattern: fact.effectiveNumber) ^ 0x8000_0000)
      keys[position] = day << 32 | UInt64(position)
    }
    keys.sort()
    @inline(__always) func fact(_ position: Int) -> StaffFact {
      facts[Int(keys[position] & 0xFFFF_FFFF)]
    }

    // Pass 1: local tables, each block's days, each snapshot's employee count.
    var tables = LocalTables()
    var blocks: [(first: Int32, last: Int32)] = []
    var snapshots: [(position: Int, employees: Int)] = []
    var seen: [Bool] = []
    var employees = 0
    var baselines: [Int] = []
    for position in 0..<count {
      let value = fact(position)
      tables.add(value)
      if value.kind == .baseline { baselines.append(position) }
      if position % blockRecords == 0 {
        blocks.append((value.effectiveNumber, value.effectiveNumber))
      }
      blocks[blocks.count - 1].last = value.effectiveNumber
      if value.span.counts(at: lastSeq, asRecorded: false) {
        let id = Int(value.employeeID)
        if id >= seen.count { seen += repeatElement(false, count: id + 1 - seen.count) }
        if !seen[id] {
          seen[id] = true
          employees += 1
        }
      }
      if (position + 1) % snapshotRecords == 0 || position + 1 == count {
        snapshots.append((position + 1, employees))
      }
    }
    let tableBytes = tables.encoded()

    // Offsets: the head, then blocks with their snapshots after them.
    let headLength =
      StaffingIndexLayout.headerSize + blocks.count * StaffingIndexLayout.blockEntrySize
      + snapshots.count * StaffingIndexLayout.snapshotEntrySize + baselines.count * 8
      + tableBytes.count
    var offset = StaffingIndexLayout.paddedHead(headLength) + 8
    var blockOffsets: [Int] = []
    var snapshotOffsets: [Int] = []
    var nextSnapshot = 0
    for block in blocks.indices {
      blockOffsets.append(offset)
      let end = min(count, (block + 1) * blockRecords)
      offset += (end - block * blockRecords) * StaffingIndexLayout.recordSize + 8
      while nextSnapshot < snapshots.count, snapshots[nextSnapshot].position == end {
        snapshotOffsets.append(offset)
        offset += snapshots[nextSnapshot].employees * StaffingIndexLayout.slotSize + 8
        nextSnapshot += 1
      }
    }

    var writer = ByteWriter()
    for value in [
      Int64(count), Int64(blockRecords), Int64(snapshotRecords / blockRecords), lastSeq,
      Int64(tables.strings.count), Int64(tables.lists.count), Int64(tableBytes.count),
      Int64(snapshots.count), Int64(baselines.count),
    ] {
      writer.int(value)
    }
    for (block, days) in blocks.enumerated() {
      writer.int(Int64(blockOffsets[block]))
      writer.int32(days.first)
      writer.int32(days.last)
    }
    for (snapshot, entry) in snapshots.enumerated() {
      writer.int(Int64(entry.position))
      writer.int(Int64(snapshotOffsets[snapshot]))
      writer.int(Int64(entry.employees))
    }
    for position in baselines { writer.int(Int64(position)) }
    writer.bytes.append(contentsOf: tableBytes)
    writer.bytes += repeatElement(0, count: StaffingIndexLayout.paddedHead(headLength) - headLength)
    writer.int(Int64(bitPattern: Checksum64.of(writer.bytes)))
    try emit(writer.bytes)

    // Pass 2: blocks, folding the default view for the snapshots as the facts go by.
    var slots = EmployeeFold.Slots()
    defer { slots.deallocate() }
    writer.bytes.removeAll(keepingCapacity: true)
    nextSnapshot = 0
    for position in 0..<count {
      let value = fact(position)
      tables.write(value, to: &writer)
      if value.span.counts(at: lastSeq, asRecorded: false) { slots.apply(value) }
      guard (position + 1) % blockRecords == 0 || position + 1 == count else { continue }
      writer.int(Int64(bitPattern: Checksum64.of(writer.bytes)))
      try emit(writer.bytes)
      writer.bytes.removeAll(keepingCapacity: true)
      while nextSnapshot < snapshots.count, snapshots[nextSnapshot].position == position + 1 {
        precondition(slots.all.count == snapshots[nextSnapshot].employees)
        for fold in slots.all { tables.write(fold, to: &writer) }
        writer.int(Int64(bitPattern: Checksum64.of(writer.bytes)))
        try emit(writer.bytes)
        writer.bytes.removeAll(keepingCapacity: true)
        nextSnapshot += 1
      }
    }
  }
}

/// The strings and lists a staffing index uses, by local index, and the writing of facts and
/// folds with their ids translated to those indices.
private struct LocalTables {
  /// Pool ids in local order.
  var strings: [Int32] = []
  var lists: [Int32] = []
  /// The local index of each pool id; -1 for none yet.
  private var stringIndex: [Int32] = []
  private var listIndex: [Int32] = []

  mutating func add(_ fact: StaffFact) {
    for id in [
      fact.employeeID, fact.employerID, fact.functionID, fact.caoID, fact.hostID,
    ] {
      addString(id)
    }
    if fact.decisionsID >= 0 {
      let id = Int(fact.decisionsID)
      if id >= listIndex.count { listIndex += repeatElement(-1, count: id + 1 - listIndex.count) }
      if listIndex[id] < 0 {
        listIndex[id] = Int32(lists.count)
        lists.append(fact.decisionsID)
        for member in Interned.lists.value(fact.decisionsID) { addString(member) }
      }
    }
  }

  private mutating func addString(_ id: Int32) {
    guard id >= 0 else { return }
    if Int(id) >= stringIndex.count {
      stringIndex += repeatElement(-1, count: Int(id) + 1 - stringIndex.count)
    }
    if stringIndex[Int(id)] < 0 {
      stringIndex[Int(id)] = Int32(strings.count)
      strings.append(id)
    }
  }

  func string(_ id: Int32) -> Int32 { id < 0 ? -1 : stringIndex[Int(id)] }
  func list(_ id: Int32) -> Int32 { id < 0 ? -1 : listIndex[Int(id)] }

  /// The string table then the list table.
  func encoded() -> [UInt8] {
    var writer = ByteWriter()
    for id in strings { writer.string(Interned.strings.value(id)) }
    for id in lists {
      let members = Interned.lists.value(id)
      writer.int(Int64(members.count))
      for member in members { writer.int32(string(member)) }
    }
    return writer.bytes
  }

  /// One fact, `StaffingIndexLayout.recordSize` bytes.
  func write(_ fact: StaffFact, to writer: inout ByteWriter) {
    writer.int(fact.seq)
    writer.int(fact.span.until)
    writer.int(fact.contractFTEValue)
    writer.int(fact.fteValue)
    writer.int32(string(fact.employeeID))
    writer.int32(fact.effectiveNumber)
    writer.int32(string(fact.employerID))
    writer.int32(string(fact.functionID))
    writer.int32(string(fact.caoID))
    writer.int32(string(fact.hostID))
    writer.int32(list(fact.decisionsID))
    writer.int32(fact.contractEndNumber)
    writer.int32(fact.untilNumber)
    writer.byte(fact.kind.rawValue)
    writer.byte(fact.contractTypeCode)
    writer.byte(fact.span.original ? 1 : 0)
    writer.byte(0)
  }

  /// One employee's fold, `StaffingIndexLayout.slotSize` bytes.
  func write(_ fold: EmployeeFold, to writer: inout ByteWriter) {
    writer.int(fold.contractFTE)
    writer.int(fold.allocatedFTE)
    writer.int(fold.reassignedFTE)
    writer.int(fold.lastChangeSeq)
    writer.int32(string(fold.employeeID))
    writer.int32(string(fold.employerID))
    writer.int32(string(fold.functionID))
    writer.int32(string(fold.caoID))
    writer.int32(fold.contractEnd)
    writer.int32(string(fold.hostID))
    writer.int32(fold.secondedUntil)
    writer.int32(fold.lastWorkingDay)
    writer.int32(fold.lastChangeDay)
    writer.int32(list(fold.basisID))
    writer.byte(EmployeeFold.statusCode(fold.status))
    writer.byte(fold.contractTypeCode)
    writer.byte(fold.inBaseline ? 1 : 0)
    writer.byte(0)
    writer.int32(Int32(clamping: fold.contractReducedFTE))
  }
}

extension EmployeeFold {
  /// The code of a status in the staffing index (its position in `allCases`).
  static func statusCode(_ status: EmployeeStatus) -> UInt8 {
    let all = EmployeeStatus.allCases
    return UInt8(
      all.distance(from: all.startIndex, to: all.firstIndex(of: status) ?? all.startIndex))
  }

  /// The status of a code; nil for none.
  static func status(code: UInt8) -> EmployeeStatus? {
    let all = EmployeeStatus.allCases
    return Int(code) < all.count ? all[all.index(all.startIndex, offsetBy: Int(code))] : nil
  }
}

/// A staffing index in a mapped sidecar: its head read and checked, its blocks and snapshots
/// checked when first read.
final class StaffingIndex: @unchecked Sendable {
  // Immutable after init but for `checked`; `file` keeps `bytes` mapped.
  private let file: MappedFile
  private let bytes: UnsafeRawBufferPointer
  private let count: Int
  private let blockRecords: Int
  /// The known-at the snapshots were folded at (as corrected).
  private let lastSeq: Int64
  private let blocks: [(offset: Int, first: Int32, last: Int32)]
  private let snapshots: [(position: Int, offset: Int, employees: Int)]
  /// The positions of the baseline facts, ascending.
  private let baselines: [Int]
  /// The pool id of each local string and list index; nil when they are the same (the tables
  /// were loaded into empty pools).
  private let strings: [Int32]?
  private let lists: [Int32]?
  private let stringCount: Int32
  private let listCount: Int32
  /// Whether each block, then each snapshot, passed its checksum.
  private let checked: Mutex<[Bool]>

  /// Reads the head of the section `bytes` of `file`; nil if it is damaged or inconsistent.
  init?(file: MappedFile, bytes: UnsafeRawBufferPointer) {
    var reader = ByteReader(bytes)
    // Every stored number is checked before it is used in arithmetic: none exceeds the
    // section's size, so no sum or product below can overflow.
    func number() throws(ByteReader.Truncated) -> Int {
      let value = try reader.int()
      guard value >= 0, value <= Int64(bytes.count) else { throw ByteReader.Truncated() }
      return Int(value)
    }
    guard let count = try? number(), let storedBlockRecords = try? reader.int(),
      (try? reader.int()) != nil, let lastSeq = try? reader.int(),
      let stringCount = try? number(), let listCount = try? number(),
      let tableBytes = try? number(), let snapshotCount = try? number(),
      let baselineCount = try? number(),
      storedBlockRecords > 0, storedBlockRecords <= 1 << 30,
      count <= bytes.count / StaffingIndexLayout.recordSize,
      stringCount < Int32.max, listCount < Int32.max,
      snapshotCount <= bytes.count / StaffingIndexLayout.snapshotEntrySize,
      baselineCount <= count
    else { return nil }
    let blockRecords = Int(storedBlockRecords)
    let blockCount = (count + blockRecords - 1) / blockRecords
    let headLength =
      StaffingIndexLayout.headerSize + blockCount * StaffingIndexLayout.blockEntrySize
      + snapshotCount * StaffingIndexLayout.snapshotEntrySize + baselineCount * 8 + tableBytes
    let padded = StaffingIndexLayout.paddedHead(headLength)
    guard padded + 8 <= bytes.count,
      UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: padded, as: UInt64.self))
        == Checksum64.of(UnsafeRawBufferPointer(rebasing: bytes[0..<padded]))
    else { return nil }
    do {
      var blocks: [(offset: Int, first: Int32, last: Int32)] = []
      for block in 0..<blockCount {
        let offset = try number()
        let first = try reader.int32()
        let last = try reader.int32()
        let records = min(count, (block + 1) * blockRecords) - block * blockRecords
        guard offset <= bytes.count - 8 - records * StaffingIndexLayout.recordSize else {
          return nil
        }
        blocks.append((offset, first, last))
      }
      var snapshots: [(position: Int, offset: Int, employees: Int)] = []
      for _ in 0..<snapshotCount {
        let position = try number()
        let offset = try number()
        let employees = try number()
        guard position <= count, employees <= bytes.count / StaffingIndexLayout.slotSize,
          offset <= bytes.count - 8 - employees * StaffingIndexLayout.slotSize,
          snapshots.last.map({ $0.position < position }) ?? true
        else { return nil }
        snapshots.append((position, offset, employees))
      }
      var baselines: [Int] = []
      baselines.reserveCapacity(baselineCount)
      for _ in 0..<baselineCount {
        let position = try number()
        guard position < count, baselines.last.map({ $0 < position }) ?? true else { return nil }
        baselines.append(position)
      }
      // Into empty pools (a fresh process) the tables load as they are; otherwise each value
      // is interned and the local indices mapped to the pool's ids.
      let strings = try reader.internStrings(stringCount)
      let lists = try reader.internLists(
        listCount, stringCount: stringCount, strings: strings, allowingEmpty: false)
      guard reader.offset == headLength else { return nil }
      self.blocks = blocks
      self.snapshots = snapshots
      self.baselines = baselines
      self.strings = strings
      self.lists = lists
    } catch {
      return nil
    }
    self.file = file
    self.bytes = bytes
    self.count = count
    self.blockRecords = blockRecords
    self.lastSeq = lastSeq
    self.stringCount = Int32(stringCount)
    self.listCount = Int32(listCount)
    checked = Mutex(Array(repeating: false, count: blockCount + snapshotCount))
  }

  /// Every employee with a fact that counts on or before `day` at known-at `knownAt` in one
  /// correction mode, as `EmployeeFold.states(of:on:)` gives them; nil when a part it reads is
  /// damaged.
  func employees(on day: CalendarDay, knownAt: Int64, asRecorded: Bool) -> [EmployeeState]? {
    let last = Int32(clamping: day.dayNumber)
    guard let end = prefix(through: last) else { return nil }
    var slots = EmployeeFold.Slots()
    defer { slots.deallocate() }
    var start = 0
    if !asRecorded, knownAt == lastSeq,
      let snapshot = snapshots.indices.last(where: { snapshots[$0].position <= end })
    {
      guard load(snapshot, into: &slots) else { return nil }
      start = snapshots[snapshot].position
    }
    var previous = Int32.min
    var position = start
    while position < end {
      let block = position / blockRecords
      guard let records = records(of: block) else { return nil }
      let stop = min(end, (block + 1) * blockRecords)
      for index in (position - block * blockRecords)..<(stop - block * blockRecords) {
        let base = records + index * StaffingIndexLayout.recordSize
        // The day and the span first: a fact that does not count is not decoded.
        let effective = Int32(littleEndian: base.loadUnaligned(fromByteOffset: 36, as: Int32.self))
        guard effective >= previous else { return nil }
        previous = effective
        let span = Span(
          from: Int64(littleEndian: base.loadUnaligned(as: Int64.self)),
          until: Int64(littleEndian: base.loadUnaligned(fromByteOffset: 8, as: Int64.self)),
          original: base.load(fromByteOffset: 70, as: UInt8.self) != 0)
        guard span.counts(at: knownAt, asRecorded: asRecorded) else { continue }
        guard let fact = fact(base) else { return nil }
        slots.apply(fact)
      }
      position = stop
    }
    // In valid-time order no employee's facts come out of order; if they did, the bytes lie.
    guard !slots.reordered else { return nil }
    return slots.states(on: last)
  }

  /// The cohort baseline in effect on `day` at known-at `knownAt` in one correction mode;
  /// nil when a part it reads is damaged.
  func baseline(on day: CalendarDay, knownAt: Int64, asRecorded: Bool) -> Baseline? {
    guard let end = prefix(through: Int32(clamping: day.dayNumber)) else { return nil }
    var facts: [StaffFact] = []
    for position in baselines where position < end {
      let block = position / blockRecords
      guard let records = records(of: block),
        let fact = fact(
          records + (position - block * blockRecords) * StaffingIndexLayout.recordSize),
        fact.kind == .baseline
      else { return nil }
      if fact.span.counts(at: knownAt, asRecorded: asRecorded) { facts.append(fact) }
    }
    return Baseline(facts)
  }

  /// How many facts are effective on or before day number `last`.
  private func prefix(through last: Int32) -> Int? {
    var low = 0
    var high = blocks.count
    while low < high {
      let middle = (low + high) / 2
      if blocks[middle].last <= last { low = middle + 1 } else { high = middle }
    }
    guard low < blocks.count else { return count }
    guard let records = records(of: low) else { return nil }
    let size = min(count, (low + 1) * blockRecords) - low * blockRecords
    var first = 0
    var beyond = size
    while first < beyond {
      let middle = (first + beyond) / 2
      let effective = Int32(
        littleEndian: records.loadUnaligned(
          fromByteOffset: middle * StaffingIndexLayout.recordSize + 36, as: Int32.self))
      if effective <= last { first = middle + 1 } else { beyond = middle }
    }
    return low * blockRecords + first
  }

  /// The first record of `block`, once its checksum holds.
  private func records(of block: Int) -> UnsafeRawPointer? {
    let size =
      (min(count, (block + 1) * blockRecords) - block * blockRecords)
      * StaffingIndexLayout.recordSize
    guard let start = checkedPart(block, offset: blocks[block].offset, size: size) else {
      return nil
    }
    return start
  }

  /// The `size` bytes at `offset` followed by their checksum, once it holds (part `part` of
  /// `checked`).
  private func checkedPart(_ part: Int, offset: Int, size: Int) -> UnsafeRawPointer? {
    let body = UnsafeRawBufferPointer(rebasing: bytes[offset..<offset + size])
    let ok = checked.withLock { checked in
      if checked[part] { return true }
      let stored = UInt64(
        littleEndian: bytes.loadUnaligned(fromByteOffset: offset + size, as: UInt64.self))
      guard Checksum64.of(body) == stored else { return false }
      checked[part] = true
      return true
    }
    guard ok, let base = bytes.baseAddress else { return nil }
    return base + offset
  }

  /// Puts the employees of `snapshot` into `slots`; false when it is damaged.
  private func load(_ snapshot: Int, into slots: inout EmployeeFold.Slots) -> Bool {
    let entry = snapshots[snapshot]
    guard
      let base = checkedPart(
        blocks.count + snapshot, offset: entry.offset,
        size: entry.employees * StaffingIndexLayout.slotSize)
    else { return false }
    for index in 0..<entry.employees {
      guard let fold = fold(base + index * StaffingIndexLayout.slotSize), slots.insert(fold)
      else { return false }
    }
    return true
  }

  /// The pool id of local string `field`'s index: -1 stays none, an index outside the table
  /// is nil.
  @inline(__always)
  private func string(_ index: Int32) -> Int32? {
    guard index >= 0 else { return index == -1 ? -1 : nil }
    guard index < stringCount else { return nil }
    return strings?[Int(index)] ?? index
  }

  @inline(__always)
  private func list(_ index: Int32) -> Int32? {
    guard index >= 0 else { return index == -1 ? -1 : nil }
    guard index < listCount else { return nil }
    return lists?[Int(index)] ?? index
  }

  /// The fact at `base`; nil when an index or code is out of range.
  private func fact(_ base: UnsafeRawPointer) -> StaffFact? {
    @inline(__always) func int(_ offset: Int) -> Int64 {
      Int64(littleEndian: base.loadUnaligned(fromByteOffset: offset, as: Int64.self))
    }
    @inline(__always) func int32(_ offset: Int) -> Int32 {
      Int32(littleEndian: base.loadUnaligned(fromByteOffset: offset, as: Int32.self))
    }
    guard let employee = string(int32(32)), employee >= 0,
      let kind = StaffFact.Kind(rawValue: base.load(fromByteOffset: 68, as: UInt8.self)),
      let employer = string(int32(40)), let function = string(int32(44)),
      let cao = string(int32(48)), let host = string(int32(52)), let decisions = list(int32(56))
    else { return nil }
    let seq = int(0)
    var fact = StaffFact(
      employeeID: employee, kind: kind, seq: seq, source: seq, effectiveNumber: int32(36),
      span: Span(
        from: seq, until: int(8), original: base.load(fromByteOffset: 70, as: UInt8.self) != 0))
    fact.contractFTEValue = int(16)
    fact.fteValue = int(24)
    fact.employerID = employer
    fact.functionID = function
    fact.caoID = cao
    fact.hostID = host
    fact.decisionsID = decisions
    fact.contractEndNumber = int32(60)
    fact.untilNumber = int32(64)
    fact.contractTypeCode = base.load(fromByteOffset: 69, as: UInt8.self)
    return fact
  }

  /// The employee fold at `base`; nil when an index or code is out of range.
  private func fold(_ base: UnsafeRawPointer) -> EmployeeFold? {
    @inline(__always) func int(_ offset: Int) -> Int64 {
      Int64(littleEndian: base.loadUnaligned(fromByteOffset: offset, as: Int64.self))
    }
    @inline(__always) func int32(_ offset: Int) -> Int32 {
      Int32(littleEndian: base.loadUnaligned(fromByteOffset: offset, as: Int32.self))
    }
    let contractType = base.load(fromByteOffset: 73, as: UInt8.self)
    guard let employee = string(int32(32)), employee >= 0, let employer = string(int32(36)),
      let function = string(int32(40)), let cao = string(int32(44)),
      let host = string(int32(52)), let basis = list(int32(68)),
      let status = EmployeeFold.status(code: base.load(fromByteOffset: 72, as: UInt8.self)),
      contractType < EmployeeFold.contractTypeCount
    else { return nil }
    var fold = EmployeeFold(employeeID: employee)
    fold.contractFTE = int(0)
    fold.allocatedFTE = int(8)
    fold.reassignedFTE = int(16)
    fold.lastChangeSeq = int(24)
    fold.employerID = employer
    fold.functionID = function
    fold.caoID = cao
    fold.contractEnd = int32(48)
    fold.hostID = host
    fold.secondedUntil = int32(56)
    fold.lastWorkingDay = int32(60)
    fold.lastChangeDay = int32(64)
    fold.basisID = basis
    fold.status = status
    fold.contractTypeCode = contractType
    fold.inBaseline = base.load(fromByteOffset: 74, as: UInt8.self) != 0
    fold.contractReducedFTE = Int64(int32(76))
    return fold
  }
}
