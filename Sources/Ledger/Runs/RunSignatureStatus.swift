import Measurements
import SSHSignatures

/// What a run's signature says about who recorded it, against an allowed-signers file: a run
/// signed with a listed key (CI's, say) is `trusted`; any other is somebody's.
public enum RunSignatureStatus: Sendable, Equatable {
  /// No signature.
  case unsigned
  /// A valid signature by a listed key, with the principals the file gives it.
  case trusted(principals: [String], fingerprint: String)
  /// A valid signature by a key the file does not list (or no file was given).
  case untrusted(fingerprint: String)
  /// A signature that does not verify over the run: the run or the signature was changed.
  case invalid(String)

  /// The word docs/json.md documents: `unsigned`, `trusted`, `untrusted` or `invalid`.
  public var word: String {
    switch self {
    case .unsigned: "unsigned"
    case .trusted: "trusted"
    case .untrusted: "untrusted"
    case .invalid: "invalid"
    }
  }

  /// Verifies `run`'s signature (namespace `bursar-run`, over `RunDocument.signedMessage`).
  public static func of(_ run: RecordedRun, allowedSigners: SSHAllowedSigners?) -> Self {
    guard let armored = run.signature else { return .unsigned }
    let signature: SSHSignature
    do { signature = try SSHSignature(armored: armored) } catch {
      return .invalid(error.description)
    }
    do {
      try signature.validate(
        message: RunDocument.signedMessage(of: run), namespace: RunDocument.namespace,
        by: signature.signer)
    } catch {
      return .invalid(error.description)
    }
    let fingerprint = signature.signer.fingerprint
    let principals = allowedSigners?.principals(of: signature.signer) ?? []
    return principals.isEmpty
      ? .untrusted(fingerprint: fingerprint)
      : .trusted(principals: principals, fingerprint: fingerprint)
  }
}
