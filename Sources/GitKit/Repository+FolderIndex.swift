import Foundation

extension Repository {
  /// Where the folder index for a path lives: `bursar/folders-<version>-<hash of the path>` in
  /// the git directory shared by every work tree. The file holds the path too, so two paths
  /// whose hashes meet never read each other's entries.
  public func folderIndexPath(for folderPath: String) -> String {
    let hash = String(IndexFileBytes.checksum(folderPath.utf8), radix: 16)
    return commonDirectory + "/bursar/folders-\(FolderIndex.version)-\(hash)"
  }

  /// The index of the folder at `folderPath` in this repository's trees.
  public func folderIndex(for folderPath: String) -> FolderIndex? {
    FolderIndex(path: folderIndexPath(for: folderPath), folderPath: folderPath)
  }
}
