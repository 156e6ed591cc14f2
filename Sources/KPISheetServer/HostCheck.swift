import Foundation

/// The checks that keep other web sites out of a server on the officer's own machine.
///
/// DNS rebinding: a page from elsewhere can make its own name resolve to 127.0.0.1 and then
/// talk to this server as if same-origin, but its requests still carry its own name in `Host`.
/// So `Host` must be a loopback name, the `--host` the server was started with, or an IP
/// address (a rebinding attack needs a name; an address cannot be rebound), always with
/// the port the server listens on.
///
/// Cross-site requests: a browser sends `Origin` with every POST from a page; only the
/// server's own page may post. Programs (curl, scripts) send none and are allowed.
struct HostCheck: Sendable {
  /// The `--host` the server was started with, lowercased.
  var host: String
  /// The port the server listens on.
  var port: Int

  private static let loopbackNames: Set<String> = ["localhost", "127.0.0.1", "::1"]

  /// Whether a request with this `Host` header is for this server.
  func allows(host header: String?) -> Bool {
    guard let header, let (name, port) = Self.split(header) else { return false }
    guard port == self.port else { return false }
    let lowered = name.lowercased()
    return Self.loopbackNames.contains(lowered) || lowered.hasSuffix(".localhost")
      || lowered == host.lowercased() || Self.isAddress(lowered)
  }

  /// Whether a POST with this `Origin` may go on: none at all, or the page's own
  /// (`http://` and the `Host` it was sent to).
  func allows(origin: String?, host header: String?) -> Bool {
    guard let origin else { return true }
    guard let header else { return false }
    return origin.lowercased() == "http://" + header.lowercased()
  }

  /// `name:port`, `[v6]:port`, or a name alone (port 80).
  static func split(_ header: String) -> (String, Int)? {
    let text = header.trimmingCharacters(in: .whitespaces)
    if text.hasPrefix("[") {
      guard let close = text.firstIndex(of: "]") else { return nil }
      let name = String(text[text.index(after: text.startIndex)..<close])
      let rest = text[text.index(after: close)...]
      if rest.isEmpty { return (name, 80) }
      guard rest.hasPrefix(":"), let port = Int(rest.dropFirst()) else { return nil }
      return (name, port)
    }
    let parts = text.split(separator: ":", omittingEmptySubsequences: false)
    switch parts.count {
    case 1: return parts[0].isEmpty ? nil : (String(parts[0]), 80)
    case 2:
      guard !parts[0].isEmpty, let port = Int(parts[1]) else { return nil }
      return (String(parts[0]), port)
    default: return nil
    }
  }

  /// A dotted IPv4 address or an IPv6 address (from inside brackets).
  static func isAddress(_ name: String) -> Bool {
    if name.contains(":") {
      return name.allSatisfy { $0.isHexDigit || $0 == ":" || $0 == "." }
    }
    let parts = name.split(separator: ".", omittingEmptySubsequences: false)
    return parts.count == 4
      && parts.allSatisfy { part in
        !part.isEmpty && part.count <= 3 && part.allSatisfy(\.isASCIIDigitCharacter)
          && (Int(part) ?? 256) <= 255
      }
  }
}

extension Character {
  fileprivate var isASCIIDigitCharacter: Bool { isASCII && isNumber }
}
