import ArgumentParser
import BudgetKit
import Foundation
import GitKit
import Ledger
import SSHSignatures

/// `bursar approve`: writes one signed Approval for the budget files changed since a base.
struct ApproveCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "approve",
    abstract: "Sign off the budget files changed since a base, with your SSH key.",
    discussion: """
      Binds the meaning digest of every budget, exception and owners file that differs \
      between the base and the work tree, signs the record with `ssh-keygen -Y sign -n \
      bursar-approval` and writes it under .budgets/approvals/ (never over an existing file). \
      The base defaults to the upstream of the current branch, else main, else HEAD. With \
      --key the key file signs (a .pub file means its private key is in ssh-agent); without \
      it, ssh-agent signs with one of NAME's keys in the base owners. Refused when the key is \
      not NAME's in the base owners.
      """)

  @OptionGroup var repository: RepositoryOptions

  @Option(name: .customLong("as"), help: "Your member name in the base owners.")
  var name: String

  @Option(name: .long, help: "A private key file, or a .pub file whose key is in ssh-agent.")
  var key: String?

  @Option(name: .long, help: "A note kept in the record, such as what you reviewed.")
  var note: String?

  @Option(
    name: .long, help: "The revision the change starts from (default: upstream, main or HEAD).")
  var base: String?

  func validate() throws {
    guard MemberKind.isValid(name) else {
      throw ValidationError(
        "'\(name)' is not a member name: ASCII lowercase letters, digits, '.', '_' and '-'")
    }
  }

  func run() throws {
    let repo = try repository.open()
    guard let workTree = repo.workingDirectory else {
      throw CommandFailure("this is a bare repository; approve in a clone with a work tree")
    }
    let (baseId, baseName) = try resolveBase(repo)
    let reader = SignOffReader(repository: repo)
    let baseTree: SignedTree?
    let current: SignedTree?
    do {
      baseTree = try reader.tree(atCommit: baseId)
      current = try reader.workTree()
    } catch {
      throw CommandFailure(error)
    }
    guard let owners = baseTree?.tree.owners else {
      throw CommandFailure("\(baseName) has no Owners file, so nobody's key can be checked")
    }
    let member = MemberName(name)
    guard !owners.teams(of: member).isEmpty else {
      throw CommandFailure("\(name) is not a member of any team in the owners of \(baseName)")
    }
    guard !owners.keys(of: member).isEmpty else {
      throw CommandFailure("\(name) has no keys in the owners of \(baseName); add one there first")
    }
    let files = ApprovalScope.changedFiles(base: baseTree?.tree, current: current?.tree)
    guard !files.isEmpty else {
      throw CommandFailure(
        "no budget file changed between \(baseName) and the work tree; nothing to approve")
    }
    let unsigned = ApprovalText.unsigned(by: member, files: files, note: note)
    let signature = try sign(unsigned, owners: owners, member: member, baseName: baseName)
    let text = ApprovalText.signed(unsigned, signature: signature)
    let path = try ApprovalFileWriter(workTree: workTree).write(text, member: member)
    Console.output(
      "wrote \(path): \(name) approves \(files.count) file\(files.count == 1 ? "" : "s")")
    for file in files { Console.output("  \(file.path) \(file.digest)") }
  }

  private func resolveBase(_ repo: Repository) throws -> (Oid, String) {
    if let base {
      do { return (try repo.resolveCommit(base), base) } catch { throw CommandFailure(error) }
    }
    for candidate in ["@{upstream}", "main", "HEAD"] {
      if let id = try? repo.resolveCommit(candidate) { return (id, candidate) }
    }
    throw CommandFailure(
      "no base: the branch has no upstream, there is no main, and HEAD has no commit; give --base")
  }

  /// Signs the record and checks the signing key is one of the member's in the base.
  private func sign(_ unsigned: String, owners: Owners, member: MemberName, baseName: String) throws
    -> String
  {
    guard let message = ApprovalMessage.message(bytes: Array(unsigned.utf8), path: "approval")
    else {
      throw CommandFailure("the approval record could not be read back; this is a bug in bursar")
    }
    let signature = try ApprovalSigning(keyFile: key).sign(
      Data(message), keys: owners.keys(of: member))
    let probe = Approval(
      path: "approval", by: Located(member, at: .start(of: "approval")), approves: [], note: nil,
      signature: Located(signature, at: .start(of: "approval")))
    let verifier = ApprovalVerifier(owners: owners, headDigests: [:])
    switch verifier.problem(probe, message: message) {
    case nil: return signature
    case .keyNotListed(_, let fingerprint)?:
      throw CommandFailure(
        "the key \(fingerprint) is not \(member)'s in the owners of \(baseName); sign with a key listed there, or add this key through a reviewed change first"
      )
    case let problem?:
      throw CommandFailure("the signature does not verify: \(problem)")
    }
  }
}
