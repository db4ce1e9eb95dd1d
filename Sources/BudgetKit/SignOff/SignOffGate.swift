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
  /// What the recorded baselines of each side resolved to, read from the recorded runs by the
  /// ledger; empty when none was read, so a changed recorded baseline is a loosening.
  public var baseBaselines = ResolvedBaselines()
  public var headBaselines = ResolvedBaselines()

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
    return verdict(from: baseSide, to: DiffSide(tree: head, root: root))
  }

  /// The verdict on a change known to differ from its base only in `paths` (files relative to
  /// the repository root): the same changes, requirements, reviews, head errors, policy
  /// problems and suggested signers as `verdict()`, found without comparing the files the
  /// change did not touch (see `TouchedSides`).
  public func verdict(touching paths: Set<String>) -> GateVerdict {
    let sides = TouchedSides(base: base, head: head, touching: paths, root: root)
    return verdict(from: sides.base, to: sides.head)
  }

  private func verdict(from baseSide: DiffSide, to headSide: DiffSide) -> GateVerdict {
    var (baseSide, headSide) = (baseSide, headSide)
    baseSide.baselines = baseBaselines
    headSide.baselines = headBaselines
    let changes = BudgetDiff.changes(from: baseSide, to: headSide)
    let owners = base?.owners
    let needs = RequiredSignOffs(owners: owners, base: baseSide, head: headSide).required(
      for: changes)
    let authorMembers = self.authorMembers(owners)
    let excluded = Set(authorMembers.keys)
    let reviews =
      owners.map {
        ApprovalVerifier(owners: $0, headDigests: head.digests, root: root, authors: excluded)
          .review(relevantApprovals(changes, needs), messages: messages)
      } ?? []
    let matcher = SignOffMatcher(teamsOf: teamsOf(owners))
    let statuses = needs.map { need -> GateVerdict.Status in
      let signers = reviews.filter { $0.isGenuine && $0.freshPaths.contains(need.path) }.map(\.by)
      return GateVerdict.Status(
        requirement: need, satisfied: matcher.isSatisfied(need.signOff, approvers: signers),
        approvers: matcher.counting(need.signOff, approvers: signers),
        candidates: candidates(for: need.signOff, owners: owners, excluding: excluded),
        excluded: exclusions(for: need.signOff, owners: owners, authors: authorMembers))
    }
    let suggested = SignerCover(matcher: matcher).cover(
      statuses, reviews: reviews, candidates: eligible(owners, excluding: excluded))
    return GateVerdict(
      changes: changes, required: statuses, reviews: reviews,
      headErrors: head.diagnostics.filter { $0.severity == .error },
      policyProblems: exceptionProblems(changes, owners: owners), suggestedSigners: suggested)
  }

  /// The members of the base owners who authored the change, each with the author git records.
  private func authorMembers(_ owners: Owners?) -> [MemberName: ChangeAuthor] {
    guard let owners else { return [:] }
    var found: [MemberName: ChangeAuthor] = [:]
    for author in authors {
      for member in author.members(in: owners) where found[member] == nil {
        found[member] = author
      }
    }
    return found
  }

  /// The approval records that bear on the change: those it adds, changes or removes; those
  /// that bind (freshly) a file needing a sign-off; and those that bound, in the base, a file
  /// the change alters. Older records about other files, or already stale, are history.
  private func relevantApprovals(_ changes: [BudgetChange], _ needs: [RequiredSignOff])
    -> [Approval]
  {
    let needed = Set(needs.map(\.path))
    let changedRecords = Set(changes.filter { $0.category == .approval }.map(\.path))
    let touched = Set(changes.filter { $0.category != .approval }.map(\.path))
    let baseDigests = base?.digests ?? [:]
    return head.approvals.filter { approval in
      changedRecords.contains(approval.path)
        || approval.approves.contains { file in
          let path = root + "/" + file.path.value
          let signed = file.digest.value
          if needed.contains(path) && (head.digests[path] ?? MeaningDigest.deleted) == signed {
            return true
          }
          return touched.contains(path) && (baseDigests[path] ?? MeaningDigest.deleted) == signed
        }
    }
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
        if owners.rules.signatures == .required && owners.keys(of: member.name).isEmpty {
          continue
        }
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

  /// Members of the listed teams who cannot count for the sign-off, with why.
  private func exclusions(
    for signOff: SignOff, owners: Owners?, authors: [MemberName: ChangeAuthor]
  ) -> [SignerExclusion] {
    guard let owners else { return [] }
    let members = Set(signOff.teams.flatMap { owners.teams[$0]?.members.map(\.name) ?? [] })
    return members.sorted().compactMap { name in
      var reasons: [SignerExclusion.Reason] = []
      if owners.rules.signatures == .required && owners.keys(of: name).isEmpty {
        reasons.append(.noKey)
      }
      if !owners.rules.selfApproval, let author = authors[name] {
        reasons.append(.author(author))
      }
      return reasons.isEmpty ? nil : SignerExclusion(member: name, reasons: reasons)
    }
  }

  /// New or extended exceptions must grant something and fit the base's
  /// `max_exception_days`, alone and back to back with others, whatever the head says.
  ///
  /// An exception the change withdraws still counts in a chain once it had started: removing
  /// the record of a deviation does not make the next one start afresh.
  private func exceptionProblems(_ changes: [BudgetChange], owners: Owners?) -> [String] {
    let kept = Set(head.exceptions.map(\.id.value))
    let withdrawn = (base?.exceptions ?? []).filter { exception in
      !kept.contains(exception.id.value)
        && head.day.map { exception.starts.value <= $0 } ?? true
    }
    return ChangedExceptionPolicy(changes: changes).problems(
      head: head.exceptions, withdrawn: withdrawn, diagnostics: head.diagnostics,
      limit: owners?.rules.maxExceptionDays)
  }
}
