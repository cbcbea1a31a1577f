"""A wheel must carry every subpackage and data file: pyproject lists packages by hand."""

from __future__ import annotations

import tomllib

from conftest import ROOT


def test_every_subpackage_is_listed_in_pyproject():
    config = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))
    listed = set(config["tool"]["setuptools"]["packages"])
    found = {
        ".".join(path.parent.relative_to(ROOT).parts)
        for path in (ROOT / "cpc_draft").rglob("__init__.py")
        if "bundled" not in path.parts
    }
    assert found <= listed, f"add to [tool.setuptools] packages: {sorted(found - listed)}"


def test_every_data_file_matches_a_package_data_pattern():
    config = tomllib.loads((ROOT / "pyproject.toml").read_text("utf-8"))
    patterns = config["tool"]["setuptools"]["package-data"]["cpc_draft"]
    data = [
        p.relative_to(ROOT / "cpc_draft")
        for p in (ROOT / "cpc_draft" / "data").rglob("*")
        if p.is_file()
    ]
    unmatched = [str(path) for path in data if not any(path.match(pattern) for pattern in patterns)]
    assert not unmatched, f"data files a wheel would miss: {unmatched}"
