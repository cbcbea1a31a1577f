"""What is inside our .docx: provenance tags, custom properties, language tags, tables."""

from __future__ import annotations

import hashlib
import zipfile
from xml.etree import ElementTree

import pytest
from conftest import ROOT, docx_tables

from cpc_draft import __version__
from cpc_draft.assemble.library import load_library

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
CUSTOM = "{http://schemas.openxmlformats.org/officeDocument/2006/custom-properties}"


def _xml(path, member):
    with zipfile.ZipFile(path) as archive:
        return ElementTree.fromstring(archive.read(member))


@pytest.mark.parametrize("name", ["peru-side-by-side-us", "cote-divoire-sequential-partner"])
def test_every_clause_is_tagged_with_id_and_version(name, assembled):
    draft, path = assembled[name]
    library = load_library()
    body = _xml(path, "word/document.xml")
    tags = [element.get(f"{W}val") for element in body.iter(f"{W}tag")]
    expected = [f"cpc:{cid}@{library.clauses[cid].version}" for cid in library.outline]
    if draft.layout == "sequential":
        # One content control per clause per language.
        assert sorted(tags) == sorted(expected * len(draft.languages))
        per_language = len(expected)
        assert tags[:per_language] == expected
    else:
        # Side by side, a clause with data tables has a control per piece: the text
        # before a table, each table (set outside the layout), the text after it.
        assert sorted(set(tags)) == sorted(expected)
        in_order = [tag for index, tag in enumerate(tags) if tag not in tags[:index]]
        assert in_order == expected
        assert all(tags.count(tag) % len(draft.languages) == 0 for tag in expected)


def test_custom_properties_record_tool_version_and_spec_hash(assembled):
    _, path = assembled["colombia-sequential-us"]
    root = _xml(path, "docProps/custom.xml")
    values = {prop.get("name"): prop[0].text for prop in root.iter(f"{CUSTOM}property")}
    spec_bytes = (ROOT / "examples" / "colombia.yaml").read_bytes()
    assert values["cpc-draft-version"] == __version__
    assert (
        values["cpc-spec-sha256"]
        == hashlib.sha256(spec_bytes.decode("utf-8-sig").encode()).hexdigest()
    )
    assert values["cpc-languages"] == "en,es"
    assert values["cpc-original"] == "us"
    with zipfile.ZipFile(path) as archive:
        types = archive.read("[Content_Types].xml").decode()
        rels = archive.read("_rels/.rels").decode()
    assert "custom-properties+xml" in types
    assert "docProps/custom.xml" in rels


def test_runs_carry_their_language(assembled):
    _, path = assembled["peru-side-by-side-partner"]
    body = _xml(path, "word/document.xml")
    languages = {element.get(f"{W}val") for element in body.iter(f"{W}lang")}
    assert languages == {"en-US", "es-ES"}


def test_financial_plan_and_indicator_tables(assembled):
    _, path = assembled["ghana-sequential-us"]
    texts = docx_tables(path)
    plan = next(t for t in texts if t[0][0] == "Year")
    assert plan[0] == ["Year", "United States (USD)", "Ghana (GHS)"]
    assert plan[-1][0] == "Total"
    assert plan[-1][1] == "US$5,000,000"
    indicators = next(t for t in texts if t[0][0] == "Indicator")
    assert indicators[0][3:7] == [f"Target year {n}" for n in range(1, 5)]
    assert indicators[0][-1] == "Key indicator"


def test_side_by_side_is_one_row_per_clause(assembled):
    draft, path = assembled["peru-side-by-side-us"]
    body = _xml(path, "word/document.xml").find(f"{W}body")
    # The layout is interrupted by each data table, so it is several top-level tables.
    rows = [row for table in body.findall(f"{W}tbl") for row in table.findall(f"{W}tr")]
    labels = [[_text(cell).split("\n")[0] for cell in row.findall(f"{W}tc")] for row in rows]
    assert all(len(row) == 2 for row in labels)
    articles = [row for row in labels if row[0].startswith("Article ")]
    numbered = [section for section in draft.sections if section.number]
    assert [row[0] for row in articles] == [f"Article {s.number}" for s in numbered]
    assert [row[1] for row in articles] == [f"Artículo {s.number}" for s in numbered]


@pytest.mark.parametrize("name", ["peru-side-by-side-us", "cote-divoire-side-by-side-partner"])
def test_side_by_side_data_tables_are_not_nested(name, assembled):
    """Word repeats the header row of a top-level table only: no data table may sit
    inside the layout table."""
    _, path = assembled[name]
    body = _xml(path, "word/document.xml").find(f"{W}body")
    headed = [table for table in body.iter(f"{W}tbl") if table.find(f".//{W}tblHeader") is not None]
    assert len(headed) >= 6  # programs, indicators, financial plan, in both languages
    nested = [table for cell in body.iter(f"{W}tc") for table in cell.iter(f"{W}tbl")]
    assert not [table for table in headed if table in nested]


def _text(cell) -> str:
    paragraphs = ("".join(t.text or "" for t in p.iter(f"{W}t")) for p in cell.iter(f"{W}p"))
    return "\n".join(text for text in paragraphs if text)
