import Foundation

/// A throw-away git repository built with the `git` command line, for tests.
///
/// Every `git` command runs with an environment cleaned of the caller's `GIT_*` variables and
/// of the user's and system's configuration, with a fixed identity, so results do not depend
/// on the machine or on being run from inside a git hook.
public final class TemporaryRepository {
  /// The folder holding the repository; deleted when the repository is released.
  public let directory: TemporaryDirectory
  /// The work tree root, or for a bare repository the repository folder itself.
  public let path: String
  /// Whether the repository was created without a work tree.
  public let isBare: Bool
  /// The date given to the next commit made without an explicit date.
  private var nextDate = Date(timeIntervalSince1970: 1_700_000_000)

  /// The git directory: `path/.git`, or `path` for a bare repository.
  public var gitDirectory: String { isBare ? path : path + "/.git" }

  /// A `file://` URL of the repository, for cloning it.
  public var url: String { URL(fileURLWithPath: path).absoluteString }

  /// Creates an empty repository whose first branch is `initialBranch`.
  public init(bare: Bool = false, initialBranch: String = "main") throws {
    directory = try TemporaryDirectory(prefix: "bursar-repo")
    isBare = bare
    path = directory.appending(bare ? "repo.git" : "repo")
    var arguments = ["init", "-q", "--initial-branch=\(initialBranch)"]
    if bare { arguments.append("--bare") }
    try Self.runGit(arguments + [path], cwd: directory.path, environment: Self.environment())
  }

  /// Clones `source` (a path or URL) with extra `git clone` arguments such as `--depth 1`.
  public init(cloning source: String, arguments: [String] = [], bare: Bool = false) throws {
    directory = try TemporaryDirectory(prefix: "bursar-clone")
    isBare = bare
    path = directory.appending(bare ? "clone.git" : "clone")
    var command = ["clone", "-q"] + arguments
    if bare { command.append("--bare") }
    try Self.runGit(command + [source, path], cwd: directory.path, environment: Self.environment())
  }

  /// The environment every `git` command of these repositories runs with, plus `extra`.
  ///
  /// It is also a clean base for other child processes that must not see the caller's
  /// repository.
  public static func environment(_ extra: [String: String] = [:]) -> [String: String] {
    var environment = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("GIT_") }
    let fixed = [
      "GIT_CONFIG_NOSYSTEM": "1", "GIT_CONFIG_GLOBAL": "/dev/null",
      "GIT_AUTHOR_NAME": "T", "GIT_AUTHOR_EMAIL": "t@example.com",
      "GIT_COMMITTER_NAME": "T", "GIT_COMMITTER_EMAIL": "t@example.com",
      "GIT_TERMINAL_PROMPT": "0", "LC_ALL": "C",
    ]
    environment.merge(fixed) { _, new in new }
    environment.merge(extra) { _, new in new }
    return environment
  }

  /// The absolute path of a file of the work tree (or of the bare repository).
  public func absolutePath(_ relative: String) -> String {
    path + "/" + relative
  }

  /// Writes a file, creating its folders; `executable` sets the mode to 0755.
  public func write(path relative: String, contents: String, executable: Bool = false) throws {
    try write(path: relative, data: Data(contents.utf8), executable: executable)
  }

  /// Writes raw bytes to a file, creating its folders; `executable` sets the mode to 0755.
  public func write(path relative: String, data: Data, executable: Bool = false) throws {
    let file = URL(fileURLWithPath: absolutePath(relative))
    try FileManager.default.createDirectory(
      at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
    try data.write(to: file)
    try FileManager.default.setAttributes(
      [.posixPermissions: executable ? 0o755 : 0o644], ofItemAtPath: file.path)
  }

  /// Creates a symbolic link at `path` pointing to `target`, creating its folders.
  public func symlink(path relative: String, target: String) throws {
    let link = URL(fileURLWithPath: absolutePath(relative))
    try FileManager.default.createDirectory(
      at: link.deletingLastPathComponent(), withIntermediateDirectories: true)
    try FileManager.default.createSymbolicLink(atPath: link.path, withDestinationPath: target)
  }

  /// Deletes a file or folder of the work tree.
  public func remove(path relative: String) throws {
    try FileManager.default.removeItem(atPath: absolutePath(relative))
  }

  /// Runs `git` in the repository and returns its output without the final newlines.
  @discardableResult
  public func git(_ arguments: String...) throws -> String {
    try git(arguments)
  }

  /// Runs `git` in the repository with extra environment variables, input and working
  /// folder, and returns its output without the final newlines.
  @discardableResult
  public func git(
    _ arguments: [String], environment extra: [String: String] = [:], stdin: Data? = nil,
    cwd: String? = nil
  ) throws -> String {
    let result = try Self.runGit(
      arguments, cwd: cwd ?? path, environment: Self.environment(extra), stdin: stdin)
    var text = result.stdoutText
    while text.hasSuffix("\n") { text.removeLast() }
    return text
  }

  /// Runs `git` and returns its output split into lines, without empty trailing lines.
  public func gitLines(_ arguments: String...) throws -> [String] {
    try gitLines(arguments)
  }

  /// Runs `git` and returns its output split into lines, without empty trailing lines.
  public func gitLines(_ arguments: [String]) throws -> [String] {
    let text = try git(arguments)
    return text.isEmpty ? [] : text.components(separatedBy: "\n")
  }

  /// Commits and returns the new commit's full id.
  ///
  /// - Parameters:
  ///   - message: the commit message.
  ///   - date: author and committer date; when nil, one minute after the previous commit
  ///     made this way, so commit order and dates agree.
  ///   - stageAll: whether to run `git add -A` first.
  @discardableResult
  public func commit(message: String, date: Date? = nil, stageAll: Bool = true) throws -> String {
    if stageAll { try git("add", "-A") }
    try git(
      ["commit", "-q", "--allow-empty", "--no-verify", "-m", message],
      environment: commitDateEnvironment(date))
    return try git("rev-parse", "HEAD")
  }

  /// `GIT_AUTHOR_DATE` and `GIT_COMMITTER_DATE` for a commit made by other commands (a merge,
  /// a tag); when `date` is nil, one minute after the previous such date, as for `commit`.
  public func commitDateEnvironment(_ date: Date? = nil) -> [String: String] {
    let when = date ?? nextDate
    nextDate = max(nextDate, when).addingTimeInterval(60)
    let stamp = "@\(Int(when.timeIntervalSince1970)) +0000"
    return ["GIT_AUTHOR_DATE": stamp, "GIT_COMMITTER_DATE": stamp]
  }

  @discardableResult
  private static func runGit(
    _ arguments: [String], cwd: String, environment: [String: String], stdin: Data? = nil
  ) throws -> ProcessResult {
    try runSucceeding("git", arguments, stdin: stdin, environment: environment, cwd: cwd)
  }
}
