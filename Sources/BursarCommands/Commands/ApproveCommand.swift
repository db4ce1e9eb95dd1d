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
      The base defaults to where HEAD leaves the default branch (their merge base; the \
      default branch is origin/HEAD's target, else init.defaultBranch, else main, else \
      master), and the output says which it used. Refused with exit 1 when NAME can give \
      none of the sign-offs the change needs (naming what it needs and who can sign). With \
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
    name: .long,
    help: "The revision the change starts from (default: where HEAD leaves the default branch).")
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
    let base = try ApprovalBase.resolve(base, in: repo)
    let baseName = base.name
    let reader = SignOffReader(repository: repo)
    let baseTree: SignedTree?
    let current: SignedTree?
    let authors: [ChangeAuthor]
    do {
      baseTree = try reader.tree(atCommit: base.commit)
      current = try reader.workTree()
      if !repo.isHeadUnborn, let head = try? repo.resolveCommit("HEAD") {
        authors = try reader.authors(base: base.commit, head: head)
      } else {
        authors = []
      }
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
        "no budget file changed between \(baseName) and the work tree; nothing to approve (give --base to compare with another revision)"
      )
    }
    let verdict = SignOffGate(
      base: baseTree?.tree, head: current?.tree ?? BudgetTree(), messages: [:], authors: authors
    ).verdict()
    let reach = ApproverReach(member: member, verdict: verdict)
    guard reach.canSignAnything else {
      Console.error(reach.refusal(baseName: baseName))
      throw ExitCode(ExitStatus.blocked)
    }
    let unsigned = ApprovalText.unsigned(by: member, files: files, note: note)
    let signature = try sign(unsigned, owners: owners, member: member, baseName: baseName)
    let text = ApprovalText.signed(unsigned, signature: signature)
    let path = try ApprovalFileWriter(workTree: workTree).write(text, member: member)
    Console.output("base: \(base.explanation)")
    Console.output(
      "wrote \(path): \(name) approves \(files.count) file\(files.count == 1 ? "" : "s")")
    for file in files { Console.output("  \(file.path) \(file.digest)") }
    for line in reach.summary { Console.output(line) }
    Console.output(
      "Commit and push the record, or it counts for nothing: git add \(path) && git commit -m \"\(name) approves budget changes\" && git push"
    )
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
