import Foundation
import TestSupport
import Testing

/// `export --history` and `export --audit` of a repository whose budgets several people changed
/// while runs were recorded, loaded into DuckDB, running the queries docs/json.md shows, as
/// written; the expected rows are worked out here from what the fixture set up.
@Suite struct WarehouseExportDuckDBTests {
  /// One step of the fixture: who commits what bounds, in which month, and the run recorded on
  /// the commit.
  struct Step {
    var author: (String, String)
    var date: String
    var latencyMax: Int
    var precisionMin: String
    var latency: Int
    var precision: Double
    /// An exception to the precision floor this step adds: its floor, first and last day.
    var exception: (min: Double, starts: String, expires: String)? = nil
  }

  static let alice = ("Alice", "alice@example.com")
  static let bob = ("Bob", "bob@example.com")
  static let carol = ("Carol", "carol@example.com")

  /// Bob loosens the latency cap twice; Carol raises the precision floor and excepts the breach
  /// her run shows; one run a commit.
  static let steps = [
    Step(
      author: alice, date: "2026-10-10", latencyMax: 100, precisionMin: "0.5", latency: 70,
      precision: 0.91),
    Step(
      author: alice, date: "2026-10-20", latencyMax: 100, precisionMin: "0.5", latency: 84,
      precision: 0.93),
    Step(
      author: bob, date: "2026-11-05", latencyMax: 130, precisionMin: "0.5", latency: 120,
      precision: 0.96),
    Step(
      author: carol, date: "2026-11-15", latencyMax: 130, precisionMin: "0.95", latency: 110,
      precision: 0.92, exception: (min: 0.9, starts: "2026-11-15", expires: "2026-11-30")),
    Step(
      author: bob, date: "2026-12-03", latencyMax: 150, precisionMin: "0.95", latency: 143,
      precision: 0.97),
  ]

  static let owners = """
    version: 1
    kind: Owners
    teams:
      platform: { members: [{ name: alice }, { name: bob }, { name: carol }] }
    dimensions:
      latency: { owners: [platform] }
      quality: { owners: [platform] }
    governance: { owners: [platform] }

    """

  static func budget(_ step: Step) -> String {
    """
    version: 1
    kind: Budget
    name: svc
    owner: platform
    metrics:
      latency_p95: { dimension: latency, max: \(step.latencyMax)ms }
      precision: { dimension: quality, min: '\(step.precisionMin)' }

    """
  }

  static func day(_ text: String) throws -> Date {
    try #require(ISO8601DateFormatter().date(from: text + "T12:00:00Z"))
  }

  /// The repository, and the commit of each step.
  static func repository() throws -> (TemporaryRepository, [String]) {
    let repository = try TemporaryRepository()
    try RunsFixture.configure(repository, identity: alice)
    try repository.write(path: ".budgets/owners.yaml", contents: owners)
    try repository.write(path: ".budgets/svc.yaml", contents: budget(steps[0]))
    try repository.commit(message: "budgets", date: try day("2026-10-01"))
    var commits: [String] = []
    for (index, step) in steps.enumerated() {
      try RunsFixture.configure(repository, identity: step.author)
      try repository.write(path: ".budgets/svc.yaml", contents: budget(step))
      try repository.write(path: "code.txt", contents: "\(index)\n")
      if let exception = step.exception {
        try repository.write(
          path: ".budgets/exceptions/precision-\(index).yaml",
          contents: """
            version: 1
            kind: Exception
            id: EXC-\(index)
            budget: svc
            metrics:
              precision: { min: '\(exception.min)' }
            reason: A retrained model is rolling out.
            starts: \(exception.starts)
            expires: \(exception.expires)

            """)
      }
      try repository.git("add", "-A")
      var environment = repository.commitDateEnvironment(try day(step.date))
      environment["GIT_AUTHOR_NAME"] = step.author.0
      environment["GIT_AUTHOR_EMAIL"] = step.author.1
      try repository.git(
        [
          "commit", "-q", "--no-verify", "-m", "step \(index)\n\nBudget-Rationale: reason \(index)",
        ],
        environment: environment)
      commits.append(try repository.git("rev-parse", "HEAD"))
      try repository.write(
        path: "m.yaml",
        contents: """
          version: 1
          kind: Measurements
          values:
            svc: { latency_p95: \(step.latency)ms, precision: \(step.precision) }

          """)
      let recorded = try RunsFixture.run(
        ["record", "-m", "m.yaml"], in: repository,
        environment: ["SOURCE_DATE_EPOCH": "\(Int(try day(step.date).timeIntervalSince1970) + 600)"]
      )
      try #require(recorded.status == 0, "\(recorded.stderrText)")
    }
    return (repository, commits)
  }

