import BudgetKit
import Foundation
import GitKit

/// Reads the files of `.budgets/` from the work tree, the index or any revision, through libgit2:
/// nothing is checked out and nothing in the repository is written.
public struct SnapshotReader {
  /// Where commits, trees and blobs are read.
  public let objects: any ObjectReading
  /// The repository whose index and work tree can be read; nil when only objects can.
  public let repository: Repository?
  public let limits: ReadLimits
  /// The budgets folder, relative to the repository root.
  public let root: String

  public init(repository: Repository, limits: ReadLimits = .standard, root: String = ".budgets") {
    self.objects = repository
    self.repository = repository
    self.limits = limits
    self.root = root
  }

  /// A reader of revisions only: the work tree and the index are reported as missing
  /// (`LedgerError.noWorkTree`).
  public init(objects: any ObjectReading, limits: ReadLimits = .standard, root: String = ".budgets")
  {
    self.objects = objects
    self.repository = nil
    self.limits = limits
    self.root = root
  }

  /// The snapshot at a source, or an error when there is no `.budgets/` there (saying what to
  /// do, from where else the repository has one). A commit source is read at the commit it was
  /// resolved to; nothing is resolved again.
  public func snapshot(_ source: BudgetSource) throws(LedgerError) -> BudgetSnapshot {
    do {
      return try read(source)
    } catch .noBudgetsFolder(let missing, _) {
      throw .noBudgetsFolder(source: missing, remedy: remedy(missingFrom: missing))
    }
  }

  /// What to suggest when `.budgets/` is missing from a source.
  public func remedy(missingFrom source: BudgetSource) -> BudgetsFolderRemedy {
    guard let repository else { return .initialise }
    return BudgetsFolderRemedy(missingFrom: source, in: repository, root: root)
  }

  private func read(_ source: BudgetSource) throws(LedgerError) -> BudgetSnapshot {
    switch source {
    case .workTree: return try workTreeSnapshot()
    case .index: return try indexSnapshot()
    case .commit(let revision): return try snapshot(atCommit: revision.commit, source: source)
    }
  }

  /// The snapshot recorded in a commit; a missing folder is reported as missing from `source`,
  /// or from the commit by its id when no source is given.
  public func snapshot(atCommit commit: Oid, source: BudgetSource? = nil) throws(LedgerError)
    -> BudgetSnapshot
  {
    let folder: BudgetFolder
    do { folder = try BudgetFolder.of(commit: commit, root: root, in: objects) } catch {
      throw .git(error)
    }
    let entries: [TreeEntry]
    switch folder {
    case .missing:
      throw .noBudgetsFolder(
        source: source ?? .commit(ResolvedRevision(text: commit.hex, commit: commit)),
        remedy: .initialise)
    case .notAFolder: return BudgetSnapshot(files: [], diagnostics: [notADirectory()])
    case .files(let files): entries = files
    }
    // Blobs are read as the loader asks for them, a batch at a time.
    let sorted = entries.sorted { $0.path < $1.path }
    return BudgetSnapshot(paths: sorted.map { "\(root)/\($0.path)" }) {
      sorted[$0].map(sourceFile)
    }
  }

  private func indexSnapshot() throws(LedgerError) -> BudgetSnapshot {
    guard let repository else { throw .noWorkTree }
    let listing: IndexListing
    do { listing = try repository.indexFiles(under: root) } catch { throw .git(error) }
    let diagnostics = listing.conflictedPaths.map { Self.conflicted("\(root)/\($0)") }
    if listing.entries.isEmpty && listing.conflictedPaths.isEmpty {
      throw .noBudgetsFolder(source: .index, remedy: .initialise)
    }
    return BudgetSnapshot(files: listing.entries.map(sourceFile), diagnostics: diagnostics)
  }

  func sourceFile(_ entry: TreeEntry) -> BudgetSourceFile {
    let path = "\(root)/\(entry.path)"
    switch entry.kind {
    case .symlink: return BudgetSourceFile(path: path, content: .symlink)
    case .submodule: return BudgetSourceFile(path: path, content: .other("a submodule, not a file"))
    case .file, .executable:
      guard BudgetSourceFile.isYAMLName(path) else {
        return BudgetSourceFile(path: path, content: .bytes([]))
      }
      do {
        let data = try objects.blob(entry.id, maxSize: limits.maxFileBytes, path: path)
        return BudgetSourceFile(path: path, content: .bytes([UInt8](data)))
      } catch .blobTooLarge(_, let size, _) {
        return BudgetSourceFile(path: path, content: .tooLarge(size))
      } catch {
        return BudgetSourceFile(path: path, content: .unreadable(error.description))
      }
    }
  }

  private func workTreeSnapshot() throws(LedgerError) -> BudgetSnapshot {
    guard let workTree = repository?.workingDirectory else { throw .noWorkTree }
    return try WorkTreeReader(workTree: workTree, root: root, limits: limits).snapshot()
  }

  /// The problem of a path left with merge conflicts in the index.
  static func conflicted(_ path: String) -> Diagnostic {
    Diagnostic(
      .yamlSyntax, at: .start(of: path), "the file has unresolved merge conflicts in the index",
      hint: "resolve the conflict and `git add` the file")
  }

  func notADirectory() -> Diagnostic {
    Diagnostic(
      .budgetsNotDirectory, at: .start(of: root), "`\(root)` is a file, not a folder",
      remedy: .replaceBudgetsFile(root: root))
  }
}
