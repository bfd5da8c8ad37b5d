/// Allocation-free writing of days and instants, for the writer's hot path.
extension LogDay {
  /// Appends `YYYY-MM-DD` (the same bytes as `description`) to `output`.
  func appendASCII(to output: inout [UInt8]) {
    let (year, month, day) = civil
    ASCIIDigits.append(year, width: 4, to: &output)
    output.append(UInt8(ascii: "-"))
    ASCIIDigits.append(month, width: 2, to: &output)
    output.append(UInt8(ascii: "-"))
    ASCIIDigits.append(day, width: 2, to: &output)
  }
}

extension LogInstant {
  /// Appends `YYYY-MM-DDTHH:MM:SS.mmmZ` (the same bytes as `description`) to `output`.
  func appendASCII(to output: inout [UInt8]) {
    let milliseconds = millisecondsSinceEpoch.floorDivided(by: 86_400_000)
    let ofDay = Int(millisecondsSinceEpoch - milliseconds * 86_400_000)
    LogDay(daysSinceEpoch: milliseconds).appendASCII(to: &output)
    output.append(UInt8(ascii: "T"))
    ASCIIDigits.append(ofDay / 3_600_000, width: 2, to: &output)
    output.append(UInt8(ascii: ":"))
    ASCIIDigits.append(ofDay / 60_000 % 60, width: 2, to: &output)
    output.append(UInt8(ascii: ":"))
    ASCIIDigits.append(ofDay / 1000 % 60, width: 2, to: &output)
    output.append(UInt8(ascii: "."))
    ASCIIDigits.append(ofDay % 1000, width: 3, to: &output)
    output.append(UInt8(ascii: "Z"))
  }
}

extension ASCIIDigits {
  /// Appends `value` (0 or more) in decimal, left-padded with zeros to `width` digits.
  static func append(_ value: Int, width: Int, to output: inout [UInt8]) {
    var divisor = 1
    var digits = 1
    while digits < width || divisor * 10 <= value {
      divisor *= 10
      digits += 1
    }
    while divisor > 0 {
      output.append(UInt8(truncatingIfNeeded: 48 + value / divisor % 10))
      divisor /= 10
    }
  }
}
