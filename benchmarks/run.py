"""Measure msa-toolkit against the raw text-extraction floor and the targets of issue 7.

    make bench            (or: .venv/bin/python benchmarks/run.py [--quick])

Generates the corpus if needed (benchmarks/generate_corpus.py), then measures in one run, each
step in its own process so that its peak memory is its own:
  1. the floor: pypdfium2 and pdfplumber raw text extraction, per page, on the same PDFs;
  2. `msa-check` end to end on a 30-page and a 300-page PDF, and on the 200-file folder with 1
     and with 2 workers (three rounds, each a 1-worker and a 2-worker run back to back); a second
     run over the unchanged folder with the cache;
  3. the reader stage alone (pages/s) and the analysis stage alone (clauses/s);
  4. start-up (`msa-check --version` against `python -c "import click"`), time to first result;
  5. `msa-draft`: drafts per second; and a pyinstrument profile of one 30-page analysis.
Writes benchmarks/RESULTS.md (machine, figures, ratios against the targets) and
benchmarks/out/results.json. Steps that fail are reported as such; the run goes on.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
OUT = HERE / "out"
CORPUS = OUT / "corpus"
BIN = Path(sys.executable).parent
PYTHON = sys.executable
STEP_TIMEOUT = 300


# ---------------------------------------------------------------- measuring a process

def _descendants(pid: int) -> list[int]:
    found, pending = [], [pid]
    while pending:
        current = pending.pop()
        found.append(current)
        try:
            for task in Path(f"/proc/{current}/task").iterdir():
                pending += [int(child) for child in (task / "children").read_text().split()]
        except OSError:
            continue
    return found


def _high_water_mb(pid: int) -> float:
    """VmHWM: the peak resident set of one process since its exec (kernel-kept, so never missed)."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def _cpu_seconds(pid: int) -> float:
    """User plus system CPU time one process has used so far (its own, not its children's)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, IndexError, ValueError):
        return 0.0


def run_measured(command, *, timeout: float = STEP_TIMEOUT, cwd: Path = ROOT) -> dict:
    """Wall time, peak RSS of the largest process in the command's tree, CPU time of the tree
    (what the work costs whatever else runs on the machine), and exit code.

    The tree is polled every few milliseconds for each process's VmHWM (its own high-water mark),
    so the figure is per process (a worker's peak), not a sum, and a process's last value is kept.
    """
    load = os.getloadavg()[0]
    with tempfile.TemporaryFile() as stdout, tempfile.TemporaryFile() as stderr:
        began = time.perf_counter()
        process = subprocess.Popen([str(part) for part in command], cwd=cwd, stdout=stdout, stderr=stderr)
        peaks: dict[int, float] = {}
        cpu: dict[int, float] = {}
        while process.poll() is None:
            for pid in _descendants(process.pid):
                peaks[pid] = max(peaks.get(pid, 0.0), _high_water_mb(pid))
                cpu[pid] = max(cpu.get(pid, 0.0), _cpu_seconds(pid))
            if time.perf_counter() - began > timeout:
                process.kill()
                process.wait()
                return {"ok": False, "error": f"timed out after {timeout:.0f} s", "seconds": None, "load": load}
            time.sleep(0.01)
        seconds = time.perf_counter() - began
        stdout.seek(0)
        stderr.seek(0)
        out, err = stdout.read().decode(errors="replace"), stderr.read().decode(errors="replace")
    return {"ok": process.returncode in (0, 1), "returncode": process.returncode, "seconds": seconds, "load": load,
            "cpu_seconds": sum(cpu.values()),
            "peak_mb": max(peaks.values(), default=None), "stdout": out, "error": err.strip()[-400:] or None}


def probe(name: str, *args, timeout: float = STEP_TIMEOUT) -> dict:
    """Run one in-process measurement (benchmarks/probes.py) in a fresh interpreter."""
    result = run_measured([PYTHON, HERE / "probes.py", name, *args], timeout=timeout)
    if result.get("ok") and result["returncode"] == 0:
        try:
            figures = json.loads(result["stdout"].strip().splitlines()[-1])
            figures.setdefault("peak_mb", result["peak_mb"])
            figures["load"] = result["load"]
            return {"ok": True, **figures}
        except (ValueError, IndexError):
            pass
    return {"ok": False, "error": result.get("error") or "no output"}


def median_seconds(command, repeats: int) -> dict:
    runs = [run_measured(command, timeout=60) for _ in range(repeats)]
    if not all(run["ok"] for run in runs):
        return {"ok": False, "error": next(run["error"] for run in runs if not run["ok"])}
    return {"ok": True, "seconds": statistics.median(run["seconds"] for run in runs), "load": runs[0]["load"],
            "cpu_seconds": statistics.median(run.get("cpu_seconds") or 0.0 for run in runs),
            "peak_mb": max(run["peak_mb"] or 0.0 for run in runs)}


FOLDER_ROUNDS = 3


def paired_worker_runs(command: list, rounds: int) -> dict:
    """The folder with 1 and with 2 workers, `rounds` times, each round one run of each back to back
    (in alternating order, so that a drift of the host's load does not favour either).

    On a shared host one run's wall time moves by a third from one minute to the next; a ratio
    taken within a round compares runs that met the same load. The median round is reported.
    """
    pairs = []
    for number in range(rounds):
        order = ("1", "2") if number % 2 == 0 else ("2", "1")
        runs = {w: run_measured([*command, "--workers", w], timeout=600) for w in order}
        pairs.append(runs)
        if not all(run["ok"] for run in runs.values()):
            break
    good = [p for p in pairs if all(run["ok"] for run in p.values())]
    if not good:
        return {"workers_1": pairs[0]["1"], "workers_2": pairs[0]["2"], "rounds": []}
    good.sort(key=lambda p: p["1"]["seconds"] / p["2"]["seconds"])
    middle = good[len(good) // 2]
    rounds_seen = [{"workers_1": p["1"]["seconds"], "workers_2": p["2"]["seconds"],
                    "cpu_1": p["1"].get("cpu_seconds"), "cpu_2": p["2"].get("cpu_seconds"),
                    "load": p["1"].get("load")} for p in pairs if all(run["ok"] for run in p.values())]
    return {"workers_1": middle["1"], "workers_2": middle["2"], "rounds": rounds_seen}


# ---------------------------------------------------------------- the run

def measure(quick: bool) -> dict:
    sys.path.insert(0, str(HERE))
    from generate_corpus import generate

    began = time.perf_counter()
    # byte-compile the package first, as an installed package is: the runs below then measure the tool, not
    # the compilation of its sources (PYTHONDONTWRITEBYTECODE=1 would otherwise make every run compile them)
    subprocess.run([PYTHON, "-m", "compileall", "-q", str(HERE.parent / "msa_toolkit")], check=False,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    load_before_corpus = os.getloadavg()
    manifest = generate(CORPUS)
    single, folder = CORPUS / "single", CORPUS / "folder"
    pdf30, pdf300, pdf10 = single / "msa_030p.pdf", single / "msa_300p.pdf", single / "msa_010p.pdf"
    pages = {"30": manifest["single"]["msa_030p.pdf"], "300": manifest["single"]["msa_300p.pdf"]}
    check = BIN / "msa-check"
    results: dict = {"manifest": manifest, "corpus_seconds": time.perf_counter() - began,
                     "load_average_run_start": load_before_corpus, "load_average_start": os.getloadavg()}

    print("floor ...", file=sys.stderr)
    results["floor"] = {
        f"{library}_{size}": probe(f"floor-{library}", path)
        for library in ("pypdfium2", "pdfplumber") for size, path in (("30", pdf30), ("300", pdf300))
        if not (quick and library == "pdfplumber" and size == "300")}
    results["floor_process"] = {
        # the floor probe as a whole fresh process, like `msa-check FILE` (interpreter start-up included)
        f"pypdfium2_{size}": median_seconds([PYTHON, HERE / "probes.py", "floor-pypdfium2", path], 3)
        for size, path in (("30", pdf30), ("300", pdf300))}
    if shutil.which("pdftotext"):
        results["floor_process"].update({
            f"pdftotext_{size}": median_seconds(["pdftotext", path, "-"], 3)
            for size, path in (("30", pdf30), ("300", pdf300))})

    print("start-up ...", file=sys.stderr)
    results["startup"] = {
        "msa_check_version": median_seconds([check, "--version"], 5),
        "import_click": median_seconds([PYTHON, "-c", "import click"], 5),
        "first_result_10p": run_measured([check, "--format", "json", "--no-cache", pdf10]),
        "first_result_folder": probe("first-result", folder, "2"),
    }

    print("end to end ...", file=sys.stderr)
    results["end_to_end"] = {
        "pdf_30": median_seconds([check, "--format", "json", "--no-cache", pdf30], 3),
        "pdf_300": median_seconds([check, "--format", "json", "--no-cache", pdf300], 3),
        # one process only: the default lets a single long file use a second core (analysis/parallel.py)
        "pdf_30_one_core": median_seconds([check, "--format", "json", "--no-cache", "--workers", "1", pdf30], 3),
        "pdf_300_one_core": median_seconds([check, "--format", "json", "--no-cache", "--workers", "1", pdf300], 3),
    }
    print("stages ...", file=sys.stderr)
    results["stages"] = {
        "reader_30": probe("reader", pdf30),
        "reader_300": probe("reader", pdf300),
        "analysis_300": probe("analysis", pdf300),
    }
    if not quick:
        print("folder ...", file=sys.stderr)
        with tempfile.TemporaryDirectory(prefix="msa-bench-cache-") as cache_dir:
            cache = Path(cache_dir) / "cache.sqlite"
            results["folder"] = {
                **paired_worker_runs([check, folder, "--format", "jsonl", "--no-cache"], FOLDER_ROUNDS),
                "cache_first": run_measured([check, folder, "--format", "jsonl", "--workers", "2",
                                             "--cache", cache], timeout=600),
                "cache_second": run_measured([check, folder, "--format", "jsonl", "--workers", "2",
                                              "--cache", cache], timeout=600),
            }
    print("drafting and profile ...", file=sys.stderr)
    results["drafting"] = probe("draft", "20")
    results["profile"] = probe("profile", pdf30)
    results["pages"] = pages
    results["total_seconds"] = time.perf_counter() - began
    for group in results.values():
        if isinstance(group, dict):
            for entry in group.values():
                if isinstance(entry, dict):
                    entry.pop("stdout", None)
    return results


# ---------------------------------------------------------------- the report

def machine() -> dict:
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor()) if Path("/proc/cpuinfo").exists() else ""
    memory = next((int(line.split()[1]) // 1024 for line in Path("/proc/meminfo").read_text().splitlines()
                   if line.startswith("MemTotal")), None) if Path("/proc/meminfo").exists() else None
    from importlib import metadata

    versions = {}
    for name in ("msa-toolkit", "spacy", "pdfplumber", "pypdfium2", "python-docx"):
        try:
            versions[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            versions[name] = "missing"
    return {"cpu": cpu, "cores": os.cpu_count(), "memory_mb": memory, "python": platform.python_version(),
            "system": platform.platform(), "versions": versions}


def _fmt(value, unit="", digits=1) -> str:
    if value is None:
        return "n/a"
    return f"{value:,.{digits}f}{unit}"


def _ms_per_page(entry: dict, pages: int) -> float | None:
    if not entry.get("ok"):
        return None
    if "ms_per_page" in entry:
        return entry["ms_per_page"]
    return entry["seconds"] * 1000 / pages if entry.get("seconds") else None


def _loads(values) -> str:
    return "/".join(f"{x:.2f}" for x in values) if values else "not recorded"


def report(results: dict, host: dict) -> str:
    pages, floor, e2e = results["pages"], results["floor"], results["end_to_end"]
    folder, start, stages = results.get("folder", {}), results["startup"], results["stages"]
    folder_pages = results["manifest"]["folder_pdf_pages"]
    lines = ["# Benchmark results", "",
             "Generated by `make bench` (`benchmarks/run.py`); corpus from `benchmarks/generate_corpus.py` "
             f"(seed {results['manifest']['seed']}). Every figure below comes from this one run.", "",
             "## Machine", "",
             f"- CPU: {host['cpu']} ({host['cores']} cores, shared with other work while measured)",
             f"- Memory: {_fmt(host['memory_mb'], ' MB', 0)}; Python {host['python']}; {host['system']}",
             "- Versions: " + ", ".join(f"{k} {v}" for k, v in host["versions"].items()),
             "- Load average (1/5/15 min) when the run began: " + _loads(results.get("load_average_run_start"))
             + "; when measuring began (after the corpus step): " + _loads(results.get("load_average_start"))
             + ". The last column below is the 1-minute load average just before each measurement: "
             "wall times and worker scaling suffer when other jobs share the 2 cores.",
             "",
             "## Figures", "",
             "| measurement | time | per page / rate | peak memory | load before |", "|---|---|---|---|---|"]

    def row(label, entry, rate="", pages_count=None):
        if not entry or not entry.get("ok"):
            error = (entry or {}).get("error") or "not run"
            lines.append(f"| {label} | failed: {str(error).splitlines()[-1][:90]} | | | |")
            return
        seconds = entry.get("seconds")
        per_page = _ms_per_page(entry, pages_count) if pages_count else None
        rate_text = rate or (f"{_fmt(per_page, ' ms/page', 2)}" if per_page is not None else "")
        lines.append(f"| {label} | {_fmt(seconds, ' s', 2)} | {rate_text} | {_fmt(entry.get('peak_mb'), ' MB', 0)} "
                     f"| {_fmt(entry.get('load'), '', 2)} |")

    for library in ("pypdfium2", "pdfplumber"):
        for size in ("30", "300"):
            if f"{library}_{size}" in floor:
                row(f"floor: {library} raw text, {pages[size]}-page PDF", floor[f"{library}_{size}"],
                    pages_count=pages[size])
    floor_process = results.get("floor_process", {})
    for tool, label in (("pypdfium2", "pypdfium2 text of every page"), ("pdftotext", "poppler pdftotext")):
        for size in ("30", "300"):
            if f"{tool}_{size}" in floor_process:
                row(f"floor as a fresh process: {label}, {pages[size]}-page PDF (median of 3)",
                    floor_process[f"{tool}_{size}"], pages_count=pages[size])
    for size in ("30", "300"):
        for key, how in ((f"pdf_{size}", ""), (f"pdf_{size}_one_core", ", --workers 1")):
            entry = e2e.get(key)
            rate = ""
            if entry and entry.get("ok"):
                rate = f"{_fmt(_ms_per_page(entry, pages[size]), ' ms/page', 2)}"
                if entry.get("cpu_seconds"):
                    rate += f"; CPU {entry['cpu_seconds']:.2f} s"
            row(f"msa-check end to end, {pages[size]}-page PDF{how} (median of 3)", entry, rate=rate)
    for key, label in (("reader_30", f"reader stage alone, {pages['30']}-page PDF"),
                       ("reader_300", f"reader stage alone, {pages['300']}-page PDF")):
        row(label, stages.get(key), pages_count=pages["30" if key.endswith("_30") else "300"])
    analysis = stages.get("analysis_300", {})
    row("analysis stage alone (after reading)", analysis,
        rate=f"{_fmt(analysis.get('clauses_per_second'), ' clauses/s', 0)} ({analysis.get('clauses', '?')} clauses)")
    files = results["manifest"]["folder_files"]
    for key in ("workers_1", "workers_2", "cache_first", "cache_second"):
        entry = folder.get(key)
        rate = f"{files / entry['seconds']:.1f} files/s" if entry and entry.get("ok") else ""
        if rate and entry.get("cpu_seconds"):
            rate += f"; CPU {entry['cpu_seconds']:.1f} s = {entry['cpu_seconds'] / entry['seconds']:.2f} cores busy"
        how = " (the median round)" if key.startswith("workers") and len(folder.get("rounds") or []) > 1 else ""
        row(f"folder of {files} files ({folder_pages} PDF pages), {key.replace('_', ' ')}{how}", entry, rate=rate)
    row("msa-check --version (median of 5)", start["msa_check_version"])
    row('python -c "import click" (median of 5)', start["import_click"])
    row("time to first result, 10-page PDF", start["first_result_10p"])
    first = start.get("first_result_folder") or {}
    row(f"time to first result, folder of {first.get('files', '?')} files, workers 2 (in process)", first,
        rate=f"all done in {_fmt(first.get('all_seconds'), ' s', 2)}" if first.get("ok") else "")
    drafting = results.get("drafting", {})
    row("msa-draft (in process)", drafting, rate=f"{_fmt(drafting.get('drafts_per_second'), ' drafts/s', 1)}")

    lines += ["", "## Targets (issue 7)", "", "| target | measured | status |", "|---|---|---|"]

    def target(label, value, limit, higher_is_better, shown):
        if value is None:
            lines.append(f"| {label} | n/a | not measured |")
            return
        met = value >= limit if higher_is_better else value <= limit
        lines.append(f"| {label} | {shown} | {'met' if met else 'NOT met'} |")

    floor_page = {size: _ms_per_page(floor.get(f"pypdfium2_{size}", {}), pages[size]) for size in ("30", "300")}
    process_page = {size: _ms_per_page(floor_process.get(f"pypdfium2_{size}", {}), pages[size])
                    for size in ("30", "300")}
    for size in ("300", "30"):
        e2e_page = _ms_per_page(e2e[f"pdf_{size}"], pages[size])
        ratio = e2e_page / process_page[size] if e2e_page and process_page[size] else None
        target(f"end to end <= 4x the floor per page, both fresh processes ({pages[size]} pages)", ratio, 4, False,
               f"{_fmt(ratio, 'x')} ({_fmt(e2e_page, ' ms', 2)} vs {_fmt(process_page[size], ' ms', 2)} per page)")
    for size in ("300", "30"):
        one_core = e2e.get(f"pdf_{size}_one_core") or {}
        e2e_page = _ms_per_page(one_core, pages[size]) if one_core.get("ok") else None
        ratio = e2e_page / process_page[size] if e2e_page and process_page[size] else None
        cpu = e2e.get(f"pdf_{size}", {}).get("cpu_seconds")
        cpu_ratio = (cpu * 1000 / pages[size]) / process_page[size] if cpu and process_page[size] else None
        lines.append(f"| (context) the same on one core (--workers 1), and the CPU time of the default run "
                     f"({pages[size]} pages) | {_fmt(ratio, 'x')} wall on one core; default run's CPU "
                     f"{_fmt(cpu_ratio, 'x')} the floor | the default shares a long file between two processes |")
    for size in ("300", "30"):
        e2e_page = _ms_per_page(e2e[f"pdf_{size}"], pages[size])
        ratio = e2e_page / floor_page[size] if e2e_page and floor_page[size] else None
        lines.append(f"| (context) end to end against the in-process floor, start-up included ({pages[size]} pages) "
                     f"| {_fmt(ratio, 'x')} ({_fmt(e2e_page, ' ms', 2)} vs {_fmt(floor_page[size], ' ms', 2)} per page) "
                     "| start-up is fixed: it weighs less the longer the document |")
    small, large = e2e["pdf_30"], e2e["pdf_300"]
    marginal = ((large["seconds"] - small["seconds"]) * 1000 / (pages["300"] - pages["30"])
                if small.get("ok") and large.get("ok") else None)
    ratio = marginal / floor_page["300"] if marginal and floor_page["300"] else None
    target("marginal cost per page (300-page minus 30-page run, start-up excluded) <= 4x floor", ratio, 4, False,
           f"{_fmt(ratio, 'x')} ({_fmt(marginal, ' ms', 2)} per page)")
    one, two = folder.get("workers_1", {}), folder.get("workers_2", {})
    speedup = one["seconds"] / two["seconds"] if one.get("ok") and two.get("ok") else None
    rounds = folder.get("rounds") or []
    shown = _fmt(speedup, "x", 2)
    if len(rounds) > 1:
        shown += (f" (median of {len(rounds)} rounds, each a 1-worker and a 2-worker run back to back: "
                  + ", ".join(f"{r['workers_1'] / r['workers_2']:.2f}x" for r in rounds) + ")")
    target("2 workers >= 1.8x the folder throughput of 1", speedup, 1.8, True, shown)
    if speedup is not None and one.get("cpu_seconds") and two.get("cpu_seconds"):
        got = two["cpu_seconds"] / two["seconds"]
        lines.append(f"| (context) cores the 2-worker run actually got; CPU cost of 2 workers vs 1 "
                     f"| {got:.2f} cores; {two['cpu_seconds'] / one['cpu_seconds']:.2f}x the CPU time "
                     f"| the speed-up cannot exceed the cores the run got |")
    first, second = folder.get("cache_first", {}), folder.get("cache_second", {})
    cached = first["seconds"] / second["seconds"] if first.get("ok") and second.get("ok") else None
    target("cached second run >= 20x faster", cached, 20, True, _fmt(cached, "x"))
    version, click_import = start["msa_check_version"], start["import_click"]
    startup = version["seconds"] / click_import["seconds"] if version.get("ok") and click_import.get("ok") else None
    target("msa-check --version <= 2x python -c 'import click'", startup, 2, False, _fmt(startup, "x", 2))
    peak = e2e["pdf_300"].get("peak_mb") if e2e["pdf_300"].get("ok") else None
    target(f"peak memory on the {pages['300']}-page PDF < 300 MB", peak, 300, False, _fmt(peak, " MB", 0))
    target("analysis >= 1,000 clauses/s on one core", analysis.get("clauses_per_second"), 1000, True,
           _fmt(analysis.get("clauses_per_second"), " clauses/s", 0))
    single_peak = e2e["pdf_30"].get("peak_mb") if e2e["pdf_30"].get("ok") else None
    folder_peak = one.get("peak_mb") if one.get("ok") else None
    growth = folder_peak - single_peak if folder_peak and single_peak else None
    target(f"memory does not grow with files (1-worker folder peak minus one {pages['30']}-page file)",
           growth, 150, False, _fmt(growth, " MB", 0))

    profile = results.get("profile", {})
    lines += ["", "## Where the time goes", "",
              f"pyinstrument, one `msa_toolkit.analyze` of the {pages['30']}-page PDF (read + analyze), "
              "functions with the most own time:", ""]
    if profile.get("ok"):
        lines += ["| function | own time |", "|---|---|"]
        lines += [f"| `{name}` | {_fmt(seconds * 1000, ' ms', 0)} |" for name, seconds in profile["hotspots"]]
        lines += ["", f"Stage split: reading {_fmt(profile.get('read_seconds'), ' s', 2)}, "
                      f"analysis {_fmt(profile.get('analysis_seconds'), ' s', 2)}."]
    else:
        lines.append(f"Profile failed: {profile.get('error')}")
    lines += ["", f"Whole benchmark run: {_fmt(results['total_seconds'], ' s', 0)} "
                  f"(corpus step {_fmt(results['corpus_seconds'], ' s', 0)}).", ""]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Run the msa-toolkit benchmarks.")
    parser.add_argument("--quick", action="store_true", help="skip the folder runs and the slowest floor")
    parser.add_argument("--report-only", action="store_true",
                        help="rewrite RESULTS.md from benchmarks/out/results.json without measuring")
    options = parser.parse_args(argv)
    OUT.mkdir(parents=True, exist_ok=True)
    if options.report_only:
        results = json.loads((OUT / "results.json").read_text())
        host = results.pop("machine")
    else:
        results = measure(options.quick)
        host = machine()
        (OUT / "results.json").write_text(json.dumps({"machine": host, **results}, indent=2, default=str) + "\n")
    text = report(results, host)
    (HERE / "RESULTS.md").write_text(text, encoding="utf-8")
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
