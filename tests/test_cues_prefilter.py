"""The cue prefilter passes over the blocks that hold no phrase of its groups and keeps
every block that may hold one, whatever its case, accents and apostrophes: a draft
typed in capitals without accents ("DUREE"), or with typographic apostrophes, is not
passed over."""

from __future__ import annotations

import pytest

from cpc_draft.text.cues import prefilter


@pytest.mark.parametrize(
    ("language", "text", "found"),
    [
        ("fr", "La DURÉE du présent Protocole est de quatre ans.", True),
        ("fr", "LA DUREE DU PRESENT PROTOCOLE", True),
        ("es", "Los datos se guardan en una BASE DE DATOS nacional.", True),
        ("es", "gestion de casos sin tilde", True),
        ("en", "Each child’s CASE MANAGEMENT record", True),
        ("es", "Los Participantes se reunirán cada año.", False),
    ],
)
def test_prefilter_folds_case_and_accents(language, text, found):
    groups = ("term", "data_system") if language != "en" else ("data_system",)
    assert (prefilter(groups, language).search(text) is not None) is found
