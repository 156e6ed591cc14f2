// Each record's JSON form, keys in the order records.md shows them, numbers at 15 significant
// digits. Optional fields are left out when nil, except a value's target and actual, which the
// schema requires. This is the records' only serialisation: they are not `Encodable`.

/// A record that writes its own JSON form.
protocol JSONWritable {
  func write(to writer: JSONWriter)
}

extension JSONWriter {
  fileprivate func memberIfPresent(_ key: String, _ value: (some JSONWritable)?) {
    guard let value else { return }
    self.key(key)
    value.write(to: self)
  }

  fileprivate func member(_ key: String, _ values: [some JSONWritable]) {
    self.key(key)
    array(.pretty) { for value in values { value.write(to: self) } }
  }

  fileprivate func member(_ key: String, excel value: Double?) {
    member(key, value, .excel)
  }

  fileprivate func memberIfPresent(_ key: String, excel value: Double?) {
    if let value { member(key, excel: value) }
  }
}

extension RecordsDocument: JSONWritable {
  func write(to writer: JSONWriter) {
    writer.object(.pretty) {
      writer.member("format", format)
      writer.member("version", version)
      writer.memberIfPresent("municipality", municipality)
      writer.memberIfPresent("grant", grant)
      writer.member("projects", projects)
    }
  }
}

extension Municipality: JSONWritable {
  func write(to writer: JSONWriter) {
    writer.object(.pretty) {
      writer.memberIfPresent("name", name)
      writer.memberIfPresent("prefecture", prefecture)
      writer.memberIfPresent("code", code)
      writer.memberIfPresent("contact", contact)
    }
  }
}

extension Project: JSONWritable {
  func write(to writer: JSONWriter) {
    writer.object(.pretty) {
      writer.memberIfPresent("no", no)
      writer.member("name", name)
      writer.memberIfPresent("scope", scope?.rawValue)
      writer.memberIfPresent("department", department)
      if let partners { writer.member("partners", strings: partners, .pretty) }
      writer.memberIfPresent("period", period)
      writer.memberIfPresent("overview", overview)
      writer.member("years", years)
      writer.member("kpis", kpis)
      writer.memberIfPresent("evaluation", evaluation)
      writer.memberIfPresent("grantType", grantType)
    }
  }
}

extension FiscalPeriod: JSONWritable {
  func write(to writer: JSONWriter) {
    writer.object(.pretty) {
      writer.member("start", start)
      writer.member("end", end)
    }
  }
}

extension ProjectYear: JSONWritable {
  func write(to writer: JSONWriter) {
    writer.object(.pretty) {
      writer.member("fiscalYear", fiscalYear)
      // Layouts without activities (flat lists, wide tables) leave the key out rather than
      // write an empty list; readers treat the two alike.
      if !activities.isEmpty { writer.member("activities", strings: activities, .pretty) }
      writer.memberIfPresent("cost", cost)
    }
  }
}

extension Amount: JSONWritable {
  func write(to writer: JSONWriter) {
    writer.object(.pretty) {
      writer.member("value", excel: value)
      writer.memberIfPresent("unit", unit)
    }
  }
}

extension KPI: JSONWritable {
  func write(to writer: JSONWriter) {
    writer.object(.pretty) {
      writer.memberIfPresent("no", no)
      writer.member("name", name)
      writer.memberIfPresent("unit", unit)
      writer.memberIfPresent("direction", direction?.rawValue)
      writer.memberIfPresent("baseline", excel: baseline)
      writer.memberIfPresent("finalTarget", finalTarget)
      writer.memberIfPresent("grade", grade)
      writer.member("values", values)
    }
  }
}

extension KPIValue: JSONWritable {
  func write(to writer: JSONWriter) {
    writer.object(.pretty) {
      writer.member("fiscalYear", fiscalYear)
      writer.member("target", excel: target)
      writer.member("actual", excel: actual)
      writer.memberIfPresent("due", due)
      writer.memberIfPresent("source", source)
    }
  }
}

extension FinalTarget: JSONWritable {
  func write(to writer: JSONWriter) {
    writer.object(.pretty) {
      writer.key("fiscalYear")
      if let fiscalYear { writer.integer(fiscalYear) } else { writer.null() }
      writer.member("value", excel: value)
    }
  }
}

extension ValueSource: JSONWritable {
  func write(to writer: JSONWriter) {
    writer.object(.pretty) {
      writer.memberIfPresent("target", target)
      writer.memberIfPresent("actual", actual)
    }
  }
}

extension Evaluation: JSONWritable {
  func write(to writer: JSONWriter) {
    writer.object(.pretty) {
      writer.memberIfPresent("fiscalYear", fiscalYear)
      writer.memberIfPresent("effect", effect?.rawValue)
      writer.memberIfPresent("assessment", assessment)
      writer.memberIfPresent("expertOpinion", expertOpinion)
      writer.memberIfPresent("policy", policy?.rawValue)
      writer.memberIfPresent("policyReason", policyReason)
      writer.memberIfPresent("grade", grade)
    }
  }
}
