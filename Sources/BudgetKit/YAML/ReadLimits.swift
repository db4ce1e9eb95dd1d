/// The bounds within which bursar reads untrusted budget files.
///
/// Every file under `.budgets/` is untrusted input; these limits keep any answer within a second
/// and in bounded memory, whatever the file holds.
public struct ReadLimits: Sendable {
  /// The largest file read, in bytes.
  public var maxFileBytes: Int
  /// The deepest nesting of mappings and sequences.
  public var maxDepth: Int
  /// The most files read from one `.budgets/` tree.
  public var maxFiles: Int

  public init(maxFileBytes: Int = 1 << 20, maxDepth: Int = 32, maxFiles: Int = 100_000) {
    self.maxFileBytes = maxFileBytes
    self.maxDepth = maxDepth
    self.maxFiles = maxFiles
  }

  public static let standard = ReadLimits()
}
