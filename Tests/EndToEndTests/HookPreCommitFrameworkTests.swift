import Foundation
import TestSupport
import Testing

/// `.pre-commit-hooks.yaml`, used by the real `pre-commit` tool (`make test-deps` installs it
/// from PyPI).
@Suite("Hooks: the pre-commit framework")
struct HookPreCommitFrameworkTests {
  @Test("bursar-validate blocks an invalid commit, bursar-rationale an unexplained loosening")
  func frameworkRunsBursar() throws {
    try RequiredTools.require("pre-commit")
    let cache = try TemporaryDirectory(prefix: "bursar-precommit")
    // The hooks repository the framework clones: this package's .pre-commit-hooks.yaml, committed.
    let hooksRepository = try TemporaryRepository()
    let manifest = try String(
      contentsOfFile: BursarCLI.packageRoot + "/.pre-commit-hooks.yaml", encoding: .utf8)
    try hooksRepository.write(path: ".pre-commit-hooks.yaml", contents: manifest)
    let revision = try hooksRepository.commit(message: "hooks")
    let fixture = try HookFixture(install: false)
    try fixture.repository.write(
      path: ".pre-commit-config.yaml",
      contents: """
        repos:
          - repo: \(hooksRepository.path)
            rev: \(revision)
            hooks: [{id: bursar-validate}, {id: bursar-diff}, {id: bursar-rationale}]
        """)
    _ = try fixture.repository.commit(message: "use pre-commit")
    let extra = ["PRE_COMMIT_HOME": cache.path]
    let installed = try runProcess(
      "pre-commit", ["install", "-t", "pre-commit", "-t", "commit-msg"],
      environment: TemporaryRepository.environment(
        try HookFixture.environment.merging(extra) { $1 }),
      cwd: fixture.repository.path)
    #expect(installed.succeeded, "\(installed.stderrText)")
    try fixture.breakTree()
    let refused = try fixture.git(["commit", "-q", "-a", "-m", "typo"], extra: extra)
    #expect(refused.status != 0)
    #expect((refused.stdoutText + refused.stderrText).contains("error[unknown-key]"))
    _ = try fixture.repository.git("checkout", "--", ".")
    try fixture.tighten()
    let passed = try fixture.git(["commit", "-q", "-a", "-m", "tighten"], extra: extra)
    #expect(passed.status == 0, "\(passed.stdoutText)\(passed.stderrText)")
    #expect((passed.stdoutText + passed.stderrText).contains("100ms → 90ms"))
    try fixture.loosen2()
    let unexplained = try fixture.git(["commit", "-q", "-a", "-m", "raise"], extra: extra)
    #expect(unexplained.status != 0)
    #expect((unexplained.stdoutText + unexplained.stderrText).contains("Budget-Rationale"))
    let explained = try fixture.git(
      ["commit", "-q", "-a", "-m", "raise\n\nBudget-Rationale: peak traffic"], extra: extra)
    #expect(explained.status == 0, "\(explained.stdoutText)\(explained.stderrText)")
  }
}
