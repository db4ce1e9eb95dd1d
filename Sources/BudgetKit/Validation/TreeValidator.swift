/// The checks across files: one Owners file, unique names, references that resolve, and the
/// exception policy.
struct TreeValidator {
  let root: String
  /// The day exceptions are judged on (`ExceptionPolicyCheck`).
  let day: CalendarDay

  /// - Parameter budgetNames: the names hints offer, when `documents` are part of a tree.
  func validate(
    _ documents: [BudgetDocument], kinds: [Located<DocumentKind>],
    budgetNames: Set<BudgetName>? = nil
  ) -> [Diagnostic] {
    let collector = DiagnosticCollector()
    let owners = checkOwnersCount(documents, kinds: kinds, collector)
    var budgets: [Budget] = []
    var exceptions: [BudgetException] = []
    var approvals: [Approval] = []
    var imports: [ImportMapping] = []
    for document in documents {
      switch document {
      case .budget(let budget): budgets.append(budget)
      case .exception(let exception): exceptions.append(exception)
      case .approval(let approval): approvals.append(approval)
      case .importMapping(let mapping): imports.append(mapping)
      case .owners: break
      }
    }
    checkUnique(budgets.map(\.name), noun: "budget name", collector)
    checkUnique(exceptions.map(\.id), noun: "exception id", collector)
    if let owners {
      OwnersReferenceCheck(owners: owners, collector: collector).check(
        budgets: budgets, approvals: approvals)
    }
    let byName = Dictionary(
      budgets.map { ($0.name.value, $0) }, uniquingKeysWith: { first, _ in first })
    let hintNames = (budgetNames ?? Set(byName.keys)).map(\.rawValue).sorted()
    let policy = ExceptionPolicyCheck(
      budget: { byName[$0] }, budgetNames: { hintNames }, rules: owners?.rules ?? Rules(),
      day: day, collector: collector)
    policy.check(exceptions)
    ImportReferenceCheck(budgets: budgets, collector: collector, hintNames: hintNames).check(
      imports)
    return collector.diagnostics
  }

  private func checkOwnersCount(
    _ documents: [BudgetDocument], kinds: [Located<DocumentKind>], _ collector: DiagnosticCollector
  ) -> Owners? {
    let owners = documents.compactMap { document -> Owners? in
      if case .owners(let owners) = document { return owners }
      return nil
    }
    checkOwnersCount(ownerFiles: kinds.filter { $0.value == .owners }, collector)
    return owners.first
  }

  /// Exactly one Owners file; `ownerFiles` are where each one's kind is written, in path order.
  func checkOwnersCount(ownerFiles: [Located<DocumentKind>], _ collector: DiagnosticCollector) {
    if ownerFiles.isEmpty {
      collector.report(
        .ownersMissing, at: .start(of: root), "no `kind: Owners` file under \(root)/",
        remedy: .initialiseOwners)
    }
    for extra in ownerFiles.dropFirst() {
      collector.report(
        .ownersDuplicate, at: extra.location,
        "a second `kind: Owners` file; there must be exactly one",
        hint: "the first is \(ownerFiles[0].location.path)")
    }
  }

  /// Each name used once; `names` in path order.
  func checkUnique<Kind>(
    _ names: [Located<Identifier<Kind>>], noun: String, _ collector: DiagnosticCollector
  ) {
    let groups = Dictionary(grouping: names, by: \.value)
    for (name, uses) in groups where uses.count > 1 {
      for use in uses {
        let others = uses.filter { $0.location != use.location }.map { $0.location.description }
        collector.report(
          .duplicateName, at: use.location, "\(noun) `\(name)` is used more than once",
          hint: "also at \(others.joined(separator: ", "))")
      }
    }
  }
}
