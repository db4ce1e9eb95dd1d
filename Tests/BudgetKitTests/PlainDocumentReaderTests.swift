import Foundation
import TestSupport
import Testing

@testable import BudgetKit

/// The plain path (`PlainDocumentReader`) against the Yams path it stands in for: whatever the
/// plain path reads, Yams reads to the same value, place for place; whatever it leaves, the
/// strict reader answers exactly as Yams does.
@Suite struct PlainDocumentReaderTests {
  /// A value written out with every text, quoting and place, so two values compare as text.
  static func render(_ value: YAMLValue) -> String {
    switch value {
    case .scalar(let scalar):
      let mark = scalar.isQuoted ? "q" : "p"
      return "\(mark)\(scalar.location)[\(scalar.text.unicodeScalars.map { $0.value })]"
    case .sequence(let sequence):
      return "S\(sequence.location)(" + sequence.items.map(render).joined(separator: ",") + ")"
    case .mapping(let mapping):
      let entries = mapping.entries.map {
        "\($0.key.unicodeScalars.map { $0.value })@\($0.keyLocation)=\(render($0.value))"
      }
      return "M\(mapping.location){" + entries.joined(separator: ",") + "}"
    }
  }

  static func render(_ result: Result<YAMLValue, YAMLReadFailure>) -> String {
    switch result {
    case .success(let value): "ok " + render(value)
    case .failure(let failure):
      "failed "
        + failure.diagnostics.map { "\($0.rule) \($0.location) \($0.message)" }.joined(
          separator: "; ")
    }
  }

  /// Compares both paths on one document; true when the plain path read it.
  @discardableResult
  static func compare(_ text: String, limits: ReadLimits = .standard) -> Bool {
    let bytes = Array(text.utf8)
    let reader = StrictYAMLReader(limits: limits)
    let yams = reader.readThroughYams(bytes, path: "f.yaml")
    let plain = PlainDocumentReader(path: "f.yaml", maxDepth: limits.maxDepth).read(bytes)
    if let plain {
      #expect("ok " + render(plain) == render(yams), "\(text.debugDescription)")
    }
    // The strict reader checks the raw text first, then reads through one path or the other.
    let expected =
      RawTextChecks(limits: limits).firstProblem(in: bytes, path: "f.yaml").map {
        Result<YAMLValue, YAMLReadFailure>.failure(YAMLReadFailure([$0]))
      } ?? yams
    #expect(
      render(reader.read(bytes, path: "f.yaml")) == render(expected), "\(text.debugDescription)")
    return plain != nil
  }

  @Test func aBudgetFileIsReadOnThePlainPathToYamsValue() {
    let budget = """
      version: 1
      kind: budget   # a comment
      model: ranker
      owners: [sre, "ml"]
      metrics:
        latency_p95:
          max: 120ms
          note: 'it''s fine'
        accuracy:
          min: "0.91"
          why: |
            kept high
            for search
          folded: >
            one
            line
        empty:
        tilde: ~
        list:
          - a
          - { b: 1, c: [x, y] }
          -
      """
    #expect(Self.compare(budget))
    #expect(Self.compare("a: 1\n...\n"))
    #expect(Self.compare("--- [a, 'b']\n"))
  }

  @Test(arguments: [
    "a: &x 1\nb: *x\n",
    "a: 1\na: 2\n",
    "a: { b: 1, b: 2 }\n",
    "base: {x: 1}\nother:\n  <<: {x: 2}\n",
    "a: 1\n---\nb: 2\n",
    "? [a, b]\n: 1\n",
    "a: !!binary aGVsbG8=\n",
    "a: ! x\n",
    "a: !!str x\n",
    "!!map {a: 1}\n",
    "%YAML 1.1\n---\na: 1\n",
    "a: [1, 2\n",
    "# only a comment\n",
    "",
    "~\n",
    "\"caf\u{E9}\": 1\n\"cafe\u{301}\": 2\n",
    "a: 1\n...\n---\nb: 2\n",
  ])
  func whatThePlainPathLeavesIsAnsweredAsYamsAnswers(text: String) {
    #expect(!Self.compare(text))
  }

  @Test func nestingAtTheLimitIsLeftToYams() {
    let limits = ReadLimits(maxDepth: 3)
    #expect(Self.compare("a: {b: {c: 1}}\n", limits: limits))
    #expect(!Self.compare("a: {b: {c: {d: 1}}}\n", limits: limits))
    #expect(!Self.compare("- - - - x\n", limits: limits))
  }

  @Test func theProjectsOwnYAMLFilesReadAlike() throws {
    let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent().deletingLastPathComponent()
    let files = try #require(
      FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil))
    var read = 0
    for case let url as URL in files {
      if url.path.contains("/.build") { continue }
      guard url.pathExtension == "yaml" || url.pathExtension == "yml",
        let text = try? String(contentsOf: url, encoding: .utf8)
      else { continue }
      if Self.compare(text) { read += 1 }
    }
    #expect(read >= 10)
  }

  /// Random documents from a grammar that mixes what budget files hold with what the strict
  /// reader refuses, then small random edits of each.
  @Test(arguments: 0..<4)
  func randomDocumentsReadAlike(part: UInt64) {
    var random = SeededGenerator(seed: 0xB0D6_E7 &+ part)
    var plain = 0
    let count = 1500
    for _ in 0..<count {
      var generator = DocumentGenerator(random: random)
      let text = generator.document()
      random = generator.random
      if Self.compare(text) { plain += 1 }
      var bytes = Array(text.utf8)
      if !bytes.isEmpty {
        let at = random.next(bytes.count)
        let pieces: [[UInt8]] = [
          [], Array(":".utf8), Array(" ".utf8), Array("\n".utf8),
          Array("'".utf8), Array("- ".utf8), Array("{".utf8), Array("#".utf8),
        ]
        bytes.replaceSubrange(
          at..<min(bytes.count, at + random.next(3)), with: pieces[random.next(pieces.count)])
        if let edited = String(validating: bytes, as: UTF8.self) { Self.compare(edited) }
      }
    }
    // Most generated documents are plain: the comparison above is not vacuous.
    #expect(plain > count / 4)
  }
}

