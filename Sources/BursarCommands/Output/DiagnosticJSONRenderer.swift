import BudgetKit

/// The `validate --format json` document, documented in `docs/json.md`.
struct DiagnosticJSONRenderer: Renderer {
  struct Document: Encodable {
    var valid: Bool
    var source: String
    var files: Int
    var errors: [Item]
    var warnings: [Item]
    var ignored: [Ignored]
  }

  struct Item: Encodable {
    var path: String
    var line: Int
    var column: Int
    var rule: String
    var severity: String
    var message: String
    var hint: String?

    init(_ diagnostic: Diagnostic) {
      path = diagnostic.location.path
      line = diagnostic.location.line
      column = diagnostic.location.column
      rule = diagnostic.rule.rawValue
      severity = diagnostic.severity.rawValue
      message = diagnostic.message
      hint = diagnostic.hintSentence
    }
  }

  struct Ignored: Encodable {
    var path: String
    var reason: String
  }

  func render(_ report: ValidationReport) -> String {
    JSONOutput.encode(
      Document(
        valid: report.isValid, source: report.source, files: report.fileCount,
        errors: report.errors.map(Item.init), warnings: report.warnings.map(Item.init),
        ignored: report.ignored.map { Ignored(path: $0.path, reason: $0.reason) }))
  }
}
