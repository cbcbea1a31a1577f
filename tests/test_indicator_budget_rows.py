"""A results table may give each line of action's money in a row of its own, under its
indicators: "Budget of line 1 | US: USD 400,000; partner: …", value columns empty. Such a
row is no indicator; an indicator row whose values are still blank is kept. Drafts
written for these tests, in en/es/fr.
"""

from __future__ import annotations

import pytest

from cpc_draft.check.config import Config
from cpc_draft.check.review import review_document
from cpc_draft.readers import read_document

TABLES = {
    "en": """\
Article 4: Lines of action

The Participants intend to follow these lines of action during the term of the Partnership.

| Result | Indicator | Baseline | Target | Lead |
| 1.1 Cases investigated | Investigations opened by the police | 9 (2025) | 25 | Police |
| 1.2 Families are supported | Number of families given cash support | 40 (2025) | 200 | Ministry |
| Budget of line 1 | United States: USD 400,000; Partner: 2,000,000 VLD |  |  |  |
| 1.3 Shelters open | Number of shelter places |  |  | Ministry |
| Funding of line 2 | To be raised |  |  |  |
""",
    "es": """\
Artículo 4. Líneas de acción

Los Participantes se proponen seguir estas líneas de acción durante la vigencia de la Alianza.

| Resultado | Indicador | Línea de base | Meta | Responsable |
| 1.1 Casos investigados | Investigaciones abiertas por la policía | 9 (2025) | 25 | Policía |
| 1.2 Familias apoyadas | Número de familias con apoyo monetario | 40 (2025) | 200 | Ministerio |
| Presupuesto de la línea 1 | Estados Unidos: USD 400.000; Socio: 2.000.000 VLD |  |  |  |
| 1.3 Albergues abiertos | Número de plazas de albergue |  |  | Ministerio |
| Financiamiento de la línea 2 | Por movilizar |  |  |  |
""",
    "fr": """\
Article 4 : Axes d'action

Les Participants entendent suivre ces axes d'action pendant la durée du Partenariat.

| Résultat | Indicateur | Référence | Cible | Responsable |
| 1.1 Cas instruits | Enquêtes ouvertes par la police | 9 (2025) | 25 | Police |
| 1.2 Familles soutenues | Familles recevant une aide | 40 (2025) | 200 | Ministère |
| Budget de l'axe 1 | États-Unis : 400 000 USD ; Partenaire : 2 000 000 VLD |  |  |  |
| 1.3 Les foyers ouvrent | Nombre de places en foyer |  |  | Ministère |
| Financement de l'axe 2 | À mobiliser |  |  |  |
""",
}


@pytest.mark.parametrize("language", ["en", "es", "fr"])
def test_a_budget_row_of_a_results_table_is_no_indicator(tmp_path, language):
    path = tmp_path / f"{language}.txt"
    path.write_text(TABLES[language], "utf-8")
    listed = review_document(read_document(path), Config()).primary.indicators.listed
    assert [(i.baseline, i.targets) for i in listed] == [
        ("9", ("25",)),
        ("40", ("200",)),
        (None, ()),
    ]
