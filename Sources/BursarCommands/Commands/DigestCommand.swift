import ArgumentParser
import BudgetKit
import Foundation
import Ledger

/// `bursar digest`: the canonical meaning-digest an approval binds to.
struct DigestCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "digest",
    abstract: "Print the meaning-digest of budget files, as approvals bind to it.",
    discussion: """
      The digest hashes what a file means, not its bytes: comments, key order, quoting and \
      descriptions do not change it; any governed value does. See docs/digest.md.
      """)

  @OptionGroup var repository: RepositoryOptions
  @OptionGroup var sourceOptions: SourceOptions

  @Option(name: .long, help: "Output format: text or json.")
  var format: DigestFormat = .text

  @Argument(help: "Budget files (relative to the current folder, the repository, or .budgets/).")
  var paths: [String]

  enum DigestFormat: String, OutputFormat {
    case text
    case json
  }

  struct Entry: Encodable {
    var path: String
    var digest: String
  }

  func run() throws {
    let repo = try repository.open()
    let source: BudgetSource
    let snapshot: BudgetSnapshot
    do {
      source = try sourceOptions.source(with: RevisionResolver(repository: repo))
      snapshot = try SnapshotReader(repository: repo).snapshot(source)
    } catch {
      throw CommandFailure(error)
    }
    let files = Dictionary(
      snapshot.files.map { ($0.path, $0) }, uniquingKeysWith: { first, _ in first })
    var entries: [Entry] = []
    var problems: [Diagnostic] = []
    for argument in paths {
      let path = try PathFilter.resolvedPath(argument, workTree: repo.workingDirectory)
      guard let file = files[path], case .bytes(let bytes) = file.content, file.isYAML else {
        throw CommandFailure("no budget file \(path) in \(source)")
      }
      let parsed = BudgetTreeLoader().parse(path: path, bytes: bytes)
      guard let digest = parsed.digest else {
        problems += parsed.diagnostics
        continue
      }
      entries.append(Entry(path: String(path.dropFirst(".budgets/".count)), digest: digest))
    }
    switch format {
    case .text:
      if !entries.isEmpty {
        Console.output(entries.map { "\($0.digest)  \($0.path)" }.joined(separator: "\n"))
      }
    case .json: Console.output(JSONOutput.encode(["files": entries]))
    }
    if !problems.isEmpty {
      Console.error(problems.map(\.sentence).joined(separator: "\n"))
      throw ExitCode(ExitStatus.blocked)
    }
  }
}
