import CSHA256
import Dispatch

#if canImport(Glibc)
  import Glibc
#endif

/// How a read divides its work between threads.
public enum ReadConcurrency: Sendable, Equatable {
  /// One thread reads, hashes, parses and checks each line in turn (`ChainScan`).
  case sequential
  /// Two threads share the work in chunks of the file: whichever thread is free reads a chunk,
  /// splits it into lines, hashes every line (SHA-256 for the chain, and the Merkle leaf hash
  /// when verifying) and parses each line strictly; the calling thread then takes the chunks
  /// in file order, checks `seq`, `recorded` and `prev` line by line and calls the body. Every
  /// line gets exactly the checks of `.sequential` before the body sees it; at the first line
  /// that is not a plain valid record the read continues sequentially from there, so torn
  /// tails and damage are reported exactly as `.sequential` reports them.
  case pipelined
}

/// A chain scan on two threads (see `ReadConcurrency.pipelined`).
///
/// The file after the start offset is cut into fixed byte ranges; a chunk holds the lines that
/// start inside its range, so any thread can prepare any chunk without waiting for the one
/// before it. At most `slotCount` chunks are in memory at once, so memory is bounded whatever
/// the log's size.
struct PipelinedChainScan {
  let operations: any FileOperations
  let descriptor: Int32
  let path: String
  /// Whether to hash each line and check `prev`.
  var checkChain = true
  /// Whether to compute each line's RFC 6962 leaf hash, SHA-256(0x00 ‖ line), for the body.
  var hashLeaves = false
  /// Whether to compute each record's id key (`IDKey`) for the body, on the preparing thread.
  var keyIDs = false
  /// Bytes of the file per chunk.
  var chunkBytes = 2 << 20
  /// Chunks in memory at once.
  var slotCount = 4

  /// Reads records after `state` like `ChainScan.scanRecords`, calling `body` on this thread
  /// with each valid record and, if `hashLeaves`, its leaf hash (`.zero` otherwise).
  func scanRecords(
    continuing state: inout ChainState, stopAfterSeq: Int64? = nil,
    _ body: (RawRecord, SHA256Digest) throws -> Void
  ) throws -> TornTail? {
    try scanRecords(continuing: &state, stopAfterSeq: stopAfterSeq) { record, leaf, _ in
      try body(record, leaf)
    }
  }

  /// Reads records like `scanRecords(continuing:stopAfterSeq:_:)`; `body` also gets the
  /// record's id key if `keyIDs` (0 otherwise).
  func scanRecords(
    continuing state: inout ChainState, stopAfterSeq: Int64? = nil,
    _ body: (RawRecord, SHA256Digest, UInt64) throws -> Void
  ) throws -> TornTail? {
    let limit = try operations.size(descriptor)
    // The pipeline takes only the lines before an unfinished batch at the end; the
    // sequential scan below reports that batch (or any damage) exactly.
    let shape = try LineReader(operations: operations, descriptor: descriptor, path: path)
      .tailShape(from: state.endOffset, limit: limit)
    let pipeline = ChunkPipeline(
      operations: operations, descriptor: descriptor, start: state.endOffset,
      limit: shape.recordsEnd,
      chunkBytes: max(chunkBytes, 1 << 16), slotCount: max(slotCount, 2),
      hashChain: checkChain, hashLeaves: hashLeaves, keyIDs: keyIDs)
    pipeline.launchHelper()
    let handOver: Bool
    do {
      handOver = try consume(pipeline, &state, stopAfterSeq: stopAfterSeq, body)
    } catch {
      pipeline.stop()
      throw error
    }
    pipeline.stop()
    if !handOver { return nil }
    // The rest (a torn tail, damage, an overlong line, a read error) goes the sequential
    // way, which reports it exactly; on a clean log it finds nothing left to read.
    var scan = ChainScan(
      reader: LineReader(operations: operations, descriptor: descriptor, path: path))
    scan.checkChain = checkChain
    return try scan.scanRecords(continuing: &state, upTo: limit, stopAfterSeq: stopAfterSeq) {
      record in
      try body(
        record, hashLeaves ? MerkleTree.leafHash(record.line) : .zero,
        keyIDs ? IDKey.of(utf8: record.rawID) : 0)
    }
  }

