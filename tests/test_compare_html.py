"""`compare --format html`: two versions old beside new, and language versions side by side.

Structure: the fact changes on top with old → new in words and symbols; word changes as
``<del>``/``<ins>`` with a hidden word for screen readers; a moved article at both places,
each linking to the other; added and deleted articles on one side with the other labelled;
unchanged and renumbered-only articles folded. Language versions: articles paired, each
mismatch with both values. Safety: hostile text stays text. Command line: exit codes, the
file, ``--force``. In headless Chromium: no request but the file, a contents link scrolls.
"""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

import pytest
from chromium import assert_offline_with_working_links
from click.testing import CliRunner
from conftest import ROOT
from html_dom import HOSTILE_LINES, Node, by_id, parse
from version_factory import Version

from cpc_draft.assemble import AssembleOptions, build_draft
from cpc_draft.cli import main
from cpc_draft.compare.facts import FactChange
from cpc_draft.compare.files import compare_files, compare_language_versions
from cpc_draft.render.docx import write_docx
from cpc_draft.report.compare_html import (
    comparison_to_html,
    language_versions_to_html,
)

JAMAICA = ROOT / "examples" / "received" / "jamaica-draft.txt"
# English then Spanish; article 2 says US$5,000,000 in English and 4.000.000 USD in Spanish.
BILINGUAL = ROOT / "tests" / "data" / "html_report" / "bilingual-mismatch.txt"
PERU = "peru-sequential-us"


def without_hidden_words(node: Node) -> str:
    """What a sighted reader sees: the text without the visually hidden labels."""
    if "sr" in node.classes:
        return ""
    return "".join(c if isinstance(c, str) else without_hidden_words(c) for c in node.children)


def heading_text(node: Node) -> str:
    return " ".join(node.find_all("h3")[0].text().split())


def articles(dom: Node, language: str) -> dict[str, Node]:
    """The language's articles (sections and folded details) by their heading's text."""
    text = by_id(dom)[f"{language}-text"]
    return {
        heading_text(node): node
        for node in text.iter()
        if node.tag in ("section", "details") and "article" in node.classes
    }


def local_links(dom: Node) -> list[str]:
    return [a.attrs["href"] for a in dom.find_all("a") if a.attrs.get("href", "").startswith("#")]


def assert_links_resolve(dom: Node) -> None:
    ids = by_id(dom)  # also asserts that no id is used twice
    assert [href for href in local_links(dom) if href[1:] not in ids] == []


# -- the bundled pair: examples/peru.yaml and examples/versions/peru-v2.yaml ----------------


@pytest.fixture(scope="module")
def bundled(tmp_path_factory) -> tuple[Path, Path]:
    folder = tmp_path_factory.mktemp("bundled")
    paths = []
    for name, spec in (("v1", "examples/peru.yaml"), ("v2", "examples/versions/peru-v2.yaml")):
        paths.append(folder / f"{name}.docx")
        write_docx(build_draft(ROOT / spec, AssembleOptions()), paths[-1])
    return paths[0], paths[1]


@pytest.fixture(scope="module")
def bundled_page(bundled) -> str:
    return comparison_to_html(compare_files(*bundled))


def test_fact_changes_come_first_with_old_and_new(bundled_page):
    dom = parse(bundled_page)
    facts = by_id(dom)["facts"]
    rows = [
        [" ".join(cell.text().split()) for cell in row.children if isinstance(cell, Node)]
        for row in facts.find_all("tbody")[0].find_all("tr")
    ]
    assert ["Contribution", "partner government contribution changed", "→ changed",
            "PEN 2,300,000 (2019)", "PEN 2,100,000 (2019)"] in rows  # fmt: skip
    assert ["Contribution", "partner government contribution changed", "→ changed",
            "PEN 2,300,000 (2020)", "PEN 2,500,000 (2020)"] in rows  # fmt: skip
    indicator = next(row for row in rows if row[0] == "Indicator")
    assert indicator[3:] == ["70, 85, 100, 115", "70, 85, 100, 120"]
    assert len(rows) == 3
    order = [node.attrs.get("id") for node in dom.iter() if node.tag == "section"]
    assert order.index("facts") < order.index("summary") < order.index("en-text")


