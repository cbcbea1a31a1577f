"""Rough drafts: a spec fresh from `cpc-draft init`, TODOs and all, assembled at once.

With ``--allow-incomplete`` every value `init` left as "TODO: …" becomes a visible
"[TODO: …]" marker in the draft instead of an error, so a negotiator sees a first draft
before every translation is in. A TODO currency becomes XXX, ISO 4217's "no currency".
"""

from __future__ import annotations

import dataclasses
import re

from cpc_draft.assemble.schema import PLACEHOLDER
from cpc_draft.fileio.yaml_source import LocatedYaml
from cpc_draft.model import TODO_MARK

NO_CURRENCY = "XXX"
_TODO = re.compile(rf"^\s*{PLACEHOLDER}\b[\s:]*", re.IGNORECASE)


def mark_todos(located: LocatedYaml) -> tuple[LocatedYaml, int]:
    """The parsed spec with its TODOs turned into markers, and how many there were."""
    counter = [0]
    value = _marked(located.value, (), counter)
    return dataclasses.replace(located, value=value), counter[0]


def _marked(value, where: tuple, counter: list[int]):
    if isinstance(value, dict):
        marked = {key: _marked(item, (*where, key), counter) for key, item in value.items()}
        return {key: item for key, item in marked.items() if item is not _DROP}
    if isinstance(value, list):
        return [_marked(item, (*where, index), counter) for index, item in enumerate(value)]
    if not isinstance(value, str) or not _TODO.match(value):
        return value
    counter[0] += 1
    if where[:1] == ("currencies",):
        return NO_CURRENCY
    if where == ("partner", "code"):
        return _DROP  # optional: only metadata
    what = _TODO.sub("", value).strip()
    return f"{TODO_MARK} {what}]" if what else f"{TODO_MARK} fill in]"


_DROP = object()
