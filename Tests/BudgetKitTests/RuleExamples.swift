import BudgetKit

/// For each rule, files that must trigger it and files that must not, added to the standard
/// tree of `TreeFixture` (an owners file and a budget named `ranker`).
struct RuleExample: Sendable, CustomStringConvertible {
  var rule: RuleID
  /// Extra files (path → content) that trigger the rule.
  var triggers: [String: String]
  /// The line the problem must be reported at, in `triggers`' first file.
  var line: Int
  /// Extra files that are close to the trigger but valid.
  var passes: [String: String]
  /// Whether the standard files are left out.
  var replacesBase = false
  /// Whether the files are judged as a change to the standard tree, as `bursar gate` and the
  /// pre-commit hook judge one (`ChangedExceptionPolicy`), rather than validated alone.
  var asChange = false
  /// How much the problem matters: a warning leaves the tree valid.
  var severity = Diagnostic.Severity.error

  var description: String { rule.rawValue }

  static func budget(
    _ metrics: String, name: String = "extra", owner: String = "ml-eng", tail: String = ""
  ) -> String {
    "version: 1\nkind: Budget\nname: \(name)\nowner: \(owner)\nmetrics:\n\(metrics)\n\(tail)"
  }

  static func exception(
    _ body: String, starts: String = "2026-11-01", expires: String = "2026-11-10"
  ) -> String {
    "version: 1\nkind: Exception\nid: EXC-1\nbudget: ranker\n\(body)\nreason: Peak traffic.\nstarts: \(starts)\nexpires: \(expires)\n"
  }

  static func approval(_ body: String, by: String = "alice") -> String {
    "version: 1\nkind: Approval\nby: \(by)\napproves:\n\(body)\n"
  }

  static func importMapping(_ figures: String, tool: String = "locust") -> String {
    "version: 1\nkind: Import\ntool: \(tool)\nfigures:\n\(figures)\n"
  }

  static let locustP95 =
    "  - { name: /score, statistic: \"95%\", budget: ranker, metric: latency_p95 }"
  static let promP95 =
    "  - budget: ranker\n    metric: latency_p95\n    query: histogram_quantile(0.95, rate(h_bucket[5m]))\n    unit: s"

  static let file = ".budgets/extra.yaml"
  static let latency = "  latency_p95: { dimension: latency, max: 100ms }"
  static let goodDigest = "sha256:" + String(repeating: "a", count: 64)

