import CSHA256
import Dispatch
import Synchronization

#if canImport(Glibc)
  import Glibc
#endif

/// How a read divides its work between threads.
public enum ReadConcurrency: Sendable, Equatable {
  /// One thread reads, hashes, parses and checks each line in turn (`ChainScan`).
  case sequential
  /// Two threads: a helper reads the file in chunks, splits them into lines and hashes every
  /// line (SHA-256 for the chain, and the Merkle leaf hash when verifying); the calling thread
  /// parses and checks each line against those hashes and calls the body. Every line gets
  /// exactly the checks of `.sequential`, in the same order, before the body sees it; at the
  /// first line that is not a plain valid record the read continues sequentially from there,
  /// so torn tails and damage are reported exactly as `.sequential` reports them.
  case pipelined
}

/// A chain scan on two threads: the helper hashes chunk k+1 while the caller checks chunk k.
///
/// Memory is bounded by `slotCount` chunks of `chunkBytes` plus their line tables; nothing is
/// kept from one chunk to the next but the chain state.
struct PipelinedChainScan {
  let operations: any FileOperations
  let descriptor: Int32
  let path: String
  /// Whether to hash each line and check `prev`.
  var checkChain = true
  /// Whether to compute each line's RFC 6962 leaf hash, SHA-256(0x00 ‖ line), for the body.
  var hashLeaves = false
  /// Bytes per chunk; more than one maximal line.
  var chunkBytes = 4 << 20
  /// Chunks in flight: one being checked, one hashed, one spare.
  var slotCount = 3

  /// Reads records after `state` like `ChainScan.scanRecords`, calling `body` with each valid
  /// record and, if `hashLeaves`, its leaf hash (`.zero` otherwise).
  func scanRecords(
    continuing state: inout ChainState, stopAfterSeq: Int64? = nil,
    _ body: (RawRecord, SHA256Digest) throws -> Void
  ) throws -> TornTail? {
    let limit = try operations.size(descriptor)
    let pipeline = ScanPipeline(
      operations: operations, descriptor: descriptor, start: state.endOffset, limit: limit,
      chunkBytes: max(chunkBytes, 2 * (Limits.lineBytesMax + 1)), slotCount: max(slotCount, 2),
      hashChain: checkChain, hashLeaves: hashLeaves)
    pipeline.launch()
    var handOver = true
    do {
      handOver = try consume(pipeline, &state, stopAfterSeq: stopAfterSeq, body)
    } catch {
      pipeline.finish()
      throw error
    }
    pipeline.finish()
    if !handOver { return nil }
    // The rest (a torn tail, damage, an overlong line, a read error) goes the sequential
    // way, which reports it exactly; on a clean log it finds nothing left to read.
    var scan = ChainScan(
      reader: LineReader(operations: operations, descriptor: descriptor, path: path))
    scan.checkChain = checkChain
    return try scan.scanRecords(continuing: &state, stopAfterSeq: stopAfterSeq) { record in
      try body(record, hashLeaves ? MerkleTree.leafHash(record.line) : .zero)
    }
  }

  /// Checks the chunks as they come; returns false if it stopped at `stopAfterSeq`, true if
  /// the rest of the file (possibly nothing) is for the sequential scan.
  private func consume(
    _ pipeline: ScanPipeline, _ state: inout ChainState, stopAfterSeq: Int64?,
    _ body: (RawRecord, SHA256Digest) throws -> Void
  ) throws -> Bool {
    while let slot = pipeline.nextFilled() {
      let base = UnsafeRawPointer(slot.buffer)
      for index in 0..<slot.lineCount {
        let start = slot.lineStarts[index]
        let length = slot.lineLengths[index]
        let line = UnsafeRawBufferPointer(start: base + start, count: length)
        let offset = slot.fileOffset + Int64(start)
        let lineNumber = Int(state.lastSeq) + 2
        guard
          let record = try? RecordLineParser.parse(
            line, lineNumber: lineNumber, byteOffset: offset),
          record.seq == state.lastSeq + 1,
          state.lastRecorded.map({ record.recorded >= $0 }) ?? true,
          !checkChain || state.headHash.matchesHex(record.prevHex)
        else {
          pipeline.release(slot)
          return true
        }
        let digest =
          checkChain
          ? SHA256Digest(loadingFrom: UnsafeRawPointer(slot.digests + 32 * index)) : .zero
        let leaf =
          hashLeaves ? SHA256Digest(loadingFrom: UnsafeRawPointer(slot.leaves + 32 * index)) : .zero
        do {
          try body(record, leaf)
        } catch let defect as LineDefect {
          pipeline.release(slot)
          throw LogDamage(
            kind: .badRecord, path: path, lineNumber: lineNumber, byteOffset: offset,
            reason: defect.reason)
        }
        state.lastSeq = record.seq
        if checkChain { state.headHash = digest }
        state.lastRecorded = record.recorded
        state.endOffset = offset + Int64(length + 1)
        state.lastLineOffset = offset
        if let stop = stopAfterSeq, record.seq >= stop {
          pipeline.release(slot)
          return false
        }
      }
      let handOver = slot.handOver
      pipeline.release(slot)
      if handOver { return true }
    }
    return true
  }
}

