/// Which difference between the two empirical distribution functions the test looks for,
/// named as scipy's `ks_2samp(alternative=…)` names them.
///
/// With F1 and F2 the ECDFs of the first and second sample:
/// - `twoSided`: D = sup |F1 − F2|, the larger of the two below;
/// - `greater`: D+ = sup (F1 − F2), the first sample's values tend to be smaller;
/// - `less`: D− = sup (F2 − F1), the first sample's values tend to be larger.
public enum KolmogorovSmirnovAlternative: String, Sendable, CaseIterable {
  case twoSided = "two-sided"
  case less
  case greater
}
