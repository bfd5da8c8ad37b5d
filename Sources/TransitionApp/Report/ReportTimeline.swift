import TransitionDomain

/// The timeline chart: one lane per body (grouped by participant), per ondernemingsraad and per
/// milestone, with the valid day as a line.
enum ReportTimeline {
  /// One mark on a lane.
  struct Mark {
    enum Kind {
      /// A definitive decision (filled circle), an intended one (open circle), a proposal or
      /// other step (open square).
      case decision(definitive: Bool, intended: Bool)
      /// OR advice (triangle).
      case advice
      /// A milestone's first planned date (open diamond), replanned (open diamond, an arrow from
      /// the old date) or achieved (filled diamond).
      case planned
      case replanned(from: CalendarDay)
      case achieved
    }
    let day: CalendarDay
    let kind: Kind
    let label: String
    /// Recorded late (after records that rely on it): drawn with a ring and "!".
    let late: Bool
    /// The date as the source gave it when coarser than a day (`2024-03`, `voorjaar 2024`):
    /// drawn at its first day, written as given, never as an invented day.
    var given: String? = nil
  }

  /// One lane: a participant group, a name and its marks.
  struct Lane {
    let group: String
    let name: String
    let marks: [Mark]
  }

  /// The chart of `lanes` with the valid day `day` marked.
  static func svg(
    id: String, title: String, desc: String, lanes: [Lane], day: CalendarDay,
    language: ReportLanguage
  ) -> String {
    let laneHeight = 24
    let (left, right, top) = (240, 980, 50)
    let legendHeight = 40
    let height = top + laneHeight * lanes.count + legendHeight + 10
    var svg = ReportCharts.open(id: id, width: 1000, height: height, title: title, desc: desc)
    let allDays = lanes.flatMap { $0.marks.map(\.day) } + [day]
    guard let earliest = allDays.min(), let latest = allDays.max() else { return svg + "</svg>\n" }
    let first = CalendarDay(earliest.year, earliest.month <= 6 ? 1 : 7, 1)
    let lastDay = CalendarDay(
      latest.month <= 6 ? latest.year : latest.year + 1, latest.month <= 6 ? 7 : 1, 1)
    let span = Int64(max(1, lastDay.dayNumber - first.dayNumber))
    func x(_ day: CalendarDay) -> Int {
      left + ReportCharts.scale(Int64(day.dayNumber - first.dayNumber), of: span, to: right - left)
    }
    let bottom = top + laneHeight * lanes.count
    var tick = first
    while tick <= lastDay {
      svg +=
        "<line x1=\"\(x(tick))\" y1=\"\(top - 6)\" x2=\"\(x(tick))\" y2=\"\(bottom)\" class=\"grid\"/>\n"
      if tick.month == 1 || span < 3 * 365 {
        svg += ReportCharts.text(
          tick.month == 1 ? String(tick.year) : language.shortMonth(tick), x: x(tick), y: top - 10,
          anchor: "middle", className: "lbl small")
      }
      tick = CalendarDay(tick.month == 7 ? tick.year + 1 : tick.year, tick.month == 7 ? 1 : 7, 1)
    }
    var group = ""
    for (index, lane) in lanes.enumerated() {
      let y = top + index * laneHeight + laneHeight / 2
      if index % 2 == 0 {
        svg +=
          "<rect x=\"0\" y=\"\(y - laneHeight / 2)\" width=\"1000\" height=\"\(laneHeight)\" class=\"band\"/>\n"
      }
      if lane.group != group {
        group = lane.group
        svg +=
          "<line x1=\"0\" y1=\"\(y - laneHeight / 2)\" x2=\"1000\" y2=\"\(y - laneHeight / 2)\" class=\"axis\"/>\n"
        svg += ReportCharts.text(group, x: 4, y: y + 4, className: "lbl strong")
      }
      svg += ReportCharts.text(lane.name, x: left - 8, y: y + 4, anchor: "end")
      var labelEnd = Int.min
      let sorted = lane.marks.sorted(by: { ($0.day, $0.label) < ($1.day, $1.label) })
      for (position, mark) in sorted.enumerated() {
        let markX = x(mark.day)
        let nextX = position + 1 < sorted.count ? x(sorted[position + 1].day) : Int.max
        switch mark.kind {
        case .decision(let definitive, let intended):
          svg += ReportCharts.marker(
            intended || definitive ? 0 : 1, x: markX, y: y, size: 5,
            fill: definitive ? "#000" : "#fff")
        case .advice:
          svg += ReportCharts.marker(2, x: markX, y: y, size: 5, fill: "#fff")
        case .planned:
          svg += ReportCharts.marker(3, x: markX, y: y, size: 5, fill: "#fff")
        case .replanned(let from):
          svg +=
            "<line x1=\"\(x(from))\" y1=\"\(y)\" x2=\"\(markX - 7)\" y2=\"\(y)\" class=\"replan\"/>\n"
          svg +=
            "<path d=\"M\(markX - 7) \(y - 4)L\(markX - 1) \(y)L\(markX - 7) \(y + 4)Z\" fill=\"#000\"/>\n"
          svg += ReportCharts.marker(3, x: markX, y: y, size: 5, fill: "#fff")
        case .achieved:
          svg += ReportCharts.marker(3, x: markX, y: y, size: 5, fill: "#000")
        }
        if mark.late {
          svg += "<circle cx=\"\(markX)\" cy=\"\(y)\" r=\"9\" class=\"late\"/>\n"
        }
        let label = mark.label + (mark.late ? " !" : "")
        let width = 6 * label.count
        let style = mark.late ? "lbl small late" : "lbl small"
        // Right of the mark if that stays clear of the next mark, else left of it if clear of
        // the previous label, else right anyway; the table below the chart names every mark.
        if !label.isEmpty {
          if markX + 8 + width < nextX - 6 || markX - 8 - width <= labelEnd {
            if markX + 8 > labelEnd {
              svg += ReportCharts.text(label, x: markX + 8, y: y - 3, className: style)
              labelEnd = markX + 8 + width
            }
          } else {
            svg += ReportCharts.text(label, x: markX - 8, y: y - 3, anchor: "end", className: style)
            labelEnd = markX
          }
        }
      }
    }
    let dayX = x(day)
    svg +=
      "<line x1=\"\(dayX)\" y1=\"\(top - 20)\" x2=\"\(dayX)\" y2=\"\(bottom)\" class=\"today\"/>\n"
    svg += ReportCharts.text(
      language.day(day), x: dayX, y: top - 24, anchor: "middle", className: "lbl strong")
    let legendY = bottom + 24
    let legend: [(String, String)] = [
      (
        ReportCharts.marker(0, x: 10, y: legendY, size: 5, fill: "#000"),
        language.t("definitief besluit", "definitive decision")
      ),
      (
        ReportCharts.marker(0, x: 150, y: legendY, size: 5, fill: "#fff"),
        language.t("voorgenomen", "intended")
      ),
      (
        ReportCharts.marker(1, x: 260, y: legendY, size: 5, fill: "#fff"),
        language.t("voorstel", "proposal")
      ),
      (
        ReportCharts.marker(2, x: 360, y: legendY, size: 5, fill: "#fff"),
        language.t("OR-advies", "works council advice")
      ),
      (
        ReportCharts.marker(3, x: 530, y: legendY, size: 5, fill: "#fff"),
        language.t("gepland / herpland", "planned / replanned")
      ),
      (
        ReportCharts.marker(3, x: 700, y: legendY, size: 5, fill: "#000"),
        language.t("bereikt", "achieved")
      ),
      (
        "<circle cx=\"810\" cy=\"\(legendY)\" r=\"9\" class=\"late\"/>\n",
        language.t("! laat vastgelegd", "! recorded late")
      ),
    ]
    let offsets = [10, 150, 260, 360, 530, 700, 810]
    for (index, entry) in legend.enumerated() {
      svg +=
        entry.0
        + ReportCharts.text(entry.1, x: offsets[index] + 14, y: legendY + 4, className: "lbl small")
    }
    return svg + "</svg>\n"
  }
}
