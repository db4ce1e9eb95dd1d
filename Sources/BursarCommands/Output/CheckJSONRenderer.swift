import BudgetKit
import Foundation
import Measurements

/// The `check --format json` document, documented in `docs/check.md`.
///
/// Keys are snake_case; a key whose value does not apply (no figure, no exception) is left out.
/// Numbers in base units (`value`, `absoluteBase`) are seconds, bytes, fractions, events per
/// second, joules or currency units, written as exact decimals (`JSONOutput.Number`); non-finite
/// numbers are left out.
struct CheckJSONRenderer: Renderer {
  var source: String

  struct Document: Encodable {
    var verdict: String
    var environment: String
    var at: String
    var day: String
    var measurements: String
    var source: String
    var percentileMethod: String
    var allowMissing: Bool
    var allowScaleWarnings: Bool
    var burnRateRules: [String]
    var summary: [String: Int]
    var results: [Result]
    var composite: CompositeItem?
    var imported: Imported?
  }

  /// `imported`: present when the figures were a tool's output read through import mappings.
  struct Imported: Encodable {
    var tool: String
    var mappings: [String]
    var unmapped: [UnmappedFigure]
  }

  struct UnmappedFigure: Encodable {
    var name: String
    var labels: [String: String]
    var statistic: String
    var result: String?
    var path: String
    var line: Int
    var column: Int
  }

  struct Result: Encodable {
    var budget: String
    var metric: String
    var dimension: String
    var verdict: String
    var blocks: Bool
    var limit: Limit
    var measured: Measured?
    var headroom: HeadroomItem?
    var errorBudget: ErrorBudgetItem?
    var reason: String?
    var warning: String?
    var exception: ExceptionItem?
    var inactiveExceptions: [InactiveException]
    var owners: [String]
    var runbook: String?
    var shape: ShapeItem?
  }

  struct Limit: Encodable {
    var max: String?
    var min: String?
    var slo: String?
    var window: String?
    var baseline: String?
    var maxDrop: String?
    var maxRise: String?
    var maxDifference: String?
    var minRatio: String?
    var pValue: String?
    var minSamples: String?

    init(_ bound: Bound) {
      (max, min, slo, window) = (
        bound.max?.text, bound.min?.text, bound.slo?.text, bound.window?.text
      )
      (baseline, maxDrop, maxRise) = (
        bound.baseline?.text, bound[.maxDrop]?.text, bound[.maxRise]?.text
      )
      (maxDifference, minRatio, pValue, minSamples) = (
        bound[.maxDifference]?.text, bound[.minRatio]?.text, bound[.pValue]?.text,
        bound[.minSamples]?.text
      )
    }
  }

  struct Measured: Encodable {
    var text: String
    var value: JSONOutput.Number?
    var unit: String
    var source: String
    var path: String
    var line: Int
    var column: Int
    var samplesName: String?
    var statistic: String?
    var method: String?
    var samples: Int?
    var good: JSONOutput.Number?
    var total: JSONOutput.Number?
    var coveredSeconds: JSONOutput.Number?
    var points: Int?
    var latestAt: String?
  }

  struct HeadroomItem: Encodable {
    var against: String
    var absolute: String
    var absoluteBase: JSONOutput.Number?
    var relative: JSONOutput.Number?
  }

  struct ErrorBudgetItem: Encodable {
    var objective: JSONOutput.Number
    var windowSeconds: JSONOutput.Number
    var sli: JSONOutput.Number
    var spent: JSONOutput.Number?
    var remaining: JSONOutput.Number?
    var alert: String?
    var burnRates: [BurnRate]
    var firing: [String]
    var unjudged: [String]
  }

  struct BurnRate: Encodable {
    var window: String
    var rate: JSONOutput.Number?
    var good: JSONOutput.Number
    var total: JSONOutput.Number
    var coveredSeconds: JSONOutput.Number
    var coverage: JSONOutput.Number
  }

  struct ExceptionItem: Encodable {
    var id: String
    var path: String
    var starts: String
    var expires: String
    var ticket: String?
    var reason: String
    var limit: Limit
    var headroom: HeadroomItem?
  }

  struct InactiveException: Encodable {
    var id: String
    var starts: String
    var expires: String
  }

  func render(_ report: CheckReport) -> String {
    // `insufficient` is counted only when some result is: a check without the later shapes
    // writes the summary it always did.
    let kinds = CheckVerdict.Kind.allCases.filter { $0 != .insufficient || report.count($0) > 0 }
    let summary = Dictionary(uniqueKeysWithValues: kinds.map { ($0.rawValue, report.count($0)) })
    return Self.encode(
      Document(
        verdict: report.blocks ? "fail" : "pass", environment: report.environment.rawValue,
        at: ISO8601DateFormatter().string(from: report.at), day: report.day.description,
        measurements: report.measurementsPath,
        source: source, percentileMethod: report.percentileMethod.rawValue,
        allowMissing: report.allowMissing, allowScaleWarnings: report.allowScaleWarnings,
        burnRateRules: report.burnRatePolicy.rules.map(\.description), summary: summary,
        results: report.results.map(result), composite: report.composite.map(compositeItem),
        imported: report.imported.map(imported)))
  }

