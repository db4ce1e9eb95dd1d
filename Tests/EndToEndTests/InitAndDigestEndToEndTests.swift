import Foundation
import TestSupport
import Testing

struct InitAndDigestEndToEndTests {
  @Test func initWritesATreeThatValidatesAndNeverOverwrites() throws {
    let repository = try TemporaryRepository()
    let first = try BursarCLI.run(
      ["init"], in: repository.path, environment: ["GIT_AUTHOR_EMAIL": "x@example.com"])
    #expect(first.status == 0, "\(first.stderrText)")
    #expect(try BursarCLI.run("validate", in: repository.path).status == 0)
    try repository.write(path: ".budgets/owners.yaml", contents: "mine")
    let second = try BursarCLI.run("init", in: repository.path)
    #expect(second.status == 2)
    #expect(second.stderrText.contains("already exists"))
    #expect(
      try String(contentsOfFile: repository.path + "/.budgets/owners.yaml", encoding: .utf8)
        == "mine")
  }

  @Test func initCanListTheUsersKey() throws {
    let repository = try TemporaryRepository()
    let key =
      "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIKxmR9AxbSYJMLoiFlVa8EeJZ6tOtOMHuEKAlD+jBSAp me@example.com"
    try repository.write(path: "me.pub", contents: key + "\n")
    #expect(
      try BursarCLI.run("init", "--name", "ada", "--key", "me.pub", in: repository.path).status == 0
    )
    let owners = try String(
      contentsOfFile: repository.path + "/.budgets/owners.yaml", encoding: .utf8)
    #expect(owners.contains("name: ada") && owners.contains(key))
    #expect(try BursarCLI.run("validate", in: repository.path).status == 0)
  }

  @Test func digestFollowsMeaningNotBytes() throws {
    let repository = try TemporaryRepository.withExamples()
    let path = "models/search-ranking.yaml"
    let before = try BursarCLI.run("digest", path, in: repository.path)
    #expect(before.status == 0)
    #expect(before.stdoutText.hasPrefix("sha256:") && before.stdoutText.contains(path))
    let file = repository.path + "/.budgets/" + path
    let original = try String(contentsOfFile: file, encoding: .utf8)
    try ("# reviewed\n" + original.replacingOccurrences(of: "200ms", with: "0.2s")).write(
      toFile: file, atomically: true, encoding: .utf8)
    #expect(try BursarCLI.run("digest", path, in: repository.path).stdoutText == before.stdoutText)
    try original.replacingOccurrences(of: "200ms", with: "201ms").write(
      toFile: file, atomically: true, encoding: .utf8)
    #expect(try BursarCLI.run("digest", path, in: repository.path).stdoutText != before.stdoutText)
    #expect(
      try BursarCLI.run("digest", "--rev", "HEAD", ".budgets/" + path, in: repository.path)
        .stdoutText == before.stdoutText)
    #expect(try BursarCLI.run("digest", "models/none.yaml", in: repository.path).status == 2)
  }
}
