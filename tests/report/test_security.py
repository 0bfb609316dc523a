"""The HTML report and notebook display, opened in a real headless Chromium with a hostile
article: no dialog opens, no script from the input runs, no network request is made."""

from __future__ import annotations

import shutil

import pytest

from discourse import analyze

PAYLOADS = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(2)>",
    '"><svg onload=alert(3)>',
    "<a href=\"javascript:alert(4)\">x</a>",
    "<iframe src=\"https://example.com\"></iframe>",
]

HOSTILE = f"""\
Peace talks {PAYLOADS[0]} resume

The minister {PAYLOADS[1]} said talks would resume

GENEVA (Reuters) - "We want peace {PAYLOADS[2]}," the minister said. He added: "{PAYLOADS[3]}."

Security {PAYLOADS[4]}

"Cooperation is {PAYLOADS[1]} vital," she said. Security matters.
"""

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"]


@pytest.fixture(scope="module")
def hostile():
    return analyze(HOSTILE, targets={"peace_talks": ["peace", "talks"]})


def open_in_chromium(path):
    """Load ``path`` in headless Chromium; return (dialogs, requests, page errors)."""
    if CHROMIUM is None:
        pytest.skip("Chromium is not installed (scripts/test.sh installs Debian's chromium "
                    "where apt-get is available): the browser test did not run")
    sync_api = pytest.importorskip("playwright.sync_api")
    dialogs: list[str] = []
    requests: list[str] = []
    with sync_api.sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=_ARGS)
        page = browser.new_page()
        page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
        page.on("request", lambda r: requests.append(r.url))
        page.goto(path.as_uri())
        page.wait_for_timeout(500)
        ran = page.evaluate("() => document.querySelectorAll('script').length")
        browser.close()
    return dialogs, requests, ran


@pytest.mark.parametrize("mode", ["report", "notebook"])
def test_hostile_article_is_inert_in_a_browser(hostile, tmp_path, mode):
    path = tmp_path / "page.html"
    if mode == "report":
        hostile.to_html(path)
    else:  # the notebook display, as Jupyter embeds it in a page
        path.write_text(f"<!doctype html><html><body>{hostile._repr_html_()}</body></html>",
                        encoding="utf-8")
    dialogs, requests, scripts = open_in_chromium(path)
    assert dialogs == []
    assert scripts == 0
    # The page itself is the only resource: images are inline data: URIs, nothing else loads.
    assert [r for r in requests if not r.startswith("data:")] == [path.as_uri()]
