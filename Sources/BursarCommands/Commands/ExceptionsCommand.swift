import ArgumentParser
import BudgetKit
import Foundation
import Ledger

/// `bursar exceptions`: the register of deviations, with their history.
struct ExceptionsCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "exceptions",
    abstract: "The register of exceptions: what each grants against the budget, and its history.",
    discussion: """
      Lists the exceptions in the work tree (or at --at REV|DATE), judged on that day (today, \
      the date, or the commit's time), and those the history shows were withdrawn. Each comes \
      with its history from the audit trail: created, extended, shortened, amended, withdrawn. \
      --no-history skips the walk (for shallow clones, or speed).
      """)

  @OptionGroup var repository: RepositoryOptions

  @Flag(name: .long, help: "Only exceptions in force on the day.")
  var active = false

  @Flag(name: .long, help: "Only exceptions whose last day has passed.")
  var expired = false

  @Option(
    name: .long,
    help: ArgumentHelp(
      "Only exceptions in force that end within this span (14d, 2w).", valueName: "span"))
  var expiring: String?

  @Option(name: .long, help: ArgumentHelp("A revision or a date.", valueName: "rev|date"))
  var at: String?

  @Flag(name: .long, help: "Leave out each exception's history (no history walk).")
  var noHistory = false

  @Option(name: .long, help: "Output format: text or json.")
  var format: ShowFormat = .text

  func validate() throws {
    if [active, expired, expiring != nil].filter({ $0 }).count > 1 {
      throw ValidationError("give one of --active, --expired and --expiring")
    }
    if let expiring, SpanArgument(expiring) == nil {
      throw ValidationError("--expiring takes a span such as 14d, 2w or 36h, not '\(expiring)'")
    }
  }

  func run() throws {
    let repo = try repository.open(forHistoryWalk: true)
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
    let day = CalendarDay(date: when.moment)
    let register = ExceptionRegister(
      repository: repo,
      scope: try historyScope(RevisionResolver(repository: repo), source: when.source))
    let records: [ExceptionRecord]
    do {
      records = try register.records(tree: tree, on: day)
    } catch {
      throw CommandFailure(Self.explain(error))
    }
    let report = ExceptionsReport(
      label: when.label, day: day, records: records.filter(include), filter: filterText(on: day),
      others: records.filter { !include($0) })
    switch format {
    case .text: Console.output(ExceptionsTextRenderer().render(report))
    case .json: Console.output(JSONRenderer(ExceptionsJSON.init).render(report))
    }
  }

  private func include(_ record: ExceptionRecord) -> Bool {
    if active { return record.status == .active }
    if expired { return record.status == .expired }
    if let expiring, let span = SpanArgument(expiring) {
      return record.status == .active && record.daysLeft <= span.days
    }
    return true
  }

  /// What the filter asks for, as the sentence "No exception … ." would say it; nil for none.
  private func filterText(on day: CalendarDay) -> String? {
    if active { return "is in force on \(day)" }
    if expired { return "has expired by \(day)" }
    if let expiring, let span = SpanArgument(expiring) {
      return "in force expires within \(span.days == 1 ? "1 day" : "\(span.days) days")"
    }
    return nil
  }

  private func historyScope(_ revisions: RevisionResolver, source: BudgetSource) throws
    -> HistoryScope?
  {
    guard !noHistory else { return nil }
    if case .commit(let revision) = source { return HistoryScope(heads: [revision.commit]) }
    do {
      return try revisions.scope(nil, firstParentOnly: true)
    } catch {
      throw CommandFailure(error)
    }
  }

  /// A shallow clone cannot give the history; say how to do without it too.
  private static func explain(_ error: LedgerError) -> String {
    guard case .git(.shallowHistoryMissing) = error else { return error.sentence }
    return error.sentence
      + " Or run with --no-history to list the exceptions without their history."
  }
}
