/// One audit rule: its stable id, what it checks, and its legal or domain basis.
public struct AuditRule: Equatable, Sendable {
  /// The rule's id, as findings carry it, such as `staff-move-backed`.
  public let id: String
  /// What it checks, in a sentence.
  public let checks: String
  /// The article or DOMAIN.md section it rests on.
  public let basis: String
  /// Whether it states what holds rather than a problem (not counted as a finding).
  public let confirmation: Bool

  /// A rule `id` checking `checks`, on `basis`.
  public init(_ id: String, checks: String, basis: String, confirmation: Bool = false) {
    self.id = id
    self.checks = checks
    self.basis = basis
    self.confirmation = confirmation
  }
}

/// Every audit rule the projections evaluate, for `transition audit --rules`.
///
/// The rules of `ViewContext.audit()` and `auditConfirmations()`, the `personal-data` rule of
/// `transition audit`, and `ViewContext.issue19Rules` (funds, works councils per employer, the
/// cohort). A test checks that every rule id a finding can carry is listed here.
public enum AuditRuleCatalogue {
  /// The rules, in the order `transition audit --rules` lists them.
  public static let rules: [AuditRule] =
    listed
    + ViewContext.issue19Rules.map {
      AuditRule($0.rule, checks: sentence($0.checks), basis: $0.basis)
    }

  /// The rules described here; the funds, works council and cohort rules follow.
  private static let listed: [AuditRule] = [
    AuditRule(
      "fte-conservation",
      checks: "The cohort's FTE in its buckets (per employer, surplus, reassigned, departed)"
        + " equals its baseline FTE on the day.",
      basis: "DOMAIN.md 12.3"),
    AuditRule(
      "one-employer",
      checks: "No staff event after an employee's departure; a move starts at the employer the"
        + " employee has.",
      basis: "DOMAIN.md 12.4"),
    AuditRule(
      "staff-move-backed",
      checks: "Every staff move cites definitive decisions in force on its day: the receiving"
        + " council's transitieplan, the college's plaatsingsbesluit, the GR-wijziging and the"
        + " employer decision of a GR that hands over staff.",
      basis: "DOMAIN.md 12.5; art. 7:662 ff. BW (DOMAIN.md 10.3)"),
    AuditRule(
      "backing-recorded-late",
      checks: "A move recorded before the decision that backs it (unbacked as known in between).",
      basis: "DOMAIN.md 12.5, 12.1-12.2"),
    AuditRule(
      "or-advice-before-decision",
      checks: "Every definitive personnel decision has an OR advice request dated before it,"
        + " answered by then.",
      basis: "art. 25 lid 1 WOR; DOMAIN.md 12.6, 10.1"),
    AuditRule(
      "or-advice-deviation",
      checks: "A decision that deviates from the OR's advice: nothing may be executed for one"
        + " month.",
      basis: "art. 25 lid 6 WOR; DOMAIN.md 12.6"),
    AuditRule(
      "or-advice-deviation-wait",
      checks: "A deviating decision executed (moves, or in force) within the month.",
      basis: "art. 25 lid 6 WOR; DOMAIN.md 12.6"),
    AuditRule(
      "regional-decision-missing",
      checks: "Each regional step is decided by every council (or, when the log declares its"
        + " transition, by every participant that must decide the step, or every member of a GR"
        + " on the day for a step of its members); consent to one step is no consent to another;"
        + " a successor holds a step all its predecessors decided.",
      basis: "DOMAIN.md 3.3, 12.7; art. 1 lid 4 Wgr (DOMAIN.md 10.5); issue 19 items 1, 3, 9"),
    AuditRule(
      "regional-step-complete",
      checks: "Said positively: a declared regional step decided by all participants (or all"
        + " members of the GR on the day), with each one's decision.",
      basis: "DOMAIN.md 3.3, 12.7; issue 19 items 1, 9", confirmation: true),
    AuditRule(
      "decision-order",
      checks: "A council decision names its proposal; proposal, committee and council in date"
        + " order within a municipality.",
      basis: "DOMAIN.md 12.8"),
    AuditRule(
      "gr-membership",
      checks: "A GR has at least two members on the day unless its dissolution is recorded.",
      basis: "DOMAIN.md 12.9; Wgr (DOMAIN.md 10.5)"),
    AuditRule(
      "money-adds-up",
      checks: "Charged amounts add up to each line; key lines split by the key version in force"
        + " (largest remainder); key shares sum to 100.00 %.",
      basis: "DOMAIN.md 12.10"),
    AuditRule(
      "costs-not-reallocated",
      checks: "After a key correction, the lines booked on the old version are re-allocated.",
      basis: "DOMAIN.md 12.10"),
    AuditRule(
      "costs-above-estimate",
      checks: "Booked costs of a cost stream above its latest estimate.",
      basis: "DOMAIN.md 12.10"),
    AuditRule(
      "milestone-history",
      checks: "A milestone's first planned date is kept; every replanning says from which date"
        + " and why; an achieved milestone was planned.",
      basis: "DOMAIN.md 12.12"),
    AuditRule(
      "acting-outside-existence",
      checks: "A decision, OR advice request or advice, or staff move by or to an organisation"
        + " or body on a day it does not exist as known now (it starts later, or ended or merged"
        + " before; the start or end was recorded after the act).",
      basis: "issue 19 item 2; Wet arhi (herindeling), Wgr (opheffing)"),
    AuditRule(
      PersonalDataRule.rule,
      checks: "No text field of the log looks like personal data: a BSN that passes the"
        + " 11-proef, an e-mail address, a Dutch phone number, an IBAN with a valid check, or a"
        + " name from the people register (retract the record and record it again without).",
      basis: "AVG art. 5 lid 1 c (dataminimalisatie) and art. 17; the log holds pseudonymous ids"
        + " only (issue 17)"),
  ]

  /// `text` as a sentence: a capital first letter and a full stop.
  private static func sentence(_ text: String) -> String {
    text.prefix(1).uppercased() + text.dropFirst() + (text.hasSuffix(".") ? "" : ".")
  }

  /// The rule with `id`, or nil.
  public static func rule(_ id: String) -> AuditRule? { rules.first { $0.id == id } }
}
