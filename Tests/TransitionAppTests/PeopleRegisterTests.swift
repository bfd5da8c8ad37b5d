import EventLog
import Foundation
import Synchronization
import Testing
import TransitionDomain

@testable import TransitionApp

/// The real file system, except that the `failAt`-th call of `operation` fails with EIO.
final class FailingFileOperations: FileOperations, @unchecked Sendable {
  let real = SystemFileOperations()
  let operation: String
  let failAt: Int
  private let calls = Mutex(0)

  init(failing operation: String, at call: Int = 1) {
    self.operation = operation
    self.failAt = call
  }

  private func check(_ name: String, _ path: String) throws(FileError) {
    guard name == operation else { return }
    let count = calls.withLock { value in
      value += 1
      return value
    }
    if count == failAt { throw FileError(operation: name, path: path, code: EIO) }
  }

  func open(_ path: String, flags: Int32, mode: UInt32) throws(FileError) -> Int32 {
    if flags & O_CREAT != 0 && path.contains(".tmp-") { try check("open", path) }
    return try real.open(path, flags: flags, mode: mode)
  }
  func close(_ descriptor: Int32) { real.close(descriptor) }
  func read(_ descriptor: Int32, into buffer: UnsafeMutableRawBufferPointer, at offset: Int64)
    throws(FileError) -> Int
  { try real.read(descriptor, into: buffer, at: offset) }
  func write(_ descriptor: Int32, _ bytes: UnsafeRawBufferPointer) throws(FileError) -> Int {
    try check("write", "fd")
    return try real.write(descriptor, bytes)
  }
  func sync(_ descriptor: Int32) throws(FileError) {
    try check("sync", "fd")
    try real.sync(descriptor)
  }
  func truncate(_ descriptor: Int32, to size: Int64) throws(FileError) {
    try real.truncate(descriptor, to: size)
  }
  func size(_ descriptor: Int32) throws(FileError) -> Int64 { try real.size(descriptor) }
  func lockExclusive(_ descriptor: Int32, wait: Bool) throws(FileError) -> Bool {
    try real.lockExclusive(descriptor, wait: wait)
  }
  func unlock(_ descriptor: Int32) { real.unlock(descriptor) }
  func rename(_ from: String, to: String) throws(FileError) {
    try check("rename", from)
    try real.rename(from, to: to)
  }
  func syncDirectory(_ directory: String) throws(FileError) {
    try check("syncDirectory", directory)
    try real.syncDirectory(directory)
  }
  func exists(_ path: String) -> Bool { real.exists(path) }
  func link(_ from: String, to: String) throws(FileError) { try real.link(from, to: to) }
  func remove(_ path: String) { real.remove(path) }
  func restrictPermissions(_ descriptor: Int32, like reference: String, mode: UInt32)
    throws(FileError)
  { try real.restrictPermissions(descriptor, like: reference, mode: mode) }
}

@Suite("The people register: durable, all or nothing, forgets without a trace")
struct PeopleRegisterTests {
  /// A folder with the IJmond example log.
  final class Folder {
    let path = NSTemporaryDirectory() + "people-" + UUID().uuidString
    var log: String { path + "/ijmond.log" }
    init() throws {
      try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
      try ExampleLog.build(at: log)
    }
    deinit { try? FileManager.default.removeItem(atPath: path) }
    func names() throws -> [String] {
      try FileManager.default.contentsOfDirectory(atPath: path).sorted()
    }
  }

  static let day = CalendarDay(2026, 7, 1)

  @Test("entries round-trip through the file: details with their dates, and erasures")
  func roundTrip() throws {
    let entries = [
      PersonEntry(
        employee: "E001", name: DatedDetail("Zoë d'Ancona \"Jr\"", since: Self.day),
        personnelNumber: DatedDetail("40001", since: CalendarDay(2025, 1, 2)),
        email: DatedDetail("zoe@x.nl", since: Self.day)),
      PersonEntry(employee: "E002", name: DatedDetail("Bo", since: Self.day)),
      PersonEntry(
        employee: "E003",
        erasure: .init(milliseconds: 1_780_000_000_000, reason: "verzoek", by: "hr", record: "r")),
    ]
    let bytes = PeopleRegister.encode(entries)
    #expect(try PeopleRegister.decode(bytes, path: "p") == entries)
    #expect(entries[2].displayName == "(erased)")
    #expect(entries[2].erasure?.day == CalendarDay(2026, 5, 28))
  }

