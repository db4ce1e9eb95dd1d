/// What fixes a problem when fixing it takes one of bursar's own commands. Nothing below the
/// command line names a command: it says which remedy helps, and the command line words it.
public enum Remedy: Sendable, Hashable {
  /// There is no Owners file: write a starter one.
  case initialiseOwners
  /// The budgets folder (`root`) is a file: move it aside and write a starter folder, or make
  /// it a folder of budget files.
  case replaceBudgetsFile(root: String)
  /// A digest is malformed: write the one computed for the file (or `deleted`).
  case recomputeDigest
  /// A signature is not an armored SSH signature: sign the approval again.
  case signApproval
}
