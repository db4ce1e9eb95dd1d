import BudgetKit
import Measurements
import Testing

/// Proposals of `bursar suggest`, worked by hand.
@Suite struct RatchetTests {
  func quantity(_ text: String) throws -> Quantity {
    guard case .success(let quantity) = QuantityParser.parse(text) else {
      throw UnitLookupFailure(symbol: text)
    }
    return quantity
  }

  /// Runs at most 71.2ms; plus 10% is 78.32ms, rounded up to two figures 79ms < 100ms.
  @Test func capInMilliseconds() throws {
    let runs = [0.0650, 0.0712, 0.0688, 0.0701, 0.0699]
    let proposal = try #require(Ratchet().propose(.max, limit: try quantity("100ms"), values: runs))
    #expect(proposal.proposedText == "79ms")
    #expect(abs(proposal.proposed - 0.079) < 1e-12)
    #expect(proposal.worst == 0.0712)
    #expect(abs(proposal.tightening - 0.21) < 1e-9)
  }

  /// The same runs against a cap written in seconds: 0.07832s rounds up to 0.079s.
  @Test func capInTheUnitAsWritten() throws {
    let runs = [0.0650, 0.0712, 0.0688, 0.0701, 0.0699]
    let proposal = try #require(Ratchet().propose(.max, limit: try quantity("0.2s"), values: runs))
    #expect(proposal.proposedText == "0.079s")
  }

  /// A proposal never comes closer than the margin: 72ms · 1.1 = 79.2ms rounds up to 80ms.
  @Test func roundsAwayFromTheRuns() throws {
    let runs = [0.072, 0.070, 0.071, 0.069, 0.070]
    let proposal = try #require(Ratchet().propose(.max, limit: try quantity("100ms"), values: runs))
    #expect(proposal.proposedText == "80ms")
    #expect(proposal.proposed >= proposal.limitWithMargin)
  }

  /// Runs too close to the cap, or a proposal that rounds back to the cap: nothing.
  @Test func nothingWhenNotTighter() throws {
    let close = [0.095, 0.094, 0.093, 0.092, 0.091]  // 104.5ms > 100ms
    #expect(Ratchet().propose(.max, limit: try quantity("100ms"), values: close) == nil)
    let rounding = [0.0905, 0.09, 0.09, 0.09, 0.09]  // 99.55ms → 100ms, not tighter
    #expect(Ratchet().propose(.max, limit: try quantity("100ms"), values: rounding) == nil)
  }

  /// Too few runs: nothing, however far below the cap.
  @Test func tooFewRuns() throws {
    #expect(Ratchet().propose(.max, limit: try quantity("100ms"), values: [0.01, 0.01]) == nil)
  }

  /// A floor: runs at least 0.95; less 10% is 0.855, rounded down 0.85 > 0.80. Not far below
  /// (0.80 ≥ 0.95 · 0.7 = 0.665).
  @Test func floor() throws {
    let runs = [0.97, 0.95, 0.96, 0.98, 0.96]
    let proposal = try #require(Ratchet().propose(.min, limit: try quantity("0.80"), values: runs))
    #expect(proposal.proposedText == "0.85")
    #expect(!proposal.farBelowReality)
    let percent = try #require(Ratchet().propose(.min, limit: try quantity("80%"), values: runs))
    #expect(percent.proposedText == "85%")
  }

  /// A floor of 0.5 under runs of 0.95 is far below reality, and flagged.
  @Test func floorFarBelowReality() throws {
    let runs = [0.97, 0.95, 0.96, 0.98, 0.96]
    let proposal = try #require(Ratchet().propose(.min, limit: try quantity("0.5"), values: runs))
    #expect(proposal.farBelowReality)
    #expect(proposal.proposedText == "0.85")
  }

  /// Money keeps its space and currency: 0.22 USD · 1.1 = 0.242 → 0.25 USD.
  @Test func money() throws {
    let runs = [0.20, 0.21, 0.22, 0.19, 0.2]
    let proposal = try #require(
      Ratchet().propose(.max, limit: try quantity("0.40 USD"), values: runs))
    #expect(proposal.proposedText == "0.25 USD")
  }

  /// The margin and figures are the policy's.
  @Test func policy() throws {
    let runs = [0.0650, 0.0712, 0.0688, 0.0701, 0.0699]
    let wide = Ratchet(policy: RatchetPolicy(margin: 0.25, significantFigures: 3))
    let proposal = try #require(wide.propose(.max, limit: try quantity("100ms"), values: runs))
    #expect(proposal.proposedText == "89ms")  // 71.2 · 1.25 = 89.0
  }
}
