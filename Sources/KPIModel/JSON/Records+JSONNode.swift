// Each record's JSON form, keys in the order records.md shows them. Optional fields are
// left out when nil, except a value's target and actual, which the schema requires.

extension RecordsDocument: JSONRepresentable {
  var jsonNode: JSONNode {
    var object = JSONObjectBuilder()
    object.add("format", .string(format))
    object.add("version", .int(version))
    object.add("municipality", municipality)
    object.add("grant", grant)
    object.add("projects", projects)
    return object.node
  }
}

extension Municipality: JSONRepresentable {
  var jsonNode: JSONNode {
    var object = JSONObjectBuilder()
    object.add("name", name)
    object.add("prefecture", prefecture)
    object.add("code", code)
    return object.node
  }
}

extension Project: JSONRepresentable {
  var jsonNode: JSONNode {
    var object = JSONObjectBuilder()
    object.add("no", no)
    object.add("name", .string(name))
    object.add("scope", scope?.rawValue)
    object.add("department", department)
    if let partners { object.add("partners", .array(partners.map(JSONNode.string))) }
    object.add("period", period)
    object.add("overview", overview)
    object.add("years", years)
    object.add("kpis", kpis)
    object.add("evaluation", evaluation)
    object.add("grantType", grantType)
    return object.node
  }
}

extension FiscalPeriod: JSONRepresentable {
  var jsonNode: JSONNode { .object([("start", .int(start)), ("end", .int(end))]) }
}

extension ProjectYear: JSONRepresentable {
  var jsonNode: JSONNode {
    var object = JSONObjectBuilder()
    object.add("fiscalYear", .int(fiscalYear))
    // Layouts without activities (flat lists, wide tables) leave the key out rather than
    // write an empty list; readers treat the two alike.
    if !activities.isEmpty { object.add("activities", .array(activities.map(JSONNode.string))) }
    object.add("cost", cost)
    return object.node
  }
}

extension Amount: JSONRepresentable {
  var jsonNode: JSONNode {
    var object = JSONObjectBuilder()
    object.add("value", .number(value))
    object.add("unit", unit)
    return object.node
  }
}

extension KPI: JSONRepresentable {
  var jsonNode: JSONNode {
    var object = JSONObjectBuilder()
    object.add("no", no)
    object.add("name", .string(name))
    object.add("unit", unit)
    object.add("direction", direction?.rawValue)
    object.add("baseline", baseline)
    object.add("finalTarget", finalTarget)
    object.add("grade", grade)
    object.add("values", values)
    return object.node
  }
}

extension KPIValue: JSONRepresentable {
  var jsonNode: JSONNode {
    var object = JSONObjectBuilder()
    object.add("fiscalYear", .int(fiscalYear))
    object.add("target", target.map(JSONNode.number) ?? .null)
    object.add("actual", actual.map(JSONNode.number) ?? .null)
    object.add("due", due)
    object.add("source", source)
    return object.node
  }
}

extension FinalTarget: JSONRepresentable {
  var jsonNode: JSONNode {
    .object([
      ("fiscalYear", fiscalYear.map(JSONNode.int) ?? .null),
      ("value", value.map(JSONNode.number) ?? .null),
    ])
  }
}

extension ValueSource: JSONRepresentable {
  var jsonNode: JSONNode {
    var object = JSONObjectBuilder()
    object.add("target", target)
    object.add("actual", actual)
    return object.node
  }
}

extension Evaluation: JSONRepresentable {
  var jsonNode: JSONNode {
    var object = JSONObjectBuilder()
    object.add("fiscalYear", fiscalYear)
    object.add("effect", effect?.rawValue)
    object.add("assessment", assessment)
    object.add("expertOpinion", expertOpinion)
    object.add("policy", policy?.rawValue)
    object.add("policyReason", policyReason)
    object.add("grade", grade)
    return object.node
  }
}
