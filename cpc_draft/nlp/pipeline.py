"""spaCy pipelines per language, built from ``spacy.blank`` and our data; nothing downloaded.

``load_pipeline("es")`` = blank Spanish tokenizer (plus currency symbols as prefixes, so
"S/8,000,000" splits) -> sentencizer -> span rulers ``cpc_ruler`` (case-insensitive) and
``cpc_ruler_exact`` ("US", "PEN") writing ``doc.spans["cpc"]`` -> ``cpc_money``. The
rulers' patterns are data: the party patterns of ``data/patterns/<lang>.jsonl`` plus
currency and qualifier phrases from ``data/money_words.yaml``. ``model="en_core_web_sm"``
starts from an installed trained pipeline instead, so its entities (``doc.ents``) come
along.
"""

from __future__ import annotations

import json
import re
import warnings
from collections import OrderedDict
from functools import cache
from importlib import resources

from cpc_draft.nlp.lexicon import Lexicon, lexicon, pipeline_language
from cpc_draft.nlp.spacy_import import import_spacy
from cpc_draft.text.cues import unaccented
from cpc_draft.text.long_blocks import cut_point

SPANS_KEY = "cpc"
RULER = "cpc_ruler"
RULER_EXACT = "cpc_ruler_exact"
CHUNK = 4000  # characters per Doc
LONGEST_PIECE = 10  # CHUNKs: the longest piece of one line (spaCy's limit is 250 of them)
_SYMBOL_CHARS = set("$€£¥₱₵¢₮₹/")
_LETTERS = re.compile(r"[^\W\d_]")


def currency_label(phrase: str) -> str:
    """CUR_SYMBOL for "$", "US$", "S/", "Rs."; CUR_NAME for "soles", "US dollars"."""
    if _SYMBOL_CHARS.intersection(phrase) or phrase.lower().rstrip(".") in ("rs", "रू"):
        return "CUR_SYMBOL"
    return "CUR_NAME"


def lexicon_patterns(lex: Lexicon) -> list[dict]:
    """Currency and qualifier patterns generated from the lexicon."""
    codes = {code.lower() for code in lex.codes}
    patterns = [  # a name that is also a code ("FCFA") is matched as a code, in capitals
        {"label": currency_label(name), "pattern": name, "id": code}
        for name, code in lex.currencies.items()
        if name.lower() not in codes
    ]
    patterns += [
        {"label": "CUR_CODE", "pattern": [{"ORTH": name}], "id": code}
        for name, code in lex.codes.items()
    ]
    patterns += [
        {"label": "QUAL", "pattern": phrase, "id": key} for phrase, key in lex.qualifiers.items()
    ]
    return patterns


