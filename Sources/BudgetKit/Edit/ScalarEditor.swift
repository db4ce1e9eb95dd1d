/// Replaces one scalar of a YAML file by its characters only: comments, key order, spacing,
/// quoting and every other byte stay as they were.
///
/// The strict reader records where each scalar starts (line and column, in Unicode scalars);
/// the editor turns that into a byte offset, finds where the scalar's characters end (a closing
/// quote, or for a plain scalar the end of its text on that line), and splices the new text
/// in, inside the same quotes. It then reads the result back and refuses it unless the file
/// means exactly what it meant with that one value replaced.
public struct ScalarEditor: Sendable {
  public var limits: ReadLimits

  public init(limits: ReadLimits = .standard) {
    self.limits = limits
  }

  /// The file with the scalar at `keys` (mapping keys from the root, such as
  /// `["metrics", "latency_p95", "max"]`) replaced by `text`.
  public func replace(
    _ keys: [String], with text: String, in bytes: [UInt8], path: String
  ) throws(ScalarEditError) -> [UInt8] {
    let root = try read(bytes, path: path)
    guard case .scalar(let scalar)? = Self.value(at: keys, in: root) else {
      throw .notFound(path: path, keys: keys)
    }
    let range = try Self.byteRange(of: scalar, in: bytes)
    var edited = Array(bytes[..<range.lowerBound])
    edited += Array(text.utf8)
    edited += Array(bytes[range.upperBound...])
    let reread = try read(edited, path: path)
    guard case .scalar(let after)? = Self.value(at: keys, in: reread), after.text == text,
      let expected = Self.replacing(keys, in: root, with: text),
      MeaningDigest.canonicalForm(of: expected) == MeaningDigest.canonicalForm(of: reread)
    else { throw .meaningChanged(scalar.location) }
    return edited
  }

  private func read(_ bytes: [UInt8], path: String) throws(ScalarEditError) -> YAMLValue {
    switch StrictYAMLReader(limits: limits).read(bytes, path: path) {
    case .success(let value): return value
    case .failure(let failure):
      throw .unreadable(path: path, first: failure.diagnostics.first?.description ?? "")
    }
  }

  /// The node at a path of mapping keys.
  static func value(at keys: [String], in value: YAMLValue) -> YAMLValue? {
    var node = value
    for key in keys {
      guard case .mapping(let mapping) = node, let next = mapping[key] else { return nil }
      node = next
    }
    return node
  }

  /// The tree with the scalar at `keys` holding `text`, for comparing meanings.
  static func replacing(_ keys: [String], in value: YAMLValue, with text: String) -> YAMLValue? {
    guard let key = keys.first else {
      guard case .scalar(var scalar) = value else { return nil }
      scalar.text = text
      return .scalar(scalar)
    }
    guard case .mapping(var mapping) = value,
      let index = mapping.entries.firstIndex(where: { $0.key == key }),
      let inner = replacing(Array(keys.dropFirst()), in: mapping.entries[index].value, with: text)
    else { return nil }
    mapping.entries[index].value = inner
    return .mapping(mapping)
  }

  /// The bytes of a scalar's characters: inside its quotes for a quoted one, its text on its
  /// line for a plain one.
  static func byteRange(of scalar: YAMLScalar, in bytes: [UInt8]) throws(ScalarEditError)
    -> Range<Int>
  {
    let location = scalar.location
    guard let start = offset(line: location.line, column: location.column, in: bytes),
      start < bytes.count
    else { throw .notEditable(location, reason: "its place is outside the file") }
    let lineEnd = bytes[start...].firstIndex { $0 == 0x0A || $0 == 0x0D } ?? bytes.count
    let first = bytes[start]
    if first == UInt8(ascii: "'") || first == UInt8(ascii: "\"") {
      var index = start + 1
      while index < lineEnd {
        let byte = bytes[index]
        if first == UInt8(ascii: "\""), byte == UInt8(ascii: "\\") {
          index += 2
          continue
        }
        if byte == first {
          if first == UInt8(ascii: "'"), index + 1 < lineEnd, bytes[index + 1] == first {
            index += 2
            continue
          }
          let inner = (start + 1)..<index
          guard String(decoding: bytes[inner], as: UTF8.self) == scalar.text else {
            throw .notEditable(location, reason: "the quoted value holds escapes")
          }
          return inner
        }
        index += 1
      }
      throw .notEditable(location, reason: "the quoted value runs across lines")
    }
    if first == UInt8(ascii: "|") || first == UInt8(ascii: ">") {
      throw .notEditable(location, reason: "the value is a block scalar")
    }
    let written = Array(scalar.text.utf8)
    let end = start + written.count
    guard end <= lineEnd, Array(bytes[start..<end]) == written else {
      throw .notEditable(location, reason: "the value runs across lines")
    }
    return start..<end
  }

  /// The byte offset of a line and column (both from 1, the column in Unicode scalars).
  static func offset(line: Int, column: Int, in bytes: [UInt8]) -> Int? {
    var index = 0
    var currentLine = 1
    while currentLine < line {
      guard let newline = bytes[index...].firstIndex(of: 0x0A) else { return nil }
      index = newline + 1
      currentLine += 1
    }
    var scalars = 1
    while scalars < column {
      guard index < bytes.count, bytes[index] != 0x0A else { return nil }
      let byte = bytes[index]
      // A UTF-8 lead byte tells how many bytes its scalar takes.
      index += byte < 0x80 ? 1 : byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2
      scalars += 1
    }
    return index
  }
}
