"""A numbered heading stacked right under its article's heading ("4. Roles and
Responsibilities" then "4.1 Government of X") opens the article's first part; the next
part ("4.2 Government of the United States") comes after text and names no element of
its own, and is still in the article: the outer heading's number is its parent. Short
drafts written for this test (fictional partner Dravonia)."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from cpc_draft.cli import main
from cpc_draft.model import HEADING, PARAGRAPH, TextBlock
from cpc_draft.text.sections import split_sections

EN = """MEMORANDUM OF UNDERSTANDING

between the Government of the United States of America and the Government of Dravonia

3. Roles and Responsibilities

3.1 Government of Dravonia

3.1.1 The Ministry of the Interior will create a child trafficking unit of 20 officers by 2027.

3.1.2 Dravonia will open two shelters for child victims in the capital and fund their staff.

3.2 Government of the United States

3.2.1 The United States, through the TIP Office, intends to fund partners to run the programs.

3.2.2 The TIP Office will provide technical assistance on victim identification to the police.
"""

ES = """MEMORANDO DE ENTENDIMIENTO

entre el Gobierno de los Estados Unidos de América y el Gobierno de Dravonia

3. Funciones y responsabilidades

3.1 Gobierno de Dravonia

3.1.1 El Ministerio del Interior creará una unidad contra la trata de niños con 20 agentes en 2027.

3.1.2 Dravonia abrirá dos albergues para niños víctimas en la capital y pagará a su personal.

3.2 Gobierno de los Estados Unidos

3.2.1 Los Estados Unidos, por medio de la Oficina TIP, tienen la intención de financiar a socios.

3.2.2 La Oficina TIP brindará asistencia técnica sobre identificación de víctimas a la policía.
"""

FR = """PROTOCOLE D'ACCORD

entre le Gouvernement des États-Unis d'Amérique et le Gouvernement de la Dravonie

3. Rôles et responsabilités

3.1 Gouvernement de la Dravonie

3.1.1 Le ministère de l'Intérieur créera une unité contre la traite des enfants en 2027.

3.1.2 La Dravonie ouvrira deux foyers pour les enfants victimes et paiera leur personnel.

3.2 Gouvernement des États-Unis

3.2.1 Les États-Unis, par l'intermédiaire du Bureau TIP, entendent financer des partenaires.

3.2.2 Le Bureau TIP fournira une assistance technique sur l'identification des victimes à la police.
"""


@pytest.mark.parametrize(
    ("language", "outer", "inner", "second"),
    [
        ("en", "3. Roles and Responsibilities", "3.1 Government of X", "3.2 Government of Y"),
        ("es", "3. Funciones y responsabilidades", "3.1 Gobierno de X", "3.2 Gobierno de Y"),
        ("fr", "3. Rôles et responsabilités", "3.1 Gouvernement de X", "3.2 Gouvernement de Y"),
    ],
)
def test_the_second_part_of_an_article_is_in_the_article(language, outer, inner, second):
    texts = [(HEADING, outer), (HEADING, inner), (PARAGRAPH, "a"), (HEADING, second)]
    blocks = tuple(
        TextBlock(index=i, kind=kind, text=text, language=language)
        for i, (kind, text) in enumerate([*texts, (PARAGRAPH, "b")])
    )
    assert [s.key for s in split_sections(blocks)] == ["responsibilities", "responsibilities"]


@pytest.mark.parametrize(("name", "text"), [("mou.txt", EN), ("mde.txt", ES), ("pda.txt", FR)])
def test_duties_in_the_second_part_are_in_the_article(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, "utf-8")
    result = CliRunner().invoke(main, ["check", str(path), "--format", "json"])
    element = json.loads(result.output)["documents"][0]["elements"]["B"]
    assert element["status"] == "present", element["reason"]
