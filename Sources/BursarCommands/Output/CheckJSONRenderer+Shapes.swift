import BudgetKit
import Foundation
import Measurements

/// The `shape` object of a result and the report's `composite`, for the later metric shapes
/// (documented in `docs/json.md`); absent for a plain metric and without weights.
extension CheckJSONRenderer {
  struct ShapeItem: Encodable {
    var relative: RelativeItem?
    var groupGap: GroupGapItem?
    var drift: DriftItem?
    var rolling: RollingItem?
    var parts: PartsItem?
    var period: PeriodItem?
  }

  struct RelativeItem: Encodable {
    var baseline: String
    var maxDrop: String?
    var maxRise: String?
    var floor: String?
    var ceiling: String?
    var change: JSONOutput.Number?
  }

  struct PairItem: Encodable {
    var high: String
    var highValue: JSONOutput.Number?
    var low: String
    var lowValue: JSONOutput.Number?
  }

  struct GroupGapItem: Encodable {
    var across: String
    var method: String
    var groups: Int
    var difference: JSONOutput.Number?
    var differenceText: String?
    var differencePair: PairItem?
    var ratio: JSONOutput.Number?
    var ratioPair: PairItem?
    var ratioBreached: Bool?
  }

  struct DriftItem: Encodable {
    var test: String
    var reference: String
    var referenceSamples: Int
    var currentSamples: Int
    var minSamples: Int
    var pValueFloor: String
    var statistic: JSONOutput.Number?
    var pValue: JSONOutput.Number?
    var insufficient: Bool
  }

  struct RollingItem: Encodable {
    var window: String
    var statistic: String
    var from: String
    var to: String
    var values: Int
    var measured: Int
  }

  struct PartsItem: Encodable {
    var shares: [ShareItem]
    var unaccounted: JSONOutput.Number?
  }

  struct ShareItem: Encodable {
    var metric: String
    var measured: String?
    var share: JSONOutput.Number?
  }

  struct PeriodItem: Encodable {
    var period: String
    var start: String
    var end: String
    var elapsed: JSONOutput.Number?
    var projected: JSONOutput.Number?
    var projectedText: String?
    var cap: String
    var projectionBreaches: Bool
    var insufficient: Bool
  }

  struct CompositeItem: Encodable {
    var visibilityOnly: Bool
    var composite: JSONOutput.Number?
    var decidedBy: String?
    var dimensions: [DimensionItem]
  }

  struct DimensionItem: Encodable {
    var dimension: String
    var health: JSONOutput.Number?
    var weight: JSONOutput.Number?
    var blocks: Bool
  }

  func shapeItem(_ shape: ShapeOutcome) -> ShapeItem? {
    guard !shape.isEmpty else { return nil }
    let instant = ISO8601DateFormatter()
    return ShapeItem(
      relative: shape.relative.map {
        RelativeItem(
          baseline: $0.baseline.text, maxDrop: $0.maxDrop?.text, maxRise: $0.maxRise?.text,
          floor: $0.floor?.text, ceiling: $0.ceiling?.text, change: $0.change.flatMap(finite))
      },
      groupGap: shape.groupGap.map { gap in
        GroupGapItem(
          across: gap.across.rawValue, method: gap.method.rawValue, groups: gap.groups,
          difference: gap.difference.flatMap(finite),
          differenceText: gap.difference.map { QuantityText.format($0, in: gap.unit) },
          differencePair: gap.differencePair.map(pair), ratio: gap.ratio.flatMap(finite),
          ratioPair: gap.ratioPair.map(pair), ratioBreached: gap.ratioEvaluation?.fails)
      },
      drift: shape.drift.map {
        DriftItem(
          test: $0.test.rawValue, reference: $0.reference.description,
          referenceSamples: $0.referenceCount, currentSamples: $0.currentCount,
          minSamples: $0.minSamples, pValueFloor: $0.floor.text,
          statistic: $0.statistic.flatMap(finite), pValue: $0.pValue.flatMap(finite),
          insufficient: $0.insufficient)
      },
      rolling: shape.rolling.map {
        RollingItem(
          window: $0.window.text, statistic: $0.statistic.rawValue,
          from: instant.string(from: Date(timeIntervalSince1970: $0.from)),
          to: instant.string(from: Date(timeIntervalSince1970: $0.to)), values: $0.count,
          measured: $0.measured)
      },
      parts: shape.parts.map { parts in
        PartsItem(
          shares: parts.shares.map {
            ShareItem(
              metric: $0.metric.rawValue, measured: $0.figure?.text,
              share: $0.share.flatMap(finite))
          }, unaccounted: parts.unaccounted.flatMap(finite))
      },
      period: shape.period.map { period in
        PeriodItem(
          period: period.period.rawValue, start: instant.string(from: period.start),
          end: instant.string(from: period.end), elapsed: finite(period.elapsed),
          projected: period.projected.flatMap(finite),
          projectedText: period.projected.map { QuantityText.format($0, in: period.cap.unit) },
          cap: period.cap.text, projectionBreaches: period.projectionBreaches,
          insufficient: period.projected == nil)
      })
  }

  private func pair(_ pair: GroupPair) -> PairItem {
    PairItem(
      high: pair.high, highValue: finite(pair.highValue), low: pair.low,
      lowValue: finite(pair.lowValue))
  }

  func compositeItem(_ summary: CompositeSummary) -> CompositeItem {
    CompositeItem(
      visibilityOnly: true, composite: summary.composite.flatMap(finite),
      decidedBy: summary.decidedBy?.rawValue,
      dimensions: summary.dimensions.map {
        DimensionItem(
          dimension: $0.name.rawValue, health: $0.health.flatMap(finite),
          weight: finite($0.weight), blocks: $0.blocks)
      })
  }
}
