import BudgetKit
import Foundation
import GitKit

/// Judges the commit about to be made, as the pre-commit and commit-msg hooks need: validates
/// what is staged under `.budgets/` and compares it with HEAD, reading as little as it can.
///
/// The comparison reads only the files that differ between HEAD and the index. Validation reads
/// only them too, plus the few unchanged files the cross-file checks relate them to
/// (`CrossFileScope`), when a `ValidationCache` says HEAD's tree was valid and knows the facts of
/// its files; otherwise it reads the whole staged tree and fills the cache for the next commit.
/// Either way the errors are those of validating the whole staged tree. For the pre-commit hook
/// a created or extended exception that grants nothing is an error too
/// (`ChangedExceptionPolicy`), though validation only warns of it.
public struct StagedReview {
  public let repository: Repository
  public let root: String
  public let limits: ReadLimits
  /// The cache file; nil to validate the whole tree every time.
  public var cachePath: String?
  /// The version of bursar, which a cache must have been written by to be trusted.
  public var version: String

  public init(
    repository: Repository, root: String = ".budgets", limits: ReadLimits = .standard,
    cachePath: String?, version: String
  ) {
    self.repository = repository
    self.root = root
    self.limits = limits
    self.cachePath = cachePath
    self.version = version
  }

  /// Where a repository keeps the cache: in its common git directory, shared by its work trees.
  /// The review of a repository with its own validation cache, trusted only when written by
  /// `version`.
  public init(of repository: Repository, version: String) {
    self.init(
      repository: repository, cachePath: Self.cachePath(for: repository), version: version)
  }

  public static func cachePath(for repository: Repository) -> String {
    repository.commonDirectory + "/bursar/validation-cache"
  }

  /// Removes what the hooks leave in the git directory (the validation cache and the commit
  /// verdict), and their folder when nothing else is in it.
  public static func forgetShortcuts(in repository: Repository) {
    let files = [cachePath(for: repository), CommitVerdict.path(in: repository)]
    for file in files { try? FileManager.default.removeItem(atPath: file) }
    for folder in Set(files.map { URL(fileURLWithPath: $0).deletingLastPathComponent().path }) {
      // Fails, as it should, when the folder holds anything else.
      rmdir(folder)
    }
  }

  /// What a review is for.
  public enum Purpose: Sendable {
    /// The pre-commit hook: validate the staged tree, remember it when valid, and diff it.
    case preCommit
    /// The commit-msg hook: only the diff.
    case commitMessage
    /// `bursar validate --staged`: only validation, using the cache but never writing it.
    case validation
  }

  /// Validates what is staged and compares it with HEAD, as much as `purpose` needs.
  public func review(for purpose: Purpose = .preCommit) throws(LedgerError) -> StagedOutcome {
    let sides = try StagedSides(repository: repository, root: root)
    let files = StagedFiles(repository: repository, root: root, limits: limits)
    guard !sides.staged.entries.isEmpty || !sides.staged.conflictedPaths.isEmpty else {
      let changes = purpose == .validation ? [] : files.changes(sides, newFiles: [:])
      return StagedOutcome(
        diagnostics: [], changes: changes, fileCount: 0, reading: .nothingStaged)
    }
    guard purpose != .commitMessage else {
      let parsed = files.parse(sides.changedPaths.compactMap { sides.new[$0] })
      return StagedOutcome(
        diagnostics: [], changes: files.changes(sides, newFiles: parsed),
        fileCount: sides.parsableCount, reading: .changedFiles(files: parsed.count))
    }
    var cache = cachePath.map { ValidationCache.load(from: $0, version: version) }
    let checked =
      cache.flatMap { validateChanges(sides, files: files, cache: $0) }
      ?? validateWholeTree(sides, files: files)
    if purpose == .preCommit, checked.tree.isValid, let known = cache, let cachePath {
      cache = remember(checked, sides: sides, in: known)
      if cache != known { cache?.write(to: cachePath, version: version) }
    }
    let newFiles = checked.parsed.filter { sides.changedFullPaths.contains($0.key) }
    let compares = purpose == .preCommit && checked.tree.isValid
    var outcome = StagedOutcome(
      diagnostics: checked.tree.diagnostics,
      changes: compares ? files.changes(sides, newFiles: newFiles, context: checked.parsed) : [],
      fileCount: checked.fileCount, ignored: checked.tree.ignored, reading: checked.reading)
    // A new or extended exception that grants nothing is refused, though the tree is valid.
    let refusals = ChangedExceptionPolicy(changes: outcome.changes).refusals(
      checked.tree.diagnostics, exceptions: checked.tree.exceptions)
    if !refusals.isEmpty {
      outcome.diagnostics = (outcome.diagnostics + refusals).sortedByLocation()
    } else if compares {
      outcome.verdict = CommitVerdict(
        head: sides.head, index: sides.staged.checksum, loosens: outcome.loosens)
    }
    return outcome
  }

