import Ledger

extension DiffEndpoints.Failure {
  /// The failure in the command line's words.
  var sentence: String {
    switch self {
    case .bareRepository:
      "this is a bare repository, with no work tree or index to compare; give two revisions (bursar diff A B) or a range (A..B)"
    case .noMergeBase(let from, let to):
      "\(from) and \(to) share no history, so they have no merge base; compare them with `bursar diff \(from) \(to)`"
    case .ledger(let error):
      error.sentence
    }
  }
}
