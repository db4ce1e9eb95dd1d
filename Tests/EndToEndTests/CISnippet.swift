import Foundation

/// A CI configuration the docs show: a fenced ```yaml block whose first line is a comment naming
/// the file it is (`# .github/workflows/budgets.yml`, `# .gitlab-ci.yml`).
struct CISnippet {
  /// What a snippet configures, which says the schema and linter it must pass.
  enum Kind: Equatable {
    case githubWorkflow
    case gitlabCI
  }

  var kind: Kind
  /// The document it is shown in, relative to the package root.
  var document: String
  /// The line of the document where the block opens.
  var line: Int
  /// The block's text, without its fences.
  var text: String

  var place: String { "\(document):\(line)" }

  /// The kind a block's first line marks it as, if it marks one.
  static func kind(marker: Substring) -> Kind? {
    let name = marker.hasPrefix("# ") ? marker.dropFirst(2).prefix { $0 != " " } : ""
    if name.hasPrefix(".github/workflows/"), name.hasSuffix(".yml") || name.hasSuffix(".yaml") {
      return .githubWorkflow
    }
    return name == ".gitlab-ci.yml" ? .gitlabCI : nil
  }

  /// Whether a block reads as CI configuration, marked or not.
  static func looksLikeCI(_ text: String) -> Bool {
    text.split(separator: "\n").contains { line in
      line.hasPrefix("jobs:") || line.contains("runs-on:") || line.contains("  script:")
    }
  }

  /// The fenced ```yaml blocks of a Markdown text, with the line each opens on.
  static func yamlBlocks(in text: String) -> [(line: Int, text: String)] {
    var blocks: [(line: Int, text: String)] = []
    var open: (line: Int, lines: [Substring])?
    for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
    {
      if var block = open {
        if line.hasPrefix("```") {
          blocks.append((block.line, block.lines.joined(separator: "\n") + "\n"))
          open = nil
        } else {
          block.lines.append(line)
          open = block
        }
      } else if line.hasPrefix("```yaml") || line.hasPrefix("```yml") {
        open = (index + 1, [])
      }
    }
    return blocks
  }

  /// The marked snippets of a document, and the places of blocks that read as CI but are not
  /// marked.
  static func snippets(in document: String, text: String) -> (
    marked: [CISnippet], unmarked: [String]
  ) {
    var marked: [CISnippet] = []
    var unmarked: [String] = []
    for block in yamlBlocks(in: text) {
      let first = block.text.split(separator: "\n", omittingEmptySubsequences: false)[0]
      if let kind = kind(marker: first) {
        marked.append(CISnippet(kind: kind, document: document, line: block.line, text: block.text))
      } else if looksLikeCI(block.text) {
        unmarked.append("\(document):\(block.line)")
      }
    }
    return (marked, unmarked)
  }

  /// Every snippet of README.md and docs/*.md, and the places of unmarked CI blocks.
  static func all(root: String = BursarCLI.packageRoot) throws -> (
    marked: [CISnippet], unmarked: [String]
  ) {
    let docs = try FileManager.default.contentsOfDirectory(atPath: root + "/docs")
      .filter { $0.hasSuffix(".md") }.sorted().map { "docs/" + $0 }
    var marked: [CISnippet] = []
    var unmarked: [String] = []
    for document in ["README.md"] + docs {
      let text = try String(contentsOfFile: root + "/" + document, encoding: .utf8)
      let found = snippets(in: document, text: text)
      marked += found.marked
      unmarked += found.unmarked
    }
    return (marked, unmarked)
  }
}
