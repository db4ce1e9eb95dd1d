import ArgumentParser
import BudgetKit
import GitKit
import Ledger

/// `bursar gate`: the pre-merge verdict on a change from a base to a head revision.
struct GateCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "gate",
    abstract: "Judge a change before it merges: valid files, fresh and genuine sign-offs.",
    discussion: """
      Compares the head with the base as a whole (a loosening split across many commits is \
      one loosening). Owners, teams, keys and rules are read from the base, never from the \
      change. The authors of the change are the authors of the commits that change a \
      budget, exception or owners file; commits that only add approval records, and merges \
      that resolve nothing, author nothing. Approval records in the work tree that are not \
      committed are named, since the gate judges commits only. Exit 0 pass, 1 blocked, 2 \
      could not run.
      """)

  @OptionGroup var repository: RepositoryOptions

  @Option(name: .long, help: "The revision the change starts from, such as main or origin/main.")
  var base: String

  @Option(name: .long, help: "The revision to judge (default HEAD).")
  var head = "HEAD"

  @Option(
    name: .long, help: "Output format: text, json, markdown (a pull-request comment) or github.")
  var format: GateFormat = .text

  func run() throws {
    let repo = try repository.open()
    let report = try Self.judge(base: base, head: head, in: repo)
    switch format {
    case .text: Console.output(GateTextRenderer().render(report))
    case .json: Console.output(JSONRenderer(GateJSON.init).render(report))
    case .markdown: Console.output(GateMarkdownRenderer().render(report))
    case .github:
      let text = GateGitHubRenderer().render(report)
      if !text.isEmpty { Console.output(text) }
    }
    if !report.verdict.passes { throw ExitCode(ExitStatus.blocked) }
  }

  /// The verdict on `base..head`.
  static func judge(base: String, head: String, in repo: Repository) throws -> GateReport {
    let baseId: Oid
    let headId: Oid
    do {
      baseId = try repo.resolveCommit(base)
      headId = try repo.resolveCommit(head)
    } catch {
      throw CommandFailure(error)
    }
    let reader = SignOffReader(repository: repo)
    do {
      let baseTree = try reader.tree(atCommit: baseId)
      let headTree =
        try reader.tree(atCommit: headId) ?? SignedTree(tree: BudgetTree(), messages: [:])
      let authors = try reader.authors(base: baseId, head: headId)
      let verdict = SignOffGate(
        base: baseTree?.tree, head: headTree.tree, messages: headTree.messages, authors: authors
      ).verdict()
      // Records written by `bursar approve` and not yet committed are invisible to the gate.
      let uncommitted = (try? reader.uncommittedApprovals()) ?? []
      return GateReport(
        base: TreePoint.commit(baseId, revision: base).description,
        head: TreePoint.commit(headId, revision: head).description, verdict: verdict,
        uncommittedApprovals: uncommitted)
    } catch {
      throw CommandFailure(error)
    }
  }
}

/// The output formats of `gate`.
enum GateFormat: String, OutputFormat, CaseIterable {
  case text
  case json
  case markdown
  case github
}
