import GitKit
import Measurements

/// A run file found in the runs tree, not yet read: the commit its folder names, the file's
/// name and blob. Listing these reads trees only, never a run.
public struct StoredRun: Hashable, Sendable {
  /// The commit the run was recorded against, as its folder names it.
  public let commit: Oid
  /// The file's name in the commit's folder, `<run id>.json` for a well-formed run.
  public let fileName: String
  /// The blob holding the run's bytes.
  public let blob: Oid

  public init(commit: Oid, fileName: String, blob: Oid) {
    self.commit = commit
    self.fileName = fileName
    self.blob = blob
  }

  /// The run's id as its file name gives it; nil when the name is not `<id>.json`.
  public var id: RunID? { RunLayout.runID(fileName: fileName) }

  /// The file's path in the runs tree.
  public var path: String { RunLayout.folder(of: commit) + "/" + fileName }
}
