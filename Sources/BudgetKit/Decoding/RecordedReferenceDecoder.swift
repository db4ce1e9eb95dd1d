/// Reads a `{run: <id>}` or `{commit: <id>}` reference (a metric's `baseline`, a drift test's
/// `reference`) and refuses, under `recorded-reference`, any name that could move: a branch, a
/// tag, `HEAD`, an abbreviated id.
struct RecordedReferenceDecoder {
  let reader: ValueReader

  static let runKey = "run"
  static let commitKey = "commit"

  /// The reference written in `value`, a mapping; `commits` says whether `{commit: …}` is
  /// allowed (a baseline) or not (a drift reference, one run's samples).
  func decode(_ value: YAMLValue, _ what: String, commits: Bool) -> Located<RecordedReference>? {
    let keys = commits ? [Self.runKey, Self.commitKey] : [Self.runKey]
    guard case .mapping(let mapping) = value else { return nil }
    let written = mapping.entries.filter { keys.contains($0.key) }
    guard written.count == 1, mapping.entries.count == 1, let entry = written.first else {
      let shapes =
        commits ? "`{run: <run id>}` or `{commit: <full commit id>}`" : "`{run: <run id>}`"
      let extra = mapping.entries.first { !keys.contains($0.key) }
      reader.collector.report(
        .recordedReference, at: extra?.keyLocation ?? mapping.location,
        "\(what) names a recorded figure as \(shapes), one key alone"
          + (extra.map { "; `\($0.key)` is not one" } ?? ""),
        hint: commits
          ? nil : "a drift reference is the samples one recorded run kept: name the run by its id")
      return nil
    }
    guard let text = reader.text(entry.value, "`\(entry.key)` of \(what)") else { return nil }
    let id = text.value
    switch entry.key {
    case Self.runKey:
      guard id.utf8.count == RecordedReference.runIDLength, RecordedReference.isLowercaseHex(id)
      else {
        reader.collector.report(
          .recordedReference, at: text.location,
          "`run: \(ValueReader.clip(id))` of \(what) is not a run id",
          hint:
            "a run id is the 32 lowercase hexadecimal digits `bursar record` prints and `bursar runs` lists"
        )
        return nil
      }
      return Located(.run(id), at: text.location)
    default:
      guard RecordedReference.commitIDLengths.contains(id.utf8.count),
        RecordedReference.isLowercaseHex(id)
      else {
        reader.collector.report(
          .recordedReference, at: text.location,
          "`commit: \(ValueReader.clip(id))` of \(what) is not a full commit id; \(Self.why(id))",
          hint: "write the full id `git rev-parse \(ValueReader.clip(id))` prints")
        return nil
      }
      return Located(.commit(id), at: text.location)
    }
  }

  /// Why a commit name is refused: an abbreviation may grow ambiguous, any other name can move.
  private static func why(_ id: String) -> String {
    if RecordedReference.isLowercaseHex(id.lowercased()) {
      id.utf8.count < 40
        ? "an abbreviated id can become ambiguous as history grows"
        : "a commit id is 40 (or 64) lowercase hexadecimal digits"
    } else {
      "a branch, a tag or `HEAD` can move, and the baseline with it"
    }
  }
}
