/// One semantic change between two budget trees: which value of what moved, and which way.
///
/// Values are the text as written (`100ms`, `0.13s`). A budget's base metrics are its
/// production budget, so their changes are in `.production`, like any other environment.
public struct BudgetChange: Sendable, Hashable {
  public var category: ChangeCategory
  public var kind: ChangeKind
  /// The budget concerned, when there is one (not for most Owners changes).
  public var budget: BudgetName?
  /// The environment whose effective value changed, `.production` for the base metrics; nil
  /// for a change that concerns no environment (the Owners file, an approval).
  public var environment: EnvironmentName?
  public var metric: MetricName?
  /// What changed: a bound, a budget's owner or a metric's dimension, an exception's dates or
  /// texts, an approval, a field of the Owners file; nil for a change with no one field.
  public var subject: ChangeField?
  public var old: String?
  public var new: String?
  /// The change in the metric's unit as a fraction (0.3 for 30% higher), when both values are
  /// quantities of one family and the old one is not zero.
  public var relativeChange: Double?
  /// The file the change is in: the new file, or the old one when the thing was removed.
  public var path: String
  /// The exception concerned, for exception changes.
  public var exception: ExceptionID?
  /// What happened to the exception, for exception changes.
  public var action: ExceptionAction?
  /// A short note for people, such as the approver and the file an approval covers.
  public var note: String?
  /// For an exception's granted field: the budget's own effective value that the grant
  /// relaxes, on the side the exception is on (the new side, the old one when withdrawn); nil
  /// when that budget is not on the side.
  public var budgetValue: String?
  /// For exception changes: the exception's last day (`expires`), on the side it is on.
  public var expires: String?
  /// For an approval that appears: whether it binds to its file's meaning on the new side;
  /// nil when the side does not know the file's digest.
  public var approvalState: ApprovalState?

  public init(
    category: ChangeCategory, kind: ChangeKind, budget: BudgetName? = nil,
    environment: EnvironmentName? = nil, metric: MetricName? = nil, subject: ChangeField? = nil,
    old: String? = nil, new: String? = nil, relativeChange: Double? = nil, path: String,
    exception: ExceptionID? = nil, action: ExceptionAction? = nil, note: String? = nil,
    budgetValue: String? = nil, expires: String? = nil, approvalState: ApprovalState? = nil
  ) {
    self.category = category
    self.kind = kind
    self.budget = budget
    self.environment = environment
    self.metric = metric
    self.subject = subject
    self.old = old
    self.new = new
    self.relativeChange = relativeChange
    self.path = path
    self.exception = exception
    self.action = action
    self.note = note
    self.budgetValue = budgetValue
    self.expires = expires
    self.approvalState = approvalState
  }

  /// The environment as people name it: `production` also for a change that names none.
  public var environmentName: EnvironmentName { environment ?? .production }

  /// The field as output writes it (`max`, `owner`, `teams.sre.members`), nil when none.
  public var field: String? { subject?.name }
}
