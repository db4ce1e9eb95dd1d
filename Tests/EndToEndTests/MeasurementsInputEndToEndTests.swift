import Foundation
import TestSupport
import Testing

/// A measurements file that cannot be opened is refused with the cause, exit 2.
struct MeasurementsInputEndToEndTests {
  @Test func eachCauseIsNamed() throws {
    let repository = try CheckFixtureRepository.make()
    let manager = FileManager.default
    try manager.createSymbolicLink(
      atPath: repository.absolutePath("loop.json"), withDestinationPath: "loop.json")
    try manager.createDirectory(
      atPath: repository.absolutePath("folder.json"), withIntermediateDirectories: false)
    let bursar = BursarRunner(repository: repository)
    let loop = try bursar.run("check", "-m", "loop.json")
    #expect(loop.status == 2)
    #expect(
      loop.stderrText.hasPrefix("bursar: cannot read loop.json: too many levels of symbolic links"),
      "\(loop.stderrText)")
    let folder = try bursar.run("check", "-m", "folder.json")
    #expect(folder.status == 2)
    #expect(folder.stderrText == "bursar: cannot read folder.json: it is a folder, not a file\n")
    let missing = try bursar.run("check", "-m", "nowhere.json")
    #expect(missing.stderrText == "bursar: cannot read nowhere.json: no such file\n")
  }
}
