import BudgetKit
import Foundation
import GitKit
import Measurements

/// The recorded runs of a repository, read from the tree of `refs/bursar/runs` (see
/// `RunLayout`): the runs of one commit, of the commits along a first-parent history, or all of
/// them, listed from trees alone and read one at a time.
///
/// Looking runs up by commit reads the two folders on the way to the commit's folder, so a
/// history of many commits costs a tree read per commit and never parses a run it does not ask
/// for. A run that cannot be read is a `RunSkip`, never a failure of the whole read.
public final class RunStore {
  /// The reference runs are recorded on, and pushed and fetched as.
  public static let reference = "refs/bursar/runs"
  /// The largest run file read.
  public static let maxRunBytes = 64 << 20

  public let reader: any ObjectReading
  /// The commit of the runs reference; nil when no run was ever recorded.
  public let tip: Oid?
  /// The tree of `tip`'s `runs` folder; nil when there is none.
  public let runsTree: Oid?
  /// The commit folders of each prefix folder read so far, by commit id.
  private var prefixFolders: [String: [String: Oid]] = [:]

  /// The store at `reference`'s current commit.
  public convenience init(repository: Repository, reference: String = RunStore.reference)
    throws(RunStoreError)
  {
    let tip: Oid?
    do { tip = try repository.target(ofReference: reference) } catch { throw .git(error) }
    try self.init(reader: repository, tip: tip, reference: reference)
  }

  /// The store whose runs commit is `tip`, read through `reader` (an in-memory store in tests).
  public init(reader: any ObjectReading, tip: Oid?, reference: String = RunStore.reference)
    throws(RunStoreError)
  {
    self.reader = reader
    self.tip = tip
    guard let tip else {
      runsTree = nil
      return
    }
    do {
      let commit = try reader.commit(tip)
      runsTree = try reader.treeId(inTree: commit.treeId, at: RunLayout.root)
    } catch {
      throw .notARunsCommit(reference: reference, error)
    }
  }

  /// The runs recorded against `commit`, unread, ordered by file name.
  public func entries(forCommit commit: Oid) throws(RunStoreError) -> [StoredRun] {
    guard let folder = try folder(of: commit) else { return [] }
    return try files(inFolder: folder, commit: commit)
  }

  /// The runs of each commit that has any, for the commits given.
  public func entries(forCommits commits: some Sequence<Oid>) throws(RunStoreError)
    -> [Oid: [StoredRun]]
  {
    var found: [Oid: [StoredRun]] = [:]
    for commit in commits {
      let runs = try entries(forCommit: commit)
      if !runs.isEmpty { found[commit] = runs }
    }
    return found
  }

  /// The commits along first parents from `head`, newest first, stopping before `base` (and
  /// its first-parent ancestors) or after `limit` commits, each with its runs (possibly none).
  public func firstParentHistory(from head: Oid, until base: Oid? = nil, limit: Int? = nil)
    throws(RunStoreError) -> [(commit: Oid, runs: [StoredRun])]
  {
    var result: [(commit: Oid, runs: [StoredRun])] = []
    do {
      let walk = try reader.commitWalk(
        from: [head], hiding: base.map { [$0] } ?? [], firstParentOnly: true, order: .topological)
      while let commit = try walk.next() {
        if let limit, result.count >= limit { break }
        result.append((commit, try entries(forCommit: commit)))
      }
    } catch let error as RunStoreError {
      throw error
    } catch let error as GitError {
      throw .git(error)
    } catch {
      throw .git(
        .libgit2(LibGit2Failure(code: -1, errorClass: 0, message: "\(error)", function: "walk")))
    }
    return result
  }

