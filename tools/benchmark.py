"""Measure the site against its budgets and print the figures. It asserts nothing: the tests assert
what is deterministic (bytes, page counts); times and scores are for people to read.

    python tools/benchmark.py                    # everything but the suite
    python tools/benchmark.py weight build       # some parts: bank, weight, build, lighthouse, pdf, suite

- bank:       what a guesser scores with each simple strategy on the question bank, the share of
              judgement stems and of multiple response (tools/bankcheck.py; limits asserted in tests/test_bank.py)
- weight:     bytes a page transfers (HTML, CSS, JS; gzipped), per page, against its budget
- build:      a full strict build against a bare Material build of the same Markdown (budget: budgets.BUILD_RATIO)
- lighthouse: Lighthouse 12 (mobile) on the home page, a service page, the limits index and a page
              with diagrams, served with gzip on 127.0.0.1, each run LIGHTHOUSE_RUNS times (default budgets.LIGHTHOUSE_RUNS)
              and the median printed against budgets.py
- pdf:        A4 pages per sheet (budget: budgets.SHEET_PAGES) and the booklet's total
- suite:      (only when named) the whole test suite's time, as `bash .ci/test` runs it, beside the
              site's strict build and a bare Material build on the same machine: a machine's speed
              can vary from hour to hour by more than a change to the suite does, so compare suites
              in builds, or a change with the commit before it run at the same time
"""

from __future__ import annotations

import functools
import gzip
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tools"))
sys.path.insert(0, str(ROOT))

import budgets  # noqa: E402
from site_server import CHROMIUM_FLAGS, QuietHandler, chromium_path, serve, site_pages  # noqa: E402

LIGHTHOUSE_DIR = ROOT / "tools" / "lighthouse"
LIGHTHOUSE_RUNS = int(os.environ.get("LIGHTHOUSE_RUNS", budgets.LIGHTHOUSE_RUNS))
WEIGHT_BUDGET = budgets.PAGE_WEIGHT_BYTES


@functools.cache
def exam_domains() -> frozenset[str]:
    from macros.datafiles import load_site_data
    from project import data_dir

    return frozenset(d.id for d in load_site_data(data_dir()).exam.domains)


# Every limit of the site, as one index and as one comparison table per topic.
DATA_SET_PAGES = ("limits/", "compare/limits-by-topic/")


def is_practice_set(page: str) -> bool:
    """A page that holds a whole data set, with a budget of its own: a practice set
    (`practice/task-1-1/`, and the domains' index pages beside them), a domain's flashcard deck
    (`flashcards/development/`) or every limit (`DATA_SET_PAGES`)."""
    if page.startswith("flashcards/"):
        return page.removeprefix("flashcards/").strip("/") in exam_domains()
    return page in DATA_SET_PAGES or (page.startswith("practice/") and page.count("/") == 2 and page not in ("practice/mock/",))


LIGHTHOUSE_PAGES = {
    "home": "",
    "service page": "services/sqs/",
    "limits index": "limits/",
    "practice set": "practice/task-1-1/",
    "mock exam": "practice/mock/",
    "flashcards": "flashcards/sqs/",
    "page with diagrams": "services/codedeploy/",
    "exam guide": "exam/",
    "Bedrock (newest service page)": "services/bedrock/",
    "AI security (skills page)": "skills/ai-security/",
}


# Page weight --------------------------------------------------------------------------------

_ASSET = re.compile(r'<(?:script[^>]*\ssrc|link[^>]*rel="stylesheet"[^>]*\shref)="([^"]+)"')
_WORKER = re.compile(r'"search":\s*"([^"]+)"')


def gzipped_size(path: Path) -> int:
    return len(gzip.compress(path.read_bytes(), compresslevel=6, mtime=0))


def page_weight(site: Path, page: str) -> dict[str, int]:
    """Gzipped bytes of a page's HTML and of the CSS and JS it loads (the search worker included),
    read from the built files: the same figures on every run."""
    html_file = site / page / "index.html"
    html = html_file.read_text(encoding="utf-8")
    weights = {"html": gzipped_size(html_file), "css": 0, "js": 0}
    assets = _ASSET.findall(html) + _WORKER.findall(html)
    for url in dict.fromkeys(assets):
        if re.match(r"^(https?:)?//", url):
            raise ValueError(f"{page}: loads {url} from another site")
        asset = (html_file.parent / url.split("?")[0]).resolve()
        weights["css" if asset.suffix == ".css" else "js"] += gzipped_size(asset)
    weights["total"] = weights["html"] + weights["css"] + weights["js"]
    return weights


def has_diagram(site: Path, page: str) -> bool:
    return 'class="diagram-figure"' in (site / page / "index.html").read_text(encoding="utf-8")