  /// Checks the chunks in order; returns false if it stopped at `stopAfterSeq`, true if the
  /// rest of the file (possibly nothing) is for the sequential scan.
  private func consume(
    _ pipeline: ChunkPipeline, _ state: inout ChainState, stopAfterSeq: Int64?,
    _ body: (RawRecord, SHA256Digest, UInt64) throws -> Void
  ) throws -> Bool {
    // The hex of the previous line's SHA-256: what the next `prev` must be.
    let previousHex = UnsafeMutableRawBufferPointer.allocate(byteCount: 64, alignment: 8)
    defer { previousHex.deallocate() }
    state.headHash.writeHex(to: previousHex)
    var expectedHex = UnsafeRawPointer(previousHex.baseAddress.unsafelyUnwrapped)
    while let slot = pipeline.nextInOrder() {
      defer { pipeline.release(slot) }
      for index in 0..<slot.lineCount {
        let record = slot.records[index]
        guard record.seq == state.lastSeq + 1,
          state.lastRecorded.map({ record.recorded >= $0 }) ?? true,
          !checkChain || memcmp(record.prevHex.baseAddress.unsafelyUnwrapped, expectedHex, 64) == 0
        else { return true }
        var openBatch: ChainState.OpenBatch? = nil
        if record.batchPart != 0 || state.openBatch != nil {
          do {
            openBatch = try state.batchAfter(record)
          } catch {
            return true
          }
        }
        let leaf = hashLeaves ? SHA256Digest(loadingFrom: slot.leaves + 32 * index) : .zero
        let key = keyIDs ? slot.idKeys[index] : 0
        do {
          try body(record, leaf, key)
        } catch let defect as LineDefect {
          throw LogDamage(
            kind: .badRecord, path: path, lineNumber: record.lineNumber,
            byteOffset: record.byteOffset, reason: defect.reason)
        }
        state.openBatch = openBatch
        state.lastSeq = record.seq
        state.lastRecorded = record.recorded
        state.endOffset = record.byteOffset + Int64(record.line.count + 1)
        state.lastLineOffset = record.byteOffset
        if checkChain {
          // Kept current line by line: a hand-over to the sequential scan continues from it.
          state.headHash = SHA256Digest(loadingFrom: slot.digests + 32 * index)
          expectedHex = UnsafeRawPointer(slot.hex + 64 * index)
        }
        if let stop = stopAfterSeq, record.seq >= stop { return false }
      }
      if checkChain && slot.lineCount > 0 {
        let last = slot.lineCount - 1
        previousHex.baseAddress.unsafelyUnwrapped.copyMemory(
          from: slot.hex + 64 * last, byteCount: 64)
        expectedHex = UnsafeRawPointer(previousHex.baseAddress.unsafelyUnwrapped)
      }
      if slot.handOver { return true }
    }
    return true
  }
}

/// One chunk of the file: its bytes, its lines parsed, and their hashes.
final class ChunkSlot: @unchecked Sendable {
  let buffer: UnsafeMutableRawPointer
  let capacity: Int
  let records: UnsafeMutablePointer<RawRecord>
  let lineStarts: UnsafeMutablePointer<Int>
  let lineLengths: UnsafeMutablePointer<Int>
  let digests: UnsafeMutableRawPointer
  let hex: UnsafeMutableRawPointer
  let leaves: UnsafeMutableRawPointer
  let idKeys: UnsafeMutablePointer<UInt64>
  let maxLines: Int
  /// The lines prepared, all plain valid record lines.
  var lineCount = 0
  /// Whether the lines after these must be read sequentially: a line that does not parse,
  /// is shorter than any record or longer than the limit, the end of the file without a
  /// newline, or a read error.
  var handOver = false

  init(chunkBytes: Int, hashLeaves: Bool, keyIDs: Bool) {
    capacity = chunkBytes + Limits.lineBytesMax + 2
    // A line shorter than 64 bytes cannot be a record (its prev alone has 64 digits) and
    // ends the chunk, so this bounds the line count.
    maxLines = capacity / 65 + 1
    buffer = .allocate(byteCount: capacity, alignment: 64)
    records = .allocate(capacity: maxLines)
    lineStarts = .allocate(capacity: maxLines)
    lineLengths = .allocate(capacity: maxLines)
    digests = .allocate(byteCount: 32 * maxLines, alignment: 16)
    hex = .allocate(byteCount: 64 * maxLines, alignment: 16)
    leaves = .allocate(byteCount: hashLeaves ? 32 * maxLines : 32, alignment: 16)
    idKeys = .allocate(capacity: keyIDs ? maxLines : 1)
  }

  deinit {
    buffer.deallocate()
    records.deallocate()
    lineStarts.deallocate()
    lineLengths.deallocate()
    digests.deallocate()
    hex.deallocate()
    leaves.deallocate()
    idKeys.deallocate()
  }
}

/// The chunks, who prepares which, and the hand-over to the caller.
///
/// Chunk i covers the file bytes [start + i·C, start + (i+1)·C) and holds the lines that start
/// there; it lives in slot i mod K and may be prepared once chunk i - K has been consumed. The
/// helper thread prepares chunks in order; the caller takes them in order and, when the next
/// one is not ready, prepares the next unclaimed chunk itself rather than wait.
final class ChunkPipeline: @unchecked Sendable {
  private let operations: any FileOperations
  private let descriptor: Int32
  private let startOffset: Int64
  private let limit: Int64
  private let chunkBytes: Int
  private let hashChain: Bool
  private let hashLeaves: Bool
  private let keyIDs: Bool
  private let slots: [ChunkSlot]
  private let chunkCount: Int

