import BudgetKit

extension Diagnostic {
  /// The hint as the command line prints it: the diagnostic's own, else its remedy in words.
  var hintSentence: String? { hint ?? remedy?.sentence }

  /// `path:line:col: error[rule]: message (hint)`, with a remedy worded as the hint.
  var sentence: String {
    var text = "\(location): \(severity.rawValue)[\(rule.rawValue)]: \(message)"
    if let hint = hintSentence { text += " (\(hint))" }
    return text
  }
}
