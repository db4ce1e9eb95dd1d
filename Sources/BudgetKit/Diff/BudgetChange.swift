/// One semantic change between two budget trees: what changed (`what`, with the values on each
/// side as typed values that keep their text as written), which way, and in which file.
///
/// Sign-off policy, the diff, log, blame and every renderer switch over `what`; the properties
/// below are the facts several kinds of change share, worked out from it.
public struct BudgetChange: Sendable, Hashable {
  /// What changed, with its values on both sides.
  public var what: ChangeSubject
  public var kind: ChangeKind
  /// The file the change is in: the new file, or the old one when the thing was removed.
  public var path: String

  public init(_ what: ChangeSubject, kind: ChangeKind, path: String) {
    self.what = what
    self.kind = kind
    self.path = path
  }

  /// What part of the governed files the change touches.
  public var category: ChangeCategory {
    switch what {
    case .bound, .owner, .dimension, .shape, .regression, .importFigure: .budget
    case .exception: .exception
    case .approval: .approval
    case .owners: .governance
    }
  }

  /// The budget concerned, when there is one (not for Owners changes).
  public var budget: BudgetName? {
    switch what {
    case .bound(let bound): bound.budget
    case .owner(let budget, _, _), .dimension(let budget, _, _, _): budget
    case .shape(let shape): shape.budget
    case .regression(let regression): regression.budget
    case .importFigure(let figure): figure.budget
    case .exception(let exception): exception.budget
    case .approval(let approval): approval.budget
    case .owners: nil
    }
  }

  /// The environment the change is in: the one whose effective value changed, `.production`
  /// for a budget's base metrics and for what belongs to a budget as a whole (its owner, its
  /// metrics' dimensions, the approval of its file); nil for a change that concerns no budget.
  public var environment: EnvironmentName? {
    switch what {
    case .bound(let bound): bound.environment
    case .owner, .dimension, .shape, .regression, .importFigure: .production
    case .exception(let exception): exception.environment
    case .approval(let approval): approval.budget == nil ? nil : .production
    case .owners: nil
    }
  }

  /// The metric concerned, when there is one.
  public var metric: MetricName? {
    switch what {
    case .bound(let bound): bound.metric
    case .owner, .approval, .owners: nil
    case .dimension(_, let metric, _, _): metric
    case .shape(let shape): shape.metric
    case .regression(let regression): regression.metric
    case .importFigure(let figure): figure.metric
    case .exception(let exception): exception.field.metric
    }
  }

  /// The field as output names it (`max`, `owner`, `teams.sre.members`).
  public var field: ChangeField {
    switch what {
    case .bound(let bound): .bound(bound.key)
    case .owner: .owner
    case .dimension: .dimension
    case .shape(let shape): .shape(shape.field)
    case .regression: .regression
    case .importFigure(let figure): .importFigure(figure.tool)
    case .exception(let exception): exception.field.field
    case .approval: .approval
    case .owners(let owners): owners.field
    }
  }

  /// The change in the metric's unit as a fraction (0.3 for 30% higher), when both values are
  /// quantities of one family and the old one is not zero.
  public var relativeChange: Double? {
    switch what {
    case .bound(let bound): bound.relativeChange
    case .exception(let exception):
      if case .grant(let grant) = exception.field { grant.relativeChange } else { nil }
    case .owner, .dimension, .shape, .regression, .importFigure, .approval, .owners: nil
    }
  }

  /// The exception concerned, for exception changes.
  public var exception: ExceptionID? {
    if case .exception(let exception) = what { return exception.id }
    return nil
  }

  /// What happened to the exception, for exception changes.
  public var action: ExceptionAction? {
    if case .exception(let exception) = what { return exception.action }
    return nil
  }

  /// For an approval that appears: whether it binds to its file's meaning on the new side.
  public var approvalState: ApprovalState? {
    if case .approval(let approval) = what { return approval.state }
    return nil
  }
}
