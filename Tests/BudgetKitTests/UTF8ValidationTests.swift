import BudgetKit
import Testing

/// `RawTextChecks.firstInvalidUTF8Offset`, whose ASCII runs are read eight bytes at a time: the
/// offset of a bad byte is the same wherever it falls in or after a run.
@Suite struct UTF8ValidationTests {
  @Test(arguments: 0..<20)
  func badByteAfterAnASCIIRun(_ length: Int) {
    let run = [UInt8](repeating: UInt8(ascii: "a"), count: length)
    #expect(RawTextChecks.firstInvalidUTF8Offset(run) == nil)
    #expect(RawTextChecks.firstInvalidUTF8Offset(run + [0xFF] + run) == length)
    // A truncated sequence, an overlong form and a surrogate.
    #expect(RawTextChecks.firstInvalidUTF8Offset(run + [0xE2, 0x82]) == length)
    #expect(RawTextChecks.firstInvalidUTF8Offset(run + [0xC0, 0x80] + run) == length)
    #expect(RawTextChecks.firstInvalidUTF8Offset(run + [0xED, 0xA0, 0x80]) == length)
    // Valid sequences of two, three and four bytes, then a bad byte.
    let valid = Array("é€😀".utf8)
    #expect(RawTextChecks.firstInvalidUTF8Offset(run + valid + run) == nil)
    #expect(
      RawTextChecks.firstInvalidUTF8Offset(run + valid + run + [0x80]) == 2 * length + valid.count)
  }
}

/// The one sequence check (`UTF8Sequence`) against the standard library's UTF-8 parser, on
/// random bytes that are mostly near-UTF-8.
@Suite struct UTF8SequenceTests {
  /// Where the standard library's parser first finds an error; nil when there is none.
  static func firstError(_ bytes: [UInt8]) -> Int? {
    var parser = Unicode.UTF8.ForwardParser()
    var iterator = bytes.makeIterator()
    var offset = 0
    while true {
      switch parser.parseScalar(from: &iterator) {
      case .valid(let scalar): offset += scalar.count
      case .emptyInput: return nil
      case .error: return offset
      }
    }
  }

  @Test func agreesWithTheStandardLibrary() {
    var generator = SystemRandomNumberGenerator()
    let pieces: [[UInt8]] = [
      Array("a".utf8), Array("é".utf8), Array("€".utf8), Array("😀".utf8), [0x80], [0xBF],
      [0xC0], [0xC1], [0xC2], [0xDF], [0xE0], [0xE0, 0x9F], [0xE0, 0xA0], [0xED, 0x9F],
      [0xED, 0xA0], [0xEF], [0xF0, 0x8F], [0xF0, 0x90], [0xF4, 0x8F], [0xF4, 0x90], [0xF5],
      [0xFF], [0x00], [0x7F],
    ]
    for _ in 0..<5_000 {
      let count = Int.random(in: 0..<12, using: &generator)
      let bytes = (0..<count).flatMap { _ in pieces.randomElement(using: &generator)! }
      #expect(RawTextChecks.firstInvalidUTF8Offset(bytes) == Self.firstError(bytes), "\(bytes)")
    }
  }
}
