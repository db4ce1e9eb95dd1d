import BudgetKit

/// Renders audit findings as text, JSON (`{"findings": [...]}`), CSV or markdown.
struct AuditRenderer: Renderer {
  var format: AuditFormat
  /// The range audited, as the user wrote it, for the headings.
  var range: String
  var style = Style()

  func render(_ findings: [AuditFinding]) -> String {
    switch format {
    case .json: return JSONOutput.encode(["findings": findings])
    case .csv: return csv(findings)
    case .markdown: return markdown(findings, range: range)
    case .text: return text(findings, range: range)
    }
  }

  private func text(_ findings: [AuditFinding], range: String) -> String {
    guard !findings.isEmpty else { return style.green("clean") + ": nothing to report in \(range)" }
    var lines = findings.map { finding in
      let place = finding.path.isEmpty ? "" : " \(finding.path)"
      return
        "\(kind(finding.kind)) \(String(finding.commit.prefix(7))) \(finding.date)\(place): \(finding.detail)"
    }
    lines.append(
      style.red("found")
        + ": \(findings.count) finding\(findings.count == 1 ? "" : "s") in \(range)")
    return lines.joined(separator: "\n")
  }

  /// The kind, in red; `approved-late` in yellow, as its approval is genuine.
  private func kind(_ kind: AuditFinding.Kind) -> String {
    kind == .approvedLate ? style.yellow(kind.rawValue) : style.red(kind.rawValue)
  }

  private func csv(_ findings: [AuditFinding]) -> String {
    let header = "kind,commit,date,author,path,detail"
    let rows = findings.map { finding in
      CSVWriter.row([
        finding.kind.rawValue, finding.commit, finding.date, finding.author, finding.path,
        finding.detail,
      ])
    }
    return ([header] + rows).joined(separator: "\n")
  }

  private func markdown(_ findings: [AuditFinding], range: String) -> String {
    guard !findings.isEmpty else { return "### bursar audit: ✅ nothing to report in `\(range)`" }
    var lines = [
      "### bursar audit: ❌ \(findings.count) finding\(findings.count == 1 ? "" : "s") in `\(range)`",
      "",
      "| kind | commit | date | file | detail |", "|---|---|---|---|---|",
    ]
    for finding in findings {
      let cells = [
        finding.kind.rawValue, "`\(finding.commit.prefix(7))`", finding.date,
        finding.path.isEmpty ? "" : "`\(finding.path)`", finding.detail,
      ]
      lines.append(MarkdownTable.row(cells, escapingHTML: false))
    }
    return lines.joined(separator: "\n")
  }
}
