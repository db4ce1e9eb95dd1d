import Measurements
import Testing

/// Parts' shares of a whole, caps adding up past the whole's, cycles among parts, and the
/// composite health figure, worked by hand.
@Suite struct PartsAndHealthTests {
  /// A 200 EUR bill: compute 120, storage 50, egress 10: shares 0.6, 0.25, 0.05; 20 unaccounted.
  @Test func shares() throws {
    let shares = try #require(
      PartShares.of(whole: 200, parts: [("compute", 120), ("storage", 50), ("egress", 10)]).shares)
    #expect(shares.shares.map(\.share) == [0.6, 0.25, 0.05])
    #expect(shares.sumOfParts == 180)
    #expect(shares.unaccounted == 20)
    #expect(PartShares.of(whole: 0, parts: [("a", 1)]) == .wholeIsZero)
    #expect(PartShares.of(whole: 1, parts: [("a", .nan)]) == .notFinite(part: "a"))
  }

  @Test func capsSum() {
    let over = CapsSum(wholeCap: 100, partCaps: [40, 40, 30])
    #expect(over.sum == 110 && over.exceeds && over.excess == 10)
    let within = CapsSum(wholeCap: 100, partCaps: [40, 60])
    #expect(!within.exceeds && within.excess == 0)
  }

  @Test func cycles() {
    #expect(PartsGraph([("bill", ["compute", "storage"]), ("compute", ["vm"])]).cycle() == nil)
    #expect(
      PartsGraph([("a", ["x", "b"]), ("b", ["c"]), ("c", ["a"])]).cycle() == ["a", "b", "c", "a"])
    #expect(PartsGraph([("self", ["self"])]).cycle() == ["self", "self"])
    // Reached from a whole that is not on the cycle.
    #expect(PartsGraph([("top", ["m"]), ("m", ["n"]), ("n", ["m"])]).cycle() == ["m", "n", "m"])
    // A long chain without a cycle does not exhaust the stack.
    let chain = (0..<50_000).map { (whole: "m\($0)", parts: ["m\($0 + 1)"]) }
    #expect(PartsGraph(chain).cycle() == nil)
  }

  /// Latency 3 of 4 within (0.75, weight 2), cost 1 of 2 (0.5, weight 1 by default), fairness
  /// nothing judged (left out): (2·0.75 + 0.5) / 3 = 2/3.
  @Test func compositeHealth() throws {
    let outcome = try CompositeHealth.of([
      .init(name: "latency", within: 3, over: 1, weight: 2),
      .init(name: "cost", within: 1, over: 1),
      .init(name: "fairness", within: 0, over: 0, insufficient: 2, weight: 5),
    ])
    let health = try #require(outcome.health)
    #expect(abs(health.composite - 2.0 / 3) < 1e-15)
    #expect(health.healths == [0.75, 0.5, nil])
    #expect(try CompositeHealth.of([.init(name: "a", within: 0, over: 0)]) == .noJudgedMetrics)
    #expect(
      try CompositeHealth.of([.init(name: "a", within: 1, over: 0, weight: 0)]) == .zeroTotalWeight)
    #expect(throws: CompositeHealth.InvalidWeight(dimension: "b", weight: -1)) {
      _ = try CompositeHealth.of([
        .init(name: "a", within: 1, over: 0), .init(name: "b", within: 1, over: 0, weight: -1),
      ])
    }
  }
}
