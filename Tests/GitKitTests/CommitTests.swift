import Foundation
import GitKit
import TestSupport
import Testing

@Suite struct CommitTests {
  /// The fields of a commit as `git log` formats them.
  private func gitFields(_ fixture: TemporaryRepository, _ id: String) throws -> [String] {
    let format = "%T%n%P%n%an%n%ae%n%at%n%ai%n%cn%n%ce%n%ct%n%ci%n%s"
    return try fixture.git("log", "-1", "--format=\(format)", id)
      .components(separatedBy: "\n")
  }

  /// The message as stored: everything after the header's blank line.
  private func rawMessage(_ fixture: TemporaryRepository, _ id: String) throws -> String {
    let object = try runProcess(
      "git", ["cat-file", "commit", id], environment: TemporaryRepository.environment(),
      cwd: fixture.path)
    let text = object.stdoutText
    return String(text[text.range(of: "\n\n")!.upperBound...])
  }

  /// "+0530" as minutes east of UTC.
  private func offsetMinutes(ofISODate date: String) -> Int {
    let zone = date.split(separator: " ").last!
    let sign = zone.hasPrefix("-") ? -1 : 1
    let digits = zone.dropFirst()
    return sign * (Int(digits.prefix(2))! * 60 + Int(digits.suffix(2))!)
  }

  private func expectMatchesGit(_ info: CommitInfo, _ fixture: TemporaryRepository) throws {
    let fields = try gitFields(fixture, info.id.hex)
    #expect(info.treeId.hex == fields[0])
    #expect(info.parentIds.map(\.hex) == fields[1].split(separator: " ").map(String.init))
    #expect(info.author.name == fields[2])
    #expect(info.author.email == fields[3])
    #expect(info.author.time == Date(timeIntervalSince1970: Double(fields[4])!))
    #expect(info.author.offsetMinutes == offsetMinutes(ofISODate: fields[5]))
    #expect(info.committer.name == fields[6])
    #expect(info.committer.email == fields[7])
    #expect(info.committer.time == Date(timeIntervalSince1970: Double(fields[8])!))
    #expect(info.committer.offsetMinutes == offsetMinutes(ofISODate: fields[9]))
    #expect(info.summary == fields[10])
    #expect(info.message == (try rawMessage(fixture, info.id.hex)))
  }

  @Test func copiesEveryFieldOfTheSampleHistory() throws {
    let fixture = try makeSampleRepository()
    let repository = try open(fixture)
    for hex in try fixture.gitLines("rev-list", "--all") {
      let info = try repository.commit(Oid(hex: hex)!)
      #expect(info.id.hex == hex)
      #expect(info.encoding == nil)
      try expectMatchesGit(info, fixture)
    }
  }

  @Test func keepsTimeZonesMultiParagraphMessagesAndEncoding() throws {
    let fixture = try TemporaryRepository()
    try fixture.write(path: "a", contents: "a\n")
    try fixture.git("add", "a")
    let message = "First line\ncontinued here\n\nSecond paragraph\n"
    try fixture.write(path: "../message.txt", contents: message)
    try fixture.git(
      [
        "-c", "i18n.commitEncoding=ISO-8859-1", "commit", "-q", "--cleanup=verbatim",
        "-F", fixture.absolutePath("../message.txt"),
      ],
      environment: [
        "GIT_AUTHOR_DATE": "1700000000 +0530", "GIT_COMMITTER_DATE": "1700000100 -0130",
        "GIT_AUTHOR_NAME": "Ann Author", "GIT_AUTHOR_EMAIL": "ann@example.com",
      ])
    let repository = try open(fixture)
    let info = try repository.commit(repository.resolveCommit("HEAD"))
    try expectMatchesGit(info, fixture)
    #expect(info.encoding == "ISO-8859-1")
    #expect(info.author.offsetMinutes == 330)
    #expect(info.committer.offsetMinutes == -90)
  }

  @Test func unknownCommitIsNotFound() throws {
    let fixture = try makeSampleRepository()
    let repository = try open(fixture)
    let absent = Oid(hex: String(repeating: "ab", count: 20))!
    #expect(throws: ProcessFailure.self) { try fixture.git("cat-file", "-e", absent.hex) }
    #expect(throws: GitError.objectNotFound(absent)) { try repository.commit(absent) }
  }

  @Test func aTreeIdIsNotACommit() throws {
    let fixture = try makeSampleRepository()
    let repository = try open(fixture)
    let tree = try Oid(hex: fixture.git("rev-parse", "HEAD^{tree}"))!
    #expect(throws: GitError.wrongObjectType(tree.hex, expected: "commit")) {
      try repository.commit(tree)
    }
    let blob = try Oid(hex: fixture.git("rev-parse", "HEAD:README"))!
    #expect(throws: GitError.wrongObjectType(blob.hex, expected: "tree")) {
      try repository.files(inTree: blob)
    }
  }
}
