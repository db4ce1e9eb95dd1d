/// The statistic and p-value of a two-sample Kolmogorov–Smirnov test.
public struct KolmogorovSmirnovResult: Sendable, Equatable {
  /// D (two-sided), D+ (`greater`) or D− (`less`), in [0, 1]. With the exact method it is the
  /// lattice value h/lcm(m, n) nearest the measured difference, as scipy reports it.
  public var statistic: Double
  /// The p-value, in [0, 1].
  public var pValue: Double
  /// The value at which the statistic is reached (the smallest such value).
  public var location: Double
  /// +1 when the first sample's ECDF is above the second's there, −1 when below.
  public var sign: Int
  public var alternative: KolmogorovSmirnovAlternative
  /// The method asked for.
  public var requestedMethod: KolmogorovSmirnovMethod
  /// The method that computed the p-value: `exact` or `asymptotic`, never `auto`.
  public var method: KolmogorovSmirnovMethod
  /// True when `exact` (asked for, or chosen by `auto`) could not be carried out and the
  /// asymptotic distribution gave the p-value instead.
  public var fellBackToAsymptotic: Bool
  /// The sizes of the first and second sample.
  public var firstCount: Int
  public var secondCount: Int
}
