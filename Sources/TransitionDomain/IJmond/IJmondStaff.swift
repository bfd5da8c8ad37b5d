/// Appendix A and B of the IJmond scenario as data (all illustrative).
enum IJmondStaff {
  /// Appendix A: employee | function | team | hours | contract fte | RI fte | contract.
  static let baselineTable = """
    E001|werkconsulent|BEV|36|1.00|1.00|o
    E002|werkconsulent|BEV|32|0.89|0.89|o
    E003|werkconsulent|BEV|28|0.78|0.78|o
    E004|werkconsulent|BEV|36|1.00|1.00|o
    E005|werkconsulent|BEV|32|0.89|0.89|o
    E006|werkconsulent|BEV|24|0.67|0.67|o
    E007|werkconsulent|BEV|36|1.00|1.00|o
    E008|werkconsulent|BEV|20|0.56|0.56|o
    E009|werkconsulent|HKK|36|1.00|1.00|o
    E010|werkconsulent|HKK|32|0.89|0.89|o
    E011|werkconsulent|HKK|28|0.78|0.78|o
    E012|werkconsulent|HKK|32|0.89|0.89|o
    E013|werkconsulent|HKK|36|1.00|1.00|o
    E014|werkconsulent|HKK|24|0.67|0.67|o
    E015|werkconsulent|HKK|22|0.61|0.61|o
    E016|werkconsulent|VLS|36|1.00|1.00|o
    E017|werkconsulent|VLS|32|0.89|0.89|o
    E018|werkconsulent|VLS|36|1.00|1.00|o
    E019|werkconsulent|VLS|28|0.78|0.78|o
    E020|werkconsulent|VLS|32|0.89|0.89|o
    E021|werkconsulent|VLS|36|1.00|1.00|o
    E022|werkconsulent|VLS|32|0.89|0.89|o
    E023|werkconsulent|VLS|33|0.92|0.92|o
    E024|teamleider (werkcoaches)|IJW|36|1.00|1.00|o
    E025|teamleider (jobcoaching & WSP)|IJW|36|1.00|1.00|o
    E026|teamleider (trajecten / De Passage)|IJW|32|0.89|0.89|o
    E027|jobcoach|IJW|36|1.00|1.00|o
    E028|jobcoach|IJW|32|0.89|0.89|o
    E029|jobcoach|IJW|32|0.89|0.89|o
    E030|jobcoach|IJW|28|0.78|0.78|o
    E031|jobcoach|IJW|36|1.00|1.00|o
    E032|jobcoach|IJW|24|0.67|0.67|o
    E033|jobcoach|IJW|32|0.89|0.89|o
    E034|jobcoach|IJW|28|0.78|0.78|o
    E035|jobcoach|IJW|32|0.89|0.89|o
    E036|jobcoach|IJW|20|0.56|0.56|o
    E037|werkgeversadviseur|IJW|36|1.00|1.00|o
    E038|werkgeversadviseur|IJW|36|1.00|1.00|o
    E039|werkgeversadviseur|IJW|32|0.89|0.89|o
    E040|werkgeversadviseur|IJW|32|0.89|0.89|o
    E041|werkgeversadviseur|IJW|28|0.78|0.78|o
    E042|trainer|IJW|32|0.89|0.89|o
    E043|trainer|IJW|24|0.67|0.67|o
    E044|trainer|IJW|28|0.78|0.78|o
    E045|trajectbegeleider De Passage|IJW|32|0.89|0.89|o
    E046|trajectbegeleider De Passage|IJW|28|0.78|0.78|o
    E047|trajectbegeleider De Passage|IJW|32|0.89|0.89|o
    E048|verbindingsofficier|IJW|32|0.89|0.89|o
    E049|kwaliteitsmedewerker re-integratie|IJW|36|1.00|1.00|o
    E050|administratief medewerker (bedrijfsbureau)|IJW|32|0.89|0.46|o
    E051|administratief medewerker (bedrijfsbureau)|IJW|32|0.89|0.89|o
    E052|administratief medewerker (bedrijfsbureau)|IJW|28|0.78|0.78|b2026-12-31
    E053|administratief medewerker (bedrijfsbureau)|IJW|24|0.67|0.67|o
    E054|administratief medewerker (bedrijfsbureau)|IJW|26|0.72|0.72|o
    E055|applicatiebeheerder klantsysteem|IJW|32|0.89|0.89|o
    """

