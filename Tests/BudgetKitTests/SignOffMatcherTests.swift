import BudgetKit
import Testing

/// `require: any | all | N`, with one person standing for one team.
@Suite struct SignOffMatcherTests {
  let matcher = SignOffMatcher(teamsOf: [
    "alice": ["sre"], "bob": ["sre", "ml-eng"], "carol": ["ml-eng"], "dan": ["legal"],
  ])

  @Test(arguments: [
    (SignOff(teams: ["sre"], require: .any), ["alice"], true),
    (SignOff(teams: ["sre"], require: .any), ["carol"], false),
    (SignOff(teams: ["sre", "ml-eng"], require: .all), ["bob"], false),
    (SignOff(teams: ["sre", "ml-eng"], require: .all), ["bob", "alice"], true),
    (SignOff(teams: ["sre", "ml-eng"], require: .all), ["alice", "carol"], true),
    (SignOff(teams: ["sre", "ml-eng", "legal"], require: .count(2)), ["bob", "dan"], true),
    (SignOff(teams: ["sre", "ml-eng", "legal"], require: .count(3)), ["bob", "dan"], false),
  ])
  func meets(signOff: SignOff, approvers: [MemberName], expected: Bool) {
    #expect(matcher.isSatisfied(signOff, approvers: approvers) == expected)
  }

  @Test func theSignedMessageIgnoresLayoutAndTheSignature() throws {
    let first = """
      version: 1
      kind: Approval
      by: alice
      approves: [{ path: models/a.yaml, digest: deleted }]
      note: ok
      signature: whatever
      """
    let second = """
      kind: Approval   # reordered, commented
      note: "ok"
      approves:
        - digest: deleted
          path: models/a.yaml
      by: alice
      version: 1
      """
    let a = try #require(ApprovalMessage.message(bytes: Array(first.utf8), path: "a.yaml"))
    let b = try #require(ApprovalMessage.message(bytes: Array(second.utf8), path: "b.yaml"))
    #expect(a == b)
    #expect(
      String(decoding: a, as: UTF8.self)
        == "bursar-approval-v1\n{\"approves\":[{\"digest\":\"deleted\",\"path\":\"models/a.yaml\"}],\"by\":\"alice\",\"kind\":\"Approval\",\"note\":\"ok\",\"version\":\"1\"}"
    )
  }

  @Test func lookAlikeNamesAreNotMemberNames() {
    #expect(MemberKind.isValid("alice"))
    #expect(!MemberKind.isValid("\u{0430}lice"))
    #expect(!MemberKind.isValid("alic\u{0435}"))
  }
}
