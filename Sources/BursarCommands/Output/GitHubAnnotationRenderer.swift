import BudgetKit

/// GitHub Actions workflow commands (`::error file=…,line=…::message`), one per diagnostic.
struct GitHubAnnotationRenderer: Renderer {
  func render(_ diagnostics: [Diagnostic]) -> String {
    diagnostics.map { diagnostic in
      let level = diagnostic.severity == .error ? "error" : "warning"
      let location = diagnostic.location
      let properties = [
        "file=\(Self.escapeProperty(location.path))", "line=\(location.line)",
        "col=\(location.column)",
        "title=\(Self.escapeProperty("bursar \(diagnostic.rule.rawValue)"))",
      ].joined(separator: ",")
      var message = diagnostic.message
      if let hint = diagnostic.hintSentence { message += " (\(hint))" }
      return "::\(level) \(properties)::\(Self.escapeData(message))"
    }.joined(separator: "\n")
  }

  static func escapeData(_ text: String) -> String {
    text.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "\r", with: "%0D")
      .replacingOccurrences(of: "\n", with: "%0A")
  }

  static func escapeProperty(_ text: String) -> String {
    escapeData(text).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(
      of: ",", with: "%2C")
  }
}
