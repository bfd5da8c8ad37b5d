import Synchronization

#if canImport(Glibc)
  import Glibc
#endif

// An array of plain values that a replay keeps in a file rather than in its own memory.
//
// (1) The elements live in an unlinked temporary file, mapped shared: what is written through
//     the mapping is the file's content, kept by the kernel's page cache and written back to
//     disk as it likes. Nothing is left behind, whatever happens to the process.
// (2) Every `releaseInterval` element reads and writes, the mapping's pages are dropped from
//     the process (`MADV_DONTNEED`): the next access faults its page in again from the page
//     cache or the disk, with its content. So the process holds at most about
//     `releaseBytes` of elements resident, however many there are; the rest is the file's.
// (3) The file grows by `posix_fallocate`, so its blocks exist before they are written
//     through the mapping (a write into a hole on a full disk would end the process with
//     SIGBUS). When it cannot grow, the array moves its elements into memory and goes on
//     there: the replay goes on, only heavier (as `SpillFile` does).
// (4) `PagedArray` has value semantics: a mutation of a file shared with another copy first
//     copies the file (copy on write), so an array never changes under its other holders.

/// A growable array of plain (trivial) values in an unlinked, mapped temporary file (see the
/// numbered rules above); a reference type, wrapped by `PagedArray`.
final class MappedArray<Element>: @unchecked Sendable {
  // Unchecked: mutated (append, modify, grow) only through a `PagedArray` that holds the
  // only reference (rule 4), so never while another thread reads it. Reads may race only
  // with the atomic access count and with `madvise`, which keeps the content (rule 2).
  private let descriptor: Int32
  private var base: UnsafeMutablePointer<Element>?
  /// Elements the file and the mapping have room for.
  private var capacity = 0
  /// Elements appended.
  private(set) var count = 0
  /// Reads and writes since the pages were last dropped.
  private let accesses = Atomic<Int>(0)
  /// Accesses between two drops of the mapping's pages.
  let releaseInterval: Int
  /// The directory the file is in (a copy goes beside it).
  private let directory: String
  /// Tests: every growth fails from now on, as on a full disk.
  private let growthFails = Atomic<Bool>(false)

  /// About how many bytes of elements stay resident at most (rule 2).
  static var releaseBytes: Int { 8 << 20 }

  /// An empty array in a new temporary file in `directory` (or else `/tmp`); nil when no file
  /// can be made or `Element` is not a plain value.
  init?(directory: String, releaseInterval: Int? = nil) {
    guard _isPOD(Element.self),
      let made = SpillFile.unlinkedTemporary(in: directory, prefix: ".transition-array-")
    else { return nil }
    descriptor = made.descriptor
    self.directory = made.directory
    self.releaseInterval = max(
      1, releaseInterval ?? Self.releaseBytes / max(1, MemoryLayout<Element>.stride))
  }

  deinit {
    unmap()
    close(descriptor)
  }

  /// Makes every later growth fail as on a full disk (tests).
  func simulateFullDisk() { growthFails.store(true, ordering: .relaxed) }

  /// Where the mapping begins (tests look its resident size up).
  var mappedAddress: UInt? { base.map { UInt(bitPattern: $0) } }

  /// The element at `index`.
  subscript(index: Int) -> Element {
    precondition(index >= 0 && index < count, "index \(index) out of range 0..<\(count)")
    touch()
    return base.unsafelyUnwrapped[index]
  }

  /// Changes the element at `index` in place.
  func modify(_ index: Int, _ body: (inout Element) -> Void) {
    precondition(index >= 0 && index < count, "index \(index) out of range 0..<\(count)")
    touch()
    body(&base.unsafelyUnwrapped[index])
  }

  /// Appends `elements`; false (and nothing appended) when the file cannot grow.
  func append(contentsOf elements: some Collection<Element>) -> Bool {
    let needed = count + elements.count
    if needed > capacity {
      guard grow(to: max(needed, capacity * 2, 4_096)) else { return false }
    }
    guard let base else { return elements.isEmpty }
    for element in elements {
      touch()
      (base + count).initialize(to: element)
      count += 1
    }
    return true
  }

  /// The elements in memory.
  func toArray() -> [Element] {
    guard let base, count > 0 else { return [] }
    var elements: [Element] = []
    elements.reserveCapacity(count)
    var start = 0
    while start < count {
      let end = min(count, start + releaseInterval)
      elements.append(contentsOf: UnsafeBufferPointer(start: base + start, count: end - start))
      release()
      start = end
    }
    return elements
  }

