import Ledger

extension PointInTime.Failure {
  /// The failure in the command line's words.
  var sentence: String {
    switch self {
    case .neitherRevisionNorDate(let text):
      "'\(text)' is neither a revision nor a date (\(DateArgument.hint))"
    case .noCommitAtOrBefore(let date):
      "no commit on the first-parent history of HEAD was made at or before \(date); the first one is later"
    case .ledger(let error):
      error.sentence
    }
  }
}