def test_summary_counts_and_contents_of_changed_articles(bundled_page):
    dom = parse(bundled_page)
    ids = by_id(dom)
    counts = ids["summary"].find_all("table", "counts")[0]
    header = [th.text() for th in counts.find_all("thead")[0].find_all("th")]
    assert header == ["Text", "+ added", "− deleted", "⇄ moved", "✎ modified",
                      "# renumbered only"]  # fmt: skip
    body = [[c.text() for c in tr.children if isinstance(c, Node)] for tr in counts.find_all("tr")]
    assert body[1:] == [
        ["English (en)", "0", "0", "0", "3", "0"],
        ["Spanish (es)", "0", "0", "0", "3", "0"],
        ["All texts", "0", "0", "0", "6", "0"],
    ]
    contents = dom.find_all("nav", "toc")[0].find_all("ol", "changed")
    english = [" ".join(a.text().split()) for a in contents[0].find_all("a")]
    assert english == [
        "✎ modified Article 6 (Outcome Indicators)",
        "✎ modified Article 8 (Multi-Year Financial Plan)",
        "✎ modified Article 9 (Sustainability)",
    ]
    for link in contents[0].find_all("a") + contents[1].find_all("a"):
        target = ids[link.attrs["href"][1:]]
        assert target.tag == "section" and "kind-modified" in target.classes
    assert_links_resolve(dom)


def test_modified_article_marks_words_old_left_new_right(bundled_page):
    dom = parse(bundled_page)
    indicators = articles(dom, "en")["✎ modified Article 6 (Outcome Indicators)"]
    changed = indicators.find_all("tr", "changed")
    assert len(changed) == 1
    old, new = changed[0].find_all("td")
    assert [d.text() for d in old.find_all("del")] == ["deleted: 115"]
    assert [i.text() for i in new.find_all("ins")] == ["inserted: 120"]
    assert not old.find_all("ins") and not new.find_all("del")
    assert old.find_all("del")[0].find_all("span", "sr")[0].text() == "deleted: "
    cells = [without_hidden_words(cell) for cell in new.find_all("span", "cell")]
    assert cells[-3:] == ["100", "120", "Yes"]  # a table row keeps its cells
    assert (old.attrs["class"], new.attrs["class"]) == ("old", "new")

    plan = articles(dom, "es")["✎ modified Artículo 9 (Sostenibilidad)"]
    old, new = plan.find_all("tr", "changed")[0].find_all("td")
    # each side reads as its own version's text, word for word
    assert without_hidden_words(old).startswith("Antes del último año de vigencia")
    assert without_hidden_words(new).startswith("Antes del tercer año de vigencia")
    assert old.attrs["lang"] == new.attrs["lang"] == "es"


def test_unchanged_articles_are_folded_away(bundled_page):
    dom = parse(bundled_page)
    english = articles(dom, "en")
    folded = [title for title, node in english.items() if node.tag == "details"]
    assert "= unchanged Article 1 (Purpose)" in folded
    assert len(folded) == len(english) - 3
    assert all("open" not in english[title].attrs for title in folded)
    assert all(english[title].find_all("summary")[0].find_all("h3") for title in folded)


# -- moved, deleted, added, renumbered ------------------------------------------------------


@pytest.fixture(scope="module")
def edited(assembled, tmp_path_factory) -> tuple[Path, Path]:
    """Article 4 moved after article 7 (now 8), article 10 deleted, article 3 reworded."""
    folder = tmp_path_factory.mktemp("edited")
    old = assembled[PERU][1]
    new = (
        Version(old)
        .move("responsibilities", "sustainability")
        .delete("data_management")
        .replace("intend to achieve", "plan to achieve", language=0)
        .renumber()
        .save(folder / "new.docx")
    )
    return old, new


@pytest.fixture(scope="module")
def edited_page(edited) -> str:
    return comparison_to_html(compare_files(*edited, facts=False))


