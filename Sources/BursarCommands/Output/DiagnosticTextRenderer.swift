import BudgetKit

/// `path:line:col: error[rule]: message`, a hint line where one helps, and a summary.
struct DiagnosticTextRenderer: Renderer {
  var style = Style()

  func render(_ report: ValidationReport) -> String {
    var lines: [String] = []
    for diagnostic in report.diagnostics {
      let severity =
        diagnostic.severity == .error ? style.red("error") : style.yellow("warning")
      lines.append(
        "\(style.bold(diagnostic.location.description)): \(severity)[\(diagnostic.rule.rawValue)]: \(diagnostic.message)"
      )
      if let hint = diagnostic.hintSentence { lines.append("  \(style.cyan("hint")): \(hint)") }
    }
    for file in report.ignored {
      lines.append(style.dim("note: ignored \(file.path): \(file.reason)"))
    }
    lines.append(summary(report))
    return lines.joined(separator: "\n")
  }

  private func summary(_ report: ValidationReport) -> String {
    let files = "\(report.fileCount) budget file\(report.fileCount == 1 ? "" : "s")"
    if report.isValid {
      let warnings =
        report.warnings.isEmpty
        ? "" : " (\(report.warnings.count) warning\(report.warnings.count == 1 ? "" : "s"))"
      return style.green("ok") + ": \(files) in \(report.source) valid\(warnings)"
    }
    let errorFiles = Set(report.errors.map(\.location.path)).count
    let count = report.errors.count
    return style.red("invalid")
      + ": \(count) error\(count == 1 ? "" : "s") in \(errorFiles) file\(errorFiles == 1 ? "" : "s") (\(files) in \(report.source))"
  }
}
