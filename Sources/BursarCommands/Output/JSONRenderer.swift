/// The `json` format of a command: its result as the document type `docs/json.md` describes,
/// written by `JSONOutput`.
struct JSONRenderer<Subject, Document: Encodable>: Renderer {
  /// Builds the document from the result (`DiffJSON.init`, `GateJSON.init`…).
  var document: (Subject) -> Document

  init(_ document: @escaping (Subject) -> Document) {
    self.document = document
  }

  func render(_ subject: Subject) -> String {
    JSONOutput.encode(document(subject))
  }
}
