"""The NLP core of ``cpc-draft check``: spaCy pipelines built from blank languages and data.

- :func:`load_pipeline` — the pipeline for a language (en, es, fr; "xx" for any other);
- :func:`find_money` — amounts of money (:class:`Money`: exact amount, ISO currency,
  qualifier, words and figures);
- :func:`find_party_mentions`, :func:`partner_name` — the United States, the partner, others;
- :func:`find_contributions`, :func:`attribute_columns`, :func:`label_mentions` — who
  contributes each amount, and the parties a table's labels name;
- :func:`learn_currencies` — the currency codes a draft defines for itself ("OSC");
  :func:`currency_note`, :func:`bare_amount` — a table's currency and its bare figures.

Importing this package does not import spaCy: each name is loaded on first use, and the
values (:mod:`cpc_draft.nlp.values`), the lexicon and the number parser never need it.
"""

from __future__ import annotations

from importlib import import_module

_EXPORTS = {
    "AttributedMoney": "values",
    "Money": "values",
    "PartyMention": "values",
    "attribute_columns": "contributions",
    "bare_amount": "currencies",
    "currency_note": "currencies",
    "find_contributions": "contributions",
    "find_money": "money",
    "find_money_in": "money",
    "find_party_mentions": "parties",
    "label_mentions": "contributions",
    "learn_currencies": "currencies",
    "load_pipeline": "pipeline",
    "partner_name": "parties",
    "short_name": "parties",
}
__all__ = sorted(_EXPORTS)


def __getattr__(name: str):
    if name not in _EXPORTS:
        raise AttributeError(f"module 'cpc_draft.nlp' has no attribute {name!r}")
    value = getattr(import_module(f"cpc_draft.nlp.{_EXPORTS[name]}"), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return __all__