/// One chunk of the file with its lines and their hashes.
final class ScanSlot: @unchecked Sendable {
  let buffer: UnsafeMutableRawPointer
  let capacity: Int
  let lineStarts: UnsafeMutablePointer<Int>
  let lineLengths: UnsafeMutablePointer<Int>
  let digests: UnsafeMutablePointer<UInt8>
  let leaves: UnsafeMutablePointer<UInt8>
  let maxLines: Int
  /// The file offset of `buffer[0]`.
  var fileOffset: Int64 = 0
  var lineCount = 0
  /// Whether the lines after this chunk's must be read sequentially (end of file with bytes
  /// left, an overlong or implausibly short line, or a read error).
  var handOver = false

  init(capacity: Int, hashLeaves: Bool) {
    self.capacity = capacity
    // A line shorter than 64 bytes cannot be a record (its prev alone has 64 digits), and
    // the producer hands such a line to the sequential scan, so this bounds the line count.
    maxLines = capacity / 64 + 1
    buffer = UnsafeMutableRawPointer.allocate(byteCount: capacity, alignment: 64)
    lineStarts = .allocate(capacity: maxLines)
    lineLengths = .allocate(capacity: maxLines)
    digests = .allocate(capacity: 32 * maxLines)
    leaves = .allocate(capacity: hashLeaves ? 32 * maxLines : 32)
  }

  deinit {
    buffer.deallocate()
    lineStarts.deallocate()
    lineLengths.deallocate()
    digests.deallocate()
    leaves.deallocate()
  }
}

/// The helper thread and the hand-over of chunks between it and the caller.
final class ScanPipeline: @unchecked Sendable {
  private let operations: any FileOperations
  private let descriptor: Int32
  private let startOffset: Int64
  private let limit: Int64
  private let hashChain: Bool
  private let hashLeaves: Bool
  private let slots: [ScanSlot]
  private let free: DispatchSemaphore
  private let filled = DispatchSemaphore(value: 0)
  private let done = DispatchSemaphore(value: 0)
  /// Set by the caller to stop the helper early; read by the helper after each wait.
  private let stopping = Atomic<Bool>(false)
  private var consumed = 0
  private var started = false
  /// How many chunks the helper posted; the last one ends the stream.
  private var posted = 0
  private var finished = false

  init(
    operations: any FileOperations, descriptor: Int32, start: Int64, limit: Int64,
    chunkBytes: Int, slotCount: Int, hashChain: Bool, hashLeaves: Bool
  ) {
    self.operations = operations
    self.descriptor = descriptor
    self.startOffset = start
    self.limit = limit
    self.hashChain = hashChain
    self.hashLeaves = hashLeaves
    slots = (0..<slotCount).map { _ in ScanSlot(capacity: chunkBytes, hashLeaves: hashLeaves) }
    free = DispatchSemaphore(value: slotCount)
  }

  func launch() {
    started = true
    DispatchQueue.global(qos: .userInitiated).async { [self] in
      produce()
      done.signal()
    }
  }