  // Guarded by `mutex`.
  private var mutex = pthread_mutex_t()
  private var changed = pthread_cond_t()
  private var nextToClaim = 0
  private var nextToConsume = 0
  private var ready: [Bool]
  private var stopping = false
  private var helperRunning = false

  init(
    operations: any FileOperations, descriptor: Int32, start: Int64, limit: Int64,
    chunkBytes: Int, slotCount: Int, hashChain: Bool, hashLeaves: Bool, keyIDs: Bool
  ) {
    self.operations = operations
    self.descriptor = descriptor
    self.startOffset = start
    self.limit = limit
    self.chunkBytes = chunkBytes
    self.hashChain = hashChain
    self.hashLeaves = hashLeaves
    self.keyIDs = keyIDs
    let span = max(limit - start, 0)
    chunkCount = Int((span + Int64(chunkBytes) - 1) / Int64(chunkBytes))
    let slotCount = min(slotCount, max(chunkCount, 1))
    slots = (0..<slotCount).map { _ in
      ChunkSlot(chunkBytes: chunkBytes, hashLeaves: hashLeaves, keyIDs: keyIDs)
    }
    ready = [Bool](repeating: false, count: slotCount)
    pthread_mutex_init(&mutex, nil)
    pthread_cond_init(&changed, nil)
  }

  deinit {
    pthread_cond_destroy(&changed)
    pthread_mutex_destroy(&mutex)
  }

  /// Starts the helper thread if there is more than one chunk.
  func launchHelper() {
    guard chunkCount > 1 else { return }
    pthread_mutex_lock(&mutex)
    helperRunning = true
    pthread_mutex_unlock(&mutex)
    DispatchQueue.global(qos: .userInitiated).async { [self] in
      helperLoop()
    }
  }

  /// The next chunk in file order, prepared (by the helper or by this thread), or nil after
  /// the last one.
  func nextInOrder() -> ChunkSlot? {
    pthread_mutex_lock(&mutex)
    defer { pthread_mutex_unlock(&mutex) }
    while true {
      if nextToConsume >= chunkCount { return nil }
      let slotIndex = nextToConsume % slots.count
      if ready[slotIndex] { return slots[slotIndex] }
      if nextToClaim < chunkCount && nextToClaim < nextToConsume + slots.count {
        let chunk = nextToClaim
        nextToClaim += 1
        pthread_mutex_unlock(&mutex)
        prepare(chunk)
        pthread_mutex_lock(&mutex)
        ready[chunk % slots.count] = true
        pthread_cond_broadcast(&changed)
        continue
      }
      pthread_cond_wait(&changed, &mutex)
    }
  }

  /// Frees the slot of the chunk just consumed.
  func release(_ slot: ChunkSlot) {
    pthread_mutex_lock(&mutex)
    ready[nextToConsume % slots.count] = false
    nextToConsume += 1
    pthread_cond_broadcast(&changed)
    pthread_mutex_unlock(&mutex)
  }

  /// Stops the helper and waits until it has let go of every slot.
  func stop() {
    pthread_mutex_lock(&mutex)
    stopping = true
    pthread_cond_broadcast(&changed)
    while helperRunning { pthread_cond_wait(&changed, &mutex) }
    pthread_mutex_unlock(&mutex)
  }

  private func helperLoop() {
    pthread_mutex_lock(&mutex)
    while !stopping && nextToClaim < chunkCount {
      if nextToClaim >= nextToConsume + slots.count {
        pthread_cond_wait(&changed, &mutex)
        continue
      }
      let chunk = nextToClaim
      nextToClaim += 1
      pthread_mutex_unlock(&mutex)
      prepare(chunk)
      pthread_mutex_lock(&mutex)
      ready[chunk % slots.count] = true
      pthread_cond_broadcast(&changed)
    }
    helperRunning = false
    pthread_cond_broadcast(&changed)
    pthread_mutex_unlock(&mutex)
  }

  // MARK: - Preparing a chunk

