/// A JSON value with its path in the document, for decoding with errors that say where.
struct JSONReader {
  let node: JSONNode
  /// `projects[0].kpis[1].name`; empty at the top.
  let path: String

  init(_ node: JSONNode, path: String = "") {
    self.node = node
    self.path = path
  }

  func failure(_ message: String, _ japanese: String) -> RecordsJSONError {
    RecordsJSONError(path: path, message: message, japanese: japanese)
  }

  /// What the value is, for messages: `the string "5個"`, `null`; in Japanese `文字列 "5個"`.
  private var found: (english: String, japanese: String) {
    switch node {
    case .null: return ("null", "null")
    case .bool(let value): return ("\(value)", "\(value)")
    case .int(let value): return ("the number \(value)", "数値 \(value)")
    case .number(let value):
      let text = NumberFormatting.string(value)
      return ("the number \(text)", "数値 \(text)")
    case .string(let value):
      return ("the string \"\(value.prefix(40))\"", "文字列 \"\(value.prefix(40))\"")
    case .array: return ("an array", "配列")
    case .object: return ("an object", "オブジェクト")
    }
  }

  /// "must be WHAT, found …", with `japanese` naming WHAT.
  private func mismatch(_ english: String, _ japanese: String) -> RecordsJSONError {
    let found = found
    // Japanese runs on without spaces, but sets off a quoted value or a number: `文字列 "5" に`.
    let space = found.japanese.last?.isASCII == true ? " " : ""
    return failure(
      "must be \(english), found \(found.english)",
      "\(japanese)が必要ですが、\(found.japanese)\(space)になっています")
  }

  func object() throws(RecordsJSONError) -> JSONObjectReader {
    guard case .object(let members) = node else {
      throw mismatch("an object", "オブジェクト")
    }
    return JSONObjectReader(members: members, path: path)
  }

  func array() throws(RecordsJSONError) -> [JSONReader] {
    guard case .array(let items) = node else { throw mismatch("an array", "配列") }
    return items.enumerated().map { JSONReader($0.element, path: path + "[\($0.offset)]") }
  }

  func string() throws(RecordsJSONError) -> String {
    guard case .string(let value) = node else { throw mismatch("a string", "文字列") }
    return value
  }

  func double() throws(RecordsJSONError) -> Double {
    switch node {
    case .number(let value): return value
    case .int(let value): return Double(value)
    default: throw mismatch("a number", "数値")
    }
  }

  /// A whole number; `2020.0` counts, as JSON Schema's `integer` says.
  func int() throws(RecordsJSONError) -> Int {
    switch node {
    case .int(let value): return value
    case .number(let value) where value == value.rounded() && value.magnitude < 1e15:
      return Int(value)
    default: throw mismatch("an integer", "整数")
    }
  }

  /// A number of at least 1 (the schema's `no` fields).
  func positiveInt() throws(RecordsJSONError) -> Int {
    let number = try int()
    guard number >= 1 else {
      throw failure("must be 1 or more, found \(number)", "1 以上の数が必要ですが、\(number) になっています")
    }
    return number
  }

  /// A string that must not be empty (the schema's names).
  func nonEmptyString() throws(RecordsJSONError) -> String {
    let text = try string()
    guard !text.isEmpty else { throw failure("must not be empty", "空にはできません") }
    return text
  }

  /// A string that must be one of an enum's raw values.
  func raw<Value: RawRepresentable & CaseIterable>(
    _: Value.Type
  ) throws(RecordsJSONError) -> Value where Value.RawValue == String {
    let text = try string()
    guard let value = Value(rawValue: text) else {
      let names = Value.allCases.map { "\"\($0.rawValue)\"" }
      throw failure(
        "must be one of \(names.joined(separator: ", ")), found \"\(text)\"",
        "\(names.joined(separator: "、")) のいずれかが必要ですが、\"\(text)\" になっています")
    }
    return value
  }
}

/// An object's members by key, with its path.
struct JSONObjectReader {
  private let members: [String: JSONNode]
  let path: String

  init(members: [(key: String, value: JSONNode)], path: String) {
    // A repeated key keeps its last value, as most JSON readers do.
    self.members = Dictionary(members.map { ($0.key, $0.value) }, uniquingKeysWith: { $1 })
    self.path = path
  }

  private func childPath(_ key: String) -> String { path.isEmpty ? key : path + "." + key }

  /// A field the schema requires; absent and null are errors.
  func required(_ key: String) throws(RecordsJSONError) -> JSONReader {
    guard let node = members[key] else {
      throw RecordsJSONError(
        path: childPath(key), message: "required field is missing", japanese: "必須の項目がありません")
    }
    if case .null = node {
      throw RecordsJSONError(
        path: childPath(key), message: "required field must not be null",
        japanese: "必須の項目は null にできません")
    }
    return JSONReader(node, path: childPath(key))
  }

  /// An optional field; absent and null both give nil.
  func optional(_ key: String) -> JSONReader? {
    guard let node = members[key] else { return nil }
    if case .null = node { return nil }
    return JSONReader(node, path: childPath(key))
  }

  /// A field whose value may be null but which must be present (a value's target/actual).
  func nullable(_ key: String) throws(RecordsJSONError) -> JSONReader? {
    guard members[key] != nil else {
      throw RecordsJSONError(
        path: childPath(key), message: "required field is missing (use null)",
        japanese: "必須の項目がありません（値がないときは null と書いてください）")
    }
    return optional(key)
  }
}