  /// The next chunk, or nil when the helper has posted its last one.
  func nextFilled() -> ScanSlot? {
    if finished { return nil }
    filled.wait()
    let slot = slots[consumed % slots.count]
    consumed += 1
    if slot.lineCount < 0 {
      finished = true
      return nil
    }
    return slot
  }

  /// Gives a chunk back to the helper.
  func release(_ slot: ScanSlot) {
    if slot.handOver { finished = true }
    free.signal()
  }

  /// Stops the helper and waits for it; after this no thread touches the slots.
  func finish() {
    guard started else { return }
    started = false
    stopping.store(true, ordering: .releasing)
    free.signal()
    done.wait()
  }

  private func produce() {
    var offset = startOffset
    var index = 0
    while true {
      free.wait()
      if stopping.load(ordering: .acquiring) { return }
      let slot = slots[index % slots.count]
      index += 1
      fill(slot, from: offset)
      if slot.lineCount == 0 && !slot.handOver {
        slot.lineCount = -1  // the end of the stream
        filled.signal()
        return
      }
      if slot.lineCount > 0 {
        let last = slot.lineCount - 1
        offset = slot.fileOffset + Int64(slot.lineStarts[last] + slot.lineLengths[last] + 1)
      }
      hash(slot)
      let last = slot.handOver
      filled.signal()
      if last { return }
    }
  }

  /// Reads as much as fits from `offset` and finds the complete lines.
  private func fill(_ slot: ScanSlot, from offset: Int64) {
    slot.fileOffset = offset
    slot.lineCount = 0
    slot.handOver = false
    var count = 0
    let wanted = Int(min(Int64(slot.capacity), limit - offset))
    while count < wanted {
      let buffer = UnsafeMutableRawBufferPointer(start: slot.buffer + count, count: wanted - count)
      guard let got = try? operations.read(descriptor, into: buffer, at: offset + Int64(count))
      else {
        slot.handOver = true
        break
      }
      if got == 0 { break }
      count += got
    }
    let base = UnsafeRawPointer(slot.buffer)
    var lineStart = 0
    while lineStart < count && slot.lineCount < slot.maxLines {
      guard let newline = memchr(base + lineStart, 0x0A, count - lineStart) else { break }
      let lineEnd = UnsafeRawPointer(newline) - base
      let length = lineEnd - lineStart
      if length < 64 || length > Limits.lineBytesMax {
        slot.handOver = true
        return
      }
      slot.lineStarts[slot.lineCount] = lineStart
      slot.lineLengths[slot.lineCount] = length
      slot.lineCount += 1
      lineStart = lineEnd + 1
    }
    // Bytes left with no complete line among them: the end of the file without a newline,
    // or a line longer than a chunk. Either way not for this fast path.
    if slot.lineCount == 0 && lineStart < count { slot.handOver = true }
    if offset + Int64(lineStart) < limit && count < wanted { slot.handOver = true }
  }

  private func hash(_ slot: ScanSlot) {
    guard slot.lineCount > 0 else { return }
    let base = UnsafeRawPointer(slot.buffer)
    if hashChain {
      tt_sha256_many(
        base.assumingMemoryBound(to: UInt8.self), slot.lineStarts, slot.lineLengths,
        slot.lineCount, slot.digests)
    }
    if hashLeaves {
      for index in 0..<slot.lineCount {
        let line = UnsafeRawBufferPointer(
          start: base + slot.lineStarts[index], count: slot.lineLengths[index])
        MerkleTree.leafHash(line).store(to: UnsafeMutableRawPointer(slot.leaves + 32 * index))
      }
    }
  }
}

extension SHA256Digest {
  /// Writes the 32 digest bytes, first byte first, to `target` (need not be aligned).
  func store(to target: UnsafeMutableRawPointer) {
    target.storeBytes(of: w0.bigEndian, toByteOffset: 0, as: UInt64.self)
    target.storeBytes(of: w1.bigEndian, toByteOffset: 8, as: UInt64.self)
    target.storeBytes(of: w2.bigEndian, toByteOffset: 16, as: UInt64.self)
    target.storeBytes(of: w3.bigEndian, toByteOffset: 24, as: UInt64.self)
  }
}