  /// Appendix B: line | employee | to | function before | function after | fte | voorgenomen.
  static let moveTable = """
    T-B-01|E001|BEV|werkconsulent|klantmanager werk|1.00|BEV
    T-B-02|E002|BEV|werkconsulent|klantmanager werk|0.89|BEV
    T-B-03|E003|BEV|werkconsulent|klantmanager werk|0.78|BEV
    T-B-04|E004|BEV|werkconsulent|klantmanager werk|1.00|BEV
    T-B-05|E005|BEV|werkconsulent|klantmanager werk|0.89|BEV
    T-B-06|E006|BEV|werkconsulent|klantmanager werk|0.67|BEV
    T-B-07|E008|BEV|werkconsulent|klantmanager werk|0.56|BEV
    T-B-08|E017|BEV|werkconsulent|klantmanager werk|0.89|VLS
    T-B-09|E025|BEV|teamleider (jobcoaching & WSP)|teamleider werk|1.00|BEV
    T-B-10|E027|BEV|jobcoach|jobcoach|1.00|BEV
    T-B-11|E028|BEV|jobcoach|jobcoach|0.89|BEV
    T-B-12|E037|BEV|werkgeversadviseur|werkgeversadviseur|1.00|BEV
    T-B-13|E042|BEV|trainer|trainer|0.89|BEV
    T-B-14|E052|BEV|administratief medewerker (bedrijfsbureau)|administratief medewerker werk & inkomen|0.78|BEV
    T-H-01|E009|HKK|werkconsulent|adviseur werk|1.00|HKK
    T-H-02|E010|HKK|werkconsulent|adviseur werk|0.89|HKK
    T-H-03|E011|HKK|werkconsulent|adviseur werk|0.78|HKK
    T-H-04|E012|HKK|werkconsulent|adviseur werk|0.89|HKK
    T-H-05|E013|HKK|werkconsulent|adviseur werk|1.00|HKK
    T-H-06|E014|HKK|werkconsulent|adviseur werk|0.67|HKK
    T-H-07|E015|HKK|werkconsulent|adviseur werk|0.61|HKK
    T-H-08|E026|HKK|teamleider (trajecten / De Passage)|teamleider werk|0.89|HKK
    T-H-09|E029|HKK|jobcoach|jobcoach|0.89|HKK
    T-H-10|E030|HKK|jobcoach|jobcoach|0.78|HKK
    T-H-11|E041|HKK|werkgeversadviseur|werkgeversadviseur|0.78|HKK
    T-H-12|E043|HKK|trainer|trainer|0.67|HKK
    T-H-13|E048|HKK|verbindingsofficier|adviseur werk & sociaal domein|0.89|HKK
    T-H-14|E053|HKK|administratief medewerker (bedrijfsbureau)|administratief medewerker werk & inkomen|0.67|HKK
    T-V-01|E016|VLS|werkconsulent|consulent werk|1.00|VLS
    T-V-02|E018|VLS|werkconsulent|consulent werk|1.00|VLS
    T-V-03|E019|VLS|werkconsulent|consulent werk|0.78|VLS
    T-V-04|E020|VLS|werkconsulent|consulent werk|0.89|VLS
    T-V-05|E021|VLS|werkconsulent|consulent werk|1.00|VLS
    T-V-06|E022|VLS|werkconsulent|consulent werk|0.89|VLS
    T-V-07|E023|VLS|werkconsulent|consulent werk|0.92|VLS
    T-V-08|E032|VLS|jobcoach|jobcoach|0.67|VLS
    T-V-09|E033|VLS|jobcoach|jobcoach|0.89|VLS
    T-V-10|E036|VLS|jobcoach|jobcoach|0.56|VLS
    T-V-11|E038|VLS|werkgeversadviseur|werkgeversadviseur|1.00|VLS
    T-V-12|E039|VLS|werkgeversadviseur|werkgeversadviseur|0.89|VLS
    T-V-13|E047|VLS|trajectbegeleider De Passage|trajectbegeleider|0.89|VLS
    T-V-14|E049|VLS|kwaliteitsmedewerker re-integratie|kwaliteitsmedewerker werk & inkomen|1.00|VLS
    T-V-15|E054|VLS|administratief medewerker (bedrijfsbureau)|administratief medewerker werk & inkomen|0.72|VLS
    T-V-16|E046|VLS|trajectbegeleider De Passage|trajectbegeleider|0.78|none
    """

  static func rows(_ table: String) -> [[String]] {
    table.split(separator: "\n").map { $0.split(separator: "|").map(String.init) }
  }

  static func fte(_ text: String) -> FTE {
    guard let value = FTE(parsing: text) else { preconditionFailure("bad FTE \(text)") }
    return value
  }

  static let baselineMembers: [BaselineMember] = rows(baselineTable).map { row in
    let fixedEnd = row[6].hasPrefix("b") ? CalendarDay(parsing: String(row[6].dropFirst())) : nil
    return BaselineMember(
      employee: EmployeeID(row[0]), function: row[1], team: row[2], employer: "IJW",
      contractHours: Int(row[3]) ?? 0, normHours: 36, contractFTE: fte(row[4]),
      allocatedFTE: fte(row[5]), cao: "Cao SGO",
      contractType: fixedEnd == nil ? .onbepaaldeTijd : .bepaaldeTijd, contractEnd: fixedEnd)
  }

  /// The move lines of one batch (line prefix `T-B`, `T-H`, `T-V` or exactly `T-V-16`).
  static func moves(prefix: String, decisions: [DecisionID], orAdvice: [String]) -> [TransferLine] {
    rows(moveTable).filter { $0[0].hasPrefix(prefix) && ($0[0] != "T-V-16" || prefix == "T-V-16") }
      .map { row in
        let overgang = row[2] == "VLS" && row[0] != "T-V-16"
        return TransferLine(
          line: row[0], employee: EmployeeID(row[1]), from: "IJW", to: OrganisationID(row[2]),
          functionBefore: row[3], functionAfter: row[4], fte: fte(row[5]), caoBefore: "Cao SGO",
          caoAfter: overgang ? "Cao SGO" : "Cao Gemeenten",
          legalForm: overgang ? .overgangVanOnderneming : .nieuweArbeidsovereenkomst,
          decisions: decisions, orAdvice: orAdvice)
      }
  }

  /// The voorgenomen placements of IJM-072: 43 to a municipality, 5 within IJW!.
  static let intendedPlacements: [Placement] =
    rows(moveTable).filter { $0[6] != "none" }.map {
      Placement(employee: EmployeeID($0[1]), destination: OrganisationID($0[6]), function: $0[4])
    }
    + ["E034", "E035", "E044", "E045", "E050"].map {
      Placement(employee: EmployeeID($0), destination: "IJW", function: nil)
    }
}
