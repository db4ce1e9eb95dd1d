import Foundation
import Testing

/// The layering of docs/architecture.md, read off the sources: modules import only those below
/// them, and the command line names git in the one file that opens the repository.
@Suite("Layering: what each module imports")
struct LayeringTests {
  static let sources = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .appendingPathComponent("Sources")

  /// Each Swift file of a module, by its path inside the module, with the modules it imports.
  static func imports(of module: String) throws -> [String: Set<String>] {
    let root = sources.appendingPathComponent(module)
    let files = try #require(FileManager.default.enumerator(atPath: root.path))
    var found: [String: Set<String>] = [:]
    for case let path as String in files where path.hasSuffix(".swift") {
      let text = try String(
        contentsOf: root.appendingPathComponent(path), encoding: .utf8)
      found[path] = Set(
        text.split(separator: "\n").compactMap { line in
          line.hasPrefix("import ")
            ? String(line.dropFirst(7)).trimmingCharacters(in: .whitespaces) : nil
        })
    }
    return found
  }

  @Test func theCommandLineImportsGitKitOnlyToOpenTheRepository() throws {
    let files = try Self.imports(of: "BursarCommands")
    #expect(files.count > 50)
    let naming = files.filter { $0.value.contains("GitKit") }.keys.sorted()
    #expect(naming == ["Options/RepositoryOptions.swift"])
  }

  @Test(arguments: [
    ("BudgetKit", ["GitKit", "Ledger", "Measurements", "BursarCommands", "CGit2"]),
    ("Measurements", ["GitKit", "Ledger", "BursarCommands", "CGit2"]),
    ("Ledger", ["BursarCommands", "CGit2"]),
    ("GitKit", ["BudgetKit", "Measurements", "Ledger", "BursarCommands"]),
  ])
  func modulesImportNothingAboveThem(_ module: String, _ above: [String]) throws {
    let files = try Self.imports(of: module)
    #expect(!files.isEmpty)
    for (path, imported) in files.sorted(by: { $0.key < $1.key }) {
      #expect(
        imported.isDisjoint(with: above),
        "\(module)/\(path) imports \(imported.intersection(above).sorted())")
    }
  }
}
