import Dispatch

/// Runs the reader and writer — synchronous C work — on a Dispatch thread, leaving the
/// concurrency pool free to serve other requests meanwhile (the job gate bounds how many).
func runBlocking<Result: Sendable>(_ body: @escaping @Sendable () throws -> Result) async throws
  -> Result
{
  try await withCheckedThrowingContinuation { continuation in
    DispatchQueue.global().async {
      continuation.resume(with: Swift.Result { try body() })
    }
  }
}
