import ArgumentParser
import Foundation
import GitKit

/// Where the repository is: the current folder unless `-C` names another.
struct RepositoryOptions: ParsableArguments {
  @Option(
    name: .customShort("C"), help: ArgumentHelp("Run as if started in <path>.", valueName: "path"))
  var directory: String?

  /// The repository, discovered as git does (and from git's environment inside hooks).
  func open() throws -> Repository {
    let path = directory ?? FileManager.default.currentDirectoryPath
    do {
      return try Repository.discover(from: path)
    } catch {
      throw CommandFailure(error)
    }
  }
}
