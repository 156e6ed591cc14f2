/// Lets a few jobs (conversions, extractions) run at once, one per core, and a bounded number
/// wait their turn for a bounded time; the rest are turned away at once (503), so a burst of
/// uploads cannot pile up without end.
actor JobGate {
  private let running: Int
  private let waiting: Int
  private let maxWait: Duration
  private var active = 0
  private var queue: [(id: Int, turn: CheckedContinuation<Bool, Never>)] = []
  private var nextID = 0

  init(running: Int, waiting: Int, maxWait: Duration) {
    self.running = running
    self.waiting = waiting
    self.maxWait = maxWait
  }

  /// Waits for a turn: true once the job may run (call `leave()` after), false when the
  /// queue is full or the wait ran out.
  func enter() async -> Bool {
    if active < running {
      active += 1
      return true
    }
    guard queue.count < waiting else { return false }
    let id = nextID
    nextID += 1
    let timer = Task { [maxWait] in
      try? await Task.sleep(for: maxWait)
      self.expire(id)
    }
    let granted = await withCheckedContinuation { turn in queue.append((id, turn)) }
    timer.cancel()
    return granted
  }

  /// Ends a job: its turn passes to the first waiting request.
  func leave() {
    if queue.isEmpty {
      active -= 1
    } else {
      queue.removeFirst().turn.resume(returning: true)
    }
  }

  private func expire(_ id: Int) {
    guard let index = queue.firstIndex(where: { $0.id == id }) else { return }
    queue.remove(at: index).turn.resume(returning: false)
  }
}
