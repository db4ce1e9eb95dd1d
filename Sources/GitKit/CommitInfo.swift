import CGit2
import Foundation

/// A copy of what a commit records: its tree, parents, people and message.
public struct CommitInfo: Hashable, Sendable {
  /// The commit's own id.
  public let id: Oid
  /// The id of the commit's root tree.
  public let treeId: Oid
  /// The parent ids in recorded order; the first one is the first parent.
  ///
  /// In a shallow clone a parent listed here may be absent from the object database.
  public let parentIds: [Oid]
  /// Who wrote the change.
  public let author: Signature
  /// Who recorded the commit.
  public let committer: Signature
  /// The full message as stored, decoded as UTF-8 with invalid bytes replaced.
  public let message: String
  /// The first paragraph of the message on one line, as `git log --format=%s` shows it.
  public let summary: String
  /// The value of the commit's `encoding` header, or nil when it has none (UTF-8).
  public let encoding: String?

  /// Creates a commit's description from its parts; the summary follows from the message as
  /// git makes it.
  public init(
    id: Oid, treeId: Oid, parentIds: [Oid], author: Signature, committer: Signature,
    message: String, encoding: String? = nil
  ) {
    self.id = id
    self.treeId = treeId
    self.parentIds = parentIds
    self.author = author
    self.committer = committer
    self.message = message
    self.summary = Self.summary(of: message)
    self.encoding = encoding
  }

  /// Copies the fields of a commit object that libgit2 lends.
  init(_ commit: OpaquePointer) {
    id = Oid(git_commit_id(commit))
    treeId = Oid(git_commit_tree_id(commit))
    parentIds = (0..<git_commit_parentcount(commit)).compactMap { index in
      git_commit_parent_id(commit, index).map { Oid($0) }
    }
    encoding = git_commit_message_encoding(commit).map { String(cString: $0) }
    // A commit written in another encoding says so in its header, which covers the people's
    // names as well as the message; decode all of it as git shows it, in UTF-8.
    let declared = encoding.flatMap(TextEncoding.named)
    author = Signature(git_commit_author(commit), encoding: declared)
    committer = Signature(git_commit_committer(commit), encoding: declared)
    let message = git_commit_message_raw(commit).map { TextEncoding.decode($0, declared) } ?? ""
    self.message = message
    // libgit2 computes the summary lazily and returns NULL only when out of memory.
    summary =
      declared == nil
      ? git_commit_summary(commit).map { String(cString: $0) } ?? Self.summary(of: message)
      : Self.summary(of: message)
  }

  /// The first paragraph of `message` joined into one line.
  static func summary(of message: String) -> String {
    let lines = message.split(separator: "\n", omittingEmptySubsequences: false)
    let paragraph = lines.drop { $0.allSatisfy(\.isWhitespace) }
      .prefix { !$0.allSatisfy(\.isWhitespace) }
    return paragraph.map { $0.trimmingCharacters(in: .whitespaces) }.joined(separator: " ")
  }
}
