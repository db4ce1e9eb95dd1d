import Foundation

/// Limits a report to files or folders named on the command line.
///
/// A path is taken relative to the current folder when it exists there inside the work tree,
/// else relative to the repository root, else relative to `.budgets/`.
struct PathFilter {
  /// Repository-relative prefixes; empty means everything.
  private var prefixes: [String] = []

  /// - Parameter workTree: the work tree's folder; nil in a bare repository.
  init(arguments: [String], workTree: String?, root: String = ".budgets") throws {
    for argument in arguments {
      prefixes.append(try Self.resolve(argument, workTree: workTree, root: root))
    }
  }

  func includes(_ path: String) -> Bool {
    prefixes.isEmpty || prefixes.contains { path == $0 || path.hasPrefix($0 + "/") }
  }

  /// One argument as a path relative to the repository root.
  static func resolvedPath(_ argument: String, workTree: String?, root: String = ".budgets")
    throws -> String
  {
    try resolve(argument, workTree: workTree, root: root)
  }

  private static func resolve(_ argument: String, workTree: String?, root: String) throws
    -> String
  {
    var trimmed = argument
    while trimmed.count > 1 && trimmed.hasSuffix("/") { trimmed.removeLast() }
    if let workTree {
      let absolute =
        trimmed.hasPrefix("/") ? trimmed : FileManager.default.currentDirectoryPath + "/" + trimmed
      let standardized = URL(fileURLWithPath: absolute).standardizedFileURL.path
      let resolvedTree = URL(fileURLWithPath: workTree).standardizedFileURL.path
      if FileManager.default.fileExists(atPath: standardized),
        standardized.hasPrefix(resolvedTree + "/")
      {
        return String(standardized.dropFirst(resolvedTree.count + 1))
      }
    }
    if trimmed == root || trimmed.hasPrefix(root + "/") { return trimmed }
    return "\(root)/\(trimmed)"
  }
}
