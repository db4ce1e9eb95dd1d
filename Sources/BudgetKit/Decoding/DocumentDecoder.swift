/// Turns a file's YAML into a typed document, checking everything one file can tell on its own.
///
/// Cross-file checks (references, uniqueness, exception policy) are the `TreeValidator`'s.
public struct DocumentDecoder {
  public init() {}

  /// The document (nil when it cannot be understood) and every problem found in it.
  public func decode(_ value: YAMLValue, path: String) -> (BudgetDocument?, [Diagnostic]) {
    let collector = DiagnosticCollector()
    let reader = ValueReader(collector: collector)
    guard case .mapping(let root) = value else {
      collector.report(
        .wrongType, at: value.location,
        "a budget file must be a mapping with `version` and `kind`, found \(value.kindDescription)")
      return (nil, collector.diagnostics)
    }
    guard checkVersion(root, collector), let kind = readKind(root, collector) else {
      return (nil, collector.diagnostics)
    }
    let document: BudgetDocument?
    switch kind {
    case .owners:
      document = OwnersDecoder(reader: reader, path: path).decode(root).map(BudgetDocument.owners)
    case .budget:
      document = BudgetDecoder(reader: reader, path: path).decode(root).map(BudgetDocument.budget)
    case .exception:
      document = ExceptionDecoder(reader: reader, path: path).decode(root).map(
        BudgetDocument.exception)
    case .approval:
      document = ApprovalDecoder(reader: reader, path: path).decode(root).map(
        BudgetDocument.approval)
    case .importMapping:
      document = ImportMappingDecoder(reader: reader, path: path).decode(root).map(
        BudgetDocument.importMapping)
    }
    return (document, collector.diagnostics)
  }

  private func checkVersion(_ root: YAMLMapping, _ collector: DiagnosticCollector) -> Bool {
    guard let value = root["version"] else {
      collector.report(.version, at: root.location, "the file needs `version: 1`")
      return false
    }
    guard case .scalar(let scalar) = value, scalar.text == "1", !scalar.isQuoted else {
      collector.report(
        .version, at: value.location, "unsupported version; this bursar reads `version: 1`")
      return false
    }
    return true
  }

  private func readKind(_ root: YAMLMapping, _ collector: DiagnosticCollector) -> DocumentKind? {
    let kinds = DocumentKind.allCases.map(\.rawValue)
    guard let value = root["kind"] else {
      collector.report(
        .kind, at: root.location, "the file needs `kind:`",
        hint: "one of \(kinds.joined(separator: ", "))")
      return nil
    }
    guard case .scalar(let scalar) = value, let kind = DocumentKind(rawValue: scalar.text) else {
      let written = (value.scalarText).map { "`\(ValueReader.clip($0))`" } ?? value.kindDescription
      collector.report(
        .kind, at: value.location, "unknown kind \(written)",
        hint: Suggestion.hint(for: value.scalarText ?? "", among: kinds))
      return nil
    }
    return kind
  }
}

extension YAMLValue {
  /// Whether the value is a mapping or YAML's null (an empty `key:`).
  var isMappingOrNull: Bool {
    switch self {
    case .mapping: true
    case .scalar(let scalar): scalar.isNull
    case .sequence: false
    }
  }

  /// The text of a scalar, nil for mappings and sequences.
  var scalarText: String? {
    if case .scalar(let scalar) = self { return scalar.text }
    return nil
  }
}