def report_weight(site: Path) -> None:
    print(f"\nPage weight (gzipped HTML + CSS + JS; budget {WEIGHT_BUDGET // 1024} KB for pages without diagrams, "
          f"{budgets.PRACTICE_PAGE_WEIGHT_BYTES // 1024} KB for a practice set)")
    print(f"{'page':<36} {'html':>7} {'css':>7} {'js':>7} {'total':>8}")
    for page in site_pages(site):
        w = page_weight(site, page)
        budget = budgets.PRACTICE_PAGE_WEIGHT_BYTES if is_practice_set(page) else WEIGHT_BUDGET
        note = " (diagrams)" if has_diagram(site, page) else ("" if w["total"] <= budget else "  OVER BUDGET")
        print(f"{page or '/':<36} {w['html']:>7} {w['css']:>7} {w['js']:>7} {w['total']:>8}{note}")


# Build time ---------------------------------------------------------------------------------


def bare_config(project: Path) -> None:
    """The same Markdown and navigation with plain Material: no macros, no extra CSS or JS."""
    import yaml

    class Loader(yaml.SafeLoader):
        pass

    # `!ENV [NAME, default]`: the bare build takes the default, as a build without NAME set does.
    Loader.add_constructor("!ENV", lambda loader, node: loader.construct_sequence(node)[-1])
    config_path = project / "mkdocs.yml"
    config = yaml.load(config_path.read_text(), Loader=Loader)
    config["plugins"] = ["search"]
    config.pop("extra_css", None)
    config.pop("extra_javascript", None)
    config.pop("hooks", None)
    config["strict"] = False
    config["theme"].pop("custom_dir", None)
    config_path.write_text(yaml.safe_dump(config, sort_keys=False, allow_unicode=True))
    # The pages the full build makes from the data (the flashcard decks) are Markdown too: the bare
    # build gets the same files, each a title and a macro call left as text.
    import exports
    from macros.datafiles import load_site_data
    from macros.render import parse_abbreviations
    from project import data_dir

    glossary = parse_abbreviations((project / "includes" / "abbreviations.md").read_text(encoding="utf-8"), "abbreviations.md")
    for path, markdown in exports.site_pages(load_site_data(data_dir()), glossary).items():
        (project / "docs" / path).write_text(markdown, encoding="utf-8")


def timed_build(project: Path, site: Path) -> float:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1")
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(site)], cwd=project, env=env,
                   check=True, capture_output=True)
    return time.perf_counter() - start


def build_times(runs: int = 3) -> tuple[float, float]:
    """The medians of `runs` full strict builds and bare Material builds, alternated so that both
    see the same machine load."""
    with tempfile.TemporaryDirectory() as tmp:
        bare = Path(tmp) / "bare"
        shutil.copytree(ROOT, bare, ignore=shutil.ignore_patterns(".venv", "site", ".git", "node_modules", "__pycache__"))
        bare_config(bare)
        full, plain = [], []
        for _ in range(runs):
            full.append(timed_build(ROOT, Path(tmp) / "full-site"))
            plain.append(timed_build(bare, Path(tmp) / "bare-site"))
    return statistics.median(full), statistics.median(plain)


def report_build(runs: int = 3) -> None:
    f, p = build_times(runs)
    print(f"\nBuild time (median of {runs}): full strict build {f:.2f} s, bare Material build {p:.2f} s, "
          f"ratio {f / p:.2f} (budget {budgets.BUILD_RATIO})")


def busy_jiffies() -> tuple[int, int] | None:
    """(busy, all) processor time since boot, from Linux's /proc/stat; None elsewhere."""
    try:
        fields = [int(v) for v in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:9]]
    except OSError:
        return None
    return sum(fields) - fields[3] - fields[4], sum(fields)


def report_suite() -> None:
    full, bare = build_times()
    before, start = busy_jiffies(), time.perf_counter()
    result = subprocess.run(["bash", str(ROOT / ".ci" / "test"), "-q", "-p", "no:cacheprovider"], cwd=ROOT,
                            capture_output=True, text=True)
    seconds, after = round(time.perf_counter() - start), busy_jiffies()
    summary = re.sub(r" in [0-9.]+s.*", "", (result.stdout.strip().splitlines() or ["no output"])[-1].strip("= "))
    busy = f", processors {100 * (after[0] - before[0]) / (after[1] - before[1]):.0f} % busy" if before and after else ""
    print(f"\nTest suite: {seconds // 60} min {seconds % 60} s ({summary}){busy}. On this machine now the "
          f"site's strict build takes {full:.2f} s and a bare Material build {bare:.2f} s: the suite is "
          f"{seconds / full:.0f} strict builds, {seconds / bare:.0f} bare ones")


# Lighthouse ---------------------------------------------------------------------------------


