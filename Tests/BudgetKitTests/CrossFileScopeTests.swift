import BudgetKit
import TestSupport
import Testing

/// Validating the changed files of a valid tree with the neighbours `CrossFileScope` names must
/// find exactly the errors of validating the whole new tree, also when the day moves on after the
/// old tree was found valid (exceptions expire, chains of them end).
@Suite("Cross-file scope of a change")
struct CrossFileScopeTests {
  /// The days a walk judges on, in order: a tree valid on one is valid on the later ones.
  static let days = ["2026-11-10", "2026-11-22", "2026-12-15"].map { CalendarDay($0)! }
  /// The days an exception may start; each lasts 20 days, so some run back to back with the
  /// standard `2026-11-01` ones (a chain over the 30-day limit) and some leave a gap.
  static let starts = ["2026-11-01", "2026-11-21", "2026-11-23", "2026-10-12"].map {
    CalendarDay($0)!
  }

  /// Files of a small tree, by path from the repository root.
  typealias Files = [String: String]

  static func budget(_ name: String, max: Int) -> String {
    """
    version: 1
    kind: Budget
    name: \(name)
    owner: ml-eng
    metrics:
      latency_p95: { dimension: latency, max: \(max)ms }
    """
  }

  static func exception(
    _ id: String, budget: String, grant: Int, starts: CalendarDay = starts[0]
  ) -> String {
    """
    version: 1
    kind: Exception
    id: \(id)
    budget: \(budget)
    environment: production
    metrics:
      latency_p95: { max: \(grant)ms }
    reason: Peak season.
    starts: \(starts)
    expires: \(starts.adding(days: 19))
    """
  }

  static let startingTree: Files = {
    var files: Files = [".budgets/owners.yaml": TreeFixture.owners]
    for index in 0..<6 {
      files[".budgets/models/b\(index).yaml"] = budget("b\(index)", max: 100 + 10 * index)
    }
    for index in 0..<4 {
      files[".budgets/exceptions/e\(index).yaml"] = exception(
        "EXC-\(index)", budget: "b\(index)", grant: 200)
    }
    return files
  }()

  static func parse(_ files: Files) -> [String: ParsedFile] {
    let loader = BudgetTreeLoader()
    return files.reduce(into: [:]) {
      $0[$1.key] = loader.parse(path: $1.key, bytes: Array($1.value.utf8))
    }
  }

  static func errors(_ diagnostics: [Diagnostic]) -> [String] {
    diagnostics.filter { $0.severity == .error }.map {
      "\($0.location) \($0.rule.rawValue) \($0.message) (\($0.hint ?? ""))"
    }.sorted()
  }

  /// The errors of the whole new tree, and of the changed files with their neighbours (nil when
  /// the scope asks for the whole tree).
  static func compare(base: Files, new: Files, day: CalendarDay = days[0]) -> (
    whole: [String], scoped: [String]?
  ) {
    let loader = BudgetTreeLoader(day: day)
    let parsedNew = parse(new)
    let whole = errors(loader.assemble(Array(parsedNew.values)).diagnostics)
    let facts = parse(base).compactMapValues { FileFacts($0) }
    let changed = Set(base.keys).union(new.keys).filter { base[$0] != new[$0] }
    let changedNew = changed.compactMap { parsedNew[$0] }
    guard let neighbours = CrossFileScope(base: facts).neighbours(changed: changed, new: changedNew)
    else { return (whole, nil) }
    let read = changedNew + neighbours.compactMap { parsedNew[$0] }
    let names = CrossFileScope(base: facts).budgetNames(changed: changed, new: changedNew)
    return (whole, errors(loader.assemble(read, budgetNames: names).diagnostics))
  }

  @Test("hand-picked changes: duplicates, removals, renames and exceptions on both sides")
  func handPicked() {
    let base = Self.startingTree
    var cases: [Files] = []
    var duplicate = base
    duplicate[".budgets/models/copy.yaml"] = Self.budget("b1", max: 50)
    cases.append(duplicate)
    var removed = base
    removed[".budgets/models/b2.yaml"] = nil
    cases.append(removed)
    var tightened = base
    tightened[".budgets/models/b3.yaml"] = Self.budget("b3", max: 300)
    cases.append(tightened)
    var reused = base
    reused[".budgets/exceptions/new.yaml"] = Self.exception("EXC-1", budget: "b5", grant: 400)
    cases.append(reused)
    var chained = base
    chained[".budgets/exceptions/next.yaml"] = Self.exception(
      "EXC-9", budget: "b2", grant: 300, starts: Self.starts[1])
    cases.append(chained)
    var moved = base
    moved[".budgets/models/b4.yaml"] = nil
    moved[".budgets/models/deep/b4.yaml"] = Self.budget("b4", max: 140)
    cases.append(moved)
    for new in cases {
      let (whole, scoped) = Self.compare(base: base, new: new)
      #expect(scoped == whole)
    }
    #expect(!Self.compare(base: base, new: duplicate).whole.isEmpty)
    #expect(!Self.compare(base: base, new: removed).whole.isEmpty)
    // The budget overtakes EXC-3's grant: a warning, not an error.
    #expect(Self.compare(base: base, new: tightened).whole.isEmpty)
    #expect(!Self.compare(base: base, new: reused).whole.isEmpty)
    #expect(Self.compare(base: base, new: moved).whole.isEmpty)
    #expect(Self.compare(base: base, new: chained).whole.count == 2)
    // Once the first has expired, the chain is still judged; once both have, it is history.
    #expect(Self.compare(base: base, new: chained, day: Self.days[1]).whole.count == 1)
    #expect(Self.compare(base: base, new: chained, day: Self.days[2]).whole.isEmpty)
  }

