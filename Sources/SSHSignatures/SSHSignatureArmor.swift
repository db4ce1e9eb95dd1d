/// The PEM-like text wrapping of an SSHSIG blob that `ssh-keygen -Y sign` prints.
enum SSHSignatureArmor {
  static let beginMarker = "-----BEGIN SSH SIGNATURE-----"
  static let endMarker = "-----END SSH SIGNATURE-----"
  /// OpenSSH wraps the base64 body at this width.
  static let lineWidth = 70

  /// Extracts the binary blob from armored text.
  ///
  /// Whitespace around the markers and inside the body (including CRLF line
  /// ends from copies made on other systems) is ignored; anything else
  /// outside the markers is an error.
  static func decode(_ text: some StringProtocol, limit: Int) throws(SSHSignatureError) -> [UInt8] {
    guard text.utf8.count <= limit else { throw .tooLarge(limit: limit) }
    var body = Substring(text).drop(while: \.isWhitespace)
    guard body.hasPrefix(beginMarker) else { throw .missingBeginMarker }
    body = body.dropFirst(beginMarker.count)
    while let last = body.last, last.isWhitespace { body.removeLast() }
    guard body.hasSuffix(endMarker) else { throw .missingEndMarker }
    body = body.dropLast(endMarker.count)
    let base64 = String(body.filter { !$0.isWhitespace })
    guard let blob = SSHBase64.decode(base64) else { throw .notBase64 }
    return blob
  }

  /// Wraps a blob in markers with the same line layout as OpenSSH.
  static func encode(_ blob: some Collection<UInt8>) -> String {
    var base64 = Substring(SSHBase64.encode(blob))
    var lines = [beginMarker]
    while !base64.isEmpty {
      lines.append(String(base64.prefix(lineWidth)))
      base64 = base64.dropFirst(lineWidth)
    }
    lines.append(endMarker)
    return lines.joined(separator: "\n") + "\n"
  }
}
