import Foundation
import TestSupport
import Testing

/// `export --runs` loaded into DuckDB, running the queries docs/json.md shows, as written.
@Suite struct RunExportDuckDBTests {
  /// The ```sql blocks of docs/json.md's `export --runs` section, run on an export.
  @Test func documentedQueriesRunOnTheExport() throws {
    let duck = try? runProcess("python3", ["-c", "import duckdb"], cwd: "/")
    try #require(
      duck?.succeeded == true,
      "python3's duckdb is missing: `make test-deps` installs it. \(duck?.stderrText ?? "")")
    let repository = try RunsFixture.repository()
    let keys = try TemporaryDirectory(prefix: "keys")
    let key = try RunsFixture.key("ci", in: keys)
    let head = try repository.git("rev-parse", "HEAD")
    let parent = try repository.git("rev-parse", "HEAD~1")
    for arguments in [
      ["record", "-m", "m.json", "--sign", key],
      ["record", "-m", "m.json"],
      ["record", "-m", "m.json", "--commit", "HEAD~1"],
    ] {
      let result = try RunsFixture.run(arguments, in: repository)
      #expect(result.status == 0, "\(result.stderrText)")
    }
    let allowed = keys.appending("allowed_signers")
    let publicKey = try String(contentsOfFile: key + ".pub", encoding: .utf8)
    try Data("ci \(publicKey)".utf8).write(to: URL(fileURLWithPath: allowed))
    let export = try RunsFixture.run(
      ["export", "--runs", "--allowed-signers", allowed], in: repository)
    #expect(export.status == 0, "\(export.stderrText)")
    try export.stdout.write(to: URL(fileURLWithPath: repository.absolutePath("runs.jsonl")))

    let queries = try WarehouseExportDuckDBTests.documentedQueries("export --runs")
    try #require(queries.count == 2, "docs/json.md should show two queries")
    let script = """
      import duckdb, json, sys
      for query in json.load(sys.stdin):
          rows = duckdb.sql(query).fetchall()
          print(json.dumps([[str(v) for v in row] for row in rows]))
      """
    let result = try runProcess(
      "python3", ["-c", script],
      stdin: try JSONSerialization.data(withJSONObject: queries), cwd: repository.path)
    try #require(result.succeeded, "\(result.stderrText)")
    let outputs = try result.stdoutText.split(separator: "\n").map {
      try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [[String]])
    }
    // Summaries: latency_p95 and precision of fraud, at both commits.
    let summaries = outputs[0]
    #expect(summaries.count == 4)
    let latest = try #require(summaries.first { $0[0] == head && $0[2] == "latency_p95" })
    #expect(latest[1] == "fraud")
    #expect(Double(latest[3]) == 0.112)
    #expect(latest[4] == "2")
    #expect(summaries.contains { $0[0] == parent && $0[2] == "precision" && $0[4] == "1" })
    // Only the signed run's samples are trusted: one row, p95 of the ten samples in ms.
    let trusted = outputs[1]
    #expect(trusted.count == 1)
    let row = try #require(trusted.first)
    let p95 = try #require(Double(row[4]))
    // NumPy: numpy.percentile([12,15,11,30,18,20,14,16,13,17], 95) = 25.5
    #expect(abs(p95 - 25.5) / 25.5 <= 0.00074)
  }
}
