import Foundation

#if canImport(FoundationXML)
  import FoundationXML
#endif

/// Whether bytes are well-formed XML, by Foundation's parser.
enum XMLWellFormedness {
  static func check(_ data: Data) -> Bool {
    XMLParser(data: data).parse()
  }
}
