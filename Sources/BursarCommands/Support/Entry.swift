import ArgumentParser
import Foundation

/// Runs the command line and turns every outcome into one of bursar's exit codes.
public enum Entry {
  /// Parses the arguments, runs the command, and exits: 0 clean, 1 blocked, 2 could not run.
  public static func main(_ arguments: [String] = Array(CommandLine.arguments.dropFirst())) -> Never
  {
    do {
      var command = try Bursar.parseAsRoot(CheckHistory.fillDefault(arguments))
      try command.run()
      exit(0)
    } catch let failure as CommandFailure {
      Console.error("bursar: \(failure.description)")
      exit(ExitStatus.couldNotRun)
    } catch let code as ExitCode {
      exit(code.rawValue)
    } catch {
      let status = Bursar.exitCode(for: error)
      let message = Bursar.fullMessage(for: error)
      if status == .success {
        Console.output(message)
        exit(0)
      }
      Console.error(message)
      exit(ExitStatus.couldNotRun)
    }
  }
}

/// bursar's exit codes, the same for every command.
public enum ExitStatus {
  /// Ran, and nothing blocks.
  public static let clean: Int32 = 0
  /// Ran, and found what blocks.
  public static let blocked: Int32 = 1
  /// Could not run: bad arguments, not a repository, unknown revision, unreadable input.
  public static let couldNotRun: Int32 = 2
}
