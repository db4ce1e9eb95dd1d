import BudgetKit
import TestSupport
import Testing

/// A change judged on what it touched (`SignOffGate.verdict(touching:)`) gets the verdict and
/// the audit findings of the whole trees, on random trees full of the cases where a touched
/// file and an untouched one interact: duplicate names, exceptions naming budgets elsewhere,
/// two Owners files, approvals that share what they approve, broken files, exceptions back to
/// back, exceptions the budget has overtaken, judged on days before and after they expire.
struct TouchedVerdictTests {
  /// The days trees are judged on: all in force, some expired, all expired.
  static let days = ["2026-01-05", "2026-01-25", "2026-03-01"].map { CalendarDay($0)! }

  /// The texts a file may hold, by path relative to `.budgets/`; nil is no file.
  static let variants: [String: [String?]] = [
    "owners.yaml": [
      owners(governance: "[sre]"), owners(governance: "[sre, ml-eng]"), nil,
      owners(governance: "[sre]", dimensions: "latency: { owners: [sre] }"),
    ],
    "aa-owners.yaml": [nil, nil, nil, owners(governance: "[ml-eng]")],
    "models/a.yaml": [
      budget("fraud", latency: "100ms"), budget("fraud", latency: "130ms"),
      budget("ranker", latency: "100ms"), nil,
    ],
    "models/b.yaml": [
      budget("ranker", latency: "100ms"), budget("ranker", latency: "90ms", owner: "sre"),
      budget("fraud", latency: "100ms"), budget("ranker", latency: "100ms", dimension: "latency"),
      nil,
    ],
    "models/c.yaml": [
      nil, budget("search", latency: "100ms"), budget("search", latency: "100ms", owner: "ghost"),
      "version: 1\nkind: Budget\nname: [broken\n",
    ],
    "exceptions/one.yaml": [
      nil, BudgetFiles.exception("EXC-1", budget: "fraud", max: "150ms", expires: "2026-01-20"),
      BudgetFiles.exception("EXC-1", budget: "fraud", max: "150ms", expires: "2026-03-20"),
      BudgetFiles.exception("EXC-1", budget: "ranker", max: "150ms", expires: "2026-01-20"),
      BudgetFiles.exception("EXC-2", budget: "search", max: "200ms", expires: "2026-01-10"),
    ],
    "exceptions/two.yaml": [
      nil, BudgetFiles.exception("EXC-2", budget: "search", max: "150ms", expires: "2026-01-20"),
      BudgetFiles.exception("EXC-1", budget: "fraud", max: "200ms", expires: "2026-01-15"),
    ],
    // Back to back with EXC-1 on `fraud` (a chain over 30 days), after a gap, or granting
    // nothing against a budget at 130ms.
    "exceptions/three.yaml": [
      nil,
      BudgetFiles.exception(
        "EXC-3", budget: "fraud", max: "160ms", starts: "2026-01-21", expires: "2026-02-10"),
      BudgetFiles.exception(
        "EXC-3", budget: "fraud", max: "160ms", starts: "2026-01-23", expires: "2026-02-10"),
      BudgetFiles.exception(
        "EXC-3", budget: "fraud", max: "120ms", starts: "2026-01-02", expires: "2026-01-12"),
      BudgetFiles.exception(
        "EXC-4", budget: "fraud", max: "170ms", starts: "2026-01-10", expires: "2026-01-31"),
    ],
    "approvals/x.yaml": [nil, "alice:models/a.yaml", "carol:models/b.yaml", "alice:models/b.yaml"],
    "approvals/y.yaml": [
      nil, "alice:models/a.yaml", "bob:models/c.yaml", "carol:models/a.yaml",
      "mallory:models/a.yaml",
    ],
  ]

