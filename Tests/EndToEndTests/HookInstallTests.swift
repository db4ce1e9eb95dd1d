import Foundation
import TestSupport
import Testing

/// `bursar hooks install`, `uninstall` and `print`: placement, chaining and restoring.
@Suite("Hooks: install and uninstall")
struct HookInstallTests {
  static let hookNames = ["pre-commit", "commit-msg", "pre-push", "pre-receive", "post-receive"]

  @Test("the embedded scripts are identical to hooks/*", arguments: hookNames)
  func embeddedMatchesSource(hook: String) throws {
    let source = try String(
      contentsOfFile: BursarCLI.packageRoot + "/hooks/" + hook, encoding: .utf8)
    let repository = try TemporaryRepository()
    let printed = try BursarCLI.run(["hooks", "print", hook], in: repository.path)
    #expect(printed.status == 0)
    #expect(printed.stdoutText == source, "run scripts/embed-hooks.sh after editing hooks/\(hook)")
  }

  @Test("install writes executable hooks and is idempotent")
  func idempotent() throws {
    let fixture = try HookFixture(install: false)
    let first = try fixture.bursar("hooks", "install")
    #expect(first.status == 0)
    let hooks = fixture.repository.gitDirectory + "/hooks/"
    let before = try HookInstallTests.snapshot(hooks)
    let second = try fixture.bursar("hooks", "install")
    #expect(second.stdoutText.contains("pre-commit: up to date"))
    #expect(try HookInstallTests.snapshot(hooks) == before)
    for hook in ["pre-commit", "commit-msg", "pre-push"] {
      #expect(FileManager.default.isExecutableFile(atPath: hooks + hook))
      let installed = try String(contentsOfFile: hooks + hook, encoding: .utf8)
      let source = try String(
        contentsOfFile: BursarCLI.packageRoot + "/hooks/" + hook, encoding: .utf8)
      #expect(installed == source)
    }
  }

  @Test("a foreign hook is chained, runs first, and is restored by uninstall")
  func chainsAndRestores() throws {
    let fixture = try HookFixture(install: false)
    let hooks = fixture.repository.gitDirectory + "/hooks/"
    let foreign = "#!/bin/sh\necho foreign-ran >&2\nexit 0\n"
    try fixture.repository.write(path: ".git/hooks/pre-commit", contents: foreign, executable: true)
    let installed = try fixture.bursar("hooks", "install")
    #expect(installed.stdoutText.contains("pre-commit.local"))
    #expect(try String(contentsOfFile: hooks + "pre-commit.local", encoding: .utf8) == foreign)
    #expect(try fixture.bursar("hooks", "install").status == 0)  // idempotent with a chain too
    try fixture.breakTree()
    let refused = try fixture.git(["commit", "-q", "-a", "-m", "typo"])
    #expect(refused.status == 1)
    #expect(refused.stderrText.contains("foreign-ran"))
    #expect(try fixture.bursar("hooks", "uninstall").status == 0)
    #expect(try String(contentsOfFile: hooks + "pre-commit", encoding: .utf8) == foreign)
    #expect(!FileManager.default.fileExists(atPath: hooks + "pre-commit.local"))
    #expect(!FileManager.default.fileExists(atPath: hooks + "commit-msg"))
    // Nor does bursar leave its cache behind.
    let own = fixture.repository.gitDirectory + "/bursar"
    #expect(!FileManager.default.fileExists(atPath: own))
  }

  @Test("a failing foreign hook stops the commit before bursar runs")
  func failingForeignHookStops() throws {
    let fixture = try HookFixture(install: false)
    try fixture.repository.write(
      path: ".git/hooks/pre-commit", contents: "#!/bin/sh\necho no >&2\nexit 3\n", executable: true)
    _ = try fixture.bursar("hooks", "install")
    try fixture.tighten()
    let result = try fixture.git(["commit", "-q", "-a", "-m", "t"])
    #expect(result.status != 0)
    #expect(result.stderrText.contains("no"))
  }

