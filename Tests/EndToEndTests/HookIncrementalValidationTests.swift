import Foundation
import TestSupport
import Testing

/// `bursar hooks run pre-commit` reads only what a commit changes once it knows HEAD's tree is
/// valid; its errors must be exactly those of validating the whole staged tree.
@Suite("Hooks: validating only what a commit changes")
struct HookIncrementalValidationTests {
  /// A change to the example budgets, staged, and whether it leaves them valid.
  struct Change: Sendable, CustomStringConvertible {
    var description: String
    var valid: Bool
    /// Whether the Owners file changes, which makes the whole tree be read.
    var touchesOwners = false
    var apply: @Sendable (HookFixture) throws -> Void
  }

  static let fraudBudget = HookFixture.fraud
  static let exception = ".budgets/exceptions/2026-11-peak-latency.yaml"
  static let recommender = ".budgets/models/recommender.yaml"

  static let changes: [Change] = [
    Change(description: "a second budget with an existing name", valid: false) { fixture in
      let text = try fixture.read(fraudBudget)
      try fixture.repository.write(path: ".budgets/models/copy.yaml", contents: text)
    },
    Change(description: "a budget an unchanged exception applies to is removed", valid: false) {
      fixture in try fixture.repository.remove(path: fraudBudget)
    },
    Change(description: "a budget an unchanged exception applies to is renamed", valid: false) {
      fixture in
      try fixture.edit(fraudBudget, replacing: "name: fraud-detector", with: "name: fraud-scorer")
    },
    Change(
      description: "a budget tightened below an unchanged exception's grant", valid: true
    ) { fixture in try fixture.tighten() },
    Change(
      description: "a budget loosened past an unchanged exception's grant (a warning)",
      valid: true
    ) { fixture in
      try fixture.edit(
        fraudBudget, replacing: HookFixture.latency,
        with: HookFixture.latency.replacingOccurrences(of: "100ms", with: "140ms"))
    },
    Change(description: "a new exception for a budget that does not exist", valid: false) {
      fixture in
      let text = try fixture.read(exception)
        .replacingOccurrences(of: "EXC-2026-011", with: "EXC-2026-012")
        .replacingOccurrences(of: "budget: fraud-detector", with: "budget: fraud-detektor")
      try fixture.repository.write(path: ".budgets/exceptions/new.yaml", contents: text)
    },
    Change(description: "a new exception reusing an unchanged exception's id", valid: false) {
      fixture in
      let text = try fixture.read(exception)
        .replacingOccurrences(of: "budget: fraud-detector", with: "budget: home-recommender")
        .replacingOccurrences(
          of: "latency_p95: { max: 130ms }", with: "latency_p95: { max: 160ms }")
      try fixture.repository.write(path: ".budgets/exceptions/again.yaml", contents: text)
    },
    Change(description: "a misspelt key in one budget", valid: false) { fixture in
      try fixture.breakTree()
    },
    Change(description: "a budget moved to another file", valid: true) { fixture in
      let text = try fixture.read(fraudBudget)
      try fixture.repository.remove(path: fraudBudget)
      try fixture.repository.write(path: ".budgets/models/moved/fraud.yaml", contents: text)
    },
    Change(description: "the exception withdrawn", valid: true) { fixture in
      try fixture.repository.remove(path: exception)
    },
    Change(description: "a loosening of an unrelated budget", valid: true) { fixture in
      try fixture.edit(recommender, replacing: "max: 150ms", with: "max: 170ms")
    },
    Change(description: "a note added beside the budgets (not a budget file)", valid: true) {
      fixture in
      try fixture.repository.write(path: ".budgets/models/NOTES.md", contents: "why\n")
    },
    Change(description: "a budget file that is a symbolic link", valid: false) { fixture in
      try fixture.repository.symlink(
        path: ".budgets/models/linked.yaml", target: "recommender.yaml")
    },
    Change(description: "a team removed from the Owners file", valid: false, touchesOwners: true) {
      fixture in
      let owners = ".budgets/owners.yaml"
      let text = try fixture.read(owners)
      let team = try #require(text.range(of: "  ml-eng:"))
      try fixture.repository.write(
        path: owners, contents: text.replacingCharacters(in: team, with: "  ml-engineering:"))
    },
  ]

