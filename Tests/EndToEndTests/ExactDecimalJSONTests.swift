import Foundation
import TestSupport
import Testing

/// bursar's JSON writes numbers as exact decimals: no binary noise, no exponents.
struct ExactDecimalJSONTests {
  /// Every number literal in a JSON text (after a `:` or in an array).
  static func numbers(in json: String) -> [String] {
    let pattern = try! NSRegularExpression(pattern: #"(?<=[:\[,]) ?(-?[0-9][0-9.eE+-]*)"#)
    let range = NSRange(json.startIndex..., in: json)
    return pattern.matches(in: json, range: range).compactMap {
      Range($0.range(at: 1), in: json).map { String(json[$0]) }
    }
  }

  /// Plain decimal digits, at most 15 of them significant.
  static func isExact(_ number: String) -> Bool {
    guard !number.contains("e"), !number.contains("E") else { return false }
    let digits = number.filter(\.isNumber).drop { $0 == "0" }
    return digits.count <= 15
  }

  @Test func checkWritesHeadroomsAsTheirDecimals() throws {
    let repository = try CheckFixtureRepository.make()
    let figures = CheckFixtureRepository.healthy.replacingOccurrences(
      of: "precision: 0.97", with: "precision: 0.961")
    try repository.write(path: "m.yaml", contents: CheckFixtureRepository.measurements(figures))
    let result = try BursarRunner(repository: repository).run(
      "check", "-m", "m.yaml", "--format", "json")
    let json = result.stdoutText
    #expect(json.contains(#""absolute_base" : 0.011,"#), "\(json)")
    let numbers = Self.numbers(in: json)
    #expect(!numbers.isEmpty)
    #expect(numbers.filter { !Self.isExact($0) } == [], "\(json)")
  }

  @Test func diffWritesRelativeChangesAsTheirDecimals() throws {
    let repository = try CheckFixtureRepository.make()
    try repository.write(
      path: ".budgets/models/scorer.yaml",
      contents: CheckFixtureRepository.budget.replacingOccurrences(
        of: "min: 0.95", with: "min: 0.9"
      ).replacingOccurrences(of: "max: 100ms", with: "max: 100.0001ms"))
    let result = try BursarRunner(repository: repository).run("diff", "--format", "json")
    let numbers = Self.numbers(in: result.stdoutText)
    #expect(!numbers.isEmpty, "\(result.stdoutText)")
    #expect(numbers.filter { !Self.isExact($0) } == [], "\(result.stdoutText)")
  }
}
