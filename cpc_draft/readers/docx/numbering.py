"""Word list numbering, rendered the way Word shows it ("3.", "(b)", "Article 4", "•").

numbering.xml defines abstract lists (a format, a text such as "Article %1" and a start
per level) and list instances (``w:num``) that point at one and may override a level's
start or definition. Counters belong to the abstract list, so instances that share one
keep counting; an instance with a start override restarts the levels it overrides when
first used.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from lxml import etree

from cpc_draft.readers.docx.budget import check_level_text
from cpc_draft.readers.docx.wordml import Names, child, integer, on, part_names
from cpc_draft.readers.docx.zipsafe import Package

LEVELS = 9  # ilvl 0–8
_PLACEHOLDER = re.compile(r"%([1-9])")  # "%2" in a level's text: the number of level 2
_SUFFIXES = {"space": " ", "nothing": ""}  # w:suff; a tab otherwise
_ROMAN = (
    (1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
    (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"),
)  # fmt: skip


@dataclass(frozen=True)
class _Level:
    format: str = "decimal"
    text: str = ""
    start: int = 1
    suffix: str = "\t"
    legal: bool = False


@dataclass(frozen=True)
class _Instance:
    """A ``w:num``: the abstract list it uses and what it overrides there."""

    abstract_id: str
    starts: dict[int, int] = field(default_factory=dict)
    levels: dict[int, _Level] = field(default_factory=dict)


class Numbering:
    """The lists of a document and their counters, advanced paragraph by paragraph."""

    def __init__(self, abstract: dict[str, dict[int, _Level]], nums: dict[str, _Instance]):
        self.abstract = abstract
        self.nums = nums
        self.counters: dict[str, list[int | None]] = {}
        self.starts: dict[str, dict[int, int]] = {}
        self.used: set[str] = set()

    @classmethod
    def load(cls, package: Package, names: list[str]) -> Numbering:
        """The lists of the first of ``names`` the package has (none: no lists)."""
        name = next((name for name in names if package.has(name)), None)
        if name is None:
            return cls({}, {})
        root = package.xml(name)
        n = part_names(root)
        numbering = cls(_abstract_lists(root, n), _instances(root, n))
        numbering.check_texts(name, package.fail)
        return numbering

    def check_texts(self, part: str, fail) -> None:
        """Refuse a list level whose text is long enough to flood every numbered paragraph
        (see :mod:`.budget`)."""
        instances = (instance.levels for instance in self.nums.values())
        for levels in (*self.abstract.values(), *instances):
            for level in levels.values():
                check_level_text(level.text, part, fail)

    def label(self, num_id: str, level: int) -> str | None:
        """The label for the next paragraph of list ``num_id`` at ``level`` (None: no list)."""
        if num_id not in self.nums or not 0 <= level < LEVELS:
            return None
        instance = self.nums[num_id]
        levels = {**self.abstract.get(instance.abstract_id, {}), **instance.levels}
        definition = levels.get(level)
        if definition is None:
            return ""
        counters, starts = self._advance(num_id, instance, level, definition)
        if definition.format == "bullet":
            return _bullet(definition)

        def number(match: re.Match) -> str:
            index = int(match.group(1)) - 1
            other = levels.get(index, _Level())
            value = counters[index]
            if value is None:
                value = starts.get(index, other.start)
            return _format_number(value, "decimal" if definition.legal else other.format)

        text = _PLACEHOLDER.sub(number, definition.text)
        return text + definition.suffix if text else ""

    def _advance(self, num_id: str, instance: _Instance, level: int, definition: _Level):
        """Count one more paragraph at ``level`` and restart the deeper levels; return the
        abstract list's counters and starts."""
        counters = self.counters.setdefault(instance.abstract_id, [None] * LEVELS)
        starts = self.starts.setdefault(instance.abstract_id, {})
        if num_id not in self.used:
            self.used.add(num_id)
            for overridden, start in instance.starts.items():
                counters[overridden] = None
                starts[overridden] = start
        current = counters[level]
        counters[level] = starts.get(level, definition.start) if current is None else current + 1
        for deeper in range(level + 1, LEVELS):
            counters[deeper] = None
        return counters, starts


def _abstract_lists(root: etree._Element, n: Names) -> dict[str, dict[int, _Level]]:
    abstract = {}
    for element in root.iter(n.w("abstractNum")):
        abstract[element.get(n.w("abstractNumId"), "")] = {
            level: definition
            for level, definition in (_level(lvl, n) for lvl in element.iterchildren(n.w("lvl")))
            if level is not None
        }
    return abstract


def _instances(root: etree._Element, n: Names) -> dict[str, _Instance]:
    nums = {}
    for element in root.iter(n.w("num")):
        abstract_element = child(element, n.w("abstractNumId"))
        if abstract_element is None:
            continue
        starts, levels = {}, {}
        for override in element.iterchildren(n.w("lvlOverride")):
            level = integer(override.get(n.w("ilvl")))
            if level is None or not 0 <= level < LEVELS:
                continue
            start = child(override, n.w("startOverride"))
            if start is not None:
                starts[level] = integer(start.get(n.val)) or 0
            definition = child(override, n.w("lvl"))
            if definition is not None:
                levels[level] = _level(definition, n)[1]
        nums[element.get(n.w("numId"), "")] = _Instance(
            abstract_element.get(n.val, ""), starts, levels
        )
    return nums


def _level(element: etree._Element, n: Names) -> tuple[int | None, _Level]:
    level = integer(element.get(n.w("ilvl")))
    if level is not None and not 0 <= level < LEVELS:
        level = None

    def value(name: str) -> str | None:
        found = child(element, n.w(name))
        return found.get(n.val) if found is not None else None

    start = integer(value("start"))
    legal = child(element, n.w("isLgl"))
    return level, _Level(
        format=value("numFmt") or "decimal",
        text=value("lvlText") or "",
        start=start if start is not None else 1,
        suffix=_SUFFIXES.get(value("suff") or "tab", "\t"),
        legal=legal is not None and on(legal, n.val),
    )


def _bullet(definition: _Level) -> str:
    # Symbol-font bullets are private-use code points: show them as "•"
    text = "".join("•" if "\ue000" <= char <= "\uf8ff" else char for char in definition.text)
    return (text or "•") + definition.suffix


def _format_number(value: int, style: str) -> str:
    if style in ("none",):
        return ""
    if style == "decimalZero":
        return f"{value:02d}"
    if style in ("lowerRoman", "upperRoman") and 0 < value < 4000:
        roman = ""
        for amount, letters in _ROMAN:
            while value >= amount:
                roman += letters
                value -= amount
        return roman.upper() if style == "upperRoman" else roman
    if style in ("lowerLetter", "upperLetter") and 0 < value <= 26 * 30:
        letter = chr(ord("a") + (value - 1) % 26) * ((value - 1) // 26 + 1)
        return letter.upper() if style == "upperLetter" else letter
    return str(value)
