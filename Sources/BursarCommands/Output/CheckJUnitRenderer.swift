import BudgetKit
import Foundation
import Measurements

/// JUnit XML, so that CI systems show each metric as a test case: a test suite per budget, a
/// failure per blocking result, a skip per missing figure that is allowed, and the notes of a
/// deviation in its `system-out`.
struct CheckJUnitRenderer: Renderer {
  func render(_ report: CheckReport) -> String {
    let failures = report.results.count(where: \.blocks)
    let skipped = report.results.count { $0.verdict.isSkipped && !$0.blocks }
    var lines = [
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
      "<testsuites name=\"bursar check\" tests=\"\(report.results.count)\" failures=\"\(failures)\" errors=\"0\" skipped=\"\(skipped)\">",
    ]
    let timestamp = ISO8601DateFormatter().string(from: report.at)
    for (budget, results) in CheckPresentation.byBudget(report.results) {
      lines += suite(budget, results: results, report: report, timestamp: timestamp)
    }
    lines.append("</testsuites>")
    return lines.joined(separator: "\n")
  }

  private func suite(
    _ budget: BudgetName, results: [MetricCheck], report: CheckReport, timestamp: String
  ) -> [String] {
    let failures = results.count(where: \.blocks)
    let skipped = results.count { $0.verdict.isSkipped && !$0.blocks }
    var lines = [
      "  <testsuite name=\"\(xml(budget.rawValue))\" tests=\"\(results.count)\" failures=\"\(failures)\" errors=\"0\" skipped=\"\(skipped)\" timestamp=\"\(timestamp)\">",
      "    <properties>",
      "      <property name=\"environment\" value=\"\(xml(report.environment.rawValue))\"/>",
      "      <property name=\"measurements\" value=\"\(xml(report.measurementsPath))\"/>",
    ]
    if let composite = CheckPresentation.composite(report) {
      lines.append("      <property name=\"composite_health\" value=\"\(xml(composite))\"/>")
    }
    lines += ["    </properties>"]
    for result in results {
      lines += testCase(result, day: report.day)
    }
    lines.append("  </testsuite>")
    return lines
  }

  private func testCase(_ result: MetricCheck, day: CalendarDay) -> [String] {
    let open =
      "    <testcase classname=\"bursar.\(xml(result.budget.rawValue))\" name=\"\(xml(result.metric.rawValue))\" time=\"0\">"
    let notes = CheckPresentation.notes(result, day: day)
    let summary =
      "\(CheckPresentation.measured(result)) against \(CheckPresentation.limit(result.bound))"
    var body: [String] = []
    if result.blocks {
      let message = result.figure.flatMap { figure in
        result.evaluation.flatMap { CheckPresentation.reason(figure, $0) }
      }
      // A figure within its bound fails only for its suspect scale or a blocking regression.
      let scale = message == nil ? result.scaleWarning : nil
      let regression =
        message == nil && scale == nil
        ? result.regression.flatMap { $0.regressed ? $0 : nil } : nil
      let type =
        scale != nil ? "scale-warning" : regression != nil ? "regression" : result.verdict.name
      let text =
        message ?? scale?.message
        ?? regression.map { CheckPresentation.regression($0, result) } ?? "no figure measured"
      body.append(
        "      <failure type=\"\(type)\" message=\"\(xml(text))\">\(xml(notes.joined(separator: "\n")))</failure>"
      )
    } else if result.verdict == .missing {
      body.append("      <skipped message=\"no figure measured (allowed)\"/>")
    } else if result.verdict == .insufficient {
      body.append("      <skipped message=\"insufficient data\"/>")
    }
    body.append(
      "      <system-out>\(xml(([summary, CheckPresentation.verdict(result)] + notes).joined(separator: "\n")))</system-out>"
    )
    return [open] + body + ["    </testcase>"]
  }

  /// Text safe in XML attributes and content; characters XML 1.0 cannot hold are dropped.
  private func xml(_ text: String) -> String {
    var escaped = ""
    for scalar in text.unicodeScalars {
      switch scalar {
      case "&": escaped += "&amp;"
      case "<": escaped += "&lt;"
      case ">": escaped += "&gt;"
      case "\"": escaped += "&quot;"
      case "'": escaped += "&apos;"
      case "\n", "\t", "\r": escaped.unicodeScalars.append(scalar)
      default:
        if scalar.value >= 0x20 && scalar.value != 0xFFFE && scalar.value != 0xFFFF {
          escaped.unicodeScalars.append(scalar)
        }
      }
    }
    return escaped
  }
}