  /// Reads chunk `chunk`, finds the lines that start in it, hashes and parses them.
  private func prepare(_ chunk: Int) {
    let slot = slots[chunk % slots.count]
    slot.lineCount = 0
    slot.handOver = false
    let rangeStart = startOffset + Int64(chunk) * Int64(chunkBytes)
    let rangeEnd = min(rangeStart + Int64(chunkBytes), limit)
    // Read one byte before the range (to see whether a line starts at its first byte) and
    // up to one maximal line after it (to finish the last line that starts inside it).
    let readStart = chunk == 0 ? rangeStart : rangeStart - 1
    let readEnd = min(rangeEnd + Int64(Limits.lineBytesMax) + 1, limit)
    let wanted = Int(readEnd - readStart)
    var count = 0
    while count < wanted {
      let target = UnsafeMutableRawBufferPointer(start: slot.buffer + count, count: wanted - count)
      guard let got = try? operations.read(descriptor, into: target, at: readStart + Int64(count))
      else { break }
      if got == 0 { break }
      count += got
    }
    let base = UnsafeRawPointer(slot.buffer)
    var lineStart: Int
    if chunk == 0 {
      lineStart = 0
    } else {
      guard count > 0, let newline = memchr(base, 0x0A, min(count, chunkBytes + 1)) else {
        // No line starts in this range (it lies inside one long line). If the read fell
        // short, the chunk before sees the problem and hands over.
        return
      }
      lineStart = UnsafeRawPointer(newline) - base + 1
    }
    let rangeLength = Int(rangeEnd - readStart)
    while lineStart < rangeLength {
      guard slot.lineCount < slot.maxLines,
        let newline = memchr(base + lineStart, 0x0A, count - lineStart)
      else {
        slot.handOver = true  // no newline: the end of the file, an overlong line, a short read
        break
      }
      let length = UnsafeRawPointer(newline) - base - lineStart
      if length < 64 || length > Limits.lineBytesMax {
        slot.handOver = true
        break
      }
      slot.lineStarts[slot.lineCount] = lineStart
      slot.lineLengths[slot.lineCount] = length
      slot.lineCount += 1
      lineStart += length + 1
    }
    hashLines(slot)
    parseLines(slot, readStart: readStart)
  }

  private func hashLines(_ slot: ChunkSlot) {
    guard slot.lineCount > 0 else { return }
    let base = UnsafeRawPointer(slot.buffer)
    if hashChain {
      tt_sha256_many(
        base.assumingMemoryBound(to: UInt8.self), slot.lineStarts, slot.lineLengths,
        slot.lineCount, slot.digests.assumingMemoryBound(to: UInt8.self))
      for index in 0..<slot.lineCount {
        HexDigits.write(from: slot.digests + 32 * index, to: slot.hex + 64 * index)
      }
    }
    if hashLeaves {
      for index in 0..<slot.lineCount {
        let line = UnsafeRawBufferPointer(
          start: base + slot.lineStarts[index], count: slot.lineLengths[index])
        MerkleTree.leafHash(line).store(to: slot.leaves + 32 * index)
      }
    }
  }

  /// Parses each line strictly; the first that does not parse ends the chunk's records.
  private func parseLines(_ slot: ChunkSlot, readStart: Int64) {
    let base = UnsafeRawPointer(slot.buffer)
    for index in 0..<slot.lineCount {
      let line = UnsafeRawBufferPointer(
        start: base + slot.lineStarts[index], count: slot.lineLengths[index])
      let offset = readStart + Int64(slot.lineStarts[index])
      guard let parsed = try? RecordLineParser.parse(line, lineNumber: 0, byteOffset: offset)
      else {
        slot.lineCount = index
        slot.handOver = true
        return
      }
      // A record on its right line has seq = line number - 1; the caller checks the seq.
      (slot.records + index).initialize(to: parsed.onLine(Int(clamping: parsed.seq) &+ 1))
      if keyIDs { slot.idKeys[index] = IDKey.of(utf8: parsed.rawID) }
    }
  }
}

/// Lowercase hexadecimal digits of digest bytes, by table.
enum HexDigits {
  /// The two ASCII digits of every byte value, as one little-endian UInt16.
  static let pairs: [UInt16] = (0..<256).map { value in
    let digits = Array("0123456789abcdef".utf8)
    return UInt16(digits[value >> 4]) | UInt16(digits[value & 15]) << 8
  }

  /// Writes the 64 hex digits of the 32 bytes at `source` to `target`.
  static func write(from source: UnsafeRawPointer, to target: UnsafeMutableRawPointer) {
    pairs.withUnsafeBufferPointer { table in
      for index in 0..<32 {
        target.storeBytes(
          of: table[Int(source.load(fromByteOffset: index, as: UInt8.self))],
          toByteOffset: 2 * index, as: UInt16.self)
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

extension RawRecord {
  /// The same record, placed on line `lineNumber`.
  func onLine(_ lineNumber: Int) -> RawRecord {
    RawRecord(
      line: line, lineNumber: lineNumber, byteOffset: byteOffset, seq: seq, recorded: recorded,
      effective: effective, corrects: corrects, batchPart: batchPart, batchParts: batchParts,
      batchKeyRange: batchKeyRange, idRange: idRange, typeRange: typeRange,
      streamRange: streamRange, byRange: byRange, dataRange: dataRange, prevRange: prevRange)
  }
}
