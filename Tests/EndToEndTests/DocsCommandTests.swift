import Foundation
import TestSupport
import Testing

/// Every `bursar` command the README and docs/ show exists, with every option shown beside it,
/// so the documentation cannot drift from the binary.
@Suite("Docs: the commands they show exist")
struct DocsCommandTests {
  /// The subcommands `--help` lists for a command path (empty for a leaf).
  static func subcommands(_ path: [String]) throws -> Set<String> {
    let help = try BursarCLI.run(path + ["--help"], in: BursarCLI.packageRoot).stdoutText
    guard let start = help.range(of: "SUBCOMMANDS:") else { return [] }
    var names = Set<String>()
    for line in help[start.upperBound...].split(separator: "\n") {
      guard line.hasPrefix("  "), !line.hasPrefix("   ") else { continue }
      if let name = line.split(separator: " ").first { names.insert(String(name)) }
    }
    return names
  }

  /// Each use of `bursar SUBCOMMAND …` in a document: the command path and the long options
  /// written after it on the same line, up to the end of the code span.
  static func uses(in text: String, commands: [String: Set<String>]) -> [(
    path: [String], options: [String], line: String
  )] {
    var found: [(path: [String], options: [String], line: String)] = []
    for line in text.split(separator: "\n") {
      var words = line.split(whereSeparator: { " `|(),;".contains($0) }).map(String.init)[...]
      while let index = words.firstIndex(of: "bursar") {
        words = words[(index + 1)...]
        guard let first = words.first, commands[first] != nil else { continue }
        var path = [first]
        if let second = words.dropFirst().first, commands[first]!.contains(second) {
          path.append(second)
        }
        let rest = words.dropFirst(path.count).prefix { $0 != "bursar" && !$0.hasPrefix("#") }
        let options = rest.filter {
          $0.hasPrefix("--") && $0.dropFirst(2).first.map { $0.isLetter && $0.isLowercase } == true
        }.map {
          String($0.prefix { $0 != "=" && $0 != "\"" && $0 != "'" })
        }
        found.append((path, options, String(line)))
      }
    }
    return found
  }

  @Test("README.md and docs/*.md")
  func commandsExist() throws {
    var commands: [String: Set<String>] = [:]
    for name in try Self.subcommands([]) { commands[name] = try Self.subcommands([name]) }
    #expect(commands.count > 10)
    let root = BursarCLI.packageRoot
    let docs = try FileManager.default.contentsOfDirectory(atPath: root + "/docs")
      .filter { $0.hasSuffix(".md") }.map { "docs/" + $0 }
    var helps: [[String]: String] = [:]
    var checked = 0
    for document in ["README.md"] + docs.sorted() {
      let text = try String(contentsOfFile: root + "/" + document, encoding: .utf8)
      for use in Self.uses(in: text, commands: commands) {
        if helps[use.path] == nil {
          helps[use.path] =
            try BursarCLI.run(use.path + ["--help"], in: root).stdoutText
        }
        for option in use.options where option.count > 2 {
          #expect(
            helps[use.path]!.contains(option),
            "\(document): `bursar \(use.path.joined(separator: " ")) \(option)` is not an option: \(use.line)"
          )
          checked += 1
        }
      }
    }
    #expect(checked > 50)
  }

  @Test("docs/cli.md is what scripts/cli-reference.sh writes from the binary's help")
  func referenceIsCurrent() throws {
    let folder = try TemporaryDirectory(prefix: "bursar-cli-reference")
    let fresh = folder.appending("cli.md")
    let root = BursarCLI.packageRoot
    let result = try runProcess(
      "sh", [root + "/scripts/cli-reference.sh", try BursarCLI.binary, fresh],
      environment: ProcessInfo.processInfo.environment, cwd: root)
    #expect(result.status == 0, "\(result.stderrText)")
    let committed = try String(contentsOfFile: root + "/docs/cli.md", encoding: .utf8)
    let generated = try String(contentsOfFile: fresh, encoding: .utf8)
    #expect(
      committed == generated,
      "docs/cli.md is out of date: run scripts/cli-reference.sh .build/debug/bursar")
  }
}