  @Test(arguments: 0..<8)
  func theTouchedVerdictIsTheWholeOne(seed: UInt64) {
    var random = SeededGenerator(seed: seed)
    let paths = Self.variants.keys.sorted()
    var chains = 0
    for _ in 0..<60 {
      var base: [String: Int] = [:]
      for path in paths { base[path] = random.next(Self.variants[path]!.count) }
      var head = base
      for _ in 0...random.next(3) {
        let path = paths[random.next(paths.count)]
        head[path] = random.next(Self.variants[path]!.count)
      }
      let (baseTexts, headTexts) = (Self.texts(base), Self.texts(head))
      let touched = Set(
        Set(baseTexts.keys).union(headTexts.keys).filter { baseTexts[$0] != headTexts[$0] }.map {
          ".budgets/" + $0
        })
      let day = Self.days[random.next(Self.days.count)]
      let gate = SignOffGate(
        base: Self.load(baseTexts, day: day), head: Self.load(headTexts, day: day), messages: [:],
        authors: [ChangeAuthor(name: "carol", email: "carol@example.com")])
      let whole = gate.verdict()
      let cut = gate.verdict(touching: touched)
      let context =
        "day \(day) base \(base.sorted { $0.key < $1.key }) head \(head.sorted { $0.key < $1.key })"
      #expect(cut.changes == whole.changes, "\(context)")
      #expect(cut.required == whole.required, "\(context)")
      #expect(cut.headErrors == whole.headErrors, "\(context)")
      #expect(cut.policyProblems == whole.policyProblems, "\(context)")
      #expect(cut.suggestedSigners == whole.suggestedSigners, "\(context)")
      #expect(Set(cut.reviews).isSubset(of: Set(whole.reviews)), "\(context)")
      let step = AuditStep(commit: "c", date: "d", author: "a", gate: gate)
      var touchedStep = step
      touchedStep.touched = touched
      #expect(touchedStep.findings() == step.findings(), "\(context)")
      if whole.headErrors.contains(where: { $0.rule == .exceptionChainTooLong }) { chains += 1 }
    }
    // The walk must meet chains of exceptions to mean anything for them.
    #expect(chains > 0)
  }

  @Test func theCasesThatNeedMoreThanTheTouchedFilesAreCovered() {
    // A budget removed that an exception in an untouched file names.
    let base = Self.tree([
      "owners.yaml": 0, "models/a.yaml": 0, "exceptions/one.yaml": 1,
    ])
    let head = Self.tree(["owners.yaml": 0, "exceptions/one.yaml": 1])
    let gate = SignOffGate(base: base, head: head, messages: [:])
    let cut = gate.verdict(touching: [".budgets/models/a.yaml"])
    #expect(cut.headErrors.contains { $0.rule == .unknownBudget })
    #expect(cut.changes == gate.verdict().changes)
    // A duplicate name across a touched file and an untouched one: no change to `fraud`, which
    // the first file by path still defines, whatever the new file says.
    let twice = Self.tree(["owners.yaml": 0, "models/a.yaml": 0, "models/b.yaml": 2])
    let once = Self.tree(["owners.yaml": 0, "models/a.yaml": 0])
    let duplicate = SignOffGate(base: once, head: twice, messages: [:])
    let touched = duplicate.verdict(touching: [".budgets/models/b.yaml"])
    #expect(touched.changes == duplicate.verdict().changes)
    #expect(touched.headErrors.contains { $0.rule == .duplicateName })
  }

  // MARK: - Trees

  static func tree(_ choice: [String: Int]) -> BudgetTree { load(texts(choice)) }

  /// The files of a choice of variants; approvals (`by:file`) are written with the digest the
  /// file has in this tree, so they are fresh.
  static func texts(_ choice: [String: Int]) -> [String: String] {
    var texts: [String: String] = [:]
    for (path, index) in choice { if let text = variants[path]![index] { texts[path] = text } }
    let withoutApprovals = load(texts.filter { !$0.key.hasPrefix("approvals/") })
    for (path, text) in texts where path.hasPrefix("approvals/") {
      let parts = text.split(separator: ":").map(String.init)
      let digest = withoutApprovals.digests[".budgets/" + parts[1]] ?? "deleted"
      texts[path] =
        "version: 1\nkind: Approval\nby: \(parts[0])\napproves:\n  - { path: \(parts[1]), digest: \"\(digest)\" }\n"
    }
    return texts
  }

  static func load(_ texts: [String: String], day: CalendarDay = days[0]) -> BudgetTree {
    BudgetTreeLoader(day: day).load(
      texts.map {
        BudgetSourceFile(path: ".budgets/" + $0.key, content: .bytes(Array($0.value.utf8)))
      })
  }

  static func owners(
    governance: String,
    dimensions: String = "latency: { owners: [sre] }\n  quality: { owners: [ml-eng] }"
  ) -> String {
    """
    version: 1
    kind: Owners
    teams:
      sre: { members: [{ name: alice }, { name: bob }] }
      ml-eng: { members: [{ name: carol }] }
    dimensions:
      \(dimensions)
    rules: { max_exception_days: 30, signatures: optional }
    governance: { owners: \(governance) }

    """
  }

  static func budget(
    _ name: String, latency: String, owner: String = "ml-eng", dimension: String = "quality"
  ) -> String {
    """
    version: 1
    kind: Budget
    name: \(name)
    owner: \(owner)
    metrics:
      latency_p95: { dimension: latency, max: \(latency) }
      precision: { dimension: \(dimension), min: 0.9 }
    environments:
      staging: { latency_p95: { max: 150ms } }

    """
  }

}
