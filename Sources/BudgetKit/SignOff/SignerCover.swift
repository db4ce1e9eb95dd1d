/// Picks few people whose approvals would meet every missing sign-off, by greedy set cover:
/// repeatedly the person who advances the most unmet sign-offs. Greedy is not always minimal,
/// but it is within a logarithmic factor of it and instant at the sizes of an Owners file.
struct SignerCover {
  var matcher: SignOffMatcher

  func cover(_ statuses: [GateVerdict.Status], reviews: [ApprovalReview], candidates: [MemberName])
    -> [MemberName]
  {
    let open = statuses.filter { !$0.satisfied }
    guard !open.isEmpty else { return [] }
    var signers: [Int: [MemberName]] = [:]
    for (index, status) in open.enumerated() {
      signers[index] = reviews.filter {
        $0.isGenuine && $0.freshPaths.contains(status.requirement.path)
      }
      .map(\.by)
    }
    var chosen: [MemberName] = []
    var remaining = candidates
    while true {
      var best: (name: MemberName, gain: Int)?
      for name in remaining {
        let gain = open.indices.reduce(0) { total, index in
          total + progress(open[index], signers[index]! + chosen + [name])
            - progress(open[index], signers[index]! + chosen)
        }
        if gain > 0 && gain > (best?.gain ?? 0) { best = (name, gain) }
      }
      guard let best else { break }
      chosen.append(best.name)
      remaining.removeAll { $0 == best.name }
    }
    return chosen
  }

  private func progress(_ status: GateVerdict.Status, _ approvers: [MemberName]) -> Int {
    min(
      matcher.match(status.requirement.signOff, approvers: approvers).count,
      SignOffMatcher.needed(status.requirement.signOff))
  }
}
