import BudgetKit
import GitKit

/// The files of a `.budgets/` tree at one place, ready for the `BudgetTreeLoader`: their paths,
/// and a way to read any of them, so a tree is read a batch at a time as it is parsed.
public struct BudgetSnapshot {
  /// The files' paths relative to the repository root, sorted.
  public let paths: [String]
  /// Problems with the folder itself, such as `.budgets` being a file.
  public var diagnostics: [Diagnostic]
  /// Reads the files at a range of indexes of `paths`.
  private let read: (Range<Int>) -> [BudgetSourceFile]

  /// A snapshot of files already read.
  public init(files: [BudgetSourceFile], diagnostics: [Diagnostic] = []) {
    let sorted = files.sorted { $0.path < $1.path }
    self.init(paths: sorted.map(\.path), diagnostics: diagnostics) { Array(sorted[$0]) }
  }

  /// A snapshot of files read when needed; `paths` must be sorted.
  init(
    paths: [String], diagnostics: [Diagnostic] = [],
    read: @escaping (Range<Int>) -> [BudgetSourceFile]
  ) {
    self.paths = paths
    self.diagnostics = diagnostics
    self.read = read
  }

  /// Every file, read.
  public var files: [BudgetSourceFile] { read(paths.indices) }

  /// The files at these paths, read; others are not.
  public func files(at wanted: Set<String>) -> [BudgetSourceFile] {
    paths.indices.filter { wanted.contains(paths[$0]) }.flatMap { read($0..<$0 + 1) }
  }

  /// Parses and validates the snapshot, reading it a batch at a time.
  public func load(with loader: BudgetTreeLoader = BudgetTreeLoader()) -> BudgetTree {
    var tree = loader.load(count: paths.count, read: read)
    if !diagnostics.isEmpty {
      tree.diagnostics = (diagnostics + tree.diagnostics).sortedByLocation()
    }
    return tree
  }
}
