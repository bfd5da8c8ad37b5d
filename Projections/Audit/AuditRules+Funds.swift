import TransitionDomain

/// One audit rule of issue 19 with what it checks and its legal or domain basis.
public struct AuditRuleInfo: Sendable, Equatable {
  /// The rule's stable id.
  public let rule: String
  /// What it checks.
  public let checks: String
  /// Its legal or domain basis.
  public let basis: String
}

extension ViewContext {
  /// The rules of issue 19 items 4, 5 and 8 (funds; works councils of several employers;
  /// contract changes and the cohort), for a listing of every rule.
  public static let issue19Rules: [AuditRuleInfo] = [
    AuditRuleInfo(
      rule: "fund-booking-unauthorised",
      checks: "a cost line charged to a fund names an authorised withdrawal of that fund,"
        + " authorised on or before the booking day",
      basis: "art. 189 Gemeentewet (the council authorises spending), BBV art. 43 (withdrawals"
        + " from reserves by council decision); DOMAIN.md 12.10"),
    AuditRuleInfo(
      rule: "fund-withdrawal-exceeded",
      checks: "the lines booked on an authorised withdrawal add up to at most its amount",
      basis: "art. 189 Gemeentewet, BBV art. 43; DOMAIN.md 12.10 (flagged, not blocked)"),
    AuditRuleInfo(
      rule: "fund-overdrawn",
      checks: "the lines booked on a fund add up to at most the fund's amount",
      basis: "BBV art. 43 (a reserve cannot go below zero); DOMAIN.md 12.10"),
    AuditRuleInfo(
      rule: "or-advice-missing-per-employer",
      checks: "every staff move has the advice of its old employer's works council (or of the"
        + " body consulted instead when that employer has no OR), given by the move day",
      basis: "art. 25 lid 1 WOR (each employer asks its own OR); DOMAIN.md 10.1, 12.6"),
    AuditRuleInfo(
      rule: "cohort-above-contract",
      checks: "no employee of the cohort counts more cohort FTE than their contract FTE (a"
        + " ContractChanged.v1 that lowered the contract left the cohort as it was)",
      basis: "DOMAIN.md 12.3 (FTE conservation: any FTE change is a separate delta)"),
  ]

  /// Issue 19 item 4: bookings on a fund stay within authorised withdrawals and the fund.
  func fundFindings() -> [Finding] {
    var findings: [Finding] = []
    for fund in fundBalances() {
      let id = fund.created.fund.rawValue
      let authorisations = Dictionary(
        fund.withdrawals.map { ($0.authorised.withdrawal.rawValue, $0) },
        uniquingKeysWith: { first, _ in first })
      for booking in fund.bookings {
        let withdrawal = booking.withdrawal.flatMap { authorisations[$0] }
        if let withdrawal, withdrawal.version.effective <= booking.version.effective { continue }
        let detail: String
        var evidence = [booking.version.seq, fund.version.seq]
        if let withdrawal {
          detail =
            "withdrawal \(withdrawal.authorised.withdrawal) was authorised only on"
            + " \(withdrawal.version.effectiveDate) (\(withdrawal.version.id))"
          evidence.append(withdrawal.version.seq)
        } else if let named = booking.withdrawal {
          detail = "withdrawal \(named) is not authorised by \(day)"
        } else {
          detail = "the line names no authorised withdrawal"
        }
        findings.append(
          Finding(
            rule: "fund-booking-unauthorised", day: booking.version.effective, seqs: evidence,
            message:
              "Cost line \(booking.line) (\(booking.version.id), \(booking.version.effectiveDate))"
              + " charges \(Cell.money(booking.amount)) to fund \(id) of \(fund.holder), but"
              + " \(detail): a withdrawal from a reserve needs a council decision first."))
      }
      for withdrawal in fund.withdrawals {
        var running = Money.zero
        for booking in withdrawal.bookings {
          let before = running
          running += booking.amount
          guard before <= withdrawal.authorised.amount, running > withdrawal.authorised.amount
          else { continue }
          findings.append(
            Finding(
              rule: "fund-withdrawal-exceeded", day: booking.version.effective,
              seqs: [withdrawal.version.seq] + withdrawal.bookings.map(\.version.seq),
              message:
                "By \(day) the lines booked on withdrawal \(withdrawal.authorised.withdrawal) of"
                + " fund \(id) add up to \(Cell.money(withdrawal.booked)),"
                + " \(Cell.money(withdrawal.booked - withdrawal.authorised.amount)) above the"
                + " \(Cell.money(withdrawal.authorised.amount)) that decision"
                + " \(withdrawal.authorised.decision) authorised; line \(booking.line)"
                + " (\(booking.version.id), \(booking.version.effectiveDate)) went over it."))
        }
      }
      var running = Money.zero
      for booking in fund.bookings {
        let before = running
        running += booking.amount
        guard before <= fund.created.amount, running > fund.created.amount else { continue }
        findings.append(
          Finding(
            rule: "fund-overdrawn", day: booking.version.effective,
            seqs: [fund.version.seq] + fund.bookings.map(\.version.seq),
            message:
              "By \(day) the lines booked on fund \(id) of \(fund.holder) add up to"
              + " \(Cell.money(fund.booked)), more than its \(Cell.money(fund.created.amount))"
              + " (balance \(Cell.money(fund.balance))); line \(booking.line)"
              + " (\(booking.version.id), \(booking.version.effectiveDate)) overdrew it."))
      }
    }
    return findings
  }
}