  @Test("the errors are those of bursar validate --staged", arguments: changes)
  func sameErrorsAsWholeTree(change: Change) throws {
    let fixture = try HookFixture(install: false)
    // The example exception made upcoming whatever the day, so it is judged against its budget
    // (an expired one is history).
    try fixture.edit(Self.exception, replacing: "starts: 2026-11-20", with: "starts: 2099-11-20")
    try fixture.edit(Self.exception, replacing: "expires: 2026-12-08", with: "expires: 2099-12-08")
    try fixture.repository.commit(message: "The exception, upcoming")
    // With nothing staged, the first run reads the whole tree and learns that it is valid.
    let warm = try fixture.bursar("hooks", "run", "pre-commit", "--verbose")
    #expect(warm.status == 0, "\(warm.stderrText)")
    #expect(warm.stderrText.contains("read all"))
    try change.apply(fixture)
    _ = try fixture.repository.git("add", "-A")
    let hook = try fixture.bursar("hooks", "run", "pre-commit", "--verbose")
    // validate --staged uses the cache too (without writing it); without the cache it reads the
    // whole tree, which is the reference.
    let cached = try fixture.bursar("validate", "--staged", "--format", "json")
    try FileManager.default.removeItem(
      atPath: fixture.repository.absolutePath(".git/bursar/validation-cache"))
    let whole = try fixture.bursar("validate", "--staged")
    let wholeJSON = try fixture.bursar("validate", "--staged", "--format", "json")
    #expect(
      !FileManager.default.fileExists(
        atPath: fixture.repository.absolutePath(".git/bursar/validation-cache")))
    #expect(hook.status == (change.valid ? 0 : 1), "\(hook.stderrText)")
    #expect(whole.status == (change.valid ? 0 : 1), "\(whole.stdoutText)")
    #expect(Self.errors(hook.stderrText) == Self.errors(whole.stdoutText))
    #expect(cached.status == wholeJSON.status)
    #expect(cached.stdoutText == wholeJSON.stdoutText)
    if change.touchesOwners {
      #expect(hook.stderrText.contains("read all"))
    } else {
      #expect(hook.stderrText.contains("HEAD's tree is known to be valid"), "\(hook.stderrText)")
    }
  }

  @Test("after a commit the cache knows the new HEAD, so the next commit reads only its changes")
  func cacheFollowsCommits() throws {
    let fixture = try HookFixture()
    try fixture.tighten()
    #expect(try fixture.git(["commit", "-q", "-a", "-m", "tighten"]).status == 0)
    try fixture.edit(Self.recommender, replacing: "max: 150ms", with: "max: 140ms")
    _ = try fixture.repository.git("add", "-A")
    let hook = try fixture.bursar("hooks", "run", "pre-commit", "--verbose")
    #expect(hook.status == 0, "\(hook.stderrText)")
    #expect(hook.stderrText.contains("read 2 of"), "\(hook.stderrText)")
  }

  @Test("bursar hooks install learns the tree, so even the first commit reads only its changes")
  func installPrimesCache() throws {
    let fixture = try HookFixture()
    try fixture.tighten()
    _ = try fixture.repository.git("add", "-A")
    let hook = try fixture.bursar("hooks", "run", "pre-commit", "--verbose")
    #expect(hook.status == 0, "\(hook.stderrText)")
    // The budget, the Owners file, the exception that applies to the budget and the import
    // mapping that names it.
    #expect(hook.stderrText.contains("read 4 of"), "\(hook.stderrText)")
  }

  @Test("a damaged or foreign cache file is ignored and written afresh")
  func damagedCacheIgnored() throws {
    let fixture = try HookFixture(install: false)
    let cache = fixture.repository.absolutePath(".git/bursar/validation-cache")
    #expect(try fixture.bursar("hooks", "run", "pre-commit").status == 0)
    let good = try String(contentsOfFile: cache, encoding: .utf8)
    for damaged in [
      "garbage\n", "", String(good.dropLast(30)),
      good.replacingOccurrences(of: "Budget fraud-detector", with: "Budget fraud detector"),
      good.replacingOccurrences(of: "bursar validation cache 1", with: "bursar validation cache 9"),
    ] {
      try damaged.write(toFile: cache, atomically: true, encoding: .utf8)
      try fixture.breakTree()
      _ = try fixture.repository.git("add", "-A")
      let hook = try fixture.bursar("hooks", "run", "pre-commit", "--verbose")
      #expect(hook.status == 1)
      #expect(hook.stderrText.contains("error[unknown-key]"))
      #expect(hook.stderrText.contains("read all"))
      _ = try fixture.repository.git("checkout", "HEAD", "--", ".budgets")
      #expect(try fixture.bursar("hooks", "run", "pre-commit").status == 0)
      #expect(try String(contentsOfFile: cache, encoding: .utf8) == good)
    }
  }

  @Test("a cache that forged HEAD's validity is not consulted for trees it does not describe")
  func cacheKeyedByContent() throws {
    let fixture = try HookFixture(install: false)
    #expect(try fixture.bursar("hooks", "run", "pre-commit").status == 0)
    // HEAD becomes invalid behind the hooks' back; the cache knows only the old tree.
    try fixture.breakTree()
    _ = try fixture.repository.commit(message: "broken, committed without hooks")
    try fixture.edit(Self.recommender, replacing: "max: 150ms", with: "max: 140ms")
    _ = try fixture.repository.git("add", "-A")
    let hook = try fixture.bursar("hooks", "run", "pre-commit", "--verbose")
    #expect(hook.status == 1)
    #expect(hook.stderrText.contains("error[unknown-key]"))
    #expect(hook.stderrText.contains("read all"))
  }

  static func errors(_ text: String) -> Set<String> {
    Set(text.split(separator: "\n").map(String.init).filter { $0.contains(": error[") })
  }
}

extension HookFixture {
  func read(_ path: String) throws -> String {
    try String(contentsOfFile: repository.absolutePath(path), encoding: .utf8)
  }
}
