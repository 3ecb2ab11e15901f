"""The web app in a real browser: Debian's chromium driven by Playwright, against uvicorn on loopback.

Skipped (with the reason) only when Playwright or a chromium binary is missing; CI installs both
(``apt-get install -y chromium``; never ``playwright install``, which downloads a browser).
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from urllib.parse import urlencode

import pytest

CHROMIUM = os.environ.get("SAIDWHEN_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]

playwright_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed (pip install playwright==1.65.2)")
if not Path(CHROMIUM).is_file():
    pytest.skip(f"no chromium at {CHROMIUM}: apt-get install -y chromium (or set SAIDWHEN_CHROMIUM)", allow_module_level=True)

from test_web import XSS_SPEAKER, build_store  # noqa: E402  (tests/ is on sys.path under pytest)


@pytest.fixture(scope="module")
def base_url(tmp_path_factory):
    from saidwhen.web import serving

    with serving(build_store(tmp_path_factory.mktemp("browser") / "web.db")) as url:
        yield url


@pytest.fixture(scope="module")
def browser():
    with playwright_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()


def watched_page(context):
    """A page that records dialogs (alert/confirm), console errors other than CSP reports, and page errors."""
    page = context.new_page()
    page.events = {"dialogs": [], "errors": []}
    page.on("dialog", lambda d: (page.events["dialogs"].append(d.message), d.dismiss()))
    page.on("pageerror", lambda e: page.events["errors"].append(str(e)))
    return page


def test_search_speaker_quote_and_article_pages(browser, base_url):
    context = browser.new_context()
    page = watched_page(context)
    page.goto(base_url + "/")
    page.fill("#q", "bridge")
    page.press("#q", "Enter")
    page.wait_for_url("**/?q=bridge**")
    hits = page.locator("#hits li.hit")
    assert hits.count() >= 1
    assert "bridge" in hits.first.inner_text().lower()
    assert page.locator("#count").inner_text().split()[0].isdigit()

    # follow a speaker link to their page, where the chart is drawn
    speaker = hits.first.locator("a.speaker")
    name = speaker.inner_text()
    speaker.click()
    page.wait_for_selector("#chart svg")
    assert page.locator("#speaker-name").inner_text() == name
    bars = page.locator("#chart svg rect.bar")
    assert bars.count() >= 1
    box = page.locator("#chart svg").bounding_box()
    assert box and box["width"] > 50 and box["height"] > 50
    assert page.locator("#cues li").count() >= 1
    assert page.locator("#articles tbody tr").count() >= 1

    # a quote: every place it was printed, with its paragraph
    quote_link = page.locator("#recent a").first
    quote_text = quote_link.inner_text().strip("“”")
    quote_link.click()
    page.wait_for_selector("#occurrences")
    assert page.locator("#quote-text").inner_text().strip("“”") == quote_text
    assert page.locator("#occurrences li.occurrence").count() >= 1
    assert quote_text[:20] in page.locator("#occurrences mark.quote").first.inner_text()
    assert page.locator("#first-seen").inner_text()[:2] in ("19", "20", "un")

    # its article: quotes highlighted (coloured by speaker), times marked with their values
    page.locator("#occurrences a[href^='/articles/']").first.click()
    page.wait_for_selector("#article-text")
    highlighted = page.locator("#article-text a.quote")
    assert highlighted.count() >= 1
    assert any(quote_text[:20] in highlighted.nth(i).inner_text() for i in range(highlighted.count()))
    colour = highlighted.first.evaluate("e => getComputedStyle(e).backgroundColor")
    assert colour not in ("rgba(0, 0, 0, 0)", "transparent")
    if page.locator("#article-text mark.time").count():
        assert page.locator("#article-text sub.norm").count() >= 1
    assert not page.events["dialogs"] and not page.events["errors"]
    context.close()


def test_facet_link_filters_and_bad_query_shows_message(browser, base_url):
    context = browser.new_context()
    page = watched_page(context)
    page.goto(base_url + "/?q=said+OR+the")
    facet = page.locator("#facet-speakers a").first
    name = facet.inner_text()
    facet.click()
    page.wait_for_url("**speaker=**")
    assert page.locator("input[name=speaker]").input_value() == name
    assert all(t == name for t in page.locator("#hits a.speaker").all_inner_texts())
    response = page.goto(base_url + "/?q=NEAR(")
    assert response.status == 400
    assert "bad search query" in page.locator("#error").inner_text()
    context.close()


@pytest.mark.parametrize("bypass_csp", [False, True], ids=["with-csp", "csp-bypassed"])
def test_script_payloads_never_run_and_show_as_text(browser, base_url, bypass_csp):
    # With the CSP bypassed, only the escaping stands between the payloads and the page.
    context = browser.new_context(bypass_csp=bypass_csp)
    page = watched_page(context)
    page.goto(base_url + "/?" + urlencode({"q": "payload OR printed OR nobody", "speaker": XSS_SPEAKER}))
    assert page.locator("#hits li.hit").count() == 3
    assert page.locator("input[name=speaker]").input_value() == XSS_SPEAKER
    page.locator("#hits a.speaker").first.click()
    page.wait_for_selector("#speaker-name")
    assert page.locator("#speaker-name").inner_text() == XSS_SPEAKER
    speaker_url = page.url
    page.locator("#articles a").first.click()
    page.wait_for_selector("#article-text")
    article_url = page.url
    text = page.locator("#article-text").inner_text()
    assert "<script>window.__xss='quote'; alert('quote')</script>" in text
    assert '"><img src=x onerror=' in text
    assert page.locator("#article-title").inner_text().startswith("<svg onload=")
    assert page.locator("main script, main img, main svg[onload], a[href^='javascript']").count() == 0
    page.locator("#article-text a.quote").first.click()
    page.wait_for_selector("#occurrences")
    for url in (speaker_url, article_url, page.url, base_url + "/?" + "q=payload"):
        page.goto(url)
        page.wait_for_load_state("load")
        assert page.evaluate("window.__xss") is None, url
    assert page.events["dialogs"] == [] and not page.events["errors"]
    context.close()


def test_unknown_page_is_404_in_the_browser(browser, base_url):
    context = browser.new_context()
    page = context.new_page()
    assert page.goto(base_url + "/speakers/999999").status == 404
    assert page.goto(base_url + "/no/such/page").status == 404
    context.close()


def test_the_sources_view_draws_the_share_per_month_and_a_row_per_outlet(browser, base_url):
    context = browser.new_context()
    page = watched_page(context)
    page.goto(base_url + "/")
    page.click("header nav a[href='/sources']")
    page.wait_for_selector("#share-chart svg")
    box = page.locator("#share-chart svg").bounding_box()
    assert box and box["width"] > 50 and box["height"] > 50
    assert page.locator("#share-chart svg rect.bar").count() >= 1
    assert "%" in page.locator("#share-chart svg rect.bar title").first.text_content()
    assert page.locator("#by-outlet tbody tr").count() >= 1
    assert "as the articles present it" in page.locator("#what").inner_text()
    assert not page.events["dialogs"] and not page.events["errors"]
    context.close()
