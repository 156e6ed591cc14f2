#!/usr/bin/env python3
"""Load on `kpisheet serve`: conversions per second over distinct inputs, and one sample's
conversion through the API beside `kpisheet convert` on it.

Makes COUNT variants of samples/dept-wide.xlsx (each with a different target in F6, so no two
requests convert the same bytes), starts `kpisheet serve --port 0`, then:
  1. times `kpisheet convert` on the sample and POST /api/convert of it (median of RUNS each);
  2. sends the COUNT variants from CLIENTS threads and reports conversions per second.

    Benchmarks/serve-load.py --binary .build/release/kpisheet [--count 500] [--clients 4]

Needs openpyxl (to make the variants). Figures go to Benchmarks/RESULTS.md by hand.
"""
import argparse
import http.client
import os
import pathlib
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import uuid

import openpyxl

ROOT = pathlib.Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "samples" / "dept-wide.xlsx"


def variants(folder, count):
    workbook = openpyxl.load_workbook(SAMPLE)
    sheet = workbook["地域再生計画KPI"]
    base = sheet["F6"].value
    paths = []
    for index in range(count):
        sheet["F6"].value = base + index + 1
        path = os.path.join(folder, f"dept-{index}.xlsx")
        workbook.save(path)
        paths.append(path)
    return paths


def multipart(path):
    boundary = uuid.uuid4().hex
    data = open(path, "rb").read()
    body = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; "
            f"filename=\"{os.path.basename(path)}\"\r\n\r\n").encode() + data
    body += f"\r\n--{boundary}--\r\n".encode()
    return body, f"multipart/form-data; boundary={boundary}"


def convert(port, path, connection=None):
    body, content_type = multipart(path)
    own = connection is None
    connection = connection or http.client.HTTPConnection("127.0.0.1", port)
    connection.request("POST", "/api/convert", body, {"Content-Type": content_type})
    response = connection.getresponse()
    report = response.read()
    if own:
        connection.close()
    if response.status != 200 or not report.startswith(b"PK"):
        raise SystemExit(f"{path}: {response.status} {report[:200]!r}")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", default=str(ROOT / ".build" / "release" / "kpisheet"))
    parser.add_argument("--count", type=int, default=500)
    parser.add_argument("--clients", type=int, default=4)
    parser.add_argument("--runs", type=int, default=21)
    arguments = parser.parse_args()
    binary = os.path.abspath(arguments.binary)
    folder = tempfile.mkdtemp(prefix="kpisheet-load-")
    temporary = tempfile.mkdtemp(prefix="kpisheet-load-tmp-")
    try:
        paths = variants(folder, arguments.count)
        server = subprocess.Popen([binary, "serve", "--port", "0"], stderr=subprocess.PIPE,
                                  stdout=subprocess.DEVNULL, text=True,
                                  env=dict(os.environ, TMPDIR=temporary))
        port = None
        for line in server.stderr:
            match = re.search(r":(\d+)/", line)
            if match:
                port = int(match.group(1))
                break
        threading.Thread(target=lambda: [None for _ in server.stderr], daemon=True).start()

        cli, api = [], []
        report = os.path.join(folder, "report.xlsx")
        for _ in range(arguments.runs):
            start = time.perf_counter()
            subprocess.run([binary, "convert", str(SAMPLE), "-o", report, "--force"], check=True)
            cli.append(time.perf_counter() - start)
            start = time.perf_counter()
            convert(port, str(SAMPLE))
            api.append(time.perf_counter() - start)
        print(f"kpisheet convert (whole process): median {statistics.median(cli) * 1000:.1f} ms")
        print(f"POST /api/convert (one request): median {statistics.median(api) * 1000:.1f} ms"
              f" ({statistics.median(api) / statistics.median(cli):.2f}x)")

        queue = list(paths)
        lock = threading.Lock()

        def client():
            connection = http.client.HTTPConnection("127.0.0.1", port)
            while True:
                with lock:
                    if not queue:
                        break
                    path = queue.pop()
                convert(port, path, connection)
            connection.close()

        threads = [threading.Thread(target=client) for _ in range(arguments.clients)]
        start = time.perf_counter()
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        elapsed = time.perf_counter() - start
        print(f"{len(paths)} distinct conversions from {arguments.clients} clients: "
              f"{elapsed:.2f} s, {len(paths) / elapsed:.1f} conversions/s on {os.cpu_count()} cores")
        server.terminate()
        server.wait(30)
        left = os.listdir(temporary)
        print(f"left in the server's TMPDIR: {left}")
    finally:
        shutil.rmtree(folder, ignore_errors=True)
        shutil.rmtree(temporary, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