  /// `within`, `breached`, or the id of the exception that covers the breach, for the precision
  /// figure of step `index`: its floor then, and the exceptions added up to it in force on its day.
  static func precisionVerdict(at index: Int) -> String {
    let step = steps[index]
    guard step.precision < Double(step.precisionMin)! else { return "within" }
    for earlier in 0...index {
      guard let exception = steps[earlier].exception else { continue }
      if exception.starts <= step.date, step.date <= exception.expires,
        step.precision >= exception.min
      {
        return "EXC-\(earlier)"
      }
    }
    return "breached"
  }

  /// The keys the schema table of the docs/json.md section `heading` names (its first column,
  /// each key in backquotes).
  static func documentedKeys(_ heading: String) throws -> Set<String> {
    let text = try String(contentsOfFile: BursarCLI.packageRoot + "/docs/json.md", encoding: .utf8)
    let start = try #require(text.range(of: "\n## \(heading)\n"))
    let section = text[start.upperBound...]
    let body = section[..<(section.range(of: "\n## ")?.lowerBound ?? section.endIndex)]
    var keys: Set<String> = []
    for row in body.split(separator: "\n") where row.hasPrefix("| `") {
      let cell = row.dropFirst(2).prefix { $0 != "|" }
      for match in cell.matches(of: /`([a-z_]+)`/) { keys.insert(String(match.1)) }
    }
    return keys
  }

  /// The ```sql blocks of the docs/json.md section `heading`.
  static func documentedQueries(_ heading: String) throws -> [String] {
    let text = try String(contentsOfFile: BursarCLI.packageRoot + "/docs/json.md", encoding: .utf8)
    let start = try #require(text.range(of: "\n## \(heading)\n"))
    let section = text[start.upperBound...]
    let body = section[..<(section.range(of: "\n## ")?.lowerBound ?? section.endIndex)]
    var queries: [String] = []
    var rest = body[...]
    while let open = rest.range(of: "```sql\n") {
      guard let close = rest[open.upperBound...].range(of: "```") else { break }
      queries.append(String(rest[open.upperBound..<close.lowerBound]))
      rest = rest[close.upperBound...]
    }
    return queries
  }

