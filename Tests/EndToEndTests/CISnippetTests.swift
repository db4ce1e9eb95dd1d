import Foundation
import TestSupport
import Testing

/// The CI configuration the docs show, and bursar's GitHub Action, pass the linters GitHub and
/// GitLab users run: actionlint and the workflow, action and GitLab CI schemas.
@Suite("Docs: CI snippets and action.yml pass actionlint and their schemas")
struct CISnippetTests {
  static let root = BursarCLI.packageRoot

  static func snippets(_ kind: CISnippet.Kind) throws -> [CISnippet] {
    try CISnippet.all().marked.filter { $0.kind == kind }
  }

  static func action() throws -> String {
    try String(contentsOfFile: root + "/action.yml", encoding: .utf8)
  }

  /// A repository holding action.yml at its root and each workflow under .github/workflows/,
  /// with the paths of the workflows.
  static func workflowRepository(_ workflows: [String]) throws -> (
    TemporaryRepository, [String]
  ) {
    let repository = try TemporaryRepository()
    try repository.write(path: "action.yml", contents: action())
    var paths: [String] = []
    for (index, workflow) in workflows.enumerated() {
      let path = ".github/workflows/snippet-\(index + 1).yml"
      try repository.write(path: path, contents: workflow)
      paths.append(path)
    }
    return (repository, paths)
  }

  @Test("every CI block of the docs is marked, and docs/ci.md shows both kinds")
  func snippetsAreMarked() throws {
    let found = try CISnippet.all()
    #expect(
      found.unmarked.isEmpty,
      "CI blocks must open with `# .github/workflows/NAME.yml` or `# .gitlab-ci.yml`: \(found.unmarked)"
    )
    let inCI = found.marked.filter { $0.document == "docs/ci.md" }
    #expect(inCI.filter { $0.kind == .githubWorkflow }.count >= 2)
    #expect(inCI.filter { $0.kind == .gitlabCI }.count >= 1)
  }

  @Test("the workflows, and the steps of action.yml, pass actionlint with shellcheck")
  func workflowsPassActionlint() throws {
    try RequiredTools.require("actionlint", "shellcheck")
    let workflows = try Self.snippets(.githubWorkflow)
    let texts =
      workflows.map { CILinters.usingLocalAction($0.text) }
      + [try CILinters.workflowRunningSteps(ofAction: Self.action())]
    let (repository, paths) = try Self.workflowRepository(texts)
    let result = try CILinters.actionlint(paths, in: repository.path)
    let places = workflows.map(\.place) + ["action.yml"]
    #expect(
      result.status == 0,
      "actionlint (snippet-N is the Nth of \(places)):\n\(result.stdoutText)\(result.stderrText)")
  }

  @Test("the workflows match the GitHub workflow schema")
  func workflowsMatchTheirSchema() throws {
    try RequiredTools.require("check-jsonschema")
    let workflows = try Self.snippets(.githubWorkflow)
    let (repository, paths) = try Self.workflowRepository(workflows.map(\.text))
    let result = try CILinters.checkJSONSchema(.githubWorkflow, paths, in: repository.path)
    #expect(result.status == 0, "\(workflows.map(\.place)):\n\(result.stdoutText)")
  }

  @Test("the GitLab job matches the GitLab CI schema")
  func gitlabJobMatchesItsSchema() throws {
    try RequiredTools.require("check-jsonschema")
    let jobs = try Self.snippets(.gitlabCI)
    #expect(!jobs.isEmpty)
    let folder = try TemporaryDirectory(prefix: "bursar-gitlab-ci")
    for (index, job) in jobs.enumerated() {
      try Data(job.text.utf8).write(to: URL(fileURLWithPath: folder.appending("job-\(index).yml")))
      let result = try CILinters.checkJSONSchema(.gitlabCI, ["job-\(index).yml"], in: folder.path)
      #expect(result.status == 0, "\(job.place):\n\(result.stdoutText)")
    }
  }

  @Test("action.yml matches the GitHub Action schema")
  func actionMatchesItsSchema() throws {
    try RequiredTools.require("check-jsonschema")
    let result = try CILinters.checkJSONSchema(.githubAction, ["action.yml"], in: Self.root)
    #expect(result.status == 0, "\(result.stdoutText)")
    #expect(try Self.action().contains("using: composite"))
  }

  @Test("workflows install bursar with its action, and apt installs follow apt-get update")
  func workflowsUseTheActionAndUpdateApt() throws {
    let workflows = try Self.snippets(.githubWorkflow)
    #expect(!workflows.isEmpty)
    for workflow in workflows {
      #expect(workflow.text.contains(CILinters.actionPlaceholder), "\(workflow.place)")
      for build in ["git clone", "swift build", "make "] {
        #expect(!workflow.text.contains(build), "\(workflow.place) builds bursar: `\(build)`")
      }
    }
    let sources =
      try CISnippet.all().marked.map { ($0.place, $0.text) } + [("action.yml", Self.action())]
    for (place, text) in sources {
      var updated = false
      for line in text.split(separator: "\n") {
        if line.contains("apt-get update") { updated = true }
        if line.contains("apt-get install") {
          #expect(updated, "\(place): `apt-get install` before `apt-get update`: \(line)")
        }
      }
    }
  }

  @Test("the linters reject what they should, so a pass means something")
  func lintersReject() throws {
    try RequiredTools.require("actionlint", "shellcheck", "check-jsonschema")
    let outdated = """
      on: pull_request
      jobs:
        gate:
          runs-on: ubuntu-latest
          steps:
            - uses: actions/checkout@v4
            - run: cd $HOME/bursar && echo "${{ steps.nothing.outputs.x }}"

      """
    let (repository, paths) = try Self.workflowRepository([outdated])
    let lint = try CILinters.actionlint(paths, in: repository.path)
    #expect(lint.status == 1)
    #expect(lint.stdoutText.contains("actions/checkout@v4"), "\(lint.stdoutText)")
    #expect(lint.stdoutText.contains("SC2086"), "shellcheck did not run: \(lint.stdoutText)")
    let schema = try CILinters.checkJSONSchema(.githubWorkflow, paths, in: repository.path)
    #expect(schema.status == 0)
    try repository.write(path: "bad-action.yml", contents: "name: x\nruns: { using: node6 }\n")
    try repository.write(path: "bad-job.yml", contents: "job:\n  script: 5\n")
    let action = try CILinters.checkJSONSchema(
      .githubAction, ["bad-action.yml"], in: repository.path)
    #expect(action.status == 1, "\(action.stdoutText)")
    let job = try CILinters.checkJSONSchema(.gitlabCI, ["bad-job.yml"], in: repository.path)
    #expect(job.status == 1, "\(job.stdoutText)")
  }
}
