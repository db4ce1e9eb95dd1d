import Foundation

/// Reads a `kind: Approval` file.
struct ApprovalDecoder {
  let reader: ValueReader
  let path: String

  static let keys = ["version", "kind", "by", "approves", "note", "signature"]
  static let fileKeys = ["path", "digest"]

  func decode(_ root: YAMLMapping) -> Approval? {
    guard
      let root = reader.mapping(
        .mapping(root), "an Approval", allowed: Self.keys, required: ["by", "approves"])
    else { return nil }
    let by = root["by"].flatMap { reader.name($0, "`by`", as: MemberKind.self) }
    let note = root["note"].flatMap { reader.text($0, "`note`")?.value }
    let approves = root["approves"].map(decodeFiles) ?? []
    let signature = root["signature"].flatMap(decodeSignature)
    guard let by else { return nil }
    return Approval(path: path, by: by, approves: approves, note: note, signature: signature)
  }

  private func decodeFiles(_ value: YAMLValue) -> [ApprovedFile] {
    let items = reader.sequence(value, "`approves`")
    if items.isEmpty, case .sequence = value {
      reader.collector.report(.emptyValue, at: value.location, "`approves` lists no file")
    }
    return items.compactMap { item in
      guard
        let mapping = reader.mapping(
          item, "an approved file", allowed: Self.fileKeys, required: ["path", "digest"]),
        let path = mapping["path"].flatMap({ reader.text($0, "`path`", allowEmpty: false) }),
        let digest = mapping["digest"].flatMap({ reader.text($0, "`digest`", allowEmpty: false) })
      else { return nil }
      checkPath(path)
      checkDigest(digest)
      return ApprovedFile(path: path, digest: digest)
    }
  }

  /// Paths are relative to `.budgets/` and stay inside it.
  private func checkPath(_ path: Located<String>) {
    let components = path.value.split(separator: "/", omittingEmptySubsequences: false)
    let escapes =
      path.value.hasPrefix("/") || path.value.contains("\\")
      || components.contains { $0 == ".." || $0 == "." || $0.isEmpty }
    if escapes {
      reader.collector.report(
        .approvalPath, at: path.location,
        "approved path `\(ValueReader.clip(path.value))` must stay inside .budgets/",
        hint: "write it relative to .budgets/, such as `models/fraud-detector.yaml`")
    } else if !BudgetSourceFile.isYAMLName(path.value) {
      reader.collector.report(
        .approvalPath, at: path.location,
        "approved path `\(ValueReader.clip(path.value))` is not a budget file (.yaml or .yml)")
    }
  }

  private func checkDigest(_ digest: Located<String>) {
    guard !MeaningDigest.isWellFormed(digest.value) else { return }
    reader.collector.report(
      .digestSyntax, at: digest.location, "`\(ValueReader.clip(digest.value))` is not a digest",
      remedy: .recomputeDigest)
  }

  private func decodeSignature(_ value: YAMLValue) -> Located<String>? {
    guard let text = reader.text(value, "`signature`", allowEmpty: false) else { return nil }
    let trimmed = text.value.trimmingCharacters(in: .whitespacesAndNewlines)
    guard trimmed.hasPrefix("-----BEGIN SSH SIGNATURE-----"),
      trimmed.hasSuffix("-----END SSH SIGNATURE-----")
    else {
      reader.collector.report(
        .signatureSyntax, at: text.location, "`signature` is not an armored SSH signature",
        remedy: .signApproval)
      return nil
    }
    return text
  }
}
