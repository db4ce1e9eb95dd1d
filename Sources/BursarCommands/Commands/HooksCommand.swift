import ArgumentParser
import Ledger

/// `bursar hooks`: installs and removes the git hooks that keep `.budgets/` honest.
struct HooksCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "hooks",
    abstract: "Install or remove bursar's git hooks.",
    discussion: """
      A clone gets pre-commit (validate what is staged, show a loosening), commit-msg (a \
      loosening needs a Budget-Rationale: trailer) and pre-push (bursar gate for each pushed \
      ref). A server's bare repository gets pre-receive (--server), which gates the updates \
      of its protected refs even when the pusher skipped their hooks and validates every \
      other ref, and post-receive, which records each accepted push of a protected ref as a \
      note for bursar audit. Hooks find bursar through BURSAR, git config bursar.path, or \
      PATH, and do nothing where there is no .budgets/.
      """,
    subcommands: [Install.self, Uninstall.self, Print.self, Run.self])
}

extension HooksCommand {
  /// `bursar hooks install`: writes the hooks into the repository's hooks folder.
  struct Install: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "install",
      abstract: "Install the hooks (honours core.hooksPath; chains to hooks already there).",
      discussion: """
        A hook already in place that is not bursar's is kept as HOOK.local and run first by \
        bursar's (pre-push, pre-receive and post-receive pass it their input). --force sets \
        it aside as HOOK.bursar-replaced instead, unused. Running install again changes \
        nothing; bursar hooks uninstall puts back what was there. With --server, --protect \
        replaces the repository's bursar.protect patterns (the refs that need every sign-off; \
        unset, the default branch is protected).
        """)

    @OptionGroup var repository: RepositoryOptions

    @Flag(
      name: .long,
      help: "Install the server's pre-receive and post-receive hooks (in a bare repository).")
    var server = false

    @Option(
      name: .long,
      help: ArgumentHelp(
        "With --server: protect refs matching this glob, such as refs/heads/release/* (repeatable; written to git config bursar.protect).",
        valueName: "pattern"))
    var protect: [String] = []

    @Flag(name: .long, help: "Set aside a foreign hook instead of chaining to it.")
    var force = false

    func validate() throws {
      if !protect.isEmpty && !server {
        throw ValidationError("--protect is for the server's hooks; add --server")
      }
      for pattern in protect
      where !pattern.hasPrefix("refs/") || pattern.contains(where: \.isWhitespace) {
        throw ValidationError(
          "--protect \(pattern): give a full ref name or glob, such as refs/heads/main or refs/tags/*"
        )
      }
    }

    func run() throws {
      let repo = try repository.open()
      if repo.isBare && !server {
        throw CommandFailure(HookInstallError.bareNeedsServer(path: repo.gitDirectory).description)
      }
      let folder = HooksFolder(repository: repo)
      let hooks = server ? HookScript.server : HookScript.client
      do {
        let report = try HookInstaller(folder: folder).install(hooks, force: force)
        let origin = folder.fromConfiguration ? " (core.hooksPath)" : ""
        Console.output("bursar hooks in \(folder.path)\(origin):")
        for line in report { Console.output("  " + line) }
      } catch {
        throw CommandFailure(error.description)
      }
      if !server { primeValidationCache(StagedReview(of: repo, version: Bursar.version)) }
      if !protect.isEmpty {
        do { try repo.setConfigValues("bursar.protect", protect) } catch {
          throw CommandFailure(LedgerError.git(error))
        }
        Console.output(
          "protected refs (git config bursar.protect): " + protect.joined(separator: " "))
      }
    }

    /// Validates what is staged now (usually HEAD's tree), so that the first commit through the
    /// hooks already reads only what it changes. Nothing is reported: the hooks will.
    private func primeValidationCache(_ review: StagedReview) {
      _ = try? review.review()
    }
  }

  /// `bursar hooks uninstall`: removes bursar's hooks and restores the ones they replaced.
  struct Uninstall: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "uninstall",
      abstract: "Remove bursar's hooks and put back the hooks that were there before.")

    @OptionGroup var repository: RepositoryOptions

    func run() throws {
      let repo = try repository.open()
      let folder = HooksFolder(repository: repo)
      do {
        let report = try HookInstaller(folder: folder).uninstall()
        if report.isEmpty { Console.output("no bursar hooks in \(folder.path)") }
        for line in report { Console.output(line) }
      } catch {
        throw CommandFailure(error.description)
      }
      StagedReview.forgetShortcuts(in: repo)
    }
  }

  /// `bursar hooks print HOOK`: writes one embedded hook script to standard output.
  struct Print: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "print",
      abstract:
        "Print a hook script (pre-commit, commit-msg, pre-push, pre-receive or post-receive).",
      discussion: "For installing by hand, for example on a server bursar cannot reach.")

    @Argument(help: "The hook: pre-commit, commit-msg, pre-push, pre-receive or post-receive.")
    var hook: String

    func validate() throws {
      if HookScript(rawValue: hook) == nil {
        throw ValidationError(
          "unknown hook '\(hook)'; give one of "
            + HookScript.allCases.map(\.name).joined(separator: ", "))
      }
    }

    func run() throws {
      guard let script = HookScript(rawValue: hook) else { return }
      Console.output(script.text)
    }
  }
}
