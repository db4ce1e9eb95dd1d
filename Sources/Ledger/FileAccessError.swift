import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Why a file or folder could not be opened, listed or read, from the system's error number,
/// in words a person can act on.
public struct FileAccessError: Error, Sendable, Hashable, CustomStringConvertible {
  /// The `errno` of the failing call.
  public var code: Int32

  public init(code: Int32) {
    self.code = code
  }

  /// The error of the call that just failed on this thread.
  public static var last: FileAccessError { FileAccessError(code: errno) }

  public var description: String {
    switch code {
    case ENOENT: "no such file"
    case EACCES, EPERM: "permission denied"
    case EISDIR: "it is a folder, not a file"
    case ENOTDIR: "a part of its path is not a folder"
    case ELOOP: "too many levels of symbolic links (a link that leads back to itself?)"
    case EMFILE, ENFILE: "too many files are open (raise the limit with `ulimit -n`)"
    case ENAMETOOLONG: "its path is too long"
    case ENXIO, ENODEV: "it is a device or socket, not a file"
    case EIO: "an input/output error on the disk"
    case ENOMEM: "not enough memory"
    default: String(cString: strerror(code))
    }
  }
}
