import Foundation
import TestSupport
import Testing

/// `precision: 96` against `min: 0.95` is warned about in every format, and fails unless allowed.
struct ScaleWarningEndToEndTests {
  static let warning =
    "`96` is a hundred times its bound `min: 0.95` or more, as if a percentage were written as a plain number: did you mean `96%`?"

  static func run(_ arguments: String...) throws -> ProcessResult {
    let repository = try CheckFixtureRepository.make()
    try repository.write(
      path: "m.yaml", contents: CheckFixtureRepository.measurements("precision: 96"))
    return try BursarRunner(repository: repository).run(
      ["check", "-m", "m.yaml", "--allow-missing"] + arguments)
  }

  @Test(arguments: ["text", "markdown", "junit"])
  func everyFormatShowsTheWarningAndFails(format: String) throws {
    let result = try Self.run("--format", format)
    #expect(result.status == 1, "\(result.stdoutText)")
    let shown = result.stdoutText.replacingOccurrences(of: "&quot;", with: "\"")
      .replacingOccurrences(of: "&#39;", with: "'")
    #expect(shown.contains(Self.warning), "\(result.stdoutText)")
  }

  @Test func jsonCarriesTheWarning() throws {
    let result = try Self.run("--format", "json")
    #expect(result.status == 1)
    let document = try #require(
      try JSONSerialization.jsonObject(with: result.stdout) as? [String: Any])
    #expect(document["verdict"] as? String == "fail")
    #expect(document["allow_scale_warnings"] as? Bool == false)
    let results = try #require(document["results"] as? [[String: Any]])
    let precision = try #require(results.first { $0["metric"] as? String == "precision" })
    #expect(precision["verdict"] as? String == "within")
    #expect(precision["blocks"] as? Bool == true)
    #expect(precision["warning"] as? String == Self.warning)
  }

  @Test func allowedTheWarningIsShownAndPasses() throws {
    let result = try Self.run("--allow-scale-warnings")
    #expect(result.status == 0, "\(result.stdoutText)")
    #expect(result.stdoutText.contains(Self.warning))
    #expect(result.stdoutText.contains("1 figure on a suspect scale (allowed)"))
  }
}
