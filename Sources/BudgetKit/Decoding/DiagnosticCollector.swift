/// Collects the problems found while decoding one file, so a person sees all of them at once.
final class DiagnosticCollector {
  private(set) var diagnostics: [Diagnostic] = []

  func report(_ diagnostic: Diagnostic) {
    diagnostics.append(diagnostic)
  }

  func report(
    _ rule: RuleID, at location: SourceLocation, _ message: String, hint: String? = nil,
    remedy: Remedy? = nil, severity: Diagnostic.Severity = .error
  ) {
    diagnostics.append(
      Diagnostic(rule, at: location, message, hint: hint, remedy: remedy, severity: severity))
  }
}
