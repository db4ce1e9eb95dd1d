import Foundation
import SSHSignatures
import TestSupport
import Testing

/// Feeds random and mutated inputs to both parsers; any crash fails the whole test run.
@Suite("Parser robustness")
struct ParserFuzzTests {
  static let iterations = 2500

  @Test("Mutated and random key lines never crash the key parser")
  func keyParser() throws {
    let fixtures = try KeyFixtures.load()
    let blobs = SSHKeyAlgorithm.allCases.map { fixtures.signer($0).publicKey.wireBlob }
    var generator = SeededGenerator(seed: 0x5EED_0001)
    var accepted = 0
    for iteration in 0..<Self.iterations {
      let original = blobs[iteration % blobs.count]
      let blob = Mutator.mutate(original, using: &generator)
      let type = SSHKeyAlgorithm.allCases.randomElement(using: &generator)!.rawValue
      let line = TestWire.keyLine(type, blob, comment: "fuzz")
      if let key = try? SSHPublicKey(parsing: Mutator.mutate(text: line, using: &generator)) {
        _ = (key.fingerprint, key.authorizedKeyLine, key.bitCount)
        accepted += 1
      }
      if let key = try? SSHPublicKey(wireBlob: blob) {
        _ = key.fingerprint
      }
    }
    // Some mutations are harmless (e.g. in the comment), so a few keys should survive.
    #expect(accepted > 0)
  }

  @Test("Mutated and random signatures never crash parsing or verification")
  func signatureParser() throws {
    let fixtures = try KeyFixtures.load()
    let message = Data("fuzz".utf8)
    let samples = try SSHKeyAlgorithm.allCases.map { algorithm in
      let key = fixtures.signer(algorithm)
      let text = try SSHKeygenOracle.sign(
        message, namespace: KeyFixtures.namespace, keyFile: key.privateKeyPath)
      return (key.publicKey, try SSHSignature(armored: text).blob)
    }
    var generator = SeededGenerator(seed: 0x5EED_0002)
    var forged = 0
    for iteration in 0..<Self.iterations {
      let (key, original) = samples[iteration % samples.count]
      let blob = Mutator.mutate(original, using: &generator)
      let armored = Mutator.mutate(text: TestWire.armor(blob), using: &generator)
      for candidate in [try? SSHSignature(blob: blob), try? SSHSignature(armored: armored)] {
        guard let signature = candidate, signature.blob != original else { continue }
        if signature.verify(message: message, namespace: KeyFixtures.namespace, by: key) {
          forged += 1
        }
        _ = signature.verify(message: message, namespace: signature.namespace, by: signature.signer)
      }
    }
    #expect(forged == 0)
  }
}

/// Random damage of the kinds that copying, truncation and tampering cause.
enum Mutator {
  static func mutate(_ bytes: [UInt8], using generator: inout SeededGenerator) -> [UInt8] {
    var result = bytes
    let edits = Int.random(in: 1...4, using: &generator)
    for _ in 0..<edits {
      let position = result.isEmpty ? 0 : Int.random(in: 0..<result.count, using: &generator)
      switch Int.random(in: 0..<7, using: &generator) {
      case 0 where !result.isEmpty:
        result[position] ^= UInt8(1 << Int.random(in: 0..<8, using: &generator))
      case 1 where !result.isEmpty:
        result[position] = UInt8.random(in: 0...255, using: &generator)
      case 2:
        result = Array(result.prefix(position))
      case 3:
        result.insert(UInt8.random(in: 0...255, using: &generator), at: position)
      case 4 where result.count >= position + 4:
        // Forge a length prefix, the classic way to make parsers over-read.
        let forged: [UInt8] = [[0xFF, 0xFF, 0xFF, 0xFF], [0x7F, 0xFF, 0xFF, 0xFF], [0, 0, 0, 0]]
          .randomElement(using: &generator)!
        result.replaceSubrange(position..<position + 4, with: forged)
      case 5:
        let count = Int.random(in: 0..<64, using: &generator)
        result = (0..<count).map { _ in UInt8.random(in: 0...255, using: &generator) }
      default:
        break
      }
    }
    return result
  }

  static func mutate(text: String, using generator: inout SeededGenerator) -> String {
    var scalars = Array(text.unicodeScalars)
    guard !scalars.isEmpty, Bool.random(using: &generator) else { return text }
    let position = Int.random(in: 0..<scalars.count, using: &generator)
    let replacements: [Unicode.Scalar] = ["\n", "\r", " ", "=", "-", "A", "\u{0}", "é", "\u{301}"]
    switch Int.random(in: 0..<3, using: &generator) {
    case 0: scalars[position] = replacements.randomElement(using: &generator)!
    case 1: scalars.insert(replacements.randomElement(using: &generator)!, at: position)
    default: scalars.removeSubrange(position...)
    }
    var result = String.UnicodeScalarView()
    result.append(contentsOf: scalars)
    return String(result)
  }
}
