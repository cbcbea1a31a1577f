"""cpc_draft.nlp: money, parties and contributions, driven by tests/data/nlp_cases.yaml."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from decimal import Decimal
from pathlib import Path

import pytest
import yaml

from cpc_draft.nlp import (
    Money,
    attribute_columns,
    bare_amount,
    currency_note,
    find_contributions,
    find_money,
    find_money_in,
    find_party_mentions,
    learn_currencies,
    load_pipeline,
    partner_name,
)
from cpc_draft.nlp.numbers import parse_figures
from cpc_draft.nlp.pipeline import chunks, file_patterns, forget_docs

ROOT = Path(__file__).resolve().parent.parent
CASES = yaml.safe_load((ROOT / "tests" / "data" / "nlp_cases.yaml").read_text("utf-8"))
SEEDS = Path("/work/shared/seeds")
FIELDS = {
    "amount": "amount",
    "currency": "currency",
    "qualifier": "qualifier",
    "text": "text",
    "words": "words_amount",
    "figures": "figures_amount",
}


def _value(raw):
    return None if raw is None else Decimal(str(raw))


def _check_money(money: Money, expected: dict, where: str) -> None:
    for key, value in expected.items():
        actual = getattr(money, FIELDS[key])
        if key in ("amount", "words", "figures"):
            assert actual == _value(value), f"{where}: {key} {actual} != {value}"
        else:
            assert actual == value, f"{where}: {key} {actual!r} != {value!r}"


# -- money ---------------------------------------------------------------------------------


@pytest.mark.parametrize("case", CASES["money"], ids=lambda c: c["id"])
def test_money_case(case):
    found = find_money(case["text"], case["language"])
    got = [(m.text, str(m.amount), m.currency) for m in found]
    assert len(found) == len(case["expected"]), f"found {got}"
    for i, (money, expected) in enumerate(zip(found, case["expected"], strict=True)):
        _check_money(money, expected, f"amount {i} of {got}")
        assert case["text"][money.start : money.end] == money.text


@pytest.mark.parametrize("text, decimal, expected", CASES["figures"], ids=lambda v: repr(v))
def test_figures(text, decimal, expected):
    assert parse_figures(text, decimal) == _value(expected)


def test_amounts_are_exact_decimals():
    (money,) = find_money("US$9.6 million", "en")
    assert isinstance(money.amount, Decimal)
    assert str(money.amount) == "9600000"
    (money,) = find_money("US$1,250,000.50", "en")
    assert str(money.amount) == "1250000.50"


def test_offsets_point_into_the_text_across_lines():
    text = "Article 5\n\nThe TIP Office will provide US$500,000.\nPeru: PEN 1,200,000\n"
    found = find_money(text, "en")
    assert [text[m.start : m.end] for m in found] == ["US$500,000", "PEN 1,200,000"]


def test_find_money_in_batches_texts():
    texts = ["US$500,000", "no money", "8.000.000 PEN"]
    found = find_money_in(texts, "es")
    assert [[str(m.amount) for m in ms] for ms in found] == [["500000"], [], ["8000000"]]


def test_long_text_is_cut_at_line_ends_only():
    text = "\n".join(f"Line {i}: US$1,000,000." for i in range(2000))
    pieces = chunks(text, size=1000)
    assert "".join(piece for _, piece in pieces) == text
    assert all(piece.endswith("\n") or off + len(piece) == len(text) for off, piece in pieces)
    assert len(find_money(text, "en")) == 2000


# -- words versus figures ------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, language",
    [
        ("five million U.S. dollars (US$5,000,000)", "en"),
        ("cinco millones de dólares estadounidenses (5.000.000\u00a0USD)", "es"),
        ("cinq millions de dollars des États-Unis (5\u202f000\u202f000\u00a0USD)", "fr"),
    ],
)
def test_words_and_figures_that_agree_are_no_mismatch(text, language):
    (money,) = find_money(text, language)
    assert money.words_amount == money.figures_amount == money.amount
    assert not money.mismatch


@pytest.mark.parametrize(
    "text, language, words, figures",
    [
        ("five million U.S. dollars (US$6,000,000)", "en", "5000000", "6000000"),
        ("nine million six hundred thousand US dollars (US$9,000,000)", "en", "9600000", "9000000"),
        ("ocho millones de soles peruanos (80.000.000\u00a0PEN)", "es", "8000000", "80000000"),
        (
            "cinq cents millions de francs CFA (50\u202f000\u202f000\u00a0XOF)",
            "fr",
            "500000000",
            "50000000",
        ),
        ("US$5,000,000 (four million U.S. dollars)", "en", "4000000", "5000000"),
    ],
)
def test_words_and_figures_that_disagree_are_a_mismatch(text, language, words, figures):
    (money,) = find_money(text, language)
    assert money.mismatch
    assert (money.words_amount, money.figures_amount) == (Decimal(words), Decimal(figures))
    assert money.amount == Decimal(figures)  # the figures are the amount


def test_words_in_one_currency_and_figures_in_another_are_a_mismatch():
    (money,) = find_money("five million U.S. dollars (PEN 5,000,000)", "en")
    assert money.currency == "PEN" and money.words_currency == "USD"
    assert money.mismatch


def test_a_draft_code_named_with_a_generic_noun_is_no_mismatch():
    (money,) = find_money("five million pesos (KVP 5,000,000), in Corvan pesos", "en")
    assert money.currency == "KVP" and money.words_currency is None
    assert not money.mismatch


@pytest.mark.parametrize(
    "language, definition, text, words",
    [
        (
            "en",
            'In this Note, "Tarvelian thalers" and "TVT" refer to the currency of Tarvel.',
            "two million three hundred thousand Tarvelian thalers (TVT 2,500,000)",
            "2300000",
        ),
        (
            "es",
            "En esta Nota, «táleros tarvelianos» y «TVT» designan la moneda de Tarvel.",
            "dos millones trescientos mil táleros tarvelianos (TVT 2.500.000)",
            "2300000",
        ),
        (
            "fr",
            "Dans cette Note, « thalers tarveliens » et « TVT » désignent la monnaie du Tarvel.",
            "deux millions trois cent mille thalers tarveliens (TVT 2 500 000)",
            "2300000",
        ),
    ],
)
def test_words_in_a_currency_only_the_draft_names_are_checked_against_the_figures(
    language, definition, text, words
):
    """The draft's own currency has a noun we know nothing of ("thalers"): its words
    before the bracketed code and figures are still the same amount, checked."""
    own = learn_currencies([definition], language)
    assert "TVT" in own
    (money,) = find_money(text, language, own)
    assert (money.currency, money.amount) == ("TVT", Decimal(2500000))
    assert money.words_amount == Decimal(words) and money.mismatch


_TVT = 'In this Note, "Tarvelian zorks" and "TVT" refer to the currency of Tarvel.'


@pytest.mark.parametrize(
    "text",
    [
        "TVT 2,500,000 (two million five hundred thousand zorks)",
        "two million five hundred thousand Tarvelian zorks (TVT 2,500,000)",
    ],
)
def test_a_draft_code_and_its_words_under_any_name_are_one_amount(text):
    """A name we know no noun of ("zorks"): figures and words are still one amount."""
    (money,) = find_money(text, "en", learn_currencies([_TVT], "en"))
    assert (money.amount, money.words_amount, money.mismatch) == (2500000, 2500000, False)


@pytest.mark.parametrize(
    "text",
    ["TVT 2,500,000 (two per cent of the budget)", "two per cent of its budget (TVT 2,500,000)"],
)
def test_a_small_number_in_words_beside_a_draft_code_is_no_amount_in_words(text):
    (money,) = find_money(text, "en", learn_currencies([_TVT], "en"))
    assert money.words_amount is None and not money.mismatch


# -- currencies a draft defines for itself, and tables ----------------------------------------


@pytest.mark.parametrize("language, text, expected", CASES["draft_currencies"], ids=str)
def test_draft_currencies(language, text, expected):
    assert sorted(learn_currencies([text], language)) == expected


def test_a_code_defined_in_one_paragraph_is_read_in_another():
    paragraphs = [
        "In this Partnership, amounts of Valdoria are in Valdorian marks (VDM).",
        "In 2027 the Government of Valdoria intends to provide VDM 2,600,000.",
    ]
    assert find_money(paragraphs[1], "en") == []  # the paragraph alone defines nothing
    own = learn_currencies(paragraphs, "en")
    assert list(own) == ["VDM"]
    (money,) = find_money(paragraphs[1], "en", own)
    assert (money.amount, money.currency) == (Decimal(2600000), "VDM")
    (found,) = find_contributions(paragraphs[1], "en", currencies=own)
    assert (found.party, found.money.currency) == ("partner", "VDM")


@pytest.mark.parametrize("language, text, currencies, expected", CASES["currency_notes"], ids=str)
def test_currency_notes(language, text, currencies, expected):
    note = currency_note(text, language, currencies)
    if expected is None:
        assert note is None
    else:
        assert (note.currency, note.unit) == (expected[0], Decimal(expected[1]))


@pytest.mark.parametrize(
    "cell, language, header, amount, currency",
    [
        ("1,150,000", "en", "United States (USD)", "1150000", "USD"),
        (" 1 100 000 ", "fr", "États-Unis (USD)", "1100000", "USD"),
        ("2.400", "es", "Merina (en miles de bolivianos)", "2400000", "BOB"),
        ("1.5", "en", "USD millions", "1500000", "USD"),
        ("—", "en", "United States (USD)", None, None),
        ("Program 1", "en", "United States (USD)", None, None),
    ],
)
def test_bare_amounts_take_the_currency_of_their_header(cell, language, header, amount, currency):
    money = bare_amount(cell, language, currency_note(header, language))
    if amount is None:
        assert money is None
    else:
        assert (money.amount, money.currency) == (Decimal(amount), currency)
        assert cell[money.start : money.end] == money.text


# -- parties and contributions -------------------------------------------------------------


@pytest.mark.parametrize("case", CASES["contributions"], ids=lambda c: c["id"])
def test_contribution_case(case):
    found = find_contributions(case["text"], case["language"], case["partner"])
    got = [(c.party, c.money.text) for c in found]
    assert len(found) == len(case["expected"]), f"found {got}"
    for contribution, expected in zip(found, case["expected"], strict=True):
        expected = dict(expected)
        assert contribution.party == expected.pop("party"), f"found {got}"
        _check_money(contribution.money, expected, f"found {got}")


@pytest.mark.parametrize("case", CASES["parties"], ids=lambda c: c["id"])
def test_party_case(case):
    found = find_party_mentions(case["text"], case["language"])
    assert [[m.party, m.text] for m in found] == case["expected"]
    for mention in found:
        assert case["text"][mention.start : mention.end] == mention.text


@pytest.mark.parametrize("language, text, expected", CASES["partner_name"], ids=str)
def test_partner_name(language, text, expected):
    assert partner_name([text], language) == expected


@pytest.mark.parametrize("language, cells, partner, expected", CASES["columns"], ids=str)
def test_attribute_columns(language, cells, partner, expected):
    assert attribute_columns(cells, language, partner) == expected


@pytest.mark.skipif(not SEEDS.is_dir(), reason="the seed documents are not on this machine")
def test_the_seed_documents_themselves():
    def contributions(prefix: str):
        (path,) = SEEDS.glob(f"{prefix}_*.txt")
        found = find_contributions(path.read_text("utf-8"), "en")
        return [(c.party, str(c.money.amount), c.money.currency, c.money.qualifier) for c in found]

    assert contributions("000") == [("US", "5000000", "USD", "up to")]
    assert contributions("001") == [("US", "9600000", "USD", None)]
    assert contributions("002") == [
        ("partner", "8000000", "PEN", "at least"),
        ("US", "5000000", "USD", None),
    ]


def test_the_bundled_drafts_yield_the_spec_figures():
    """Each golden English text (tests/golden) carries the spec's financial plan: every
    year's and program's amounts, attributed to the right government, and the totals."""
    for spec_path in sorted((ROOT / "examples").glob("*.yaml")):
        spec = yaml.safe_load(spec_path.read_text("utf-8"))
        golden = ROOT / "tests" / "golden" / f"{spec_path.stem}-sequential-us.txt"
        english = golden.read_text("utf-8").split("\nArtículo 1\n")[0].split("\nArticle 1er")[0]
        found = find_contributions(english, "en")
        got = {(c.party, c.money.amount, c.money.currency) for c in found}
        currencies = spec["currencies"]
        plan = spec["financial_plan"]["years"]
        for party, key in (("US", "us"), ("partner", "partner")):
            amounts = [year[key] for year in plan] + [p["funding"][key] for p in spec["programs"]]
            amounts.append(sum(year[key] for year in plan))
            for amount in amounts:
                item = (party, Decimal(amount), currencies[key])
                assert item in got, f"{spec_path.stem}: {item} not among {sorted(got)}"
        assert all(c.party in ("US", "partner") for c in found), spec_path.stem


# -- the pipelines ---------------------------------------------------------------------------


def test_pipelines_are_blank_languages_with_our_components():
    # French runs on the multi-language tokenizer (spaCy's French one costs ~5 s to load).
    for language, lang in (("en", "en"), ("es-PE", "es"), ("FR", "xx"), ("pt", "xx")):
        nlp = load_pipeline(language)
        assert nlp.lang == lang
        assert nlp.pipe_names == ["sentencizer", "cpc_ruler", "cpc_ruler_exact", "cpc_money"]
        assert not nlp.meta.get("vectors", {}).get("width")
    assert load_pipeline("en") is load_pipeline("en")
    french = [t.text for t in load_pipeline("fr").make_doc("quatre-vingts millions d'euros")]
    assert french == ["quatre-vingts", "millions", "d'", "euros"]


def test_each_tokenizer_is_built_once_with_our_rules_and_keeps_abbreviations():
    # Built from our registered function, not rebuilt after spacy.blank: changing a
    # tokenizer's rules reloads its special cases (a quarter of building English).
    for language in ("en", "es", "fr"):
        tokenizer = load_pipeline(language).config["nlp"]["tokenizer"]
        assert tokenizer == {"@tokenizers": "cpc_draft.Tokenizer.v1", "language": language}
    english = load_pipeline("en").make_doc("The U.S. pays US$5,000,000 and S/8,000,000 by 9 a.m.")
    assert [t.text for t in english] == [
        "The", "U.S.", "pays", "US$", "5,000,000", "and", "S/", "8,000,000", "by", "9", "a.m.",
    ]  # fmt: skip


def test_the_ruler_marks_money_candidates_qualifiers_and_parties():
    doc = load_pipeline("en")("The TIP Office anticipates providing up to $5 million.")
    labels = {(span.label_, span.text, span.id_) for span in doc.spans["cpc"]}
    assert ("PARTY", "The TIP Office", "US") in labels
    assert ("QUAL", "up to", "up to") in labels
    assert ("CUR_SYMBOL", "$", "USD") in labels
    assert [str(m.amount) for m in doc._.cpc_money] == ["5000000"]
    assert len(list(doc.sents)) == 1


@pytest.mark.parametrize("language", ["en", "es", "fr", "xx"])
def test_pattern_files_are_valid_span_ruler_patterns(language):
    import spacy

    patterns = file_patterns(language)
    assert patterns and all(set(p) == {"label", "pattern", "id"} for p in patterns)
    nlp = spacy.blank(language)
    ruler = nlp.add_pipe("span_ruler", config={"validate": True})
    ruler.add_patterns(patterns)  # raises on an invalid pattern


def test_an_installed_model_adds_its_entities(tmp_path):
    import spacy

    trained = spacy.blank("en")
    trained.add_pipe("entity_ruler").add_patterns([{"label": "GPE", "pattern": "Peru"}])
    trained.to_disk(tmp_path / "tiny")
    nlp = load_pipeline("en", model=str(tmp_path / "tiny"))
    doc = nlp("Peru pledged at least eight million soles.")
    assert [(e.text, e.label_) for e in doc.ents] == [("Peru", "GPE")]
    assert [str(m.amount) for m in doc._.cpc_money] == ["8000000"]
    found = find_contributions(
        "Peru pledged PEN 8,000,000.", "en", "Peru", model=str(tmp_path / "tiny")
    )
    assert [(c.party, str(c.money.amount)) for c in found] == [("partner", "8000000")]


def test_importing_cpc_draft_does_not_import_spacy():
    code = (
        "import sys, cpc_draft, cpc_draft.model\n"
        "import cpc_draft.assemble.formatting, cpc_draft.assemble.wording\n"
        "import cpc_draft.nlp, cpc_draft.nlp.values, cpc_draft.nlp.lexicon\n"
        "import cpc_draft.nlp.numbers, cpc_draft.nlp.runs\n"
        "from cpc_draft.nlp import Money, AttributedMoney\n"
        "print(json.dumps('spacy' in sys.modules))"
    )
    out = subprocess.run(
        [sys.executable, "-c", "import json\n" + code], capture_output=True, text=True, check=True
    )
    assert json.loads(out.stdout) is False


# -- speed probe (prints; never fails on time) -------------------------------------------------


def _corpus(words: int = 50_000) -> str:
    texts = [p.read_text("utf-8") for p in sorted((ROOT / "tests" / "golden").glob("*-us.txt"))]
    texts.append((ROOT / "examples" / "received" / "jamaica-draft.txt").read_text("utf-8"))
    out, count = [], 0
    while count < words:
        for text in texts:
            out.append(text)
            count += len(text.split())
            if count >= words:
                break
    return "\n".join(out)


def test_speed_probe(capsys):
    text = _corpus()
    words = len(text.split())
    lines = []
    for language in ("en", "es", "fr", "xx"):
        load_pipeline(language)
        find_money(text[:20_000], language)  # warm the vocabulary a little, not fully
        forget_docs()  # parse every time: the cache of Docs would measure remembering
        start = time.perf_counter()
        found = find_money(text, language)
        first = time.perf_counter() - start
        forget_docs()
        start = time.perf_counter()
        find_money(text, language)
        second = time.perf_counter() - start
        forget_docs()
        start = time.perf_counter()
        contributions = find_contributions(text, language)
        third = time.perf_counter() - start
        lines.append(
            f"nlp {language}: {words:,} words, {len(found)} amounts; find_money "
            f"{words / first:,.0f} words/s (first pass), {words / second:,.0f} words/s "
            f"(warm); find_contributions {words / third:,.0f} words/s "
            f"({len(contributions)} contributions)"
        )
        assert found
    with capsys.disabled():
        print("\n" + "\n".join(lines))
