import Foundation
import GitKit
import TestSupport
import Testing

@Suite struct BlobTests {
  @Test func readsSizesAndContentsLikeCatFile() throws {
    let fixture = try makeSampleRepository()
    try fixture.write(path: "binary.bin", data: Data((0...255).map { UInt8($0) } + [0, 0, 10]))
    try fixture.write(path: "empty", contents: "")
    try fixture.commit(message: "binary and empty")
    let repository = try open(fixture)
    let files = try repository.files(inTree: Oid(hex: fixture.git("rev-parse", "HEAD^{tree}"))!)
    for entry in files where entry.kind != .submodule {
      let size = try fixture.git("cat-file", "-s", entry.id.hex)
      #expect(try repository.blobSize(entry.id) == Int(size)!, "\(entry.path)")
      let content = try runProcess(
        "git", ["cat-file", "blob", entry.id.hex], environment: TemporaryRepository.environment(),
        cwd: fixture.path)
      #expect(try repository.blob(entry.id, maxSize: Int(size)!) == content.stdout, "\(entry.path)")
    }
  }

  @Test func refusesBlobsOverTheLimit() throws {
    let fixture = try TemporaryRepository()
    try fixture.write(path: ".budgets/big.yaml", contents: String(repeating: "x", count: 5000))
    try fixture.commit(message: "big")
    let repository = try open(fixture)
    let id = try Oid(hex: fixture.git("rev-parse", "HEAD:.budgets/big.yaml"))!
    let size = try Int(fixture.git("cat-file", "-s", id.hex))!
    #expect(throws: GitError.blobTooLarge(path: ".budgets/big.yaml", size: size, limit: size - 1)) {
      try repository.blob(id, maxSize: size - 1, path: ".budgets/big.yaml")
    }
    #expect(throws: GitError.blobTooLarge(path: id.hex, size: size, limit: 10)) {
      try repository.blob(id, maxSize: 10)
    }
    #expect(try repository.blob(id, maxSize: size).count == size)
  }

  @Test func somethingElseIsNotABlob() throws {
    let fixture = try makeSampleRepository()
    let repository = try open(fixture)
    let tree = try Oid(hex: fixture.git("rev-parse", "HEAD^{tree}"))!
    #expect(throws: GitError.wrongObjectType(tree.hex, expected: "blob")) {
      try repository.blobSize(tree)
    }
    let absent = Oid(hex: String(repeating: "cd", count: 20))!
    #expect(throws: GitError.objectNotFound(absent)) { try repository.blob(absent, maxSize: 10) }
  }
}