def test_moved_article_at_both_places_each_linking_to_the_other(edited_page):
    dom = parse(edited_page)
    ids = by_id(dom)
    english = articles(dom, "en")
    title = "Responsibilities of the Participants"
    was = english[f"⇄ moved Article 4 ({title})"]
    now = english[f"⇄ moved Article 8 ({title})"]
    forward = was.find_all("a", "move-link")[0]
    back = now.find_all("a", "move-link")[0]
    assert forward.text() == f"Moved to Article 8 ({title})"
    assert back.text() == f"Moved from Article 4 ({title})"
    assert ids[forward.attrs["href"][1:]] is now and ids[back.attrs["href"][1:]] is was
    # the old place shows the old text on the left; the new place the new text on the right
    assert "Article 4" in was.find_all("td", "old")[0].text()
    assert forward in was.find_all("td", "absent")[0].iter()
    assert "Article 8" in now.find_all("td", "new")[0].text()
    assert back in now.find_all("td", "absent")[0].iter()
    assert not was.find_all("del") and not now.find_all("ins")  # moved, not rewritten
    toc = dom.find_all("nav", "toc")[0]
    moved = next(a for a in toc.find_all("a") if "⇄ moved" in a.text())
    assert ids[moved.attrs["href"][1:]] is now
    assert_links_resolve(dom)


def test_deleted_article_on_the_left_and_labelled_on_the_right(edited_page):
    dom = parse(edited_page)
    deleted = articles(dom, "en")["− deleted Article 10 (Child Protection Data)"]
    assert "kind-deleted" in deleted.classes
    absent = deleted.find_all("td", "absent")[0]
    assert "new" in absent.classes
    assert " ".join(absent.text().split()) == "− Deleted: this article is not in the new version."
    rows = deleted.find_all("tbody")[0].find_all("tr")
    assert absent.attrs["rowspan"] == str(len(rows))
    assert "Child Protection Data" in deleted.find_all("td", "old")[1].text()


def test_renumbered_only_articles_are_folded_and_counted_apart(edited, edited_page):
    dom = parse(edited_page)
    english = articles(dom, "en")
    renumbered = [t for t in english if t.startswith("# renumbered only")]
    programs = "Programs and Initiatives"
    assert f"# renumbered only Article 5 ({programs}) → Article 4 ({programs})" in renumbered
    assert all(english[t].tag == "details" for t in renumbered)
    counts = by_id(dom)["summary"].find_all("table", "counts")[0].find_all("tr")[1]
    cells = [c.text() for c in counts.children if isinstance(c, Node)]
    assert cells == ["English (en)", "0", "1", "1", "1", str(len(renumbered))]
    reworded = english["✎ modified Article 3 (Objectives)"]
    assert [d.text() for d in reworded.find_all("del")] == ["deleted: intend"]
    assert [i.text() for i in reworded.find_all("ins")] == ["inserted: plan"]


def test_added_article_on_the_right_and_labelled_on_the_left(edited):
    old, new = edited
    dom = parse(comparison_to_html(compare_files(new, old, facts=False)))  # 10 comes back
    added = articles(dom, "en")["+ added Article 10 (Child Protection Data)"]
    absent = added.find_all("td", "absent")[0]
    assert "old" in absent.classes and "+ Added" in absent.text()
    assert "Child Protection Data" in added.find_all("td", "new")[1].text()


def test_moved_and_reworded_article_shows_its_word_changes_at_the_new_place(assembled, tmp_path):
    old = assembled[PERU][1]
    new = (
        Version(old)
        .move("responsibilities", "sustainability")
        .replace("to avoid duplication", "to prevent any duplication", language=0)
        .renumber()
        .save(tmp_path / "new.docx")
    )
    dom = parse(comparison_to_html(compare_files(old, new, facts=False)))
    title = "Responsibilities of the Participants"
    now = articles(dom, "en")[f"⇄ moved Article 4 ({title}) → Article 8 ({title})"]
    note = now.find_all("p", "move-note")[0]
    assert "Moved from Article 4" in note.text() and "reworded" in note.text()
    assert [d.text() for d in now.find_all("del")] == ["deleted: avoid"]
    assert [i.text() for i in now.find_all("ins")] == ["inserted: prevent any"]
    assert_links_resolve(dom)


def test_objective_and_program_changes_are_named_in_words(bundled):
    comparison = compare_files(*bundled, facts=False)
    listed = (
        FactChange("objective", "Reduce child labour", None, "objective removed", "A"),
        FactChange("program", None, "Shelters for survivors", "program added", "C"),
    )
    dom = parse(comparison_to_html(replace(comparison, fact_changes=listed)))
    rows = by_id(dom)["facts"].find_all("tbody")[0].find_all("tr")
    firsts = [
        " ".join(next(c for c in row.children if isinstance(c, Node)).text().split())
        for row in rows
    ]
    assert firsts == ["Objective", "Program"]


