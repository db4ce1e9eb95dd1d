import Yams

/// Reads one budget file into a `YAMLValue`, refusing everything bursar's strict YAML forbids.
///
/// The reader checks the raw bytes first (size, encoding, BOM, tabs), then composes with Yams'
/// `.basic` resolver so every scalar stays text, and converts the node tree while the parser is
/// alive so anchors can still be seen. It never follows an alias, so an alias bomb costs nothing.
/// A plain document (most budget files) is read straight from libyaml's events instead
/// (`PlainDocumentReader`); anything else, and every problem, goes through Yams.
public struct StrictYAMLReader: Sendable {
  public var limits: ReadLimits

  public init(limits: ReadLimits = .standard) {
    self.limits = limits
  }

  /// The document, or the problems that stop it from being read.
  public func read(_ bytes: [UInt8], path: String) -> Result<YAMLValue, YAMLReadFailure> {
    if let problem = RawTextChecks(limits: limits).firstProblem(in: bytes, path: path) {
      return .failure(YAMLReadFailure([problem]))
    }
    if let value = PlainDocumentReader(path: path, maxDepth: limits.maxDepth).read(bytes) {
      return .success(value)
    }
    return readThroughYams(bytes, path: path)
  }

  /// The document as Yams composes it, with every problem it has; the reader for what the plain
  /// path leaves, and the reference the plain path is tested against.
  func readThroughYams(_ bytes: [UInt8], path: String) -> Result<YAMLValue, YAMLReadFailure> {
    let text = String(decoding: bytes, as: UTF8.self)
    do {
      let parser = try Parser(yaml: text, resolver: .basic, constructor: .default, encoding: .utf8)
      guard let root = try parser.singleRoot() else {
        return .failure(YAMLReadFailure([emptyDocument(path)]))
      }
      var converter = NodeConverter(path: path, maxDepth: limits.maxDepth)
      let value = converter.convert(root, depth: 0)
      // The parser keeps anchors alive while the converter looks at them.
      withExtendedLifetime(parser) {}
      if !converter.diagnostics.isEmpty {
        return .failure(YAMLReadFailure(converter.diagnostics))
      }
      if case .scalar(let scalar) = value, scalar.isNull {
        return .failure(YAMLReadFailure([emptyDocument(path)]))
      }
      return .success(value)
    } catch let error as YamlError {
      return .failure(
        YAMLReadFailure([YamlErrorTranslator(path: path, text: text).diagnostic(for: error)]))
    } catch {
      return .failure(
        YAMLReadFailure([
          Diagnostic(.yamlSyntax, at: .start(of: path), "cannot read YAML: \(error)")
        ]))
    }
  }

  private func emptyDocument(_ path: String) -> Diagnostic {
    Diagnostic(
      .yamlEmpty, at: .start(of: path), "the file holds no YAML document",
      hint: "every file under .budgets/ starts with `version: 1` and `kind:`")
  }
}

/// The problems that stopped a file from being read as YAML.
public struct YAMLReadFailure: Error, Sendable {
  public var diagnostics: [Diagnostic]

  public init(_ diagnostics: [Diagnostic]) {
    self.diagnostics = diagnostics
  }
}
