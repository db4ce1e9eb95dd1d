import ArgumentParser

/// The root command: performance budgets as code, governed in git.
public struct Bursar: ParsableCommand {
  public static let version = "0.1.0"

  public static let configuration = CommandConfiguration(
    commandName: "bursar",
    abstract: "Performance budgets as code, governed in git.",
    discussion: """
      bursar keeps the caps your models must meet (latency, memory, cost, accuracy, SLOs, \
      freshness, fairness) as YAML under .budgets/, validates them, and shows how they change.

      Exit codes: 0 nothing blocks; 1 something blocks (invalid files, a missing sign-off, \
      a breached budget); 2 bursar could not run (bad arguments, not a repository, unknown revision).
      """,
    version: version,
    subcommands: [
      ValidateCommand.self, InitCommand.self, DigestCommand.self,
      DiffCommand.self, ShowCommand.self, LogCommand.self, BlameCommand.self,
      ExceptionsCommand.self,
      CheckCommand.self, ExportCommand.self, HooksCommand.self,
      ApproveCommand.self, GateCommand.self, AuditCommand.self,
    ]
  )

  public init() {}
}