/// Writes random YAML documents: block and flow collections, every scalar style, comments, and
/// now and then an anchor, alias, tag, merge key, repeated key or second document.
struct DocumentGenerator {
  var random: SeededGenerator
  private let keys = [
    "a", "b", "max", "min", "latency_p95", "caf\u{E9}", "cafe\u{301}", "x y", "\"q\"", "'s'",
    "1", "null",
  ]
  private let scalars = [
    "1", "120ms", "0.91", "no", "~", "null", "", "yes", "hello world", "-3", "a#b", "x: y",
    "\u{1F600}", "tab\there", "0o17", "'quoted'", "\"dq\\n\\u00e9\"", "[1]",
  ]

  init(random: SeededGenerator) { self.random = random }

  mutating func document() -> String {
    var text = ""
    if chance(40) { text += "# heading\n" }
    if chance(60) { text += "%YAML 1.1\n---\n" } else if chance(20) { text += "---\n" }
    text += block(indent: 0, depth: 0)
    if chance(40) { text += "---\n" + block(indent: 0, depth: 0) }
    if chance(40) { text += "...\n" }
    return text
  }

  private mutating func chance(_ oneIn: Int) -> Bool { random.next(oneIn) == 0 }

  private mutating func block(indent: Int, depth: Int) -> String {
    let pad = String(repeating: " ", count: indent)
    var text = ""
    if random.next(3) == 0 && depth > 0 {
      for _ in 0..<(1 + random.next(3)) {
        text += pad + "-" + valueAfterIndicator(indent: indent + 2, depth: depth + 1)
      }
      return text
    }
    var used = Set<String>()
    for _ in 0..<(1 + random.next(4)) {
      var key = keys[random.next(keys.count)]
      if used.contains(key) && !chance(8) { key += "\(used.count)" }
      used.insert(key)
      if chance(60) { key = "<<" }
      if chance(80) { key = "? " + key + "\n" + pad }
      text += pad + key + ":" + valueAfterIndicator(indent: indent + 2, depth: depth + 1)
    }
    return text
  }

  private mutating func valueAfterIndicator(indent: Int, depth: Int) -> String {
    let decoration = decorations()
    switch random.next(depth > 4 ? 2 : 5) {
    case 0: return " " + decoration + scalar() + comment() + "\n"
    case 1: return " " + decoration + flow(depth: depth) + "\n"
    case 2:
      let style = ["|", ">", "|-", ">+"][random.next(4)]
      let pad = String(repeating: " ", count: indent)
      return " " + style + "\n" + pad + "line one\n" + pad + "line two\n"
    default:
      return (decoration.isEmpty ? "" : " " + decoration) + comment() + "\n"
        + block(indent: indent, depth: depth)
    }
  }

  private mutating func decorations() -> String {
    var text = ""
    if chance(40) { text += "&anchor\(random.next(3)) " }
    if chance(40) { text += ["!!str ", "! ", "!custom ", "!!map "][random.next(4)] }
    return text
  }

  private mutating func comment() -> String { chance(4) ? "  # note" : "" }

  private mutating func scalar() -> String {
    if chance(40) { return "*anchor\(random.next(3))" }
    let text = scalars[random.next(scalars.count)]
    switch random.next(4) {
    case 0: return "'" + text.replacingOccurrences(of: "'", with: "''") + "'"
    case 1:
      return "\""
        + text.replacingOccurrences(of: "\\", with: "\\\\")
        .replacingOccurrences(of: "\"", with: "\\\"") + "\""
    default: return text
    }
  }

  private mutating func flow(depth: Int) -> String {
    if depth > 6 || chance(3) { return scalar() }
    if random.next(2) == 0 {
      let items = (0..<random.next(4)).map { _ in flow(depth: depth + 1) }
      return "[" + items.joined(separator: ", ") + "]"
    }
    let entries = (0..<random.next(4)).map { _ in
      keys[random.next(keys.count)] + ": " + flow(depth: depth + 1)
    }
    return "{" + entries.joined(separator: ", ") + "}"
  }
}
