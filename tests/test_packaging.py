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


def test_no_data_file_repeats_a_key():
    """Two engineers adding the same cue group would leave one silently ignored: YAML keeps
    the last of two equal keys."""
    import yaml

    def repeated(node) -> list[str]:
        found = []
        if isinstance(node, yaml.MappingNode):
            keys = [key.value for key, _ in node.value]
            found += sorted({key for key in keys if keys.count(key) > 1})
            for _, value in node.value:
                found += repeated(value)
        elif isinstance(node, yaml.SequenceNode):
            for item in node.value:
                found += repeated(item)
        return found

    problems = {
        path.name: repeated(yaml.compose(path.read_text("utf-8")))
        for path in (ROOT / "cpc_draft" / "data").rglob("*.yaml")
    }
    assert {name: keys for name, keys in problems.items() if keys} == {}
