/// A value that cannot take part in a Kolmogorov–Smirnov test: NaN or an infinity, with the
/// sample and the index (from 0) it was found at.
public struct KolmogorovSmirnovInputError: Error, Sendable, Equatable, CustomStringConvertible {
  public enum Sample: String, Sendable { case first, second }
  public enum Problem: String, Sendable {
    case notANumber = "NaN"
    case infinite = "an infinity"
  }
  public var sample: Sample
  public var index: Int
  public var problem: Problem

  public init(sample: Sample, index: Int, problem: Problem) {
    self.sample = sample
    self.index = index
    self.problem = problem
  }

  public var description: String {
    "the \(sample.rawValue) sample's value at index \(index) is \(problem.rawValue)"
  }
}
