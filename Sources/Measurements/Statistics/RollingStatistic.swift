/// What a rolling window reduces its points to.
public enum RollingStatistic: String, Sendable, CaseIterable {
  case mean
  case min
  case max
  /// The middle value, or the mean of the two middle values (pandas' `rolling().median()`).
  case median
  case sum
  /// The number of points in the window.
  case count
}
