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
    # One content control per clause per language.
    assert sorted(tags) == sorted(expected * len(draft.languages))
    if draft.layout == "sequential":
        per_language = len(expected)
        assert tags[:per_language] == expected


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
    outer = docx_tables(path)[0]
    # "Done at …" and the signatures share the last row, so no page break parts them
    sections = [section for section in draft.sections if section.kind != "signatures"]
    assert len(outer) == len(sections)
    for row, section in zip(outer, sections, strict=True):
        assert len(row) == 2
        if section.number:
            left, right = row
            assert left.startswith(f"Article {section.number}\n")
            assert right.startswith(f"Artículo {section.number}\n")
