/// Finds the name a person probably meant when they wrote one that does not exist.
public enum Suggestion {
  /// The closest candidate within a small edit distance, if any.
  public static func closest(to word: String, among candidates: some Sequence<String>) -> String? {
    let word = Array(word.lowercased())
    guard word.count <= 64 else { return nil }
    var best: (String, Int)?
    // Bounded so that a file naming thousands of unknown things still answers at once.
    for candidate in candidates.prefix(2_000) {
      let allowed = max(1, min(3, candidate.count / 3))
      guard abs(candidate.count - word.count) <= allowed else { continue }
      let distance = editDistance(word, Array(candidate.lowercased()))
      if distance <= allowed, distance < (best?.1 ?? .max) { best = (candidate, distance) }
    }
    return best?.0
  }

  /// A hint such as "did you mean `max`?" or the list of what is allowed.
  ///
  /// Past `maximumCandidates` names no suggestion is searched for, so a file naming thousands of
  /// unknown things against thousands of known ones still answers at once.
  public static func hint(for word: String, among candidates: some Collection<String>) -> String {
    if candidates.count <= maximumCandidates, let match = closest(to: word, among: candidates) {
      return "did you mean `\(match)`?"
    }
    let listed = candidates.prefix(12).map { "`\($0)`" }.joined(separator: ", ")
    let more = candidates.count > 12 ? " (and \(candidates.count - 12) more)" : ""
    return candidates.isEmpty ? "none are defined" : "expected one of \(listed)\(more)"
  }

  static let maximumCandidates = 200

  static func editDistance(_ left: [Character], _ right: [Character]) -> Int {
    if left.isEmpty { return right.count }
    if right.isEmpty { return left.count }
    var previous = Array(0...right.count)
    var current = [Int](repeating: 0, count: right.count + 1)
    for (i, leftChar) in left.enumerated() {
      current[0] = i + 1
      for (j, rightChar) in right.enumerated() {
        let substitution = previous[j] + (leftChar == rightChar ? 0 : 1)
        current[j + 1] = min(previous[j + 1] + 1, current[j] + 1, substitution)
      }
      swap(&previous, &current)
    }
    return previous[right.count]
  }
}
