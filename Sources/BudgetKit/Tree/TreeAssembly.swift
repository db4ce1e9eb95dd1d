/// A budget tree assembled from parsed files and kept up to date file by file: replacing a few
/// files costs in proportion to them (and to the tree's exceptions), not to the whole tree.
///
/// The tree is the one `BudgetTreeLoader.assemble` builds from the same files, with the same
/// checks across files: what each budget and approval file's references say is kept by path
/// and checked again only when the file or the Owners file changes; names used twice, the one
/// Owners file and the exception policy are worked out from indexes of names and kinds.
public struct TreeAssembly: Sendable {
  public let root: String
  /// The day exceptions are judged on; `judge(on:)` moves it.
  public private(set) var day: CalendarDay
  /// The assembled tree.
  public private(set) var tree: BudgetTree
  /// The parsed files, sorted by path.
  private var files: [ParsedFile] = []
  /// Problems with files that were not parsed (links, files too large), kept apart.
  private var unparsed: [Diagnostic] = []
  /// Paths of the files holding an Owners document, in path order.
  private var ownersPaths: [String] = []
  /// Paths of the budgets and exceptions holding each name, in path order.
  private var budgetUses: [BudgetName: [String]] = [:]
  private var exceptionUses: [ExceptionID: [String]] = [:]
  private var duplicateBudgets = Set<BudgetName>()
  private var duplicateExceptions = Set<ExceptionID>()
  /// What the Owners file says of itself, and of each budget or approval file with a problem
  /// (by path), as `OwnersReferenceCheck` finds against the current Owners file.
  private var ownersDiagnostics: [Diagnostic] = []
  private var referenceDiagnostics: [String: [Diagnostic]] = [:]

  /// The tree of these files; `ignored` and `diagnostics` describe files that were not parsed.
  public init(
    _ parsed: [ParsedFile], ignored: [IgnoredFile] = [], diagnostics: [Diagnostic] = [],
    root: String = ".budgets", day: CalendarDay = .today
  ) {
    self.root = root
    self.day = day
    tree = BudgetTree()
    replace(with: parsed, removing: [], ignored: ignored, diagnostics: diagnostics)
  }

  /// Puts `parsed` in place of the files at their paths, removes the files at `removed`, and
  /// checks the tree again. `ignored` and `diagnostics` replace those of files not parsed;
  /// `day`, when given, is the day exceptions are judged on from now on.
  public mutating func replace(
    with parsed: [ParsedFile], removing removed: [String], ignored: [IgnoredFile] = [],
    diagnostics: [Diagnostic] = [], on day: CalendarDay? = nil
  ) {
    if let day { self.day = day }
    var ownersChanged = false
    var touched: [String] = []
    for path in removed + parsed.map(\.path) {
      guard let index = index(of: path) else { continue }
      if case .owners? = files[index].document { ownersChanged = true }
      forget(files.remove(at: index))
    }
    for file in parsed {
      let index = position(of: file.path, in: files, \.path)
      guard index == files.count || files[index].path != file.path else { continue }
      files.insert(file, at: index)
      if case .owners? = file.document { ownersChanged = true }
      learn(file)
      touched.append(file.path)
    }
    tree.ignored = ignored
    unparsed = diagnostics
    if ownersChanged {
      tree.owners = ownersPaths.first.flatMap { path in
        if case .owners(let owners)? = file(at: path)?.document { return owners }
        return nil
      }
      checkReferences(files.map(\.path), ownersChanged: true)
    } else {
      checkReferences(touched, ownersChanged: false)
    }
    tree.day = day
    tree.diagnostics = crossFileDiagnostics()
  }

  /// Judges the exceptions on another day (the tree's files stay as they are).
  public mutating func judge(on day: CalendarDay) {
    guard day != self.day else { return }
    self.day = day
    tree.day = day
    tree.diagnostics = crossFileDiagnostics()
  }

  // MARK: - Files in and out

  private func index(of path: String) -> Int? {
    let index = position(of: path, in: files, \.path)
    return index < files.count && files[index].path == path ? index : nil
  }

  private func file(at path: String) -> ParsedFile? {
    index(of: path).map { files[$0] }
  }

  /// Adds what one file holds to the tree and the indexes.
  private mutating func learn(_ file: ParsedFile) {
    let path = file.path
    Self.insert(path, into: &tree.paths)
    if let digest = file.digest { tree.digests[path] = digest }
    switch file.document {
    case .owners?: Self.insert(path, into: &ownersPaths)
    case .budget(let budget)?:
      tree.budgets.insert(budget, at: position(of: path, in: tree.budgets, \.path))
      let name = budget.name.value
      Self.insert(path, into: &budgetUses[name, default: []])
      if budgetUses[name]!.count > 1 { duplicateBudgets.insert(name) }
    case .exception(let exception)?:
      tree.exceptions.insert(exception, at: position(of: path, in: tree.exceptions, \.path))
      let id = exception.id.value
      Self.insert(path, into: &exceptionUses[id, default: []])
      if exceptionUses[id]!.count > 1 { duplicateExceptions.insert(id) }
    case .approval(let approval)?:
      tree.approvals.insert(approval, at: position(of: path, in: tree.approvals, \.path))
    case .importMapping(let mapping)?:
      tree.imports.insert(mapping, at: position(of: path, in: tree.imports, \.path))
    case nil: break
    }
  }