def file_patterns(language: str) -> list[dict]:
    """The hand-written patterns of ``data/patterns/<language>.jsonl`` (parties)."""
    entry = resources.files("cpc_draft").joinpath(f"data/patterns/{language}.jsonl")
    lines = entry.read_text("utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def _load_model(name: str):
    """An installed trained pipeline (check --model), or a clear error naming it."""
    from cpc_draft.errors import CpcDraftError

    spacy = import_spacy()

    try:
        return spacy.load(name)
    except (OSError, ImportError, ValueError) as error:
        raise CpcDraftError(
            f"--model {name!r} is not an installed spaCy pipeline ({type(error).__name__}); "
            "leave --model out to use the built-in pipelines"
        ) from None


TOKENIZER = "cpc_draft.Tokenizer.v1"
# spaCy's French tokenizer compiles thousands of hyphenation and elision exceptions when it
# is imported (about 4-5 s on this machine, in every process and every --jobs worker).
# Amounts, parties and cues need none of them: French runs on the multi-language
# tokenizer, with French patterns and words from our data as before.
TOKENIZER_OF = {"fr": "xx"}
_ELISION = r"(?i:(?:qu|[cdjlmnst])['’])(?=\w)"
_APOSTROPHE = re.compile("['’]")


def _create_tokenizer(language: str):
    """The registered tokenizer function (spaCy's ``@tokenizers``): the language's own
    rules plus ours, compiled once. Changing a built tokenizer's rules reloads all of
    its special cases, which cost a quarter of building the English pipeline."""

    def create(nlp):
        from spacy.tokenizer import Tokenizer
        from spacy.util import compile_infix_regex, compile_prefix_regex, compile_suffix_regex

        defaults = nlp.Defaults
        prefixes = _prefixes(nlp, lexicon(language))
        infixes = list(defaults.infixes or ())
        if language in TOKENIZER_OF:  # French on the multi-language tokenizer
            prefixes, infixes = _french(prefixes, infixes)
        return Tokenizer(
            nlp.vocab,
            rules=_special_cases(defaults.tokenizer_exceptions),
            prefix_search=compile_prefix_regex(prefixes).search,
            suffix_search=compile_suffix_regex(defaults.suffixes).search,
            infix_finditer=compile_infix_regex(infixes).finditer,
            token_match=defaults.token_match,
            url_match=defaults.url_match,
        )

    return create


def _french(prefixes: list[str], infixes: list[str]) -> tuple[list[str], list[str]]:
    """The two French rules our finders need from spaCy's French tokenizer: elisions are
    their own tokens ("d'" + "euros") and hyphenated words stay whole ("quatre-vingts")."""
    return [_ELISION, *prefixes], [rule for rule in infixes if "-" not in rule or "\\d" in rule]


def _special_cases(exceptions: dict) -> dict:
    """The language's tokenizer exceptions that a compact can hold: abbreviations ("U.S.",
    "Jan.", "a.m.", "Sra.") keep their periods, single characters and spaces keep their
    norms. Contractions ("don't", "cannot", "id") and emoticons are left out: a treaty
    has none, and loading them was two thirds of building the English tokenizer."""
    return {
        text: tokens
        for text, tokens in exceptions.items()
        if ("." in text and not _APOSTROPHE.search(text)) or len(text) == 1 or text.isspace()
    }


def _prefixes(nlp, lex: Lexicon) -> list[str]:
    """The language's prefix rules, after ours: "S/8,000,000", "GH₵4,000,000" and
    "J$5,000,000" are two tokens each, symbol and figure."""
    return [*_symbol_prefixes(lex), *(nlp.Defaults.prefixes or ())]


def _symbol_prefixes(lex: Lexicon) -> list[str]:
    symbols = sorted(
        (name for name, _ in lex.currencies.items() if currency_label(name) == "CUR_SYMBOL"),
        key=len,
        reverse=True,
    )
    extra = [rf"(?i:{re.escape(symbol)})(?=\d)" for symbol in symbols if _LETTERS.search(symbol)]
    extra += [rf"{re.escape(code)}(?=\d)" for code in lex.codes]  # "USD5,000,000"
    return extra


def _split_symbols(nlp, lex: Lexicon) -> None:
    """A trained pipeline keeps its tokenizer, with our currency prefixes added."""
    from spacy.util import compile_prefix_regex

    nlp.tokenizer.prefix_search = compile_prefix_regex(_prefixes(nlp, lex)).search


def split_patterns(nlp, patterns: list[dict]) -> tuple[list[dict], list[dict]]:
    """(case-insensitive patterns, exact-case phrase patterns).

    spaCy's token Matcher costs several microseconds per token whatever the patterns, the
    PhraseMatcher almost nothing; so a token pattern made only of ``ORTH`` values ("US",
    "U.S.", "PEN") becomes an exact-case phrase for a second ruler matching on ORTH.
    """
    folded, exact = [], []
    for pattern in patterns:
        tokens = pattern["pattern"]
        if isinstance(tokens, list) and all(set(t) == {"ORTH"} for t in tokens):
            # Tokenized by the same tokenizer as the texts ("J/TIP" may become three tokens).
            exact.append({**pattern, "pattern": " ".join(t["ORTH"] for t in tokens)})
        else:
            folded.append(pattern)
            if isinstance(tokens, str) and (bare := unaccented(tokens)) != tokens:
                folded.append({**pattern, "pattern": bare})  # "ETATS-UNIS", OCR's "Etats"
    return folded, exact


@cache
def _build(language: str, model: str | None):
    spacy = import_spacy()
    import cpc_draft.nlp.money  # noqa: F401 - registers the cpc_money factory

    lex = lexicon(language)
    if model:
        nlp = _load_model(model)
        _split_symbols(nlp, lex)
    else:
        spacy.registry.tokenizers.register(TOKENIZER, func=_create_tokenizer)
        tokenizer = {"@tokenizers": TOKENIZER, "language": language}
        code = TOKENIZER_OF.get(language, language)
        nlp = spacy.blank(code, config={"nlp": {"tokenizer": tokenizer}})
    if not {"parser", "senter", "sentencizer"}.intersection(nlp.pipe_names):
        nlp.add_pipe("sentencizer")
    folded, exact = split_patterns(nlp, file_patterns(language) + lexicon_patterns(lex))
    for name, attr, patterns, overwrite in (
        (RULER, "LOWER", folded, True),
        (RULER_EXACT, "ORTH", exact, False),
    ):
        config = {"spans_key": SPANS_KEY, "phrase_matcher_attr": attr, "overwrite": overwrite}
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # W036: a ruler with phrase patterns only
            nlp.add_pipe("span_ruler", name=name, config={**config, "validate": False})
            nlp.get_pipe(name).add_patterns(patterns)
    nlp.add_pipe("cpc_money", config={"language": language, "spans_key": SPANS_KEY})
    return nlp


@cache
def load_pipeline(language: str, model: str | None = None):
    """The pipeline for ``language``: en, es, fr, or the multi-language "xx" for any other."""
    return _build(pipeline_language(language), model or None)


def chunks(text: str, size: int = CHUNK) -> list[tuple[int, str]]:
    """``text`` cut at line ends into pieces of about ``size`` characters, with offsets.

    One Doc per piece keeps spaCy's per-Doc overhead (tens of microseconds per component)
    small; no amount or name spans two lines, so no cut falls inside one. A line too long
    for one Doc (spaCy refuses a million characters; a paragraph of a megabyte is no
    draft's, but files are made so) is cut after a sentence end, else at a space, else
    where it must be: nothing is left out.
    """
    out, start, length = [], 0, len(text)
    longest = size * LONGEST_PIECE
    while start < length:
        end = text.find("\n", min(start + size, length))
        end = length if end < 0 else end + 1
        if end - start > longest:
            end = cut_point(text, start + size, start + longest)
        if text[start:end].strip():
            out.append((start, text[start:end]))
        start = end
    return out


def docs_of(texts: list[str], language: str, *, model: str | None = None):
    """For each text, its (offset, piece, Doc) pieces, all run through one ``nlp.pipe``.

    ``piece`` is the Doc's text (``doc.text`` rebuilds it from every token on each access).

    The sentencizer is left out here (it is a Python loop over every token); callers that
    need sentences run :func:`sentences` on the few Docs where they need them.
    """
    nlp = load_pipeline(language, model)
    pieces = [chunks(text) for text in texts]
    key = (language, model)
    missing = list(
        dict.fromkeys(
            piece for text_pieces in pieces for _, piece in text_pieces if (key, piece) not in _DOCS
        )
    )
    # Most calls find every piece cached (one block's text at a time): no pipe to start.
    made = dict(zip(missing, _parse(nlp, missing), strict=True)) if missing else {}
    result = [
        [
            (offset, piece, made[piece] if piece in made else _recall(key, piece))
            for offset, piece in text_pieces
        ]
        for text_pieces in pieces
    ]
    _remember(key, made)
    return result


def _parse(nlp, texts: list[str]):
    disable = [name for name in ("sentencizer",) if name in nlp.pipe_names]
    return nlp.pipe(texts, batch_size=64, disable=disable)


# The same texts go through the pipeline several times in one command: the partner's name
# is looked for in every block, then amounts and parties; `compare` reads two versions
# that are mostly the same text. Recent Docs are kept so each piece is parsed once.
_DOCS: OrderedDict = OrderedDict()
_DOCS_KEPT = 2_000_000  # characters: about 600 pages; a Doc costs some 50 bytes a character
_kept = 0


def forget_docs() -> None:
    """Empty the cache of Docs (benchmarks measure parsing, not remembering)."""
    global _kept
    _DOCS.clear()
    _kept = 0


def _recall(key, piece: str):
    _DOCS.move_to_end((key, piece))
    return _DOCS[key, piece]


def _remember(key, made: dict) -> None:
    global _kept
    for piece, doc in made.items():
        _DOCS[key, piece] = doc
        _kept += len(piece)
    while _kept > _DOCS_KEPT:
        (_, piece), _ = _DOCS.popitem(last=False)
        _kept -= len(piece)


def sentences(doc, language: str, model: str | None = None):
    """Sentence boundaries for ``doc`` (running the pipeline's sentencizer if needed)."""
    if not doc.has_annotation("SENT_START"):
        nlp = load_pipeline(language, model)
        if "sentencizer" in nlp.pipe_names:
            nlp.get_pipe("sentencizer")(doc)
    return doc.sents
