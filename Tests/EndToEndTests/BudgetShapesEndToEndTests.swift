import Foundation
import TestSupport
import Testing

/// The later shapes of metric through the built binary, on real temporary repositories:
/// validation of parts, the diff of a baseline, and `check` in text and JSON for each shape.
@Suite struct BudgetShapesEndToEndTests {
  static let owners = """
    version: 1
    kind: Owners
    teams:
      sre: { members: [{ name: alice }] }
      ml-eng: { members: [{ name: carol }] }
    dimensions:
      latency:  { owners: [sre], weight: 0.4 }
      quality:  { owners: [ml-eng], weight: 0.6 }
      cost:     { owners: [sre] }
    governance: { owners: [sre] }

    """

  static let budget = """
    version: 1
    kind: Budget
    name: scorer
    owner: ml-eng
    metrics:
      precision:    { dimension: quality, baseline: 0.96, max_drop: 2% }
      latency_p95:  { dimension: latency, baseline: 80ms, max_rise: 25%, parts: [extract_ms, infer_ms] }
      extract_ms:   { dimension: latency, max: 20ms }
      infer_ms:     { dimension: latency, max: 70ms }
      accuracy_7d:  { dimension: quality, min: 0.92, window: 7d }
      fpr_gap:      { dimension: quality, across: merchant_type, max_difference: 3% }
      amount_drift: { dimension: quality, drift: ks, min_samples: 5 }
      spend:        { dimension: cost, max: 12000 USD, period: month }

    """

  static let figures = """
    version: 1
    kind: Measurements
    at: 2026-11-25T12:00:00Z
    values:
      scorer:
        precision: 0.945
        latency_p95: 100ms
        extract_ms: 15ms
        infer_ms: 70ms
        accuracy_7d:
          times: [2026-11-17T00:00:00Z, 2026-11-19T00:00:00Z, 2026-11-22T00:00:00Z, 2026-11-25T00:00:00Z]
          values: [0.80, 0.93, 0.94, 0.95]
        fpr_gap:
          groups: { online: 1.9%, in_store: 2.6%, marketplace: 5.1% }
        amount_drift:
          reference: [1, 2, 3, 4, 5]
          current: [6, 7, 8, 9, 10]
        spend: 10000 USD

    """

  let repository: TemporaryRepository
  let bursar: BursarRunner

  init() throws {
    repository = try TemporaryRepository()
    try repository.write(path: ".budgets/owners.yaml", contents: Self.owners)
    try repository.write(path: ".budgets/models/scorer.yaml", contents: Self.budget)
    try repository.commit(message: "Budgets")
    try repository.write(path: "m.yaml", contents: Self.figures)
    bursar = BursarRunner(repository: repository)
  }

  @Test func theShapesValidate() throws {
    let result = try bursar.run("validate")
    #expect(result.status == 0, "\(result.stdoutText)\(result.stderrText)")
  }

