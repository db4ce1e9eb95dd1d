import BudgetKit
import Foundation
import Testing

/// The meaning digests of format v1 files as bursar computed them before the later metric
/// shapes (baselines, group gaps, drift, rolling gauges, parts, periods, weights) were added:
/// a file that uses none of them must keep its digest, or every approval of it would go stale.
struct V1DigestPinTests {
  /// Path under the package root → the digest the earlier bursar printed for it.
  static let pinned: [String: String] = [
    "examples/.budgets/exceptions/2026-11-peak-latency.yaml":
      "sha256:4ce6101c651fcd7506d8354fa7fecb80f0ad55badab1df7daabe5334f4510dca",
    // An import mapping, pinned as it was first published: approvals bind to it too.
    "examples/.budgets/imports/locust.yaml":
      "sha256:83a20e8b7be6980c327778d01e25aa0460ab3232d3fc4259dde0d1bda083bb1a",
    "examples/.budgets/models/fraud-detector.yaml":
      "sha256:2634ff2190bf4c9d296ab703084e789ea5880a93e64c6c522844f11c319fcec7",
    "examples/.budgets/models/recommender.yaml":
      "sha256:ae4f4b7c735f2cd1c3f35fd71f92acaa57988e9e0efe9f5511350ea80625997d",
    "examples/.budgets/models/search-ranking.yaml":
      "sha256:bde0d4c9f4b0aac815e05300cb36bc5361e7fcf66961045615216e9de206a5b4",
    // The example now lists `regressions: { blocking: [latency] }`, a change of meaning; the
    // file without those lines still digests to sha256:0a7fae28a46f8d1c… as before.
    "examples/.budgets/owners.yaml":
      "sha256:fac9b87eda023a88f161cdf3570efa2bbde05cc9776f93558502678fca3c3294",
    "examples/invalid/band-inverted.yaml":
      "sha256:11cdca011204d8869ea74b0435d4816cf36e012b005f5de12f6b901bc5685823",
    "examples/invalid/duplicate-name.yaml":
      "sha256:88929e0c45c488cf05ec44844af1418122219784666f4dd88c3ec76dd1ca3a1c",
    "examples/invalid/empty-reason.yaml":
      "sha256:cf091e987910f7837586e9bd2558eec037df910eeae59f0f8e376222e94d1566",
    "examples/invalid/exception-too-long.yaml":
      "sha256:66ae81d2e10d4917b2445e9ea6878384df8c8b51f5fd53d5ee56e800a65e8bc3",
    "examples/invalid/expires-before-starts.yaml":
      "sha256:a5f6013a08817252c2952209a74ca4fb4a5b5a6e6b5b5af9457472726f10fd34",
    "examples/invalid/norway.yaml":
      "sha256:13113dd31da42a2e0177551678f160eeae639deb181bce3c57629bfad1198714",
    "examples/invalid/percent-over.yaml":
      "sha256:a8b4f81029a28730cdedc57d4565c02f860f8d8b4780f54da191c17cac6c88f0",
    "examples/invalid/typo-key.yaml":
      "sha256:1a6a94d7ef619137fca0bbc059aa13dcb8ae2085ccc1e92e99d4d628af7f7936",
    "examples/invalid/unit-mismatch.yaml":
      "sha256:6af02bf128cd433f57238ebe899bd33bc890da91becb90172d993991e76437ef",
    "examples/invalid/unknown-budget.yaml":
      "sha256:1fcf8b00d325d68fe256b6adb540a13141dfe7f966b4fe4d4da8ce8789e78a85",
    "examples/invalid/unknown-dimension.yaml":
      "sha256:8ad192e5f5ec8298c32610906101679bad0314bd38f02dd28058dd7e525ad04c",
    "examples/invalid/unknown-owner.yaml":
      "sha256:67764d0551097aef1223c866e7be824aff881368debce9a21e5ce15aa49def6e",
    ".budgets/bursar.yaml":
      "sha256:8209ee2ef206c6b2911d328d47534225a1c722b33fb6cfed75bdedb11f381f14",
    ".budgets/owners.yaml":
      "sha256:20d30eebad4afebb026712b62edb227cb3b2d4931d206daf8cc8382ef71b2ec5",
  ]

  private func digest(_ text: String) throws -> String {
    MeaningDigest.digest(of: try StrictYAMLReader().read(Array(text.utf8), path: "f.yaml").get())
  }

  @Test(arguments: pinned.keys.sorted())
  func aV1FileKeepsItsDigest(_ path: String) throws {
    let text = try String(
      contentsOfFile: SchemaDocument.packageRoot + "/" + path, encoding: .utf8)
    #expect(try digest(text) == Self.pinned[path])
  }

  @Test func theStandardFixturesKeepTheirDigests() throws {
    #expect(
      try digest(TreeFixture.owners)
        == "sha256:786652c982804bde2e1437e20c7f85a204499418be63fd194166067cd92d8da7")
    #expect(
      try digest(TreeFixture.budget)
        == "sha256:3b045fa7826fb68f0cc2624956ab9865c69990e48730c4a7581adc10f20c970f")
  }

  /// Every valid file under the examples and the project's own `.budgets/` is pinned, so a
  /// file added there is pinned too once it is published.
  @Test func everyValidExampleIsPinned() {
    let root = SchemaDocument.packageRoot
    let files =
      SchemaSyncTests.yamlFiles(under: root + "/examples/.budgets")
      + SchemaSyncTests.yamlFiles(under: root + "/.budgets")
    for file in files {
      let path = String(file.dropFirst(root.count + 1))
      #expect(Self.pinned[path] != nil, "\(path) has no pinned digest")
    }
  }

  /// New fields enter the digest only when present, normalised like the first four.
  @Test func newFieldsAreNormalisedQuantities() throws {
    let base =
      "version: 1\nkind: Budget\nname: a\nowner: t\nmetrics:\n  acc: { dimension: quality, baseline: 95%, max_drop: 8% }\n"
    #expect(
      try digest(base)
        == digest(base.replacingOccurrences(of: "baseline: 95%", with: "baseline: 95.00%")))
    #expect(
      try digest(base)
        != digest(base.replacingOccurrences(of: "max_drop: 8%", with: "max_drop: 9%")))
    let value = try StrictYAMLReader().read(Array(base.utf8), path: "f").get()
    #expect(MeaningDigest.canonicalForm(of: value).contains(#""max_drop":"ratio:0.08""#))
  }
}
