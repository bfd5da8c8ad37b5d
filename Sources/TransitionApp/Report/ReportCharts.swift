import TransitionDomain

/// The report's charts as inline SVG, in whole pixels (no floating point).
///
/// Every chart has a `<title>` and a `<desc>` and is followed by a table with its figures.
/// Series differ by line pattern and marker shape as well as by colour (a palette safe for
/// colour-blind readers), and carry direct labels, so a black-and-white print reads too.
enum ReportCharts {
  /// A palette that colour-blind readers tell apart (Okabe and Ito).
  static let colours = [
    "#0072B2", "#D55E00", "#009E73", "#CC79A7", "#E69F00", "#56B4E9", "#000000",
  ]
  /// Line patterns, one per series.
  static let dashes = ["", "8 4", "2 3", "10 3 2 3", "4 4", "1 2", "12 2"]

  /// The opening of an SVG with its title and description, `width` × `height`.
  static func open(id: String, width: Int, height: Int, title: String, desc: String) -> String {
    "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" role=\"img\" viewBox=\"0 0 \(width) \(height)\""
      + " aria-labelledby=\"\(id)-title \(id)-desc\">\n"
      + "<title id=\"\(id)-title\">\(HTMLText.escape(title))</title>\n"
      + "<desc id=\"\(id)-desc\">\(HTMLText.escape(desc))</desc>\n"
  }

  /// A text element.
  static func text(
    _ content: String, x: Int, y: Int, anchor: String = "start", className: String = "lbl"
  ) -> String {
    "<text x=\"\(x)\" y=\"\(y)\" text-anchor=\"\(anchor)\" class=\"\(className)\">"
      + HTMLText.escape(content) + "</text>\n"
  }

  /// A marker of `shape` (0 circle, 1 square, 2 triangle, 3 diamond, 4 cross) centred on x, y.
  static func marker(
    _ shape: Int, x: Int, y: Int, size: Int = 4, fill: String, stroke: String = "#000"
  ) -> String {
    let s = size
    switch shape % 5 {
    case 0:
      return "<circle cx=\"\(x)\" cy=\"\(y)\" r=\"\(s)\" fill=\"\(fill)\" stroke=\"\(stroke)\"/>\n"
    case 1:
      return "<rect x=\"\(x - s)\" y=\"\(y - s)\" width=\"\(2 * s)\" height=\"\(2 * s)\""
        + " fill=\"\(fill)\" stroke=\"\(stroke)\"/>\n"
    case 2:
      return "<polygon points=\"\(x),\(y - s - 1) \(x + s + 1),\(y + s) \(x - s - 1),\(y + s)\""
        + " fill=\"\(fill)\" stroke=\"\(stroke)\"/>\n"
    case 3:
      return
        "<polygon points=\"\(x),\(y - s - 1) \(x + s + 1),\(y) \(x),\(y + s + 1) \(x - s - 1),\(y)\""
        + " fill=\"\(fill)\" stroke=\"\(stroke)\"/>\n"
    default:
      return "<path d=\"M\(x - s) \(y - s)L\(x + s) \(y + s)M\(x - s) \(y + s)L\(x + s) \(y - s)\""
        + " stroke=\"\(stroke)\" stroke-width=\"2\"/>\n"
    }
  }

  /// `value` of `whole` scaled to `span` pixels, rounded down.
  static func scale(_ value: Int64, of whole: Int64, to span: Int) -> Int {
    guard whole > 0 else { return 0 }
    return Int(value * Int64(span) / whole)
  }

  /// A step that divides `maximum` into at most five round parts (1, 2 or 5 times a power of ten).
  static func niceStep(_ maximum: Int64) -> Int64 {
    var power: Int64 = 1
    while true {
      for factor: Int64 in [1, 2, 5] where factor * power * 5 >= maximum {
        return factor * power
      }
      power *= 10
    }
  }

  /// Label positions `wanted` (top to bottom) pushed apart to at least `gap` pixels.
  static func spread(_ wanted: [Int], gap: Int) -> [Int] {
    let order = wanted.indices.sorted { (wanted[$0], $0) < (wanted[$1], $1) }
    var result = wanted
    var last = Int.min / 2
    for index in order {
      result[index] = max(wanted[index], last + gap)
      last = result[index]
    }
    return result
  }

  /// One line of a line chart: a name and a value per day (nil where the view has none).
  struct Series {
    let name: String
    let values: [Int64?]
  }