class GzipHandler(QuietHandler):
    """Static files, gzipped when the client accepts it, over kept-alive connections: as GitHub
    Pages serves them (HTTP/1.0 would make Lighthouse count a new connection per file)."""

    protocol_version = "HTTP/1.1"

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if "gzip" not in self.headers.get("Accept-Encoding", "") or not path.is_file() or path.suffix not in (
            ".html", ".css", ".js", ".json", ".svg", ".xml"
        ):
            return super().send_head()
        body = gzip.compress(path.read_bytes(), compresslevel=6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Cache-Control", "max-age=600")
        self.end_headers()
        import io

        return io.BytesIO(body)


def ensure_lighthouse() -> Path:
    binary = LIGHTHOUSE_DIR / "node_modules" / ".bin" / "lighthouse"
    if not binary.exists():
        subprocess.run(["npm", "ci", "--no-audit", "--no-fund", "--silent"], cwd=LIGHTHOUSE_DIR, check=True)
    return binary


def lighthouse_scores(binary: Path, url: str) -> dict[str, float]:
    """One run: each category's score, and what moves the performance score on this site: total
    blocking time and largest contentful paint (ms, simulated on a mid-range phone), and the
    machine's benchmark index (Lighthouse's measure of how fast this CPU is)."""
    env = dict(os.environ, CHROME_PATH=chromium_path())
    result = subprocess.run(
        [str(binary), url, "--quiet", "--output=json", "--output-path=stdout",
         "--only-categories=performance,accessibility,best-practices,seo",
         "--chrome-flags=" + " ".join(["--headless=new", *CHROMIUM_FLAGS])],
        env=env, capture_output=True, text=True, timeout=300,
    )
    if result.returncode != 0:
        raise RuntimeError(f"lighthouse failed on {url}:\n{result.stderr[-2000:]}")
    report = json.loads(result.stdout)
    scores: dict[str, float] = {name: round(category["score"] * 100) for name, category in report["categories"].items()}
    scores["tbt"] = report["audits"]["total-blocking-time"]["numericValue"]
    scores["lcp"] = report["audits"]["largest-contentful-paint"]["numericValue"]
    scores["machine"] = report["environment"]["benchmarkIndex"]
    return scores


def report_lighthouse(site: Path, runs: int = LIGHTHOUSE_RUNS) -> None:
    """Each page `runs` times: Lighthouse's own advice, since one run's performance score moves by
    a point or two with the machine's load. The median is the figure; the range is shown too, with
    the medians of blocking time and largest paint, which decide the performance score here: on a
    slower or busier machine (a lower benchmark index) the same page blocks for longer."""
    binary = ensure_lighthouse()
    server, base = serve(site, GzipHandler)
    try:
        print(f"\nLighthouse 12, mobile, gzip, median of {runs} runs "
              f"(budget {budgets.LIGHTHOUSE_SCORE} each; performance {budgets.LIGHTHOUSE_PERFORMANCE_WITH_DIAGRAMS} on pages with diagrams)")
        width = max(len(name) for name in LIGHTHOUSE_PAGES)
        print(f"{'page':<{width}} {'perf':>5} {'a11y':>5} {'best':>5} {'seo':>5} {'TBT ms':>7} {'LCP ms':>7}   performance in each run")
        indexes = []
        for name, path in LIGHTHOUSE_PAGES.items():
            scores = [lighthouse_scores(binary, base + path) for _ in range(runs)]
            indexes += [s["machine"] for s in scores]
            median = {key: round(statistics.median(s[key] for s in scores)) for key in scores[0]}
            each = " ".join(str(s["performance"]) for s in scores)
            print(f"{name:<{width}} {median['performance']:>5} {median['accessibility']:>5} "
                  f"{median['best-practices']:>5} {median['seo']:>5} {median['tbt']:>7} {median['lcp']:>7}   {each}")
        print(f"benchmark index of this machine: {min(indexes):.0f} to {max(indexes):.0f} (Lighthouse's CPU score; higher is faster)")
    finally:
        server.shutdown()


# PDF ----------------------------------------------------------------------------------------


def report_pdf(site: Path) -> None:
    import pdf as sheets_tool
    from pypdf import PdfReader

    copy = Path(tempfile.mkdtemp()) / "site"
    shutil.copytree(site, copy)
    sheets, booklet = sheets_tool.print_sheets(copy)
    print(f"\nA4 pages per revision sheet (budget {budgets.SHEET_PAGES})")
    for sheet in sheets:
        print(f"{sheet.service:<22} {sheet.pages:>3}{'' if sheet.pages <= budgets.SHEET_PAGES else '  OVER BUDGET'}")
    print(f"{'booklet':<22} {len(PdfReader(booklet).pages):>3}")
    shutil.rmtree(copy.parent, ignore_errors=True)


def main(argv: list[str]) -> int:
    parts = argv or ["bank", "weight", "build", "lighthouse", "pdf"]
    unknown = set(parts) - {"bank", "weight", "build", "lighthouse", "pdf", "suite"}
    if unknown:
        print(__doc__, file=sys.stderr)
        return 2
    if "suite" in parts:  # first, on a machine the other parts have not yet warmed or loaded
        report_suite()
        parts = [p for p in parts if p != "suite"]
        if not parts:
            return 0
    if "bank" in parts:
        import bankcheck
        from macros.datafiles import load_site_data
        from project import data_dir

        bankcheck.print_report(list(load_site_data(data_dir()).questions.values()))
        if parts == ["bank"]:
            return 0
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "site"
        timed_build(ROOT, site)
        if "weight" in parts:
            report_weight(site)
        if "build" in parts:
            report_build()
        if "lighthouse" in parts:
            report_lighthouse(site)
        if "pdf" in parts:
            report_pdf(site)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
