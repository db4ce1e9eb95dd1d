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
