import BudgetKit
import Foundation
import Measurements
import Testing

/// The cut of a stored run down to one budget: it keeps exactly that budget's objects, checks
/// the rest as strictly as a decoder, and leaves to the full decoder whatever it cannot vouch
/// for; a cut run decodes to what the whole run gives for that budget.
@Suite struct RunBudgetSliceTests {
  static func slice(_ text: String, _ name: String) -> String? {
    RunBudgetSlice.slice(Array(text.utf8), keeping: name).map {
      String(decoding: $0, as: UTF8.self)
    }
  }

  @Test func keepsOnlyTheNamedBudgets() {
    let text =
      #"{"a":1,"budgets":[{"name":"x","figures":[1]},{"figures":[],"name":"y"},{"name":"x"}],"z":"w"}"#
    #expect(
      Self.slice(text, "x")
        == #"{"a":1,"budgets":[{"name":"x","figures":[1]},{"name":"x"}],"z":"w"}"#)
    #expect(Self.slice(text, "y") == #"{"a":1,"budgets":[{"figures":[],"name":"y"}],"z":"w"}"#)
    #expect(Self.slice(text, "q") == #"{"a":1,"budgets":[],"z":"w"}"#)
    // Space between the budgets is not kept; space anywhere else is.
    #expect(Self.slice(#" {"budgets" : [ ] } "#, "x") == #" {"budgets" : [] } "#)
    #expect(
      Self.slice(" {\"budgets\":[ {\"name\" : \"x\" } ,\n {\"name\":\"y\"} ]}\n", "x")
        == " {\"budgets\":[{\"name\" : \"x\" }]}\n")
  }

  /// A budget's name written inside a string of another budget (a figure's value, a metric)
  /// is not its name.
  @Test func aNameInsideAnotherBudgetsStringIsNotItsName() {
    let text =
      #"{"budgets":[{"figures":[{"metric":"x","value":"{\"name\":\"x\"}"}],"name":"y"},{"name":"x\"y"}]}"#
    // The second budget's name has an escape: left to the decoder.
    #expect(Self.slice(text, "x") == nil)
    let plain = #"{"budgets":[{"figures":[{"metric":"x","value":"name x \"x\" \\"}],"name":"y"}]}"#
    #expect(Self.slice(plain, "x") == #"{"budgets":[]}"#)
    #expect(Self.slice(plain, "y") == plain)
  }

  @Test func escapesAndUnicodeInStringsPassedOver() {
    let text =
      #"{"budgets":[{"name":"y","note":"\u00e9\ud83d\ude00 é 😀 \" \\ \/ \b\f\n\r\t"}],"recorder":{"name":"Zoë 山田"}}"#
    #expect(Self.slice(text, "y") == text)
    #expect(Self.slice(text, "x") == #"{"budgets":[],"recorder":{"name":"Zoë 山田"}}"#)
  }

  /// Whatever a decoder would refuse, and whatever the cut is not sure of, gives nil.
  @Test func leavesDamagedOrUnsureDocumentsToTheDecoder() {
    let refused = [
      "", "{", "[]", #"{"budgets":[]"#, #"{"budgets":[]} x"#, #"{"budgets":{}}"#,
      #"{"a":1}"#, #"{"budgets":[1]}"#, #"{"budgets":[{}]}"#, #"{"budgets":[{"name":1}]}"#,
      #"{"budgets":[{"figures":[]}]}"#, #"{"budgets":[{"name":"x",}]}"#,
      #"{"budgets":[{"name":"x"},]}"#, #"{"budgets":[{"name":"x"}],}"#,
      #"{"budgets":[{"name":"x","name":"y"}]}"#, #"{"budgets":[],"budgets":[]}"#,
      #"{"bud\u0067ets":[]}"#, #"{"budgets":[{"n\u0061me":"x"}]}"#,
      #"{"budgets":[{"name":"\u0078"}]}"#,
      #"{"budgets":[],"a":01}"#, #"{"budgets":[],"a":1.}"#, #"{"budgets":[],"a":.5}"#,
      #"{"budgets":[],"a":1e}"#, #"{"budgets":[],"a":-}"#, #"{"budgets":[],"a":+1}"#,
      #"{"budgets":[],"a":tru}"#, #"{"budgets":[],"a":nul}"#, #"{"budgets":[],"a":NaN}"#,
      #"{"budgets":[],"a":"\x"}"#, #"{"budgets":[],"a":"\u12"}"#, #"{"budgets":[],"a":"\ud800"}"#,
      #"{"budgets":[],"a":"\udc00"}"#, #"{"budgets":[],"a":"\ud800\u0041"}"#,
      "{\"budgets\":[],\"a\":\"tab\there\"}", #"{"budgets":[],"a":"open}"#,
      #"{"budgets":[],"a":[1,2}"#, #"{"budgets":[],"a":{"k"}}"#, #"{"budgets":[],"a":{1:2}}"#,
      #"{"budgets":[] "a":1}"#,
    ]
    for text in refused {
      #expect(Self.slice(text, "x") == nil, "\(text)")
    }
    // Bytes that are not UTF-8, inside a string passed over.
    for bad: [UInt8] in [
      [0xFF], [0xC0, 0xAF], [0xE0, 0x80, 0x80], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80],
      [0xE2, 0x82],
    ] {
      let bytes = Array(#"{"budgets":[],"a":""#.utf8) + bad + Array(#""}"#.utf8)
      #expect(RunBudgetSlice.slice(bytes, keeping: "x") == nil, "\(bad)")
    }
    let deep =
      #"{"budgets":[],"a":"# + String(repeating: "[", count: 300)
      + String(repeating: "]", count: 300) + "}"
    #expect(Self.slice(deep, "x") == nil)
    let fine = #"{"budgets":[],"a":[-0.5e+3,0,1E-2,true,false,null,{"k":[]}]}"#
    #expect(Self.slice(fine, "x") == fine)
  }

  /// A run cut to one budget decodes to what the whole run gives for it; a damaged one is
  /// refused with the whole document's error.
  @Test func aCutRunDecodesAsTheWholeRun() throws {
    let json = """
      {"version": 1, "kind": "Measurements", "values": {
        "fraud": {"latency_p95": "112ms", "latency": {"unit": "ms", "samples": [12, 15, 11]}},
        "fraud-2": {"latency_p95": "80ms"}, "search": {"latency_p95": "80ms", "recall": 0.9}}}
      """
    let run = RecordedRun(
      measurements: try MeasurementsParser().parse(Array(json.utf8), path: "m.json"),
      commit: String(repeating: "ab", count: 20),
      recordedAt: Date(timeIntervalSince1970: 1_764_000_000), environment: nil,
      source: RunSource(tool: "bursar", format: "json", file: "fraud"),
      recorder: RunRecorder(name: "Zoë \"fraud\"", email: "ci@example.com"))
    let bytes = RunDocument.encode(run)
    let sliced = try #require(RunBudgetSlice.slice(bytes, keeping: "fraud"))
    #expect(sliced.count < bytes.count)
    let back = try RunDocument.decode(bytes, file: "r.json", only: "fraud")
    #expect(back.budgets == run.budgets.filter { $0.name == "fraud" })
    var whole = run
    whole.budgets = whole.budgets.filter { $0.name == "fraud" }
    #expect(back == whole)
    // A syntax error among the budgets passed over is the whole document's error.
    let text = String(decoding: bytes, as: UTF8.self)
    let damaged = Array(text.replacingOccurrences(of: #""recall""#, with: #""recall"#).utf8)
    #expect(RunBudgetSlice.slice(damaged, keeping: "fraud") == nil)
    let cut = try #require(throws: RunDocumentError.self) {
      try RunDocument.decode(damaged, file: "r.json", only: "fraud")
    }
    let full = try #require(throws: RunDocumentError.self) {
      try RunDocument.decode(damaged, file: "r.json")
    }
    #expect(cut == full)
  }
}