  /// A copy in a new file; nil when none can be made.
  func copy() -> MappedArray? {
    guard let copy = MappedArray(directory: directory, releaseInterval: releaseInterval) else {
      return nil
    }
    guard count > 0 else { return copy }
    guard copy.grow(to: count), let target = copy.base, let source = base else { return nil }
    var start = 0
    while start < count {
      let end = min(count, start + releaseInterval)
      (target + start).initialize(from: source + start, count: end - start)
      release()
      copy.release()
      start = end
    }
    copy.count = count
    return copy
  }

  /// Counts one access; drops the resident pages every `releaseInterval` (rule 2).
  @inline(__always) private func touch() {
    if accesses.wrappingAdd(1, ordering: .relaxed).newValue % releaseInterval == 0 {
      release()
    }
  }

  /// Drops the mapping's pages from the process; their content stays the file's.
  private func release() {
    guard let base, capacity > 0 else { return }
    _ = madvise(
      UnsafeMutableRawPointer(base), capacity * MemoryLayout<Element>.stride, MADV_DONTNEED)
  }

  /// Grows the file to `elements` and maps it again; false when it cannot.
  private func grow(to elements: Int) -> Bool {
    guard !growthFails.load(ordering: .relaxed) else { return false }
    let bytes = elements * MemoryLayout<Element>.stride
    guard posix_fallocate(descriptor, 0, off_t(bytes)) == 0 else { return false }
    guard let address = mmap(nil, bytes, PROT_READ | PROT_WRITE, MAP_SHARED, descriptor, 0),
      address != MAP_FAILED
    else { return false }
    unmap()
    base = address.bindMemory(to: Element.self, capacity: elements)
    capacity = elements
    return true
  }

  private func unmap() {
    guard let base else { return }
    munmap(UnsafeMutableRawPointer(base), capacity * MemoryLayout<Element>.stride)
    self.base = nil
  }
}

/// An array of plain values, in memory or in a mapped temporary file (`MappedArray`): the
/// replay's staff facts, so that it does not hold them all (see the rules above).
struct PagedArray<Element: Sendable>: RandomAccessCollection, Sendable {
  private var memory: [Element] = []
  private var file: MappedArray<Element>?

  /// An empty array in memory.
  init() {}

  /// `elements`, in memory.
  init(_ elements: [Element]) { memory = elements }

  /// An empty array in a temporary file in `directory` (or `/tmp`); in memory when no file
  /// can be made there.
  init(fileIn directory: String, releaseInterval: Int? = nil) {
    file = MappedArray(directory: directory, releaseInterval: releaseInterval)
  }

  /// Whether the elements are in a file (false once a full disk moved them to memory).
  var isInFile: Bool { file != nil }

  var startIndex: Int { 0 }
  var endIndex: Int { file?.count ?? memory.count }

  subscript(position: Int) -> Element {
    if let file { return file[position] }
    return memory[position]
  }

  /// The elements in memory (for an array in memory, without a copy).
  var elements: [Element] { file?.toArray() ?? memory }

  /// Appends `elements`; moves to memory when the file cannot grow (rule 3).
  mutating func append(contentsOf elements: some Collection<Element>) {
    if file != nil {
      makeFileUnique()
      if let file, file.append(contentsOf: elements) { return }
      moveToMemory()
    }
    memory.append(contentsOf: elements)
  }

  /// Appends `element`.
  mutating func append(_ element: Element) { append(contentsOf: CollectionOfOne(element)) }

  /// Changes the element at `position` in place.
  mutating func modify(_ position: Int, _ body: (inout Element) -> Void) {
    if file != nil {
      makeFileUnique()
      if let file { return file.modify(position, body) }
    }
    body(&memory[position])
  }

  /// Tests: makes every later growth of the file fail, as on a full disk.
  func simulateFullDisk() { file?.simulateFullDisk() }

  /// Tests: where the file's mapping begins; nil in memory.
  var firstElementAddress: UInt? { file?.mappedAddress }

  /// Copies the file if another array shares it (rule 4); moves to memory if it cannot.
  private mutating func makeFileUnique() {
    guard !isKnownUniquelyReferenced(&file), let shared = file else { return }
    if let copy = shared.copy() {
      file = copy
    } else {
      moveToMemory()
    }
  }

  private mutating func moveToMemory() {
    guard let file else { return }
    memory = file.toArray()
    self.file = nil
  }
}
