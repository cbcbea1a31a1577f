"""The clause-library validator: the real library passes; each rule catches its mistake."""

from __future__ import annotations

import shutil

import pytest

from cpc_draft.assemble.library import check_library, default_library_path

# (clause file, text to replace, replacement, expected fragment of the problem)
BROKEN = [
    ("objectives.md", "id: objectives", "id: objective", "differs from the file name"),
    ("objectives.md", "elements: [A]", "elements: [H]", "element 'H' is not a statutory element"),
    ("objectives.md", "status: approved", "status: final", "status 'final' is not one of"),
    ("objectives.md", "version: 1.0.0", "version: one", "is not MAJOR.MINOR.PATCH"),
    ("objectives.md", "kind: article", "kind: annex", "kind 'annex' is not one of"),
    ("objectives.md", "# fr: Objectifs", "# de: Ziele", "no section for language 'fr'"),
    (
        "objectives.md",
        "{{ term.years_words }}",
        "{{ term_years }}",
        "uses undeclared variables: term_years",
    ),
    (
        "objectives.md",
        "variables: [missing, objectives, term]",
        "variables: [missing, objectives, term, plan]",
        "does not use declared variables: plan",
    ),
    ("objectives.md", "{% endfor %}", "{% endfo %}", "template syntax error"),
    ("objectives.md", "---\nid:", "id:", "no front matter"),
    ("sustainability.md", "missing", "absent", "never places a {{ missing.X }} marker"),
    ("outline.yaml", "  - sustainability\n", "", "serves statutory element F"),
    ("outline.yaml", "  - amendment\n", "  - amendments\n", "clause 'amendments' has no file"),
    # YAML tags ask PyYAML for constructors that fail with tracebacks of their own
    ("objectives.md", "status: approved", "status: !!timestamp x", "objectives.md:4: tags"),
    ("outline.yaml", "  - amendment\n", "  - !!binary x\n", "tags (tag:yaml.org,2002:binary)"),
    ("objectives.md", "status: approved", "status: &a approved", "anchors and aliases"),
]


def test_the_real_library_has_no_problems():
    library, problems = check_library()
    assert problems == []
    assert len(library.clauses) == len(library.outline) >= 19
    for clause in library.clauses.values():
        assert set(clause.bodies) == {"en", "es", "fr"}, clause.id


@pytest.mark.parametrize(
    ("name", "old", "new", "expected"), BROKEN, ids=[b[3][:30] for b in BROKEN]
)
def test_each_rule_catches_its_mistake(tmp_path, name, old, new, expected):
    library = tmp_path / "library"
    shutil.copytree(default_library_path(), library)
    path = library / name
    text = path.read_text("utf-8")
    assert old in text
    path.write_text(text.replace(old, new), "utf-8")
    _, problems = check_library(library)
    assert any(expected in problem for problem in problems), problems
    assert all(str(library) in problem for problem in problems)
