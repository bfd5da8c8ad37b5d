import Foundation
import Testing

@testable import TransitionCLI

/// Issue 15, item 9: the staff import refuses rows the domain should never see, naming them.
@Suite("staff import: hostile rows are refused by line")
struct StaffSheetHardeningTests {
  static let header =
    "employee,function,team,employer,contract hours,norm hours,contract fte,allocated fte,cao,contract type\n"
  static let good = "E001,werkconsulent,BEV,IJW,36,36,1.0000,1.0000,Cao SGO,onbepaalde tijd\n"

  /// The problems of a sheet of the good row and `row`, or nil if it imports.
  static func problems(_ row: String) -> [String]? {
    do {
      _ = try StaffSheet.members(Array((header + good + row).utf8))
      return nil
    } catch {
      return error.lines
    }
  }

  @Test(
    "each hostile row is refused and named by its line",
    arguments: [
      ("E002,jobcoach,BEV,IJW,36,0,1.0000,1.0000,Cao SGO,onbepaalde tijd\n", "norm hours is 0"),
      (
        "E002,jobcoach,BEV,IJW,18,36,1.0000,0.5000,Cao SGO,onbepaalde tijd\n",
        "contract FTE 1.0000 does not match 18 contract hours of 36 norm hours (0.5000)"
      ),
      (
        "E0\u{0}02,jobcoach,BEV,IJW,36,36,1.0000,1.0000,Cao SGO,onbepaalde tijd\n",
        "control character"
      ),
      (
        "E002,job\u{0}coach,BEV,IJW,36,36,1.0000,1.0000,Cao SGO,onbepaalde tijd\n",
        "control character"
      ),
      (
        "E 002,jobcoach,BEV,IJW,36,36,1.0000,1.0000,Cao SGO,onbepaalde tijd\n", "employee \"E 002\""
      ),
      (
        "../E002,jobcoach,BEV,IJW,36,36,1.0000,1.0000,Cao SGO,onbepaalde tijd\n",
        "employee \"../E002\""
      ),
      ("..,jobcoach,BEV,IJW,36,36,1.0000,1.0000,Cao SGO,onbepaalde tijd\n", "employee \"..\""),
      (
        "E002,jobcoach,BEV,../IJW,36,36,1.0000,1.0000,Cao SGO,onbepaalde tijd\n",
        "employer \"../IJW\""
      ),
      ("E002,jobcoach,B V,IJW,36,36,1.0000,1.0000,Cao SGO,onbepaalde tijd\n", "team \"B V\""),
    ])
  func refused(row: String, message: String) {
    let problems = Self.problems(row)
    #expect(problems?.count == 1, "\(String(describing: problems))")
    #expect(problems?.first?.hasPrefix("line 3: ") == true, "\(String(describing: problems))")
    #expect(problems?.first?.contains(message) == true, "\(String(describing: problems))")
  }

  @Test("rounded FTEs of real contracts still import")
  func rounded() {
    #expect(
      Self.problems("E002,jobcoach,BEV,IJW,32,36,0.8889,0.8889,Cao SGO,bepaalde tijd\n") == nil)
    #expect(
      Self.problems("E002,jobcoach,BEV,IJW,32,36,0.8888,0.8888,Cao SGO,bepaalde tijd\n") == nil)
    #expect(
      Self.problems("E002,jobcoach,BEV,IJW,12,36,0.3333,0.3333,Cao SGO,bepaalde tijd\n") == nil)
    #expect(Self.problems("E002,jobcoach,BEV,IJW,0,36,0,0,Cao SGO,bepaalde tijd\n") == nil)
    #expect(Self.problems("E-002_a.b,jobcoach,BEV,IJW,36,36,1,1,Cao SGO,bepaalde tijd\n") == nil)
  }
}
