"""The opening of the short Doravia drafts several element tests write (fictional
partner Doravia, with its own currency code DRV), in en, es and fr."""

OPENING = {
    "en": 'The Government of the United States of America ("the United States") and the '
    'Government of the Republic of Doravia ("Doravia") set out here a Child Protection '
    "Compact Partnership. DRV means the Doravian real.",
    "es": 'El Gobierno de los Estados Unidos de América ("los Estados Unidos") y el Gobierno '
    'de la República de Doravia ("Doravia") establecen aquí una Alianza para la Protección '
    "de la Niñez. DRV designa el real doraviano.",
    "fr": "Le Gouvernement des États-Unis d'Amérique (« les États-Unis ») et le Gouvernement "
    "de la République de Doravia (« la Doravia ») établissent ici un Partenariat pour la "
    "protection de l'enfance. DRV désigne le réal doravien.",
}
