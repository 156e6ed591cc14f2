import Foundation
import HTTPTypes
import Hummingbird
import KPIModel
import KPISheet
import Synchronization

/// Answers every request: the checks first (Host, Origin, size), then the page or the API,
/// and one log line per request on standard error.
struct ServerResponder: HTTPResponder {
  typealias Context = BasicRequestContext

  let configuration: ServerConfiguration
  /// The port actually bound (the configured one may be 0), set once the server runs.
  let boundPort: BoundPort
  let gate: JobGate
  let log: @Sendable (String) -> Void

  private var work: APIWork { APIWork(limits: configuration.limits, facts: configuration.facts) }

  func respond(to request: Request, context: Context) async throws -> Response {
    let start = ContinuousClock.now
    let (answer, files) = await answer(request)
    let elapsed = ContinuousClock.now - start
    let milliseconds =
      elapsed.components.seconds * 1000
      + elapsed.components.attoseconds / 1_000_000_000_000_000
    log(
      "\(request.method.rawValue) \(request.uri.path) \(answer.status) \(milliseconds) ms"
        + " \(files) file(s)")
    return response(answer)
  }

  private func response(_ answer: APIWork.Answer) -> Response {
    var headers = HTTPFields()
    headers[.contentType] = answer.contentType
    headers[.cacheControl] = "no-store"
    headers[.xContentTypeOptions] = "nosniff"
    for (name, value) in answer.headers {
      if let field = HTTPField.Name(name) { headers[field] = value }
    }
    return Response(
      status: HTTPResponse.Status(code: answer.status), headers: headers,
      body: ResponseBody(byteBuffer: ByteBuffer(bytes: answer.body)))
  }

  /// The answer and how many files the request carried.
  private func answer(_ request: Request) async -> (APIWork.Answer, Int) {
    let language = DiagnosticLanguage.preferred(by: request.headers[.acceptLanguage])
    let text = ServerText(language: language)
    let check = HostCheck(host: configuration.host, port: boundPort.value)
    // HTTP/1.1's Host header arrives as the request's authority.
    let host = request.head.authority
    guard check.allows(host: host) else {
      return (.error(421, "misdirected-request", text.wrongHost), 0)
    }
    let path = request.uri.path
    switch (request.method, path) {
    case (.get, "/healthz"), (.head, "/healthz"):
      return (
        APIWork.Answer(
          status: 200, contentType: "text/plain; charset=utf-8", body: Array("ok\n".utf8)), 0
      )
    case (.get, "/"), (.head, "/"), (.get, "/index.html"):
      var answer = APIWork.Answer(
        status: 200, contentType: "text/html; charset=utf-8", body: Array(Page.html(language).utf8))
      answer.headers = Page.headers
      return (answer, 0)
    case (.post, "/api/extract"), (.post, "/api/convert"):
      guard check.allows(origin: request.headers[.origin], host: host) else {
        return (.error(403, "foreign-origin", text.foreignOrigin), 0)
      }
      return await post(request, language: language, text: text)
    case (_, "/api/extract"), (_, "/api/convert"), (_, "/healthz"), (_, "/"):
      var answer = APIWork.Answer.error(405, "method-not-allowed", text.methodNotAllowed)
      answer.headers = [("Allow", path.hasPrefix("/api/") ? "POST" : "GET, HEAD")]
      return (answer, 0)
    default:
      return (.error(404, "not-found", text.notFound), 0)
    }
  }

