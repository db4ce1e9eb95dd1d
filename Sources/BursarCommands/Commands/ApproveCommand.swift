import ArgumentParser
import BudgetKit
import Foundation
import Ledger

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
    let member = MemberName(name)
    let draft: ApprovalDraft
    do {
      draft = try ApprovalDraft(member: member, base: base, in: repo)
    } catch {
      throw CommandFailure.approval(error)
    }
    let reach = ApproverReach(member: member, verdict: draft.verdict)
    guard reach.canSignAnything else {
      Console.error(reach.refusal(baseName: draft.base.name))
      throw ExitCode(ExitStatus.blocked)
    }
    let signature: String
    let unsigned: (text: String, message: [UInt8])
    do {
      unsigned = try draft.unsigned(note: note)
      signature = try ApprovalSigning(keyFile: key).sign(Data(unsigned.message), keys: draft.keys)
      try draft.check(signature: signature, of: unsigned.message)
    } catch let error as ApprovalDraftError {
      throw CommandFailure.approval(error)
    }
    let text = ApprovalText.signed(unsigned.text, signature: signature)
    let path = try ApprovalFileWriter(workTree: draft.workTree).write(text, member: member)
    let files = draft.files
    Console.output("base: \(draft.base.explanation)")
    Console.output(
      "wrote \(path): \(name) approves \(files.count) file\(files.count == 1 ? "" : "s")")
    for file in files { Console.output("  \(file.path) \(file.digest)") }
    for line in reach.summary { Console.output(line) }
    Console.output(
      "Commit and push the record, or it counts for nothing: git add \(path) && git commit -m \"\(name) approves budget changes\" && git push"
    )
  }
}
