"""The statutory gate: which of elements A–G a spec leaves without content."""

from __future__ import annotations

from cpc_draft.assemble.spec import PARTIES, CompactSpec


def missing_elements(spec: CompactSpec) -> dict[str, str]:
    """Element key -> what is lacking (English), for every element without content."""
    lacking: dict[str, str] = {}
    if not spec.objectives:
        lacking["A"] = "no objectives"
    one_sided = [party for party in PARTIES if not spec.responsibilities[party]]
    if one_sided:
        lacking["B"] = "no responsibilities for " + " and ".join(
            "the United States" if party == "us" else "the partner government"
            for party in one_sided
        )
    if not spec.programs:
        lacking["C"] = "no programs with funding"
    if not spec.indicators:
        lacking["D"] = "no outcome indicators"
    if not spec.financial_plan.years:
        lacking["E"] = "no yearly contributions in the financial plan"
    elif not spec.financial_plan.oversight:
        lacking["E"] = "no oversight mechanism for the financial plan"
    if not spec.sustainability:
        lacking["F"] = "no sustainability strategy"
    if not spec.data_management:
        lacking["G"] = "no child protection data management"
    return lacking
