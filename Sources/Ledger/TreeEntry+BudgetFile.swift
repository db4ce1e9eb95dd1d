import BudgetKit
import GitKit

extension TreeEntry {
  /// Whether the entry is a regular file named as YAML: a budget file, which bursar parses.
  /// Links, submodules and other files are classified without being read.
  var isBudgetFile: Bool {
    (kind == .file || kind == .executable) && BudgetSourceFile.isYAMLName(path)
  }
}
