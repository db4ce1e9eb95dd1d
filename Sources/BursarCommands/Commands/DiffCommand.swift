import ArgumentParser
import BudgetKit
import Ledger

/// `bursar diff`: the semantic diff of budgets between two points, in git's forms.
struct DiffCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "diff",
    abstract: "Show how budgets changed: per budget, environment and metric, old → new.",
    discussion: """
      bursar diff                 the work tree against HEAD
      bursar diff --staged        the index against HEAD
      bursar diff REV             the work tree against REV (the index with --staged)
      bursar diff REV1 REV2       REV2 against REV1
      bursar diff A..B            B against A
      bursar diff A...B           B against the merge base of A and B

      Values are compared as parsed, so comments, formatting and moves of a budget between \
      files are not changes. The diff is informational: exit 0 whatever changed, 1 when either \
      side is invalid (nothing is diffed), 2 for a bad revision.
      """)

  @OptionGroup var repository: RepositoryOptions

  @Flag(name: .long, help: "Compare what is staged in the index.")
  var staged = false

  @Option(name: .long, help: "Output format: text, json or markdown (a pull-request comment).")
  var format: DiffFormat = .text

  @Argument(help: "Revisions: none, REV, REV REV, A..B or A...B.")
  var revisions: [String] = []

  func validate() throws {
    if revisions.count > 2 { throw ValidationError("give at most two revisions") }
    if staged && (revisions.count == 2 || revisions.contains { $0.contains("..") }) {
      throw ValidationError("--staged compares the index with one revision; give at most one")
    }
    if revisions.count == 2 && revisions.contains(where: { $0.contains("..") }) {
      throw ValidationError("give a range (A..B) or two revisions, not both")
    }
  }

  func run() throws {
    let repo = try repository.open()
    let old: BudgetSource?
    let new: BudgetSource
    do {
      (old, new) = try DiffEndpoints(repository: repo, staged: staged).resolve(revisions)
    } catch {
      throw CommandFailure.diffEndpoints(error)
    }
    // Digests tell whether an approval the change adds still binds to its file.
    let reader = TreeAtPoint(repository: repo)
    let oldTree = try load(old, reader)
    let newTree = try load(new, reader)
    guard oldTree != nil || newTree != nil else {
      throw CommandFailure.noBudgetsFolder(
        in: "\(label(old)) or in \(label(new))", at: new, reader: SnapshotReader(repository: repo))
    }
    for (source, tree) in [(old, oldTree), (new, newTree)] {
      if let tree, !tree.isValid { try refuse(source, tree) }
    }
    var from = oldTree.map { DiffSide(tree: $0, digests: true) } ?? DiffSide()
    var to = newTree.map { DiffSide(tree: $0, digests: true) } ?? DiffSide()
    (from.baselines, to.baselines) = BaselineResolution.resolve(oldTree, newTree, in: repo)
    let changes = BudgetDiff.withBudgetValues(
      BudgetDiff.changes(from: from, to: to), from: from, to: to)
    let report = DiffReport(from: label(old), to: label(new), changes: changes)
    switch format {
    case .text: Console.output(DiffTextRenderer().render(report))
    case .json: Console.output(JSONRenderer(DiffJSON.init).render(report))
    case .markdown: Console.output(DiffMarkdownRenderer().render(report))
    }
  }

  private func load(_ source: BudgetSource?, _ reader: TreeAtPoint) throws -> BudgetTree? {
    guard let source else { return nil }
    do { return try reader.tree(at: source) } catch { throw CommandFailure(error) }
  }

  private func label(_ source: BudgetSource?) -> String {
    source?.heading ?? "the empty tree (no commits yet)"
  }

  /// Reports an invalid side and stops with exit 1: a diff of half-parsed files would mislead.
  private func refuse(_ source: BudgetSource?, _ tree: BudgetTree) throws -> Never {
    let errors = tree.diagnostics.filter { $0.severity == .error }
    var lines = [
      "bursar: the budgets in \(label(source)) are invalid (\(errors.count == 1 ? "1 error" : "\(errors.count) errors")), so they are not diffed:"
    ]
    lines += errors.prefix(10).map { "  \($0.sentence)" }
    if errors.count > 10 { lines.append("  … and \(errors.count - 10) more") }
    let flag: String
    switch source {
    case .commit(let revision)?: flag = " --rev \(revision.text)"
    case .index?: flag = " --staged"
    default: flag = ""
    }
    lines.append("Run `bursar validate\(flag)` for the details.")
    Console.error(lines.joined(separator: "\n"))
    throw ExitCode(ExitStatus.blocked)
  }
}

/// The output formats of `diff`.
enum DiffFormat: String, OutputFormat, CaseIterable {
  case text
  case json
  case markdown
}
