"""What the governments set out to do: objectives (element A), each government's duties
(B), and the programs with the funding allocated to them (C).

Each is found by meaning, not only under our own headings: sections scope a search
where a draft has them, and the shapes of the text (lists, lead-ins, labels, the party
that commits) decide elsewhere. The finders live in their own modules
(:mod:`.objectives`, :mod:`.duties`, :mod:`.programs`) on the list shapes of
:mod:`.listing`; this module gathers them for :mod:`cpc_draft.check.facts`.
"""

from __future__ import annotations

from cpc_draft.check.facts.duties import Duties, find_duties
from cpc_draft.check.facts.objectives import Objectives, find_objectives
from cpc_draft.check.facts.programs import Programs, find_programs

__all__ = [
    "Duties",
    "Objectives",
    "Programs",
    "find_duties",
    "find_objectives",
    "find_programs",
]
