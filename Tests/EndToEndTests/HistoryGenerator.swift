import Foundation
import TestSupport

/// A random but reproducible history of budget changes, with the model of every value.
///
/// Operations: change a value (written in one of two units), rewrite a value in another unit
/// (no change), add a comment (no change), add, remove or rename a budget file, rename and
/// change at once, touch a file outside `.budgets/`, and merge a side branch.
final class GeneratedHistory {
  /// One expected change, in the terms of bursar's JSON.
  struct Change: Comparable, CustomStringConvertible {
    var budget: String
    var metric: String
    var kind: String
    var old: String?
    var new: String?

    init(budget: String, metric: String, kind: String, old: String?, new: String?) {
      (self.budget, self.metric, self.kind, self.old, self.new) = (budget, metric, kind, old, new)
    }

    init(json: [String: Any]) {
      self.init(
        budget: json["budget"] as? String ?? "", metric: json["metric"] as? String ?? "",
        kind: json["kind"] as? String ?? "", old: json["old"] as? String,
        new: json["new"] as? String)
    }

    static func < (lhs: Change, rhs: Change) -> Bool { lhs.description < rhs.description }
    var description: String { "\(budget)/\(metric) \(kind) \(old ?? "-")→\(new ?? "-")" }
  }

  /// A budget's values: latency in milliseconds and precision in hundredths, with the text
  /// each is written as.
  struct Values: Equatable {
    var path: String
    var latency: Int
    var latencyText: String
    var precision: Int
    var precisionText: String
  }

  let repository: TemporaryRepository
  private var random: SeededGenerator
  private var model: [String: Values] = [:]
  private var nextBudget = 0
  /// Expected value changes per first-parent commit that touched `.budgets/`.
  private(set) var expectedChanges: [String: [Change]] = [:]
  private(set) var descriptions: [String: String] = [:]
  private(set) var everBudgets: Set<String> = []

  init(seed: UInt64, commits: Int) throws {
    random = SeededGenerator(seed: seed)
    repository = try TemporaryRepository()
    try repository.write(path: ".budgets/owners.yaml", contents: HistoryFiles.owners)
    try repository.write(path: "README", contents: "r0\n")
    try record("owners") {}
    for _ in 0..<3 { try addBudget() }
    try record("three budgets") {}
    for step in 0..<commits {
      if step % 11 == 10 { try mergeSideBranch() } else { try randomStep() }
    }
  }

  private func randomStep() throws {
    let names = model.keys.sorted()
    let pick = names.isEmpty ? nil : names[random.next(names.count)]
    switch (random.next(10), pick) {
    case (0, _), (_, nil): try addBudget(); try record("add")
    case (1, let name?) where names.count > 2: try removeBudget(name); try record("remove \(name)")
    case (2, let name?): try rename(name); try record("rename \(name)")
    case (3, let name?):
      try rename(name); try setLatency(name); try record("rename and change \(name)")
    case (4, let name?): try rewriteInOtherUnit(name); try record("unit only \(name)")
    case (5, let name?): try write(name, comment: true); try record("comment \(name)")
    case (6, _):
      try repository.write(path: "README", contents: "r\(random.next(1000))\n");
      try record("readme")
    case (7, let name?): try setPrecision(name); try record("precision \(name)")
    case (_, let name?): try setLatency(name); try record("latency \(name)")
    }
  }

  /// Commits on a side branch, merged with --no-ff: first-parent history sees the net change.
  private func mergeSideBranch() throws {
    let before = model
    try repository.git("checkout", "-q", "-b", "side")
    for _ in 0..<2 {
      if let name = model.keys.sorted().first { try setLatency(name) }
      try repository.commit(message: "side change")
    }
    try repository.git("checkout", "-q", "main")
    try repository.git(
      ["merge", "-q", "--no-ff", "--no-edit", "side"],
      environment: repository.commitDateEnvironment())
    try repository.git("branch", "-q", "-D", "side")
    let merge = try repository.git("rev-parse", "HEAD")
    expectedChanges[merge] = Self.changes(from: before, to: model)
    descriptions[merge] = "merge"
    committed = model
  }

