import Foundation
import TestSupport
import Testing

/// The standard linters CI configuration must pass: actionlint (with shellcheck for `run:`
/// scripts) and check-jsonschema's schemas for GitHub workflows, GitHub Actions and GitLab CI.
///
/// `make test-deps` installs them; a missing one fails the test that needs it (`RequiredTools`).
enum CILinters {
  /// The schema check-jsonschema validates a kind of file with.
  enum Schema: String {
    case githubWorkflow = "vendor.github-workflows"
    case githubAction = "vendor.github-actions"
    case gitlabCI = "vendor.gitlab-ci"
  }

  /// The address the docs write for bursar's action, which a person replaces.
  static var actionPlaceholder: Regex<Substring> { /OWNER\/bursar@[A-Za-z0-9._\/-]+/ }

  /// actionlint over workflow files of a repository laid out as GitHub expects.
  static func actionlint(_ files: [String], in repository: String) throws -> ProcessResult {
    try runProcess(
      "actionlint", ["-no-color", "-shellcheck=shellcheck"] + files, cwd: repository)
  }

  /// check-jsonschema with one of its built-in schemas.
  static func checkJSONSchema(_ schema: Schema, _ files: [String], in folder: String) throws
    -> ProcessResult
  {
    try runProcess(
      "check-jsonschema", ["--builtin-schema", schema.rawValue] + files, cwd: folder)
  }

  /// A workflow as the docs show it, with bursar's action taken from the repository's root
  /// (`uses: ./`), so actionlint checks its inputs and outputs against `action.yml`.
  static func usingLocalAction(_ workflow: String) -> String {
    workflow.replacing(actionPlaceholder, with: "./")
  }

  /// A workflow whose one job runs the steps of a composite action's `action.yml`, so actionlint
  /// checks those steps (their expressions, the actions they use, their scripts) as it checks a
  /// workflow's.
  static func workflowRunningSteps(ofAction action: String) throws -> String {
    let lines = action.split(separator: "\n", omittingEmptySubsequences: false)
    let start = try #require(lines.firstIndex(of: "  steps:"), "action.yml has no `runs.steps`")
    let steps = lines[(start + 1)...].map { $0.isEmpty ? "" : "  " + $0 }
    return """
      on: push
      jobs:
        action:
          runs-on: ubuntu-latest
          steps:

      """ + steps.joined(separator: "\n")
  }
}
