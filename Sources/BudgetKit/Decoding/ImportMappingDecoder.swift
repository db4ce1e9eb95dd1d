/// Reads a `kind: Import` file: what one file can tell on its own (the tool, the shape of each
/// entry for that tool). Whether its budgets and metrics exist, and whether its units fit
/// them, is `ImportReferenceCheck`'s.
struct ImportMappingDecoder {
  let reader: ValueReader
  let path: String

  static let keys = ["version", "kind", "tool", "description", "figures"]
  static let selectorKeys = ["name", "labels", "statistic", "query", "result"]
  static let entryKeys = ["budget", "metric", "unit", "good", "bad", "total"] + selectorKeys

  func decode(_ root: YAMLMapping) -> ImportMapping? {
    guard
      let root = reader.mapping(
        .mapping(root), "an Import mapping", allowed: Self.keys, required: ["tool", "figures"])
    else { return nil }
    let tool = root["tool"].flatMap(readTool)
    _ = root["description"].flatMap { reader.text($0, "`description`") }
    let figures = root["figures"].map { decodeFigures($0, tool: tool?.value) } ?? []
    guard let tool else { return nil }
    return ImportMapping(path: path, tool: tool, figures: figures)
  }

  private func readTool(_ value: YAMLValue) -> Located<ImportMappingTool>? {
    let tools = ImportMappingTool.allCases.map(\.rawValue)
    guard case .scalar(let scalar) = value, !scalar.isNull else {
      reader.collector.report(
        .importTool, at: value.location, "`tool` must name a tool, found \(value.kindDescription)",
        hint: "one of \(tools.joined(separator: ", "))")
      return nil
    }
    guard let tool = ImportMappingTool(rawValue: scalar.text) else {
      reader.collector.report(
        .importTool, at: scalar.location,
        "bursar does not import the outputs of `\(ValueReader.clip(scalar.text))`",
        hint: Suggestion.hint(for: scalar.text, among: tools))
      return nil
    }
    return Located(tool, at: scalar.location)
  }

  private func decodeFigures(_ value: YAMLValue, tool: ImportMappingTool?) -> [MappedFigure] {
    let items = reader.sequence(value, "`figures`")
    if items.isEmpty, case .sequence = value {
      reader.collector.report(
        .emptyValue, at: value.location, "`figures` maps no figure",
        hint: "an Import mapping names at least one figure and the metric it measures")
    }
    return items.enumerated().compactMap { index, item in
      decodeFigure(item, number: index + 1, tool: tool)
    }
  }

  private func decodeFigure(_ value: YAMLValue, number: Int, tool: ImportMappingTool?)
    -> MappedFigure?
  {
    let what = "figure \(number)"
    guard
      let entry = reader.mapping(
        value, what, allowed: Self.entryKeys, required: ["budget", "metric"])
    else { return nil }
    let budget = entry["budget"].flatMap { reader.name($0, "`budget`", as: BudgetKind.self) }
    let metric = entry["metric"].flatMap { reader.name($0, "`metric`", as: MetricKind.self) }
    let unit = entry["unit"].flatMap { readUnit($0) }
    let direct = Self.selectorKeys.filter { entry[$0] != nil }
    let counted = (good: entry["good"], bad: entry["bad"])
    let source: MappedSource?
    if counted.good != nil || counted.bad != nil || entry["total"] != nil {
      if let first = direct.first, let written = entry.entries.first(where: { $0.key == first }) {
        reader.collector.report(
          .importFigure, at: written.keyLocation,
          "\(what) has both `\(first)` and events (`good`/`bad`, `total`)",
          hint:
            "an `slo` metric takes good (or bad) and total events, each with its own `name`/`query`; a cap takes one figure"
        )
      }
      source = decodeEvents(entry, what: what, tool: tool)
    } else {
      guard !direct.isEmpty else {
        reader.collector.report(
          .importFigure, at: entry.location,
          "\(what) does not say which figure of the tool it maps",
          hint: tool == .prometheus
            ? "give the `query` whose result measures it (and `good`/`total` for an `slo` metric)"
            : "give the tool's `name` (and `statistic`) of the figure")
        return nil
      }
      source = .figure(decodeSelector(entry, what: what, tool: tool))
    }
    guard let budget, let metric, let source else { return nil }
    return MappedFigure(
      location: entry.location, budget: budget, metric: metric, source: source, unit: unit)
  }

