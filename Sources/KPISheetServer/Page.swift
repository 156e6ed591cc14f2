import Foundation
import KPIModel

/// The page at `/`: plain HTML, CSS and a little script, all inside the binary; it loads
/// nothing from anywhere (the Content-Security-Policy forbids it), so it works on a machine
/// without internet access. Its words come from `PageText` in the request's language.
enum Page {
  /// Headers of the page: only its own inline style and script, requests to this server only.
  static let headers: [(String, String)] = [
    (
      "Content-Security-Policy",
      "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; "
        + "connect-src 'self'; img-src 'self' data:; form-action 'none'; "
        + "frame-ancestors 'none'; base-uri 'none'"
    ),
    ("Referrer-Policy", "no-referrer"),
    ("X-Frame-Options", "DENY"),
  ]

  /// The page in `language`, made once.
  static func html(_ language: DiagnosticLanguage) -> String {
    language == .japanese ? japanesePage : englishPage
  }

  private static let japanesePage = make(.japanese)
  private static let englishPage = make(.english)

  /// The page in `language`: every `{{key}}` of the template replaced by its escaped text.
  private static func make(_ language: DiagnosticLanguage) -> String {
    let words = PageText.words(language)
    var page = template
    for (key, value) in words {
      page = page.replacingOccurrences(of: "{{\(key)}}", with: escape(value))
    }
    page = page.replacingOccurrences(of: "{{lang}}", with: language.rawValue)
    page = page.replacingOccurrences(of: "{{scriptWords}}", with: scriptWords(words))
    return page
  }

  /// The words the script shows, as a JSON object inside the page's `<script>`.
  private static func scriptWords(_ words: [String: String]) -> String {
    let writer = JSONWriter()
    writer.object(.inline) {
      for key in words.keys.sorted() where key.hasPrefix("js.") {
        writer.member(String(key.dropFirst(3)), words[key])
      }
    }
    // `</` cannot end the script early inside a JSON string written this way.
    return writer.text.replacingOccurrences(of: "</", with: "<\\/")
  }

  static func escape(_ text: String) -> String {
    var escaped = ""
    for character in text {
      switch character {
      case "&": escaped += "&amp;"
      case "<": escaped += "&lt;"
      case ">": escaped += "&gt;"
      case "\"": escaped += "&quot;"
      default: escaped.append(character)
      }
    }
    return escaped
  }

