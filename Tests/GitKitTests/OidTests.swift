import GitKit
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
}
