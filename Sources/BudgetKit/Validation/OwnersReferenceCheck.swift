/// Checks that every team, dimension and member named anywhere is defined in the Owners file.
struct OwnersReferenceCheck {
  let owners: Owners
  let collector: DiagnosticCollector

  func check(budgets: [Budget], approvals: [Approval]) {
    checkOwnersFile()
    budgets.forEach(check)
    approvals.forEach(check)
  }

  /// The budget's accountable team and its metrics' dimensions.
  func check(_ budget: Budget) {
    checkTeam(
      budget.owner.value, at: budget.owner.location,
      what: "owner of budget `\(budget.name.value)`")
    for name in budget.metricOrder {
      guard let metric = budget.metrics[name] else { continue }
      let dimension = metric.dimension
      if owners.dimensions[dimension.value] == nil {
        collector.report(
          .unknownDimension, at: dimension.location,
          "dimension `\(dimension.value)` of metric `\(name)` is not defined in \(owners.path)",
          hint: Suggestion.hint(
            for: dimension.value.rawValue, among: owners.dimensions.keys.map(\.rawValue).sorted())
        )
      }
    }
  }

  /// The approval's signer.
  func check(_ approval: Approval) {
    guard owners.teams(of: approval.by.value).isEmpty else { return }
    collector.report(
      .unknownMember, at: approval.by.location,
      "`\(approval.by.value)` is not a member of any team in \(owners.path)",
      hint: Suggestion.closest(to: approval.by.value.rawValue, among: allMembers).map {
        "did you mean `\($0)`?"
      })
  }

  private var allMembers: [String] {
    Array(Set(owners.teams.values.flatMap { $0.members.map(\.name.rawValue) })).sorted()
  }

  /// The teams the Owners file itself names.
  func checkOwnersFile() {
    let start = SourceLocation.start(of: owners.path)
    for team in owners.governance.teams {
      checkTeam(team, at: owners.governance.locations[team] ?? start, what: "a `governance` owner")
    }
    for dimension in owners.dimensions.values.sorted(by: { $0.name < $1.name }) {
      for team in dimension.signOff.teams {
        checkTeam(
          team, at: dimension.signOff.locations[team] ?? start,
          what: "an owner of dimension `\(dimension.name)`")
      }
    }
  }

  private func checkTeam(_ team: TeamName, at location: SourceLocation, what: String) {
    guard owners.teams[team] == nil else { return }
    collector.report(
      .unknownTeam, at: location, "team `\(team)`, \(what), is not defined in \(owners.path)",
      hint: Suggestion.hint(for: team.rawValue, among: owners.teamOrder.map(\.rawValue)))
  }
}