  /// Lines over days: `values` in units `label` writes, one series per organisation, each with
  /// its own colour, dash and marker and a direct label at its end.
  static func lines(
    id: String, title: String, desc: String, days: [CalendarDay], series: [Series],
    language: ReportLanguage, label: (Int64) -> String
  ) -> String {
    let (width, height) = (540, 270)
    let (left, right, top, bottom) = (52, 410, 16, 236)
    var svg = open(id: id, width: width, height: height, title: title, desc: desc)
    guard let first = days.first, let last = days.last else { return svg + "</svg>\n" }
    let maximum = max(1, series.flatMap { $0.values.compactMap { $0 } }.max() ?? 1)
    let step = niceStep(maximum)
    let top0 = (maximum + step - 1) / step * step
    let span = Int64(max(1, last.dayNumber - first.dayNumber))
    func x(_ day: CalendarDay) -> Int {
      left + scale(Int64(day.dayNumber - first.dayNumber), of: span, to: right - left)
    }
    func y(_ value: Int64) -> Int { bottom - scale(value, of: top0, to: bottom - top) }
    var tick: Int64 = 0
    while tick <= top0 {
      svg +=
        "<line x1=\"\(left)\" y1=\"\(y(tick))\" x2=\"\(right)\" y2=\"\(y(tick))\" class=\"grid\"/>\n"
      svg += text(label(tick), x: left - 6, y: y(tick) + 4, anchor: "end")
      tick += step
    }
    let months = days.filter { $0.day == 1 }
    let every = max(1, (months.count + 3) / 4)
    for (index, month) in months.enumerated() where index % every == 0 {
      svg +=
        "<line x1=\"\(x(month))\" y1=\"\(bottom)\" x2=\"\(x(month))\" y2=\"\(bottom + 5)\" class=\"axis\"/>\n"
      svg += text(language.shortMonth(month), x: x(month), y: bottom + 18, anchor: "middle")
    }
    svg +=
      "<line x1=\"\(left)\" y1=\"\(bottom)\" x2=\"\(right)\" y2=\"\(bottom)\" class=\"axis\"/>\n"
    let ends = spread(series.map { y(($0.values.last ?? 0) ?? 0) }, gap: 14)
    for (index, line) in series.enumerated() {
      let colour = colours[index % colours.count]
      let dash = dashes[index % dashes.count]
      // One polyline per run of days the view has a value for.
      var runs: [[String]] = [[]]
      for (day, value) in zip(days, line.values) {
        if let value {
          runs[runs.count - 1].append("\(x(day)),\(y(value))")
        } else if !(runs.last ?? []).isEmpty {
          runs.append([])
        }
      }
      for run in runs where run.count > 1 {
        svg +=
          "<polyline points=\"\(run.joined(separator: " "))\" fill=\"none\" stroke=\"\(colour)\""
          + " stroke-width=\"2\"" + (dash.isEmpty ? "" : " stroke-dasharray=\"\(dash)\"") + "/>\n"
      }
      for (day, value) in zip(days, line.values) where day.day == 1 || day == last {
        if let value { svg += marker(index, x: x(day), y: y(value), size: 3, fill: colour) }
      }
      svg += marker(index, x: right + 12, y: ends[index] - 4, size: 4, fill: colour)
      svg += text(
        "\(line.name) " + ((line.values.last ?? nil).map(label) ?? "–"), x: right + 22,
        y: ends[index], className: "lbl strong")
    }
    return svg + "</svg>\n"
  }

  /// One bar of a bar chart: its segments (category, amount) and a mark (such as an estimate).
  struct Bar {
    let name: String
    let segments: [(category: Int, value: Int64)]
    let mark: Int64?
  }

  /// Horizontal stacked bars, segments filled with a pattern per category, the total written
  /// at the end of each bar and the mark drawn as a bold tick with its value.
  static func bars(
    id: String, title: String, desc: String, categories: [String], bars: [Bar],
    markName: String, label: (Int64) -> String
  ) -> String {
    let width = 900
    let (left, right, rowHeight) = (110, 660, 44)
    let legendHeight = 28 * ((categories.count + 2) / 3) + 10
    let height = legendHeight + rowHeight * bars.count + 10
    var svg = open(id: id, width: width, height: height, title: title, desc: desc)
    svg += "<defs>\n"
    for index in categories.indices {
      svg += pattern(id: "\(id)-p\(index)", index: index)
    }
    svg += "</defs>\n"
    for (index, category) in categories.enumerated() {
      let x = 10 + (index % 3) * 290
      let y = 8 + (index / 3) * 28
      svg +=
        "<rect x=\"\(x)\" y=\"\(y)\" width=\"28\" height=\"16\" fill=\"url(#\(id)-p\(index))\" stroke=\"#000\"/>\n"
      svg += text(category, x: x + 36, y: y + 13)
    }
    let maximum = max(
      1, bars.map { max($0.segments.map(\.value).reduce(0, +), $0.mark ?? 0) }.max() ?? 1)
    for (row, bar) in bars.enumerated() {
      let y = legendHeight + row * rowHeight
      svg += text(bar.name, x: left - 8, y: y + 20, anchor: "end", className: "lbl strong")
      var x = left
      var total: Int64 = 0
      for segment in bar.segments where segment.value > 0 {
        let length = max(1, scale(segment.value, of: maximum, to: right - left))
        svg +=
          "<rect x=\"\(x)\" y=\"\(y + 6)\" width=\"\(length)\" height=\"20\""
          + " fill=\"url(#\(id)-p\(segment.category))\" stroke=\"#000\"/>\n"
        x += length
        total += segment.value
      }
      if bar.segments.allSatisfy({ $0.value <= 0 }) {
        svg +=
          "<line x1=\"\(left)\" y1=\"\(y + 6)\" x2=\"\(left)\" y2=\"\(y + 26)\" class=\"axis\"/>\n"
      }
      svg += text(label(total), x: x + 8, y: y + 21)
      if let mark = bar.mark {
        let markX = left + scale(mark, of: maximum, to: right - left)
        svg +=
          "<line x1=\"\(markX)\" y1=\"\(y + 1)\" x2=\"\(markX)\" y2=\"\(y + 31)\" class=\"mark\"/>\n"
        svg += text(
          "\(markName) \(label(mark))", x: markX, y: y + 41, anchor: "middle",
          className: "lbl small")
      }
    }
    return svg + "</svg>\n"
  }

