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
    var generator = DocumentGenerator(random: SeededGenerator(seed: 0xB0D6_E7 &+ part))
    var plain = 0
    let count = 1500
    for _ in 0..<count {
      let text = generator.document()
      if Self.compare(text) { plain += 1 }
      var bytes = Array(text.utf8)
      if !bytes.isEmpty {
        let at = generator.random.next(bytes.count)
        let pieces: [[UInt8]] = [
          [], Array(":".utf8), Array(" ".utf8), Array("\n".utf8),
          Array("'".utf8), Array("- ".utf8), Array("{".utf8), Array("#".utf8),
        ]
        bytes.replaceSubrange(
          at..<min(bytes.count, at + generator.random.next(3)),
          with: pieces[generator.random.next(pieces.count)])
        if let edited = String(validating: bytes, as: UTF8.self) { Self.compare(edited) }
      }
    }
    // Many generated documents are plain: the comparison above is not vacuous.
    #expect(plain > count / 4)
  }
}
