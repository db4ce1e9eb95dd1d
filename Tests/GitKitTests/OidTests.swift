import GitKit
import TestSupport
import Testing

@Suite struct OidTests {
  @Test func acceptsOnlyFullHexadecimalIds() {
    let hex = "0123456789abcdef0123456789abcdef01234567"
    #expect(Oid(hex: hex)?.hex == hex)
    #expect(Oid(hex: hex.uppercased())?.hex == hex)
    #expect(Oid(hex: hex)?.description == hex)
    #expect(Oid(hex: hex)?.abbreviated == "0123456")
    #expect(Oid(hex: String(hex.dropLast())) == nil)
    #expect(Oid(hex: hex + "0") == nil)
    #expect(Oid(hex: String(hex.dropLast()) + "g") == nil)
    #expect(Oid(hex: "") == nil)
  }

  @Test func equalIdsHashAlike() {
    let lower = Oid(hex: String(repeating: "ab", count: 20))
    let upper = Oid(hex: String(repeating: "AB", count: 20))
    #expect(lower == upper)
    #expect(Set([lower, upper]).count == 1)
  }

  @Test func ordersAndPrintsLikeTheirHexadecimalText() {
    var random = SeededGenerator(seed: 12)
    let digits = Array("0123456789abcdef")
    // Mostly shared prefixes, so every one of the three stored words decides some order.
    let base = String((0..<40).map { _ in digits[random.next(16)] })
    let ids = (0..<300).map { _ -> String in
      var text = Array(base)
      let from = random.next(40)
      for index in from..<40 where random.next(3) == 0 { text[index] = digits[random.next(16)] }
      return String(text)
    }
    let oids = ids.map { Oid(hex: $0)! }
    #expect(oids.map(\.hex) == ids)
    #expect(oids.sorted().map(\.hex) == ids.sorted())
    for (a, b) in zip(oids, oids.dropFirst()) {
      #expect((a < b) == (a.hex < b.hex), "\(a) \(b)")
      #expect((a == b) == (a.hex == b.hex), "\(a) \(b)")
    }
  }

  @Test func bytesRoundTrip() {
    let hex = "00ff10e07f80a5c3000000000000000000000001"
    let id = Oid(hex: hex)!
    #expect(
      id.bytes == [0x00, 0xff, 0x10, 0xe0, 0x7f, 0x80, 0xa5, 0xc3] + Array(repeating: 0, count: 11)
        + [1])
    #expect(Oid(bytes: id.bytes) == id)
    #expect(Oid(bytes: id.bytes.dropLast()) == nil)
    #expect(Oid(hex: "\u{e9}" + String(hex.dropFirst(2))) == nil)
  }
}
