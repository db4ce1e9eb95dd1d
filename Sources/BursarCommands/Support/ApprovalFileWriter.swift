import BudgetKit
import Foundation

/// Writes a new approval record under `.budgets/approvals/`, never over an existing file.
struct ApprovalFileWriter {
  var workTree: String
  var root = ".budgets"

  /// Writes the text and returns its path relative to the repository root.
  func write(_ text: String, member: MemberName) throws -> String {
    let folder = "\(root)/approvals"
    let absoluteFolder = (workTree as NSString).appendingPathComponent(folder)
    do {
      try FileManager.default.createDirectory(
        atPath: absoluteFolder, withIntermediateDirectories: true)
    } catch {
      throw CommandFailure("cannot create \(folder): \(error.localizedDescription)")
    }
    let stamp = Self.stamp(of: text)
    let relative = "\(folder)/\(member.rawValue)-\(stamp).yaml"
    let absolute = (workTree as NSString).appendingPathComponent(relative)
    // O_EXCL: fail rather than replace a file that appeared, even between check and write.
    let descriptor = open(absolute, O_WRONLY | O_CREAT | O_EXCL, 0o644)
    guard descriptor >= 0 else {
      if errno == EEXIST {
        throw CommandFailure("\(relative) already exists; bursar never overwrites an approval")
      }
      throw CommandFailure("cannot write \(relative): \(String(cString: strerror(errno)))")
    }
    let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
    do { try handle.write(contentsOf: Data(text.utf8)) } catch {
      throw CommandFailure("cannot write \(relative): \(error.localizedDescription)")
    }
    return relative
  }

  /// Twelve hex digits that tell records apart: the meaning digest of the record itself.
  private static func stamp(of text: String) -> String {
    guard case .success(let value) = StrictYAMLReader().read(Array(text.utf8), path: "approval")
    else {
      return String(UUID().uuidString.prefix(12)).lowercased()
    }
    return String(MeaningDigest.digest(of: value).dropFirst(MeaningDigest.prefix.count).prefix(12))
  }
}
