import CanonicalJSON

/// The encoding of one record line, byte for byte as `FORMAT.md` section 3 prescribes.
enum RecordLine {
  /// Appends the line of a record, without its `\n`, to `output`.
  ///
  /// `batch` marks the record as part `part` of `parts` of a batch (format v2); the last part
  /// carries the batch key, which commits the batch.
  static func append(
    seq: Int64, id: String, recorded: LogInstant, draft: RecordDraft, prev: SHA256Digest,
    batch: (part: Int, parts: Int, key: SHA256Digest)? = nil, to output: inout [UInt8]
  ) {
    output.append(contentsOf: #"{"seq":"#.utf8)
    CanonicalJSON.appendInteger(seq, to: &output)
    output.append(contentsOf: #","id":"#.utf8)
    CanonicalJSON.appendString(id, to: &output)
    output.append(contentsOf: #","recorded":""#.utf8)
    recorded.appendASCII(to: &output)
    output.append(contentsOf: #"","effective":""#.utf8)
    draft.effective.appendASCII(to: &output)
    output.append(contentsOf: #"","type":"#.utf8)
    CanonicalJSON.appendString(draft.type, to: &output)
    output.append(contentsOf: #","stream":"#.utf8)
    CanonicalJSON.appendString(draft.stream, to: &output)
    output.append(contentsOf: #","by":"#.utf8)
    CanonicalJSON.appendString(draft.by, to: &output)
    if let corrects = draft.corrects {
      output.append(contentsOf: #","corrects":"#.utf8)
      CanonicalJSON.appendInteger(corrects, to: &output)
    }
    if let batch {
      output.append(contentsOf: #","part":"#.utf8)
      CanonicalJSON.appendInteger(Int64(batch.part), to: &output)
      output.append(contentsOf: #","parts":"#.utf8)
      CanonicalJSON.appendInteger(Int64(batch.parts), to: &output)
      if batch.part == batch.parts {
        output.append(contentsOf: #","batch":""#.utf8)
        output.append(contentsOf: batch.key.hexString.utf8)
        output.append(UInt8(ascii: "\""))
      }
    }
    output.append(contentsOf: #","data":"#.utf8)
    output.append(contentsOf: draft.dataBytes)
    output.append(contentsOf: #","prev":""#.utf8)
    let hexStart = output.count
    output.append(contentsOf: repeatElement(0, count: 64))
    output.withUnsafeMutableBytes { buffer in
      prev.writeHex(to: UnsafeMutableRawBufferPointer(rebasing: buffer[hexStart..<(hexStart + 64)]))
    }
    output.append(contentsOf: #""}"#.utf8)
  }

  /// The header line, without its `\n`.
  static func header(
    name: String, created: LogInstant, version: Int64 = LogFormat.version
  ) -> [UInt8] {
    var output: [UInt8] = []
    output.append(contentsOf: #"{"format":"#.utf8)
    CanonicalJSON.appendString(LogFormat.formatName, to: &output)
    output.append(contentsOf: #","version":"#.utf8)
    CanonicalJSON.appendInteger(version, to: &output)
    output.append(contentsOf: #","log":"#.utf8)
    CanonicalJSON.appendString(name, to: &output)
    output.append(contentsOf: #","created":""#.utf8)
    output.append(contentsOf: created.description.utf8)
    output.append(contentsOf: #""}"#.utf8)
    return output
  }
}
