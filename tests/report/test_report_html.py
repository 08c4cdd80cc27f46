"""The HTML report: one self-contained, escaped file in which every finding is visible."""
from __future__ import annotations

import re
import shutil
import subprocess
from html.parser import HTMLParser

import pytest

from msa_toolkit import DISCLAIMER
from msa_toolkit.report import render

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


class _Collector(HTMLParser):
    """Tags, attributes and ids, to check the report without a browser."""

    def __init__(self):
        super().__init__()
        self.tags, self.ids = [], set()

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.tags.append((tag, attrs))
        if "id" in attrs:
            self.ids.add(attrs["id"])


def _parse(page: str) -> _Collector:
    collector = _Collector()
    collector.feed(page)
    return collector


def test_report_is_self_contained(noncompliant):
    page = render([noncompliant], "html")
    parsed = _parse(page)
    assert not [t for t, a in parsed.tags if t in ("script", "link", "img", "iframe", "object", "embed")]
    for _tag, attrs in parsed.tags:
        for name in ("src", "href"):
            value = attrs.get(name)
            assert value is None or value.startswith("#"), value
    assert "default-src 'none'" in page
    assert "@import" not in page and "url(" not in page


def test_everything_from_the_document_is_escaped(noncompliant):
    page = render([noncompliant], "html")
    assert "<script>alert" not in page
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in page
    assert "Formula &lt;Exhibit&gt; &amp; &quot;Notes&quot;" in page
    assert "@citation &lt;b&gt;bold&lt;/b&gt;" in page


def test_summary_comes_first_and_links_every_finding(noncompliant):
    page = render([noncompliant], "html")
    assert page.index('class="summary"') < page.index('class="contract"')
    assert "Noncompliant" in page
    parsed = _parse(page)
    finding_ids = {a["id"] for t, a in parsed.tags if "finding" in a.get("class", "").split()}
    assert len(finding_ids) == len(noncompliant.findings)
    links = {a["href"][1:] for t, a in parsed.tags if t == "a" and a.get("href", "").startswith("#")}
    assert finding_ids <= links


def test_clauses_are_tinted_by_lane_and_evidence_is_marked(noncompliant):
    page = render([noncompliant], "html")
    assert 'class="clause lane-business level-2 kind-section"' in page
    assert 'class="clause lane-clinical level-2 kind-section"' in page
    assert 'class="clause lane-unassigned level-2 kind-section"' in page
    assert '<mark class="sev-high" title="MSA101">twelve percent (12%) of Net Collections</mark>' in page


def test_findings_sit_beside_their_clause(noncompliant):
    page = render([noncompliant], "html")
    row = re.search(r'<div class="row flagged sev-high" id="d1-c7">(.*?)</aside></div>', page, re.S).group(1)
    assert "percentage-of-collections-fee" in row
    assert "Why it matters" in row or "The fee is a share" in row
    assert "Suggested clause <code>fees.fixed_fmv</code>" in row


def test_suggested_wording_shows_placeholders_not_template_code(monkeypatch, noncompliant):
    from msa_toolkit.report import view

    monkeypatch.setattr(view, "_library_entries", lambda: {
        "fees.fixed_fmv": ("Fixed monthly fee", "[[define:Practice]] shall pay {{ monthly_fee }} per "
                           "[[ref:fees.fmv_review]]."),
    })
    page = render([noncompliant], "html")
    assert "Fixed monthly fee" in page
    assert ('<b>Practice</b> shall pay <span class="placeholder">[monthly_fee]</span> per '
            '<span class="placeholder">[see fees.fmv_review]</span>.') in page
    assert "{{" not in page and "[[" not in page


def test_disclaimer_and_errors_are_shown(noncompliant, unreadable):
    page = render([noncompliant, unreadable], "html")
    assert DISCLAIMER.replace("'", "&#x27;") in page
    assert "E110" in page and 'href="#d2"' in page


# A check run inside the browser: every finding box must have a size and be visible.
_VISIBILITY_PROBE = """<script>
addEventListener('load', () => {
  const hidden = [];
  const boxes = document.querySelectorAll('.finding');
  for (const box of boxes) {
    const r = box.getBoundingClientRect(), s = getComputedStyle(box);
    if (r.width < 50 || r.height < 20 || s.visibility !== 'visible' || s.display === 'none') hidden.push(box.id);
  }
  const marks = [...document.querySelectorAll('mark')].filter(m => m.getBoundingClientRect().width === 0);
  document.body.setAttribute('data-probe',
    `findings=${boxes.length};hidden=${hidden.join(',')};zero-marks=${marks.length}`);
});
</script>"""


def _chromium(tmp_path, page_file, *extra):
    return subprocess.run(
        [CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run", f"--user-data-dir={tmp_path / 'profile'}",
         *extra, page_file.as_uri()],
        capture_output=True, text=True, timeout=120,
    )


@pytest.mark.slow
@pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed")
def test_chromium_renders_the_report_with_every_finding_visible(tmp_path, noncompliant, clean):
    page = render([noncompliant, clean], "html")
    # The report forbids scripts itself; the probe runs in a copy with the policy removed.
    probed = re.sub(r'<meta http-equiv="Content-Security-Policy"[^>]*>', "", page)
    probed = probed.replace("</body>", _VISIBILITY_PROBE + "</body>")
    page_file = tmp_path / "report.html"
    page_file.write_text(probed, encoding="utf-8")
    dom = _chromium(tmp_path, page_file, "--dump-dom").stdout
    probe = re.search(r'data-probe="([^"]*)"', dom)
    assert probe, dom[:500]
    assert probe.group(1) == f"findings={len(noncompliant.findings)};hidden=;zero-marks=0"


@pytest.mark.slow
@pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed")
def test_chromium_screenshot_is_not_blank(tmp_path, noncompliant):
    page_file = tmp_path / "report.html"
    page_file.write_text(render([noncompliant], "html"), encoding="utf-8")
    shot = tmp_path / "report.png"
    _chromium(tmp_path, page_file, f"--screenshot={shot}", "--window-size=1280,1600")
    assert shot.is_file()
    png = shot.read_bytes()
    assert png.startswith(b"\x89PNG")
    assert len(png) > 30_000  # a blank page compresses to a few kilobytes
