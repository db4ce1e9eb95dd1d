import BudgetKit

/// Why suggested values could not be written into the budget files; nothing was written.
public enum ValueEditFailure: Error, Sendable, Equatable {
  /// A file could not be read or written, with the reason.
  case file(path: String, reason: String)
  /// A value could not be edited in place.
  case edit(ScalarEditError)
  /// The file changed on disk since the suggestions were made from it.
  case changedSince(path: String)
}
