"""Lists written as prose, without labels: the finders of objectives and programs share
these two shapes.

- Points opened by ordinal words, one sentence or clause each: "First, …; second, …;
  finally, …", "En primer término, … En segundo lugar, … Por último, …", "En premier
  lieu, … En deuxième lieu, … Enfin, …", "d'une part … d'autre part …". The opening
  word needs a first point and a later one: a lone "finally" ends a paragraph, not a list.
- An announcement whose members follow its colon between semicolons: "three axes:
  justice, with …; protection, with …; and prevention, with …".
"""

from __future__ import annotations

import re
from functools import cache

from cpc_draft.text.cues import phrase_pattern, phrases

# An opening word stands where a sentence or a clause starts, perhaps after "and": "Y,
# en tercer término, …", "…; and, finally, …".
_CLAUSE_START = r"(?:^|(?<=[.;:,])\s+|(?<=[.;:,]))\W{0,2}(?:(?i:and|y|e|et)\s*,?\s+)?"
# After the colon of an announcement: members between semicolons.
_AFTER_COLON = re.compile(r":\s+(?P<members>[^:]+)$")
MIN_MEMBERS = 2  # "A; and B" is a list; one member is a sentence with a colon


def ordinal_count(text: str, language: str) -> int:
    """How many points ``text`` opens with ordinal words (0 where it is no such list)."""
    if _opener("enumeration_first", language).search(text) is None:
        return 0
    later = len(_opener("enumeration_next", language).findall(text))
    return 1 + later if later >= 1 else 0


def colon_list_count(text: str) -> int:
    """How many members an announcement lists after its colon between semicolons
    ("… three axes: A, with …; B, with …; and C, with …." counts 3), else 0."""
    found = _AFTER_COLON.search(text.rstrip(" ."))
    if found is None:
        return 0
    members = [m for m in found.group("members").split(";") if m.strip()]
    return len(members) if len(members) >= MIN_MEMBERS else 0


@cache
def _opener(group: str, language: str) -> re.Pattern:
    """An ordinal opening phrase of ``group``. A phrase of several words ("en primer
    término", "d'une part") is one wherever it stands; a single word ("first", "enfin")
    only where a clause starts, with its comma: "Second, …", not "the second phase"."""
    words = phrases(group, language)
    several = [w for w in words if re.search(r"[\s'’]", w)]
    single = [w for w in words if w not in several]
    choices = []
    if several:
        choices.append(phrase_pattern(several).pattern)
    if single:
        choices.append(rf"{_CLAUSE_START}(?:{phrase_pattern(single).pattern})(?=\s*,)")
    return re.compile("|".join(choices), re.IGNORECASE)
