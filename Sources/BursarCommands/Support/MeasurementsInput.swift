import Foundation
import Ledger

/// The bytes of a measurements file, or of standard input for `-`, read within a size limit.
struct MeasurementsInput {
  var path: String
  /// Larger files are refused before they are read whole.
  var maxBytes = 256 << 20

  func read() throws -> [UInt8] {
    let handle: FileHandle
    var expected = 0
    if path == "-" {
      handle = FileHandle.standardInput
    } else {
      // A link is followed here: the file is named on the command line, not found in a tree.
      var info = stat()
      guard stat(path, &info) == 0 else {
        throw CommandFailure("cannot read \(path): \(FileAccessError.last)")
      }
      guard info.st_mode & S_IFMT != S_IFDIR else {
        throw CommandFailure("cannot read \(path): \(FileAccessError(code: EISDIR))")
      }
      let descriptor = open(path, O_RDONLY | O_CLOEXEC)
      guard descriptor >= 0 else {
        throw CommandFailure("cannot read \(path): \(FileAccessError.last)")
      }
      handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
      expected = Int(info.st_size)
    }
    defer { if path != "-" { try? handle.close() } }
    // Read straight into the array, in large blocks: a copy through `Data` would double the
    // peak memory of a 200 MB tool output.
    let block = 8 << 20
    var bytes: [UInt8] = []
    bytes.reserveCapacity(min(max(expected, 0), maxBytes) + block)
    while true {
      let start = bytes.count
      bytes.append(contentsOf: repeatElement(0, count: block))
      let count = bytes.withUnsafeMutableBytes { buffer in
        Foundation.read(handle.fileDescriptor, buffer.baseAddress! + start, block)
      }
      guard count >= 0 else {
        let failure = FileAccessError.last
        bytes.removeLast(block)
        if failure.code == EINTR { continue }
        throw CommandFailure("cannot read \(path): \(failure)")
      }
      bytes.removeLast(block - count)
      guard bytes.count <= maxBytes else {
        throw CommandFailure("cannot read \(path): it is larger than \(maxBytes >> 20) MiB")
      }
      if count == 0 { return bytes }
    }
  }
}
