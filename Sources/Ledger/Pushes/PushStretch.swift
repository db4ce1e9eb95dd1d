import GitKit

/// A stretch of first-parent history that arrived in one recorded push: the commits after
/// `base` up to and including `tip`, judged together as the server judged them.
public struct PushStretch: Sendable, Hashable {
  /// The ref's tip before the push, which the push was judged against.
  public var base: Oid
  public var tip: Oid
  public var record: PushRecord

  /// The recorded pushes whose old and new tips both lie on the first-parent line from `to`
  /// back to `from` (`from` itself may be the base), oldest first. Pushes that overlap an
  /// earlier-starting one are left out, so each commit belongs to at most one stretch.
  public static func along(
    repository: Repository, from: Oid?, to: Oid, records: [Oid: [PushRecord]]
  ) throws(LedgerError) -> (stretches: [PushStretch], members: [Oid: Int]) {
    guard !records.isEmpty else { return ([], [:]) }
    var line: [Oid] = []
    do {
      let walk = try repository.revWalk(
        from: [to], hiding: from.map { [$0] } ?? [], firstParentOnly: true, order: .time)
      line = try walk.collect().reversed()
    } catch {
      throw .git(error)
    }
    var position: [Oid: Int] = [:]
    for (index, id) in line.enumerated() { position[id] = index }
    if let from { position[from] = -1 }
    var candidates: [(start: Int, end: Int, stretch: PushStretch)] = []
    for (tip, pushes) in records {
      guard let end = position[tip], end >= 0 else { continue }
      for push in pushes {
        guard let old = push.old, let start = position[old], start < end else { continue }
        candidates.append((start, end, PushStretch(base: old, tip: tip, record: push)))
      }
    }
    candidates.sort { ($0.start, -$0.end) < ($1.start, -$1.end) }
    var stretches: [PushStretch] = []
    var members: [Oid: Int] = [:]
    var reached = Int.min
    for candidate in candidates where candidate.start >= reached {
      reached = candidate.end
      for index in (candidate.start + 1)...candidate.end { members[line[index]] = stretches.count }
      stretches.append(candidate.stretch)
    }
    return (stretches, members)
  }
}