  /// Takes what one file held out of the tree and the indexes.
  private mutating func forget(_ file: ParsedFile) {
    let path = file.path
    Self.remove(path, from: &tree.paths)
    tree.digests[path] = nil
    referenceDiagnostics[path] = nil
    switch file.document {
    case .owners?: Self.remove(path, from: &ownersPaths)
    case .budget(let budget)?:
      let index = position(of: path, in: tree.budgets, \.path)
      if index < tree.budgets.count, tree.budgets[index].path == path {
        tree.budgets.remove(at: index)
      }
      let name = budget.name.value
      Self.remove(path, from: &budgetUses[name, default: []])
      if budgetUses[name]!.count < 2 { duplicateBudgets.remove(name) }
      if budgetUses[name]!.isEmpty { budgetUses[name] = nil }
    case .exception(let exception)?:
      let index = position(of: path, in: tree.exceptions, \.path)
      if index < tree.exceptions.count, tree.exceptions[index].path == path {
        tree.exceptions.remove(at: index)
      }
      let id = exception.id.value
      Self.remove(path, from: &exceptionUses[id, default: []])
      if exceptionUses[id]!.count < 2 { duplicateExceptions.remove(id) }
      if exceptionUses[id]!.isEmpty { exceptionUses[id] = nil }
    case .approval?:
      let index = position(of: path, in: tree.approvals, \.path)
      if index < tree.approvals.count, tree.approvals[index].path == path {
        tree.approvals.remove(at: index)
      }
    case .importMapping?:
      let index = position(of: path, in: tree.imports, \.path)
      if index < tree.imports.count, tree.imports[index].path == path {
        tree.imports.remove(at: index)
      }
    case nil: break
    }
  }

  // MARK: - Checks across files

  /// Checks the references of the files at these paths against the current Owners file, and
  /// the Owners file itself when it changed (then `paths` are all the files).
  private mutating func checkReferences(_ paths: [String], ownersChanged: Bool) {
    guard let owners = tree.owners else {
      ownersDiagnostics = []
      referenceDiagnostics = [:]
      return
    }
    if ownersChanged {
      let collector = DiagnosticCollector()
      OwnersReferenceCheck(owners: owners, collector: collector).checkOwnersFile()
      ownersDiagnostics = collector.diagnostics
      referenceDiagnostics = [:]
    }
    for path in paths {
      let collector = DiagnosticCollector()
      let check = OwnersReferenceCheck(owners: owners, collector: collector)
      switch file(at: path)?.document {
      case .budget(let budget)?: check.check(budget)
      case .approval(let approval)?: check.check(approval)
      default: break
      }
      referenceDiagnostics[path] = collector.diagnostics.isEmpty ? nil : collector.diagnostics
    }
  }

  /// Every diagnostic of the tree, in the order `BudgetTreeLoader.assemble` gives them.
  private func crossFileDiagnostics() -> [Diagnostic] {
    var diagnostics = unparsed
    for file in files where !file.diagnostics.isEmpty { diagnostics += file.diagnostics }
    let validator = TreeValidator(root: root, day: day)
    let collector = DiagnosticCollector()
    validator.checkOwnersCount(
      ownerFiles: ownersPaths.compactMap { file(at: $0)?.kind }, collector)
    for name in duplicateBudgets {
      let uses = (budgetUses[name] ?? []).compactMap { path -> Located<BudgetName>? in
        if case .budget(let budget)? = file(at: path)?.document { return budget.name }
        return nil
      }
      validator.checkUnique(uses, noun: "budget name", collector)
    }
    for id in duplicateExceptions {
      let uses = (exceptionUses[id] ?? []).compactMap { path -> Located<ExceptionID>? in
        if case .exception(let exception)? = file(at: path)?.document { return exception.id }
        return nil
      }
      validator.checkUnique(uses, noun: "exception id", collector)
    }
    diagnostics += collector.diagnostics
    if tree.owners != nil {
      diagnostics += ownersDiagnostics
      // Budgets' references before approvals', each kind in path order.
      let checked = referenceDiagnostics.keys.sorted { a, b in
        let (approvalA, approvalB) = (isApproval(a), isApproval(b))
        return approvalA == approvalB ? a < b : approvalB
      }
      for path in checked { diagnostics += referenceDiagnostics[path] ?? [] }
    }
    if !tree.exceptions.isEmpty {
      let policy = ExceptionPolicyCheck(
        budget: { name in
          guard let path = budgetUses[name]?.first,
            case .budget(let budget)? = file(at: path)?.document
          else { return nil }
          return budget
        },
        budgetNames: { budgetUses.keys.map(\.rawValue).sorted() },
        rules: tree.owners?.rules ?? Rules(), day: day, collector: DiagnosticCollector())
      policy.check(tree.exceptions)
      diagnostics += policy.collector.diagnostics
    }
    if !tree.imports.isEmpty {
      let collector = DiagnosticCollector()
      ImportReferenceCheck(budgets: tree.budgets, collector: collector).check(tree.imports)
      diagnostics += collector.diagnostics
    }
    return diagnostics.sortedByLocation()
  }

  private func isApproval(_ path: String) -> Bool {
    if case .approval? = file(at: path)?.document { return true }
    return false
  }

  // MARK: - Sorted arrays

  private static func insert(_ path: String, into paths: inout [String]) {
    let index = position(of: path, in: paths, \.self)
    if index == paths.count || paths[index] != path { paths.insert(path, at: index) }
  }

  private static func remove(_ path: String, from paths: inout [String]) {
    let index = position(of: path, in: paths, \.self)
    if index < paths.count, paths[index] == path { paths.remove(at: index) }
  }
}

/// The index of the first element whose path is not before `path`, in an array sorted by path.
private func position<Element>(
  of path: String, in elements: [Element], _ pathOf: (Element) -> String
) -> Int {
  var (low, high) = (0, elements.count)
  while low < high {
    let middle = (low + high) / 2
    if pathOf(elements[middle]) < path { low = middle + 1 } else { high = middle }
  }
  return low
}
