import BudgetKit
import Foundation
import TestSupport
import Testing

/// The schemas under a standard validator (python3's `jsonschema`, through
/// `scripts/schema_check.py`): every valid file passes, and the mistakes a schema can express
/// fail.
extension SchemaSyncTests {
  /// The invalid examples whose mistake a schema can express, with where the schema points.
  static let expressible: [String: String] = [
    "typo-key.yaml": "/metrics/memory",
    "norway.yaml": "/metrics/latency_p95/max",
    "percent-over.yaml": "/metrics/availability/slo",
    "empty-reason.yaml": "/reason",
  ]

  /// The invalid examples a schema cannot catch: YAML strictness that a YAML library settles
  /// before any schema sees the data, relations between fields, and references across files.
  static let inexpressible: Set<String> = [
    "alias.yaml", "duplicate-key.yaml", "tab-indent.yaml", "two-documents.yaml",
    "band-inverted.yaml",
    "unit-mismatch.yaml", "expires-before-starts.yaml", "exception-too-long.yaml",
    "duplicate-name.yaml", "unknown-budget.yaml", "unknown-dimension.yaml", "unknown-owner.yaml",
  ]

  /// The rules whose examples a schema catches on its own.
  static let schemaRules: Set<RuleID> = [
    .version, .kind, .unknownKey, .missingKey, .wrongType, .invalidName, .emptyValue,
    .quantitySyntax,
    .ratioRange, .boundShape, .dateSyntax, .digestSyntax, .signatureSyntax, .approvalPath,
  ]

  /// One file's verdict from the schema check.
  struct Verdict {
    var valid: Bool
    var errors: [String]
  }

  /// Runs the schema check over files and returns each file's verdict by path.
  static func schemaCheck(_ files: [String]) throws -> [String: Verdict] {
    let root = SchemaDocument.packageRoot
    let probe = try runProcess("python3", ["-c", "import jsonschema, yaml"], cwd: root)
    try #require(
      probe.succeeded,
      "python3 needs jsonschema and PyYAML (`make test-deps` installs them): \(probe.stderrText)")
    let result = try runProcess(
      "python3", ["scripts/schema_check.py", "--json"] + files, cwd: root)
    try #require(
      result.status == 0 || result.status == 1, "schema_check.py failed: \(result.stderrText)")
    var verdicts: [String: Verdict] = [:]
    for line in result.stdoutText.split(separator: "\n") {
      let object = try #require(
        JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
      let path = try #require(object["path"] as? String)
      verdicts[path] = Verdict(
        valid: object["valid"] as? Bool == true, errors: object["errors"] as? [String] ?? [])
    }
    #expect(Set(verdicts.keys) == Set(files))
    return verdicts
  }

  /// The YAML files under a folder, by absolute path.
  static func yamlFiles(under folder: String) -> [String] {
    let names = FileManager.default.enumerator(atPath: folder)?.compactMap { $0 as? String } ?? []
    return names.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted().map {
      folder + "/" + $0
    }
  }

  @Test func aStandardValidatorAcceptsTheExamplesAndRejectsWhatASchemaCanExpress() throws {
    let root = SchemaDocument.packageRoot
    let valid =
      Self.yamlFiles(under: root + "/examples/.budgets") + Self.yamlFiles(under: root + "/.budgets")
    #expect(valid.count >= 5)
    let invalidFolder = root + "/examples/invalid"
    let invalid = Self.yamlFiles(under: invalidFolder)
    let verdicts = try Self.schemaCheck(valid + invalid)
    for path in valid {
      #expect(verdicts[path]?.valid == true, "\(path): \(verdicts[path]?.errors ?? [])")
    }
    for path in invalid {
      let name = URL(fileURLWithPath: path).lastPathComponent
      if let pointer = Self.expressible[name] {
        let errors = verdicts[path]?.errors ?? []
        #expect(verdicts[path]?.valid == false, "\(name) must fail the schema")
        #expect(
          errors.contains { $0.hasPrefix(pointer + ":") || $0.hasPrefix(pointer + "/") },
          "\(name): \(errors)")
      } else {
        #expect(
          Self.inexpressible.contains(name), "classify \(name): can a schema express its mistake?")
      }
    }
  }

  @Test func aStandardValidatorAgreesWithEveryRuleExample() throws {
    let folder = try TemporaryDirectory(prefix: "bursar-schema")
    var expectations: [String: (valid: Bool, what: String)] = [:]
    func write(_ files: [String: String], valid: Bool, _ what: String) throws {
      for (index, (_, text)) in files.sorted(by: { $0.key < $1.key }).enumerated() {
        let path = folder.appending("\(what)-\(valid ? "pass" : "trigger")-\(index).yaml")
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        // Only the first trigger file holds the mistake; the others are context.
        if valid || index == 0 { expectations[path] = (valid, what) }
      }
    }
    try write(
      [".budgets/owners.yaml": TreeFixture.owners, ".budgets/ranker.yaml": TreeFixture.budget],
      valid: true, "fixture")
    for example in RuleExample.all {
      try write(example.passes, valid: true, example.rule.rawValue)
      if Self.schemaRules.contains(example.rule) {
        try write(example.triggers, valid: false, example.rule.rawValue)
      }
    }
    let verdicts = try Self.schemaCheck(expectations.keys.sorted())
    for (path, expected) in expectations.sorted(by: { $0.key < $1.key }) {
      let verdict = verdicts[path]
      #expect(
        verdict?.valid == expected.valid,
        "\(expected.what) \(expected.valid ? "passing" : "triggering") example: \(verdict?.errors ?? [])"
      )
    }
  }
}
