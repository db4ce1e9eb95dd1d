import Foundation
import TestSupport
import Testing

/// Bad input gets a clear error and the right exit code, never a crash or a hang.
struct HostileInputEndToEndTests {
  private func expectClean(
    _ result: ProcessResult, status: Int32, mentions text: String,
    sourceLocation: SourceLocation = #_sourceLocation
  ) {
    let output = result.stdoutText + result.stderrText
    #expect(result.status == status, "\(output)", sourceLocation: sourceLocation)
    #expect(output.contains(text), "\(output)", sourceLocation: sourceLocation)
    #expect(
      !output.contains("Fatal error") && !output.contains("Stack dump"),
      sourceLocation: sourceLocation)
    #expect(output.count < 20_000, sourceLocation: sourceLocation)
  }

  @Test func outsideARepository() throws {
    let directory = try TemporaryDirectory()
    expectClean(
      try BursarCLI.run("validate", in: directory.path), status: 2,
      mentions: "not inside a git repository")
  }

  @Test func noBudgetsFolder() throws {
    let repository = try TemporaryRepository()
    try repository.write(path: "README", contents: "hi")
    _ = try repository.commit(message: "first")
    expectClean(
      try BursarCLI.run("validate", in: repository.path), status: 2, mentions: "no .budgets/ folder"
    )
    expectClean(
      try BursarCLI.run("validate", "--rev", "HEAD", in: repository.path), status: 2,
      mentions: "no .budgets/ folder")
    expectClean(
      try BursarCLI.run("validate", "--staged", in: repository.path), status: 2,
      mentions: "no .budgets/ folder")
  }

  @Test func budgetsIsAFile() throws {
    let repository = try TemporaryRepository()
    try repository.write(path: ".budgets", contents: "not a folder")
    _ = try repository.commit(message: "first")
    expectClean(
      try BursarCLI.run("validate", in: repository.path), status: 1,
      mentions: "budgets-not-directory")
    expectClean(
      try BursarCLI.run("validate", "--rev", "HEAD", in: repository.path), status: 1,
      mentions: "budgets-not-directory")
  }

  @Test func anEmptyRepositoryAndAnUnbornHead() throws {
    let repository = try TemporaryRepository()
    expectClean(
      try BursarCLI.run("validate", "--rev", "HEAD", in: repository.path), status: 2,
      mentions: "HEAD")
    _ = try runProcess(
      "cp", ["-R", BursarCLI.examples + "/.budgets", repository.path + "/.budgets"],
      cwd: repository.path)
    expectClean(try BursarCLI.run("validate", in: repository.path), status: 0, mentions: "ok")
  }

  @Test func anUnknownRevision() throws {
    let repository = try TemporaryRepository.withExamples()
    expectClean(
      try BursarCLI.run("validate", "--rev", "no-such-branch", in: repository.path), status: 2,
      mentions: "no-such-branch")
  }

  @Test func aBareRepository() throws {
    let source = try TemporaryRepository.withExamples()
    let bare = try TemporaryRepository(cloning: source.path, bare: true)
    expectClean(
      try BursarCLI.run("validate", in: bare.path), status: 2, mentions: "bare repository")
    expectClean(
      try BursarCLI.run("validate", "--rev", "main", in: bare.path), status: 0, mentions: "ok")
  }

  @Test func badArguments() throws {
    let repository = try TemporaryRepository.withExamples()
    expectClean(
      try BursarCLI.run("validate", "--rev", "HEAD", "--staged", in: repository.path), status: 2,
      mentions: "--staged")
    expectClean(
      try BursarCLI.run("validate", "--format", "yaml", in: repository.path), status: 2,
      mentions: "format")
    expectClean(
      try BursarCLI.run("frobnicate", in: repository.path), status: 2, mentions: "frobnicate")
  }

  @Test func symbolicLinksAreNotFollowed() throws {
    let repository = try TemporaryRepository.withExamples()
    try repository.symlink(path: ".budgets/models/passwd.yaml", target: "/etc/passwd")
    expectClean(
      try BursarCLI.run("validate", in: repository.path), status: 1, mentions: "file-not-regular")
    _ = try repository.commit(message: "link")
    expectClean(
      try BursarCLI.run("validate", "--rev", "HEAD", in: repository.path), status: 1,
      mentions: "file-not-regular")
  }

  @Test func binaryHugeAndMalformedFiles() throws {
    let repository = try TemporaryRepository.withExamples()
    var bytes = [UInt8](repeating: 0, count: 4096)
    for index in bytes.indices { bytes[index] = UInt8(truncatingIfNeeded: index &* 7919) }
    try repository.write(path: ".budgets/models/binary.yaml", data: Data(bytes))
    try repository.write(
      path: ".budgets/models/huge.yaml",
      contents: "version: 1\n# " + String(repeating: "x", count: 3 << 20))
    try repository.write(
      path: ".budgets/models/bom.yaml", data: Data([0xEF, 0xBB, 0xBF] + Array("version: 1\n".utf8)))
    try repository.write(
      path: ".budgets/models/deep.yaml", contents: String(repeating: "[", count: 50_000))
    try repository.write(
      path: ".budgets/models/longline.yaml",
      contents: "a: [" + String(repeating: "y", count: 3_000_000))
    for source in [["validate"], ["validate", "--rev", "HEAD"]] {
      if source.count > 1 { _ = try repository.commit(message: "hostile files") }
      let result = try BursarCLI.run(source, in: repository.path)
      expectClean(result, status: 1, mentions: "file-too-large")
      for rule in ["file-encoding", "yaml-bom"] {
        #expect(result.stdoutText.contains(rule), "\(rule) missing: \(result.stdoutText)")
      }
      #expect(result.stdoutText.contains("deep.yaml:1:"))
    }
  }

  @Test(.timeLimit(.minutes(1)))
  func thousandsOfUnknownNamesAgainstThousandsOfKnownOnesDoNotHang() throws {
    let repository = try TemporaryRepository.withExamples()
    let metrics = (0..<5000).map { "  m\($0): { dimension: latency, max: 1s }" }.joined(
      separator: "\n")
    try repository.write(
      path: ".budgets/models/wide.yaml",
      contents: "version: 1\nkind: Budget\nname: wide\nowner: sre\nmetrics:\n\(metrics)\n")
    let unknown = (0..<5000).map { "  x\($0): { max: 2s }" }.joined(separator: "\n")
    try repository.write(
      path: ".budgets/exceptions/wide.yaml",
      contents:
        "version: 1\nkind: Exception\nid: W\nbudget: wide\nreason: r\nstarts: 2099-01-01\nexpires: 2099-01-02\nmetrics:\n\(unknown)\n"
    )
    let result = try BursarCLI.run("validate", "--format", "json", in: repository.path)
    #expect(result.status == 1)
    let object = try #require(
      try JSONSerialization.jsonObject(with: result.stdout) as? [String: Any])
    let errors = try #require(object["errors"] as? [[String: Any]])
    #expect(errors.filter { $0["rule"] as? String == "unknown-metric" }.count == 5000)
  }
}
