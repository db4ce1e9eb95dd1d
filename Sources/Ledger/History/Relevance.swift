import Foundation

/// Tests that decide, from a file's bytes alone, whether it can hold what a reader wants, so
/// history walks parse only those files.
public enum Relevance {
  /// Files whose bytes contain one of the words, or a backslash: in YAML only a double-quoted
  /// escape could spell a word without its bytes, and every escape starts with one. A file
  /// that fails cannot contain the words in any spelling, so skipping it loses nothing.
  public static func containing(_ words: [String]) -> @Sendable ([UInt8]) -> Bool {
    let needles = words.map { Array($0.utf8) }.filter { !$0.isEmpty }
    return { bytes in
      if bytes.contains(UInt8(ascii: "\\")) { return true }
      return needles.contains { contains(bytes, $0) }
    }
  }

  /// Whether `needle` occurs in `haystack`: `memchr` finds each candidate first byte and
  /// `memcmp` checks it, far faster than a generic collection search.
  static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
    guard !needle.isEmpty, needle.count <= haystack.count else { return needle.isEmpty }
    return haystack.withUnsafeBufferPointer { hay in
      needle.withUnsafeBufferPointer { pattern in
        guard let start = hay.baseAddress, let wanted = pattern.baseAddress else { return false }
        let last = hay.count - pattern.count
        var index = 0
        while index <= last {
          guard let found = memchr(start + index, Int32(pattern[0]), last - index + 1) else {
            return false
          }
          let at = start.distance(to: found.assumingMemoryBound(to: UInt8.self))
          if memcmp(start + at, wanted, pattern.count) == 0 { return true }
          index = at + 1
        }
        return false
      }
    }
  }
}
