import GitKit

extension AuditTrail {
  /// The audit trail of `range` (REV, A..B or A...B; HEAD when nil) as `log` and `export
  /// --audit` read it: each commit's entries that `filter` keeps, newest commit first, handed
  /// to `each` with the commit's first entry (the one its texts are read from).
  ///
  /// - Returns: the git failure that stopped the walk part-way (a shallow clone), after every
  ///   entry read before it; nil when the walk reached its end. An unresolvable range or an
  ///   unreadable budgets file is thrown.
  public static func read(
    _ range: String?, firstParentOnly: Bool, in repository: Repository, filter: AuditFilter,
    each: (_ entries: [AuditEntry], _ first: AuditEntry) -> Void
  ) throws(LedgerError) -> LedgerError? {
    let scope = try RevisionResolver(repository: repository).scope(
      range, firstParentOnly: firstParentOnly)
    guard let scope else { return nil }
    do throws(LedgerError) {
      let trail = try AuditTrail(repository: repository, scope: scope)
      while let commit = try trail.next() {
        guard let first = commit.entries.first else { continue }
        each(commit.entries.filter(filter.includes), first)
      }
    } catch {
      guard case .git = error else { throw error }
      return error
    }
    return nil
  }
}
