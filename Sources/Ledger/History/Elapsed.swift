import Foundation

/// How long something took, as people say it: `45s`, `12m`, `3h 5m`, `2d 4h`.
public enum Elapsed {
  /// The span in its two largest units; negative spans are taken as none.
  public static func text(_ seconds: TimeInterval) -> String {
    let total = max(0, Int(seconds.rounded()))
    let (days, hours, minutes) = (total / 86_400, total % 86_400 / 3_600, total % 3_600 / 60)
    if days > 0 { return hours > 0 ? "\(days)d \(hours)h" : "\(days)d" }
    if hours > 0 { return minutes > 0 ? "\(hours)h \(minutes)m" : "\(hours)h" }
    if minutes > 0 { return "\(minutes)m" }
    return "\(total)s"
  }
}
