import Foundation

/// Checks the `parts` of a budget's metrics: each part is a metric of the same budget, the parts
/// form no cycle, and in every environment the caps of the parts add up to no more than the
/// whole's cap.
///
/// The cycle search is a depth-first walk over a budget's few dozen metrics, written here
/// because validation sits below the statistics of `Measurements` and needs nothing more.
struct PartsCheck {
  let collector: DiagnosticCollector

  func check(_ metrics: [Metric], environments: [EnvironmentOverride]) {
    let byName = Dictionary(
      metrics.map { ($0.name.value, $0) }, uniquingKeysWith: { first, _ in first })
    let names = metrics.map(\.name.value.rawValue)
    var graph: [MetricName: [MetricName]] = [:]
    for metric in metrics where !metric.shape.parts.isEmpty {
      var seen: Set<MetricName> = []
      for part in metric.shape.parts {
        guard byName[part.value] != nil else {
          collector.report(
            .unknownMetric, at: part.location,
            "`\(part.value)`, a part of `\(metric.name.value)`, is not a metric of this budget",
            hint: Suggestion.hint(for: part.value.rawValue, among: names))
          continue
        }
        if !seen.insert(part.value).inserted {
          collector.report(
            .duplicateName, at: part.location,
            "`\(part.value)` is listed twice in the parts of `\(metric.name.value)`")
          continue
        }
        graph[metric.name.value, default: []].append(part.value)
      }
    }
    let cyclic = reportCycles(graph, metrics: metrics)
    for metric in metrics where !metric.shape.parts.isEmpty && !cyclic.contains(metric.name.value) {
      checkSum(of: metric, byName: byName, environments: environments)
    }
  }

  /// Reports every cycle once, at the `parts` of the metric it is first reached from; returns
  /// the metrics on a cycle, whose sums are not judged.
  private func reportCycles(_ graph: [MetricName: [MetricName]], metrics: [Metric]) -> Set<
    MetricName
  > {
    var state: [MetricName: Bool] = [:]  // false: on the path; true: done
    var path: [MetricName] = []
    var onCycle: Set<MetricName> = []
    var reported: Set<Set<MetricName>> = []
    let locations = Dictionary(
      metrics.compactMap { metric in metric.shape.partsLocation.map { (metric.name.value, $0) } },
      uniquingKeysWith: { first, _ in first })

    func visit(_ node: MetricName) {
      state[node] = false
      path.append(node)
      for next in graph[node] ?? [] {
        switch state[next] {
        case nil: visit(next)
        case false?:
          let start = path.firstIndex(of: next) ?? 0
          let cycle = Array(path[start...])
          onCycle.formUnion(cycle)
          if reported.insert(Set(cycle)).inserted, let location = locations[cycle[0]] {
            let text = (cycle + [cycle[0]]).map { "`\($0)`" }.joined(separator: " → ")
            collector.report(
              .partsCycle, at: location, "the parts of `\(cycle[0])` form a cycle: \(text)",
              hint: "a metric cannot be a part of itself, directly or through its parts")
          }
        case true?: break
        }
      }
      path.removeLast()
      state[node] = true
    }
    for metric in metrics where state[metric.name.value] == nil && graph[metric.name.value] != nil {
      visit(metric.name.value)
    }
    return onCycle
  }

  /// The caps of the parts, in each environment, added up against the whole's cap.
  private func checkSum(
    of whole: Metric, byName: [MetricName: Metric], environments: [EnvironmentOverride]
  ) {
    guard let location = whole.shape.partsLocation else { return }
    let places =
      [(EnvironmentName.production, nil as EnvironmentOverride?)]
      + environments.map { ($0.name.value, $0) }
    for (environment, override) in places {
      func effective(_ metric: Metric) -> Bound {
        let bound = override?.metrics[metric.name.value].map {
          metric.bound.overridden(by: $0.bound)
        }
        return (bound ?? metric.bound).resolved
      }
      guard let cap = effective(whole).max else { return }
      var sum = Decimal(0)
      var terms: [String] = []
      for part in whole.shape.partNames {
        guard let metric = byName[part], let partCap = effective(metric).max,
          partCap.family.unified(with: cap.family) != nil
        else { continue }
        sum += partCap.baseValue
        terms.append("`\(part)` \(partCap.text)")
      }
      guard !terms.isEmpty, sum > cap.baseValue else { continue }
      let total = Self.text(sum, like: cap)
      let place = environment == .production ? "" : " in environment `\(environment)`"
      collector.report(
        .partsExceedWhole, at: location,
        "the parts of `\(whole.name.value)` are capped at \(total) together\(place) (\(terms.joined(separator: " + "))), more than its `max: \(cap.text)`",
        hint:
          "lower a part's `max`, or raise the whole's: the stages cannot take more than the whole")
    }
  }

  /// A base value written in the unit of a quantity: `130ms` for 0.13 seconds next to `120ms`.
  static func text(_ baseValue: Decimal, like quantity: Quantity) -> String {
    var value = baseValue / quantity.unit.factor
    var rounded = Decimal()
    NSDecimalRound(&rounded, &value, 12, .plain)
    if case .money = quantity.unit.family { return "\(rounded) \(quantity.unit.symbol)" }
    return "\(rounded)\(quantity.unit.symbol)"
  }
}
