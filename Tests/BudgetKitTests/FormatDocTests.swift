import Foundation
import Testing

@testable import BudgetKit

/// Keeps `docs/format.md` honest: every rule has its section, every unit its row, and every
/// complete example file in it is valid.
struct FormatDocTests {
  static func text() throws -> String {
    try String(contentsOfFile: SchemaDocument.packageRoot + "/docs/format.md", encoding: .utf8)
  }

  /// `docs/format.md#rule-id` links (printed in messages and SARIF) need one heading per id.
  @Test func everyRuleHasASection() throws {
    let headings = Set(
      try Self.text().split(separator: "\n").filter { $0.hasPrefix("#") }.map {
        $0.drop { $0 == "#" }.trimmingCharacters(in: .whitespaces)
      })
    for rule in RuleID.allCases {
      #expect(headings.contains(rule.rawValue), "no `#### \(rule.rawValue)` section")
    }
  }

  @Test func everyUnitHasARow() throws {
    let rows = Set(
      try Self.text().split(separator: "\n").filter { $0.hasPrefix("| ") }.compactMap { row in
        row.split(separator: "|", omittingEmptySubsequences: false).dropFirst(2).first.map {
          $0.trimmingCharacters(in: .whitespaces)
        }
      })
    for symbol in QuantityUnit.table.keys {
      #expect(rows.contains("`\(symbol)`"), "no row for `\(symbol)` in the unit table")
    }
  }

  /// The fenced YAML blocks that are whole files: `version: 1`, then a known `kind`.
  static func exampleFiles() throws -> [String] {
    var files: [String] = []
    var current: [Substring]?
    for line in try text().split(separator: "\n", omittingEmptySubsequences: false) {
      if current == nil, line == "```yaml" {
        current = []
      } else if let lines = current, line == "```" {
        let kind = lines.dropFirst().first.flatMap {
          DocumentKind(rawValue: String($0.dropFirst("kind: ".count)))
        }
        if lines.first == "version: 1", kind != nil {
          files.append(lines.joined(separator: "\n") + "\n")
        }
        current = nil
      } else {
        current?.append(line)
      }
    }
    return files
  }

  /// Each example, put in place of its counterpart in `examples/.budgets`, leaves the tree valid
  /// (the Owners example stands alone: the example budgets use dimensions it leaves out).
  @Test func everyExampleFileIsValid() throws {
    let examples = try Self.exampleFiles()
    #expect(examples.count == 5)
    let root = SchemaDocument.packageRoot + "/examples/.budgets"
    var base: [String: String] = [:]
    for path in SchemaSyncTests.yamlFiles(under: root) {
      base[".budgets" + path.dropFirst(root.count)] = try String(
        contentsOfFile: path, encoding: .utf8)
    }
    for example in examples {
      let kind = example.split(separator: "\n")[1]
      var files = base
      switch kind {
      case "kind: Owners": files = [".budgets/owners.yaml": example]
      case "kind: Budget": files[".budgets/models/fraud-detector.yaml"] = example
      case "kind: Exception": files[".budgets/exceptions/2026-11-peak-latency.yaml"] = example
      case "kind: Import": files[".budgets/imports/locust.yaml"] = example
      default: files[".budgets/approvals/example.yaml"] = example
      }
      let tree = BudgetTreeLoader().load(
        files.map { BudgetSourceFile(path: $0.key, content: .bytes(Array($0.value.utf8))) })
      #expect(tree.diagnostics.isEmpty, "\(kind) example: \(tree.diagnostics)")
    }
  }
}
