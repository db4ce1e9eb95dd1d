import BudgetKit

/// SARIF 2.1.0 for code-scanning alerts: one run, one rule per rule id, one result per problem.
struct SARIFRenderer: Renderer {
  struct Log: Encodable {
    var version = "2.1.0"
    var schema = "https://json.schemastore.org/sarif-2.1.0.json"
    var runs: [Run]

    enum CodingKeys: String, CodingKey {
      case version
      case schema = "$schema"
      case runs
    }
  }

  struct Run: Encodable {
    var tool: Tool
    var results: [Result]
  }

  struct Tool: Encodable { var driver: Driver }

  struct Driver: Encodable {
    var name = "bursar"
    var version = Bursar.version
    var rules: [Rule]
  }

  /// A rule with its help written out: bursar's documentation has no address to link to, and a
  /// relative `helpUri` would be resolved against the scanned repository.
  struct Rule: Encodable {
    var id: String
    var name: String
    var shortDescription: Message
    var fullDescription: Message
    var help: Message
  }

  struct Result: Encodable {
    var ruleId: String
    var level: String
    var message: Message
    var locations: [Location]
  }

  struct Message: Encodable { var text: String }
  struct Location: Encodable { var physicalLocation: PhysicalLocation }
  struct PhysicalLocation: Encodable {
    var artifactLocation: ArtifactLocation
    var region: Region
  }
  struct ArtifactLocation: Encodable { var uri: String }
  struct Region: Encodable {
    var startLine: Int
    var startColumn: Int
  }

  func render(_ diagnostics: [Diagnostic]) -> String {
    let rules = RuleID.allCases.map { rule in
      let help = RuleHelp.of(rule.rawValue)
      return Rule(
        id: rule.rawValue, name: rule.rawValue,
        shortDescription: Message(text: Self.firstSentence(of: help.description)),
        fullDescription: Message(text: help.description), help: Message(text: help.fix))
    }
    let results = diagnostics.map { diagnostic in
      Result(
        ruleId: diagnostic.rule.rawValue,
        level: diagnostic.severity == .error ? "error" : "warning",
        message: Message(
          text: diagnostic.message + (diagnostic.hintSentence.map { " (\($0))" } ?? "")),
        locations: [
          Location(
            physicalLocation: PhysicalLocation(
              artifactLocation: ArtifactLocation(uri: diagnostic.location.path),
              region: Region(
                startLine: diagnostic.location.line, startColumn: diagnostic.location.column)))
        ])
    }
    return JSONOutput.encode(
      Log(runs: [Run(tool: Tool(driver: Driver(rules: rules)), results: results)]))
  }

  /// The text up to the first `. ` (or all of it).
  static func firstSentence(of text: String) -> String {
    guard let end = text.range(of: ". ") else { return text }
    return String(text[..<end.lowerBound]) + "."
  }
}
