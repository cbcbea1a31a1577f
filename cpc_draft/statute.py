"""The seven elements a compact "shall describe" under 22 U.S.C. § 7103a(d)(2).

One place for their keys and metadata (name, and what each covers in every language), so
that `assemble`'s gate, `check`'s verdicts and every report speak of the same elements.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources

from cpc_draft.fileio.yaml_source import load_data

ELEMENT_KEYS: tuple[str, ...] = ("A", "B", "C", "D", "E", "F", "G")


@dataclass(frozen=True)
class Element:
    key: str
    name: str  # the stable name used in JSON and rule messages: "objectives", "financial-plan"
    what: dict[str, str]  # language -> what the element covers, for markers and messages


@cache
def elements() -> dict[str, Element]:
    """Element key -> its metadata, in statutory order."""
    text = resources.files("cpc_draft").joinpath("data/elements.yaml").read_text("utf-8")
    data = load_data(text)
    return {key: Element(key, data[key]["name"], dict(data[key]["what"])) for key in ELEMENT_KEYS}
