import CanonicalJSON

/// The encoding of one record line, byte for byte as `FORMAT.md` section 3 prescribes.
enum RecordLine {
  /// Appends the line of a record, without its `\n`, to `output`.
  static func append(
    seq: Int64, id: String, recorded: LogInstant, draft: RecordDraft, prev: SHA256Digest,
    to output: inout [UInt8]
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
  static func header(name: String, created: LogInstant) -> [UInt8] {
    var output: [UInt8] = []
    output.append(contentsOf: #"{"format":"#.utf8)
    CanonicalJSON.appendString(LogFormat.formatName, to: &output)
    output.append(contentsOf: #","version":"#.utf8)
    CanonicalJSON.appendInteger(LogFormat.version, to: &output)
    output.append(contentsOf: #","log":"#.utf8)
    CanonicalJSON.appendString(name, to: &output)
    output.append(contentsOf: #","created":""#.utf8)
    output.append(contentsOf: created.description.utf8)
    output.append(contentsOf: #""}"#.utf8)
    return output
  }
}
