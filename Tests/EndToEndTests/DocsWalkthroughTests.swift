import Foundation
import TestSupport
import Testing

/// The README's tour and docs/getting-started.md, re-run as a reader follows them: each on a
/// fresh repository, every command in order, with the output they show where they show it.
@Suite("Docs: the README tour and getting started, re-run")
struct DocsWalkthroughTests {
  /// Commands the walk-throughs show that build bursar itself; the tests use the built binary.
  static func buildsBursar(_ command: String) -> Bool { command.hasPrefix("make ") }

  /// A fresh repository of a reader, Alice, with an SSH key in her home folder and the built
  /// bursar on PATH.
  struct Reader {
    let repository: TemporaryRepository
    let home: TemporaryDirectory
    let environment: [String: String]

    init() throws {
      repository = try TemporaryRepository()
      home = try TemporaryDirectory(prefix: "bursar-docs-home")
      try repository.git("config", "user.name", "Alice")
      try repository.git("config", "user.email", "alice@example.com")
      try FileManager.default.createDirectory(
        atPath: home.appending(".ssh"), withIntermediateDirectories: true)
      _ = try runProcess(
        "ssh-keygen",
        ["-q", "-t", "ed25519", "-N", "", "-C", "alice", "-f", home.appending(".ssh/id_ed25519")],
        cwd: home.path)
      let binaries = URL(fileURLWithPath: try BursarCLI.binary).deletingLastPathComponent().path
      environment = TemporaryRepository.environment([
        "HOME": home.path, "NO_COLOR": "1",
        "PATH": binaries + ":" + (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"),
        "GIT_AUTHOR_NAME": "Alice", "GIT_AUTHOR_EMAIL": "alice@example.com",
        "GIT_COMMITTER_NAME": "Alice", "GIT_COMMITTER_EMAIL": "alice@example.com",
      ])
    }

    /// Runs a command line as a shell would, standard error with standard output.
    func run(_ command: String) throws -> ProcessResult {
      try runProcess(
        "sh", ["-c", "exec 2>&1\n" + command], environment: environment, cwd: repository.path)
    }
  }

  /// Follows a document's steps and returns how many commands ran.
  static func follow(_ document: String) throws -> Int {
    let text = try String(contentsOfFile: BursarCLI.packageRoot + "/" + document, encoding: .utf8)
    let walkthrough = DocWalkthrough(text)
    #expect(
      walkthrough.commandsOutsideConsole.isEmpty,
      "\(document): bursar commands outside ```console blocks, lines \(walkthrough.commandsOutsideConsole)"
    )
    let reader = try Reader()
    var ran = 0
    for step in walkthrough.steps {
      switch step {
      case .file(let path, let contents, _):
        try reader.repository.write(path: path, contents: contents)
      case .command(let command, let shown, let line):
        if buildsBursar(command) { continue }
        let result = try reader.run(command)
        ran += 1
        let place = "\(document):\(line): `\(command)`"
        let output = result.stdoutText
        if shown.isEmpty {
          #expect(result.status == 0, "\(place) exited \(result.status):\n\(output)")
        } else {
          #expect(result.status <= 1, "\(place) exited \(result.status):\n\(output)")
          #expect(
            ShownOutput(shown).matches(output),
            "\(place) printed:\n\(output)\nbut the document shows:\n\(shown.joined(separator: "\n"))"
          )
        }
      }
    }
    return ran
  }

  @Test("README.md: the three-minute tour")
  func readmeTour() throws {
    #expect(try Self.follow("README.md") >= 15)
  }

  @Test("docs/getting-started.md: from nothing to a guarded repository")
  func gettingStarted() throws {
    #expect(try Self.follow("docs/getting-started.md") >= 6)
  }

  @Test("shown output: elisions and placeholders match, other differences do not")
  func shownOutputMatching() {
    let shown = ShownOutput(["BLOCKED main (<commit>) → HEAD (<commit>): 1 change", "...", "end"])
    #expect(shown.matches("BLOCKED main (220d75b) → HEAD (0cd6980): 1 change\na\nb\nend\n"))
    #expect(shown.matches("BLOCKED main (220d75b) → HEAD (0cd6980): 1 change\nend"))
    #expect(!shown.matches("BLOCKED main (220d75b) → HEAD (0cd6980): 2 changes\nend"))
    #expect(!shown.matches("BLOCKED main (main) → HEAD (0cd6980): 1 change\nend"))
    #expect(!shown.matches("BLOCKED main (220d75b) → HEAD (0cd6980): 1 change\nend\nmore"))
    #expect(ShownOutput(["ok  ", ""]).matches("ok\n\n"))
    #expect(!ShownOutput(["ok"]).matches("ok: 2 files"))
  }

  @Test("walk-throughs: commands, their output and files are told apart")
  func walkthroughParsing() {
    let text = """
      ```console
      $ bursar init
      Wrote it.
      $ git add .budgets
      ```
      ```yaml
      # .budgets/models/a.yaml
      version: 1
      ```
      ```sh
      make demo   # builds bursar
      bursar validate
      ```
      """
    let walkthrough = DocWalkthrough(text)
    #expect(walkthrough.steps.count == 3)
    guard walkthrough.steps.count == 3 else { return }
    if case .command(let command, let shown, _) = walkthrough.steps[0] {
      #expect(command == "bursar init" && shown == ["Wrote it."])
    } else {
      Issue.record("first step is not a command")
    }
    if case .command(let command, let shown, _) = walkthrough.steps[1] {
      #expect(command == "git add .budgets" && shown.isEmpty)
    } else {
      Issue.record("second step is not a command")
    }
    if case .file(let path, let contents, _) = walkthrough.steps[2] {
      #expect(path == ".budgets/models/a.yaml" && contents.hasSuffix("version: 1\n"))
    } else {
      Issue.record("third step is not a file")
    }
    #expect(walkthrough.commandsOutsideConsole == [11])
  }
}
