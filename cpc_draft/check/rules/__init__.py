"""The rules of `check`: one module each, registered here by ID (grep finds them all).

A rule module has ``ID``, ``DEFAULT_LEVEL`` (error, warning, info) and a docstring that is
its user documentation (`cpc-draft rules`), and a ``check(review)`` generator that reads
the :class:`~cpc_draft.check.review.Review` and yields a :class:`~cpc_draft.model.Problem`
for each thing wrong; the review gives each the level configured for the rule.
"""

from cpc_draft.check.rules import (
    binding_wording,
    element_missing,
    element_partial,
    indicator_targets,
    key_indicators,
    language_mismatch,
    non_binding_statement,
    partner_contribution,
    sustainability_plan,
    term_length,
    totals,
    tracked_changes,
    words_figures,
)

RULES = {
    module.ID: module
    for module in (
        element_missing,
        element_partial,
        indicator_targets,
        key_indicators,
        partner_contribution,
        sustainability_plan,
        term_length,
        words_figures,
        totals,
        binding_wording,
        non_binding_statement,
        tracked_changes,
        language_mismatch,
    )
}
LEVELS = ("error", "warning", "info", "off")
