import ArgumentParser
import Foundation
import GitKit
import Ledger

/// Where the repository is: the current folder unless `-C` names another.
struct RepositoryOptions: ParsableArguments {
  @Option(
    name: .customShort("C"), help: ArgumentHelp("Run as if started in <path>.", valueName: "path"))
  var directory: String?

  /// The repository, discovered as git does (and from git's environment inside hooks);
  /// `forHistoryWalk` first sets libgit2's object cache for reading long histories.
  func open(forHistoryWalk: Bool = false) throws -> Repository {
    if forHistoryWalk { try? ObjectCacheSettings.historyWalk.apply() }
    let path = directory ?? FileManager.default.currentDirectoryPath
    do {
      return try Repository.discover(from: path)
    } catch {
      throw CommandFailure(LedgerError.git(error))
    }
  }
}
