import Foundation
import Testing

@testable import BudgetKit

/// Keeps the JSON Schemas under `schemas/` in step with the validator: the same keys at every
/// level, the same kinds, units, names, choices and defaults.
struct SchemaSyncTests {
  /// One object level of a schema and the keys its decoder allows there.
  struct KeyLevel: Sendable, CustomStringConvertible {
    var schema: String
    var path: [String]
    var keys: [String]

    var description: String {
      "\(schema) \(path.isEmpty ? "top level" : path.joined(separator: "/"))"
    }
  }

  static let levels: [KeyLevel] = [
    KeyLevel(schema: "owners", path: [], keys: OwnersDecoder.keys),
    KeyLevel(schema: "owners", path: ["$defs", "team"], keys: OwnersDecoder.teamKeys),
    KeyLevel(schema: "owners", path: ["$defs", "member"], keys: OwnersDecoder.memberKeys),
    KeyLevel(schema: "owners", path: ["$defs", "dimension"], keys: OwnersDecoder.dimensionKeys),
    KeyLevel(schema: "owners", path: ["$defs", "signOff"], keys: OwnersDecoder.signOffKeys),
    KeyLevel(schema: "owners", path: ["properties", "rules"], keys: OwnersDecoder.ruleKeys),
    KeyLevel(schema: "owners", path: ["properties", "regressions"], keys: ["blocking"]),
    KeyLevel(schema: "budget", path: [], keys: BudgetDecoder.keys),
    KeyLevel(schema: "budget", path: ["$defs", "metric"], keys: BudgetDecoder.metricKeys),
    KeyLevel(schema: "budget", path: ["$defs", "override"], keys: BudgetDecoder.overrideKeys),
    KeyLevel(
      schema: "budget", path: ["$defs", "metric", "properties", "regression"],
      keys: RegressionDecoder.keys),
    KeyLevel(
      schema: "budget", path: ["$defs", "runReference"], keys: [RecordedReferenceDecoder.runKey]),
    KeyLevel(
      schema: "budget", path: ["$defs", "commitReference"],
      keys: [RecordedReferenceDecoder.commitKey]),
    KeyLevel(schema: "exception", path: [], keys: ExceptionDecoder.keys),
    KeyLevel(schema: "exception", path: ["$defs", "metric"], keys: ExceptionDecoder.metricKeys),
    KeyLevel(schema: "approval", path: [], keys: ApprovalDecoder.keys),
    KeyLevel(schema: "approval", path: ["$defs", "approvedFile"], keys: ApprovalDecoder.fileKeys),
    KeyLevel(schema: "import", path: [], keys: ImportMappingDecoder.keys),
    KeyLevel(schema: "import", path: ["$defs", "figure"], keys: ImportMappingDecoder.entryKeys),
    KeyLevel(
      schema: "import", path: ["$defs", "selector"], keys: ImportMappingDecoder.selectorKeys),
  ]

  @Test(arguments: levels)
  func propertiesMatchTheDecoderKeys(_ level: KeyLevel) throws {
    let document = try SchemaDocument(level.schema)
    let object = try #require(document.schema(at: level.path))
    #expect(document.propertyNames(at: level.path) == Set(level.keys))
    #expect(
      object["additionalProperties"] as? Bool == false,
      "unknown keys must be refused, as the decoder does")
    let properties = try #require(object["properties"] as? [String: Any])
    for (key, value) in properties {
      let property = document.resolved(try #require(value as? [String: Any]))
      let description = property["description"] as? String ?? ""
      #expect(!description.isEmpty, "`\(key)` in \(level) has no description for editors")
    }
  }

  @Test func everyClosedObjectIsCheckedAgainstADecoder() throws {
    for name in SchemaDocument.names {
      let checked = Set(
        Self.levels.filter { $0.schema == name }.map { $0.path.joined(separator: "/") })
      #expect(try SchemaDocument(name).closedObjects == checked, "\(name).schema.json")
    }
  }

