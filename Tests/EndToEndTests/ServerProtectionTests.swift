import Foundation
import TestSupport
import Testing

/// The server protects the refs that matter (`bursar.protect`, else the default branch) and
/// accepts review branches with their missing sign-offs reported.
@Suite("Hooks: protected refs and review branches")
struct ServerProtectionTests {
  typealias Pair = HookPushTests.Pair

  /// A loosening without approval, committed on a `feature` branch of the clone.
  private func loosenOnFeature(_ pair: Pair) throws {
    _ = try pair.clone.repository.git("checkout", "-q", "-b", "feature")
    try pair.clone.loosen()
    _ = try pair.clone.repository.commit(message: "raise latency\n\nBudget-Rationale: peak traffic")
  }

  @Test(
    "a review branch with an unapproved loosening is accepted, with the missing sign-offs",
    arguments: [false, true])
  func reviewBranchAccepted(noVerify: Bool) throws {
    let pair = try Pair(serverHook: true, clientHooks: true)
    try loosenOnFeature(pair)
    let result = try pair.push(
      noVerify ? "--no-verify" : "--verify", "origin", "feature")
    #expect(result.status == 0, "\(result.stderrText)")
    #expect(result.stderrText.contains("remote: bursar: refs/heads/feature: accepted for review"))
    #expect(result.stderrText.contains("remote: Must sign"), "\(result.stderrText)")
    #expect(result.stderrText.contains("needs sre"))
    if !noVerify {
      #expect(
        result.stderrText.contains("pushing refs/heads/feature -> refs/heads/feature for review"))
    }
    #expect(try pair.serverTip("feature") == pair.clone.repository.git("rev-parse", "HEAD"))
  }

  @Test("the default branch refuses the same loosening, with and without --no-verify")
  func defaultBranchRefuses() throws {
    let pair = try Pair(serverHook: true, clientHooks: true)
    let before = try pair.serverTip()
    try loosenOnFeature(pair)
    let verified = try pair.push("origin", "feature:main")
    #expect(verified.status != 0)
    #expect(verified.stderrText.contains("feature -> refs/heads/main is blocked"))
    let skipped = try pair.push("--no-verify", "origin", "feature:main")
    #expect(skipped.status != 0)
    #expect(skipped.stderrText.contains("remote: bursar: refusing refs/heads/main"))
    #expect(try pair.serverTip() == before)
  }

  @Test("an invalid tree is refused on a review branch too")
  func reviewBranchMustBeValid() throws {
    let pair = try Pair(serverHook: true, clientHooks: false)
    _ = try pair.clone.repository.git("checkout", "-q", "-b", "feature")
    try pair.clone.breakTree()
    _ = try pair.clone.repository.commit(message: "typo")
    let result = try pair.push("--no-verify", "origin", "feature")
    #expect(result.status != 0)
    #expect(result.stderrText.contains("refusing refs/heads/feature: its budgets are invalid"))
  }

  @Test("configured patterns are protected: * spans levels, other branches are review branches")
  func configuredPatterns() throws {
    let pair = try Pair(serverHook: true, clientHooks: false)
    let installed = try BursarCLI.run(
      [
        "hooks", "install", "--server", "--protect", "refs/heads/main", "--protect",
        "refs/heads/release/*", "--protect", "refs/tags/*",
      ], in: pair.server.path)
    #expect(installed.status == 0, "\(installed.stderrText)")
    try loosenOnFeature(pair)
    _ = try pair.clone.repository.git("tag", "v2")
    for target in ["release/1.0", "release/1.0/hotfix", "main"] {
      let refused = try pair.push("--no-verify", "origin", "feature:refs/heads/" + target)
      #expect(refused.status != 0, "\(target)")
      #expect(refused.stderrText.contains("refusing refs/heads/\(target)"), "\(target)")
    }
    let tag = try pair.push("--no-verify", "origin", "v2")
    #expect(tag.stderrText.contains("refusing refs/tags/v2"))
    for target in ["releases", "feature"] {
      let accepted = try pair.push("--no-verify", "origin", "feature:refs/heads/" + target)
      #expect(accepted.status == 0, "\(target): \(accepted.stderrText)")
      #expect(accepted.stderrText.contains("refs/heads/\(target): accepted for review"))
    }
  }

  @Test("with bursar.protect set, the default branch is protected only if a pattern names it")
  func patternsReplaceTheDefault() throws {
    let pair = try Pair(serverHook: true, clientHooks: false)
    _ = try pair.server.git("config", "bursar.protect", "refs/heads/release/*")
    try loosenOnFeature(pair)
    let result = try pair.push("--no-verify", "origin", "feature:main")
    #expect(result.status == 0, "\(result.stderrText)")
    #expect(result.stderrText.contains("refs/heads/main: accepted for review"))
  }

  @Test("pre-push reads the clone's bursar.protect: a matching ref is blocked before it leaves")
  func prePushReadsTheClonesPatterns() throws {
    let pair = try Pair(serverHook: false, clientHooks: true)
    _ = try pair.clone.repository.git("config", "bursar.protect", "refs/heads/release/*")
    try loosenOnFeature(pair)
    let blocked = try pair.push("origin", "feature:refs/heads/release/2.0")
    #expect(blocked.status != 0)
    #expect(blocked.stderrText.contains("-> refs/heads/release/2.0 is blocked"))
    let review = try pair.push("origin", "feature:main")
    #expect(review.status == 0, "\(review.stderrText)")
    #expect(review.stderrText.contains("for review"))
  }
}
