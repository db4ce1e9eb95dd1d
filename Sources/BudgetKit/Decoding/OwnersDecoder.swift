/// Reads the `kind: Owners` file.
struct OwnersDecoder {
  let reader: ValueReader
  let path: String

  static let keys = [
    "version", "kind", "teams", "dimensions", "rules", "governance", "regressions",
  ]
  static let teamKeys = ["description", "members"]
  static let memberKeys = ["name", "email", "keys"]
  static let dimensionKeys = ["owners", "require", "runbook", "description", "weight"]
  static let signOffKeys = ["owners", "require"]
  static let ruleKeys = [
    "loosen", "tighten", "add", "remove", "exception", "max_exception_days", "signatures",
    "self_approval",
  ]

  func decode(_ root: YAMLMapping) -> Owners? {
    guard
      let root = reader.mapping(
        .mapping(root), "the Owners file", allowed: Self.keys,
        required: ["teams", "dimensions", "governance"])
    else { return nil }
    var locations: [String: SourceLocation] = [:]
    let teams = root["teams"].map { decodeTeams($0, locations: &locations) } ?? []
    let dimensions = root["dimensions"].map(decodeDimensions) ?? []
    let rules = root["rules"].map(decodeRules) ?? Rules()
    let governance = root["governance"].flatMap {
      decodeSignOff($0, "`governance`", keys: Self.signOffKeys)
    }
    let regressions =
      root["regressions"].map { decodeRegressions($0, dimensions: dimensions) }
      ?? RegressionRules()
    guard let governance else { return nil }
    return Owners(
      path: path,
      teams: Dictionary(teams.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first }),
      teamOrder: teams.map(\.name),
      dimensions: Dictionary(
        dimensions.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first }),
      rules: rules, governance: governance, regressions: regressions, locations: locations)
  }

  /// `regressions: { blocking: [latency] }`: dimensions of this file whose regressions block.
  private func decodeRegressions(_ value: YAMLValue, dimensions: [Dimension]) -> RegressionRules {
    guard let mapping = reader.mapping(value, "`regressions`", allowed: ["blocking"]) else {
      return RegressionRules()
    }
    let items = mapping["blocking"].map { reader.sequence($0, "`blocking` of `regressions`") } ?? []
    let known = dimensions.map(\.name.rawValue)
    var rules = RegressionRules()
    for item in items {
      guard let name = reader.name(item, "a dimension", as: DimensionKind.self) else { continue }
      guard known.contains(name.value.rawValue) else {
        reader.collector.report(
          .unknownDimension, at: name.location,
          "`regressions` makes dimension `\(name.value)` blocking, but `dimensions` does not define it",
          hint: Suggestion.hint(for: name.value.rawValue, among: known))
        continue
      }
      guard !rules.blocking.contains(name.value) else {
        reader.collector.report(
          .duplicateName, at: name.location,
          "`regressions` lists dimension `\(name.value)` twice")
        continue
      }
      rules.blocking.append(name.value)
      rules.locations[name.value] = name.location
    }
    return rules
  }

  private func decodeTeams(_ value: YAMLValue, locations: inout [String: SourceLocation]) -> [Team]
  {
    reader.entries(value, "`teams`").compactMap { entry in
      guard let name = reader.name(entry.key, at: entry.keyLocation, TeamKind.self) else {
        return nil
      }
      locations["team:\(entry.key)"] = entry.keyLocation
      let what = "team `\(entry.key)`"
      guard
        let mapping = reader.mapping(
          entry.value, what, allowed: Self.teamKeys, required: ["members"])
      else {
        return nil
      }
      let members = mapping["members"].map { decodeMembers($0, team: entry.key) } ?? []
      let description = mapping["description"].flatMap { reader.text($0, "`description`")?.value }
      return Team(name: name.value, description: description, members: members)
    }
  }

  private func decodeMembers(_ value: YAMLValue, team: String) -> [Member] {
    let items = reader.sequence(value, "`members` of team `\(team)`")
    if items.isEmpty, case .sequence = value {
      reader.collector.report(
        .emptyValue, at: value.location,
        "team `\(team)` has no members, so nobody could sign for it")
    }
    var seen: Set<MemberName> = []
    return items.compactMap { item in
      guard
        let mapping = reader.mapping(
          item, "a member of team `\(team)`", allowed: Self.memberKeys, required: ["name"]),
        let name = mapping["name"].flatMap({ reader.name($0, "`name`", as: MemberKind.self) })
      else { return nil }
      if !seen.insert(name.value).inserted {
        reader.collector.report(
          .duplicateMember, at: name.location, "`\(name.value)` is listed twice in team `\(team)`")
      }
      let email = mapping["email"].flatMap { reader.text($0, "`email`", allowEmpty: false)?.value }
      let keys = mapping["keys"].map { decodeKeys($0, member: name.value.rawValue) } ?? []
      return Member(name: name.value, email: email, keys: keys)
    }
  }

  private func decodeKeys(_ value: YAMLValue, member: String) -> [String] {
    reader.sequence(value, "`keys` of `\(member)`").compactMap { item in
      guard let key = reader.text(item, "a key of `\(member)`", allowEmpty: false) else {
        return nil
      }
      if let problem = PublicKeyCheck.problem(with: key.value) {
        reader.collector.report(
          .sshKey, at: key.location,
          "a key of `\(member)` is not a usable SSH public key: \(problem)",
          hint:
            "paste one line of the member's `~/.ssh/id_ed25519.pub` (ed25519, ecdsa-sha2-nistp256 or rsa)"
        )
        return nil
      }
      return key.value
    }
  }

  private func decodeDimensions(_ value: YAMLValue) -> [Dimension] {
    reader.entries(value, "`dimensions`").compactMap { entry in
      guard let name = reader.name(entry.key, at: entry.keyLocation, DimensionKind.self) else {
        return nil
      }
      let what = "dimension `\(entry.key)`"
      guard
        let mapping = reader.mapping(
          entry.value, what, allowed: Self.dimensionKeys, required: ["owners"]),
        let signOff = decodeSignOff(.mapping(mapping), what, keys: Self.dimensionKeys)
      else { return nil }
      let runbook = mapping["runbook"].flatMap {
        reader.text($0, "`runbook`", allowEmpty: false)?.value
      }
      let description = mapping["description"].flatMap { reader.text($0, "`description`")?.value }
      let weight = mapping["weight"].flatMap { decodeWeight($0, what: what) }
      return Dimension(
        name: name.value, signOff: signOff, runbook: runbook, description: description,
        weight: weight)
    }
  }

  /// A plain non-negative number: how much the dimension counts in the composite health.
  private func decodeWeight(_ value: YAMLValue, what: String) -> Quantity? {
    guard let quantity = reader.quantity(value, "`weight` of \(what)") else { return nil }
    guard quantity.family == .number else {
      reader.collector.report(
        .unitMismatch, at: value.location,
        "`weight` of \(what) must be a plain number such as `0.3`, found \(quantity.family) `\(quantity.text)`"
      )
      return nil
    }
    return quantity
  }

  private func decodeSignOff(_ value: YAMLValue, _ what: String, keys: [String]) -> SignOff? {
    guard let mapping = reader.mapping(value, what, allowed: keys, required: ["owners"]) else {
      return nil
    }
    let teamValues = mapping["owners"].map { reader.sequence($0, "`owners` of \(what)") } ?? []
    let teams = teamValues.compactMap { reader.name($0, "a team", as: TeamKind.self) }
    if teams.isEmpty, let owners = mapping["owners"] {
      reader.collector.report(.emptyValue, at: owners.location, "\(what) lists no owner team")
      return nil
    }
    var seen: Set<TeamName> = []
    if let repeated = teams.first(where: { !seen.insert($0.value).inserted }) {
      reader.collector.report(
        .duplicateName, at: repeated.location, "\(what) lists team `\(repeated.value)` twice")
    }
    let require =
      mapping["require"].flatMap { decodeRequirement($0, teams: teams.count, what: what) } ?? .any
    let locations = Dictionary(
      teams.map { ($0.value, $0.location) }, uniquingKeysWith: { first, _ in first })
    return SignOff(teams: teams.map(\.value), require: require, locations: locations)
  }

  private func decodeRequirement(_ value: YAMLValue, teams: Int, what: String) -> Requirement? {
    if case .scalar(let scalar) = value, !scalar.isQuoted {
      if scalar.text == "any" { return .any }
      if scalar.text == "all" { return .all }
      if let number = Int(scalar.text), scalar.text.allSatisfy(\.isNumber), number >= 1,
        number <= max(teams, 1)
      {
        return .count(number)
      }
    }
    reader.collector.report(
      .requireInvalid, at: value.location,
      "`require` of \(what) must be `any`, `all`, or a number from 1 to \(max(teams, 1))")
    return nil
  }

  private func decodeRules(_ value: YAMLValue) -> Rules {
    var rules = Rules()
    guard let mapping = reader.mapping(value, "`rules`", allowed: Self.ruleKeys) else {
      return rules
    }
    func approvers(_ key: String) -> Rules.Approvers? {
      mapping[key].flatMap { reader.choice($0, "`\(key)`", Rules.Approvers.self) }
    }
    rules.loosen = approvers("loosen") ?? rules.loosen
    rules.tighten = approvers("tighten") ?? rules.tighten
    rules.add = approvers("add") ?? rules.add
    rules.remove = approvers("remove") ?? rules.remove
    rules.exception = approvers("exception") ?? rules.exception
    rules.maxExceptionDays =
      mapping["max_exception_days"].flatMap {
        reader.integer($0, "`max_exception_days`", in: 1...3650)
      }
      ?? rules.maxExceptionDays
    rules.signatures =
      mapping["signatures"].flatMap { reader.choice($0, "`signatures`", Rules.Signatures.self) }
      ?? rules.signatures
    rules.selfApproval =
      mapping["self_approval"].flatMap { reader.boolean($0, "`self_approval`") }
      ?? rules.selfApproval
    return rules
  }
}
