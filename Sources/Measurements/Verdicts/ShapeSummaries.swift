import BudgetKit

/// What `check` works out across results once each metric is judged: each part's share of its
/// measured whole, and the composite health of the dimensions.
enum ShapeSummaries {
  /// The results of one budget, each whole with `parts` given their shares of its figure.
  static func withPartShares(_ results: [MetricCheck], of budget: Budget) -> [MetricCheck] {
    let figures = Dictionary(
      results.compactMap { result in result.figure.map { (result.metric, $0) } },
      uniquingKeysWith: { first, _ in first })
    return results.map { result in
      guard let parts = budget.metrics[result.metric]?.shape.partNames, !parts.isEmpty,
        let whole = result.figure
      else { return result }
      let measured = parts.compactMap { part in
        figures[part].flatMap { figure in
          figure.family.unified(with: whole.family) == nil ? nil : (part.rawValue, figure.value)
        }
      }
      let computed = PartShares.of(whole: whole.value, parts: measured).shares
      let byPart = Dictionary(
        (computed?.shares ?? []).map { ($0.part, $0.share) },
        uniquingKeysWith: { first, _ in first })
      var updated = result
      let shares = parts.map { part in
        PartsOutcome.Share(
          metric: part, figure: figures[part], share: byPart[part.rawValue])
      }
      let complete = measured.count == parts.count
      let unaccounted = complete ? computed.map { $0.unaccounted / $0.whole } : nil
      var shape = updated.shape ?? ShapeOutcome()
      shape.parts = PartsOutcome(shares: shares, unaccounted: unaccounted)
      updated.shape = shape
      return updated
    }
  }

  /// Each dimension's health (the share of its judged metrics within budget) and their
  /// composite weighted by the Owners file's `weight`; nil when no dimension has a weight.
  static func composite(_ results: [MetricCheck], owners: Owners?) -> CompositeSummary? {
    guard let owners, owners.dimensions.values.contains(where: { $0.weight != nil }) else {
      return nil
    }
    var order: [DimensionName] = []
    var counts: [DimensionName: (within: Int, over: Int, insufficient: Int, blocks: Bool)] = [:]
    for result in results {
      if counts[result.dimension] == nil {
        order.append(result.dimension)
        counts[result.dimension] = (0, 0, 0, false)
      }
      switch result.verdict {
      case .within: counts[result.dimension]?.within += 1
      case .breached, .excepted: counts[result.dimension]?.over += 1
      case .missing, .insufficient: counts[result.dimension]?.insufficient += 1
      }
      if result.blocks { counts[result.dimension]?.blocks = true }
    }
    let dimensions = order.map { name in
      let count = counts[name] ?? (0, 0, 0, false)
      return CompositeHealth.Dimension(
        name: name.rawValue, within: count.within, over: count.over,
        insufficient: count.insufficient,
        weight: owners.dimensions[name]?.weight.map(ExactValue.double))
    }
    let health = (try? CompositeHealth.of(dimensions))?.health
    let rows = dimensions.map { dimension in
      CompositeSummary.Dimension(
        name: DimensionName(dimension.name), health: dimension.health,
        weight: dimension.weight ?? 1,
        blocks: counts[DimensionName(dimension.name)]?.blocks ?? false)
    }
    // The most constraining dimension decides: of those that fail the check, the least healthy.
    let deciding = rows.filter(\.blocks).min { ($0.health ?? 1) < ($1.health ?? 1) }?.name
    return CompositeSummary(dimensions: rows, composite: health?.composite, decidedBy: deciding)
  }
}

/// Each dimension's health and the weighted composite, for visibility: hard enforcement is
/// per metric, so a composite never passes what a dimension fails.
public struct CompositeSummary: Sendable {
  public struct Dimension: Sendable {
    public var name: DimensionName
    /// The share of the dimension's judged metrics within budget; nil when none was judged.
    public var health: Double?
    public var weight: Double
    /// Whether a metric of the dimension fails the check.
    public var blocks: Bool
  }

  public var dimensions: [Dimension]
  /// The weighted mean of the dimensions' health; nil when no dimension was judged.
  public var composite: Double?
  /// The dimension whose failure decides the verdict when dimensions disagree (the least
  /// healthy of those that fail); nil when none fails.
  public var decidedBy: DimensionName?
}
