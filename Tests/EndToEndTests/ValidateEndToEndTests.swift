import Foundation
import TestSupport
import Testing

struct ValidateEndToEndTests {
  @Test func theExamplesAreValidInEveryPlace() throws {
    let repository = try TemporaryRepository.withExamples()
    for arguments in [
      ["validate"], ["validate", "--rev", "HEAD"], ["validate", "--staged"],
      ["validate", "--rev", "main~0"],
    ] {
      let result = try BursarCLI.run(arguments, in: repository.path)
      #expect(result.status == 0, "\(arguments): \(result.stdoutText) \(result.stderrText)")
      #expect(result.stdoutText.contains("ok: 6 budget files"))
    }
    let nested = repository.path + "/.budgets/models"
    #expect(try BursarCLI.run("validate", in: nested).status == 0)
  }

  static let invalidExamples: [String] = {
    let folder = BursarCLI.examples + "/invalid"
    let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
    return names.filter { $0.hasSuffix(".yaml") }.sorted()
  }()

  @Test func thereAreInvalidExamples() {
    #expect(Self.invalidExamples.count >= 16)
  }

  @Test(arguments: invalidExamples)
  func eachInvalidExampleFailsAtTheLineItNames(_ name: String) throws {
    let repository = try TemporaryRepository.withExamples()
    let text = try String(contentsOfFile: BursarCLI.examples + "/invalid/" + name, encoding: .utf8)
    let lines = Self.expectedLines(text)
    #expect(!lines.isEmpty, "\(name) names no line")
    try repository.write(path: ".budgets/extra/\(name)", contents: text)
    let result = try BursarCLI.run("validate", in: repository.path)
    #expect(result.status == 1, "\(result.stdoutText)")
    let reported = lines.contains { result.stdoutText.contains(".budgets/extra/\(name):\($0):") }
    #expect(reported, "expected \(name) at line \(lines): \(result.stdoutText)")
    #expect(!result.stdoutText.contains("Fatal error"))
    // The same files, committed, fail the same way when read from git objects.
    _ = try repository.commit(message: "Add \(name)")
    let fromGit = try BursarCLI.run("validate", "--rev", "HEAD", in: repository.path)
    #expect(fromGit.status == 1)
    #expect(lines.contains { fromGit.stdoutText.contains(".budgets/extra/\(name):\($0):") })
  }

  static func expectedLines(_ text: String) -> [Int] {
    guard let first = text.split(separator: "\n").first, first.hasPrefix("# expect: line") else {
      return []
    }
    return first.split(whereSeparator: { !$0.isNumber }).compactMap { Int($0) }
  }

  @Test func jsonListsErrorsWithTheirPlaces() throws {
    let repository = try TemporaryRepository.withExamples()
    try repository.write(
      path: ".budgets/models/typo.yaml",
      contents:
        "version: 1\nkind: Budget\nname: t\nowner: sre\nmetrics:\n  m: { dimension: latency, mx: 1s }\n"
    )
    let result = try BursarCLI.run("validate", "--format", "json", in: repository.path)
    #expect(result.status == 1)
    let object = try #require(
      try JSONSerialization.jsonObject(with: result.stdout) as? [String: Any])
    let errors = try #require(object["errors"] as? [[String: Any]])
    let unknown = try #require(errors.first { $0["rule"] as? String == "unknown-key" })
    #expect(unknown["path"] as? String == ".budgets/models/typo.yaml")
    #expect(unknown["line"] as? Int == 6)
    #expect(unknown["column"] as? Int == 28)
    #expect((unknown["message"] as? String)?.contains("mx") == true)
    #expect(object["valid"] as? Bool == false)
  }

  @Test func githubAndSarifFormatsNameTheFileAndLine() throws {
    let repository = try TemporaryRepository.withExamples()
    try repository.write(
      path: ".budgets/models/bad.yaml",
      contents:
        "version: 1\nkind: Budget\nname: b\nowner: nobody\nmetrics:\n  m: { dimension: latency, max: 1s }\n"
    )
    let github = try BursarCLI.run("validate", "--format", "github", in: repository.path)
    #expect(github.status == 1)
    #expect(github.stdoutText.hasPrefix("::error file=.budgets/models/bad.yaml,line=4,col=8,"))
    let sarif = try BursarCLI.run("validate", "--format", "sarif", in: repository.path)
    let log = try #require(try JSONSerialization.jsonObject(with: sarif.stdout) as? [String: Any])
    #expect(log["version"] as? String == "2.1.0")
    let results = try #require(
      ((log["runs"] as? [[String: Any]])?.first?["results"]) as? [[String: Any]])
    #expect(results.count == 1)
    #expect(results.first?["ruleId"] as? String == "unknown-team")
  }

  @Test func pathArgumentsLimitTheReport() throws {
    let repository = try TemporaryRepository.withExamples()
    try repository.write(path: ".budgets/models/bad.yaml", contents: "version: 2\n")
    #expect(
      try BursarCLI.run("validate", "models/fraud-detector.yaml", in: repository.path).status == 0)
    #expect(try BursarCLI.run("validate", ".budgets/models", in: repository.path).status == 1)
  }

  @Test func theStagedTreeIsWhatIsStagedNotWhatIsOnDisk() throws {
    let repository = try TemporaryRepository.withExamples()
    try repository.write(path: ".budgets/models/bad.yaml", contents: "version: 2\n")
    #expect(try BursarCLI.run("validate", "--staged", in: repository.path).status == 0)
    #expect(try BursarCLI.run("validate", in: repository.path).status == 1)
    _ = try repository.git("add", ".budgets")
    #expect(try BursarCLI.run("validate", "--staged", in: repository.path).status == 1)
    #expect(try BursarCLI.run("validate", "--rev", "HEAD", in: repository.path).status == 0)
  }

  @Test func aNonYAMLFileIsIgnoredAndSaidSo() throws {
    let repository = try TemporaryRepository.withExamples()
    let result = try BursarCLI.run("validate", in: repository.path)
    #expect(result.status == 0)
    #expect(
      result.stdoutText.contains("ignored .budgets/approvals/README.md: not a .yaml or .yml file"))
  }
}
