import ArgumentParser
import BudgetKit
import Foundation
import Ledger

/// `bursar validate`: schema and cross-file checks of `.budgets/`.
struct ValidateCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "validate",
    abstract: "Check .budgets/ for schema, unit and cross-file errors.",
    discussion: """
      Reads the work tree by default, the index with --staged, or any revision with --rev, \
      always from git objects (nothing is checked out). The whole tree is checked; PATH \
      arguments limit the report to those files or folders. Exit 1 when anything is invalid.
      """)

  @OptionGroup var repository: RepositoryOptions
  @OptionGroup var sourceOptions: SourceOptions

  @Option(name: .long, help: "Output format: text, json, github (workflow annotations) or sarif.")
  var format: ValidateFormat = .text

  @Argument(help: "Files or folders to report on (relative to the current folder or to .budgets/).")
  var paths: [String] = []

  func run() throws {
    let repo = try repository.open()
    let snapshots = SnapshotReader(repository: repo)
    let source: BudgetSource
    do { source = try sourceOptions.source(with: RevisionResolver(repository: repo)) } catch {
      throw CommandFailure(error)
    }
    let found =
      try source == .index
      ? staged(StagedReview(of: repo, version: Bursar.version), snapshots)
      : whole(source, snapshots)
    let filter = try PathFilter(arguments: paths, workTree: repo.workingDirectory)
    let report = ValidationReport(
      source: source.description,
      diagnostics: found.diagnostics.filter { filter.includes($0.location.path) },
      fileCount: found.fileCount, ignored: found.ignored.filter { filter.includes($0.path) })
    switch format {
    case .text: Console.output(DiagnosticTextRenderer().render(report))
    case .json: Console.output(DiagnosticJSONRenderer().render(report))
    case .github:
      if !report.diagnostics.isEmpty {
        Console.output(GitHubAnnotationRenderer().render(report.diagnostics))
      }
    case .sarif: Console.output(SARIFRenderer().render(report.diagnostics))
    }
    if !report.isValid { throw ExitCode(ExitStatus.blocked) }
  }

  /// The whole tree at the source, read and checked.
  private func whole(_ source: BudgetSource, _ snapshots: SnapshotReader) throws -> (
    diagnostics: [Diagnostic], fileCount: Int, ignored: [IgnoredFile]
  ) {
    let snapshot: BudgetSnapshot
    do {
      snapshot = try snapshots.snapshot(source)
    } catch {
      throw CommandFailure(error)
    }
    // Validation needs no meaning digests; they are a tenth of the parsing time.
    var loader = BudgetTreeLoader()
    loader.computesDigests = false
    let tree = snapshot.load(with: loader)
    return (tree.diagnostics, tree.paths.count, tree.ignored)
  }

  /// The index: only what differs from HEAD is read when the hooks' cache knows HEAD's tree to
  /// be valid; the findings are those of the whole tree either way.
  private func staged(_ review: StagedReview, _ snapshots: SnapshotReader) throws -> (
    diagnostics: [Diagnostic], fileCount: Int, ignored: [IgnoredFile]
  ) {
    let outcome: StagedOutcome
    do { outcome = try review.review(for: .validation) } catch { throw CommandFailure(error) }
    if outcome.reading == .nothingStaged {
      let remedy = snapshots.remedy(missingFrom: .index)
      throw CommandFailure(LedgerError.noBudgetsFolder(source: .index, remedy: remedy))
    }
    return (outcome.diagnostics, outcome.fileCount, outcome.ignored)
  }
}
