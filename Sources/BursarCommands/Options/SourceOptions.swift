import ArgumentParser
import Ledger

/// Which `.budgets/` to read: the work tree (default), the index, or a revision.
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

  var source: BudgetSource {
    if staged { return .index }
    if let rev { return .revision(rev) }
    return .workTree
  }
}
