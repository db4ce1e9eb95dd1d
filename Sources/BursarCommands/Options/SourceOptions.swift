import ArgumentParser
import Ledger

/// Which `.budgets/` to read, as typed: the work tree (default), the index, or a revision.
/// `source(with:)` resolves it once into the `BudgetSource` the commands read.
struct SourceOptions: ParsableArguments {
  @Option(
    name: .long,
    help: ArgumentHelp(
      "Read budgets at a revision (anything `git rev-parse` takes).", valueName: "rev"))
  var rev: String?

  @Flag(name: .long, help: "Read what is staged in the index (what a pre-commit hook sees).")
  var staged = false

  func validate() throws {
    if rev != nil && staged {
      throw ValidationError("--rev and --staged name different sources; give one of them")
    }
  }

  /// The source to read, with `--rev` resolved to its commit.
  func source(with revisions: RevisionResolver) throws(LedgerError) -> BudgetSource {
    if staged { return .index }
    if let rev { return try revisions.resolve(rev).source }
    return .workTree
  }
}
