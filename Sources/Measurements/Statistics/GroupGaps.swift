/// The gaps between groups of one metric, as Fairlearn's `MetricFrame.difference()` and
/// `.ratio()` compute them, naming the pair of groups (or the group and the whole) that make
/// the gap.
///
/// With `g_i` the figures of the groups that have one and `o` the figure over all the data:
/// - difference, between groups: `max g − min g`;
/// - difference, to overall: `max |g_i − o|`;
/// - ratio, between groups: `min g / max g`;
/// - ratio, to overall: `min_i min(g_i/o, o/g_i)` (each ratio turned to be at most 1, as
///   Fairlearn's `ratio_sub_one` does: a ratio above 1 is inverted, one at or below 1 is kept).
/// Ties name the first group in the order given (pandas' `idxmax`/`idxmin`).
///
/// Where Fairlearn returns NaN or infinity this returns a typed outcome: a group without a
/// figure (no members, a zero total, a non-finite value) is left out and listed; a ratio whose
/// denominator is zero (largest group figure ≤ 0, or overall 0) is `insufficientData`.
public struct GroupGaps: Sendable {
  /// Fairlearn's `method=`.
  public enum Method: String, Sendable, CaseIterable {
    case betweenGroups = "between_groups"
    case toOverall = "to_overall"
  }

  /// Which of the two Fairlearn aggregates.
  public enum Kind: String, Sendable, CaseIterable {
    case difference
    case ratio
  }

  /// What makes the gap.
  public enum Pair: Sendable, Equatable {
    /// Between groups: the group with the smallest figure and the one with the largest.
    case groups(lowest: String, highest: String)
    /// To overall: the group furthest from the overall figure.
    case groupAndOverall(group: String)
  }

  /// A gap that could be computed.
  public struct Gap: Sendable, Equatable {
    public var kind: Kind
    public var method: Method
    public var value: Double
    public var pair: Pair
    /// The figures of the pair: the lowest group's (between groups) or the group's (to
    /// overall) ...
    public var firstFigure: Double
    /// ... and the highest group's (between groups) or the overall figure (to overall).
    public var secondFigure: Double
    /// Groups left out because they have no figure, in the order given.
    public var leftOut: [GroupFigure]
    /// Groups expected (present in the reference) but absent from the figures, in order.
    public var missing: [String]
  }

  /// Why there is no gap.
  public enum Insufficiency: Sendable, Equatable {
    /// Fewer groups with a figure than the minimum.
    case tooFewGroups(withFigure: Int, minimum: Int)
    /// `to_overall` without an overall figure (not given, or its total is zero).
    case noOverall
    /// A ratio whose denominator is not positive: the largest group figure (between groups)
    /// or the overall figure (to overall).
    case ratioOfZero(denominator: Double)
  }

  public enum Outcome: Sendable, Equatable {
    case gap(Gap)
    case insufficientData(Insufficiency, leftOut: [GroupFigure], missing: [String])

    public var gap: Gap? {
      if case .gap(let gap) = self { return gap }
      return nil
    }
  }

  public var groups: [GroupFigure]
  /// The metric over all the data, for `to_overall`.
  public var overall: Double?
  /// Groups a reference run had; any not in `groups` is reported as missing.
  public var expectedGroups: [String]
  /// Fewer groups with a figure than this is insufficient data (at least 1).
  public var minimumGroups: Int

  public init(
    groups: [GroupFigure], overall: Double?, expectedGroups: [String] = [],
    minimumGroups: Int = 1
  ) {
    self.groups = groups
    self.overall = overall.flatMap { $0.isFinite ? $0 : nil }
    self.expectedGroups = expectedGroups
    self.minimumGroups = max(minimumGroups, 1)
  }

  /// Groups of a rate from counts: each group's rate is numerator/total, and the overall rate
  /// is Σ numerators / Σ totals (what the metric gives on all the data pooled).
  public static func rates(
    _ counts: [(group: String, numerator: Double, total: Double)], expectedGroups: [String] = [],
    minimumGroups: Int = 1
  ) -> GroupGaps {
    let figures = counts.map {
      GroupFigure(group: $0.group, numerator: $0.numerator, total: $0.total)
    }
    let numerator = counts.reduce(0) { $0 + $1.numerator }
    let total = counts.reduce(0) { $0 + $1.total }
    return GroupGaps(
      groups: figures, overall: total != 0 ? numerator / total : nil,
      expectedGroups: expectedGroups, minimumGroups: minimumGroups)
  }

  /// The gap of one kind by one method.
  public func gap(_ kind: Kind, _ method: Method) -> Outcome {
    let present = Set(groups.map(\.group))
    let missing = expectedGroups.filter { !present.contains($0) }
    let leftOut = groups.filter { $0.figure == nil }
    let defined = groups.compactMap { group in group.figure.map { (group.group, $0) } }
    func insufficient(_ reason: Insufficiency) -> Outcome {
      .insufficientData(reason, leftOut: leftOut, missing: missing)
    }
    guard defined.count >= minimumGroups else {
      return insufficient(.tooFewGroups(withFigure: defined.count, minimum: minimumGroups))
    }
    func gap(_ value: Double, _ pair: Pair, _ first: Double, _ second: Double) -> Outcome {
      .gap(
        Gap(
          kind: kind, method: method, value: value, pair: pair, firstFigure: first,
          secondFigure: second, leftOut: leftOut, missing: missing))
    }
    switch method {
    case .betweenGroups:
      var lowest = defined[0]
      var highest = defined[0]
      for entry in defined.dropFirst() {
        if entry.1 < lowest.1 { lowest = entry }
        if entry.1 > highest.1 { highest = entry }
      }
      let pair = Pair.groups(lowest: lowest.0, highest: highest.0)
      switch kind {
      case .difference:
        return gap(highest.1 - lowest.1, pair, lowest.1, highest.1)
      case .ratio:
        guard highest.1 > 0 else { return insufficient(.ratioOfZero(denominator: highest.1)) }
        return gap(lowest.1 / highest.1, pair, lowest.1, highest.1)
      }
    case .toOverall:
      guard let overall else { return insufficient(.noOverall) }
      switch kind {
      case .difference:
        var worst = defined[0]
        var worstGap = abs(defined[0].1 - overall)
        for entry in defined.dropFirst() where abs(entry.1 - overall) > worstGap {
          worst = entry
          worstGap = abs(entry.1 - overall)
        }
        return gap(worstGap, .groupAndOverall(group: worst.0), worst.1, overall)
      case .ratio:
        guard overall != 0 else { return insufficient(.ratioOfZero(denominator: overall)) }
        func belowOne(_ value: Double) -> Double {
          let ratio = value / overall
          return ratio > 1 ? 1 / ratio : ratio
        }
        var worst = defined[0]
        var worstRatio = belowOne(defined[0].1)
        for entry in defined.dropFirst() where belowOne(entry.1) < worstRatio {
          worst = entry
          worstRatio = belowOne(entry.1)
        }
        return gap(worstRatio, .groupAndOverall(group: worst.0), worst.1, overall)
      }
    }
  }
}
