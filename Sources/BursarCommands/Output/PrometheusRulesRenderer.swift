import Measurements
import Yams

/// A Prometheus rules file (`groups:` of `rules:`), as `promtool check rules` reads it.
///
/// Written through Yams' emitter, so quoting is libyaml's: every label, annotation and one-line
/// expression is double-quoted, an expression over several lines is a literal block, and lines
/// are never folded. Keys are in Prometheus' documented order.
struct PrometheusRulesRenderer {
  /// The comment at the top of the file: where the rules come from.
  var header: String

  func render(_ set: PrometheusRuleSet) throws -> String {
    let document = Node([(key("groups"), Node(set.groups.map(group)))])
    let yaml = try Yams.serialize(
      node: document, width: -1, allowUnicode: true, sequenceStyle: .block,
      mappingStyle: .block)
    let comment = header.split(separator: "\n", omittingEmptySubsequences: false)
      .map { "# \($0)" }.joined(separator: "\n")
    var text = comment + "\n" + yaml
    while text.hasSuffix("\n") { text.removeLast() }
    return text
  }

  private func group(_ group: PrometheusRuleGroup) -> Node {
    Node([(key("name"), value(group.name)), (key("rules"), Node(group.rules.map(rule)))])
  }

  private func rule(_ rule: PrometheusRule) -> Node {
    var pairs: [(Node, Node)] = []
    switch rule.kind {
    case .record(let name): pairs.append((key("record"), value(name)))
    case .alert(let name): pairs.append((key("alert"), value(name)))
    }
    pairs.append((key("expr"), value(rule.expression)))
    if let hold = rule.holdFor { pairs.append((key("for"), value(hold))) }
    if !rule.labels.isEmpty { pairs.append((key("labels"), mapping(rule.labels))) }
    if !rule.annotations.isEmpty {
      pairs.append((key("annotations"), mapping(rule.annotations)))
    }
    return Node(pairs)
  }

  private func mapping(_ pairs: [PrometheusRule.Pair]) -> Node {
    Node(pairs.map { (key($0.name), value($0.value)) })
  }

  private func key(_ text: String) -> Node { Node(text, .implicit, .plain) }

  private func value(_ text: String) -> Node {
    Node(text, .implicit, text.contains("\n") ? .literal : .doubleQuoted)
  }
}
