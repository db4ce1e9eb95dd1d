import BudgetKit
import Foundation

/// Writes values into budget files in the work tree, each by its characters only
/// (`ScalarEditor`): comments, order, quoting and spacing stay. All files are edited in memory
/// first; only when every edit succeeds is each file replaced, through a temporary file beside
/// it renamed over it, so a failure leaves every file as it was.
public struct ValueEditWriter: Sendable {
  /// The work tree's absolute path.
  public var workTree: String

  public init(workTree: String) {
    self.workTree = workTree
  }

  /// Applies the edits and returns the paths written, in order. `expected` holds, by path, the
  /// bytes the edits were planned from; a file that differs now is refused.
  @discardableResult
  public func apply(_ edits: [ValueEdit], expected: [String: [UInt8]] = [:])
    throws(ValueEditFailure) -> [String]
  {
    var order: [String] = []
    var grouped: [String: [ValueEdit]] = [:]
    for edit in edits {
      if grouped[edit.path] == nil { order.append(edit.path) }
      grouped[edit.path, default: []].append(edit)
    }
    var results: [(String, [UInt8])] = []
    for path in order {
      let full = "\(workTree)/\(path)"
      guard let data = FileManager.default.contents(atPath: full) else {
        throw .file(path: path, reason: "cannot be read")
      }
      var bytes = [UInt8](data)
      if let planned = expected[path], planned != bytes { throw .changedSince(path: path) }
      for edit in grouped[path] ?? [] {
        do throws(ScalarEditError) {
          bytes = try ScalarEditor().replace(edit.keys, with: edit.text, in: bytes, path: path)
        } catch {
          throw .edit(error)
        }
      }
      results.append((path, bytes))
    }
    for (path, bytes) in results {
      let full = "\(workTree)/\(path)"
      do {
        try Data(bytes).write(to: URL(fileURLWithPath: full), options: .atomic)
      } catch {
        throw .file(path: path, reason: error.localizedDescription)
      }
    }
    return order
  }
}
