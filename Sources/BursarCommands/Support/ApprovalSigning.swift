import BudgetKit
import Foundation
import SSHSignatures

/// Signs an approval's message with `ssh-keygen -Y sign`: with a key file, or through
/// ssh-agent with one of the member's listed public keys.
struct ApprovalSigning {
  var keyFile: String?
  /// What the signature is for: approvals, or recorded runs (`bursar-run`).
  var namespace = ApprovalMessage.namespace

  func sign(_ message: Data, keys: [String]) throws -> String {
    let signer = SSHKeygenSigner()
    if let keyFile {
      do {
        return try signer.sign(
          message: message, namespace: namespace, keyFile: keyFile)
      } catch {
        throw CommandFailure("cannot sign with \(keyFile): \(String(describing: error))")
      }
    }
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
      "bursar-approve-\(UUID().uuidString)")
    try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    var last: SSHKeygenError?
    for (index, key) in keys.enumerated() {
      let file = folder.appendingPathComponent("key\(index).pub")
      guard (try? Data((key + "\n").utf8).write(to: file)) != nil else { continue }
      do throws(SSHKeygenError) {
        return try signer.sign(
          message: message, namespace: namespace, keyFile: file.path)
      } catch {
        last = error
      }
    }
    throw CommandFailure(
      "ssh-agent could not sign with any of your listed keys (\(last?.description ?? "no key")); give --key FILE"
    )
  }
}