  /// A fill pattern that tells a category apart without colour: ten shapes (solid, hatched
  /// both ways, dotted, crossed, lined across and along, sparse dots, a grid, light), each in
  /// its own colour too.
  static func pattern(id: String, index: Int) -> String {
    let colour = colours[index % colours.count]
    let head =
      "<pattern id=\"\(id)\" patternUnits=\"userSpaceOnUse\" width=\"8\" height=\"8\">"
      + "<rect width=\"8\" height=\"8\" fill=\"#fff\"/>"
    let body: String
    switch index % 10 {
    case 0: body = "<rect width=\"8\" height=\"8\" fill=\"\(colour)\"/>"
    case 1:
      body = "<path d=\"M0 8L8 0M-2 2L2 -2M6 10L10 6\" stroke=\"\(colour)\" stroke-width=\"2.5\"/>"
    case 2: body = "<circle cx=\"4\" cy=\"4\" r=\"2\" fill=\"\(colour)\"/>"
    case 3: body = "<path d=\"M0 0L8 8M8 0L0 8\" stroke=\"\(colour)\" stroke-width=\"1.5\"/>"
    case 4: body = "<path d=\"M0 4H8\" stroke=\"\(colour)\" stroke-width=\"2.5\"/>"
    case 5:
      body = "<path d=\"M0 0L8 8M-2 6L2 10M6 -2L10 2\" stroke=\"\(colour)\" stroke-width=\"2.5\"/>"
    case 6: body = "<path d=\"M4 0V8\" stroke=\"\(colour)\" stroke-width=\"2.5\"/>"
    case 7: body = "<rect x=\"1\" y=\"1\" width=\"3\" height=\"3\" fill=\"\(colour)\"/>"
    case 8: body = "<path d=\"M0 0H8M0 0V8\" stroke=\"\(colour)\" stroke-width=\"2\"/>"
    default: body = "<rect width=\"8\" height=\"8\" fill=\"\(colour)\" fill-opacity=\"0.3\"/>"
    }
    return head + body + "</pattern>\n"
  }

  /// One destination of a flow chart.
  struct Flow {
    let name: String
    let detail: String
    let value: Int64
  }

  /// Where the FTE went: one band from the source to each destination, as wide as its FTE,
  /// each labelled at its end.
  static func flows(id: String, title: String, desc: String, source: String, flows: [Flow])
    -> String
  {
    let total = max(1, flows.map(\.value).reduce(0, +))
    let gap = 14
    let span = 300
    let height = span + gap * max(0, flows.count - 1) + 40
    var svg = open(id: id, width: 900, height: height, title: title, desc: desc)
    let (sourceX, targetX) = (150, 520)
    svg += "<rect x=\"\(sourceX - 16)\" y=\"20\" width=\"16\" height=\"\(span)\" fill=\"#555\"/>\n"
    svg += text(source, x: sourceX - 24, y: 20 + span / 2, anchor: "end", className: "lbl strong")
    var sourceY = 20
    var targetY = 20
    for (index, flow) in flows.enumerated() {
      let thickness = max(1, scale(flow.value, of: total, to: span))
      let colour = colours[index % colours.count]
      let (a, b) = (sourceY, targetY)
      let middle = (sourceX + targetX) / 2
      svg +=
        "<path d=\"M\(sourceX) \(a)C\(middle) \(a) \(middle) \(b) \(targetX) \(b)"
        + "L\(targetX) \(b + thickness)C\(middle) \(b + thickness) \(middle) \(a + thickness)"
        + " \(sourceX) \(a + thickness)Z\" fill=\"\(colour)\" fill-opacity=\"0.45\""
        + " stroke=\"\(colour)\"/>\n"
      svg +=
        "<rect x=\"\(targetX)\" y=\"\(b)\" width=\"16\" height=\"\(thickness)\" fill=\"url(#\(id)-p\(index))\" stroke=\"#000\"/>\n"
      svg += pattern(id: "\(id)-p\(index)", index: index)
      svg += text(flow.name, x: targetX + 24, y: b + thickness / 2 + 1, className: "lbl strong")
      svg += text(flow.detail, x: targetX + 24, y: b + thickness / 2 + 14, className: "lbl small")
      sourceY += thickness
      targetY += thickness + gap
    }
    return svg + "</svg>\n"
  }
}
