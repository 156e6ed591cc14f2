#!/usr/bin/env python3
"""Drives the page of `kpisheet serve` in headless Chromium, as an officer would.

Starts the built binary on a free loopback port with its own TMPDIR, then, in Japanese and in
English: uploads samples/*.xlsx, checks the projects and problems shown against
`kpisheet validate` and the samples' expected records, downloads the report and opens it with
openpyxl, downloads records JSON, uploads a damaged workbook and finds its message, walks
every control with Tab, and checks that nothing scrolls sideways at 200 % zoom. Screenshots
go to --out.

    Tests/Browser/page_test.py --binary .build/debug/kpisheet --out /tmp/kpisheet-browser
    Tests/Browser/page_test.py --binary .build/debug/kpisheet --readme docs/images/serve.png

Needs Debian's chromium and chromium-driver, and selenium and openpyxl from PyPI
(Scripts/setup installs them). Ends with a line `N passed, N failed`; exit 1 on a failure.
"""
import argparse
import glob
import json
import os
import pathlib
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time

import openpyxl
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

ROOT = pathlib.Path(__file__).resolve().parents[2]
SAMPLES = sorted(glob.glob(str(ROOT / "samples" / "*.xlsx")))
DAMAGED = str(ROOT / "Tests" / "XLSXReaderTests" / "Fixtures" / "bad" / "truncated.xlsx")

passed = 0
failed = 0


def check(condition, what):
    global passed, failed
    if condition:
        passed += 1
    else:
        failed += 1
        print(f"FAIL: {what}", flush=True)


class Server:
    """`kpisheet serve --port 0` with a TMPDIR of its own."""

    def __init__(self, binary):
        self.temporary = tempfile.mkdtemp(prefix="kpisheet-browser-tmp-")
        env = dict(os.environ, TMPDIR=self.temporary, LANG="C.UTF-8", LC_ALL="C.UTF-8")
        self.process = subprocess.Popen(
            [binary, "serve", "--port", "0"], env=env, stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        self.log = []
        found = threading.Event()
        self.port = None

        def read():
            for line in self.process.stderr:
                self.log.append(line.rstrip("\n"))
                match = re.search(r"http://[^ ]*:(\d+)/", line)
                if match and self.port is None:
                    self.port = int(match.group(1))
                    found.set()

        threading.Thread(target=read, daemon=True).start()
        if not found.wait(60):
            self.process.kill()
            raise SystemExit("kpisheet serve did not start:\n" + "\n".join(self.log))
        self.url = f"http://127.0.0.1:{self.port}/"

    def stop(self):
        self.process.terminate()
        status = self.process.wait(30)
        leftovers = os.listdir(self.temporary)
        shutil.rmtree(self.temporary, ignore_errors=True)
        return status, leftovers


def browser(language, downloads):
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--window-size=1280,1000",
                 f"--lang={language}"):
        options.add_argument(flag)
    options.add_experimental_option("prefs", {
        "intl.accept_languages": language,
        "download.default_directory": downloads,
        "download.prompt_for_download": False,
    })
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    driver.execute_cdp_cmd("Browser.setDownloadBehavior",
                           {"behavior": "allow", "downloadPath": downloads})
    return driver


def validate(binary, paths, language):
    """`kpisheet validate --format json` over `paths`, run in their folder."""
    env = dict(os.environ, LANG=language, LC_ALL=language)
    folder = os.path.dirname(paths[0])
    result = subprocess.run(
        [binary, "validate", "--format", "json"] + [os.path.basename(p) for p in paths],
        cwd=folder, env=env, capture_output=True, text=True)
    return {report["file"]: report for report in json.loads(result.stdout)["files"]}


def wait_for_download(folder, pattern, seconds=60):
    deadline = time.time() + seconds
    while time.time() < deadline:
        done = [f for f in glob.glob(os.path.join(folder, pattern))
                if not f.endswith(".crdownload")]
        if done and not glob.glob(os.path.join(folder, "*.crdownload")):
            return done[0]
        time.sleep(0.2)
    return None


