// Each record read from a `JSONReader`, applying the schema's rules, so every error names
// its JSON path.

extension RecordsDocument {
  /// The document's own fields, read before its projects.
  private static let headKeys = ["format", "version", "municipality", "grant"]

  /// Reads the document from its bytes: checks the whole text's syntax first (so a syntax
  /// error anywhere is told before any other), then builds one project at a time, so the
  /// document is never held as a whole tree.
  init(jsonBytes bytes: UnsafeRawBufferPointer) throws(RecordsJSONError) {
    let outline = try JSONParser.outline(bytes, keys: Set(Self.headKeys + ["projects"]))
    if outline.members == nil {
      var parser = JSONParser(bytes, at: outline.start)
      _ = try JSONReader(parser.kind()).object()
    }
    let members = outline.members ?? [:]
    var head: [(key: String, value: JSONNode)] = []
    for key in Self.headKeys {
      guard let start = members[key] else { continue }
      var parser = JSONParser(bytes, at: start, depth: 1)
      head.append((key, try parser.node()))
    }
    let object = JSONObjectReader(members: head, path: "")
    let format = try object.required("format")
    let formatName = try format.string()
    guard formatName == Self.formatName else {
      throw format.failure(
        "must be \"\(Self.formatName)\", found \"\(formatName)\"",
        "\"\(Self.formatName)\" が必要ですが、\"\(formatName)\" になっています")
    }
    let version = try object.required("version")
    let number = try version.int()
    guard number == Self.currentVersion else {
      throw version.failure(
        "this kpisheet reads version \(Self.currentVersion), found \(number)",
        "この kpisheet が読めるのはバージョン \(Self.currentVersion) ですが、\(number) になっています")
    }
    self.init(
      municipality: try object.optional("municipality").map(Municipality.init(json:)),
      grant: try object.optional("grant")?.string(),
      projects: try Self.projects(
        bytes, at: members["projects"], count: outline.counts["projects"] ?? 0))
  }

  /// The `projects` array, each project built and read on its own.
  private static func projects(
    _ bytes: UnsafeRawBufferPointer, at start: Int?, count: Int
  ) throws(RecordsJSONError) -> [Project] {
    guard let start else {
      _ = try JSONObjectReader(members: [], path: "").required("projects")
      return []
    }
    var parser = JSONParser(bytes, at: start, depth: 1)
    if bytes[start] == UInt8(ascii: "[") {
      var projects: [Project] = []
      // Sized once: growing by doubling would leave up to half the array unused.
      projects.reserveCapacity(count)
      var more = try parser.beginArray()
      while more {
        let path = "projects[\(projects.count)]"
        projects.append(try Project(json: JSONReader(parser.node(), path: path)))
        more = try parser.nextElement()
      }
      return projects
    }
    // Not an array: the field reader says what it is instead.
    let field = JSONObjectReader(members: [("projects", try parser.kind())], path: "")
    return try field.required("projects").array().map(Project.init(json:))
  }
}

extension Municipality {
  init(json: JSONReader) throws(RecordsJSONError) {
    let object = try json.object()
    var code: String?
    if let field = object.optional("code") {
      let text = try field.string()
      guard (5...6).contains(text.utf8.count), text.utf8.allSatisfy({ (0x30...0x39).contains($0) })
      else {
        throw field.failure(
          "must be 5 or 6 ASCII digits, found \"\(text)\"",
          "半角数字 5 桁または 6 桁が必要ですが、\"\(text)\" になっています")
      }
      code = text
    }
    self.init(
      name: try object.optional("name")?.string(),
      prefecture: try object.optional("prefecture")?.string(), code: code,
      contact: try object.optional("contact")?.string())
  }
}

extension Project {
  init(json: JSONReader) throws(RecordsJSONError) {
    let object = try json.object()
    self.init(
      no: try object.optional("no")?.positiveInt(),
      name: try object.required("name").nonEmptyString(),
      scope: try object.optional("scope")?.raw(Scope.self),
      department: try object.optional("department")?.string(),
      partners: try object.optional("partners")?.array().map { (item) throws(RecordsJSONError) in
        try item.string()
      },
      period: try object.optional("period").map(FiscalPeriod.init(json:)),
      overview: try object.optional("overview")?.string(),
      years: try object.required("years").array().map(ProjectYear.init(json:)),
      kpis: try object.required("kpis").array().map(KPI.init(json:)),
      evaluation: try object.optional("evaluation").map(Evaluation.init(json:)),
      grantType: try object.optional("grantType")?.string())
  }
}

extension FiscalPeriod {
  init(json: JSONReader) throws(RecordsJSONError) {
    let object = try json.object()
    self.init(start: try object.required("start").int(), end: try object.required("end").int())
  }
}

extension ProjectYear {
  init(json: JSONReader) throws(RecordsJSONError) {
    let object = try json.object()
    self.init(
      fiscalYear: try object.required("fiscalYear").int(),
      activities: try object.optional("activities")?.array().map {
        (item) throws(RecordsJSONError) in try item.string()
      } ?? [],
      cost: try object.optional("cost").map(Amount.init(json:)))
  }
}

extension Amount {
  init(json: JSONReader) throws(RecordsJSONError) {
    let object = try json.object()
    self.init(
      value: try object.required("value").double(), unit: try object.optional("unit")?.string())
  }
}

extension KPI {
  init(json: JSONReader) throws(RecordsJSONError) {
    let object = try json.object()
    self.init(
      no: try object.optional("no")?.positiveInt(),
      name: try object.required("name").nonEmptyString(),
      unit: try object.optional("unit")?.string(),
      direction: try object.optional("direction")?.raw(Direction.self),
      baseline: try object.optional("baseline")?.double(),
      finalTarget: try object.optional("finalTarget").map(FinalTarget.init(json:)),
      grade: try object.optional("grade")?.string(),
      values: try object.required("values").array().map(KPIValue.init(json:)))
  }
}

extension KPIValue {
  init(json: JSONReader) throws(RecordsJSONError) {
    let object = try json.object()
    self.init(
      fiscalYear: try object.required("fiscalYear").int(),
      target: try object.nullable("target")?.double(),
      actual: try object.nullable("actual")?.double(),
      due: try object.optional("due")?.string(),
      source: try object.optional("source").map(ValueSource.init(json:)))
  }
}

extension ValueSource {
  init(json: JSONReader) throws(RecordsJSONError) {
    let object = try json.object()
    self.init(
      target: try object.optional("target")?.string(),
      actual: try object.optional("actual")?.string())
  }
}

extension Evaluation {
  init(json: JSONReader) throws(RecordsJSONError) {
    let object = try json.object()
    self.init(
      fiscalYear: try object.optional("fiscalYear")?.int(),
      effect: try object.optional("effect")?.raw(Effect.self),
      assessment: try object.optional("assessment")?.string(),
      expertOpinion: try object.optional("expertOpinion")?.string(),
      policy: try object.optional("policy")?.raw(Policy.self),
      policyReason: try object.optional("policyReason")?.string(),
      grade: try object.optional("grade")?.string())
  }
}

extension FinalTarget {
  init(json: JSONReader) throws(RecordsJSONError) {
    let object = try json.object()
    self.init(
      fiscalYear: try object.optional("fiscalYear")?.int(),
      value: try object.nullable("value")?.double())
  }
}
