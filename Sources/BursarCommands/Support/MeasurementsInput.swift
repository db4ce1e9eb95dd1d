import Foundation
import Ledger

/// The bytes of a measurements file, or of standard input for `-`, read within a size limit.
struct MeasurementsInput {
  var path: String
  /// Larger files are refused before they are read whole.
  var maxBytes = 256 << 20

  func read() throws -> [UInt8] {
    let handle: FileHandle
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
    }
    defer { if path != "-" { try? handle.close() } }
    do {
      let data = try handle.read(upToCount: maxBytes + 1) ?? Data()
      guard data.count <= maxBytes else {
        throw CommandFailure("cannot read \(path): it is larger than \(maxBytes >> 20) MiB")
      }
      return [UInt8](data)
    } catch let failure as CommandFailure {
      throw failure
    } catch {
      throw CommandFailure("cannot read \(path): \(error.localizedDescription)")
    }
  }
}