def test_a_coarser_comparison_says_so_on_the_page(bundled):
    comparison = compare_files(*bundled, facts=False)
    warning = "comparing every word would take too long: 3 paragraphs show a stretch…"
    dom = parse(comparison_to_html(replace(comparison, warnings=(warning,))))
    (shown,) = by_id(dom)["facts"].find_all("ul", "warnings")
    assert " ".join(shown.text().split()) == warning


# -- hostile text -------------------------------------------------------------------------------


def hostile_pair(folder: Path) -> tuple[Path, Path]:
    old = folder / "old.txt"
    old.write_text(JAMAICA.read_text("utf-8"), "utf-8")
    new = folder / 'new-"><b>x.txt'  # the file name is user text too
    text = JAMAICA.read_text("utf-8")
    new.write_text(text.replace("for prevention.", "for prevention. " + " ".join(HOSTILE_LINES)))
    return old, new


def assert_only_text(page: str) -> None:
    dom = parse(page)
    assert not dom.find_all("script") and not dom.find_all("img") and not dom.find_all("b")
    assert len(dom.find_all("style")) == 1  # ours, in the head
    for line in HOSTILE_LINES:
        assert line in dom.text()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


def test_hostile_text_in_a_version_and_in_its_facts_is_shown_as_text(tmp_path):
    comparison = compare_files(*hostile_pair(tmp_path), facts=False)
    hostile = FactChange("signing", HOSTILE_LINES[0], HOSTILE_LINES[1], HOSTILE_LINES[2])
    page = comparison_to_html(replace(comparison, fact_changes=(hostile,)))
    assert_only_text(page)
    inserted = " ".join(i.text() for i in parse(page).find_all("ins"))
    assert HOSTILE_LINES[0] in inserted  # inside the word-level change, as text
    assert "new-&#34;&gt;&lt;b&gt;x.txt" in page  # the file name, escaped


def test_hostile_text_in_language_versions_is_shown_as_text(tmp_path):
    draft = tmp_path / "bilingual.txt"
    draft.write_text(
        BILINGUAL.read_text("utf-8")
        .replace("their access to care.", "their access to care. " + " ".join(HOSTILE_LINES))
        .replace("su acceso a la atención.", "su acceso a la atención. " + HOSTILE_LINES[0]),
        "utf-8",
    )
    found = compare_language_versions([draft])
    assert_only_text(language_versions_to_html(found))


# -- language versions --------------------------------------------------------------------------


def test_language_versions_paired_with_the_mismatch_and_both_values():
    found = compare_language_versions([BILINGUAL])
    dom = parse(language_versions_to_html(found))
    ids = by_id(dom)
    listed = ids["mismatches"].find_all("tr", "mismatch")
    assert len(listed) == 1
    link = listed[0].find_all("a")[0]
    assert link.text() == "2" and link.attrs["href"] == "#art-2"
    terms, descriptions = listed[0].find_all("dt"), listed[0].find_all("dd")
    values = {dt.text(): dd.text() for dt, dd in zip(terms, descriptions, strict=True)}
    assert set(values) == {"English (en)", "Spanish (es)"}
    assert "5000000" in values["English (en)"] and "4000000" in values["Spanish (es)"]

    table = dom.find_all("table", "parallel")[0]
    rows = table.find_all("tr", "pair")
    pairs = {" ".join(row.find_all("th")[0].text().split()[:2]): row for row in rows}
    assert list(pairs) == ["Preamble", "Article 1", "Article 2"]
    assert "mismatch" in pairs["Article 2"].classes and "mismatch" not in pairs["Article 1"].classes
    assert "⚠ mismatch" in pairs["Article 2"].find_all("th")[0].text()
    english, spanish = pairs["Article 2"].find_all("td")
    assert "US$5,000,000" in english.text() and "4.000.000 USD" in spanish.text()
    assert (english.attrs["lang"], spanish.attrs["lang"]) == ("en", "es")
    note = ids["art-2"]  # the link lands on the note that names both values
    assert "mismatch-note" in note.classes and "4000000" in note.text()
    assert_links_resolve(dom)