  @Test("a damaged register is named with its line, never guessed at")
  func damaged() {
    let header = #"{"format":"transition-people","version":1}"#
    for (text, line) in [
      ("", 1), ("{}\n", 1), (header + "\n{\"employee\":\"E1\",\"name\":\"x\"}\n", 2),
      (header + "\n{\"employee\":\"E1\"}\n{\"employee\":\"E1\"}\n", 3),
      (header + "\n{\"employee\":\"E1\",\"erased\":1,\"reason\":\"r\"}\n", 2),
    ] {
      #expect {
        try PeopleRegister.decode(Array(text.utf8), path: "p")
      } throws: { error in
        guard case .damaged(_, let found, _) = error as? PeopleRegister.Failure else {
          return false
        }
        return found == line
      }
    }
  }

  @Test(
    "a failed step of a rewrite leaves the old register whole and no temporary behind",
    arguments: ["open", "write", "sync", "rename"])
  func failedRewrite(operation: String) throws {
    let folder = try Folder()
    let book = PeopleBook(logPath: folder.log)
    try book.add([("E001", PersonDetails(name: "Jan de Vries"), Self.day)])
    let register = folder.log + ".people"
    let old = try Data(contentsOf: URL(fileURLWithPath: register))
    let names = try folder.names()
    var options = PeopleRegister.Options()
    options.fileOperations = FailingFileOperations(failing: operation)
    let failing = PeopleBook(logPath: folder.log, options: options)
    #expect(throws: PeopleBook.Failure.self) {
      try failing.add([("E002", PersonDetails(name: "Piet Puk"), Self.day)])
    }
    #expect(try Data(contentsOf: URL(fileURLWithPath: register)) == old)
    #expect(try folder.names() == names, "a temporary was left")
    #expect(try book.entries().map(\.employee) == ["E001"])
  }

  @Test("a failed fsync of the folder after the rename is reported, and the new register stands")
  func failedFolderSync() throws {
    let folder = try Folder()
    var options = PeopleRegister.Options()
    options.fileOperations = FailingFileOperations(failing: "syncDirectory")
    let failing = PeopleBook(logPath: folder.log, options: options)
    #expect(throws: PeopleBook.Failure.self) {
      try failing.add([("E002", PersonDetails(name: "Piet Puk"), Self.day)])
    }
    #expect(try PeopleBook(logPath: folder.log).entries().map(\.employee) == ["E002"])
  }

  @Test("forget erases the details, appends one record, and the log verifies")
  func forget() throws {
    let folder = try Folder()
    let book = PeopleBook(logPath: folder.log)
    try book.add([
      ("E001", PersonDetails(name: "Jan de Vries", email: "jan@x.nl"), Self.day),
      ("E002", PersonDetails(name: "Piet Puk"), Self.day),
    ])
    let before = try book.logState().lastSeq
    let outcome = try book.forget(["E001"], reason: "verzoek betrokkene", by: "hr-ijw")
    guard case .erased(let employee, true, let record) = outcome.first else {
      Issue.record("not erased: \(outcome)")
      return
    }
    #expect(employee == "E001")
    let state = try book.logState()
    #expect(state.lastSeq == before + 1)
    let appended = try #require(state.record(seq: state.lastSeq))
    #expect(appended.id == record)
    #expect(appended.by == "hr-ijw")
    #expect(
      appended.event.payload(as: PersonalDataErased.self)
        == PersonalDataErased(employee: "E001", reason: "verzoek betrokkene"))
    #expect(try book.displayNames() == ["E001": "(erased)", "E002": "Piet Puk"])
    _ = try LogVerifier.verify(path: folder.log)
    let bytes = try Data(contentsOf: URL(fileURLWithPath: folder.log + ".people"))
    #expect(bytes.range(of: Data("Jan de Vries".utf8)) == nil)
    #expect(bytes.range(of: Data("jan@x.nl".utf8)) == nil)
    // Forgetting again changes nothing.
    let again = try book.forget(["E001"], reason: "nogmaals", by: "hr-ijw")
    #expect(again == [.alreadyErased(employee: "E001", record: record)])
    #expect(try book.logState().lastSeq == before + 1)
  }

  @Test("an erasure a crash left unrecorded is appended by the next forget, with its own id")
  func completesPendingErasure() throws {
    let folder = try Folder()
    let book = PeopleBook(logPath: folder.log)
    try book.add([("E002", PersonDetails(name: "Piet Puk"), Self.day)])
    // The register as a crash after its rewrite leaves it: the erasure, no log record.
    let erasure = PersonEntry.Erasure(
      milliseconds: 1_780_000_000_000, reason: "verzoek", by: "hr-ijw", record: "erasure-E001-x")
    try book.register.update { byID in
      byID["E001"] = PersonEntry(employee: "E001", erasure: erasure)
      return (true, ())
    }
    #expect(try book.unrecordedErasures().map(\.employee) == ["E001"])
    let outcome = try book.forget(["E002"], reason: "verzoek", by: "hr-bev")
    #expect(outcome.count == 1)
    let state = try book.logState()
    let ids = (1...state.lastSeq).compactMap { state.record(seq: $0) }
      .filter { $0.eventType == PersonalDataErased.eventType }.map { "\($0.id) \($0.by)" }
    #expect(ids.count == 2)
    #expect(ids.first == "erasure-E001-x hr-ijw")
    #expect(try book.unrecordedErasures().isEmpty)
  }
}
