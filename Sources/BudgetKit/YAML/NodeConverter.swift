import Yams

/// Turns Yams' node tree into `YAMLValue`, reporting anchors, merge keys, explicit tags, complex
/// keys and excessive depth instead of following them.
struct NodeConverter {
  let path: String
  let maxDepth: Int
  private(set) var diagnostics: [Diagnostic] = []
  /// Anchored nodes already reported: an alias hands back the same node again.
  private var reportedAnchors: Set<SourceLocation> = []

  init(path: String, maxDepth: Int) {
    self.path = path
    self.maxDepth = maxDepth
  }

  mutating func convert(_ node: Node, depth: Int) -> YAMLValue {
    let location = self.location(node.mark)
    if node.anchor != nil {
      guard reportedAnchors.insert(location).inserted else {
        return .scalar(YAMLScalar(text: "", isQuoted: false, location: location))
      }
      diagnostics.append(
        Diagnostic(
          .yamlAnchor, at: location, "anchors and aliases (`&name`, `*name`) are not allowed",
          hint: "write each value out in full, so every cap can be read where it stands"))
      return .scalar(YAMLScalar(text: "", isQuoted: false, location: location))
    }
    let tag = Self.writtenTag(of: node)
    // Quoted scalars carry `!!str` from the parser; a string tag changes nothing here anyway.
    if !tag.isEmpty && tag != "!" && tag != "tag:yaml.org,2002:str" {
      diagnostics.append(
        Diagnostic(
          .yamlTag, at: location, "explicit YAML tags such as `\(tag)` are not allowed",
          hint: "remove the tag; bursar types every value from its schema"))
    }
    switch node {
    case .scalar(let scalar):
      return .scalar(
        YAMLScalar(text: scalar.string, isQuoted: scalar.style != .plain, location: location))
    case .alias:
      diagnostics.append(Diagnostic(.yamlAnchor, at: location, "aliases (`*name`) are not allowed"))
      return .scalar(YAMLScalar(text: "", isQuoted: false, location: location))
    case .sequence(let sequence):
      guard checkDepth(depth, at: location) else {
        return .sequence(YAMLSequence(items: [], location: location))
      }
      let items = sequence.map { convert($0, depth: depth + 1) }
      return .sequence(YAMLSequence(items: items, location: location))
    case .mapping(let mapping):
      guard checkDepth(depth, at: location) else {
        return .mapping(YAMLMapping(entries: [], location: location))
      }
      var entries: [YAMLMapping.Entry] = []
      for (key, value) in mapping {
        guard let entryKey = convertKey(key) else { continue }
        entries.append(
          YAMLMapping.Entry(
            key: entryKey.text, keyLocation: entryKey.location,
            value: convert(value, depth: depth + 1)))
      }
      return .mapping(YAMLMapping(entries: entries, location: location))
    }
  }

  private mutating func convertKey(_ key: Node) -> (text: String, location: SourceLocation)? {
    let location = self.location(key.mark)
    guard case .scalar(let scalar) = key, key.anchor == nil else {
      diagnostics.append(
        Diagnostic(
          .yamlNonStringKey, at: location,
          "a mapping key must be a plain name, not \(describe(key))"))
      return nil
    }
    if scalar.string == "<<" && scalar.style == .plain {
      diagnostics.append(
        Diagnostic(
          .yamlMergeKey, at: location, "merge keys (`<<`) are not allowed",
          hint: "write the keys out in full"))
      return nil
    }
    return (scalar.string, location)
  }

  private mutating func checkDepth(_ depth: Int, at location: SourceLocation) -> Bool {
    guard depth < maxDepth else {
      diagnostics.append(
        Diagnostic(.yamlTooDeep, at: location, "the document nests deeper than \(maxDepth) levels"))
      return false
    }
    return true
  }

  /// The tag as written (empty when none), without resolving it.
  private static func writtenTag(of node: Node) -> String {
    switch node {
    case .scalar(let scalar): scalar.tag.rawValue
    case .mapping(let mapping): mapping.tag.rawValue
    case .sequence(let sequence): sequence.tag.rawValue
    case .alias(let alias): alias.tag.rawValue
    }
  }

  private func describe(_ node: Node) -> String {
    switch node {
    case .mapping: "a mapping"
    case .sequence: "a list"
    case .scalar, .alias: "an alias"
    }
  }

  private func location(_ mark: Mark?) -> SourceLocation {
    SourceLocation(path: path, line: mark?.line ?? 1, column: mark?.column ?? 1)
  }
}
