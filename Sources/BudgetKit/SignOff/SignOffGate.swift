/// Judges a change from a base tree to a head tree: the head validates, every required
/// sign-off has a genuine, fresh approval, and new or extended exceptions keep the base's limit.
///
/// Everything that decides (owners, teams, keys, rules) comes from the base; the head only
/// supplies the change and the approval records.
public struct SignOffGate: Sendable {
  public var base: BudgetTree?
  public var head: BudgetTree
  /// Signed bytes of each approval record in the head, by its path.
  public var messages: [String: [UInt8]]
  public var authors: [ChangeAuthor]
  public var root: String

  public init(
    base: BudgetTree?, head: BudgetTree, messages: [String: [UInt8]], authors: [ChangeAuthor] = [],
    root: String = ".budgets"
  ) {
    self.base = base
    self.head = head
    self.messages = messages
    self.authors = authors
    self.root = root
  }

  public func verdict() -> GateVerdict {
    let baseSide = base.map { DiffSide(tree: $0, root: root) } ?? DiffSide(root: root)
    return verdict(from: baseSide, to: DiffSide(tree: head, root: root), reviewingAll: true)
  }

  /// The verdict on a change known to differ from its base only in `paths` (files relative to
  /// the repository root): the same changes, requirements, head errors, policy problems and
  /// suggested signers as `verdict()`, found without comparing the files the change did not
  /// touch (see `TouchedSides`). Only the approvals that bear on the outcome are verified, so
  /// `reviews` holds just those covering a required file and those at the path of an approval
  /// change.
  public func verdict(touching paths: Set<String>) -> GateVerdict {
    let sides = TouchedSides(base: base, head: head, touching: paths, root: root)
    return verdict(from: sides.base, to: sides.head, reviewingAll: false)
  }

  private func verdict(from baseSide: DiffSide, to headSide: DiffSide, reviewingAll: Bool)
    -> GateVerdict
  {
    let changes = BudgetDiff.changes(from: baseSide, to: headSide)
    let owners = base?.owners
    let needs = RequiredSignOffs(owners: owners, base: baseSide, head: headSide).required(
      for: changes)
    let authorMembers =
      owners.map { owners in
        authors.reduce(into: Set<MemberName>()) { $0.formUnion($1.members(in: owners)) }
      } ?? []
    var approvals = head.approvals
    if !reviewingAll {
      // A review counts only for a required file or as the approval change it reports.
      let needed = Set(needs.map(\.path))
      let changed = Set(changes.filter { $0.category == .approval }.map(\.path))
      approvals = approvals.filter { approval in
        changed.contains(approval.path)
          || approval.approves.contains { needed.contains(root + "/" + $0.path.value) }
      }
    }
    let reviews =
      owners.map {
        ApprovalVerifier(owners: $0, headDigests: head.digests, root: root, authors: authorMembers)
          .review(approvals, messages: messages)
      } ?? []
    let matcher = SignOffMatcher(teamsOf: teamsOf(owners))
    let statuses = needs.map { need -> GateVerdict.Status in
      let signers = reviews.filter { $0.isGenuine && $0.freshPaths.contains(need.path) }.map(\.by)
      return GateVerdict.Status(
        requirement: need, satisfied: matcher.isSatisfied(need.signOff, approvers: signers),
        approvers: matcher.counting(need.signOff, approvers: signers),
        candidates: candidates(for: need.signOff, owners: owners, excluding: authorMembers))
    }
    let suggested = SignerCover(matcher: matcher).cover(
      statuses, reviews: reviews, candidates: eligible(owners, excluding: authorMembers))
    return GateVerdict(
      changes: changes, required: statuses, reviews: reviews,
      headErrors: head.diagnostics.filter { $0.severity == .error },
      policyProblems: exceptionProblems(changes, owners: owners), suggestedSigners: suggested)
  }

  private func teamsOf(_ owners: Owners?) -> [MemberName: Set<TeamName>] {
    var teams: [MemberName: Set<TeamName>] = [:]
    for team in owners?.teams.values.map({ $0 }) ?? [] {
      for member in team.members { teams[member.name, default: []].insert(team.name) }
    }
    return teams
  }

  /// Members who could give an approval that counts: listed in the base, not authors when
  /// self-approval is off, and with a key when signatures are required.
  private func eligible(_ owners: Owners?, excluding authors: Set<MemberName>) -> [MemberName] {
    guard let owners else { return [] }
    var names = Set<MemberName>()
    for team in owners.teams.values {
      for member in team.members {
        if !owners.rules.selfApproval && authors.contains(member.name) { continue }
        if owners.rules.signatures == .required && member.keys.isEmpty { continue }
        names.insert(member.name)
      }
    }
    return names.sorted()
  }

  private func candidates(for signOff: SignOff, owners: Owners?, excluding authors: Set<MemberName>)
    -> [MemberName]
  {
    let listed = Set(signOff.teams)
    return eligible(owners, excluding: authors).filter { name in
      !Set(owners?.teams(of: name) ?? []).isDisjoint(with: listed)
    }
  }

  /// New or extended exceptions must fit the base's `max_exception_days`, whatever the head says.
  private func exceptionProblems(_ changes: [BudgetChange], owners: Owners?) -> [String] {
    guard let limit = owners?.rules.maxExceptionDays else { return [] }
    let touched = Set(
      changes.filter {
        $0.category == .exception && ($0.action == .created || $0.action == .extended)
      }
      .compactMap(\.exception))
    return head.exceptions.filter { touched.contains($0.id.value) && $0.lengthInDays > limit }
      .sorted { $0.id.value < $1.id.value }
      .map {
        "exception \($0.id.value) in \($0.path) lasts \($0.lengthInDays) days; the base allows at most \(limit)"
      }
  }
}
