import Foundation

/// The keys of an `ssh-keygen` allowed-signers file (`gpg.ssh.allowedSignersFile`): one
/// signer a line, `principal[,principal…] [options] keytype base64 [comment]`, `#` comments.
///
/// Options other than the key are not applied: a key listed here is trusted for every
/// namespace, and `valid-after`/`valid-before` are ignored.
public struct SSHAllowedSigners: Sendable {
  /// A line that could not be read, counted from 1.
  public struct LineError: Error, Sendable, Equatable, CustomStringConvertible {
    public var line: Int
    public var message: String
    public var description: String { "line \(line): \(message)" }
  }

  public struct Entry: Sendable {
    public var principal: String
    public var key: SSHPublicKey
  }

  public var entries: [Entry]

  public init(entries: [Entry]) { self.entries = entries }

  /// The signers of the file's text.
  public init(parsing text: String) throws(LineError) {
    var entries: [Entry] = []
    for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false)
      .enumerated()
    {
      let line = rawLine.trimmingCharacters(in: .whitespaces)
      if line.isEmpty || line.hasPrefix("#") { continue }
      let fields = line.split(separator: " ", omittingEmptySubsequences: true)
      guard fields.count >= 3 else {
        throw LineError(line: index + 1, message: "expected `principal keytype base64`")
      }
      // The key starts at the first field naming a key algorithm; options come before it.
      guard
        let start = fields.indices.dropFirst().first(where: {
          SSHKeyAlgorithm(rawValue: String(fields[$0])) != nil
        })
      else { throw LineError(line: index + 1, message: "no SSH public key on the line") }
      let keyText = fields[start...].joined(separator: " ")
      let key: SSHPublicKey
      do { key = try SSHPublicKey(parsing: keyText) } catch {
        throw LineError(line: index + 1, message: error.description)
      }
      for principal in fields[0].split(separator: ",") {
        entries.append(Entry(principal: String(principal), key: key))
      }
    }
    self.entries = entries
  }

  /// The principals that hold `key`.
  public func principals(of key: SSHPublicKey) -> [String] {
    entries.filter { $0.key == key }.map(\.principal)
  }
}
