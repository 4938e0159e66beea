"""The report as a reader sees it: the sample inbox ingested, the report rendered in headless Chromium (Debian's
`chromium` package; .ci/run installs it) with every network request refused.

Checked on the DOM after the page's scripts ran: nothing reached the console, every chart drew marks, and the
Arabic quotations are laid out right to left (the computed style, not only the attribute). A screenshot is kept in
the test's temporary folder for a person to look at.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from lxml import html as lxml_html

from flows import runner
from flows.report import write_report
from flows.settings import Settings
from flows.store import warehouse

REPO = Path(__file__).resolve().parents[1]
CHARTS = ("timeline", "network", "speakers", "trends", "articles")
BROWSERS = ("chromium", "chromium-browser", "google-chrome")
# What a chart's marks are in plotly's SVG: scatter points and bars are `.point`, lines are `.js-line`.
MARKS = "//*[contains(concat(' ', normalize-space(@class), ' '), ' point ') or contains(@class, 'js-line')]"
# Chromium's own chatter on a machine without a desktop session (D-Bus, GPU) is not the page's.
CHROMIUM_FLAGS = (
    "--headless",
    "--disable-gpu",
    "--no-sandbox",
    "--hide-scrollbars",
    "--no-first-run",
    "--host-resolver-rules=MAP * ~NOTFOUND",  # offline: any request for a host fails
    "--virtual-time-budget=10000",  # let plotly draw before the DOM is dumped
)
# Injected into a copy of the report (never into the report itself): records errors and the computed direction.
PROBE_HEAD = """<script>
window.__errors = [];
window.addEventListener('error', e => window.__errors.push(String(e.message)));
const __consoleError = console.error;
console.error = (...args) => { window.__errors.push(args.join(' ')); __consoleError(...args); };
</script>"""
PROBE_TAIL = """<script>
window.addEventListener('load', () => setTimeout(() => {
  const quotes = [...document.querySelectorAll('blockquote')];
  document.documentElement.dataset.errors = JSON.stringify(window.__errors);
  document.documentElement.dataset.quoteDirections = quotes.map(q => getComputedStyle(q).direction).join(',');
}, 500));
</script>"""


def chromium() -> str:
    for name in BROWSERS:
        if found := shutil.which(name):
            return found
    pytest.skip("no Chromium on this machine: `apt-get install -y chromium` (Debian); .ci/run installs it in CI")


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("report")
    settings = Settings(inbox=REPO / "inbox", warehouse=root / "akhbar.duckdb", workers=1, publish=False)
    runner.run_ingest(settings)
    with warehouse.opened(settings.warehouse, read_only=True) as con:
        return write_report(con, root / "akhbar.report.html", warehouse_name="akhbar.duckdb")


def run_chromium(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([chromium(), *CHROMIUM_FLAGS, *args], capture_output=True, text=True, timeout=120)


@pytest.fixture(scope="module")
def rendered(report: Path) -> tuple[lxml_html.HtmlElement, str]:
    """The DOM after the scripts ran, and Chromium's log of console messages."""
    probed = report.with_name("probed.html")
    page = report.read_text(encoding="utf-8")
    probed.write_text(
        page.replace("<head>", "<head>" + PROBE_HEAD, 1).replace("</body>", PROBE_TAIL + "</body>", 1), encoding="utf-8"
    )
    result = run_chromium("--enable-logging=stderr", "--v=0", "--dump-dom", probed.as_uri())
    assert result.returncode == 0, result.stderr[-2000:]
    console = "\n".join(line for line in result.stderr.splitlines() if ":CONSOLE" in line)
    return lxml_html.fromstring(result.stdout), console


pytestmark = pytest.mark.slow


def test_nothing_reaches_the_console(rendered):
    dom, console = rendered
    assert console == ""
    assert dom.get("data-errors") == "[]"


@pytest.mark.parametrize("chart", CHARTS)
def test_every_chart_draws_marks(rendered, chart):
    dom, _ = rendered
    [div] = dom.xpath(f"//div[@id='chart-{chart}']")
    assert div.xpath(".//svg[contains(@class, 'main-svg')]"), f"{chart}: plotly drew no SVG"
    assert len(div.xpath("." + MARKS)) > 0, f"{chart}: no points, bars or lines"


def test_arabic_quotations_are_laid_out_right_to_left(rendered):
    dom, _ = rendered
    quotes = dom.xpath("//blockquote")
    assert quotes and all(re.search(r"[\u0600-\u06ff]", q.text_content()) for q in quotes)
    assert all(q.get("dir") == "rtl" and q.get("lang") == "ar" for q in quotes)
    assert set(dom.get("data-quote-directions").split(",")) == {"rtl"}  # what the browser computed


def test_english_names_stand_beside_the_arabic(rendered):
    dom, _ = rendered
    speakers = [p.text_content() for p in dom.xpath("//p[@class='speaker']")]
    assert any("Sergey Lavrov" in s and "سيرغي لافروف" in s for s in speakers), speakers


def test_screenshot_of_the_report(report: Path):
    """Kept beside the report for a person to look at (pytest prints the temporary folder on failure)."""
    shot = report.with_name("report.png")
    result = run_chromium("--window-size=1280,5200", f"--screenshot={shot}", report.as_uri())
    assert result.returncode == 0, result.stderr[-2000:]
    assert shot.stat().st_size > 100_000  # a blank page of this size is ~20 KB