  /// Each query's rows, every value as Python's `str` of it (`None` for null).
  static func duckdb(_ queries: [String], in repository: TemporaryRepository) throws -> [[[String]]]
  {
    let script = """
      import duckdb, json, sys
      for query in json.load(sys.stdin):
          rows = duckdb.sql(query).fetchall()
          print(json.dumps([[str(v) for v in row] for row in rows]))
      """
    let result = try runProcess(
      "python3", ["-c", script],
      stdin: try JSONSerialization.data(withJSONObject: queries),
      // `current_date` and time zones of the queries as in UTC, as the test works them out.
      environment: TemporaryRepository.environment(["TZ": "UTC"]), cwd: repository.path)
    try #require(result.succeeded, "\(result.stderrText)")
    return try result.stdoutText.split(separator: "\n").map {
      try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [[String]])
    }
  }

  static func requireDuckDB() throws {
    let duck = try? runProcess("python3", ["-c", "import duckdb"], cwd: "/")
    try #require(
      duck?.succeeded == true,
      "python3's duckdb is missing: `make test-deps` installs it. \(duck?.stderrText ?? "")")
  }

  @Test func documentedHistoryQueriesRunOnTheExport() throws {
    try Self.requireDuckDB()
    let (repository, commits) = try Self.repository()
    let export = try RunsFixture.run(
      ["export", "--history", "-o", "history.jsonl"], in: repository)
    #expect(export.status == 0, "\(export.stderrText)")
    #expect(export.stdout.isEmpty)
    let lines = try String(
      contentsOfFile: repository.absolutePath("history.jsonl"), encoding: .utf8
    ).split(separator: "\n").map {
      try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
    }
    #expect(lines.count == Self.steps.count * 2)
    for line in lines {
      #expect(line["export"] as? String == "history")
      #expect(line["export_format"] as? Int == 1)
      let commit = try #require(line["commit"] as? String)
      let tree = try repository.git("rev-parse", "\(commit):.budgets")
      #expect(line["budgets_tree"] as? String == tree)
    }

    // Every key the schema table documents is on every line, and nothing else; keys sorted.
    let documented = try Self.documentedKeys("export --history")
    for line in lines { #expect(Set(line.keys) == documented) }
    let text = try String(contentsOfFile: repository.absolutePath("history.jsonl"), encoding: .utf8)
    for raw in text.split(separator: "\n") {
      let keys = raw.matches(of: /[{,]"([a-z_]+)":/).map { String($0.1) }
      #expect(keys == keys.sorted() && keys.count == documented.count, "\(raw)")
    }

    let queries = try Self.documentedQueries("export --history")
    try #require(queries.count == 2, "docs/json.md should show two queries for --history")
    let outputs = try Self.duckdb(queries, in: repository)
    // Figures, breaches and excepted breaches per metric, each figure against the bound and
    // the exceptions of its own commit, on the day of its run.
    let latencyBreaches = Self.steps.filter { $0.latency > $0.latencyMax }.count
    let precision = Self.steps.indices.map { Self.precisionVerdict(at: $0) }
    #expect(
      outputs[0] == [
        ["svc", "latency_p95", "production", "\(Self.steps.count)", "\(latencyBreaches)", "0"],
        [
          "svc", "precision", "production", "\(Self.steps.count)",
          "\(precision.filter { $0 == "breached" }.count)",
          "\(precision.filter { $0.hasPrefix("EXC-") }.count)",
        ],
      ])
    #expect(precision.contains { $0.hasPrefix("EXC-") }, "the fixture should except a breach")
    for (index, verdict) in precision.enumerated() {
      let line = try #require(
        lines.first {
          $0["commit"] as? String == commits[index] && $0["metric"] as? String == "precision"
        })
      #expect(line["verdict"] as? String == (verdict.hasPrefix("EXC-") ? "excepted" : verdict))
      #expect(line["exception"] as? String == (verdict.hasPrefix("EXC-") ? verdict : nil))
    }
    // The rises of the capped metric over the figure before it, largest first.
    var rises: [(commit: String, previous: Double, value: Double, rise: Double)] = []
    for index in 1..<Self.steps.count
    where Self.steps[index].latency > Self.steps[index - 1].latency {
      let previous = Double(Self.steps[index - 1].latency) / 1000
      let value = Double(Self.steps[index].latency) / 1000
      rises.append((commits[index], previous, value, value / previous - 1))
    }
    rises.sort { $0.rise > $1.rise }
    let worst = outputs[1]
    try #require(worst.count == min(5, rises.count), "\(worst)")
    for (row, expected) in zip(worst, rises) {
      #expect(row[0] == "svc" && row[1] == "latency_p95" && row[2] == "production")
      #expect(row[3] == expected.commit)
      #expect(Double(row[5]) == expected.previous && Double(row[6]) == expected.value)
      #expect(abs(Double(row[7])! - expected.rise) < 0.00005, "\(row)")
    }
  }

  @Test func documentedAuditQueriesRunOnTheExport() throws {
    try Self.requireDuckDB()
    let (repository, commits) = try Self.repository()
    let export = try RunsFixture.run(["export", "--audit"], in: repository)
    #expect(export.status == 0, "\(export.stderrText)")
    try export.stdout.write(to: URL(fileURLWithPath: repository.absolutePath("audit.jsonl")))
    // The same events as `log --format jsonl` along first parents, each naming its stream.
    let log = try RunsFixture.run(["log", "--format", "jsonl"], in: repository)
    #expect(log.status == 0, "\(log.stderrText)")
    let logged = try RunsFixture.exported(log)
    var exported = try RunsFixture.exported(export)
    #expect(
      exported.allSatisfy { $0["export"] as? String == "audit" && $0["export_format"] as? Int == 1 }
    )
    for index in exported.indices {
      exported[index]["export"] = nil
      exported[index]["export_format"] = nil
    }
    #expect(exported.map { $0 as NSDictionary } == logged.map { $0 as NSDictionary })

    let queries = try Self.documentedQueries("export --audit")
    try #require(queries.count == 3, "docs/json.md should show three queries for --audit")
    let outputs = try Self.duckdb(queries, in: repository)
    // Budget changes per author per month: counted here from the log's own entries.
    var perMonth: [String: Int] = [:]
    for entry in logged where entry["category"] as? String == "budget" {
      let text = try #require(entry["date"] as? String)
      let date = try #require(ISO8601DateFormatter().date(from: text))
      let month = String(ISO8601DateFormatter().string(from: date).prefix(7))
      let author = try #require(entry["author_email"] as? String)
      perMonth["\(author) \(month)", default: 0] += 1
    }
    let counted = outputs[0].map { "\($0[0]) \($0[1])" }
    #expect(
      Dictionary(uniqueKeysWithValues: outputs[0].map { ("\($0[0]) \($0[1])", Int($0[2])!) })
        == perMonth)
    #expect(counted == counted.sorted { ($0.suffix(7), $0) < ($1.suffix(7), $1) })
    // Every author who changed a bound shows in the month of the change.
    for (index, step) in Self.steps.enumerated() where index > 0 {
      let before = Self.steps[index - 1]
      guard step.latencyMax != before.latencyMax || step.precisionMin != before.precisionMin else {
        continue
      }
      #expect(counted.contains("\(step.author.1) \(step.date.prefix(7))"))
    }
    // Loosenings on the budget itself: each rise of the latency cap, newest first, unapproved.
    var loosenings: [[String]] = []
    for (index, step) in Self.steps.enumerated().reversed()
    where index > 0 && step.latencyMax > Self.steps[index - 1].latencyMax {
      loosenings.append([
        commits[index], step.author.1, "svc", "production", "latency_p95", "max",
        "\(Self.steps[index - 1].latencyMax)ms", "\(step.latencyMax)ms", "0", "reason \(index)",
      ])
    }
    #expect(outputs[1] == loosenings)
    // Exceptions past their last day (today in UTC, as DuckDB's current_date here).
    let formatter = ISO8601DateFormatter()
    formatter.formatOptions = [.withFullDate]
    let today = formatter.string(from: Date())
    let expired = Self.steps.enumerated().compactMap { index, step in
      step.exception.flatMap { $0.expires < today ? ["EXC-\(index)", "svc", $0.expires] : nil }
    }
    #expect(!expired.isEmpty, "the fixture's exception should have expired")
    #expect(outputs[2] == expired)
  }

  @Test func unknownNamesAndDamagedRunsAreAnsweredAsOtherCommandsDo() throws {
    let (repository, commits) = try Self.repository()
    let budget = try RunsFixture.run(["export", "--history", "svx"], in: repository)
    #expect(budget.status == 2)
    #expect(budget.stderrText.contains("no budget named `svx`"), "\(budget.stderrText)")
    #expect(budget.stderrText.contains("did you mean `svc`?"), "\(budget.stderrText)")
    #expect(budget.stdout.isEmpty)
    let metric = try RunsFixture.run(["export", "--history", "svc", "latency_p59"], in: repository)
    #expect(metric.status == 2)
    #expect(metric.stderrText.contains("did you mean `latency_p95`?"), "\(metric.stderrText)")
    // One metric of one budget: only its lines.
    let one = try RunsFixture.run(["export", "--history", "svc", "precision"], in: repository)
    #expect(one.status == 0, "\(one.stderrText)")
    let onlyPrecision = try RunsFixture.exported(one)
    #expect(onlyPrecision.count == Self.steps.count)
    #expect(onlyPrecision.allSatisfy { $0["metric"] as? String == "precision" })
    // Options of another output, and a range audit's walk cannot resolve.
    for arguments in [
      ["export", "--history", "--kind", "loosen"], ["export", "--audit", "svc"],
      ["export", "--audit", "--range", "nowhere"], ["export", "--history", "--range", "a...b"],
      ["export", "--history", "--percentile-method", "mean"],
      ["export", "--history", "--rev", "HEAD"],
    ] {
      let result = try RunsFixture.run(arguments, in: repository)
      #expect(result.status == 2, "\(arguments): \(result.stderrText)")
      #expect(!result.stderrText.isEmpty)
    }
    // -o writes what standard output would have held, for each JSON-lines stream.
    for stream in ["--runs", "--history", "--audit"] {
      let shown = try RunsFixture.run(["export", stream], in: repository)
      let written = try RunsFixture.run(["export", stream, "-o", "out.jsonl"], in: repository)
      #expect(shown.status == 0 && written.status == 0, "\(written.stderrText)")
      #expect(!shown.stdout.isEmpty && written.stdout.isEmpty)
      #expect(
        FileManager.default.contents(atPath: repository.absolutePath("out.jsonl")) == shown.stdout)
    }
    // A damaged run is named and left out; the other figures are still exported.
    let commit = commits[1]
    try RunsFixture.inject(
      "{not json",
      at: "runs/\(commit.prefix(2))/\(commit)/\(String(repeating: "0", count: 32)).json",
      in: repository)
    let damaged = try RunsFixture.run(["export", "--history"], in: repository)
    #expect(damaged.status == 0, "\(damaged.stderrText)")
    #expect(damaged.stderrText.contains("could not be read"), "\(damaged.stderrText)")
    #expect(try RunsFixture.exported(damaged).count == Self.steps.count * 2)
  }
}
