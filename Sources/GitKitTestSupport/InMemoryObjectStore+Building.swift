import Foundation
import GitKit

/// Making objects: blobs, trees from paths, and commits that move a branch.
extension InMemoryObjectStore {
  /// What a path of a tree made by `tree(files:)` holds.
  public enum Item: Hashable, Sendable {
    /// A regular file with this text.
    case file(String)
    /// A file with the executable bit.
    case executable(String)
    /// A symbolic link to this target.
    case symlink(String)
    /// A submodule at this commit of another repository.
    case submodule(Oid)
  }

  /// The id of a blob with these bytes, stored once.
  public func blob(bytes: [UInt8]) -> Oid {
    if let id = blobIds[bytes] { return id }
    let id = makeId(kind: 0xb0)
    blobs[id] = bytes
    blobIds[bytes] = id
    return id
  }

  /// The id of a blob holding this text in UTF-8.
  public func blob(_ text: String) -> Oid {
    blob(bytes: Array(text.utf8))
  }

  /// The id of a tree of these entries (sorted into tree order), stored once.
  public func tree(_ entries: [TreeLevelEntry]) -> Oid {
    let sorted = entries.sorted { TreeLevelEntry.order($0, $1) < 0 }
    if let id = treeIds[sorted] { return id }
    let id = makeId(kind: 0x70)
    trees[id] = sorted
    treeIds[sorted] = id
    return id
  }

  /// The id of a root tree holding files at these paths (`.budgets/models/a.yaml`), with
  /// the folders on the way.
  public func tree(files: [String: Item]) -> Oid {
    var here: [TreeLevelEntry] = []
    var below: [String: [String: Item]] = [:]
    for (path, item) in files {
      let parts = path.split(separator: "/", maxSplits: 1).map(String.init)
      if parts.count == 2 {
        below[parts[0], default: [:]][parts[1]] = item
      } else {
        here.append(entry(named: parts[0], item))
      }
    }
    for (name, files) in below {
      here.append(
        TreeLevelEntry(name: name, id: tree(files: files), mode: TreeLevelEntry.folderMode))
    }
    return tree(here)
  }

  /// The id of a root tree holding regular files with these texts, by path.
  public func tree(texts: [String: String]) -> Oid {
    tree(files: texts.mapValues { .file($0) })
  }

  /// Records a commit and moves `branch` and `HEAD` to it.
  ///
  /// - Parameters:
  ///   - parents: the parent commits; by default the branch's current commit, if any.
  ///   - time: the author and committer time; by default a minute after the newest commit.
  @discardableResult
  public func commit(
    tree: Oid, parents: [Oid]? = nil, message: String = "A change\n",
    author: String = "Alice", time: Date? = nil, branch: String = "main"
  ) -> Oid {
    let parents = parents ?? references[branch].map { [$0] } ?? []
    let newest =
      commits.values.map(\.committer.time).max() ?? Date(timeIntervalSince1970: 1_700_000_000)
    let when = time ?? newest.addingTimeInterval(60)
    let person = Signature(
      name: author, email: "\(author.lowercased())@example.com", time: when, offsetMinutes: 0)
    let id = makeId(kind: 0xc0)
    commits[id] = CommitInfo(
      id: id, treeId: tree, parentIds: parents, author: person, committer: person,
      message: message)
    references[branch] = id
    references["HEAD"] = id
    return id
  }

  /// Records a commit of regular files with these texts, by path; see `commit(tree:...)`.
  @discardableResult
  public func commit(
    texts: [String: String], parents: [Oid]? = nil, message: String = "A change\n",
    author: String = "Alice", time: Date? = nil, branch: String = "main"
  ) -> Oid {
    commit(
      tree: tree(texts: texts), parents: parents, message: message, author: author, time: time,
      branch: branch)
  }

  /// Points a reference (a branch, a tag, `HEAD`) at a commit.
  public func setReference(_ name: String, to commit: Oid) {
    references[name] = commit
  }

  private func entry(named name: String, _ item: Item) -> TreeLevelEntry {
    switch item {
    case .file(let text): TreeLevelEntry(name: name, id: blob(text), mode: 0o100644)
    case .executable(let text): TreeLevelEntry(name: name, id: blob(text), mode: 0o100755)
    case .symlink(let target): TreeLevelEntry(name: name, id: blob(target), mode: 0o120000)
    case .submodule(let commit): TreeLevelEntry(name: name, id: commit, mode: 0o160000)
    }
  }

  /// A fresh id: a byte saying which kind of object it is, eleven bytes mixed from a counter
  /// (so short prefixes tell ids apart, as for real ones), then the counter.
  private func makeId(kind: UInt8) -> Oid {
    defer { nextId += 1 }
    var mixed = nextId &* 0x9E37_79B9_7F4A_7C15
    mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
    mixed ^= mixed >> 31
    let spread = withUnsafeBytes(of: mixed.bigEndian) { Array($0) }
    let counter = withUnsafeBytes(of: nextId.bigEndian) { Array($0) }
    return Oid(bytes: [kind] + spread + spread.prefix(3) + counter)!
  }
}
