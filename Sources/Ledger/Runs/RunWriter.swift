import Foundation
import GitKit
import Measurements

/// Writes runs on the runs reference: each change a new commit on top of the one it read,
/// the reference moved with compare-and-swap, so concurrent writers in one repository never
/// lose each other's runs (the loser reads again and retries).
public struct RunWriter {
  public var repository: Repository
  public var reference: String
  /// Who the runs reference's commits are by.
  public var committer: Signature
  public var attempts = 20

  public init(repository: Repository, reference: String = RunStore.reference, committer: Signature)
  {
    self.repository = repository
    self.reference = reference
    self.committer = committer
  }

  /// What adding a run did.
  public enum Addition: Sendable, Equatable {
    /// The run was written at `path` in a new commit of the reference.
    case added(path: String, commit: Oid)
    /// The same bytes were already recorded at `path`; nothing changed.
    case alreadyRecorded(path: String)
  }

  /// What merging another runs commit did.
  public struct Merge: Sendable, Equatable {
    /// The reference's commit afterwards (nil when both sides were empty).
    public var tip: Oid?
    /// Paths both sides hold with different bytes; ours was kept, theirs stays in the merge
    /// commit's second parent.
    public var conflicts: [String]
  }

  /// Adds `run`, stored as `bytes`, at its path under its commit's folder.
  public func add(_ run: RecordedRun, bytes: [UInt8], commit: Oid) throws(RunStoreError) -> Addition
  {
    let path = RunLayout.path(of: run.id, commit: commit)
    let blob: Oid
    do { blob = try repository.writeBlob(bytes) } catch { throw .git(error) }
    for attempt in 1...attempts {
      let tip: Oid?
      do { tip = try repository.target(ofReference: reference) } catch { throw .git(error) }
      var base: Oid?
      do {
        if let tip {
          base = try repository.treeOfCommit(tip)
          if let existing = try repository.entry(inTree: base!, at: path) {
            if existing.id == blob { return .alreadyRecorded(path: path) }
            throw RunStoreError.conflictingRun(path: path, stored: existing.id, recorded: blob)
          }
        }
      } catch let error as RunStoreError {
        throw error
      } catch let error as GitError {
        throw .notARunsCommit(reference: reference, error)
      } catch {
        throw .contended(reference: reference, attempts: attempt)
      }
      do {
        let tree = try repository.tree(base, insertingBlob: blob, at: path)
        let commit = try repository.writeCommit(
          tree: tree, parents: tip.map { [$0] } ?? [],
          message: "Record run \(run.id) of \(commit.abbreviated)\n", signature: committer)
        if try repository.moveReference(
          reference, to: commit, from: tip, message: "bursar: record run \(run.id)")
        {
          return .added(path: path, commit: commit)
        }
      } catch {
        throw .git(error)
      }
      usleep(UInt32.random(in: 1_000...(5_000 * UInt32(attempt))))
    }
    throw .contended(reference: reference, attempts: attempts)
  }

  /// Merges the runs commit `other` (a fetched copy of another clone's runs) into the
  /// reference: a fast-forward when ours is behind, else a merge commit of the union of both
  /// trees. Nothing either side recorded is lost.
  public func merge(_ other: Oid) throws(RunStoreError) -> Merge {
    for attempt in 1...attempts {
      do {
        let tip = try repository.target(ofReference: reference)
        var target: Oid
        var conflicts: [String] = []
        if let tip {
          if try repository.isAncestor(other, of: tip) { return Merge(tip: tip, conflicts: []) }
          if try repository.isAncestor(tip, of: other) {
            target = other
          } else {
            let union = try RunTreeUnion(repository: repository).union(
              repository.treeOfCommit(tip), repository.treeOfCommit(other))
            conflicts = union.conflicts.map(\.path)
            target = try repository.writeCommit(
              tree: union.tree, parents: [tip, other],
              message: "Merge recorded runs\n", signature: committer)
          }
        } else {
          target = other
        }
        if try repository.moveReference(
          reference, to: target, from: tip, message: "bursar: merge recorded runs")
        {
          return Merge(tip: target, conflicts: conflicts)
        }
      } catch {
        throw .git(error)
      }
      usleep(UInt32.random(in: 1_000...(5_000 * UInt32(attempt))))
    }
    throw .contended(reference: reference, attempts: attempts)
  }
}
