import Foundation
import TestSupport
import Testing

/// What bursar suggests when `.budgets/` is missing where it looks: `bursar init` only when
/// there is no folder anywhere, `git add .budgets` when only the work tree has one.
struct MissingBudgetsFolderTests {
  /// A repository with one commit outside `.budgets/`.
  static func repositoryWithoutBudgets() throws -> TemporaryRepository {
    let repository = try TemporaryRepository()
    try repository.write(path: "README", contents: "hello\n")
    _ = try repository.commit(message: "Start")
    return repository
  }

  @Test func withNoFolderAnywhereInitIsSuggested() throws {
    let repository = try Self.repositoryWithoutBudgets()
    for arguments in [["validate", "--staged"], ["validate", "--rev", "HEAD"], ["validate"]] {
      let result = try BursarCLI.run(arguments, in: repository.path)
      #expect(result.status == 2, "\(arguments)")
      #expect(
        result.stderrText.contains("`bursar init` writes a starter one"),
        "\(arguments): \(result.stderrText)")
      #expect(!result.stderrText.contains("git add"), "\(arguments): \(result.stderrText)")
    }
    let diff = try BursarCLI.run("diff", "--staged", in: repository.path)
    #expect(diff.status == 2)
    #expect(diff.stderrText.contains("`bursar init` writes a starter one"), "\(diff.stderrText)")
  }

  @Test func aFolderOnlyInTheWorkTreeIsToBeAddedNotInitialised() throws {
    let repository = try Self.repositoryWithoutBudgets()
    let initialised = try BursarCLI.run("init", in: repository.path)
    #expect(initialised.status == 0, "\(initialised.stderrText)")
    for arguments in [
      ["validate", "--staged"], ["validate", "--rev", "HEAD"], ["diff", "--staged"],
    ] {
      let result = try BursarCLI.run(arguments, in: repository.path)
      #expect(result.status == 2, "\(arguments): \(result.stdoutText)")
      #expect(result.stderrText.contains("git add .budgets"), "\(arguments): \(result.stderrText)")
      #expect(!result.stderrText.contains("bursar init"), "\(arguments): \(result.stderrText)")
    }
    // The advice works: once added, the index is valid.
    _ = try repository.git("add", ".budgets")
    let staged = try BursarCLI.run("validate", "--staged", in: repository.path)
    #expect(staged.status == 0, "\(staged.stdoutText) \(staged.stderrText)")
    let head = try BursarCLI.run("validate", "--rev", "HEAD", in: repository.path)
    #expect(head.status == 2)
    #expect(head.stderrText.contains("`git commit`"), "\(head.stderrText)")
    #expect(!head.stderrText.contains("bursar init"), "\(head.stderrText)")
  }

  @Test func anOlderRevisionBeforeTheFolderSuggestsNothing() throws {
    let repository = try Self.repositoryWithoutBudgets()
    _ = try BursarCLI.run("init", in: repository.path)
    _ = try repository.commit(message: "Add budgets")
    let result = try BursarCLI.run("validate", "--rev", "HEAD~1", in: repository.path)
    #expect(result.status == 2)
    #expect(
      result.stderrText.contains("no .budgets/ folder in revision HEAD~1"), "\(result.stderrText)")
    #expect(!result.stderrText.contains("bursar init"), "\(result.stderrText)")
    #expect(!result.stderrText.contains("git add"), "\(result.stderrText)")
  }
}