  private static let template = """
    <!doctype html>
    <html lang="{{lang}}">
    <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>{{title}}</title>
    <style>
    :root { --fg: #1a1a1a; --muted: #555; --line: #b8b8b8; --accent: #0b5cad; --bad: #b00020;
      --warn: #8a5a00; --ok: #1e6b2f; --bg: #fff; --panel: #f4f6f8; }
    * { box-sizing: border-box; }
    body { margin: 0; font-family: system-ui, "Noto Sans CJK JP", "Hiragino Sans", "Yu Gothic",
      sans-serif; font-size: 1rem; line-height: 1.6; color: var(--fg); background: var(--bg); }
    header, main, footer { max-width: 60rem; margin: 0 auto; padding: 0 1rem; }
    header { padding-top: 1rem; }
    h1 { font-size: 1.6rem; margin: 0.5rem 0; }
    h2 { font-size: 1.25rem; margin: 1.5rem 0 0.5rem; }
    h3 { font-size: 1.1rem; margin: 0 0 0.5rem; overflow-wrap: anywhere; }
    section { margin-bottom: 1.5rem; }
    .drop { border: 2px dashed var(--line); border-radius: 0.5rem; padding: 1rem;
      background: var(--panel); }
    .drop.over { border-color: var(--accent); background: #e6f0fb; }
    label { font-weight: 600; display: block; margin-bottom: 0.25rem; }
    input[type=text] { font: inherit; width: 100%; max-width: 24rem; padding: 0.4rem;
      border: 1px solid var(--line); border-radius: 0.25rem; }
    input[type=file] { font: inherit; max-width: 100%; }
    button { font: inherit; padding: 0.5rem 1rem; border-radius: 0.25rem; cursor: pointer;
      border: 1px solid var(--accent); background: var(--accent); color: #fff; margin: 0.25rem 0.5rem 0.25rem 0; }
    button.secondary { background: #fff; color: var(--accent); }
    button:disabled { opacity: 0.5; cursor: not-allowed; }
    :focus-visible { outline: 3px solid #f5a300; outline-offset: 2px; }
    .fields { display: grid; grid-template-columns: repeat(auto-fit, minmax(14rem, 1fr));
      gap: 0.75rem 1rem; border: 1px solid var(--line); border-radius: 0.5rem; padding: 1rem; }
    .fields legend { font-weight: 600; padding: 0 0.25rem; }
    .hint { color: var(--muted); font-size: 0.9rem; margin: 0.25rem 0; }
    ul.chosen { padding-left: 1.25rem; }
    ul.chosen li { overflow-wrap: anywhere; }
    article { border: 1px solid var(--line); border-radius: 0.5rem; padding: 1rem;
      margin-bottom: 1rem; }
    .status-ok { color: var(--ok); font-weight: 600; }
    .status-error { color: var(--bad); font-weight: 600; }
    dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 0.25rem 1rem; margin: 0.5rem 0; }
    dl.facts dt { font-weight: 600; }
    dl.facts dd { margin: 0; overflow-wrap: anywhere; }
    ul.problems { list-style: none; padding: 0; margin: 0.5rem 0; }
    ul.problems li { border-left: 4px solid var(--warn); padding: 0.25rem 0.5rem; margin: 0.25rem 0;
      background: #fff8e6; overflow-wrap: anywhere; }
    ul.problems li.error { border-left-color: var(--bad); background: #fdecee; }
    .place { font-family: ui-monospace, monospace; font-weight: 600; }
    details { margin: 0.5rem 0; }
    summary { cursor: pointer; font-weight: 600; }
    .tables li { overflow-wrap: anywhere; }
    #progress-box { display: flex; align-items: center; gap: 0.75rem; flex-wrap: wrap; }
    #progress-box[hidden] { display: none; }
    progress { width: 12rem; max-width: 100%; height: 1.25rem; }
    #message { min-height: 1.5rem; font-weight: 600; overflow-wrap: anywhere; }
    #message.bad { color: var(--bad); }
    .visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden;
      clip: rect(0 0 0 0); white-space: nowrap; }
    footer { color: var(--muted); font-size: 0.9rem; padding-bottom: 2rem; }
    </style>
    </head>
    <body>
    <header>
    <h1>{{title}}</h1>
    <p>{{intro}}</p>
    </header>
    <main>
    <section aria-labelledby="step-files">
    <h2 id="step-files">{{stepFiles}}</h2>
    <div class="drop" id="drop">
    <label for="files">{{chooseFiles}}</label>
    <input type="file" id="files" name="file" multiple accept=".xlsx,.xlsm,.json" aria-describedby="files-hint">
    <p class="hint" id="files-hint">{{filesHint}}</p>
    <ul class="chosen" id="chosen" aria-label="{{chosenFiles}}"></ul>
    <button type="button" id="check" disabled>{{check}}</button>
    <button type="button" id="clear" class="secondary" disabled>{{clear}}</button>
    </div>
    </section>
    <section aria-labelledby="step-results" id="results-section" hidden>
    <h2 id="step-results">{{stepResults}}</h2>
    <div id="results"></div>
    </section>
    <section aria-labelledby="step-report">
    <h2 id="step-report">{{stepReport}}</h2>
    <fieldset class="fields">
    <legend>{{facts}}</legend>
    <div><label for="fiscalYear">{{fiscalYear}}</label>
    <input type="text" id="fiscalYear" name="fiscalYear" inputmode="text" autocomplete="off" aria-describedby="fiscalYear-hint">
    <p class="hint" id="fiscalYear-hint">{{fiscalYearHint}}</p></div>
    <div><label for="municipality">{{municipality}}</label>
    <input type="text" id="municipality" name="municipality" autocomplete="off"></div>
    <div><label for="prefecture">{{prefecture}}</label>
    <input type="text" id="prefecture" name="prefecture" autocomplete="off"></div>
    <div><label for="code">{{code}}</label>
    <input type="text" id="code" name="code" inputmode="numeric" autocomplete="off" aria-describedby="code-hint">
    <p class="hint" id="code-hint">{{codeHint}}</p></div>
    <div><label for="department">{{department}}</label>
    <input type="text" id="department" name="department" autocomplete="off"></div>
    <div><label for="contact">{{contact}}</label>
    <input type="text" id="contact" name="contact" autocomplete="off"></div>
    </fieldset>
    <p class="hint">{{factsHint}}</p>
    <button type="button" id="report-xlsx" disabled>{{reportXLSX}}</button>
    <button type="button" id="report-pdf" class="secondary" disabled>{{reportPDF}}</button>
    </section>
    <div id="progress-box" hidden><progress id="progress" aria-label="{{progress}}"></progress><span id="progress-text"></span></div>
    <p id="message" role="status" aria-live="polite"></p>
    <ul class="problems" id="report-problems" aria-label="{{reportProblems}}"></ul>
    </main>
    <footer><p>{{footer}}</p></footer>
    <script>
    "use strict";
    const T = {{scriptWords}};
    const $ = (id) => document.getElementById(id);
    let chosen = [];
    let busy = false;

    function el(tag, attributes, ...children) {
      const node = document.createElement(tag);
      for (const [key, value] of Object.entries(attributes || {})) {
        if (key === "class") node.className = value; else node.setAttribute(key, value);
      }
      for (const child of children) {
        if (child === null || child === undefined) continue;
        node.append(child instanceof Node ? child : String(child));
      }
      return node;
    }

    function refresh() {
      const list = $("chosen");
      list.replaceChildren();
      chosen.forEach((file, index) => {
        const remove = el("button", {type: "button", class: "secondary",
          "aria-label": T.remove + ": " + file.name}, T.remove);
        remove.addEventListener("click", () => { chosen.splice(index, 1); refresh(); });
        list.append(el("li", {}, file.name + " (" + Math.max(1, Math.round(file.size / 1024)) + " KB) ", remove));
      });
      const none = chosen.length === 0;
      $("check").disabled = none || busy;
      $("clear").disabled = none || busy;
      $("report-xlsx").disabled = none || busy;
      $("report-pdf").disabled = none || busy;
    }

    function add(files) {
      for (const file of files) {
        if (!chosen.some((other) => other.name === file.name && other.size === file.size)) chosen.push(file);
      }
      refresh();
    }

    function say(text, bad) {
      $("message").textContent = text;
      $("message").className = bad ? "bad" : "";
    }

    function working(text) {
      busy = text !== null;
      $("progress-box").hidden = !busy;
      $("progress-text").textContent = text || "";
      if (busy) $("progress").removeAttribute("value");
      refresh();
    }

    function form(files) {
      const data = new FormData();
      for (const file of files) data.append("file", file, file.name);
      for (const id of ["fiscalYear", "municipality", "prefecture", "code", "department", "contact"]) {
        const value = $(id).value.trim();
        if (value) data.append(id, value);
      }
      return data;
    }

    function send(url, data, responseType) {
      return new Promise((resolve, reject) => {
        const request = new XMLHttpRequest();
        request.open("POST", url);
        request.responseType = responseType;
        request.upload.onprogress = (event) => {
          if (event.lengthComputable) {
            $("progress").max = event.total;
            $("progress").value = event.loaded;
            if (event.loaded >= event.total) $("progress").removeAttribute("value");
          }
        };
        request.onload = () => resolve(request);
        request.onerror = () => reject(new Error(T.networkError));
        request.send(data);
      });
    }

    async function jsonOf(request) {
      if (request.responseType === "blob") return JSON.parse(await request.response.text());
      return request.response;
    }

    function save(blob, name) {
      const link = el("a", {href: URL.createObjectURL(blob), download: name});
      document.body.append(link);
      link.click();
      // Out of the page at once (an empty link must never take keyboard focus); the address
      // lives on until the browser has fetched it.
      link.remove();
      setTimeout(() => URL.revokeObjectURL(link.href), 1000);
    }

    function fileName(request, fallback) {
      const header = request.getResponseHeader("Content-Disposition") || "";
      const encoded = /filename\\*=UTF-8''([^;]+)/.exec(header);
      if (encoded) return decodeURIComponent(encoded[1]);
      const plain = /filename="([^"]+)"/.exec(header);
      return plain ? plain[1] : fallback;
    }

    function problemItem(problem) {
      const place = [problem.file, problem.sheet, problem.cell].filter(Boolean).join(" ");
      const label = problem.severity === "error" ? T.error : T.warning;
      return el("li", {class: problem.severity},
        el("strong", {}, label + ": "), place ? el("span", {class: "place"}, place + " ") : null,
        problem.message, " ", el("span", {class: "hint"}, "(" + problem.code + ")"));
    }

    function summary(records) {
      const years = new Set();
      let kpis = 0;
      for (const project of records.projects) {
        kpis += project.kpis.length;
        for (const kpi of project.kpis) for (const value of kpi.values) years.add(value.fiscalYear);
        for (const year of project.years) years.add(year.fiscalYear);
      }
      const sorted = [...years].sort((a, b) => a - b);
      return {projects: records.projects.length, kpis,
        years: sorted.length ? (sorted.length > 1 ? sorted[0] + "–" + sorted[sorted.length - 1] : String(sorted[0])) : "—"};
    }

    function renderFile(entry, file) {
      const ok = entry.status === "ok";
      const article = el("article", {"aria-labelledby": "result-" + entry.index});
      article.append(el("h3", {id: "result-" + entry.index}, entry.name));
      article.append(el("p", {class: ok ? "status-ok" : "status-error"}, ok ? T.statusOk : T.statusError));
      const facts = el("dl", {class: "facts"});
      const add = (term, value) => facts.append(el("dt", {}, term), el("dd", {}, value));
      add(T.layout, entry.layout || "—");
      if (entry.records) {
        const numbers = summary(entry.records);
        add(T.projects, numbers.projects);
        add(T.kpis, numbers.kpis);
        add(T.years, numbers.years);
      }
      article.append(facts);
      if (entry.records && entry.records.projects.length) {
        const names = el("ul", {"aria-label": T.projectList});
        for (const project of entry.records.projects) {
          names.append(el("li", {}, project.name + " — " + T.kpiCount.replace("%d", project.kpis.length)));
        }
        article.append(el("details", {}, el("summary", {}, T.projectList), names));
      }
      const errors = entry.diagnostics.filter((d) => d.severity === "error").length;
      article.append(el("p", {}, T.counts.replace("%e", errors).replace("%w", entry.diagnostics.length - errors)));
      if (entry.diagnostics.length) {
        const list = el("ul", {class: "problems", "aria-label": T.problems + ": " + entry.name});
        for (const problem of entry.diagnostics) list.append(problemItem(problem));
        article.append(list);
      }
      if (entry.tables.length) {
        const tables = el("ul", {class: "tables"});
        for (const table of entry.tables) {
          const headers = table.headers.map((h) => h.cell + " " + h.path.join(" / ") + " → " + (h.field || T.unread)).join("; ");
          const read = table.skipped ? T.skipped + ": " + table.skipped : (table.orientation + ", " + T.layout + " " + (table.layout || "—"));
          tables.append(el("li", {}, el("span", {class: "place"}, table.sheet + "!" + table.range), " " + read,
            headers ? el("div", {class: "hint"}, headers) : null));
        }
        article.append(el("details", {}, el("summary", {}, T.tables), tables));
      }
      if (ok) {
        for (const [format, label] of [["json", T.recordsJSON], ["csv", T.recordsCSV]]) {
          const button = el("button", {type: "button", class: "secondary", "aria-label": label + ": " + entry.name}, label);
          button.addEventListener("click", () => download("/api/extract?format=" + format + (format === "csv" ? "&encoding=utf-8-bom" : ""), [file], entry.name.replace(/\\.[^.]*$/, "") + "." + format));
          article.append(button);
        }
      }
      return article;
    }

    async function check() {
      working(T.checking);
      say("");
      const files = chosen.slice();
      try {
        const request = await send("/api/extract", form(files), "json");
        if (request.status !== 200) throw new Error((request.response && request.response.message) || T.failed);
        const results = $("results");
        results.replaceChildren();
        request.response.files.forEach((entry, index) => {
          entry.index = index;
          results.append(renderFile(entry, files[index]));
        });
        $("results-section").hidden = false;
        const bad = request.response.files.filter((entry) => entry.status !== "ok").length;
        say(bad ? T.checkedWithErrors.replace("%d", bad) : T.checked, bad > 0);
        $("step-results").focus();
      } catch (error) {
        say(error.message, true);
      } finally {
        working(null);
      }
    }

    async function download(url, files, fallbackName) {
      working(T.converting);
      say("");
      $("report-problems").replaceChildren();
      try {
        const request = await send(url, form(files), "blob");
        if (request.status === 200) {
          const name = fileName(request, fallbackName);
          save(request.response, name);
          say(T.downloaded.replace("%s", name));
          return;
        }
        const body = await jsonOf(request).catch(() => ({}));
        if (body.diagnostics) {
          for (const problem of body.diagnostics) $("report-problems").append(problemItem(problem));
          say(T.inputErrors, true);
        } else {
          say(body.message || T.failed, true);
        }
      } catch (error) {
        say(error.message, true);
      } finally {
        working(null);
      }
    }

    $("files").addEventListener("change", (event) => { add(event.target.files); event.target.value = ""; });
    $("clear").addEventListener("click", () => { chosen = []; refresh(); $("results").replaceChildren(); $("results-section").hidden = true; say(""); });
    $("check").addEventListener("click", check);
    $("report-xlsx").addEventListener("click", () => download("/api/convert", chosen, "kpi-report.xlsx"));
    $("report-pdf").addEventListener("click", () => download("/api/convert?format=pdf", chosen, "kpi-report.pdf"));
    $("step-results").tabIndex = -1;
    const drop = $("drop");
    for (const name of ["dragenter", "dragover"]) drop.addEventListener(name, (event) => { event.preventDefault(); drop.classList.add("over"); });
    for (const name of ["dragleave", "drop"]) drop.addEventListener(name, () => drop.classList.remove("over"));
    drop.addEventListener("drop", (event) => { event.preventDefault(); add(event.dataTransfer.files); });
    refresh();
    </script>
    </body>
    </html>
    """
}
