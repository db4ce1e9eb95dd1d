import BudgetKit

/// What `validate` found, ready for any renderer.
struct ValidationReport {
  var source: String
  var diagnostics: [Diagnostic]
  var fileCount: Int
  var ignored: [IgnoredFile]

  var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }
  var warnings: [Diagnostic] { diagnostics.filter { $0.severity == .warning } }
  var isValid: Bool { errors.isEmpty }
}
