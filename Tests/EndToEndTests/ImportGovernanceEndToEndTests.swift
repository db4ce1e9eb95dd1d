import Foundation
import TestSupport
import Testing

/// A `kind: Import` mapping decides which figure measures a metric, so a change to it is shown
/// by `bursar diff` and held by `bursar gate` until the metric's owners sign it off.
@Suite struct ImportGovernanceEndToEndTests {
  static func mapping(statistic: String) -> String {
    """
    version: 1
    kind: Import
    tool: locust
    figures:
      - name: /score
        labels: { Type: POST }
        statistic: "\(statistic)"
        budget: fraud
        metric: latency_p95

    """
  }

  @Test func anotherStatisticIsShownAndNeedsTheDimensionOwners() throws {
    let fixture = try GateFixture()
    let path = ".budgets/imports/locust.yaml"
    try fixture.repository.write(path: path, contents: Self.mapping(statistic: "95%"))
    try fixture.repository.commit(message: "Read the load test")
    try fixture.repository.git("tag", "mapped")
    try fixture.repository.write(path: path, contents: Self.mapping(statistic: "50%"))
    try fixture.repository.commit(message: "Read the median")

    let text = try fixture.runner.run("diff", "HEAD~1", "HEAD")
    #expect(text.status == 0, "\(text.stderrText)")
    #expect(text.stdoutText.contains("import.locust"), "\(text.stdoutText)")
    #expect(text.stdoutText.contains("statistic: 50%"), "\(text.stdoutText)")

    let json = try fixture.runner.run("diff", "HEAD~1", "HEAD", "--format", "json")
    let object = try #require(
      (try? JSONSerialization.jsonObject(with: json.stdout)) as? [String: Any], "\(json.stdoutText)"
    )
    let changes = try #require(object["changes"] as? [[String: Any]])
    let change = try #require(changes.first)
    #expect(changes.count == 1)
    #expect(change["kind"] as? String == "changed")
    #expect(change["field"] as? String == "import.locust")
    #expect(change["budget"] as? String == "fraud")
    #expect(change["metric"] as? String == "latency_p95")
    #expect(change["path"] as? String == path)
    #expect(change["old"] as? String == "name: /score, labels: {Type: POST}, statistic: 95%")
    #expect(change["new"] as? String == "name: /score, labels: {Type: POST}, statistic: 50%")

    let gate = try fixture.runner.run(
      "gate", "--base", "HEAD~1", "--head", "HEAD", "--format", "json")
    #expect(gate.status == 1, "\(gate.stdoutText)\(gate.stderrText)")
    let verdict = try #require(
      (try? JSONSerialization.jsonObject(with: gate.stdout)) as? [String: Any], "\(gate.stdoutText)"
    )
    #expect(verdict["verdict"] as? String == "block")
    let need = try #require((verdict["required"] as? [[String: Any]])?.only, "\(gate.stdoutText)")
    #expect(need["path"] as? String == path)
    #expect(need["teams"] as? [String] == ["sre"])
    #expect(need["satisfied"] as? Bool == false)

    // An approval binds to the mapping's meaning digest, and lets the change through.
    let approve = try fixture.runner.run(
      "approve", "--as", "alice", "--key", fixture.keyPath("alice"), "--base", "mapped")
    #expect(approve.succeeded, "\(approve.stdoutText)\(approve.stderrText)")
    try fixture.repository.commit(message: "alice approves")
    let passed = try fixture.runner.run(
      "gate", "--base", "mapped", "--head", "HEAD", "--format", "json")
    #expect(passed.status == 0, "\(passed.stdoutText)\(passed.stderrText)")
  }
}

extension Array {
  fileprivate var only: Element? { count == 1 ? first : nil }
}
