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
  ])
  func names(field: ChangeField, name: String) {
    #expect(field.name == name)
    let change = BudgetChange(category: .budget, kind: .changed, subject: field, path: "p")
    #expect(change.field == name)
  }

  @Test func boundKeyOnlyForBounds() {
    #expect(ChangeField.bound(.slo).boundKey == .slo)
    #expect(ChangeField.owner.boundKey == nil)
  }
}
