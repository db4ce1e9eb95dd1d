import ArgumentParser
import Foundation

/// `bursar init`: a starter `.budgets/` that validates.
struct InitCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "init",
    abstract: "Write a starter .budgets/ (an owners file and one example budget).",
    discussion: "Never overwrites: it stops if .budgets/ already exists.")

  @OptionGroup var repository: RepositoryOptions

  @Option(name: .long, help: "Your name in the owners file (default: from git's user.email).")
  var name: String?

  @Option(
    name: .long,
    help: ArgumentHelp(
      "An SSH public key file to list as yours, so you can sign approvals.", valueName: "file"))
  var key: String?

  func run() throws {
    let repo = try repository.open()
    guard let workTree = repo.workingDirectory else {
      throw CommandFailure(
        "this is a bare repository; run `bursar init` in a clone with a work tree")
    }
    let folder = workTree + "/.budgets"
    if FileManager.default.fileExists(atPath: folder) {
      throw CommandFailure(".budgets already exists in \(workTree); nothing was written")
    }
    let member = try memberName(email: repo.config("user.email"))
    let keyLine = try key.map(readKey)
    let starter = StarterTree(member: member, email: repo.config("user.email"), key: keyLine)
    do {
      for (path, contents) in starter.files {
        let url = URL(fileURLWithPath: folder + "/" + path)
        try FileManager.default.createDirectory(
          at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(contents.utf8).write(to: url, options: .withoutOverwriting)
      }
    } catch {
      throw CommandFailure("cannot write .budgets/: \(error.localizedDescription)")
    }
    Console.output(
      """
      Wrote .budgets/owners.yaml and .budgets/models/example-model.yaml.
      Next: edit them, run `bursar validate`, then `git add .budgets && git commit`.
      """)
  }

  private func memberName(email: String?) throws -> String {
    if let name {
      guard MemberNameCheck.isValid(name) else {
        throw CommandFailure(
          "`\(name)` is not a valid member name: use lowercase letters, digits, `.`, `_` and `-`")
      }
      return name
    }
    let local = email?.split(separator: "@").first.map(String.init)?.lowercased() ?? ""
    let cleaned = String(
      local.unicodeScalars.filter { MemberNameCheck.allowed.contains($0) }.map(Character.init))
    return MemberNameCheck.isValid(cleaned) ? cleaned : "owner"
  }

  private func readKey(_ path: String) throws -> String {
    guard let data = FileManager.default.contents(atPath: path),
      let line = String(data: data, encoding: .utf8)?.split(separator: "\n").first
    else {
      throw CommandFailure("cannot read the public key file \(path)")
    }
    return String(line).trimmingCharacters(in: .whitespaces)
  }
}
