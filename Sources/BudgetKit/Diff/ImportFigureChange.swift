/// Which figure of a tool's output measures a budget's metric (an entry of a `kind: Import`
/// mapping) appeared, went, or now selects another figure.
///
/// A mapping decides what `bursar check --from TOOL` judges a metric by, so pointing it at
/// another figure can loosen a budget as surely as raising its cap (a `95%` column read as
/// `50%`). Such a change has no one direction: the loosening rule governs it.
public struct ImportFigureChange: Sendable, Hashable {
  public var budget: BudgetName
  public var metric: MetricName
  public var tool: ImportMappingTool
  /// The mapping file the entry is in (relative to the repository root): the new one, or the
  /// old one when the entry went.
  public var mapping: String
  /// The entry's selector in a canonical text (`name: GET /pay, statistic: 95%`); nil where
  /// the side maps no figure to the metric for the tool.
  public var old: String?
  public var new: String?

  public init(
    budget: BudgetName, metric: MetricName, tool: ImportMappingTool, mapping: String,
    old: String?, new: String?
  ) {
    self.budget = budget
    self.metric = metric
    self.tool = tool
    self.mapping = mapping
    self.old = old
    self.new = new
  }
}

/// Compares the mapped figures of two sides, entry by entry: an entry is matched by its tool,
/// budget and metric wherever it is written, and compared by its selector's meaning, so
/// reformatting, reordering entries or labels, or moving an entry between files is no change.
enum ImportFigureComparison {
  /// The changes, in order of tool, budget and metric.
  static func changes(from old: [ImportMapping], to new: [ImportMapping]) -> [BudgetChange] {
    let (before, after) = (entries(old), entries(new))
    var changes: [BudgetChange] = []
    for key in Set(before.keys).union(after.keys).sorted() {
      let (was, now) = (before[key], after[key])
      guard was?.text != now?.text else { continue }
      let kind: ChangeKind = was == nil ? .added : now == nil ? .removed : .changed
      let path = (now ?? was)?.path ?? ""
      let change = ImportFigureChange(
        budget: key.budget, metric: key.metric, tool: key.tool, mapping: path,
        old: was?.text, new: now?.text)
      changes.append(BudgetChange(.importFigure(change), kind: kind, path: path))
    }
    return changes
  }

  /// Each mapped metric's selector text and file, by tool, budget and metric. Two entries for
  /// one metric (which validation reports) are kept together, in a stable order.
  static func entries(_ mappings: [ImportMapping]) -> [EntryKey: (text: String, path: String)] {
    var found: [EntryKey: [(text: String, path: String)]] = [:]
    for mapping in mappings {
      for figure in mapping.figures {
        let key = EntryKey(
          tool: mapping.tool.value, budget: figure.budget.value, metric: figure.metric.value)
        found[key, default: []].append((figure.selectorText, mapping.path))
      }
    }
    return found.mapValues { all in
      let sorted = all.sorted { ($0.text, $0.path) < ($1.text, $1.path) }
      return (sorted.map(\.text).joined(separator: "; "), sorted[0].path)
    }
  }

  struct EntryKey: Hashable, Comparable {
    var tool: ImportMappingTool
    var budget: BudgetName
    var metric: MetricName

    init(tool: ImportMappingTool, budget: BudgetName, metric: MetricName) {
      self.tool = tool
      self.budget = budget
      self.metric = metric
    }

    /// The key of an entry of a mapping for a tool.
    init(_ tool: ImportMappingTool, _ figure: MappedFigure) {
      self.init(tool: tool, budget: figure.budget.value, metric: figure.metric.value)
    }

    static func < (lhs: EntryKey, rhs: EntryKey) -> Bool {
      (lhs.tool.rawValue, lhs.budget.rawValue, lhs.metric.rawValue)
        < (rhs.tool.rawValue, rhs.budget.rawValue, rhs.metric.rawValue)
    }
  }
}

extension MappedFigure {
  /// The entry's meaning as one text: the selector's fields in a fixed order, labels sorted by
  /// name, then the unit (`name: GET /pay, statistic: 95%, unit: ms`); `good`/`bad` and
  /// `total` in braces for an `slo` metric.
  public var selectorText: String {
    var parts: [String]
    switch source {
    case .figure(let selector): parts = selector.fieldTexts
    case .events(let events):
      parts = [
        (events.countsGood ? "good" : "bad") + ": {"
          + events.counted.fieldTexts.joined(
            separator: ", ") + "}",
        "total: {" + events.total.fieldTexts.joined(separator: ", ") + "}",
      ]
    }
    if let unit { parts.append("unit: " + unit.value.symbol) }
    return parts.joined(separator: ", ")
  }
}

extension FigureSelector {
  /// `name: X`, `labels: {a: 1, b: 2}`, `statistic: 95%`, `result: r`, `query: q`, as given.
  var fieldTexts: [String] {
    var parts: [String] = []
    if let name { parts.append("name: " + name.value) }
    if !labels.isEmpty {
      let pairs = labels.map { ($0.name.value, $0.value.value) }.sorted { $0 < $1 }
      parts.append("labels: {" + pairs.map { "\($0.0): \($0.1)" }.joined(separator: ", ") + "}")
    }
    if let statistic { parts.append("statistic: " + statistic.value) }
    if let result { parts.append("result: " + result.value) }
    if let query { parts.append("query: " + query.value) }
    return parts
  }
}