def choose(driver, paths):
    driver.find_element(By.ID, "files").send_keys("\n".join(paths))


def wait_idle(driver):
    WebDriverWait(driver, 120).until(
        lambda d: d.find_element(By.ID, "progress-box").get_attribute("hidden") is not None)


def tab_walk(driver):
    """Tabs from the top of the page until focus comes back; returns what got focus."""
    driver.find_element(By.TAG_NAME, "body").click()
    driver.execute_script("document.activeElement.blur(); window.scrollTo(0, 0);")
    reached = []
    for _ in range(200):
        # Keys to the page, not to an element: a file input takes typed keys as a path.
        ActionChains(driver).send_keys(Keys.TAB).perform()
        info = driver.execute_script("""
            const e = document.activeElement;
            if (!e || e === document.body) return null;
            const label = e.labels && e.labels.length ? e.labels[0].textContent
              : (e.getAttribute('aria-label') || e.textContent || '');
            return {key: e.id || (e.tagName + ':' + label), tag: e.tagName, label: label.trim()};
        """)
        if info is None:
            continue
        if reached and info["key"] == reached[0]["key"]:
            break
        if any(r["key"] == info["key"] for r in reached):
            break
        reached.append(info)
    return reached


def controls(driver):
    """Every enabled, visible control on the page."""
    return driver.execute_script("""
        return [...document.querySelectorAll('button, input, summary, a[href], select, textarea')]
          .filter(e => !e.disabled && e.offsetParent !== null)
          .map(e => e.id || (e.tagName + ':' + (e.labels && e.labels.length ? e.labels[0].textContent
            : (e.getAttribute('aria-label') || e.textContent || '')).trim()));
    """)


def run(binary, out, readme):
    os.makedirs(out, exist_ok=True)
    server = Server(binary)
    try:
        for language, locale in (("ja", "ja_JP.UTF-8"), ("en-US", "C.UTF-8")):
            downloads = tempfile.mkdtemp(prefix="kpisheet-downloads-")
            driver = browser(language, downloads)
            try:
                session(driver, server, binary, language, locale, downloads, out, readme)
            finally:
                driver.quit()
                shutil.rmtree(downloads, ignore_errors=True)
    finally:
        status, leftovers = server.stop()
        check(status == 0, f"the server stops cleanly on SIGTERM (status {status})")
        check(leftovers == [], f"no upload left in the server's TMPDIR: {leftovers}")
        requests = [line for line in server.log if re.match(r"(GET|POST) /", line)]
        check(len(requests) >= 8, f"one log line per request ({len(requests)})")


