extension ReportDocument {
  /// The style sheet: a readable page on screen, and A4 in print with a page break before each
  /// section, table headers repeated on every page and no chart cut in two.
  static let style = """
    :root { color-scheme: light; }
    * { box-sizing: border-box; }
    body { font-family: "DejaVu Sans", "Liberation Sans", Arial, Helvetica, sans-serif;
      font-size: 11pt; line-height: 1.4; color: #111; background: #fff; margin: 0 auto;
      max-width: 1060px; padding: 24px; }
    h1 { font-size: 26pt; margin: 4px 0 8px; }
    h2 { font-size: 17pt; border-bottom: 2px solid #111; padding-bottom: 4px; margin-top: 36px; }
    h3 { font-size: 13pt; margin: 22px 0 8px; }
    .kicker { text-transform: uppercase; letter-spacing: 0.12em; font-size: 10pt; margin: 0; }
    .subtitle { font-size: 14pt; margin: 0 0 18px; }
    .lead { font-size: 13pt; font-weight: bold; }
    dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 4px 18px; margin: 0 0 16px; }
    dl.facts dt { font-weight: bold; }
    dl.facts dd { margin: 0; overflow-wrap: anywhere; font-variant-numeric: tabular-nums; }
    pre.checkpoint { border: 1px solid #999; padding: 8px 12px; font-size: 10pt; white-space: pre-wrap;
      overflow-wrap: anywhere; }
    nav ol { columns: 2; }
    .note { color: #333; font-size: 10pt; }
    .ok { border-left: 5px solid #009E73; padding-left: 10px; }
    .warn, .late-note { border-left: 5px solid #D55E00; padding-left: 10px; font-weight: bold; }
    table { border-collapse: collapse; width: 100%; margin: 8px 0 16px; font-size: 9.5pt; }
    caption { text-align: left; font-weight: bold; padding: 4px 0; }
    th, td { border-bottom: 1px solid #bbb; padding: 3px 6px; text-align: left; vertical-align: top; }
    th { border-bottom: 2px solid #111; }
    td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
    table.compact { font-size: 8.5pt; }
    table.register { table-layout: fixed; }
    table.compact td:nth-child(2) { white-space: nowrap; }
    figure { margin: 12px 0; }
    figcaption { font-size: 9.5pt; text-align: center; }
    .pair { display: grid; grid-template-columns: 1fr 1fr; gap: 12px; }
    svg.chart { width: 100%; height: auto; display: block; }
    svg .lbl { font-family: "DejaVu Sans", Arial, sans-serif; font-size: 12px; fill: #111; }
    svg .small { font-size: 10px; }
    svg .strong { font-weight: bold; }
    svg .grid { stroke: #ccc; stroke-width: 1; }
    svg .axis { stroke: #111; stroke-width: 1; }
    svg .band { fill: #f2f2f2; }
    svg .today { stroke: #111; stroke-width: 2; stroke-dasharray: 6 3; }
    svg .replan { stroke: #111; stroke-width: 1.5; stroke-dasharray: 3 2; }
    svg .mark { stroke: #111; stroke-width: 3; }
    svg circle.late { fill: none; stroke: #D55E00; stroke-width: 2.5; }
    svg text.late { fill: #A33A00; font-weight: bold; }
    ol.findings li { margin-bottom: 12px; }
    section.empty { border: 2px solid #111; padding: 12px 18px; margin-top: 24px; }
    section.empty h2 { margin-top: 4px; }
    @page { size: A4; margin: 15mm 14mm; }
    @media print {
      body { max-width: none; padding: 0; font-size: 10pt; }
      section { break-before: page; }
      section.empty { break-before: auto; }
      h2, h3, caption { break-after: avoid; }
      figure, svg, tr, dl.facts, ol.findings li { break-inside: avoid; }
      thead { display: table-header-group; }
      nav a { color: inherit; text-decoration: none; }
      .pair { grid-template-columns: 1fr 1fr; }
    }

    """
}
