"""What marks a heading in the text itself, whatever format the draft came in."""

from __future__ import annotations

import re

# "Article 3", "ARTICLE III", "Artículo 3", "Article premier", "Art. 3"
ARTICLE_HEADING = re.compile(
    r"^(article|artículo|articulo|artigo|art\.)\s+([0-9]+|[ivxlc]+|premier|primero)\b",
    re.IGNORECASE,
)