  @Test func kindsMatchTheDocumentKinds() throws {
    var kinds: [String] = []
    for name in SchemaDocument.names {
      let document = try SchemaDocument(name)
      #expect(document.root["$schema"] as? String == "https://json-schema.org/draft/2020-12/schema")
      #expect((document.root["$id"] as? String)?.isEmpty == false)
      #expect((document.root["title"] as? String)?.isEmpty == false)
      #expect(document.root["additionalProperties"] as? Bool == false)
      let required = try #require(document.root["required"] as? [String])
      #expect(required.starts(with: ["version", "kind"]))
      #expect(
        (document.schema(at: ["properties", "version"])?["const"] as? NSNumber)?.intValue == 1)
      let kind = try #require(document.schema(at: ["properties", "kind"])?["enum"] as? [String])
      #expect(
        kind.count == 1 && kind.first?.lowercased() == name,
        "\(name).schema.json describes one kind, its own")
      kinds += kind
    }
    #expect(kinds.sorted() == DocumentKind.allCases.map(\.rawValue).sorted())
  }

  @Test func quantityUnitsMatchTheUnitTable() throws {
    let table = Set(QuantityUnit.table.keys)
    var quantityDefinitions: [NSDictionary] = []
    for name in ["budget", "exception"] {
      let document = try SchemaDocument(name)
      let quantity = try #require(document.schema(at: ["$defs", "quantity"]))
      quantityDefinitions.append(quantity as NSDictionary)
      let patterns = (quantity["anyOf"] as? [[String: Any]] ?? []).compactMap {
        $0["pattern"] as? String
      }
      let withUnits = try #require(patterns.first { SchemaDocument.unitSymbols(in: $0) != nil })
      var symbols = Set(try #require(SchemaDocument.unitSymbols(in: withUnits)))
      #expect(symbols.remove("[A-Z]{3}") != nil, "currencies are any three capital letters")
      #expect(
        patterns.contains { $0.hasSuffix(" ?%$") },
        "percentages have a pattern of their own, up to 100%")
      symbols.insert("%")
      #expect(
        symbols == table,
        "\(name): in the schema only \(symbols.subtracting(table)), in bursar only \(table.subtracting(symbols))"
      )

    }
    #expect(
      quantityDefinitions[0] == quantityDefinitions[1],
      "a quantity is the same in budgets and exceptions")
    let window = try #require(
      SchemaDocument("budget").schema(at: ["$defs", "duration"])?["pattern"] as? String)
    let durations = Set(QuantityUnit.table.filter { $0.value.family == .duration }.keys)
    #expect(Set(SchemaDocument.unitSymbols(in: window) ?? []) == durations)
  }

  /// Texts on both sides of every rule of the quantity grammar.
  static let quantitySamples = [
    "0", "100", "0.95", "100ms", "100 ms", "100  ms", "100 ", " 100ms", "1.5s", "1.", ".5", "1e3",
    "0o17",
    "0x10", "-1", "+1", "1,000", "1_000", "12.5.3", "0.40 USD", "0.40 usd", "12 ABCD", "1200/s",
    "50/min",
    "3/h", "2GiB", "1.5GB", "2 KiB", "512kB", "40J", "3kWh", "0.5mJ", "99.95%", "100%", "100.0%",
    "100.5%",
    "101%", "0100%", "5 %", "1000%", "250us", "250µs", "2m", "2 min", "7d", "1w", "24h", "no", "",
    "ms",
    "%", "USD", "1 ms ", "30d", "0d", "0.0s", "0.5h", "1.0", "1.5",
  ]

  @Test(arguments: quantitySamples)
  func quantityPatternsAgreeWithTheParser(_ text: String) throws {
    let document = try SchemaDocument("budget")
    func accepts(_ definition: String) throws -> Bool {
      let schema = try #require(document.schema(at: ["$defs", definition]))
      let patterns = (schema["anyOf"] as? [[String: Any]] ?? [schema]).compactMap {
        $0["pattern"] as? String
      }
      return try patterns.contains { try SchemaDocument.matches($0, text) }
    }
    let parsed = try? QuantityParser.parse(text).get()
    let inRange = parsed.map { !($0.family == .ratio && $0.baseValue > 1) } ?? false
    #expect(try accepts("quantity") == inRange, "`max: \(text)`")
    let ratio =
      parsed.map { $0.family.unified(with: .ratio) == .ratio && $0.baseValue <= 1 } ?? false
    #expect(try accepts("ratio") == ratio, "`slo: \(text)`")
    let window = parsed.map { $0.family == .duration && $0.baseValue > 0 } ?? false
    #expect(try accepts("duration") == window, "`window: \(text)`")
  }

  static let nameSamples = [
    "a", "0", "fraud-detector", "p95.latency_x", "-a", ".a", "_a", "a b", "A", "aB", "EXC-2026-011",
    "é",
    "ranker\u{0430}", String(repeating: "a", count: 64), String(repeating: "a", count: 65), "",
    "a/b", "production",
  ]

  @Test(arguments: nameSamples)
  func namePatternsAgreeWithIdentifiers(_ text: String) throws {
    for name in SchemaDocument.names {
      for (path, pattern) in try SchemaDocument(name).patterns
      where pattern.contains("0-9._-]{0,63}") {
        let expected: Bool
        if pattern.contains("A-Z") {
          expected = ExceptionKind.isValid(text)
        } else if pattern.contains("(?!production$)") {
          expected = EnvironmentKind.isValid(text) && text != "production"
        } else {
          expected = TeamKind.isValid(text)
        }
        #expect(
          try SchemaDocument.matches(pattern, text) == expected, "`\(text)` at \(name)\(path)")
      }
    }
  }

  @Test(arguments: [
    "deleted", "sha256:" + String(repeating: "0a", count: 32), "sha256:ABC", "sha256:", "Deleted",
  ])
  func digestPatternAgreesWithTheValidator(_ text: String) throws {
    let pattern = try #require(
      SchemaDocument("approval").schema(at: ["$defs", "approvedFile", "properties", "digest"])?[
        "pattern"] as? String)
    #expect(try SchemaDocument.matches(pattern, text) == MeaningDigest.isWellFormed(text))
  }

  @Test func rulesMatchTheirChoicesAndDefaults() throws {
    let owners = try SchemaDocument("owners")
    let rules = try #require(owners.schema(at: ["properties", "rules", "properties"]))
    func property(_ key: String) throws -> [String: Any] {
      owners.resolved(try #require(rules[key] as? [String: Any]))
    }
    let defaults = Rules()
    let approvers: [String: Rules.Approvers] = [
      "loosen": defaults.loosen, "tighten": defaults.tighten, "add": defaults.add,
      "remove": defaults.remove,
      "exception": defaults.exception,
    ]
    for (key, value) in approvers {
      #expect(try property(key)["enum"] as? [String] == Rules.Approvers.allCases.map(\.rawValue))
      #expect(try property(key)["default"] as? String == value.rawValue, "default of `\(key)`")
    }
    #expect(
      try property("signatures")["enum"] as? [String] == Rules.Signatures.allCases.map(\.rawValue))
    #expect(try property("signatures")["default"] as? String == defaults.signatures.rawValue)
    #expect(
      try (property("max_exception_days")["default"] as? NSNumber)?.intValue
        == defaults.maxExceptionDays)
    #expect(
      try (property("self_approval")["default"] as? NSNumber)?.boolValue == defaults.selfApproval)
  }

  /// A complete file of each kind, every top-level key present.
  static let completeFiles: [String: String] = [
    "owners": "examples/.budgets/owners.yaml",
    "budget": "examples/.budgets/models/fraud-detector.yaml",
    "exception": "examples/.budgets/exceptions/2026-11-peak-latency.yaml",
    "import": "examples/.budgets/imports/locust.yaml",
  ]

  static let completeApproval = """
    version: 1
    kind: Approval
    by: alice
    approves:
      - { path: models/fraud-detector.yaml, digest: deleted }
    note: Reviewed.
    signature: |
      -----BEGIN SSH SIGNATURE-----
      AAAA
      -----END SSH SIGNATURE-----
    """

  /// A top-level key is required in the schema exactly when leaving it out is an error.
  @Test(arguments: SchemaDocument.names)
  func requiredKeysMatchWhatTheDecoderMisses(_ name: String) throws {
    let text =
      try Self.completeFiles[name].map {
        try String(contentsOfFile: SchemaDocument.packageRoot + "/" + $0, encoding: .utf8)
      } ?? Self.completeApproval
    guard
      case .mapping(let root) = try StrictYAMLReader().read(Array(text.utf8), path: "f.yaml").get()
    else {
      Issue.record("\(name): not a mapping")
      return
    }
    let document = try SchemaDocument(name)
    let required = Set(try #require(document.root["required"] as? [String]))
    #expect(
      Set(root.entries.map(\.key)) == document.propertyNames(at: []), "the file sets every key")
    for key in root.entries.map(\.key) {
      var without = root
      without.entries.removeAll { $0.key == key }
      let rules = Set(DocumentDecoder().decode(.mapping(without), path: "f.yaml").1.map(\.rule))
      let missed = rules.contains(.missingKey) || rules.contains(.version) || rules.contains(.kind)
      #expect(missed == required.contains(key), "\(name): leaving out `\(key)` gives \(rules)")
    }
  }
}
