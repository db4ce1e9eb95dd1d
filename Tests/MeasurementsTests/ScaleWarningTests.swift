import BudgetKit
import Foundation
import Measurements
import Testing

/// A plain-number figure on another scale than its plain-number bound is warned about, and the
/// warning fails the check unless allowed.
struct ScaleWarningTests {
  static let grader = """
    version: 1
    kind: Budget
    name: grader
    owner: ml-eng
    metrics:
      score:   { dimension: quality, min: 95 }
      retries: { dimension: quality, max: 3 }
      recall:  { dimension: quality, min: 0.5 }
    """

  private func check(_ figures: String, budget: String = "fraud-detector", allow: Bool = false)
    throws -> CheckReport
  {
    let tree = try CheckFixtures.tree(extra: [("models/grader.yaml", Self.grader)])
    let options = CheckOptions(
      at: Timestamp.parse("2026-11-25"), allowMissing: true, allowScaleWarnings: allow)
    return try BudgetChecker(tree: tree, options: options).check(
      CheckFixtures.measurements(CheckFixtures.yaml(figures, budget: budget)))
  }

  @Test func aPercentageWrittenAsAPlainNumberIsWarnedAboutAndFails() throws {
    let report = try check("precision: 96")
    let result = try report.result("precision")
    #expect(result.verdict == .within)
    let warning = try #require(result.scaleWarning)
    #expect(warning.suggestion == "96%")
    #expect(warning.message.contains("did you mean `96%`?"))
    #expect(result.blocks)
    #expect(report.blocks)
  }

  @Test func allowedTheWarningStaysButDoesNotFail() throws {
    let report = try check("precision: 96", allow: true)
    let result = try report.result("precision")
    #expect(result.scaleWarning != nil)
    #expect(!result.blocks)
    #expect(!report.blocks)
  }

  @Test func aFractionAgainstABoundOverOne() throws {
    let report = try check("score: 0.97", budget: "grader")
    let result = try report.result("score", budget: "grader")
    #expect(result.scaleWarning?.suggestion == "97")
    #expect(result.blocks)
  }

  @Test(arguments: [
    ("precision: 0.96", "fraud-detector"), ("precision: 96%", "fraud-detector"),
    ("retries: 2", "grader"), ("recall: 49", "grader"), ("score: 97", "grader"),
  ])
  func figuresOnTheBoundsScaleAreNotWarnedAbout(figure: String, budget: String) throws {
    let report = try check(figure, budget: budget)
    #expect(report.results.allSatisfy { $0.scaleWarning == nil }, "\(figure)")
  }
}
