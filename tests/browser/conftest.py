"""Browser tests: Playwright driving Debian's Chromium (``/usr/bin/chromium``), never a
downloaded browser, against the live test server; axe-core checks accessibility.

``make test`` installs Chromium with apt when it is missing (``scripts/install-system-deps``).
If it is still missing these tests fail and say so; they are never skipped.
"""

import os
from pathlib import Path

import pytest

CHROMIUM = Path(os.environ.get("FOIDESK_CHROMIUM", "/usr/bin/chromium"))
AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"

# Playwright's sync API runs an event loop in the test thread; the Django ORM calls made by the
# test itself (creating users, reading results) are still synchronous and safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture(scope="session")
def chromium():
    if not CHROMIUM.exists():
        pytest.fail(
            f"{CHROMIUM} is missing: install Debian's chromium package "
            "(scripts/install-system-deps chromium, which `make test` runs)"
        )
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=str(CHROMIUM),
            args=[
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
            ],
        )
        yield browser
        browser.close()


@pytest.fixture
def page(chromium, live_server):
    """A fresh browser tab with JavaScript on, pointed at the live server."""
    context = chromium.new_context(base_url=live_server.url, java_script_enabled=True)
    tab = context.new_page()
    yield tab
    context.close()


@pytest.fixture
def page_without_js(chromium, live_server):
    """A tab with JavaScript off: every journey must work without it."""
    context = chromium.new_context(base_url=live_server.url, java_script_enabled=False)
    tab = context.new_page()
    yield tab
    context.close()


def serious_violations(tab, source: str) -> list[dict]:
    """axe-core's serious and critical violations on the page ``tab`` shows."""
    tab.evaluate(source)
    result = tab.evaluate("async () => await axe.run(document)")
    return [
        {
            "id": v["id"],
            "impact": v["impact"],
            "help": v["help"],
            "nodes": [n["target"] for n in v["nodes"]],
        }
        for v in result["violations"]
        if v["impact"] in {"serious", "critical"}
    ]


@pytest.fixture
def axe(chromium, live_server):
    """``axe(path)`` loads a page and returns axe-core's serious and critical violations."""
    if not AXE.exists():
        pytest.fail(f"{AXE} is missing: run `make assets` (npm ci) first")
    source = AXE.read_text()
    context = chromium.new_context(base_url=live_server.url, bypass_csp=True)

    def check(path: str, cookies: list[dict] | None = None) -> list[dict]:
        if cookies:
            context.add_cookies(cookies)
        tab = context.new_page()
        tab.goto(path)
        found = serious_violations(tab, source)
        tab.close()
        return found

    yield check
    context.close()