  private func imported(_ summary: ImportSummary) -> Imported {
    Imported(
      tool: summary.tool.rawValue, mappings: summary.mappings,
      unmapped: summary.unmapped.map {
        UnmappedFigure(
          name: $0.name, labels: $0.labels, statistic: $0.statistic, result: $0.result,
          path: $0.location.path, line: $0.location.line, column: $0.location.column)
      })
  }

  private func result(_ result: MetricCheck) -> Result {
    Result(
      budget: result.budget.rawValue, metric: result.metric.rawValue,
      dimension: result.dimension.rawValue,
      verdict: result.verdict.name, blocks: result.blocks, limit: Limit(result.bound),
      measured: result.figure.map(measured),
      headroom: result.evaluation?.headroom.map(headroom),
      errorBudget: result.evaluation?.errorBudget.map(errorBudget),
      reason: zip(result.figure, result.evaluation).flatMap(CheckPresentation.reason),
      warning: result.scaleWarning?.message,
      exception: result.coveredBy.map { exception($0.exception, $0.evaluation) },
      inactiveExceptions: result.inactiveExceptions.map {
        InactiveException(
          id: $0.id.value.rawValue, starts: $0.starts.value.description,
          expires: $0.expires.value.description)
      },
      owners: result.owners.map(\.rawValue), runbook: result.runbook,
      shape: result.shape.flatMap(shapeItem))
  }

  private func measured(_ figure: MeasuredFigure) -> Measured {
    var item = Measured(
      text: figure.text, value: finite(figure.value), unit: figure.unit.symbol, source: "summary",
      path: figure.location.path, line: figure.location.line, column: figure.location.column)
    switch figure.source {
    case .summary: break
    case .samples(let name, let statistic, let method, let count):
      (item.source, item.samplesName, item.statistic, item.method, item.samples) =
        ("samples", name.rawValue, statistic.description, method.rawValue, count)
    case .series(_, let events):
      (item.source, item.good, item.total, item.coveredSeconds) = (
        "series", JSONOutput.Number(events.good), JSONOutput.Number(events.total),
        JSONOutput.Number(events.covered)
      )
    case .derived:
      item.source = "derived"
    case .latest(let points, let time):
      (item.source, item.points, item.latestAt) = (
        "latest", points, TimeText.utcISO(Date(timeIntervalSince1970: time))
      )
    }
    return item
  }

  private func headroom(_ headroom: Headroom) -> HeadroomItem {
    HeadroomItem(
      against: headroom.key.rawValue, absolute: headroom.absoluteText,
      absoluteBase: finite(headroom.absolute),
      relative: headroom.relative.flatMap(finite))
  }

  private func errorBudget(_ budget: ErrorBudget) -> ErrorBudgetItem {
    ErrorBudgetItem(
      objective: number(budget.objective), windowSeconds: number(budget.window),
      sli: number(budget.sli),
      spent: finite(budget.spent),
      remaining: finite(budget.remaining), alert: budget.alert?.rawValue,
      burnRates: budget.burnRates.map {
        BurnRate(
          window: $0.window.text, rate: finite($0.rate), good: number($0.events.good),
          total: number($0.events.total), coveredSeconds: number($0.events.covered),
          coverage: number($0.coverage))
      },
      firing: budget.firing.map(\.description), unjudged: budget.unjudged.map(\.description))
  }

  private func exception(_ exception: BudgetException, _ evaluation: MetricEvaluation)
    -> ExceptionItem
  {
    ExceptionItem(
      id: exception.id.value.rawValue, path: exception.path,
      starts: exception.starts.value.description,
      expires: exception.expires.value.description, ticket: exception.ticket,
      reason: exception.reason,
      limit: Limit(evaluation.bound), headroom: evaluation.headroom.map(headroom))
  }

  /// Sorted, pretty JSON as `JSONOutput` writes it, with snake_case keys like the YAML files'.
  static func encode(_ document: Document) -> String {
    let encoder = JSONEncoder()
    encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
    encoder.keyEncodingStrategy = .convertToSnakeCase
    guard let data = try? encoder.encode(document) else { return "{}" }
    return String(decoding: data, as: UTF8.self)
  }

  /// JSON has no infinity: such a number is left out.
  func finite(_ value: Double) -> JSONOutput.Number? {
    JSONOutput.Number(value)
  }

  /// A number that is always finite (an objective, a window, a count of events).
  private func number(_ value: Double) -> JSONOutput.Number {
    JSONOutput.Number(value) ?? JSONOutput.Number(0)
  }
}

/// Both values, when both are there.
private func zip<A, B>(_ first: A?, _ second: B?) -> (A, B)? {
  guard let first, let second else { return nil }
  return (first, second)
}