  @Test func showListsTheShapeFields() throws {
    let text = try bursar.run("show", "scorer")
    #expect(text.status == 0, "\(text.stderrText)")
    #expect(text.stdoutText.contains("baseline 0.96 · max_drop 2%"), "\(text.stdoutText)")
    #expect(text.stdoutText.contains("max_difference 3% · across merchant_type"))
    #expect(text.stdoutText.contains("max 12000 USD · period month"))
    let json = try bursar.run("show", "scorer", "--format", "json")
    let document = try #require(
      JSONSerialization.jsonObject(with: Data(json.stdoutText.utf8)) as? [String: Any])
    let budgets = try #require(document["budgets"] as? [[String: Any]])
    let metrics = try #require(budgets.first?["metrics"] as? [[String: Any]])
    let latency = try #require(metrics.first { $0["metric"] as? String == "latency_p95" })
    let shape = try #require(latency["shape"] as? [String: String])
    #expect(shape == ["baseline": "80ms", "max_rise": "25%", "parts": "[extract_ms, infer_ms]"])
  }

  @Test func validateRefusesPartsThatExceedTheWhole() throws {
    try repository.write(
      path: ".budgets/models/scorer.yaml",
      contents: Self.budget.replacingOccurrences(
        of: "infer_ms:     { dimension: latency, max: 70ms }",
        with: "infer_ms:     { dimension: latency, max: 90ms }"))
    let result = try bursar.run("validate")
    #expect(result.status == 1)
    #expect(
      result.stdoutText.contains(
        "error[parts-exceed-whole]: the parts of `latency_p95` are capped at 110ms together (`extract_ms` 20ms + `infer_ms` 90ms), more than its `max: 100ms`"
      ), "\(result.stdoutText)")
    #expect(result.stdoutText.contains(".budgets/models/scorer.yaml:7:"))
  }

  @Test func validateRefusesPartsInACycle() throws {
    try repository.write(
      path: ".budgets/models/scorer.yaml",
      contents: Self.budget.replacingOccurrences(
        of: "extract_ms:   { dimension: latency, max: 20ms }",
        with: "extract_ms:   { dimension: latency, max: 20ms, parts: [latency_p95] }"))
    let result = try bursar.run("validate")
    #expect(result.status == 1)
    #expect(result.stdoutText.contains("error[parts-cycle]"), "\(result.stdoutText)")
    #expect(result.stdoutText.contains("`latency_p95` → `extract_ms` → `latency_p95`"))
  }

  /// Raising a relative floor's baseline tightens it; raising a relative ceiling's loosens it.
  @Test func diffCallsABaselineChangeTightenOrLoosen() throws {
    try repository.write(
      path: ".budgets/models/scorer.yaml",
      contents: Self.budget.replacingOccurrences(of: "baseline: 0.96", with: "baseline: 0.97"))
    let floor = try bursar.run("diff")
    #expect(floor.status == 0, "\(floor.stderrText)")
    #expect(
      floor.stdoutText.contains("tighten  production  precision  baseline  0.96 → 0.97"),
      "\(floor.stdoutText)")
    try repository.write(
      path: ".budgets/models/scorer.yaml",
      contents: Self.budget.replacingOccurrences(of: "baseline: 80ms", with: "baseline: 90ms"))
    let ceiling = try bursar.run("diff", "--format", "json")
    let document = try #require(
      JSONSerialization.jsonObject(with: Data(ceiling.stdoutText.utf8)) as? [String: Any])
    let changes = try #require(document["changes"] as? [[String: Any]], "\(ceiling.stdoutText)")
    let change = try #require(changes.first { $0["field"] as? String == "baseline" })
    #expect(change["kind"] as? String == "loosen")
    #expect(change["metric"] as? String == "latency_p95")
  }

  @Test func checkShowsEachShapeInText() throws {
    let result = try bursar.run("check", "-m", "m.yaml")
    let text = result.stdoutText
    #expect(result.status == 1, "\(text)\(result.stderrText)")
    #expect(text.contains("min 0.9408 (0.96 less 2%)"), "\(text)")
    #expect(text.contains("0.945 is 1.56% below the baseline 0.96"))
    #expect(text.contains("max 100ms (80ms plus 25%)"))
    #expect(
      text.contains(
        "share of the measured whole: extract_ms 15% · infer_ms 70% · unaccounted 15%"))
    #expect(text.contains("mean of 3 of 4 values in the 7d ending 2026-11-25T12:00:00Z"))
    #expect(
      text.contains(
        "worst pair across merchant_type: marketplace 5.1% vs online 1.9%, a difference of 3.2% (between_groups, 3 groups)"
      ))
    #expect(text.contains("two-sample KS test: D 1, p 0.00794 < 0.05: drift"))
    #expect(text.contains("warning: month 2026-11-01..2026-12-01, 81.7% elapsed"))
    #expect(text.contains("above max 12000 USD"))
    #expect(text.contains("composite health (visibility only, never the exit code):"))
    #expect(text.contains("the verdict is decided by quality"))
    #expect(text.contains("fail: 2 breached, 6 within"))
  }

  @Test func checkShowsEachShapeInJSON() throws {
    let result = try bursar.run("check", "-m", "m.yaml", "--format", "json")
    #expect(result.status == 1, "\(result.stderrText)")
    let document = try #require(
      JSONSerialization.jsonObject(with: Data(result.stdoutText.utf8)) as? [String: Any])
    let results = try #require(document["results"] as? [[String: Any]])
    func shape(_ metric: String) throws -> [String: Any] {
      let result = try #require(results.first { $0["metric"] as? String == metric })
      return try #require(result["shape"] as? [String: Any], "\(metric) has no shape")
    }
    let relative = try #require(try shape("precision")["relative"] as? [String: Any])
    #expect(relative["floor"] as? String == "0.9408")
    #expect(relative["baseline"] as? String == "0.96")
    let gap = try #require(try shape("fpr_gap")["group_gap"] as? [String: Any])
    let pair = try #require(gap["difference_pair"] as? [String: Any])
    #expect(pair["high"] as? String == "marketplace" && pair["low"] as? String == "online")
    #expect(gap["difference_text"] as? String == "3.2%")
    let drift = try #require(try shape("amount_drift")["drift"] as? [String: Any])
    #expect((drift["p_value"] as? NSNumber)?.doubleValue.distance(to: 2.0 / 252.0) ?? 1 < 1e-12)
    #expect(drift["insufficient"] as? Bool == false)
    let rolling = try #require(try shape("accuracy_7d")["rolling"] as? [String: Any])
    #expect(rolling["values"] as? Int == 3 && rolling["window"] as? String == "7d")
    let parts = try #require(try shape("latency_p95")["parts"] as? [String: Any])
    let shares = try #require(parts["shares"] as? [[String: Any]])
    #expect(shares.map { $0["metric"] as? String } == ["extract_ms", "infer_ms"])
    let period = try #require(try shape("spend")["period"] as? [String: Any])
    #expect(period["projection_breaches"] as? Bool == true)
    #expect(period["start"] as? String == "2026-11-01T00:00:00Z")
    let composite = try #require(document["composite"] as? [String: Any])
    #expect(composite["visibility_only"] as? Bool == true)
    #expect(composite["decided_by"] as? String == "quality")
    let summary = try #require(document["summary"] as? [String: Int])
    #expect(summary["breached"] == 2 && summary["insufficient"] == nil)
  }

  @Test func tooLittleDataIsInsufficientAndDoesNotFail() throws {
    let few = """
      version: 1
      kind: Measurements
      at: 2026-11-25T12:00:00Z
      values:
        scorer:
          precision: 0.95
          amount_drift: { reference: [1, 2, 3], current: [4, 5, 6] }
          accuracy_7d: { times: [2026-10-01T00:00:00Z], values: [0.5] }

      """
    try repository.write(path: "few.yaml", contents: few)
    let result = try bursar.run("check", "-m", "few.yaml", "--allow-missing")
    #expect(result.status == 0, "\(result.stdoutText)")
    #expect(result.stdoutText.contains("insufficient data: reference 3, current 3 samples"))
    #expect(result.stdoutText.contains("insufficient data: no value in the 7d ending"))
    #expect(
      result.stdoutText.contains("pass: 5 missing, 2 insufficient, 1 within (missing allowed)"),
      "\(result.stdoutText)")
    let junit = try bursar.run("check", "-m", "few.yaml", "--allow-missing", "--format", "junit")
    #expect(junit.stdoutText.contains("<skipped message=\"insufficient data\"/>"))
    #expect(junit.stdoutText.contains("<property name=\"composite_health\""))
    let markdown = try bursar.run("check", "-m", "few.yaml", "--format", "markdown")
    #expect(markdown.stdoutText.contains("composite health (visibility only"))
  }

  @Test func aFigureOfTheWrongFormIsAnError() throws {
    try repository.write(
      path: "bad.yaml",
      contents: Self.figures.replacingOccurrences(
        of: "groups: { online: 1.9%, in_store: 2.6%, marketplace: 5.1% }",
        with: "groups: { online: 1.9%, in_store: 2ms }"))
    let result = try bursar.run("check", "-m", "bad.yaml")
    #expect(result.status == 2)
    #expect(result.stderrText.contains("bad.yaml:"), "\(result.stderrText)")
  }
}
