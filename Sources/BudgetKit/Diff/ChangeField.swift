/// What within a budget, an exception, an approval or the Owners file a change is about.
///
/// Sign-off policy and the diff switch over it; output writes its `name` (`max`, `owner`,
/// `teams.sre.members`), the word `docs/json.md` documents as a change's `field`.
public enum ChangeField: Sendable, Hashable {
  /// A bound of a metric: a budget's effective value, or the value an exception grants.
  case bound(BoundKey)
  /// A budget's accountable team.
  case owner
  /// The dimension a budget's metric belongs to, which decides who governs it.
  case dimension
  /// How a metric's figures are judged against recorded runs (`regression:`).
  case regression
  /// A field of a metric's shape that is not a quantity (`across`, `parts`, `period`…).
  case shape(MetricShapeField)
  /// The figure a tool's output measures a metric by, for one tool (`import.locust`).
  case importFigure(ImportMappingTool)
  /// An exception's first day.
  case starts
  /// An exception's last day.
  case expires
  /// An exception's reason.
  case reason
  /// An exception's ticket.
  case ticket
  /// An approval of a file.
  case approval
  /// The Owners file itself, which appeared or went away.
  case ownersFile
  /// A field of the Owners file, by its dotted path there: `governance`, `teams.sre.members`,
  /// `dimensions.latency.owners`, `rules.loosen`.
  case owners(path: String)

  /// The field as output names it.
  public var name: String {
    switch self {
    case .bound(let key): key.rawValue
    case .owner: "owner"
    case .dimension: "dimension"
    case .regression: "regression"
    case .shape(let field): field.rawValue
    case .importFigure(let tool): "import." + tool.rawValue
    case .starts: "starts"
    case .expires: "expires"
    case .reason: "reason"
    case .ticket: "ticket"
    case .approval: "approval"
    case .ownersFile: "owners"
    case .owners(let path): path
    }
  }

  /// The bound concerned, for a bound's change.
  public var boundKey: BoundKey? {
    if case .bound(let key) = self { return key }
    return nil
  }
}
