/// The meaning of every governed file of one commit: budgets, exceptions and the Owners file,
/// by path relative to the repository root. Approval records are not governed: adding or
/// editing one changes no rule, so it is left out.
public struct GovernedMeanings: Sendable, Hashable {
  /// Meaning digests (or a stand-in for a file that does not parse), by path.
  public var meanings: [String: String]

  public init(_ meanings: [String: String] = [:]) {
    self.meanings = meanings
  }

  /// The governed files among parsed ones. A file whose kind is Approval is left out; a file
  /// that does not parse is governed, with `unparsed(file)` standing for its meaning (a blob
  /// id, say), since nothing shows it is only an approval.
  public init(files: [ParsedFile], unparsed: (ParsedFile) -> String) {
    var meanings: [String: String] = [:]
    for file in files where file.kind?.value != .approval {
      meanings[file.path] = file.digest ?? unparsed(file)
    }
    self.init(meanings)
  }

  /// The governed files of a whole tree; a file that does not parse has no digest and counts
  /// as absent.
  public init(tree: BudgetTree) {
    let approvals = Set(tree.approvals.map(\.path))
    self.init(tree.digests.filter { !approvals.contains($0.key) })
  }
}
