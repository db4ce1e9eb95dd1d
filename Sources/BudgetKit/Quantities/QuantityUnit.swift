import Foundation

/// A unit a quantity may be written in, with its factor to the family's base unit.
///
/// Base units: seconds, fraction (1 = 100%), bytes, the currency's unit, events per second,
/// joules, and 1 for plain numbers.
public struct QuantityUnit: Hashable, Sendable {
  /// The unit's fields, shared: every `150ms` of a tree refers to the one `ms`, so a quantity
  /// carries a reference rather than a copy of the symbol, family and factor.
  private var storage: Storage

  public var symbol: String {
    get { storage.symbol }
    set { storage = Storage(symbol: newValue, family: family, factor: factor) }
  }

  public var family: UnitFamily {
    get { storage.family }
    set { storage = Storage(symbol: symbol, family: newValue, factor: factor) }
  }

  public var factor: Decimal {
    get { storage.factor }
    set { storage = Storage(symbol: symbol, family: family, factor: newValue) }
  }

  public init(symbol: String, family: UnitFamily, factor: Decimal) {
    storage = Storage(symbol: symbol, family: family, factor: factor)
  }

  public static func == (lhs: QuantityUnit, rhs: QuantityUnit) -> Bool {
    lhs.storage === rhs.storage
      || (lhs.symbol == rhs.symbol && lhs.family == rhs.family && lhs.factor == rhs.factor)
  }

  public func hash(into hasher: inout Hasher) {
    hasher.combine(symbol)
    hasher.combine(family)
    hasher.combine(factor)
  }

  private final class Storage: Sendable {
    let symbol: String
    let family: UnitFamily
    let factor: Decimal

    init(symbol: String, family: UnitFamily, factor: Decimal) {
      self.symbol = symbol
      self.family = family
      self.factor = factor
    }
  }

  /// The unit of plain numbers: counts and fractions.
  public static let plain = QuantityUnit(symbol: "", family: .number, factor: 1)

  /// Every unit symbol bursar reads, except currencies (any three capital letters).
  public static let table: [String: QuantityUnit] = {
    var units: [String: QuantityUnit] = [:]
    func add(_ family: UnitFamily, _ pairs: [(String, Decimal)]) {
      for (symbol, factor) in pairs {
        units[symbol] = QuantityUnit(symbol: symbol, family: family, factor: factor)
      }
    }
    add(
      .duration,
      [
        ("ns", Decimal(string: "0.000000001")!), ("us", Decimal(string: "0.000001")!),
        ("µs", Decimal(string: "0.000001")!), ("ms", Decimal(string: "0.001")!), ("s", 1),
        ("m", 60), ("min", 60), ("h", 3600), ("d", 86_400), ("w", 604_800),
      ])
    add(.ratio, [("%", Decimal(string: "0.01")!)])
    let kilo = Decimal(1000)
    let kibi = Decimal(1024)
    add(
      .bytes,
      [
        ("B", 1), ("kB", kilo), ("KB", kilo), ("MB", pow(kilo, 2)), ("GB", pow(kilo, 3)),
        ("TB", pow(kilo, 4)), ("PB", pow(kilo, 5)), ("KiB", kibi), ("MiB", pow(kibi, 2)),
        ("GiB", pow(kibi, 3)), ("TiB", pow(kibi, 4)), ("PiB", pow(kibi, 5)),
      ])
    add(
      .rate,
      [
        ("/s", 1), ("/min", Decimal(1) / 60), ("/h", Decimal(1) / 3600),
        ("/d", Decimal(1) / 86_400),
      ])
    add(
      .energy,
      [
        ("mJ", Decimal(string: "0.001")!), ("J", 1), ("kJ", kilo), ("MJ", pow(kilo, 2)),
        ("Wh", 3600), ("kWh", 3_600_000), ("MWh", 3_600_000_000),
      ])
    return units
  }()

  /// The unit for a symbol, including `USD`-style currency codes.
  public static func named(_ symbol: String) -> QuantityUnit? {
    if let unit = table[symbol] { return unit }
    let scalars = symbol.unicodeScalars
    if scalars.count == 3, scalars.allSatisfy({ $0 >= "A" && $0 <= "Z" }) {
      return QuantityUnit(symbol: symbol, family: .money(currency: symbol), factor: 1)
    }
    return nil
  }

  /// The symbols listed in error messages, by family.
  public static let examples =
    "durations (250us, 150ms, 1.5s, 2m, 24h, 7d), ratios (99.9%, 0.95), bytes (512MiB, 1.5GB), "
    + "money (0.40 USD), rates (1200/s, 50/min), energy (40J, 2Wh) or plain counts (3)"
}