  private func decodeEvents(_ entry: YAMLMapping, what: String, tool: ImportMappingTool?)
    -> MappedSource?
  {
    let good = entry["good"]
    let bad = entry["bad"]
    if good != nil, let bad {
      reader.collector.report(
        .importFigure, at: bad.location, "\(what) gives both `good` and `bad` events",
        hint: "give one of them, and `total`")
      return nil
    }
    guard let counted = good ?? bad else {
      reader.collector.report(
        .importFigure, at: entry.location, "\(what) gives `total` events but no `good` or `bad`")
      return nil
    }
    guard let total = entry["total"] else {
      reader.collector.report(
        .importFigure, at: entry.location,
        "\(what) gives `\(good != nil ? "good" : "bad")` events but no `total`")
      return nil
    }
    let key = good != nil ? "good" : "bad"
    let countedWhat = "`\(key)` of \(what)"
    let totalWhat = "`total` of \(what)"
    let countedMapping = reader.mapping(counted, countedWhat, allowed: Self.selectorKeys)
    let totalMapping = reader.mapping(total, totalWhat, allowed: Self.selectorKeys)
    guard let countedMapping, let totalMapping else { return nil }
    let countedSelector = decodeSelector(countedMapping, what: countedWhat, tool: tool)
    let totalSelector = decodeSelector(totalMapping, what: totalWhat, tool: tool)
    return .events(
      EventSelectors(countsGood: good != nil, counted: countedSelector, total: totalSelector))
  }

  /// A selector: the entry itself, or its `good:`, `bad:` or `total:` mapping.
  private func decodeSelector(_ mapping: YAMLMapping, what: String, tool: ImportMappingTool?)
    -> FigureSelector
  {
    let name = mapping["name"].flatMap { reader.text($0, "`name`", allowEmpty: false) }
    let statistic = mapping["statistic"].flatMap {
      reader.text($0, "`statistic`", allowEmpty: false)
    }
    let query = mapping["query"].flatMap { reader.text($0, "`query`", allowEmpty: false) }
    let result = mapping["result"].flatMap { reader.text($0, "`result`", allowEmpty: false) }
    let labels = mapping["labels"].map(readLabels) ?? []
    if let tool {
      if tool.readsQueries {
        if query == nil, mapping["query"] == nil {
          reader.collector.report(
            .importFigure, at: mapping.location, "\(what) has no `query`",
            hint:
              "a Prometheus mapping names the PromQL of each figure, so alerting rules can be written from it"
          )
        }
      } else {
        for key in ["query", "result"] {
          guard let written = mapping.entries.first(where: { $0.key == key }) else { continue }
          reader.collector.report(
            .importFigure, at: written.keyLocation,
            "`\(key)` is for Prometheus query results; \(tool.rawValue) figures are chosen by `name`, `labels` and `statistic`"
          )
        }
        if name == nil, mapping["name"] == nil {
          reader.collector.report(
            .importFigure, at: mapping.location, "\(what) has no `name`",
            hint: "give the tool's name of the figure, exactly as the tool writes it")
        }
      }
    }
    return FigureSelector(
      location: mapping.location, name: name, labels: labels, statistic: statistic, query: query,
      result: result)
  }

  private func readLabels(_ value: YAMLValue) -> [LabelMatch] {
    reader.entries(value, "`labels`").compactMap { entry in
      guard let text = reader.text(entry.value, "label `\(entry.key)`") else { return nil }
      return LabelMatch(name: Located(entry.key, at: entry.keyLocation), value: text)
    }
  }

  private func readUnit(_ value: YAMLValue) -> Located<QuantityUnit>? {
    guard case .scalar(let scalar) = value, !scalar.isNull else {
      reader.collector.report(
        .wrongType, at: value.location, "`unit` must be a unit symbol such as `ms`")
      return nil
    }
    guard let unit = scalar.text == "1" ? QuantityUnit.plain : QuantityUnit.named(scalar.text)
    else {
      reader.collector.report(
        .quantitySyntax, at: scalar.location,
        "`unit: \(ValueReader.clip(scalar.text))` is not a unit bursar knows",
        hint: Suggestion.closest(to: scalar.text, among: QuantityUnit.table.keys.sorted()).map {
          "did you mean `\($0)`?"
        } ?? "write ms, s, %, B, MiB, /s, J, a currency code, or 1 for a plain number")
      return nil
    }
    return Located(unit, at: scalar.location)
  }
}
