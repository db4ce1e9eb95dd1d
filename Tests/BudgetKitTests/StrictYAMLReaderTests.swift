import BudgetKit
import Foundation
import Testing

struct StrictYAMLReaderTests {
  private func problems(_ bytes: [UInt8], limits: ReadLimits = .standard) -> [Diagnostic] {
    switch StrictYAMLReader(limits: limits).read(bytes, path: "f.yaml") {
    case .success: []
    case .failure(let failure): failure.diagnostics
    }
  }

  private func problems(_ text: String) -> [Diagnostic] { problems(Array(text.utf8)) }

  @Test func readsScalarsAsTextWithPlaces() throws {
    let value = try StrictYAMLReader().read(Array("a: no\nb: '0o17'\n".utf8), path: "f.yaml").get()
    guard case .mapping(let mapping) = value, case .scalar(let a)? = mapping["a"],
      case .scalar(let b)? = mapping["b"]
    else {
      Issue.record("expected a mapping of scalars")
      return
    }
    #expect(a.text == "no" && !a.isQuoted && a.location.line == 1 && a.location.column == 4)
    #expect(b.text == "0o17" && b.isQuoted && b.location.line == 2)
  }

  @Test(arguments: [
    ("a: &x 1\nb: *x\n", RuleID.yamlAnchor, 1),
    ("a: 1\na: 2\n", .yamlDuplicateKey, 2),
    ("a: { b: 1, b: 2 }\n", .yamlDuplicateKey, 1),
    ("base: {x: 1}\nother:\n  <<: {x: 2}\n", .yamlMergeKey, 3),
    ("a: 1\n---\nb: 2\n", .yamlMultipleDocuments, 2),
    ("a:\n\tb: 1\n", .yamlTab, 2),
    ("? [a, b]\n: 1\n", .yamlNonStringKey, 1),
    ("a: !!binary aGVsbG8=\n", .yamlTag, 1),
    ("a: [1, 2\n", .yamlSyntax, 2),
    ("# only a comment\n", .yamlEmpty, 1),
    ("", .yamlEmpty, 1),
  ])
  func refusesWhatStrictYAMLForbids(text: String, rule: RuleID, line: Int) throws {
    let found = problems(text)
    let problem = try #require(found.first { $0.rule == rule }, "got \(found)")
    #expect(problem.location.line == line)
  }

  @Test func refusesAByteOrderMark() {
    #expect(problems([0xEF, 0xBB, 0xBF] + Array("a: 1\n".utf8)).map(\.rule) == [.yamlBOM])
  }

  @Test func refusesNulBytesAndInvalidUTF8WithThePlace() throws {
    let nul = problems(Array("a: 1\nb: x".utf8) + [0, 0x41])
    #expect(nul.map(\.rule) == [.fileEncoding])
    #expect(nul.first?.location.line == 2)
    let invalid = problems(Array("a: 1\nbb: ".utf8) + [0xC3, 0x28])
    #expect(invalid.map(\.rule) == [.fileEncoding])
    #expect(invalid.first?.location.line == 2 && invalid.first?.location.column == 5)
    #expect(problems(Array("a: caf\u{e9}\n".utf8)).isEmpty)
  }

  @Test func refusesFilesOverTheSizeLimit() {
    let limits = ReadLimits(maxFileBytes: 100)
    #expect(
      problems(Array(repeating: UInt8(ascii: "#"), count: 101), limits: limits).map(\.rule) == [
        .fileTooLarge
      ])
  }

  @Test func refusesDeepNestingWithoutOverflowingTheStack() {
    let depth = 10_000
    let text = String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
    let found = problems(text)
    #expect(!found.isEmpty)
    #expect(found.allSatisfy { $0.rule == .yamlTooDeep || $0.rule == .yamlSyntax })
    #expect(
      problems("a: " + String(repeating: "[", count: 40) + String(repeating: "]", count: 40)).map(
        \.rule) == [.yamlTooDeep])
  }

  @Test func anAliasBombCostsNothing() {
    var lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    for index in 1..<30 {
      let previous = "*a\(index - 1)"
      lines.append(
        "a\(index): &a\(index) [\(Array(repeating: previous, count: 10).joined(separator: ", "))]")
    }
    let found = problems(lines.joined(separator: "\n"))
    #expect(found.count == 30)
    #expect(found.allSatisfy { $0.rule == .yamlAnchor })
  }

  @Test func messagesQuoteAShortExcerptOfAHugeLine() throws {
    let text = "a: [" + String(repeating: "x", count: 2_000_000) + "\n"
    let found = problems(text)
    let problem = try #require(found.first)
    #expect(problem.description.count < 600)
  }
}
