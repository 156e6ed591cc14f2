/// A JSON value whose objects keep their keys in the order given, for deterministic output.
enum JSONNode {
  case null
  case bool(Bool)
  case int(Int)
  /// Printed through `NumberFormatting.string`; NaN and infinities print as `null`.
  case number(Double)
  case string(String)
  case array([JSONNode])
  case object([(key: String, value: JSONNode)])

  /// Pretty-printed with two-space indentation, like `JSONEncoder`'s `.prettyPrinted`.
  func render() -> String {
    var out = ""
    write(into: &out, indent: 0)
    return out
  }

  private func write(into out: inout String, indent: Int) {
    switch self {
    case .null: out += "null"
    case .bool(let value): out += value ? "true" : "false"
    case .int(let value): out += String(value)
    case .number(let value): out += value.isFinite ? NumberFormatting.string(value) : "null"
    case .string(let value): JSONString.write(value, into: &out)
    case .array(let items):
      guard !items.isEmpty else {
        out += "[]"
        return
      }
      out += "[\n"
      for (position, item) in items.enumerated() {
        Self.pad(&out, indent + 1)
        item.write(into: &out, indent: indent + 1)
        out += position == items.count - 1 ? "\n" : ",\n"
      }
      Self.pad(&out, indent)
      out += "]"
    case .object(let members):
      guard !members.isEmpty else {
        out += "{}"
        return
      }
      out += "{\n"
      for (position, member) in members.enumerated() {
        Self.pad(&out, indent + 1)
        JSONString.write(member.key, into: &out)
        out += ": "
        member.value.write(into: &out, indent: indent + 1)
        out += position == members.count - 1 ? "\n" : ",\n"
      }
      Self.pad(&out, indent)
      out += "}"
    }
  }

  private static func pad(_ out: inout String, _ level: Int) {
    out += String(repeating: "  ", count: level)
  }
}

/// JSON string literals, shared by every JSON kpisheet writes (records, cells, validate).
public enum JSONString {
  /// `value` as a JSON string literal: quotes, backslashes and control characters escaped;
  /// everything else (Japanese included) written as is, so files stay readable.
  public static func quoted(_ value: String) -> String {
    var out = ""
    write(value, into: &out)
    return out
  }

  static func write(_ value: String, into out: inout String) {
    out += "\""
    for scalar in value.unicodeScalars {
      switch scalar {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "\r": out += "\\r"
      case "\t": out += "\\t"
      case "\u{08}": out += "\\b"
      case "\u{0C}": out += "\\f"
      default:
        if scalar.value < 0x20 {
          let hex = String(scalar.value, radix: 16, uppercase: false)
          out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
        } else {
          out.unicodeScalars.append(scalar)
        }
      }
    }
    out += "\""
  }
}

/// Builds an object's members, leaving out absent optional fields.
struct JSONObjectBuilder {
  private(set) var members: [(key: String, value: JSONNode)] = []

  mutating func add(_ key: String, _ value: JSONNode) { members.append((key, value)) }

  mutating func add(_ key: String, _ value: String?) {
    if let value { add(key, .string(value)) }
  }

  mutating func add(_ key: String, _ value: Int?) {
    if let value { add(key, .int(value)) }
  }

  mutating func add(_ key: String, _ value: Double?) {
    if let value { add(key, .number(value)) }
  }

  mutating func add(_ key: String, _ value: (some JSONRepresentable)?) {
    if let value { add(key, value.jsonNode) }
  }

  mutating func add(_ key: String, _ values: [some JSONRepresentable]) {
    add(key, .array(values.map(\.jsonNode)))
  }

  var node: JSONNode { .object(members) }
}

/// A record that knows its JSON form, keys in records.md's order.
protocol JSONRepresentable {
  var jsonNode: JSONNode { get }
}
