import BudgetKit
import Testing

/// A change's field is typed: what sign-off policy and the diff switch over, named as output
/// writes it.
@Suite struct ChangeFieldTests {
  @Test(arguments: [
    (ChangeField.bound(.max), "max"), (.bound(.window), "window"), (.owner, "owner"),
    (.dimension, "dimension"), (.starts, "starts"), (.expires, "expires"), (.reason, "reason"),
    (.ticket, "ticket"), (.approval, "approval"), (.ownersFile, "owners"),
    (.owners(path: "teams.sre.members"), "teams.sre.members"),
    (.importFigure(.locust), "import.locust"),
    (.importFigure(.pytestBenchmark), "import.pytest-benchmark"),
  ])
  func names(field: ChangeField, name: String) {
    #expect(field.name == name)
  }

  @Test func boundKeyOnlyForBounds() {
    #expect(ChangeField.bound(.slo).boundKey == .slo)
    #expect(ChangeField.owner.boundKey == nil)
  }

  /// Each Owners change names its dotted path in the file.
  @Test(arguments: [
    (OwnersChange.file(oldTeams: nil, newTeams: 2), "owners"),
    (.team("sre", old: nil, new: ["alice"]), "teams.sre"),
    (.member(team: "sre", old: nil, new: "bob"), "teams.sre.members"),
    (.email(team: "sre", member: "bob", old: nil, new: "b@x"), "teams.sre.members.bob.email"),
    (.key(team: "sre", member: "bob", old: "k", new: nil), "teams.sre.members.bob.keys"),
    (.runbook("latency", old: nil, new: "r"), "dimensions.latency.runbook"),
    (.rule(.maxExceptionDays(old: 90, new: 120)), "rules.max_exception_days"),
    (.rule(.approvers(.exception, old: .owners, new: .none)), "rules.exception"),
  ])
  func ownersFields(change: OwnersChange, name: String) {
    #expect(change.field.name == name)
    let wrapped = BudgetChange(.owners(change), kind: .changed, path: ".budgets/owners.yaml")
    #expect(wrapped.category == .governance && wrapped.field == change.field)
    #expect(wrapped.budget == nil && wrapped.environment == nil && wrapped.metric == nil)
  }
}
