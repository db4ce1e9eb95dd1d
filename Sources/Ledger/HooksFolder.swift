import Foundation
import GitKit

/// The folder git runs a repository's hooks from: `core.hooksPath`, else `hooks/` of its git
/// directory.
public struct HooksFolder: Sendable {
  /// The folder's absolute path.
  public var path: String
  /// Whether the path came from `core.hooksPath`.
  public var fromConfiguration: Bool

  /// Finds the folder as git does: a relative `core.hooksPath` is taken from the work tree's
  /// root (from the git directory in a bare repository) and a leading `~/` means home.
  public init(repository: Repository) {
    guard let configured = repository.config("core.hooksPath"), !configured.isEmpty else {
      path = repository.commonDirectory + "/hooks"
      fromConfiguration = false
      return
    }
    fromConfiguration = true
    if configured.hasPrefix("/") {
      path = configured
    } else if configured == "~" || configured.hasPrefix("~/") {
      path = NSHomeDirectory() + configured.dropFirst()
    } else {
      let root = repository.workingDirectory ?? repository.gitDirectory
      path = root + "/" + configured
    }
  }

  public init(path: String) {
    self.path = path
    fromConfiguration = false
  }

  /// The absolute path of a file in the folder.
  public func file(_ name: String) -> String { path + "/" + name }
}
