import BudgetKit
import Testing

struct MeaningDigestTests {
  private func digest(_ yaml: String) throws -> String {
    MeaningDigest.digest(of: try StrictYAMLReader().read(Array(yaml.utf8), path: "f.yaml").get())
  }

  static let base =
    "version: 1\nkind: Budget\nname: a\nowner: t\ndescription: first\nmetrics:\n  p95: { dimension: latency, max: 100ms }\n"

  @Test(arguments: [
    "# a comment\n" + base,
    base.replacingOccurrences(of: "description: first", with: "description: another text"),
    base.replacingOccurrences(of: "100ms", with: "0.1s"),
    base.replacingOccurrences(
      of: "{ dimension: latency, max: 100ms }", with: "\n    max: 100ms\n    dimension: latency"),
    base.replacingOccurrences(of: "name: a", with: "name: 'a'"),
    "owner: t\nname: a\nversion: 1\nkind: Budget\nmetrics:\n  p95: { dimension: latency, max: 100ms }\n",
  ])
  func formattingDoesNotChangeTheMeaning(_ variant: String) throws {
    #expect(try digest(variant) == digest(Self.base))
  }

  @Test(arguments: [
    base.replacingOccurrences(of: "100ms", with: "101ms"),
    base.replacingOccurrences(of: "max: 100ms", with: "min: 100ms"),
    base.replacingOccurrences(of: "owner: t", with: "owner: u"),
    base + "environments:\n  staging: { p95: { max: 1s } }\n",
    base + "  description: { dimension: latency, max: 1s }\n",
  ])
  func governedValuesChangeTheMeaning(_ variant: String) throws {
    #expect(try digest(variant) != digest(Self.base))
  }

  /// `regression:` settings are governed, each value as a canonical quantity; files without
  /// them keep the digest they had, pinned here as the canonical text it hashes.
  @Test func regressionSettings() throws {
    let settings = Self.base.replacingOccurrences(
      of: "max: 100ms }", with: "max: 100ms, regression: { sigma: 3, min_change: 5% } }")
    let same = Self.base.replacingOccurrences(
      of: "max: 100ms }", with: "max: 100ms, regression: { min_change: 5.0%, sigma: 3.0 } }")
    let other = Self.base.replacingOccurrences(
      of: "max: 100ms }", with: "max: 100ms, regression: { sigma: 4, min_change: 5% } }")
    #expect(try digest(settings) == digest(same))
    #expect(try digest(settings) != digest(other))
    #expect(try digest(settings) != digest(Self.base))
    let plain = try StrictYAMLReader().read(Array(Self.base.utf8), path: "f.yaml").get()
    #expect(
      MeaningDigest.canonicalForm(of: plain)
        == #"{"kind":"Budget","metrics":{"p95":{"dimension":"latency","max":"duration:0.1"}},"name":"a","owner":"t","version":"1"}"#
    )
  }

  @Test func digestsAreWellFormed() throws {
    let value = try digest(Self.base)
    #expect(MeaningDigest.isWellFormed(value))
    #expect(value.hasPrefix("sha256:") && value.count == 71)
    #expect(MeaningDigest.isWellFormed("deleted"))
    #expect(!MeaningDigest.isWellFormed("sha256:ABC"))
  }

  @Test func theCanonicalFormIsDocumentedJSON() throws {
    let value = try StrictYAMLReader().read(
      Array("b: 1\na: { max: 100ms, description: x }\n".utf8), path: "f"
    ).get()
    #expect(MeaningDigest.canonicalForm(of: value) == #"{"a":{"max":"duration:0.1"},"b":"1"}"#)
  }
}
