import Foundation
import TestSupport
import Testing

/// `bursar record` and `bursar export --runs` run as a binary on real repositories: what is
/// stored, read back, signed, and what damaged or foreign runs do.
@Suite struct RecordEndToEndTests {
  static let ci = ["--as", "CI Runner <ci@example.com>"]

  @Test func recordsThenExportsEveryFigure() throws {
    let repository = try RunsFixture.repository()
    let head = try repository.git("rev-parse", "HEAD")
    let recorded = try RunsFixture.run(["record", "-m", "m.json"] + Self.ci, in: repository)
    #expect(recorded.status == 0, "\(recorded.stderrText)")
    #expect(recorded.stdoutText.contains("of \(head.prefix(7)) (4 figures, staging) at runs/"))
    let files = try RunsFixture.storedFiles(repository)
    #expect(files.count == 1)
    let path = try #require(files.first)
    #expect(path.hasPrefix("runs/\(head.prefix(2))/\(head)/"))
    let id = String(path.split(separator: "/").last!.dropLast(".json".count))
    #expect(recorded.stdoutText.contains("Recorded run \(id) "))

    let stored = try repository.git("cat-file", "-p", "refs/bursar/runs:\(path)")
    let document = try #require(
      try JSONSerialization.jsonObject(with: Data(stored.utf8)) as? [String: Any])
    #expect(document["format"] as? Int == 1)
    #expect(document["id"] as? String == id)
    #expect(document["commit"] as? String == head)
    #expect(document["measured_at"] as? String == "2026-11-25T10:00:00.000Z")

    let export = try RunsFixture.run(["export", "--runs"], in: repository)
    #expect(export.status == 0, "\(export.stderrText)")
    let lines = try RunsFixture.exported(export)
    #expect(lines.count == 4)
    let byMetric = Dictionary(uniqueKeysWithValues: lines.map { ($0["metric"] as! String, $0) })
    let p95 = try #require(byMetric["latency_p95"])
    #expect(p95["kind"] as? String == "summary")
    #expect((p95["value"] as? NSNumber)?.doubleValue == 0.112)
    #expect(p95["text"] as? String == "112ms")
    #expect(p95["recorder_name"] as? String == "CI Runner")
    #expect(p95["recorder_email"] as? String == "ci@example.com")
    #expect(p95["commit"] as? String == head)
    #expect(p95["run_id"] as? String == id)
    #expect(p95["environment"] as? String == "staging")
    #expect(p95["source_format"] as? String == "json")
    #expect(p95["signature"] as? String == "unsigned")
    #expect(p95["export"] as? String == "runs")
    #expect(p95["export_format"] as? Int == 1)
    let samples = try #require(byMetric["latency"])
    #expect(samples["kind"] as? String == "samples")
    #expect(samples["count"] as? Int == 10)
    #expect((samples["min"] as? NSNumber)?.doubleValue == 0.011)
    #expect((samples["max"] as? NSNumber)?.doubleValue == 0.03)
    // NumPy's p50 of the samples is 15.5 ms.
    let p50 = try #require((samples["p50"] as? NSNumber)?.doubleValue)
    #expect(abs(p50 - 0.0155) / 0.0155 <= 0.00074)
    let series = try #require(byMetric["availability"])
    #expect((series["good"] as? NSNumber)?.doubleValue == 197)
    #expect((series["total"] as? NSNumber)?.doubleValue == 200)
    #expect((series["value"] as? NSNumber)?.doubleValue == 0.985)

