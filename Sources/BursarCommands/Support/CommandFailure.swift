import Ledger

/// A failure that stops a command before it can judge anything (exit code 2): the error of the
/// module that failed, kept as it was thrown and put into the command line's words once, here.
public enum CommandFailure: Error, CustomStringConvertible {
  /// A budget tree or its history could not be read, or git could not do what was asked (not
  /// a repository, an unknown revision...).
  case ledger(LedgerError)
  /// `approve` cannot write a record that would count.
  case approval(ApprovalDraftError)
  /// `--at` names no revision or date with a commit.
  case pointInTime(PointInTime.Failure)
  /// `diff`'s revisions name no two points to compare.
  case diffEndpoints(DiffEndpoints.Failure)
  /// A sentence the command writes itself about what it was given.
  case stated(String)

  public init(_ description: String) {
    self = .stated(description)
  }

  public init(_ error: LedgerError) {
    self = .ledger(error)
  }

  public var description: String {
    switch self {
    case .ledger(let error): error.sentence
    case .approval(let error): error.sentence
    case .diffEndpoints(let error): error.sentence
    case .pointInTime(let error): error.sentence
    case .stated(let sentence): sentence
    }
  }

  /// `.budgets/` is missing from a source, named as the command names it, with what to do.
  static func noBudgetsFolder(in label: String, at source: BudgetSource, reader: SnapshotReader)
    -> CommandFailure
  {
    let remedy = reader.remedy(missingFrom: source)
    return CommandFailure("no .budgets/ folder in \(label)" + remedy.advice(for: source))
  }
}
