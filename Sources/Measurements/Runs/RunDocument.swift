import BudgetKit
import Crypto
import Foundation

/// The stored form of a `RecordedRun`: one JSON object, `format: 1`, documented in
/// docs/json.md. Keys are written sorted, so the same run always gives the same bytes.
public enum RunDocument {
  /// The `ssh-keygen -Y sign -n` namespace of recorded runs.
  public static let namespace = "bursar-run"
  /// Prefixed to the signed bytes, so no other bursar text can pass for a run.
  public static let domain = "bursar-run-v1\n"

  /// The bytes stored for `run`.
  public static func encode(_ run: RecordedRun) -> [UInt8] {
    RunJSONWriter.encode(RunFile(run))
  }

  /// The id of `run`'s content: the SHA-256 of its bytes without id and signature.
  public static func id(of run: RecordedRun) -> RunID {
    identified(run).id
  }

  /// The id of an unsigned `run`'s content and the bytes stored for it with that id, encoded
  /// once: the id is the hash of the bytes with an empty id, which are then given it.
  public static func identified(_ run: RecordedRun) -> (id: RunID, bytes: [UInt8]) {
    var unsigned = run
    unsigned.id = RunID(unchecked: "")
    unsigned.signature = nil
    var bytes = encode(unsigned)
    let digest = SHA256.hash(data: bytes)
    let digits = Array("0123456789abcdef".utf8)
    var hex: [UInt8] = []
    hex.reserveCapacity(RunID.length)
    for byte in digest.prefix(RunID.length / 2) {
      hex.append(digits[Int(byte >> 4)])
      hex.append(digits[Int(byte & 0xF)])
    }
    let id = RunID(unchecked: String(decoding: hex, as: UTF8.self))
    // Keys are sorted and every string is escaped, so `,"id":""` occurs once, after `format`.
    let empty = Array(#","id":"""#.utf8)
    if let start = lastRange(of: empty, in: bytes) {
      bytes.replaceSubrange(
        start..<(start + empty.count), with: Array(#","id":"\#(id.rawValue)""#.utf8))
    }
    return (id, bytes)
  }

  private static func lastRange(of needle: [UInt8], in bytes: [UInt8]) -> Int? {
    guard bytes.count >= needle.count else { return nil }
    var start = bytes.count - needle.count
    while start >= 0 {
      if bytes[start] == needle[0], bytes[start..<(start + needle.count)].elementsEqual(needle) {
        return start
      }
      start -= 1
    }
    return nil
  }

  /// The bytes a run's signature covers: `domain`, then the run's bytes without its signature.
  public static func signedMessage(of run: RecordedRun) -> [UInt8] {
    var unsigned = run
    unsigned.signature = nil
    return Array(domain.utf8) + encode(unsigned)
  }

  /// The run stored in `bytes`; `file` names it in errors.
  ///
  /// With `only`, the run holds that budget's figures alone (the others are neither decoded nor
  /// checked), and its id is not checked against its content, which a part of the run cannot
  /// be: what `history` reads. Recording, merging, exporting and every full read check it.
  ///
  /// With `only`, the bytes are first cut down to that budget (`RunBudgetSlice`) and the cut
  /// decoded; a document the cut cannot vouch for, or whose cut fails to decode, is decoded
  /// whole, so what is read and every error said are those of the whole document.
  public static func decode(_ bytes: [UInt8], file: String, only: BudgetName? = nil)
    throws(RunDocumentError) -> RecordedRun
  {
    if let only, let sliced = RunBudgetSlice.slice(bytes, keeping: only.rawValue) {
      // The cut of a run as `record` writes it is read straight from its bytes; any other
      // by the decoder.
      if let stored = RunFileScan.read(sliced),
        let run = try? checked(stored, file: file, only: only)
      {
        return run
      }
      if let run = try? decodeWhole(sliced, file: file, only: only) { return run }
    }
    return try decodeWhole(bytes, file: file, only: only)
  }

  /// The run in `bytes` read by `JSONDecoder` alone, with no cut.
  static func decodeWhole(_ bytes: [UInt8], file: String, only: BudgetName?)
    throws(RunDocumentError) -> RecordedRun
  {
    let data = Data(bytes)
    let stored: RunFile
    do {
      let decoder = JSONDecoder()
      if let only { decoder.userInfo[RunFile.onlyBudget] = only.rawValue }
      stored = try decoder.decode(RunFile.self, from: data)
    } catch {
      // A newer run need not have this shape: its format says why it cannot be read.
      if let probe = try? JSONDecoder().decode(FormatProbe.self, from: data) {
        if probe.format > RecordedRun.format {
          throw RunDocumentError(
            file: file, jsonPath: "$.format", reason: .futureFormat(probe.format))
        }
        if probe.format < 1 {
          throw RunDocumentError(
            file: file, jsonPath: "$.format",
            reason: .malformed("format is \(probe.format); runs start at format 1"))
        }
      }
      throw RunDocumentError(
        file: file, jsonPath: path(of: error), reason: .malformed(message(of: error)))
    }
    return try checked(stored, file: file, only: only)
  }

  /// The run a decoded document holds, its format checked, and its id unless `only` is given.
  private static func checked(_ stored: RunFile, file: String, only: BudgetName?)
    throws(RunDocumentError) -> RecordedRun
  {
    guard stored.format >= 1 else {
      throw RunDocumentError(
        file: file, jsonPath: "$.format",
        reason: .malformed("format is \(stored.format); runs start at format 1"))
    }
    guard stored.format <= RecordedRun.format else {
      throw RunDocumentError(file: file, jsonPath: "$.format", reason: .futureFormat(stored.format))
    }
    let run = try stored.run(file: file)
    if only != nil { return run }
    let computed = id(of: run)
    guard computed == run.id else {
      throw RunDocumentError(
        file: file, jsonPath: "$.id",
        reason: .idMismatch(stored: run.id.rawValue, computed: computed.rawValue))
    }
    return run
  }

  private struct FormatProbe: Decodable {
    var format: Int
  }

  private static func path(of error: Error) -> String {
    guard let error = error as? DecodingError else { return "$" }
    let context: DecodingError.Context
    switch error {
    case .typeMismatch(_, let found), .valueNotFound(_, let found), .dataCorrupted(let found):
      context = found
    case .keyNotFound(let key, let found):
      return RunFile.jsonPath(found.codingPath + [key])
    @unknown default:
      return "$"
    }
    return RunFile.jsonPath(context.codingPath)
  }

  private static func message(of error: Error) -> String {
    guard let error = error as? DecodingError else { return "not a JSON object" }
    switch error {
    case .typeMismatch(let type, _): return "expected \(RunFile.word(for: type))"
    case .valueNotFound(let type, _): return "expected \(RunFile.word(for: type)), found null"
    case .keyNotFound: return "missing"
    case .dataCorrupted(let context):
      return context.codingPath.isEmpty ? "not JSON" : "not a valid value"
    @unknown default: return "not a run"
    }
  }
}
