import GitKit
import Measurements

/// Where runs live in the tree of the runs reference: `runs/<2 digits>/<commit>/<run id>.json`,
/// the commit's first two hexadecimal digits, its full id, then the run's.
///
/// Runs of one commit share a folder, so the runs of the commits a history needs are found by
/// looking up those folders only; a run's path is derived from its content, so two different
/// runs never share one and the same run recorded twice is one file.
public enum RunLayout {
  /// The folder at the root of the runs tree.
  public static let root = "runs"
  public static let fileExtension = ".json"

  /// The folder holding the runs of `commit`.
  public static func folder(of commit: Oid) -> String {
    let hex = commit.hex
    return "\(root)/\(hex.prefix(2))/\(hex)"
  }

  /// The path of a run recorded against `commit`.
  public static func path(of run: RunID, commit: Oid) -> String {
    "\(folder(of: commit))/\(run.rawValue)\(fileExtension)"
  }

  /// The run id a file name gives (`<id>.json`); nil for any other name.
  public static func runID(fileName: String) -> RunID? {
    guard fileName.hasSuffix(fileExtension) else { return nil }
    return RunID(String(fileName.dropLast(fileExtension.count)))
  }
}
