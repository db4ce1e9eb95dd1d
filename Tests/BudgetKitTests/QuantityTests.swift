import BudgetKit
import Foundation
import Testing

struct QuantityTests {
  @Test(arguments: [
    ("150ms", UnitFamily.duration, "0.15"),
    ("1.5s", .duration, "1.5"),
    ("2m", .duration, "120"),
    ("250us", .duration, "0.00025"),
    ("7d", .duration, "604800"),
    ("99.95%", .ratio, "0.9995"),
    ("0.92", .number, "0.92"),
    ("512MiB", .bytes, "536870912"),
    ("1.5GB", .bytes, "1500000000"),
    ("0.40 USD", .money(currency: "USD"), "0.4"),
    ("1200 EUR", .money(currency: "EUR"), "1200"),
    ("1200/s", .rate, "1200"),
    ("3kWh", .energy, "10800000"),
    ("40J", .energy, "40"),
    ("1000", .number, "1000"),
  ])
  func parsesIntoBaseUnits(text: String, family: UnitFamily, base: String) throws {
    let quantity = try QuantityParser.parse(text).get()
    #expect(quantity.family == family)
    #expect(quantity.baseValue == Decimal(string: base))
    #expect(quantity.text == text)
  }

  @Test(arguments: [
    "no", "yes", "0o17", "1e3", "-5ms", "0x1F", "", "ms", "1.", ".5", "5 ms ", "1,5s", "5  ms",
  ])
  func refusesWhatIsNotAQuantity(text: String) {
    #expect(throws: QuantityParser.Failure.self) { try QuantityParser.parse(text).get() }
  }

  @Test func unknownUnitsAreNamed() {
    #expect(throws: QuantityParser.Failure.unknownUnit("parsecs")) {
      try QuantityParser.parse("5parsecs").get()
    }
  }

  @Test func comparesAcrossUnitsOfOneFamily() throws {
    let small = try QuantityParser.parse("150ms").get()
    let large = try QuantityParser.parse("0.2s").get()
    #expect(small.compare(to: large) == .orderedAscending)
    #expect(large.compare(to: small) == .orderedDescending)
    #expect(
      try QuantityParser.parse("1GiB").get().compare(to: QuantityParser.parse("1024MiB").get())
        == .orderedSame)
  }

  @Test func neverComparesAcrossFamiliesOrCurrencies() throws {
    let usd = try QuantityParser.parse("1 USD").get()
    let eur = try QuantityParser.parse("1 EUR").get()
    let duration = try QuantityParser.parse("1s").get()
    #expect(usd.compare(to: eur) == nil)
    #expect(usd.compare(to: duration) == nil)
  }

  @Test func plainNumbersJoinRatios() throws {
    let fraction = try QuantityParser.parse("0.95").get()
    let percent = try QuantityParser.parse("95%").get()
    #expect(fraction.compare(to: percent) == .orderedSame)
  }

  @Test func relativeChangeIsInTheMetricsUnit() throws {
    let old = try QuantityParser.parse("100ms").get()
    let new = try QuantityParser.parse("0.13s").get()
    let change = try #require(old.relativeChange(to: new))
    #expect(abs(change - 0.3) < 1e-12)
  }

  @Test func canonicalTextIgnoresTheUnitWritten() throws {
    #expect(
      try QuantityParser.parse("100ms").get().canonicalText
        == QuantityParser.parse("0.1s").get().canonicalText)
    #expect(
      try QuantityParser.parse("100ms").get().canonicalText
        != QuantityParser.parse("101ms").get().canonicalText)
  }
}
