import BudgetKit
import Foundation

/// Reads `.budgets/` from the files on disk, never following symbolic links.
struct WorkTreeReader {
  let workTree: String
  let root: String
  let limits: ReadLimits

  func snapshot() throws(LedgerError) -> BudgetSnapshot {
    let folder = "\(workTree)/\(root)"
    switch Self.fileType(folder) {
    case nil: throw .noBudgetsFolder(source: .workTree)
    case .typeDirectory?: break
    default:
      return BudgetSnapshot(
        files: [],
        diagnostics: [
          Diagnostic(
            .budgetsNotDirectory, at: .start(of: root), "`\(root)` is not a folder",
            hint: "move it aside and run `bursar init`, or make \(root)/ a folder of budget files")
        ])
    }
    var files: [BudgetSourceFile] = []
    walk(folder: folder, relative: root, depth: 0, into: &files)
    return BudgetSnapshot(files: files)
  }

  private func walk(folder: String, relative: String, depth: Int, into files: inout [BudgetSourceFile]) {
    guard depth < 32, let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
    for name in names.sorted() {
      guard files.count <= limits.maxFiles else { return }
      let path = "\(folder)/\(name)"
      let shown = "\(relative)/\(name)"
      switch Self.fileType(path) {
      case .typeDirectory?: walk(folder: path, relative: shown, depth: depth + 1, into: &files)
      case .typeRegular?: files.append(BudgetSourceFile(path: shown, content: read(path, shown: shown)))
      case .typeSymbolicLink?: files.append(BudgetSourceFile(path: shown, content: .symlink))
      default: files.append(BudgetSourceFile(path: shown, content: .other("not a regular file")))
      }
    }
  }

  private func read(_ path: String, shown: String) -> BudgetSourceFile.Content {
    guard shown.hasSuffix(".yaml") || shown.hasSuffix(".yml") else { return .bytes([]) }
    let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
    guard size <= limits.maxFileBytes else { return .tooLarge(size) }
    guard let handle = FileHandle(forReadingAtPath: path) else { return .unreadable("permission denied") }
    defer { try? handle.close() }
    // Read one byte past the limit, so a file that grew since it was measured is still caught.
    guard let data = try? handle.read(upToCount: limits.maxFileBytes + 1) else { return .bytes([]) }
    guard data.count <= limits.maxFileBytes else { return .tooLarge(data.count) }
    return .bytes([UInt8](data))
  }

  /// The type of a path without following a final symbolic link.
  static func fileType(_ path: String) -> FileAttributeType? {
    (try? FileManager.default.attributesOfItem(atPath: path))?[.type] as? FileAttributeType
  }
}
