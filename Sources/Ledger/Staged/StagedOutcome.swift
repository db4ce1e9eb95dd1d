import BudgetKit

/// What a commit about to be made does to `.budgets/`: whether what is staged is valid, and how
/// it changes budgets against HEAD.
public struct StagedOutcome: Sendable {
  /// How much of the staged tree was read to validate it.
  public enum Reading: Sendable, Equatable {
    /// Nothing under `.budgets/` is staged, so there was nothing to validate.
    case nothingStaged
    /// Every file was read and checked.
    case wholeTree
    /// HEAD's tree was known to be valid, so only the changed files and the unchanged files
    /// the cross-file checks relate them to (`files` in all) were read.
    case changedFiles(files: Int)
  }

  /// Errors and warnings: of the whole tree, or of the files read when only changes were.
  public var diagnostics: [Diagnostic]
  /// How the staged tree changes budgets against HEAD; empty when the tree is invalid.
  public var changes: [BudgetChange]
  /// The YAML files staged under `.budgets/`.
  public var fileCount: Int
  public var ignored: [IgnoredFile]
  public var reading: Reading
  /// Whether the commit loosens, keyed by HEAD and the index, for the commit-msg hook; nil when
  /// the tree is invalid or the verdict cannot be keyed.
  public var verdict: CommitVerdict?

  public init(
    diagnostics: [Diagnostic], changes: [BudgetChange], fileCount: Int,
    ignored: [IgnoredFile] = [], reading: Reading, verdict: CommitVerdict? = nil
  ) {
    self.diagnostics = diagnostics
    self.changes = changes
    self.fileCount = fileCount
    self.ignored = ignored
    self.reading = reading
    self.verdict = verdict
  }

  public var isValid: Bool { !diagnostics.hasErrors }

  /// Whether the commit loosens anything (a cap raised or dropped, a budget removed...).
  public var loosens: Bool { changes.contains { $0.kind.isLoosening } }
}