  /// Every stored run, by commit folder then file name, and whatever in the runs tree is not a
  /// run file (as skips).
  public func allEntries() throws(RunStoreError) -> (runs: [StoredRun], skips: [RunSkip]) {
    var runs: [StoredRun] = []
    var skips: [RunSkip] = []
    guard let runsTree else { return ([], []) }
    do {
      for prefix in try reader.level(ofTree: runsTree) {
        let prefixPath = "\(RunLayout.root)/\(prefix.name)"
        guard prefix.isTree else {
          skips.append(RunSkip(path: prefixPath, reason: .notARun))
          continue
        }
        for folder in try reader.level(ofTree: prefix.id) {
          let folderPath = "\(prefixPath)/\(folder.name)"
          guard folder.isTree, let commit = Oid(hex: folder.name),
            commit.hex.hasPrefix(prefix.name), commit.hex == folder.name
          else {
            skips.append(RunSkip(path: folderPath, reason: .notARun))
            continue
          }
          runs += try files(inFolder: folder.id, commit: commit)
        }
      }
    } catch let error as RunStoreError {
      throw error
    } catch let error as GitError {
      throw .git(error)
    } catch {
      throw .git(
        .libgit2(LibGit2Failure(code: -1, errorClass: 0, message: "\(error)", function: "list")))
    }
    return (runs, skips)
  }

  /// Reads one stored run. A run whose bytes are damaged, of a newer format, misnamed or
  /// misplaced is skipped; so is one whose commit is not in the repository, unless
  /// `checkingCommit` is false (a history walk already knows its commits exist).
  /// With `only`, the run read holds that budget's figures alone and its id is not checked
  /// against its content (see `RunDocument.decode(_:file:only:)`).
  public func read(_ entry: StoredRun, checkingCommit: Bool = true, only: BudgetName? = nil)
    -> RunReading
  {
    guard let id = entry.id else {
      return .skipped(RunSkip(path: entry.path, reason: .misnamed(expected: nil)))
    }
    let bytes: [UInt8]
    do {
      bytes = try reader.blobBytes(entry.blob, maxSize: Self.maxRunBytes, path: entry.path)
    } catch {
      return .skipped(RunSkip(path: entry.path, reason: .missingObject(error)))
    }
    let run: RecordedRun
    do {
      run = try RunDocument.decode(bytes, file: entry.path, only: only)
    } catch {
      return .skipped(RunSkip(path: entry.path, reason: .unreadable(error)))
    }
    guard run.id == id else {
      return .skipped(RunSkip(path: entry.path, reason: .misnamed(expected: run.id.rawValue)))
    }
    guard run.commit == entry.commit.hex else {
      return .skipped(RunSkip(path: entry.path, reason: .misplaced(runCommit: run.commit)))
    }
    if checkingCommit {
      do { _ = try reader.links(of: entry.commit) } catch {
        return .skipped(RunSkip(path: entry.path, reason: .commitNotInHistory))
      }
    }
    return .run(entry, run)
  }

  /// The runs of `commit`, read.
  public func runs(forCommit commit: Oid) throws(RunStoreError) -> [RunReading] {
    try entries(forCommit: commit).map { read($0) }
  }

  private func folder(of commit: Oid) throws(RunStoreError) -> Oid? {
    guard let runsTree else { return nil }
    let hex = commit.hex
    let prefix = String(hex.prefix(2))
    if let folders = prefixFolders[prefix] { return folders[hex] }
    // Each of the 256 prefix folders is read once, whatever the number of commits looked up.
    var folders: [String: Oid] = [:]
    do {
      if let entry = try reader.entry(named: prefix, inTree: runsTree), entry.isTree {
        for folder in try reader.level(ofTree: entry.id) where folder.isTree {
          folders[folder.name] = folder.id
        }
      }
    } catch {
      throw .git(error)
    }
    prefixFolders[prefix] = folders
    return folders[hex]
  }

  private func files(inFolder folder: Oid, commit: Oid) throws(RunStoreError) -> [StoredRun] {
    do {
      return try reader.level(ofTree: folder).map {
        StoredRun(commit: commit, fileName: $0.name, blob: $0.id)
      }
    } catch {
      throw .git(error)
    }
  }
}