    // The runs of one commit, and of a first-parent history.
    let ofHead = try RunsFixture.run(["export", "--runs", "--commit", "HEAD"], in: repository)
    #expect(try RunsFixture.exported(ofHead).count == 4)
    let ofParent = try RunsFixture.run(["export", "--runs", "--commit", "HEAD~1"], in: repository)
    #expect(ofParent.status == 0 && ofParent.stdoutText.isEmpty)
    let ofHistory = try RunsFixture.run(
      ["export", "--runs", "--range", "HEAD~1..HEAD"], in: repository)
    #expect(try RunsFixture.exported(ofHistory).count == 4)
  }

  @Test func takesGitsIdentityAndTheCommitGiven() throws {
    let repository = try RunsFixture.repository(identity: ("Bob", "bob@example.com"))
    let parent = try repository.git("rev-parse", "HEAD~1")
    let result = try RunsFixture.run(
      ["record", "-m", "m.json", "--commit", "HEAD~1", "--env", "production"], in: repository)
    #expect(result.status == 0, "\(result.stderrText)")
    let lines = try RunsFixture.exported(try RunsFixture.run(["export", "--runs"], in: repository))
    #expect(lines.allSatisfy { $0["recorder_name"] as? String == "Bob" })
    #expect(lines.allSatisfy { $0["commit"] as? String == parent })
    #expect(lines.allSatisfy { $0["environment"] as? String == "production" })
  }

  @Test func theSameRunIsStoredOnce() throws {
    let repository = try RunsFixture.repository()
    let fixed = ["SOURCE_DATE_EPOCH": "1764000000"]
    let first = try RunsFixture.run(["record", "-m", "m.json"], in: repository, environment: fixed)
    #expect(first.status == 0, "\(first.stderrText)")
    let again = try RunsFixture.run(["record", "-m", "m.json"], in: repository, environment: fixed)
    #expect(again.status == 0)
    #expect(again.stdoutText.contains("is already recorded at runs/"))
    #expect(try RunsFixture.storedFiles(repository).count == 1)
    let later = try RunsFixture.run(["record", "-m", "m.json"], in: repository)
    #expect(later.status == 0)
    #expect(try RunsFixture.storedFiles(repository).count == 2)
  }

  @Test func signedRunsAreToldFromAnyonesRuns() throws {
    let repository = try RunsFixture.repository()
    let keys = try TemporaryDirectory(prefix: "keys")
    let ciKey = try RunsFixture.key("ci", in: keys)
    let otherKey = try RunsFixture.key("mallory", in: keys)
    let signed = try RunsFixture.run(["record", "-m", "m.json", "--sign", ciKey], in: repository)
    #expect(signed.status == 0, "\(signed.stderrText)")
    let other = try RunsFixture.run(
      ["record", "-m", "m.json", "--sign", otherKey, "--commit", "HEAD~1"], in: repository)
    #expect(other.status == 0, "\(other.stderrText)")
    let unsigned = try RunsFixture.run(["record", "-m", "m.json"], in: repository)
    #expect(unsigned.status == 0)
    let publicKey = try String(contentsOfFile: ciKey + ".pub", encoding: .utf8)
    let allowed = keys.appending("allowed_signers")
    try Data("ci@example.com namespaces=\"bursar-run\" \(publicKey)".utf8).write(
      to: URL(fileURLWithPath: allowed))

    let export = try RunsFixture.run(
      ["export", "--runs", "--allowed-signers", allowed], in: repository)
    #expect(export.status == 0, "\(export.stderrText)")
    let lines = try RunsFixture.exported(export)
    let statuses = Set(lines.map { "\($0["signature"]!):\($0["signer"] as? String ?? "-")" })
    #expect(statuses == ["trusted:ci@example.com", "untrusted:-", "unsigned:-"])
    // Without the file nobody is trusted.
    let untrusting = try RunsFixture.exported(
      try RunsFixture.run(["export", "--runs"], in: repository))
    #expect(Set(untrusting.map { $0["signature"] as! String }) == ["untrusted", "unsigned"])

    // A signed run whose figures were changed no longer verifies, and is skipped as changed.
    let path = try #require(
      try RunsFixture.storedFiles(repository).first {
        try repository.git("cat-file", "-p", "refs/bursar/runs:\($0)").contains("SSH SIGNATURE")
      })
    let text = try repository.git("cat-file", "-p", "refs/bursar/runs:\(path)")
    try RunsFixture.inject(
      text.replacingOccurrences(of: "112ms", with: "90ms"), at: path, in: repository)
    let tampered = try RunsFixture.run(["export", "--runs"], in: repository)
    #expect(tampered.stderrText.contains("it was changed after it was recorded"))
  }

  @Test func sameIdWithOtherBytesIsAnErrorAndNothingIsOverwritten() throws {
    let repository = try RunsFixture.repository()
    let keys = try TemporaryDirectory(prefix: "keys")
    let key = try RunsFixture.key("ci", in: keys)
    let fixed = ["SOURCE_DATE_EPOCH": "1764000000"]
    let first = try RunsFixture.run(["record", "-m", "m.json"], in: repository, environment: fixed)
    #expect(first.status == 0)
    let before = try repository.git("rev-parse", "refs/bursar/runs")
    let signed = try RunsFixture.run(
      ["record", "-m", "m.json", "--sign", key], in: repository, environment: fixed)
    #expect(signed.status == 2)
    #expect(signed.stderrText.contains("is already recorded with other bytes"))
    #expect(signed.stderrText.contains("nothing was overwritten"))
    #expect(try repository.git("rev-parse", "refs/bursar/runs") == before)
  }

  @Test func damagedAndNewerRunsAreSkippedAndKept() throws {
    let repository = try RunsFixture.repository()
    let head = try repository.git("rev-parse", "HEAD")
    #expect(try RunsFixture.run(["record", "-m", "m.json"], in: repository).status == 0)
    let good = try #require(try RunsFixture.storedFiles(repository).first)
    let folder = "runs/\(head.prefix(2))/\(head)"
    let newer = try repository.git("cat-file", "-p", "refs/bursar/runs:\(good)")
      .replacingOccurrences(of: #""format":1"#, with: #""format":2"#)
    try RunsFixture.inject(
      newer, at: "\(folder)/\(String(repeating: "a", count: 32)).json", in: repository)
    try RunsFixture.inject(
      "\u{0}garbage{", at: "\(folder)/\(String(repeating: "b", count: 32)).json", in: repository)
    try RunsFixture.inject("{}", at: "runs/zz/not-a-commit/x.json", in: repository)

    let export = try RunsFixture.run(["export", "--runs"], in: repository)
    #expect(export.status == 0, "\(export.stderrText)")
    #expect(try RunsFixture.exported(export).count == 4)
    #expect(export.stderrText.contains("the run is in format 2, newer than format 1"))
    #expect(
      export.stderrText.contains("\(folder)/\(String(repeating: "b", count: 32)).json: $: not JSON")
    )
    #expect(export.stderrText.contains("runs/zz/not-a-commit: not a run file"))

    // Recording goes on, and keeps every file it did not write.
    #expect(try RunsFixture.run(["record", "-m", "m.json"], in: repository).status == 0)
    #expect(try RunsFixture.storedFiles(repository).count == 5)
  }

  @Test func onlyUnreadableRunsExitTwo() throws {
    let repository = try RunsFixture.repository()
    let head = try repository.git("rev-parse", "HEAD")
    #expect(try RunsFixture.run(["record", "-m", "m.json"], in: repository).status == 0)
    let good = try #require(try RunsFixture.storedFiles(repository).first)
    let newer = try repository.git("cat-file", "-p", "refs/bursar/runs:\(good)")
      .replacingOccurrences(of: #""format":1"#, with: #""format":2"#)
    try repository.git("update-ref", "-d", "refs/bursar/runs")
    let seed = try repository.git(
      ["hash-object", "-w", "--stdin"], stdin: Data("placeholder".utf8))
    let index = repository.directory.appending("only.index")
    try repository.git(
      [
        "update-index", "--add", "--cacheinfo",
        "100644,\(seed),runs/\(head.prefix(2))/\(head)/\(String(repeating: "c", count: 32)).json",
      ],
      environment: ["GIT_INDEX_FILE": index])
    let tree = try repository.git(["write-tree"], environment: ["GIT_INDEX_FILE": index])
    try repository.git(
      "update-ref", "refs/bursar/runs", try repository.git("commit-tree", tree, "-m", "seed"))
    try RunsFixture.inject(
      newer, at: "runs/\(head.prefix(2))/\(head)/\(String(repeating: "c", count: 32)).json",
      in: repository)
    let export = try RunsFixture.run(["export", "--runs"], in: repository)
    #expect(export.status == 2)
    #expect(export.stderrText.contains("newer than format 1"))
    #expect(export.stderrText.contains("all 1 stored runs were skipped"))
  }

  @Test func aRunWhoseCommitLeftHistoryIsSkipped() throws {
    let repository = try RunsFixture.repository()
    try repository.git("checkout", "-q", "-b", "side")
    try repository.write(path: "f.txt", contents: "side\n")
    let side = try repository.commit(message: "side", stageAll: false)
    try repository.git("commit", "-q", "-a", "--amend", "-m", "side")
    let amended = try repository.git("rev-parse", "HEAD")
    #expect(side != amended)
    let result = try RunsFixture.run(["record", "-m", "m.json", "--commit", side], in: repository)
    #expect(result.status == 0, "\(result.stderrText)")
    try repository.git("checkout", "-q", "main")
    try repository.git("branch", "-q", "-D", "side")
    try repository.git("reflog", "expire", "--expire=now", "--all")
    try repository.git("gc", "-q", "--prune=now")
    #expect(throws: (any Error).self) { try repository.git("cat-file", "-e", side) }
    let export = try RunsFixture.run(["export", "--runs"], in: repository)
    #expect(export.status == 2)
    #expect(export.stderrText.contains("its commit is not in this repository"))
    // The run itself is still stored.
    #expect(try RunsFixture.storedFiles(repository).count == 1)
  }

  @Test func badInputRecordsNothing() throws {
    let repository = try RunsFixture.repository()
    let unknown = try RunsFixture.run(
      ["record", "-m", "m.json", "--commit", "deadbeef"], in: repository)
    #expect(unknown.status == 2)
    #expect(unknown.stderrText.contains("cannot record against --commit deadbeef"))
    try repository.write(path: "bad.json", contents: #"{"values": {"fraud": {"latency": "fast"}}}"#)
    let bad = try RunsFixture.run(["record", "-m", "bad.json"], in: repository)
    #expect(bad.status == 2)
    #expect(bad.stderrText.contains("bad.json:1:"))
    let identity = try RunsFixture.run(
      ["record", "-m", "m.json", "--as", "nobody"], in: repository)
    #expect(identity.status == 2)
    #expect(identity.stderrText.contains("--as takes \"Name <email>\""))
    #expect(throws: (any Error).self) {
      try repository.git("rev-parse", "--verify", "-q", "refs/bursar/runs")
    }
  }

  /// Figures of the later shapes (values per group, drift samples, a gauge's series) are not
  /// kept by `format: 1`: the file is refused, naming the figure, rather than recorded without it.
  @Test func figuresRunsDoNotKeepAreRefusedNotDropped() throws {
    let repository = try RunsFixture.repository()
    try repository.write(
      path: "groups.yaml",
      contents: """
        version: 1
        kind: Measurements
        values:
          fraud:
            latency_p95: 90ms
            fpr_gap:
              groups: { online: 1.4%, store: 1.9% }
        """)
    let refused = try RunsFixture.run(["record", "-m", "groups.yaml"], in: repository)
    #expect(refused.status == 2)
    #expect(refused.stderrText.contains("groups.yaml:7:"))
    #expect(refused.stderrText.contains("`fpr_gap` of budget `fraud` holds values per group"))
    #expect(throws: (any Error).self) {
      try repository.git("rev-parse", "--verify", "-q", "refs/bursar/runs")
    }
    let plain = try RunsFixture.run(["record", "-m", "m.json"], in: repository)
    #expect(plain.status == 0)
  }

  @Test func aRunsReferenceThatIsNotACommitIsRefused() throws {
    let repository = try RunsFixture.repository()
    let blob = try repository.git(["hash-object", "-w", "--stdin"], stdin: Data("x".utf8))
    try repository.git("update-ref", "refs/bursar/runs", blob)
    let record = try RunsFixture.run(["record", "-m", "m.json"], in: repository)
    #expect(record.status == 2)
    #expect(record.stderrText.contains("refs/bursar/runs does not hold recorded runs"))
    let export = try RunsFixture.run(["export", "--runs"], in: repository)
    #expect(export.status == 2)
    #expect(export.stderrText.contains("refs/bursar/runs does not hold recorded runs"))
    #expect(try repository.git("rev-parse", "refs/bursar/runs") == blob)
  }

  @Test func exportSaysWhatToExport() throws {
    let repository = try RunsFixture.repository()
    let result = try RunsFixture.run(["export"], in: repository)
    #expect(result.status == 2)
    #expect(result.stderrText.contains("Missing one of: '--prometheus-rules', '--runs'"))
  }
}
