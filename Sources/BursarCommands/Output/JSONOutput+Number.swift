import Foundation

extension JSONOutput {
  /// A number as bursar's JSON writes it: its exact decimal text, never binary noise.
  ///
  /// Figures computed in floating point (a headroom, a burn rate) are written with 15
  /// significant digits, as many as a double carries faithfully, so `0.1 + 0.2` is written `0.3`,
  /// not `0.30000000000000004`; the text is plain decimal digits, without an exponent.
  /// Every JSON writer of bursar writes its numbers through this type.
  struct Number: Encodable, Hashable, Sendable, CustomStringConvertible {
    let value: Decimal

    init(_ value: Decimal) {
      self.value = value
    }

    /// The decimal a double stands for; nil for infinities and NaN, which JSON cannot write.
    init?(_ value: Double) {
      guard value.isFinite else { return nil }
      guard let decimal = Decimal(string: String(format: "%.15g", value)) else { return nil }
      self.value = decimal
    }

    /// A whole count.
    init(_ value: Int) {
      self.value = Decimal(value)
    }

    /// The JSON text: `0.0086`, `1500`, `0.00001`.
    var description: String { value.description }

    func encode(to encoder: Encoder) throws {
      var container = encoder.singleValueContainer()
      try container.encode(value)
    }
  }
}
