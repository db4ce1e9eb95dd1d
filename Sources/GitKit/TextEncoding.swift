import Foundation

/// The encodings a commit's `encoding` header may name, and decoding in them.
enum TextEncoding {
  /// The Foundation encoding for a header value such as `ISO-8859-1`; nil for UTF-8 and for
  /// names not known here (whose text is then read as UTF-8, as git does without iconv).
  static func named(_ name: String) -> String.Encoding? {
    let key = name.lowercased().replacingOccurrences(of: "_", with: "-")
    switch key {
    case "iso-8859-1", "iso8859-1", "latin1", "latin-1", "l1": return .isoLatin1
    case "iso-8859-2", "iso8859-2", "latin2", "latin-2": return .isoLatin2
    case "windows-1252", "cp1252": return .windowsCP1252
    case "windows-1250", "cp1250": return .windowsCP1250
    case "windows-1251", "cp1251": return .windowsCP1251
    case "shift-jis", "sjis", "cp932": return .shiftJIS
    case "euc-jp", "eucjp": return .japaneseEUC
    case "iso-2022-jp": return .iso2022JP
    case "us-ascii", "ascii": return .ascii
    default: return nil
    }
  }

  /// The C string's bytes decoded in `encoding`, or as UTF-8 (invalid bytes replaced) when
  /// it is nil or the bytes are not valid in it.
  static func decode(_ text: UnsafePointer<CChar>, _ encoding: String.Encoding?) -> String {
    guard let encoding else { return String(cString: text) }
    let data = Data(bytes: text, count: strlen(text))
    return String(data: data, encoding: encoding) ?? String(cString: text)
  }
}
