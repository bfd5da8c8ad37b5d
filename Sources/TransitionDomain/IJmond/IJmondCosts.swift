/// Appendix D of the IJmond scenario: keys, cost lines and their corrections (illustrative).
enum IJmondCosts {
  static let keyV1 = [
    KeyShare("BEV", pct("28.00")), KeyShare("HKK", pct("26.00")), KeyShare("VLS", pct("46.00")),
  ]
  static let keyV2 = [
    KeyShare("BEV", pct("27.79")), KeyShare("HKK", pct("26.25")), KeyShare("VLS", pct("45.96")),
  ]

  /// line | category | description | amount | key (1, 2, d) | funding (I, P, O) | BEV | HKK | VLS.
  static let lineTable = """
    K01|projectorganisatie|projectorganisatie/kwartiermaker 2025-H2|142000.00|1|I|39760.00|36920.00|65320.00
    K02|projectorganisatie|projectorganisatie Q1 2026|96000.00|1|I|26880.00|24960.00|44160.00
    K03|advies|juridisch/HR-advies sociaal plan & plaatsingsprocedure|61500.00|1|P|17220.00|15990.00|28290.00
    K04|projectorganisatie|projectorganisatie Q2 2026|88000.00|1|I|24640.00|22880.00|40480.00
    K06|ICT|ICT: migratie klantdossiers en koppelingen|178000.00|d|O|58000.00|49000.00|71000.00
    K07|opleiding|inwerken/opleiding overgekomen medewerkers|63000.00|d|O|21000.00|17500.00|24500.00
    K09|huisvesting|werkplekken/huisvesting|85000.00|d|O|28000.00|21000.00|36000.00
    K08|dubbele overhead|dubbele overheadlasten IJW! jan-sep 2026|360000.00|1|I|100800.00|93600.00|165600.00
    K05|boventalligheid|loonkosten boventallige medewerkers H2 2026 (E046, E055)|72000.00|2|P|20008.80|18900.00|33091.20
    K10|projectorganisatie|projectorganisatie H2 2026|121000.00|2|I|33625.90|31762.50|55611.60
    K11|sociaal plan|sociaal plan 2026: salarisgaranties, VWNW-budgetten|164000.00|2|P|45575.60|43050.00|75374.40
    K18|dubbele overhead|dubbele overheadlasten IJW! Q4 2026|130000.00|2|I|36127.00|34125.00|59748.00
    K17|advies|advies herinrichting achterblijvend deel IJW!|40000.00|2|I|11116.00|10500.00|18384.00
    K12|dubbele overhead|dubbele overheadlasten IJW! H1 2027|410000.00|2|I|113939.00|107625.00|188436.00
    K13|vertrekregeling|vertrekregeling E055|58000.00|2|P|16118.20|15225.00|26656.80
    K14|boventalligheid|loonkosten boventallige medewerkers 2027 (E046 Jan, E055 Jan-Jun)|38000.00|2|P|10560.20|9975.00|17464.80
    K16|dubbele overhead|dubbele overheadlasten IJW! afbouw H2 2027 (accrued to year end)|150000.00|2|I|41685.00|39375.00|68940.00
    K19|sociaal plan|sociaal plan 2027: salarisgaranties|96000.00|2|P|26678.40|25200.00|44121.60
    """

  /// IJM-099: correcting line | corrected line | BEV | HKK | VLS.
  static let correctionTable = """
    K01-R|K01|-298.20|355.00|-56.80
    K02-R|K02|-201.60|240.00|-38.40
    K03-R|K03|-129.15|153.75|-24.60
    K04-R|K04|-184.80|220.00|-35.20
    K08-R|K08|-756.00|900.00|-144.00
    """

  static func pct(_ text: String) -> Percentage {
    guard let value = Percentage(parsing: text) else { preconditionFailure("bad % \(text)") }
    return value
  }

  static func euros(_ text: String) -> Money {
    guard let value = Money(parsingEuros: text) else { preconditionFailure("bad amount \(text)") }
    return value
  }

  static func charged(_ row: [String], from index: Int) -> [OrganisationAmount] {
    [
      OrganisationAmount("BEV", euros(row[index])),
      OrganisationAmount("HKK", euros(row[index + 1])),
      OrganisationAmount("VLS", euros(row[index + 2])),
    ]
  }

  /// The cost lines with these ids, in table order.
  static func lines(_ ids: [String]) -> [CostLine] {
    IJmondStaff.rows(lineTable).filter { ids.contains($0[0]) }.map { row in
      let funding: FundingSource =
        switch row[5] {
        case "I": .impulsbudget
        case "P": .integratieUitkering
        default: .eigenIntegratieUitkering
        }
      let direct = row[4] == "d"
      return CostLine(
        line: CostLineID(row[0]), category: CostCategory(rawValue: row[1]) ?? .advies,
        description: row[2], amount: euros(row[3]), allocation: direct ? .direct : .key,
        keyVersion: direct ? nil : Int(row[4]), charged: charged(row, from: 6), funding: funding,
        bookedBy: "VLS")
    }
  }

  /// The correcting line `id` of IJM-099 (reverse v1, rebook v2), funded as the line it corrects.
  static func correction(_ id: String) -> CostCorrectionLine {
    guard let row = IJmondStaff.rows(correctionTable).first(where: { $0[0] == id }),
      let original = lines([row[1]]).first
    else { preconditionFailure("no correction \(id)") }
    return CostCorrectionLine(
      line: CostLineID(row[0]), corrects: CostLineID(row[1]), amount: .zero, allocation: .key,
      keyVersion: 2, charged: charged(row, from: 2), funding: original.funding, bookedBy: "VLS")
  }
}
