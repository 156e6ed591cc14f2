import Foundation
import KPIModel

/// One input of a batch and the report it becomes.
public struct BatchJob: Sendable, Equatable {
  /// The input as given (a path, or `-`).
  public var input: String
  /// `DIR/<input file name without extension>.xlsx`.
  public var output: String

  public init(input: String, output: String) {
    self.input = input
    self.output = output
  }
}

/// Names a batch's outputs and finds collisions before any work is done.
public enum BatchPlan {
  /// The report's file name for `input`: its name without extension, plus `.xlsx`;
  /// standard input (`-`) becomes `stdin.xlsx`.
  public static func outputName(for input: String) -> String {
    guard input != "-" else { return "stdin.xlsx" }
    let url = URL(fileURLWithPath: input)
    let stem = url.deletingPathExtension().lastPathComponent
    return (stem.isEmpty ? url.lastPathComponent : stem) + ".xlsx"
  }

  /// One job per input, writing into `outputDirectory`.
  ///
  /// Two inputs whose outputs would have the same name are a usage error (exit 64) listing
  /// every collision. Names are compared ignoring case and Unicode normalization, since
  /// reports often land on Windows or macOS shares where `A.xlsx` and `a.xlsx` are one file.
  public static func jobs(for inputs: [String], outputDirectory: String) throws -> [BatchJob] {
    let base = outputDirectory.hasSuffix("/") ? outputDirectory : outputDirectory + "/"
    var jobs: [BatchJob] = []
    var byKey: [String: [String]] = [:]
    var order: [String] = []
    for input in inputs {
      let name = outputName(for: input)
      let key = name.precomposedStringWithCanonicalMapping.lowercased()
      if byKey[key] == nil { order.append(key) }
      byKey[key, default: []].append(input)
      jobs.append(BatchJob(input: input, output: base + name))
    }
    let collisions = order.compactMap { key -> (english: String, japanese: String)? in
      guard let inputs = byKey[key], inputs.count > 1 else { return nil }
      let output = base + outputName(for: inputs[0])
      let names = inputs.map { "\"\($0)\"" }
      return (
        "\(output): the same output name for \(names.joined(separator: ", ")); rename an input or convert them separately",
        "\(output): 出力ファイル名が重複します（\(names.joined(separator: "、"))）。入力ファイル名を変えるか、別々に変換してください"
      )
    }
    if !collisions.isEmpty {
      throw KPISheetError(
        .usage, collisions.map(\.english).joined(separator: "\n"),
        japanese: collisions.map(\.japanese).joined(separator: "\n"))
    }
    return jobs
  }
}