  /// The two API calls: read the form into the request's folder, wait for a turn, work.
  private func post(_ request: Request, language: DiagnosticLanguage, text: ServerText) async
    -> (APIWork.Answer, Int)
  {
    let query = request.uri.queryParameters
    let format = query["format"].map(String.init)
    let isConvert = request.uri.path == "/api/convert"
    if isConvert, let format, format != "xlsx", format != "pdf" {
      return (.error(400, "bad-format", text.badFormat(format)), 0)
    }
    if let length = request.headers[.contentLength].flatMap({ Int($0) }),
      length > configuration.maxUploadBytes
    {
      return (.error(413, "too-large", text.tooLarge(configuration.maxUploadBytes)), 0)
    }
    guard
      let boundary = MultipartReader.boundary(contentType: request.headers[.contentType])
    else {
      return (.error(400, "not-a-form", text.notAForm), 0)
    }
    let folder: RequestFolder
    do {
      folder = try RequestFolder(in: configuration.temporaryDirectory)
    } catch {
      log("cannot create a temporary folder: \(error.reason)")
      return (.error(500, "no-temporary-folder", text.serverTrouble), 0)
    }
    defer { folder.remove() }
    let form: UploadedForm
    do {
      form = try await MultipartReader(
        boundary: boundary, folder: folder.path, maxBytes: configuration.maxUploadBytes
      ).read(request.body)
    } catch FormError.tooLarge {
      return (.error(413, "too-large", text.tooLarge(configuration.maxUploadBytes)), 0)
    } catch FormError.tooManyParts {
      return (.error(413, "too-many-files", text.tooManyFiles), MultipartReader.maxFiles)
    } catch {
      return (.error(400, "bad-form", text.notAForm), 0)
    }
    let files = form.files.count
    guard files > 0 else { return (.error(400, "no-file", text.noFile), 0) }
    let fields = FormFields(form.fields)
    let fiscalYear: Int?
    switch fields.fiscalYear {
    case .invalid(let given):
      return (.error(400, "bad-fiscal-year", text.badFiscalYear(given)), files)
    case .year(let year): fiscalYear = year
    case .none: fiscalYear = nil
    }
    guard await gate.enter() else {
      var busy = APIWork.Answer.error(503, "busy", text.busy)
      busy.headers = [("Retry-After", "10")]
      return (busy, files)
    }
    let work = self.work
    let answer: APIWork.Answer
    do {
      if isConvert {
        if let code = fields.facts.code, LocalGovernmentCode(code) == nil {
          answer = .error(400, "bad-code", text.badCode(code))
        } else if let (key, english, japanese) = fields.facts.problem() {
          answer = .error(400, "bad-fact", text.badFact(key, english, japanese))
        } else if let given = fields.created, fields.createdDate == nil {
          answer = .error(400, "bad-created", text.badCreated(given))
        } else {
          let (uploads, facts, created, path) = (
            form.files, fields.facts, fields.createdDate, folder.path
          )
          let pdf = format == "pdf"
          answer = try await runBlocking {
            work.convert(
              uploads, fiscalYear: fiscalYear, facts: facts, created: created, folder: path,
              pdf: pdf, language: language)
          }
        }
      } else if let format, !isConvert {
        guard let kind = Extraction.Format(rawValue: format) else {
          answer = .error(400, "bad-format", text.badFormat(format))
          await gate.leave()
          return (answer, files)
        }
        let encoding = query["encoding"].flatMap { CSVEncoding(rawValue: String($0)) } ?? .utf8
        if files != 1 {
          answer = .error(400, "one-file", text.oneFile)
        } else {
          let upload = form.files[0]
          answer = try await runBlocking {
            work.records(
              upload, format: kind, encoding: encoding, fiscalYear: fiscalYear, language: language)
          }
        }
      } else {
        let uploads = form.files
        answer = try await runBlocking {
          work.extract(uploads, fiscalYear: fiscalYear, language: language)
        }
      }
    } catch {
      answer = .error(500, "internal", text.serverTrouble)
    }
    await gate.leave()
    return (answer, files)
  }
}

/// The port the server listens on, known once it is bound.
final class BoundPort: Sendable {
  private let port: Mutex<Int>

  init(_ port: Int) { self.port = Mutex(port) }

  var value: Int { port.withLock { $0 } }

  func set(_ value: Int) { port.withLock { $0 = value } }
}

/// The form's optional fields, as `convert`'s flags.
struct FormFields {
  enum Year {
    case none
    case year(Int)
    case invalid(String)
  }

  var fiscalYear: Year
  var facts: ReportProfile
  var created: String?

  init(_ fields: [String: String]) {
    func value(_ key: String) -> String? {
      let text = fields[key]?.trimmingCharacters(in: .whitespacesAndNewlines)
      return text?.isEmpty == false ? text : nil
    }
    if let text = value("fiscalYear") {
      fiscalYear = FiscalYear.parseArgument(text).map(Year.year) ?? .invalid(text)
    } else {
      fiscalYear = .none
    }
    facts = ReportProfile(
      municipality: value("municipality"), prefecture: value("prefecture"), code: value("code"),
      department: value("department"), contact: value("contact"))
    created = value("created")
  }

  /// `created` as a time (ISO 8601, or a date alone), like `convert --created`.
  var createdDate: Date? {
    guard let created else { return nil }
    let formatter = ISO8601DateFormatter()
    if let date = formatter.date(from: created) { return date }
    formatter.formatOptions = [.withFullDate]
    return formatter.date(from: created)
  }
}
