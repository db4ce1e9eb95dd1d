import BudgetKit
import Foundation
import Testing

/// Editing one value in place: only that value's characters change.
@Suite struct ScalarEditorTests {
  static let file = """
    # Fraud detector: caps agreed with the risk team.
    version: 1
    kind:    Budget          # odd spacing stays
    name: "fraud-detector"
    owner: platform
    metrics:
      latency_p95:   { dimension: latency,   max:  100ms , description: "café — p95" }  # flow
      memory:
        dimension: resources
        max: '2GiB'     # quoted
      precision:
        dimension: quality
        min: 0.80
    environments:
      staging: { latency_p95: { max: 150ms } }

    """

  func edit(_ keys: [String], _ text: String, in source: String = file) throws -> String {
    let bytes = try ScalarEditor().replace(
      keys, with: text, in: Array(source.utf8), path: ".budgets/x.yaml")
    return String(decoding: bytes, as: UTF8.self)
  }

  @Test func plainFlowValueAfterNonASCII() throws {
    let edited = try edit(["metrics", "latency_p95", "max"], "80ms")
    #expect(edited == Self.file.replacingOccurrences(of: "max:  100ms ,", with: "max:  80ms ,"))
  }

  @Test func quotedValueKeepsItsQuotes() throws {
    let edited = try edit(["metrics", "memory", "max"], "1.5GiB")
    #expect(edited == Self.file.replacingOccurrences(of: "'2GiB'", with: "'1.5GiB'"))
  }

  @Test func blockValueAndOverride() throws {
    let floor = try edit(["metrics", "precision", "min"], "0.9")
    #expect(floor == Self.file.replacingOccurrences(of: "min: 0.80", with: "min: 0.9"))
    let staging = try edit(["environments", "staging", "latency_p95", "max"], "120ms")
    #expect(staging == Self.file.replacingOccurrences(of: "max: 150ms", with: "max: 120ms"))
  }

  /// Only the bytes of the value differ: everything before and after is byte for byte the same.
  @Test func onlyTheValueBytesDiffer() throws {
    let edited = Array(try edit(["metrics", "latency_p95", "max"], "95ms").utf8)
    let original = Array(Self.file.utf8)
    let prefix = zip(original, edited).prefix { $0 == $1 }.count
    let suffix = zip(original.reversed(), edited.reversed()).prefix { $0 == $1 }.count
    #expect(String(decoding: original[prefix..<(original.count - suffix)], as: UTF8.self) == "100")
    #expect(String(decoding: edited[prefix..<(edited.count - suffix)], as: UTF8.self) == "95")
  }

  @Test func refusals() throws {
    #expect(throws: ScalarEditError.notFound(path: ".budgets/x.yaml", keys: ["metrics", "nope"])) {
      try edit(["metrics", "nope"], "1ms")
    }
    let block =
      "version: 1\nkind: Budget\nname: a\nowner: t\nmetrics:\n  x:\n    dimension: latency\n    max: |\n      100ms\n"
    #expect(throws: ScalarEditError.self) { try edit(["metrics", "x", "max"], "90ms", in: block) }
    // A value that would break the file (a comment marker) is refused, the file untouched.
    #expect(throws: ScalarEditError.self) {
      try edit(["metrics", "latency_p95", "max"], "90ms # x", in: Self.file)
    }
    #expect(throws: ScalarEditError.self) {
      try edit(["metrics", "latency_p95", "max"], "90ms, min: 1ms", in: Self.file)
    }
  }
}