  @Test("a change to the Owners file asks for the whole tree")
  func ownersNeedWholeTree() {
    var new = Self.startingTree
    new[".budgets/owners.yaml"] = TreeFixture.owners.replacingOccurrences(
      of: "max_exception_days: 30", with: "max_exception_days: 10")
    #expect(Self.compare(base: Self.startingTree, new: new).scoped == nil)
    var second = Self.startingTree
    second[".budgets/more-owners.yaml"] = TreeFixture.owners
    #expect(Self.compare(base: Self.startingTree, new: second).scoped == nil)
  }

  @Test("random sequences of edits: the scoped errors always equal the whole tree's")
  func randomEdits() {
    var random = SeededGenerator(seed: 0x6275_7273_6172)
    var base = Self.startingTree
    var day = 0
    var compared = 0
    var invalid = 0
    var chains = 0
    for _ in 0..<400 {
      // Now and then the day moves on; past the last day a new walk starts.
      if random.next(30) == 0 {
        day += 1
        if day == Self.days.count { (base, day) = (Self.startingTree, 0) }
      }
      var new = base
      for _ in 0...random.next(3) { Self.mutate(&new, &random) }
      let (whole, scoped) = Self.compare(base: base, new: new, day: Self.days[day])
      guard let scoped else { continue }
      compared += 1
      if whole.contains(where: { $0.contains("exception-chain-too-long") }) { chains += 1 }
      #expect(
        scoped == whole,
        "day \(Self.days[day]) base \(base.keys.sorted()) → new \(new.keys.sorted())")
      if whole.isEmpty { base = new } else { invalid += 1 }
    }
    // The walk must have exercised both outcomes to mean anything.
    #expect(compared > 300)
    #expect(invalid > 50 && invalid < compared - 50)
    #expect(chains > 3)
  }

  static func mutate(_ files: inout Files, _ random: inout SeededGenerator) {
    let budgets = files.keys.filter { $0.contains("/models/") }.sorted()
    let exceptions = files.keys.filter { $0.contains("/exceptions/") }.sorted()
    let names = (0..<9).map { "b\($0)" }
    switch random.next(10) {
    case 0, 1:
      guard let path = random.pick(budgets), let name = Self.name(in: files[path]) else { return }
      files[path] = budget(name, max: 50 + 10 * random.next(20))
    case 2:
      guard let path = random.pick(budgets) else { return }
      files[path] = budget(random.pick(names)!, max: 100)
    case 3:
      guard let path = random.pick(budgets) else { return }
      files[path] = nil
    case 4:
      files[".budgets/models/n\(random.next(5)).yaml"] = budget(random.pick(names)!, max: 120)
    case 5:
      guard let path = random.pick(exceptions) else { return }
      files[path] = exception(
        "EXC-\(random.next(6))", budget: random.pick(names)!, grant: 100 + 30 * random.next(8),
        starts: random.pick(starts)!)
    case 6:
      guard let path = random.pick(exceptions) else { return }
      files[path] = nil
    case 8:
      files[".budgets/exceptions/n\(random.next(4)).yaml"] = exception(
        "EXC-\(random.next(6))", budget: random.pick(names)!, grant: 100 + 30 * random.next(8),
        starts: random.pick(starts)!)
    case 7:
      guard let path = random.pick(budgets + exceptions) else { return }
      files[path] = files[path]!.replacingOccurrences(of: "version: 1", with: "versoin: 1")
    default:
      guard let path = random.pick(budgets), let text = files[path] else { return }
      files[path] = nil
      files[".budgets/models/moved\(random.next(4)).yaml"] = text
    }
  }

  static func name(in text: String?) -> String? {
    text?.split(separator: "\n").first { $0.hasPrefix("name: ") }.map { String($0.dropFirst(6)) }
  }
}
