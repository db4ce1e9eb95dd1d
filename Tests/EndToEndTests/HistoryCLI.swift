import Foundation
import TestSupport

/// Runs the built `bursar` binary (`BursarCLI.binary`) for the history tests.
enum HistoryCLI {
  /// Runs bursar in `cwd` (the repository unless given) with colour off and a clean git
  /// environment.
  static func run(_ arguments: [String], in repository: TemporaryRepository, cwd: String? = nil)
    throws -> ProcessResult
  {
    try BursarCLI.run(arguments, in: cwd ?? repository.path)
  }

  /// Runs bursar and decodes its standard output as a JSON object.
  static func json(_ arguments: [String], in repository: TemporaryRepository) throws -> [String:
    Any]
  {
    let result = try run(arguments, in: repository)
    guard let object = try JSONSerialization.jsonObject(with: result.stdout) as? [String: Any]
    else {
      throw ProcessFailure(command: arguments, status: result.status, stderr: result.stderrText)
    }
    return object
  }
}

/// Budget files for the history tests, as YAML text.
enum HistoryFiles {
  static let owners = """
    version: 1
    kind: Owners
    teams:
      sre: { members: [{ name: alice }] }
      ml-eng: { members: [{ name: carol }] }
    dimensions:
      latency: { owners: [sre] }
      quality: { owners: [ml-eng] }
    rules: { signatures: optional }
    governance: { owners: [sre] }

    """

  /// A budget with a latency ceiling and a precision floor, and a staging override.
  static func budget(
    _ name: String, latency: String = "100ms", precision: String = "0.95", staging: String? = nil
  )
    -> String
  {
    var text = """
      version: 1
      kind: Budget
      name: \(name)
      owner: ml-eng
      metrics:
        latency_p95: { dimension: latency, max: \(latency) }
        precision:   { dimension: quality, min: \(precision) }

      """
    if let staging { text += "environments:\n  staging: { latency_p95: { max: \(staging) } }\n" }
    return text
  }

  static func exception(_ id: String, budget: String, max: String, starts: String, expires: String)
    -> String
  {
    BudgetFiles.exception(
      id, budget: budget, max: max, starts: starts, expires: expires, reason: "Peak season.",
      ticket: "OPS-1")
  }

  /// A repository with the owners file and one budget committed.
  static func repository(latency: String = "100ms") throws -> TemporaryRepository {
    let repository = try TemporaryRepository()
    try repository.write(path: ".budgets/owners.yaml", contents: owners)
    try repository.write(
      path: ".budgets/models/fraud.yaml", contents: budget("fraud", latency: latency))
    try repository.commit(message: "Add the fraud budget")
    return repository
  }
}

extension ProcessResult {
  /// Standard output split into lines, without a trailing empty line.
  var lines: [String] {
    stdoutText.split(separator: "\n", omittingEmptySubsequences: false).map(String.init).filter {
      !$0.isEmpty
    }
  }
}
