import BudgetKit

/// A parsed budget tree with the signed bytes of each approval record it holds.
public struct SignedTree: Sendable {
  public var tree: BudgetTree
  /// `ApprovalMessage` bytes of each approval file, by path relative to the repository root.
  public var messages: [String: [UInt8]]

  public init(tree: BudgetTree, messages: [String: [UInt8]]) {
    self.tree = tree
    self.messages = messages
  }

  /// Parses a snapshot and derives the approvals' signed bytes from the same bytes.
  public init(snapshot: BudgetSnapshot, loader: BudgetTreeLoader = BudgetTreeLoader()) {
    let tree = snapshot.load(with: loader)
    let approvalPaths = Set(tree.approvals.map(\.path))
    var messages: [String: [UInt8]] = [:]
    for file in snapshot.files(at: approvalPaths) {
      guard case .bytes(let bytes) = file.content else { continue }
      messages[file.path] = ApprovalMessage.message(
        bytes: bytes, path: file.path, limits: loader.limits)
    }
    self.init(tree: tree, messages: messages)
  }
}
