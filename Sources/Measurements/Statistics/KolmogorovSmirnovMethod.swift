/// How the p-value of a two-sample Kolmogorov–Smirnov test is computed, named as scipy's
/// `ks_2samp(method=…)` names them.
public enum KolmogorovSmirnovMethod: String, Sendable, CaseIterable {
  /// `exact` when both samples have at most `KolmogorovSmirnovTest.largestAutoExactCount`
  /// (10,000) values, else `asymptotic`: scipy's rule.
  case auto
  /// Counting lattice paths (`SmirnovExactProbability`); falls back to `asymptotic` when the
  /// count overflows double precision or lcm(m, n) does not fit in 31 bits, as scipy does.
  case exact
  /// Two-sided: `kstwo.sf(D, round(m·n/(m+n)))` (`KolmogorovDistribution`); one-sided:
  /// Hodges' approximation `exp(−2z² − 2z(m+2n)/(3√(mn(m+n))))` with z = D·√(mn/(m+n)) and
  /// m ≥ n.
  case asymptotic = "asymp"
}
