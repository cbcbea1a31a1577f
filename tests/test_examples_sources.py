"""The examples cite their public sources by name, never by a file outside the repository."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

EXAMPLES = Path(__file__).resolve().parent.parent / "examples"
SPECS = sorted(EXAMPLES.rglob("*.yaml"))
# What pointed outside the repository: the seed files by number, the folder, the notes.
OUTSIDE = re.compile(r"/work/|seeds?\b|DOMAIN\.md|\((?:00\d)\)|\b00\d_[0-9a-f]+|\bbrief\b")


@pytest.mark.parametrize("path", [*SPECS, EXAMPLES / "README.md"], ids=lambda p: p.name)
def test_no_citation_points_outside_the_repository(path):
    text = path.read_text("utf-8")
    assert OUTSIDE.findall(text) == []


@pytest.mark.parametrize("path", SPECS, ids=lambda p: p.name)
def test_each_spec_names_sources_the_readme_lists(path):
    header = "".join(line for line in path.read_text("utf-8").splitlines(True) if line[:1] == "#")
    readme = (EXAMPLES / "README.md").read_text("utf-8")
    cited = {
        name
        for name in (
            "fact sheet",
            "GAO-23-105390",
            "22 U.S.C. § 7103a",
            "press release",
            "Colombia",
        )
        if name in header
    }
    assert {"GAO-23-105390", "22 U.S.C. § 7103a"} <= cited
    for name in cited:
        assert name in readme
