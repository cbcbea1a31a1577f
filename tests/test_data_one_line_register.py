"""A data article of one short sentence that only names a register ("Corvania will keep
a register of the cases it handles") says nothing of how the data are collected,
tracked and managed: G is partial. A sentence as short that says what is done with the
data, or a longer article describing the register, is still present. Each draft was
written for these tests (fictional partner Corvania), checked with `cpc-draft check`."""

from __future__ import annotations

import pytest
from check_status import element_status

DRAFT = {
    "en": (
        "Article 1. Purpose\n\nThe Government of the United States of America and the "
        "Government of the Republic of Corvania intend to cooperate against the trafficking "
        "of children.\n\nArticle 2. Case register\n\n{data}\n\nArticle 3. Final provisions\n\n"
        "This Partnership takes effect on signature.\n"
    ),
    "es": (
        "Artículo 1. Objeto\n\nEl Gobierno de los Estados Unidos de América y el Gobierno de la "
        "República de Corvania tienen la intención de cooperar contra la trata de niñas y "
        "niños.\n\nArtículo 2. Registro de casos\n\n{data}\n\nArtículo 3. Disposiciones "
        "finales\n\nEsta Alianza surte efecto a la firma.\n"
    ),
    "fr": (
        "Article 1. Objet\n\nLe Gouvernement des États-Unis d'Amérique et le Gouvernement de "
        "la République de Corvania ont l'intention de coopérer contre la traite des enfants."
        "\n\nArticle 2. Registre des cas\n\n{data}\n\nArticle 3. Dispositions finales\n\n"
        "Le présent Partenariat prend effet à la signature.\n"
    ),
}
NAMED_ONLY = {
    "en": "Corvania will keep a register of the child trafficking cases it handles.",
    "es": "Corvania llevará un registro de los casos de trata de niños que atienda.",
    "fr": "La Corvania tiendra un registre des cas de traite d'enfants qu'elle traite.",
}
DESCRIBED = {
    "en": "Corvania will keep a register of child trafficking cases; each case will be "
    "recorded in the register with a unique case number when the child is identified, "
    "updated at every referral and consolidated each quarter by the Ministry.",
    "es": "Corvania llevará un registro de los casos de trata de niños: cada caso se registrará "
    "con un número único al identificarse al niño, se actualizará en cada derivación y será "
    "consolidado cada trimestre por el Ministerio de Asuntos Sociales.",
    "fr": "La Corvania tiendra un registre des cas de traite d'enfants : chaque cas sera "
    "enregistré sous un numéro unique dès l'identification de l'enfant, mis à jour à chaque "
    "orientation et les données seront consolidées chaque trimestre par le Ministère.",
}


@pytest.mark.parametrize("language", sorted(DRAFT))
def test_a_register_named_in_one_line_is_partial(tmp_path, language):
    text = DRAFT[language].format(data=NAMED_ONLY[language])
    assert element_status(tmp_path, text, "G") == "partial"


@pytest.mark.parametrize("language", sorted(DRAFT))
def test_a_register_described_is_present(tmp_path, language):
    text = DRAFT[language].format(data=DESCRIBED[language])
    assert element_status(tmp_path, text, "G") == "present"
