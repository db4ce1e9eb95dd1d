/// A recorded run or a commit a metric names as the source of its baseline or of its drift
/// test's reference sample, by full id, so the figure it stands for cannot move quietly: a run
/// id names the run's content, a full commit id one commit.
///
/// The domain only holds the names; `check` and the semantic diff read what they stand for
/// from the recorded runs (`refs/bursar/runs`) through the ledger.
public enum RecordedReference: Sendable, Hashable, CustomStringConvertible {
  /// A recorded run, by its 32-digit content id.
  case run(String)
  /// A commit, by its full 40- (SHA-1) or 64-digit (SHA-256) id: the median of the figures the
  /// runs recorded against it give.
  case commit(String)

  /// How many hexadecimal digits a run id has.
  public static let runIDLength = 32
  /// The lengths of a full commit id.
  public static let commitIDLengths: Set<Int> = [40, 64]

  /// The YAML key of the reference's kind: `run` or `commit`.
  public var key: String {
    switch self {
    case .run: "run"
    case .commit: "commit"
    }
  }

  /// The id as written.
  public var id: String {
    switch self {
    case .run(let id), .commit(let id): id
    }
  }

  /// `{run: <id>}` or `{commit: <id>}`, as written in flow style.
  public var description: String { "{\(key): \(id)}" }

  /// Whether text is lowercase hexadecimal digits only.
  public static func isLowercaseHex(_ text: String) -> Bool {
    !text.isEmpty
      && text.utf8.allSatisfy { ($0 >= 0x30 && $0 <= 0x39) || ($0 >= 0x61 && $0 <= 0x66) }
  }
}