def test_two_texts_of_one_draft_that_agree_and_an_article_missing(assembled, tmp_path):
    source = assembled[PERU][1]
    english = Version(source).keep_language(0).save(tmp_path / "en.docx")
    spanish = Version(source).keep_language(1)
    spanish.delete("data_management").save(tmp_path / "es.docx")
    found = compare_language_versions([english, tmp_path / "es.docx"])
    dom = parse(language_versions_to_html(found))
    pairs = dom.find_all("tr", "pair")
    rows = {row.find_all("th")[0].text().split("⚠")[0].strip(): row for row in pairs}
    assert "✗ not in the Spanish (es) text" in rows["Article 10"].text()
    assert "Artículo 9" in rows["Article 9"].find_all("td")[1].text()
    assert_links_resolve(dom)

    whole = Version(source).keep_language(1).save(tmp_path / "es-whole.docx")
    found = compare_language_versions([english, whole])
    dom = parse(language_versions_to_html(found))
    assert "✓ The language versions agree" in by_id(dom)["mismatches"].text()
    assert not dom.find_all("tr", "mismatch-note")


# -- the command line ---------------------------------------------------------------------------


def run(*args):
    return CliRunner().invoke(main, [str(arg) for arg in args])


def test_cli_writes_the_page_exit_1_on_differences_and_never_over_a_file(edited, tmp_path):
    old, new = edited
    out = tmp_path / "changes.html"
    result = run("compare", old, new, "--format", "html", "-o", out)
    assert result.exit_code == 1, result.output
    assert result.stdout == "" and f"wrote {out}" in result.stderr
    first = out.read_text("utf-8")
    assert first.startswith("<!DOCTYPE html>") and "⇄ moved" in first
    assert [p.name for p in tmp_path.iterdir()] == ["changes.html"]  # no temporary left

    out.write_text("mine", "utf-8")
    result = run("compare", old, new, "--format", "html", "-o", out)
    assert result.exit_code == 2 and "--force" in result.stderr
    assert out.read_text("utf-8") == "mine"
    assert run("compare", old, new, "--format", "html", "-o", out, "--force").exit_code == 1
    assert out.read_text("utf-8") == first


def test_cli_same_file_exit_0_and_html_on_stdout(edited):
    old, _ = edited
    result = run("compare", old, old, "--format", "html")
    assert result.exit_code == 0, result.output
    dom = parse(result.stdout)
    assert "No change of substance" in by_id(dom)["facts"].text()
    assert not dom.find_all("section", "article")  # every article folded
    assert not dom.find_all("ol", "changed")


def test_cli_language_versions_as_html(assembled, tmp_path):
    out = tmp_path / "languages.html"
    result = run("compare", "--languages", BILINGUAL, "--format", "html", "-o", out)
    assert result.exit_code == 1, result.output
    assert len(parse(out.read_text("utf-8")).find_all("tr", "mismatch-note")) == 1
    result = run("compare", "--languages", assembled[PERU][1], "--format", "html")
    assert result.exit_code == 0, result.output
    assert "The language versions agree" in result.stdout


# -- in a real browser --------------------------------------------------------------------------


def test_in_chromium_no_request_and_a_contents_link_scrolls_to_its_article(
    chromium_page, edited_page, tmp_path
):
    report = tmp_path / "changes.html"
    report.write_text(edited_page, "utf-8")
    url = report.as_uri()
    page = chromium_page

    assert_offline_with_working_links(page, url)
    page.screenshot(tmp_path / "changes.png")
    # struck through and underlined, not only coloured
    decorations = page.evaluate(
        "[getComputedStyle(document.querySelector('del')).textDecorationLine,"
        " getComputedStyle(document.querySelector('ins')).textDecorationLine]"
    )
    assert decorations == ["line-through", "underline"]

    href = page.evaluate(
        "[...document.querySelectorAll('nav.toc ol.changed a')]"
        ".find(a => a.textContent.includes('deleted')).getAttribute('href')"
    )
    page.open(url + href)
    where = page.evaluate(
        "({target: document.querySelector(':target').id, y: scrollY,"
        " top: document.querySelector(':target').getBoundingClientRect().top,"
        " outline: getComputedStyle(document.querySelector(':target')).outlineStyle})"
    )
    assert where["target"] == href[1:] == "en-old-10"
    assert where["y"] > 2000  # far below the first screen…
    assert 0 <= where["top"] < 100  # …and now at the top of the window
    assert where["outline"] == "solid"  # marked as the place the link led to
    page.screenshot(tmp_path / "changes-deleted.png")
    for name in ("changes.png", "changes-deleted.png"):
        assert (tmp_path / name).read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    shown = page.evaluate("document.body.innerText")
    assert re.search(r"− Deleted: this article is not in the new version", shown)