  @Test("--force sets a foreign hook aside, and uninstall puts it back")
  func forceReplaces() throws {
    let fixture = try HookFixture(install: false)
    let hooks = fixture.repository.gitDirectory + "/hooks/"
    let foreign = "#!/bin/sh\nexit 0\n"
    try fixture.repository.write(path: ".git/hooks/pre-push", contents: foreign, executable: true)
    let result = try fixture.bursar("hooks", "install", "--force")
    #expect(result.stdoutText.contains("pre-push.bursar-replaced"))
    #expect(!FileManager.default.fileExists(atPath: hooks + "pre-push.local"))
    _ = try fixture.bursar("hooks", "uninstall")
    #expect(try String(contentsOfFile: hooks + "pre-push", encoding: .utf8) == foreign)
  }

  @Test("a taken .local name is refused without --force")
  func chainTargetTaken() throws {
    let fixture = try HookFixture(install: false)
    try fixture.repository.write(
      path: ".git/hooks/pre-commit", contents: "#!/bin/sh\n", executable: true)
    try fixture.repository.write(
      path: ".git/hooks/pre-commit.local", contents: "#!/bin/sh\n", executable: true)
    let result = try fixture.bursar("hooks", "install")
    #expect(result.status == 2)
    #expect(result.stderrText.contains("pre-commit.local exists too"))
  }

  @Test("core.hooksPath is honoured, relative to the work tree")
  func hooksPath() throws {
    let fixture = try HookFixture(install: false)
    _ = try fixture.repository.git("config", "core.hooksPath", "githooks")
    let result = try fixture.bursar("hooks", "install")
    #expect(result.stdoutText.contains("core.hooksPath"))
    let folder = fixture.repository.absolutePath("githooks/")
    #expect(FileManager.default.isExecutableFile(atPath: folder + "pre-commit"))
    #expect(
      !FileManager.default.fileExists(atPath: fixture.repository.gitDirectory + "/hooks/pre-commit")
    )
    try fixture.breakTree()
    #expect(try fixture.git(["commit", "-q", "-a", "-m", "typo"]).status == 1)
  }

  @Test("a bare repository needs --server, which installs pre-receive and post-receive only")
  func serverInstall() throws {
    let bare = try TemporaryRepository(bare: true)
    let refused = try BursarCLI.run(["hooks", "install"], in: bare.path)
    #expect(refused.status == 2)
    #expect(refused.stderrText.contains("--server"))
    #expect(try BursarCLI.run(["hooks", "install", "--server"], in: bare.path).status == 0)
    #expect(FileManager.default.isExecutableFile(atPath: bare.path + "/hooks/pre-receive"))
    #expect(FileManager.default.isExecutableFile(atPath: bare.path + "/hooks/post-receive"))
    #expect(!FileManager.default.fileExists(atPath: bare.path + "/hooks/pre-commit"))
  }

  @Test("--protect writes the server's bursar.protect patterns, replacing those before")
  func protectWritesConfig() throws {
    let bare = try TemporaryRepository(bare: true)
    let first = try BursarCLI.run(
      ["hooks", "install", "--server", "--protect", "refs/heads/old"], in: bare.path)
    #expect(first.status == 0, "\(first.stderrText)")
    let again = try BursarCLI.run(
      [
        "hooks", "install", "--server", "--protect", "refs/heads/main", "--protect",
        "refs/heads/release/*",
      ], in: bare.path)
    #expect(again.status == 0, "\(again.stderrText)")
    #expect(
      try bare.gitLines("config", "--get-all", "bursar.protect") == [
        "refs/heads/main", "refs/heads/release/*",
      ])
    let unqualified = try BursarCLI.run(
      ["hooks", "install", "--server", "--protect", "main"], in: bare.path)
    #expect(unqualified.status == 2)
    #expect(unqualified.stderrText.contains("refs/heads/main"))
    let client = try TemporaryRepository()
    #expect(
      try BursarCLI.run(["hooks", "install", "--protect", "refs/heads/main"], in: client.path)
        .status == 2)
  }

  static func snapshot(_ folder: String) throws -> [String: Data] {
    var files: [String: Data] = [:]
    for name in try FileManager.default.contentsOfDirectory(atPath: folder) {
      files[name] = FileManager.default.contents(atPath: folder + name)
    }
    return files
  }
}
