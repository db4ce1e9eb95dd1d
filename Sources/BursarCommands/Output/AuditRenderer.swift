import BudgetKit

/// Renders audit findings as text, JSON (`{"findings": [...]}`), CSV or markdown.
struct AuditRenderer {
  var format: AuditFormat
  var style = Style()

  func render(_ findings: [AuditFinding], range: String) -> String {
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
      [
        finding.kind.rawValue, finding.commit, finding.date, finding.author, finding.path,
        finding.detail,
      ]
      .map(Self.csvField).joined(separator: ",")
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
      ].map {
        $0.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
      }
      lines.append("| " + cells.joined(separator: " | ") + " |")
    }
    return lines.joined(separator: "\n")
  }

  /// RFC 4180 quoting, and a leading quote for cells a spreadsheet would run as a formula.
  static func csvField(_ text: String) -> String {
    var text = text
    if let first = text.first, "=+-@".contains(first) { text = "'" + text }
    guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else {
      return text
    }
    return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
  }
}
