import ArgumentParser
import BudgetKit
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
    let judgement: Gate.Judgement
    do {
      judgement = try Gate(repository: repo).judge(base: base, head: head)
    } catch {
      throw CommandFailure(error)
    }
    let report = GateReport(judgement)
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
}

/// The output formats of `gate`.
enum GateFormat: String, OutputFormat, CaseIterable {
  case text
  case json
  case markdown
  case github
}
