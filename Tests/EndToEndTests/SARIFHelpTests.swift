import Foundation
import TestSupport
import Testing

/// SARIF rules carry their help as text, from `docs/format.md`, and no address that code
/// scanning would resolve against the scanned repository.
struct SARIFHelpTests {
  @Test func everyRuleCarriesItsDocumentedHelpAndNoRelativeAddress() throws {
    let repository = try TemporaryRepository.withExamples()
    let sarif = try BursarCLI.run("validate", "--format", "sarif", in: repository.path)
    let text = sarif.stdoutText
    #expect(!text.contains("helpUri"))
    #expect(!text.contains("docs/format.md#"))
    let log = try #require(try JSONSerialization.jsonObject(with: sarif.stdout) as? [String: Any])
    let driver = try #require(
      ((log["runs"] as? [[String: Any]])?.first?["tool"] as? [String: Any])?["driver"]
        as? [String: Any])
    #expect(driver["informationUri"] == nil)
    let rules = try #require(driver["rules"] as? [[String: Any]])
    let documented = try Self.documentedRules()
    #expect(rules.count == documented.count)
    for rule in rules {
      let id = try #require(rule["id"] as? String)
      let full = (rule["fullDescription"] as? [String: Any])?["text"] as? String
      let help = (rule["help"] as? [String: Any])?["text"] as? String
      let short = (rule["shortDescription"] as? [String: Any])?["text"] as? String
      #expect(
        full == documented[id]?.description,
        "\(id): run scripts/rule-help.py after changing docs/format.md")
      #expect(help == documented[id]?.fix, "\(id)")
      #expect(short.map { !$0.isEmpty && full?.hasPrefix($0.dropLast()) == true } == true, "\(id)")
    }
  }

  /// Each `#### rule-id` section's first paragraph and its `Fix:` paragraph, lines joined.
  static func documentedRules() throws -> [String: (description: String, fix: String)] {
    let lines = try String(
      contentsOfFile: BursarCLI.packageRoot + "/docs/format.md", encoding: .utf8
    ).components(separatedBy: "\n")
    var rules: [String: (description: String, fix: String)] = [:]
    for (index, line) in lines.enumerated() where line.hasPrefix("#### ") {
      let id = String(line.dropFirst(5))
      let rest = lines[(index + 1)...].drop { $0.isEmpty }
      let paragraph = rest.prefix { !$0.isEmpty }.map { $0.trimmingCharacters(in: .whitespaces) }
      let section = rest.prefix { !$0.hasPrefix("#") }
      let fixStart = section.drop { !$0.hasPrefix("Fix:") }
      var fix = fixStart.prefix { !$0.isEmpty }.map { $0.trimmingCharacters(in: .whitespaces) }
        .joined(separator: " ")
      fix = String(fix.dropFirst("Fix: ".count))
      fix = fix.prefix(1).uppercased() + fix.dropFirst()
      rules[id] = (paragraph.joined(separator: " "), fix)
    }
    return rules
  }
}
