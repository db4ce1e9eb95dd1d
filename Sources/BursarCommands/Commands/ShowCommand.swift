import ArgumentParser
import BudgetKit
import Foundation
import Ledger

/// `bursar show`: the effective budgets as they stood at a point in history.
struct ShowCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "show",
    abstract: "Show the effective budgets now, at a revision, or at a date.",
    discussion: """
      Each environment's effective bound is the base metrics with its overrides applied. \
      --at takes a revision, or a date (2026-11-20, 2026-11-20T10:00:00Z), which means the \
      newest first-parent commit of HEAD made at or before it. Without --at, the work tree. \
      Exceptions in force at that moment (the date, or the commit's time) are noted.
      """)

  @OptionGroup var repository: RepositoryOptions

  @Option(name: .long, help: ArgumentHelp("A revision or a date.", valueName: "rev|date"))
  var at: String?

  @Option(name: .long, help: "Show only this environment (production is the base metrics).")
  var env: String?

  @Option(name: .long, help: "Output format: text or json.")
  var format: ShowFormat = .text

  @Argument(help: "Show only this budget.")
  var budget: String?

  func run() throws {
    let repo = try repository.open()
    let when: PointInTime
    do {
      when = try PointInTime.resolve(at, in: repo, dateEnd: { DateArgument($0)?.end })
    } catch {
      throw CommandFailure.pointInTime(error)
    }
    let tree: BudgetTree?
    do {
      tree = try TreeAtPoint(repository: repo, day: CalendarDay(date: when.moment)).tree(
        at: when.source)
    } catch {
      throw CommandFailure(error)
    }
    guard let tree else {
      throw CommandFailure.noBudgetsFolder(
        in: when.label, at: when.source, reader: SnapshotReader(repository: repo))
    }
    try checkNames(tree, label: when.label)
    let view = EffectiveView(
      tree: tree, label: when.label, moment: when.moment, budget: budget.map { BudgetName($0) },
      environment: env.map { EnvironmentName($0) })
    switch format {
    case .text: Console.output(ShowTextRenderer().render(view))
    case .json: Console.output(JSONRenderer(ShowJSON.init).render(view))
    }
    if !tree.isValid {
      let broken = Set(tree.diagnostics.filter { $0.severity == .error }.map(\.location.path))
        .sorted()
      Console.error(
        "bursar: the budgets in \(when.label) are invalid, so this view may be incomplete: "
          + broken.joined(separator: ", "))
      throw ExitCode(ExitStatus.blocked)
    }
  }

  private func checkNames(_ tree: BudgetTree, label: String) throws {
    if let budget, tree.budget(named: BudgetName(budget)) == nil {
      let known = tree.budgets.map(\.name.value.rawValue).sorted().prefix(20).joined(
        separator: ", ")
      throw CommandFailure("no budget named '\(budget)' in \(label); budgets there: \(known)")
    }
    if let env {
      let name = EnvironmentName(env)
      let scope = budget.flatMap { tree.budget(named: BudgetName($0)) }.map { [$0] } ?? tree.budgets
      guard scope.contains(where: { $0.environmentNames.contains(name) }) else {
        throw CommandFailure(
          "no environment named '\(env)' in \(budget.map { "budget \($0)" } ?? label)")
      }
    }
  }
}

/// The output formats of `show`.
enum ShowFormat: String, OutputFormat, CaseIterable {
  case text
  case json
}