  private struct Checked {
    var tree: BudgetTree
    /// How many budget files the tree has, read or not.
    var fileCount: Int
    /// The files read, by path from the repository root.
    var parsed: [String: ParsedFile]
    var reading: StagedOutcome.Reading
  }

  /// Validation of the changed files and their neighbours, when the cache allows it.
  private func validateChanges(_ sides: StagedSides, files: StagedFiles, cache: ValidationCache)
    -> Checked?
  {
    guard sides.staged.conflictedPaths.isEmpty, let headEntries = sides.headEntries,
      sides.parsableCount <= limits.maxFiles,
      cache.validTrees.contains(TreeFingerprint(entries: headEntries))
    else { return nil }
    var base: [String: FileFacts] = [:]
    for entry in headEntries where entry.isBudgetFile {
      let path = "\(root)/\(entry.path)"
      guard let facts = cache.facts[.init(blob: entry.id, path: path)] else { return nil }
      base[path] = facts
    }
    // Unchanged entries that are not budget files are classified too (which reads no blob), so
    // the ignored files are those of the whole tree.
    let changed = sides.changedPaths.compactMap { sides.new[$0] }
    let others = sides.staged.entries.filter {
      !$0.isBudgetFile && !sides.changedPaths.contains($0.path)
    }
    let sorted = files.classify(changed + others)
    let parsedChanged = files.loader.parse(sorted.yaml)
    let scope = CrossFileScope(base: base)
    guard let neighbours = scope.neighbours(changed: sides.changedFullPaths, new: parsedChanged)
    else { return nil }
    let parsedNeighbours = files.parse(
      neighbours.compactMap { sides.new[String($0.dropFirst(root.count + 1))] })
    let all = parsedChanged + parsedNeighbours.values
    let tree = files.loader.assemble(
      all, ignored: sorted.ignored, diagnostics: sorted.diagnostics,
      budgetNames: scope.budgetNames(changed: sides.changedFullPaths, new: parsedChanged))
    return Checked(
      tree: tree, fileCount: sides.parsableCount,
      parsed: Dictionary(all.map { ($0.path, $0) }, uniquingKeysWith: { a, _ in a }),
      reading: .changedFiles(files: all.count))
  }

  private func validateWholeTree(_ sides: StagedSides, files: StagedFiles) -> Checked {
    var diagnostics = sides.conflictDiagnostics
    let sorted = files.classify(sides.staged.entries)
    diagnostics += sorted.diagnostics
    let parsed = files.loader.parse(sorted.yaml)
    let tree = files.loader.assemble(parsed, ignored: sorted.ignored, diagnostics: diagnostics)
    return Checked(
      tree: tree, fileCount: tree.paths.count,
      parsed: Dictionary(parsed.map { ($0.path, $0) }, uniquingKeysWith: { a, _ in a }),
      reading: .wholeTree)
  }

  /// The cache after a valid staged tree: its fingerprint, and the facts of its files and of
  /// HEAD's (so the same comparison can be made again before the commit is made).
  private func remember(_ checked: Checked, sides: StagedSides, in cache: ValidationCache)
    -> ValidationCache?
  {
    var next = ValidationCache(validTrees: cache.validTrees)
    for entry in sides.headEntries ?? [] where entry.isBudgetFile {
      let key = ValidationCache.Key(blob: entry.id, path: "\(root)/\(entry.path)")
      if let facts = cache.facts[key] { next.facts[key] = facts }
    }
    for entry in sides.staged.entries where entry.isBudgetFile {
      let key = ValidationCache.Key(blob: entry.id, path: "\(root)/\(entry.path)")
      if let file = checked.parsed[key.path] {
        guard let facts = FileFacts(file) else { return nil }
        next.facts[key] = facts
      } else if let facts = cache.facts[key] {
        next.facts[key] = facts
      } else {
        return nil
      }
    }
    next.rememberValid(TreeFingerprint(entries: sides.staged.entries))
    return next
  }
}
