/// One of the git hooks bursar installs, with its script embedded in the binary.
enum HookScript: String, CaseIterable, Sendable {
  case preCommit = "pre-commit"
  case commitMessage = "commit-msg"
  case prePush = "pre-push"
  case preReceive = "pre-receive"
  case postReceive = "post-receive"

  /// The hooks a developer's clone gets.
  static let client: [HookScript] = [.preCommit, .commitMessage, .prePush]
  /// The hooks a server's bare repository gets.
  static let server: [HookScript] = [.preReceive, .postReceive]

  /// The file name git runs, such as `pre-commit`.
  var name: String { rawValue }

  /// The line every bursar hook carries, which tells it apart from a foreign hook.
  static let marker = "# bursar-hook: "

  /// Whether a hook file's text is one of bursar's.
  static func isBursars(_ text: String) -> Bool {
    text.split(separator: "\n", maxSplits: 3).prefix(3).contains { $0.hasPrefix(marker) }
  }
}
