/// Which sign-offs a semantic diff needs, judged only by the base revision's Owners file.
///
/// A loosening, an added or removed metric, or a new or extended exception needs the owners of
/// the metric's dimension under `rules`; a whole budget added or removed needs its accountable
/// team; any change to the Owners file needs `governance`. A dimension or team the base does
/// not know falls back to `governance`, so a change cannot name its own judges.
public struct RequiredSignOffs: Sendable {
  /// The Owners file of the base revision; nil when the base has none.
  public var owners: Owners?
  public var base: DiffSide
  public var head: DiffSide

  public init(owners: Owners?, base: DiffSide, head: DiffSide) {
    self.owners = owners
    self.base = base
    self.head = head
  }

  /// The sign-offs the changes need, one per file and set of teams, in path order.
  public func required(for changes: [BudgetChange]) -> [RequiredSignOff] {
    var merged: [String: RequiredSignOff] = [:]
    var order: [String] = []
    for change in changes {
      for signOff in signOffs(for: change) {
        let key = change.path + "\u{0}" + describe(signOff)
        if merged[key] == nil {
          merged[key] = RequiredSignOff(path: change.path, signOff: signOff, reasons: [])
          order.append(key)
        }
        merged[key]?.reasons.append(Self.reason(change))
      }
    }
    return order.compactMap { merged[$0] }.sorted {
      ($0.path, describe($0.signOff)) < ($1.path, describe($1.signOff))
    }
  }

  /// The sign-offs one change needs; empty when nobody has to approve it.
  public func signOffs(for change: BudgetChange) -> [SignOff] {
    guard let owners else { return [Self.unjudgeable] }
    switch change.what {
    case .approval: return []
    case .owners: return [owners.governance]
    case .exception(let exception): return exceptionSignOffs(exception, owners)
    case .owner(let budget, _, _): return [accountable(budget, owners)]
    case .dimension(_, _, _, let new):
      // Moving a metric to another dimension changes who governs it: both sides must agree.
      return directionSignOffs(change, owners)
        + resolve(approvers(of: change.kind, owners), dimension: new, owners)
    // A change of `regression:` settings is `changed`, governed like a loosening. A mapping's
    // figure has no one direction: which figure measures a metric is judged like a loosening of
    // it (added and removed by the `add` and `remove` rules).
    case .bound, .shape, .regression, .importFigure:
      return directionSignOffs(change, owners)
    }
  }

  /// What a change needs when the base has no Owners file: a team no one belongs to.
  static let unjudgeable = SignOff(teams: ["no-owners-in-base"], require: .any)

  /// What the rule for the change's direction asks, plus the accountable team for a budget
  /// that is added or removed as a whole.
  private func directionSignOffs(_ change: BudgetChange, _ owners: Owners) -> [SignOff] {
    let wholeBudget =
      change.budget.map { name in
        !base.budgets.contains { $0.name.value == name }
          || !head.budgets.contains { $0.name.value == name }
      } ?? false
    var needs = resolve(
      approvers(of: change.kind, owners), budget: change.budget, metric: change.metric, owners)
    if wholeBudget { needs.append(accountable(change.budget, owners)) }
    return needs
  }

  private func approvers(of kind: ChangeKind, _ owners: Owners) -> Rules.Approvers {
    switch kind {
    case .tighten: owners.rules.tighten
    case .loosen, .changed: owners.rules.loosen
    case .added: owners.rules.add
    case .removed: owners.rules.remove
    }
  }

  private func exceptionSignOffs(_ exception: ExceptionChange, _ owners: Owners) -> [SignOff] {
    switch exception.action {
    case .shortened, .withdrawn: return []
    case .created, .extended, .amended:
      return resolve(
        owners.rules.exception, budget: exception.budget, metric: exception.field.metric, owners)
    }
  }

  private func resolve(
    _ approvers: Rules.Approvers, budget: BudgetName?, metric: MetricName?, _ owners: Owners
  ) -> [SignOff] {
    guard approvers == .owners else { return resolve(approvers, dimension: nil, owners) }
    guard let budget, let metric, let dimension = dimension(of: metric, in: budget) else {
      // A change to a whole environment or a budget field: the accountable team decides.
      return [accountable(budget, owners)]
    }
    return resolve(approvers, dimension: dimension, owners)
  }

  private func resolve(_ approvers: Rules.Approvers, dimension: DimensionName?, _ owners: Owners)
    -> [SignOff]
  {
    switch approvers {
    case .none: return []
    case .governance: return [owners.governance]
    case .owners:
      guard let dimension, let known = owners.dimensions[dimension] else {
        return [owners.governance]
      }
      return [known.signOff]
    }
  }

  /// The budget's accountable team as the base names it, else as the head does; a team the
  /// base does not know falls back to governance.
  private func accountable(_ budget: BudgetName?, _ owners: Owners) -> SignOff {
    let named = budget.flatMap { name in
      (base.budgets.first { $0.name.value == name } ?? head.budgets.first { $0.name.value == name })?
        .owner.value
    }
    guard let team = named, owners.teams[team] != nil else { return owners.governance }
    return SignOff(teams: [team], require: .any)
  }

  /// The metric's dimension in the base budget, else in the head (a metric the change adds).
  private func dimension(of metric: MetricName, in budget: BudgetName) -> DimensionName? {
    for side in [base, head] {
      if let found = side.budgets.first(where: { $0.name.value == budget })?.metrics[metric] {
        return found.dimension.value
      }
    }
    return nil
  }

  private func describe(_ signOff: SignOff) -> String {
    signOff.teams.map(\.rawValue).joined(separator: ",") + "/\(signOff.require)"
  }

  /// `loosen fraud staging latency_p95: 100ms → 130ms`.
  static func reason(_ change: BudgetChange) -> String {
    var words = [change.kind.rawValue]
    switch change.what {
    case .exception(let exception):
      words.append("exception \(exception.id) (\(exception.action.rawValue))")
    case .owners: words.append("owners")
    case .bound, .owner, .dimension, .shape, .regression, .importFigure, .approval: break
    }
    if let budget = change.budget { words.append(budget.rawValue) }
    if let environment = change.environment, environment != .production {
      words.append(environment.rawValue)
    }
    if let metric = change.metric { words.append(metric.rawValue) }
    switch change.what {
    // A metric's bound or dimension is named by the metric.
    case .bound, .dimension: break
    case .owner, .shape, .regression, .importFigure, .exception, .approval, .owners:
      words.append(change.field.name)
    }
    var text = words.joined(separator: " ")
    if change.oldText != nil || change.newText != nil {
      text += ": \(change.oldText ?? "none") → \(change.newText ?? "none")"
    }
    return text
  }
}
