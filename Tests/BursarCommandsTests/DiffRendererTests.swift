import BudgetKit
import Testing

@testable import BursarCommands

/// Every format of `diff` on one hand-built report.
@Suite struct DiffRendererTests {
  let report = DiffReport(
    from: "main", to: "HEAD",
    changes: [
      BudgetChange(
        .bound(
          BoundChange(
            budget: "checkout", environment: .production, metric: "p95", key: .max,
            old: Self.quantity("300ms"), new: Self.quantity("450ms"), relativeChange: 0.5)),
        kind: .loosen, path: ".budgets/checkout.yaml"),
      BudgetChange(
        .bound(
          BoundChange(
            budget: "checkout", environment: "staging", metric: "p95", key: .max,
            old: Self.quantity("500ms"), new: Self.quantity("400ms"), relativeChange: -0.2)),
        kind: .tighten, path: ".budgets/checkout.yaml"),
      BudgetChange(
        .exception(
          ExceptionChange(
            id: "EXC-1", budget: "checkout", environment: .production, action: .created,
            starts: CalendarDay("2026-12-01")!, expires: CalendarDay("2026-12-31")!,
            reason: "peak season",
            field: .grant(
              ExceptionChange.Grant(
                metric: "p95", key: .max, old: nil, new: Self.quantity("600ms"),
                budgetValue: Self.quantity("450ms"))))),
        kind: .added, path: ".budgets/exceptions/exc.yaml"),
    ])

  static func quantity(_ text: String) -> Quantity {
    try! QuantityParser.parse(text).get()
  }

  @Test func text() {
    #expect(
      DiffTextRenderer(style: Style(enabled: false)).render(report) == """
        Budget changes from main to HEAD: budgets: 1 loosening, 1 tightening; exceptions: 1 created

        checkout  .budgets/checkout.yaml
          loosen   production  p95  max  300ms → 450ms  +50.0%
          tighten  staging     p95  max  500ms → 400ms  -20.0%

        Exceptions
          created  EXC-1  checkout  production  p95  max: 450ms → 600ms  until 2026-12-31
        """)
  }

  @Test func markdown() {
    #expect(
      DiffMarkdownRenderer().render(report) == """
        ### bursar: budget changes

        ⚠️ **budgets: 1 loosening, 1 tightening; exceptions: 1 created** in 1 budget (`main` → `HEAD`).

        #### ⚠️ `checkout` (`.budgets/checkout.yaml`)

        | change | environment | metric | field | old | new | Δ |
        | --- | --- | --- | --- | --- | --- | --- |
        | **loosen** | production | p95 | max | 300ms | 450ms | +50.0% |
        | tighten | staging | p95 | max | 500ms | 400ms | -20.0% |

        #### Exceptions

        | change | exception | budget | environment | metric | against the budget | until |
        | --- | --- | --- | --- | --- | --- | --- |
        | created | EXC-1 | checkout | production | p95 | max: 450ms → 600ms | until 2026-12-31 |

        """)
  }

  @Test func json() {
    #expect(
      JSONRenderer(DiffJSON.init).render(report) == """
        {
          "changes" : [
            {
              "action" : null,
              "approval_state" : null,
              "budget" : "checkout",
              "budget_value" : null,
              "category" : "budget",
              "environment" : "production",
              "exception" : null,
              "expires" : null,
              "field" : "max",
              "kind" : "loosen",
              "metric" : "p95",
              "new" : "450ms",
              "note" : null,
              "old" : "300ms",
              "path" : ".budgets/checkout.yaml",
              "relative_change" : 0.5
            },
            {
              "action" : null,
              "approval_state" : null,
              "budget" : "checkout",
              "budget_value" : null,
              "category" : "budget",
              "environment" : "staging",
              "exception" : null,
              "expires" : null,
              "field" : "max",
              "kind" : "tighten",
              "metric" : "p95",
              "new" : "400ms",
              "note" : null,
              "old" : "500ms",
              "path" : ".budgets/checkout.yaml",
              "relative_change" : -0.2
            },
            {
              "action" : "created",
              "approval_state" : null,
              "budget" : "checkout",
              "budget_value" : "450ms",
              "category" : "exception",
              "environment" : "production",
              "exception" : "EXC-1",
              "expires" : "2026-12-31",
              "field" : "max",
              "kind" : "added",
              "metric" : "p95",
              "new" : "600ms",
              "note" : "2026-12-01 to 2026-12-31: peak season",
              "old" : null,
              "path" : ".budgets/exceptions/exc.yaml",
              "relative_change" : null
            }
          ],
          "from" : "main",
          "to" : "HEAD"
        }
        """)
  }
}