  static let all: [RuleExample] = [
    RuleExample(
      rule: .fileTooLarge, triggers: [file: "# " + String(repeating: "x", count: 1 << 20)], line: 1,
      passes: [file: budget(latency)]),
    RuleExample(
      rule: .fileEncoding, triggers: [file: "version: 1\nkind: \u{0}Budget\n"], line: 2,
      passes: [file: budget(latency)]),
    RuleExample(
      rule: .yamlSyntax, triggers: [file: "version: 1\nkind: [Budget\n"], line: 3,
      passes: [file: budget(latency)]),
    RuleExample(
      rule: .yamlBOM, triggers: [file: "\u{FEFF}" + budget(latency)], line: 1,
      passes: [file: budget(latency)]),
    RuleExample(
      rule: .yamlTab, triggers: [file: budget("\tlatency_p95: { dimension: latency, max: 1s }")],
      line: 6, passes: [file: budget(latency)]),
    RuleExample(
      rule: .yamlAnchor,
      triggers: [file: budget("  a: &c { dimension: latency, max: 1s }\n  b: *c")], line: 6,
      passes: [
        file: budget("  a: { dimension: latency, max: 1s }\n  b: { dimension: latency, max: 1s }")
      ]),
    RuleExample(
      rule: .yamlMergeKey,
      triggers: [file: budget("  a:\n    <<: { dimension: latency }\n    max: 1s")], line: 7,
      passes: [file: budget(latency)]),
    RuleExample(
      rule: .yamlDuplicateKey, triggers: [file: budget(latency + "\n" + latency)], line: 7,
      passes: [file: budget(latency)]),
    RuleExample(
      rule: .yamlMultipleDocuments, triggers: [file: budget(latency) + "---\nversion: 1\n"],
      line: 7, passes: [file: "---\n" + budget(latency)]),
    RuleExample(
      rule: .yamlNonStringKey,
      triggers: [file: budget("  ? [a]\n  : { dimension: latency, max: 1s }")], line: 6,
      passes: [file: budget(latency)]),
    RuleExample(
      rule: .yamlTag, triggers: [file: budget("  a: { dimension: latency, max: !!float 1 }")],
      line: 6, passes: [file: budget("  a: { dimension: latency, max: '1s' }")]),
    RuleExample(
      rule: .yamlTooDeep,
      triggers: [
        file: "a: " + String(repeating: "[", count: 40) + String(repeating: "]", count: 40)
      ], line: 1, passes: [file: budget(latency)]),
    RuleExample(
      rule: .yamlEmpty, triggers: [file: "# nothing yet\n"], line: 1,
      passes: [file: budget(latency)]),
    RuleExample(
      rule: .version,
      triggers: [file: budget(latency).replacingOccurrences(of: "version: 1", with: "version: 2")],
      line: 1, passes: [file: budget(latency)]),
    RuleExample(
      rule: .kind,
      triggers: [
        file: budget(latency).replacingOccurrences(of: "kind: Budget", with: "kind: Budgte")
      ], line: 2, passes: [file: budget(latency)]),
    RuleExample(
      rule: .unknownKey, triggers: [file: budget("  mem: { dimension: latency, mx: 2GiB }")],
      line: 6, passes: [file: budget("  mem: { dimension: latency, max: 2GiB }")]),
    RuleExample(
      rule: .missingKey,
      triggers: [file: "version: 1\nkind: Budget\nname: extra\nmetrics:\n" + latency], line: 1,
      passes: [file: budget(latency)]),
    RuleExample(
      rule: .wrongType, triggers: [file: budget("  - latency_p95")], line: 6,
      passes: [file: budget(latency)]),
    RuleExample(
      rule: .invalidName, triggers: [file: budget(latency, name: "Ranker\u{0430}")], line: 3,
      passes: [file: budget(latency, name: "ranker-2")]),
    RuleExample(
      rule: .emptyValue,
      triggers: [
        file: exception("metrics:\n  latency_p95: { max: 130ms }").replacingOccurrences(
          of: "Peak traffic.", with: "\"  \"")
      ], line: 7, passes: [file: exception("metrics:\n  latency_p95: { max: 130ms }")]),
    RuleExample(
      rule: .quantitySyntax, triggers: [file: budget("  a: { dimension: latency, max: no }")],
      line: 6, passes: [file: budget("  a: { dimension: latency, max: 0 }")]),
    RuleExample(
      rule: .unitMismatch,
      triggers: [
        file: budget(latency, tail: "environments:\n  staging:\n    latency_p95: { max: 5% }")
      ], line: 9,
      passes: [
        file: budget(latency, tail: "environments:\n  staging:\n    latency_p95: { max: 0.2s }")
      ]),
    RuleExample(
      rule: .ratioRange,
      triggers: [file: budget("  a: { dimension: latency, slo: 100.5%, window: 30d }")], line: 6,
      passes: [file: budget("  a: { dimension: latency, slo: 100%, window: 30d }")]),
    RuleExample(
      rule: .boundShape,
      triggers: [file: budget("  a: { dimension: latency, max: 1s, slo: 99%, window: 1d }")],
      line: 6, passes: [file: budget("  a: { dimension: latency, min: 1/s, max: 9/s }")]),
    RuleExample(
      rule: .baselineZero,
      triggers: [file: budget("  accuracy: { dimension: quality, baseline: 0%, max_drop: 8% }")],
      line: 6,
      passes: [file: budget("  accuracy: { dimension: quality, baseline: 95%, max_drop: 8% }")]),
    RuleExample(
      rule: .recordedReference,
      triggers: [
        file: budget("  accuracy: { dimension: quality, baseline: {commit: main}, max_drop: 8% }")
      ],
      line: 6,
      passes: [
        file: budget(
          "  accuracy: { dimension: quality, baseline: {commit: 4b825dc642cb6eb9a060e54bf8d69288fbee4904}, max_drop: 8% }"
        )
      ]),
    RuleExample(
      rule: .partsExceedWhole,
      triggers: [
        file: budget(
          "  serve_ms: { dimension: latency, max: 120ms, parts: [extract_ms, infer_ms] }\n  extract_ms: { dimension: latency, max: 30ms }\n  infer_ms: { dimension: latency, max: 0.1s }"
        )
      ], line: 6,
      passes: [
        file: budget(
          "  serve_ms: { dimension: latency, max: 120ms, parts: [extract_ms, infer_ms] }\n  extract_ms: { dimension: latency, max: 30ms }\n  infer_ms: { dimension: latency, max: 90ms }"
        )
      ]),
    RuleExample(
      rule: .partsCycle,
      triggers: [
        file: budget(
          "  serve_ms: { dimension: latency, max: 120ms, parts: [infer_ms] }\n  infer_ms: { dimension: latency, max: 90ms, parts: [serve_ms] }"
        )
      ], line: 6,
      passes: [
        file: budget(
          "  serve_ms: { dimension: latency, max: 120ms, parts: [infer_ms] }\n  infer_ms: { dimension: latency, max: 90ms }"
        )
      ]),
    RuleExample(
      rule: .bandInverted,
      triggers: [file: budget("  a: { dimension: quality, min: 40%, max: 0.2 }")], line: 6,
      passes: [file: budget("  a: { dimension: quality, min: 0.2, max: 40% }")]),
    RuleExample(
      rule: .dateSyntax,
      triggers: [file: exception("metrics:\n  latency_p95: { max: 130ms }", starts: "2026-02-30")],
      line: 8,
      passes: [
        file: exception(
          "metrics:\n  latency_p95: { max: 130ms }", starts: "2026-02-28", expires: "2026-03-01")
      ]),
    RuleExample(
      rule: .requireInvalid,
      triggers: [
        ".budgets/owners.yaml": TreeFixture.owners.replacingOccurrences(
          of: "require: all", with: "require: 3")
      ], line: 17,
      passes: [
        ".budgets/owners.yaml": TreeFixture.owners.replacingOccurrences(
          of: "require: all", with: "require: 2")
      ]),
    RuleExample(
      rule: .sshKey,
      triggers: [
        ".budgets/owners.yaml": TreeFixture.owners.replacingOccurrences(
          of: "AAAAC3NzaC1lZDI1NTE5AAAAIKxmR9AxbSYJMLoiFlVa8EeJZ6tOtOMHuEKAlD+jBSAp",
          with: "AAAAC3NzaC1lZDI1NTE5AAAAIKxmR9AxbSYJMLoiFlVa8Ee")
      ], line: 8, passes: [:]),
    RuleExample(
      rule: .digestSyntax,
      triggers: [file: approval("  - { path: ranker.yaml, digest: sha256:abc }")], line: 5,
      passes: [file: approval("  - { path: ranker.yaml, digest: \(goodDigest) }")]),
    RuleExample(
      rule: .signatureSyntax,
      triggers: [
        file: approval("  - { path: ranker.yaml, digest: \(goodDigest) }")
          + "signature: not a signature\n"
      ], line: 6,
      passes: [
        file: approval("  - { path: ranker.yaml, digest: \(goodDigest) }")
          + "signature: |\n  -----BEGIN SSH SIGNATURE-----\n  AAAA\n  -----END SSH SIGNATURE-----\n"
      ]),
    RuleExample(
      rule: .approvalPath,
      triggers: [file: approval("  - { path: ../secrets.yaml, digest: \(goodDigest) }")], line: 5,
      passes: [file: approval("  - { path: models/a.yaml, digest: deleted }")]),
    RuleExample(
      rule: .ownersMissing, triggers: [".budgets/ranker.yaml": TreeFixture.budget], line: 1,
      passes: [
        ".budgets/ranker.yaml": TreeFixture.budget, ".budgets/owners.yaml": TreeFixture.owners,
      ], replacesBase: true),
    RuleExample(
      rule: .ownersDuplicate, triggers: [".budgets/zz-owners.yaml": TreeFixture.owners], line: 1,
      passes: [:]),
    RuleExample(
      rule: .duplicateName, triggers: [file: budget(latency, name: "ranker")], line: 3,
      passes: [file: budget(latency, name: "ranker-b")]),
    RuleExample(
      rule: .duplicateMember,
      triggers: [
        ".budgets/owners.yaml": TreeFixture.owners.replacingOccurrences(
          of: "      - name: carol", with: "      - name: carol\n      - name: carol")
      ], line: 12, passes: [:]),
    RuleExample(
      rule: .unknownTeam, triggers: [file: budget(latency, owner: "platform")], line: 4,
      passes: [file: budget(latency, owner: "sre")]),
    RuleExample(
      rule: .unknownMember,
      triggers: [file: approval("  - { path: ranker.yaml, digest: \(goodDigest) }", by: "mallory")],
      line: 3,
      passes: [file: approval("  - { path: ranker.yaml, digest: \(goodDigest) }", by: "carol")]),
    RuleExample(
      rule: .unknownDimension, triggers: [file: budget("  a: { dimension: speed, max: 1s }")],
      line: 6, passes: [file: budget("  a: { dimension: latency, max: 1s }")]),
    RuleExample(
      rule: .unknownDimension,
      triggers: [
        ".budgets/owners.yaml": TreeFixture.owners + "\nregressions: { blocking: [speed] }"
      ],
      line: 18,
      passes: [
        ".budgets/owners.yaml": TreeFixture.owners + "\nregressions: { blocking: [latency] }"
      ]),
    RuleExample(
      rule: .duplicateName,
      triggers: [
        ".budgets/owners.yaml": TreeFixture.owners
          + "\nregressions:\n  blocking:\n    - latency\n    - latency"
      ],
      line: 21,
      passes: [
        ".budgets/owners.yaml": TreeFixture.owners
          + "\nregressions:\n  blocking:\n    - latency\n    - quality"
      ]),
    RuleExample(
      rule: .regressionSettings,
      triggers: [file: budget("  a: { dimension: latency, max: 1s, regression: { sigma: 0 } }")],
      line: 6,
      passes: [
        file: budget(
          "  a: { dimension: latency, max: 1s, regression: { sigma: 3, min_change: 5%, min_absolute: 2ms, min_runs: 5 } }"
        )
      ]),
    RuleExample(
      rule: .regressionSettings,
      triggers: [
        file: budget(
          "  a:\n    dimension: quality\n    min: 0.9\n    regression:\n      min_change: 150%")
      ],
      line: 10,
      passes: [
        file: budget(
          "  a:\n    dimension: quality\n    min: 0.9\n    regression:\n      min_change: 0.1")
      ]),
    RuleExample(
      rule: .regressionSettings,
      triggers: [
        file: budget("  a:\n    dimension: quality\n    min: 0.9\n    regression: { min_runs: 1 }")
      ],
      line: 9,
      passes: [
        file: budget("  a:\n    dimension: quality\n    min: 0.9\n    regression: { min_runs: 2 }")
      ]),
    RuleExample(
      rule: .unitMismatch,
      triggers: [
        file: budget("  a: { dimension: latency, max: 1s, regression: { min_absolute: 2MiB } }")
      ],
      line: 6,
      passes: [
        file: budget("  a: { dimension: latency, max: 1s, regression: { min_absolute: 20ms } }")
      ]),
    RuleExample(
      rule: .unknownBudget,
      triggers: [
        file: exception("metrics:\n  latency_p95: { max: 130ms }").replacingOccurrences(
          of: "budget: ranker", with: "budget: rankr")
      ], line: 4, passes: [file: exception("metrics:\n  latency_p95: { max: 130ms }")]),
    RuleExample(
      rule: .unknownMetric, triggers: [file: exception("metrics:\n  latency_p99: { max: 130ms }")],
      line: 6, passes: [file: exception("metrics:\n  latency_p95: { max: 130ms }")]),
    RuleExample(
      rule: .unknownEnvironment,
      triggers: [file: exception("environment: prod\nmetrics:\n  latency_p95: { max: 130ms }")],
      line: 5,
      passes: [file: exception("environment: staging\nmetrics:\n  latency_p95: { max: 160ms }")]),
    RuleExample(
      rule: .exceptionRedundant,
      triggers: [file: exception("environment: staging\nmetrics:\n  latency_p95: { max: 120ms }")],
      line: 7,
      // Expired on the fixture's day (2026-11-05): history, never judged against the budget.
      passes: [
        file: exception(
          "environment: staging\nmetrics:\n  latency_p95: { max: 120ms }", starts: "2026-10-01",
          expires: "2026-10-20")
      ], severity: .warning),
    RuleExample(
      rule: .exceptionNotLoosening,
      triggers: [file: exception("environment: staging\nmetrics:\n  latency_p95: { max: 120ms }")],
      line: 7, passes: [file: exception("metrics:\n  precision: { min: 85% }")], asChange: true),
    RuleExample(
      rule: .exceptionChainTooLong,
      triggers: [
        file: exception(
          "metrics:\n  latency_p95: { max: 130ms }", starts: "2026-11-01", expires: "2026-11-20"),
        ".budgets/next.yaml": exception(
          "metrics:\n  latency_p95: { max: 140ms }", starts: "2026-11-21", expires: "2026-12-10"
        ).replacingOccurrences(of: "EXC-1", with: "EXC-2"),
      ], line: 9,
      // A day without an exception between them: two deviations.
      passes: [
        file: exception(
          "metrics:\n  latency_p95: { max: 130ms }", starts: "2026-11-01", expires: "2026-11-20"),
        ".budgets/next.yaml": exception(
          "metrics:\n  latency_p95: { max: 140ms }", starts: "2026-11-22", expires: "2026-12-10"
        ).replacingOccurrences(of: "EXC-1", with: "EXC-2"),
      ]),
    RuleExample(
      rule: .exceptionDates,
      triggers: [
        file: exception(
          "metrics:\n  latency_p95: { max: 130ms }", starts: "2026-11-10", expires: "2026-11-01")
      ], line: 9,
      passes: [
        file: exception(
          "metrics:\n  latency_p95: { max: 130ms }", starts: "2026-11-10", expires: "2026-11-10")
      ]),
    RuleExample(
      rule: .exceptionTooLong,
      triggers: [
        file: exception(
          "metrics:\n  latency_p95: { max: 130ms }", starts: "2026-11-01", expires: "2026-12-01")
      ], line: 9,
      passes: [
        file: exception(
          "metrics:\n  latency_p95: { max: 130ms }", starts: "2026-11-01", expires: "2026-11-30")
      ]),
    RuleExample(
      rule: .importTool, triggers: [file: importMapping(locustP95, tool: "locst")], line: 3,
      passes: [file: importMapping(locustP95)]),
    RuleExample(
      rule: .importFigure,
      triggers: [
        file: importMapping(
          "  - budget: ranker\n    metric: latency_p95\n    name: h\n    unit: s",
          tool: "prometheus")
      ], line: 5, passes: [file: importMapping(promP95, tool: "prometheus")]),
    RuleExample(
      rule: .importTarget,
      triggers: [
        file: importMapping(
          "  - { name: /score, statistic: Failure Count, budget: ranker, metric: availability }")
      ], line: 5,
      passes: [
        file: importMapping(
          "  - budget: ranker\n    metric: availability\n    bad: { name: /score, statistic: Failure Count }\n    total: { name: /score, statistic: Request Count }"
        )
      ]),
    RuleExample(
      rule: .importDuplicate,
      triggers: [
        file: importMapping(
          locustP95
            + "\n  - { name: /score, statistic: \"99%\", budget: ranker, metric: latency_p95 }")
      ], line: 6,
      passes: [
        file: importMapping(
          locustP95
            + "\n  - { name: /score, statistic: \"90%\", budget: ranker, metric: precision, unit: 1 }"
        )
      ]),
  ]
}