  /// Commits the work tree and records the model's changes since the previous commit.
  private func record(_ description: String, _ body: () throws -> Void) throws {
    try body()
    try record(description)
  }

  private var committed: [String: Values] = [:]

  private func record(_ description: String) throws {
    let commit = try repository.commit(message: description)
    expectedChanges[commit] = Self.changes(from: committed, to: model)
    descriptions[commit] = description
    committed = model
  }

  /// The model's semantic diff: the independent oracle for bursar's.
  static func changes(from old: [String: Values], to new: [String: Values]) -> [Change] {
    var changes: [Change] = []
    for name in Set(old.keys).union(new.keys) {
      let was = old[name]
      let now = new[name]
      let pairs: [(String, Int?, Int?, String?, String?, Bool)] = [
        ("latency_p95", was?.latency, now?.latency, was?.latencyText, now?.latencyText, true),
        (
          "precision", was?.precision, now?.precision, was?.precisionText, now?.precisionText, false
        ),
      ]
      for (metric, before, after, beforeText, afterText, largerIsLooser) in pairs
      where before != after {
        let kind: String
        if before == nil {
          kind = "added"
        } else if after == nil {
          kind = "removed"
        } else {
          kind = (after! > before!) == largerIsLooser ? "loosen" : "tighten"
        }
        changes.append(
          Change(budget: name, metric: metric, kind: kind, old: beforeText, new: afterText))
      }
    }
    return changes
  }

  private func addBudget() throws {
    let name = "model-\(nextBudget)"
    nextBudget += 1
    everBudgets.insert(name)
    model[name] = Values(
      path: ".budgets/models/\(name).yaml", latency: 100, latencyText: "100ms", precision: 90,
      precisionText: "0.90")
    try setLatency(name)
  }

  private func removeBudget(_ name: String) throws {
    try repository.remove(path: model[name]!.path)
    model[name] = nil
  }

  private func rename(_ name: String) throws {
    let old = model[name]!.path
    let new = ".budgets/\(["a", "b", "c"][random.next(3)])/\(name)-\(random.next(100)).yml"
    guard old != new else { return }
    try repository.remove(path: old)
    model[name]!.path = new
    try write(name)
  }

  private func setLatency(_ name: String) throws {
    var value = model[name]!.latency
    while value == model[name]!.latency { value = 50 + random.next(250) }
    model[name]!.latency = value
    model[name]!.latencyText = latencyText(value)
    try write(name)
  }

  private func setPrecision(_ name: String) throws {
    var value = model[name]!.precision
    while value == model[name]!.precision { value = 80 + random.next(19) }
    model[name]!.precision = value
    model[name]!.precisionText = random.next(2) == 0 ? "0.\(value)" : "\(value)%"
    try write(name)
  }

  /// The same latency in the other unit: a change of bytes, not of meaning.
  private func rewriteInOtherUnit(_ name: String) throws {
    let value = model[name]!.latency
    let text = model[name]!.latencyText
    let other = text.hasSuffix("ms") ? String(format: "%.3fs", Double(value) / 1000) : "\(value)ms"
    // The model keeps the text as last written for value changes; bursar reports neither.
    try write(name, latencyOverride: other)
  }

  private func latencyText(_ value: Int) -> String {
    random.next(3) == 0 ? String(format: "%.3fs", Double(value) / 1000) : "\(value)ms"
  }

  private func write(_ name: String, comment: Bool = false, latencyOverride: String? = nil) throws {
    let values = model[name]!
    var text = HistoryFiles.budget(
      name, latency: latencyOverride ?? values.latencyText, precision: values.precisionText)
    if comment { text = "# note \(random.next(1000))\n" + text }
    if let latencyOverride { model[name]!.latencyText = latencyOverride }
    try repository.write(path: values.path, contents: text)
  }
}