def session(driver, server, binary, language, locale, downloads, out, readme):
    tag = "ja" if language == "ja" else "en"
    driver.get(server.url)
    html_lang = driver.find_element(By.TAG_NAME, "html").get_attribute("lang")
    check(html_lang == tag, f"page language {html_lang} for Accept-Language {language}")
    title = driver.find_element(By.TAG_NAME, "h1").text
    check(title == ("KPI シート変換" if tag == "ja" else "KPI sheet converter"), f"title {title}")

    # Every labelled control, before anything is chosen.
    for control in ("files", "fiscalYear", "municipality", "prefecture", "code", "department",
                    "contact"):
        label = driver.find_elements(By.CSS_SELECTOR, f"label[for={control}]")
        check(label and label[0].text.strip(), f"{control} has a label")

    # Upload the samples and check what is shown.
    choose(driver, SAMPLES)
    driver.find_element(By.ID, "check").click()
    WebDriverWait(driver, 120).until(
        lambda d: len(d.find_elements(By.CSS_SELECTOR, "#results article")) == len(SAMPLES))
    wait_idle(driver)
    reports = validate(binary, SAMPLES, locale)
    for article in driver.find_elements(By.CSS_SELECTOR, "#results article"):
        name = article.find_element(By.TAG_NAME, "h3").text
        expected_file = str(ROOT / "samples" / name.replace(".xlsx", ".expected.json"))
        if os.path.exists(expected_file):
            expected = json.load(open(expected_file, encoding="utf-8"))
            facts = dict(zip(
                [e.text for e in article.find_elements(By.CSS_SELECTOR, "dl.facts dt")],
                [e.text for e in article.find_elements(By.CSS_SELECTOR, "dl.facts dd")]))
            projects = facts.get("事業数" if tag == "ja" else "Projects")
            check(projects == str(len(expected["projects"])),
                  f"{name}: {projects} projects shown, {len(expected['projects'])} expected")
            kpis = sum(len(p["kpis"]) for p in expected["projects"])
            shown = facts.get("KPI 数" if tag == "ja" else "KPIs")
            check(shown == str(kpis), f"{name}: {shown} KPIs shown, {kpis} expected")
        problems = reports[name]["problems"]
        shown = article.find_elements(By.CSS_SELECTOR, "ul.problems li")
        check(len(shown) == len(problems), f"{name}: {len(shown)} problems shown, "
              f"{len(problems)} from validate")
        for problem, item in zip(problems, shown):
            check(problem["message"] in item.text, f"{name}: shows {problem['message']!r}")
            if problem["cell"]:
                check(problem["cell"] in item.text, f"{name}: names cell {problem['cell']}")
    driver.save_screenshot(os.path.join(out, f"results-{tag}.png"))

    # The explain view opens with the keyboard (a <summary>).
    summaries = driver.find_elements(By.CSS_SELECTOR, "#results details summary")
    check(len(summaries) >= len(SAMPLES), "each file has its projects and tables views")

    # The facts, then the report.
    driver.find_element(By.ID, "municipality").send_keys("山陽小野田市")
    driver.find_element(By.ID, "prefecture").send_keys("山口県")
    driver.find_element(By.ID, "code").send_keys("352161")
    # One sample converts alone (several departments would merge into one report).
    driver.find_element(By.ID, "clear").click()
    sample = str(ROOT / "samples" / "dept-wide.xlsx")
    choose(driver, [sample])
    driver.find_element(By.ID, "report-xlsx").click()
    progress_seen = driver.execute_script(
        "return !document.getElementById('progress-box').hidden")
    report = wait_for_download(downloads, "kpi-report-*.xlsx")
    check(report is not None, "the report downloads")
    check(progress_seen or report is not None, "progress shows while converting")
    wait_idle(driver)
    if report:
        workbook = openpyxl.load_workbook(report)
        check("効果検証" in workbook.sheetnames and "データ" in workbook.sheetnames,
              f"the report opens in openpyxl with its sheets: {workbook.sheetnames}")
        text = " ".join(str(c.value) for row in workbook["効果検証"].iter_rows() for c in row
                        if c.value is not None)
        check("山陽小野田市" in text, "the report carries the municipality typed on the page")
        os.remove(report)

    # The PDF, where LibreOffice is installed (else the page shows what to install).
    driver.find_element(By.ID, "report-pdf").click()
    if shutil.which("soffice"):
        pdf = wait_for_download(downloads, "kpi-report-*.pdf", 120)
        check(pdf is not None and open(pdf, "rb").read(4) == b"%PDF", "the PDF downloads")
    else:
        WebDriverWait(driver, 60).until(lambda d: "LibreOffice" in d.find_element(By.ID, "message").text)
    wait_idle(driver)

    # Records JSON of one file.
    driver.find_element(By.ID, "check").click()
    WebDriverWait(driver, 120).until(
        lambda d: len(d.find_elements(By.CSS_SELECTOR, "#results article")) == 1)
    wait_idle(driver)
    buttons = driver.find_elements(By.CSS_SELECTOR, "#results article button")
    check(len(buttons) == 2, "records JSON and CSV buttons")
    if buttons:
        buttons[0].click()
        records = wait_for_download(downloads, "dept-wide*.json")
        check(records is not None, "records JSON downloads")
        if records:
            expected = subprocess.run([binary, "extract", "dept-wide.xlsx", "-o", "-"],
                                      cwd=ROOT / "samples", capture_output=True).stdout
            check(open(records, "rb").read() == expected, "records JSON is extract's, byte for byte")
        wait_idle(driver)

    # A damaged workbook: its message, in the page's language, as validate words it.
    driver.find_element(By.ID, "clear").click()
    choose(driver, [DAMAGED])
    driver.find_element(By.ID, "check").click()
    WebDriverWait(driver, 120).until(
        lambda d: len(d.find_elements(By.CSS_SELECTOR, "#results article")) == 1)
    wait_idle(driver)
    article = driver.find_element(By.CSS_SELECTOR, "#results article")
    expected = validate(binary, [DAMAGED], locale)["truncated.xlsx"]["problems"][0]["message"]
    check(expected in article.text, f"the damaged file shows {expected!r}")
    check(article.find_elements(By.CSS_SELECTOR, ".status-error"), "marked as an error")
    driver.find_element(By.ID, "report-xlsx").click()
    WebDriverWait(driver, 60).until(
        lambda d: d.find_elements(By.CSS_SELECTOR, "#report-problems li"))
    wait_idle(driver)
    shown = driver.find_element(By.ID, "report-problems").text
    check(expected in shown, "converting the damaged file lists its error")
    driver.save_screenshot(os.path.join(out, f"damaged-{tag}.png"))

    # Keyboard: Tab reaches every control, each with a name.
    reached = tab_walk(driver)
    keys = [r["key"] for r in reached]
    for control in controls(driver):
        check(control in keys, f"Tab reaches {control}")
    for r in reached:
        check(r["label"], f"{r['key']} has an accessible name")

    # 200 % zoom: a 1280-pixel window shows 640 CSS pixels; nothing may scroll sideways.
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
        "width": 640, "height": 900, "deviceScaleFactor": 2, "mobile": False})
    driver.find_element(By.ID, "clear").click()
    choose(driver, SAMPLES)
    driver.find_element(By.ID, "check").click()
    WebDriverWait(driver, 120).until(
        lambda d: len(d.find_elements(By.CSS_SELECTOR, "#results article")) == len(SAMPLES))
    wait_idle(driver)
    for summary in driver.find_elements(By.CSS_SELECTOR, "#results details summary"):
        summary.click()
    widths = driver.execute_script(
        "return [document.documentElement.scrollWidth, document.documentElement.clientWidth]")
    check(widths[0] <= widths[1], f"no horizontal scroll at 200 %: {widths}")
    driver.save_screenshot(os.path.join(out, f"zoom200-{tag}.png"))
    driver.execute_cdp_cmd("Emulation.clearDeviceMetricsOverride", {})

    if readme and tag == "ja":
        driver.set_window_size(1100, 1400)
        driver.find_element(By.ID, "clear").click()
        choose(driver, SAMPLES[:2])
        driver.find_element(By.ID, "check").click()
        WebDriverWait(driver, 120).until(
            lambda d: len(d.find_elements(By.CSS_SELECTOR, "#results article")) == 2)
        wait_idle(driver)
        driver.execute_script("window.scrollTo(0, 0)")
        driver.save_screenshot(readme)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", default=str(ROOT / ".build" / "debug" / "kpisheet"))
    parser.add_argument("--out", default=os.path.join(tempfile.gettempdir(), "kpisheet-browser"))
    parser.add_argument("--readme", help="also save the README's screenshot here")
    arguments = parser.parse_args()
    run(os.path.abspath(arguments.binary), arguments.out, arguments.readme)
    print(f"{passed} passed, {failed} failed")
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
