import BudgetKit
import Foundation
import GitKit

/// What earlier validations learnt, kept in the git directory so the next commit re-reads only
/// what it changes: the fingerprints of trees found valid, and each valid file's `FileFacts`
/// by blob id and path.
///
/// The file is bursar's own (`bursar/validation-cache` in the git directory) and only ever a
/// shortcut: anything unexpected in it (another version, a damaged line, an unreadable file)
/// makes bursar ignore it and validate the whole tree, which writes it afresh. It is written to a
/// temporary file that replaces the old one, so a reader never sees half of it.
public struct ValidationCache: Sendable, Equatable {
  public struct Key: Hashable, Sendable {
    public var blob: Oid
    /// The path from the repository root, such as `.budgets/models/a.yaml`.
    public var path: String

    public init(blob: Oid, path: String) {
      self.blob = blob
      self.path = path
    }
  }

  /// Trees found valid, oldest first; at most `maxTrees` are kept.
  public var validTrees: [TreeFingerprint] = []
  public var facts: [Key: FileFacts] = [:]

  public static let maxTrees = 16
  /// A cache file larger than this is not read (it would describe far more than 100,000 files).
  public static let maxBytes = 64 << 20
  static let header = "bursar validation cache 1"

  public init(validTrees: [TreeFingerprint] = [], facts: [Key: FileFacts] = [:]) {
    self.validTrees = validTrees
    self.facts = facts
  }

  /// Remembers a tree as valid (most recent last).
  public mutating func rememberValid(_ tree: TreeFingerprint) {
    validTrees.removeAll { $0 == tree }
    validTrees.append(tree)
    if validTrees.count > Self.maxTrees { validTrees.removeFirst(validTrees.count - Self.maxTrees) }
  }

  /// The cache written by this version of bursar at `path`, or an empty one.
  public static func load(from path: String, version: String) -> ValidationCache {
    guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
      attributes[.type] as? FileAttributeType == .typeRegular,
      let size = attributes[.size] as? Int, size <= maxBytes,
      let data = FileManager.default.contents(atPath: path)
    else { return ValidationCache() }
    return parse([UInt8](data), version: version) ?? ValidationCache()
  }

  /// Parses the bytes of a cache file; nil when it is not one this version wrote. Read as bytes,
  /// not as a `String`, because a hook pays for every millisecond.
  static func parse(_ bytes: [UInt8], version: String) -> ValidationCache? {
    let newline = UInt8(ascii: "\n")
    let space = UInt8(ascii: " ")
    var lines = bytes.split(separator: newline, omittingEmptySubsequences: true).makeIterator()
    guard let first = lines.next(), first.elementsEqual((header + " " + version).utf8) else {
      return nil
    }
    var cache = ValidationCache()
    while let line = lines.next() {
      let fields = line.split(separator: space, maxSplits: 5, omittingEmptySubsequences: false)
      let tag = fields.first.map { String(decoding: $0, as: UTF8.self) }
      switch tag {
      case "valid":
        guard fields.count == 2, let tree = TreeFingerprint(hex: Self.text(fields[1])) else {
          return nil
        }
        cache.validTrees.append(tree)
      case "file":
        guard fields.count == 6, let blob = Oid(hex: Self.text(fields[1])),
          let facts = Self.facts(
            kind: Self.text(fields[2]), name: Self.text(fields[3]), budget: Self.text(fields[4]))
        else { return nil }
        cache.facts[Key(blob: blob, path: Self.text(fields[5]))] = facts
      default:
        return nil
      }
    }
    return cache
  }

  private static func text(_ bytes: ArraySlice<UInt8>) -> String {
    String(decoding: bytes, as: UTF8.self)
  }

  private static func facts(kind: String, name: String, budget: String) -> FileFacts? {
    guard let kind = DocumentKind(rawValue: kind) else { return nil }
    let name = name == "-" ? nil : name
    let budget = budget == "-" ? nil : BudgetName(budget)
    switch kind {
    case .owners, .approval:
      guard name == nil, budget == nil else { return nil }
    case .importMapping:
      guard budget == nil,
        (name ?? "").split(separator: ",", omittingEmptySubsequences: false).allSatisfy({
          BudgetKind.isValid(String($0))
        }) || name == nil
      else { return nil }
    case .budget:
      guard let name, BudgetKind.isValid(name), budget == nil else { return nil }
    case .exception:
      guard let name, ExceptionKind.isValid(name), let budget, BudgetKind.isValid(budget.rawValue)
      else { return nil }
    }
    return FileFacts(kind: kind, name: name, budget: budget)
  }

  /// The text of the cache file. Files whose path holds a line break are left out (they are
  /// simply read again next time).
  func text(version: String) -> String {
    var lines = [Self.header + " " + version]
    lines += validTrees.map { "valid \($0.hex)" }
    let sorted = facts.sorted {
      ($0.key.path, $0.key.blob.hex) < ($1.key.path, $1.key.blob.hex)
    }
    for (key, facts) in sorted where !key.path.contains("\n") && !key.path.contains("\r") {
      let name = facts.name ?? "-"
      let budget = facts.budget?.rawValue ?? "-"
      lines.append("file \(key.blob.hex) \(facts.kind.rawValue) \(name) \(budget) \(key.path)")
    }
    return lines.joined(separator: "\n") + "\n"
  }

  /// Writes the cache to `path` (whole or not at all), creating the folder. Failing to write is
  /// not an error worth stopping for: the cache is only a shortcut.
  @discardableResult
  public func write(to path: String, version: String) -> Bool {
    PrivateFile.write(text(version: version), to: path)
  }
}
