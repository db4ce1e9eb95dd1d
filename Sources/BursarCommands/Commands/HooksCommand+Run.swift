import ArgumentParser
import BudgetKit
import Foundation
import Ledger

extension HooksCommand {
  /// `bursar hooks run HOOK`: the checks of a client hook, in one process, which the installed
  /// pre-commit and commit-msg scripts call, and the server's record of a push (post-receive).
  struct Run: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "run",
      abstract:
        "Run the work of the pre-commit, commit-msg or post-receive hook (what the scripts call).",
      discussion: """
        pre-commit validates what is staged under .budgets/ (exit 1 when invalid) and, when \
        the commit loosens a budget, shows how. commit-msg MESSAGE-FILE refuses a loosening \
        whose message has no Budget-Rationale: trailer (exit 1); a merge needs none of its \
        own when everything it loosens comes from merged commits that each carry one. Both \
        compare the index with HEAD and read only the files the commit changes, plus the few that the cross-file \
        checks relate them to, when a cache in the git directory (bursar/validation-cache) \
        knows HEAD's tree to be valid; otherwise the whole staged tree. post-receive reads \
        "OLD NEW REF" lines on standard input (the accepted updates of protected refs, as the \
        installed script passes them) and adds a record of each to the note on NEW under \
        refs/notes/bursar/pushes.
        """)

    @OptionGroup var repository: RepositoryOptions

    @Argument(help: "The hook: pre-commit, commit-msg or post-receive.")
    var hook: ClientHook

    @Argument(help: "commit-msg only: the file holding the commit message.")
    var messageFile: String?

    @Flag(name: .long, help: "Say how much of the staged tree was read.")
    var verbose = false

    func validate() throws {
      if hook == .commitMessage && messageFile == nil {
        throw ValidationError("commit-msg needs the commit message file (git passes it as $1)")
      }
      if hook != .commitMessage && messageFile != nil {
        throw ValidationError("\(hook.rawValue) takes no file")
      }
    }

    func run() throws {
      let repo = try repository.open()
      let commitHook = CommitHook(repository: repo, version: Bursar.version)
      switch hook {
      case .preCommit: try preCommit(commitHook)
      case .commitMessage: try commitMessage(commitHook)
      case .postReceive: try postReceive(PushRecording(repository: repo))
      }
    }

    private func postReceive(_ recording: PushRecording) throws {
      do {
        try recording.record(input: Self.standardInput()) { line in
          Console.error("bursar: post-receive: not recorded, not an update: \(line.prefix(80))")
        }
      } catch {
        throw CommandFailure(error)
      }
    }

    private func preCommit(_ hook: CommitHook) throws {
      let outcome: StagedOutcome
      do { outcome = try hook.preCommit() } catch { throw CommandFailure(error) }
      if verbose { Console.error(Self.describe(outcome)) }
      guard outcome.isValid else {
        let report = ValidationReport(
          source: BudgetSource.index.description, diagnostics: outcome.diagnostics,
          fileCount: outcome.fileCount, ignored: [])
        Console.error(DiagnosticTextRenderer().render(report))
        Console.error(
          "bursar: the staged .budgets/ cannot be committed (bursar validate --staged).")
        throw ExitCode(ExitStatus.blocked)
      }
      // Warnings do not block; the hook shows those of the files it read.
      let warnings = outcome.diagnostics.filter { $0.severity == .warning }
      if !warnings.isEmpty {
        Console.error(
          DiagnosticTextRenderer().render(
            ValidationReport(
              source: BudgetSource.index.description, diagnostics: warnings,
              fileCount: outcome.fileCount, ignored: [])))
      }
      hook.remember(outcome)
      guard outcome.loosens else { return }
      let diff = DiffReport(from: "HEAD", to: "the index", changes: outcome.changes)
      Console.error(DiffTextRenderer().render(diff))
      if hook.isMerging {
        Console.error(
          """
          bursar: this merge loosens budgets against HEAD. Its message needs a Budget-Rationale:
            trailer only if it loosens beyond its parents or brings in a loosening without one.
          """)
        return
      }
      Console.error(
        """
        bursar: this commit loosens budgets. Say why in a Budget-Rationale: trailer of the
          commit message; the change needs the owners' sign-off before it can merge.
        """)
    }

    private func commitMessage(_ hook: CommitHook) throws {
      let outcome: StagedOutcome
      do { outcome = try hook.commitMessage() } catch { throw CommandFailure(error) }
      guard outcome.loosens, let messageFile else { return }
      guard let handle = FileHandle(forReadingAtPath: messageFile),
        let data = try? handle.read(upToCount: Self.maxMessageBytes)
      else {
        throw CommandFailure("cannot read the commit message file \(messageFile)")
      }
      try? handle.close()
      let raw = String(decoding: data, as: UTF8.self)
      let need: CommitHook.RationaleNeed?
      do { need = try hook.rationaleNeed(outcome, message: raw) } catch {
        throw CommandFailure(error)
      }
      guard let need else { return }
      let refusal = RationaleRefusal(reason: need, messageFile: messageFile, index: hook.index)
      Console.error(refusal.render())
      throw ExitCode(ExitStatus.blocked)
    }

    static func describe(_ outcome: StagedOutcome) -> String {
      switch outcome.reading {
      case .nothingStaged: "bursar: nothing is staged under .budgets/"
      case .wholeTree: "bursar: read all \(outcome.fileCount) staged budget files"
      case .changedFiles(let files):
        "bursar: read \(files) of \(outcome.fileCount) staged budget files (HEAD's tree is known to be valid: the changed files and the files related to them)"
      }
    }

    /// A message larger than this is read only this far (a trailer is at its end, though a
    /// message this long is no message).
    static let maxMessageBytes = 4 << 20

    /// Standard input as text, read up to `maxMessageBytes`.
    static func standardInput() -> String {
      let data = (try? FileHandle.standardInput.read(upToCount: maxMessageBytes)) ?? nil
      return String(decoding: data ?? Data(), as: UTF8.self)
    }
  }
}

/// The hooks `bursar hooks run` implements.
enum ClientHook: String, ExpressibleByArgument, CaseIterable {
  case preCommit = "pre-commit"
  case commitMessage = "commit-msg"
  case postReceive = "post-receive"
}
