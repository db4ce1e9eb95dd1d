import BudgetKit
import Foundation
import GitKit
import Measurements

/// `record`: stores one run of measurements against a commit on `refs/bursar/runs`, signed
/// when a signer is given, then shares it with a remote when one is named.
public struct RecordRun {
  public var repository: Repository
  public var reference = RunStore.reference

  public init(repository: Repository) {
    self.repository = repository
  }

  /// What the command line gives a recording.
  public struct Request {
    public var measurements: Measurements
    public var source: RunSource
    /// The revision measured, as typed (`HEAD` by default).
    public var revision: String
    public var environment: EnvironmentName?
    /// Who records; nil takes git's `user.name` and `user.email`.
    public var recorder: RunRecorder?
    public var now: Date
    /// Signs the signed message of the run, returning an armored SSH signature.
    public var sign: (([UInt8]) throws -> String)?
    /// A remote (name, URL or path) to fetch, merge and push the runs with.
    public var pushRemote: String?

    public init(
      measurements: Measurements, source: RunSource, revision: String = "HEAD",
      environment: EnvironmentName? = nil, recorder: RunRecorder? = nil, now: Date = Date(),
      sign: (([UInt8]) throws -> String)? = nil, pushRemote: String? = nil
    ) {
      self.measurements = measurements
      self.source = source
      self.revision = revision
      self.environment = environment
      self.recorder = recorder
      self.now = now
      self.sign = sign
      self.pushRemote = pushRemote
    }
  }

  /// What recording did.
  public struct Outcome {
    public var run: RecordedRun
    public var commit: ResolvedRevision
    public var addition: RunWriter.Addition
    public var sync: RunSync.Outcome?
  }

  /// Why nothing was recorded.
  public enum Failure: Error {
    case revision(LedgerError)
    /// No `--as` and git has no `user.name` or `user.email`.
    case noRecorder
    case signing(String)
    case store(RunStoreError)
    /// The measurements hold a figure recorded runs do not keep (values per group, drift
    /// samples, a gauge's series); nothing was recorded.
    case unrecordable(UnrecordableFigure)
  }

  public func record(_ request: Request) throws(Failure) -> Outcome {
    let commit: ResolvedRevision
    do { commit = try RevisionResolver(repository: repository).resolve(request.revision) } catch {
      throw .revision(error)
    }
    if let figure = RecordedValue.unrecordable(in: request.measurements) {
      throw .unrecordable(figure)
    }
    guard let recorder = request.recorder ?? gitRecorder() else { throw .noRecorder }
    var run = RecordedRun(
      measurements: request.measurements, commit: commit.commit.hex, recordedAt: request.now,
      environment: request.environment, source: request.source, recorder: recorder)
    if let sign = request.sign {
      do { run.signature = try sign(RunDocument.signedMessage(of: run)) } catch {
        throw .signing("\(error)")
      }
    }
    let writer = RunWriter(
      repository: repository, reference: reference,
      committer: Signature(
        name: recorder.name, email: recorder.email, time: request.now, offsetMinutes: 0))
    do throws(RunStoreError) {
      let addition = try writer.add(run, bytes: RunDocument.encode(run), commit: commit.commit)
      var sync: RunSync.Outcome?
      if let remote = request.pushRemote {
        sync = try RunSync(writer: writer, remote: remote).run()
      }
      return Outcome(run: run, commit: commit, addition: addition, sync: sync)
    } catch {
      throw .store(error)
    }
  }

  private func gitRecorder() -> RunRecorder? {
    guard let name = repository.config("user.name"), !name.isEmpty,
      let email = repository.config("user.email"), !email.isEmpty
    else { return nil }
    return RunRecorder(name: name, email: email)
  }
}
