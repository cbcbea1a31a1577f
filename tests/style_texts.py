"""The words of the style factory's compact in Spanish and French (tests/style_factory.py
holds the English). Written for these tests: a fictional partner, our own wording, the
same facts in every language (four years, three programs, the same amounts, three
indicators), so that each language's draft must give the same review in every file form.
"""

from __future__ import annotations

HEADING, PARA, ITEM, TABLE = "heading", "para", "item", "table"

SPANISH = {
    "title": "ASOCIACIÓN DEL PACTO DE PROTECCIÓN INFANTIL",
    "opening": "El Gobierno de los Estados Unidos de América y el Gobierno de la República de "
    "Norlandia (los Participantes) han llegado al siguiente entendimiento:",
    "titles": [
        "Objeto",
        "Duración",
        "Objetivos",
        "Responsabilidades de los Participantes",
        "Programas y financiamiento",
        "Indicadores de resultado",
        "Plan financiero plurianual y supervisión",
        "Sostenibilidad",
        "Datos de protección infantil",
        "Naturaleza de esta Asociación",
    ],
    "ordinals": [
        "PRIMERA", "SEGUNDA", "TERCERA", "CUARTA", "QUINTA",
        "SEXTA", "SÉPTIMA", "OCTAVA", "NOVENA", "DÉCIMA",
    ],
    "articles": [
        [
            (PARA, "El objeto de esta Asociación es fortalecer los esfuerzos de la República "
             "de Norlandia para enjuiciar a los tratantes de niños, proteger a los niños "
             "víctimas y prevenir la trata de niños en las provincias del norte y en la "
             "capital."),
        ],
        [
            (PARA, "La Asociación tiene la intención de abarcar cuatro años, del 1 de enero "
             "de 2026 al 31 de diciembre de 2029."),
        ],
        [
            (PARA, "Durante la vigencia, los Participantes esperan alcanzar los siguientes "
             "objetivos específicos:"),
            (ITEM, "a) más investigaciones, enjuiciamientos y condenas de tratantes de niños;"),
            (ITEM, "b) la identificación de los niños víctimas y su remisión a una atención "
             "especializada;"),
            (ITEM, "c) la prevención comunitaria en las provincias del norte;"),
            (ITEM, "d) un registro nacional único de casos de trata de niños."),
        ],
        [
            (PARA, "El Gobierno de la República de Norlandia tiene la intención de:"),
            (ITEM, "a) dirigir la ejecución de la Asociación por medio de su Ministerio de "
             "Justicia;"),
            (ITEM, "b) asignar doce fiscales a la unidad especializada en trata de niños;"),
            (PARA, "El Gobierno de los Estados Unidos de América, por medio del Departamento "
             "de Estado, tiene la intención de:"),
            (ITEM, "a) financiar los programas descritos en esta Asociación por medio de "
             "socios ejecutores;"),
            (ITEM, "b) prestar asistencia técnica a la unidad especializada y a los "
             "trabajadores sociales."),
        ],
        [
            (PARA, "Los Participantes tienen la intención de emprender los siguientes "
             "programas, con el financiamiento que cada gobierno tiene la intención de "
             "asignarles:"),
            (TABLE, [
                ["Programa", "Estados Unidos (USD)", "Norlandia (USD)"],
                ["Justicia para la niñez", "1.500.000", "600.000"],
                ["Atención y recuperación", "2.000.000", "900.000"],
                ["Prevención comunitaria", "1.500.000", "500.000"],
            ]),
        ],
        [
            (PARA, "Los Participantes tienen la intención de medir el avance con los "
             "siguientes indicadores de resultado:"),
            (TABLE, [
                ["Indicador", "Línea de base (2025)", "Meta 2027", "Meta 2029"],
                ["Número de casos de trata de niños enjuiciados", "20", "35", "50"],
                ["Porcentaje de niños víctimas remitidos a atención", "40 %", "60 %", "80 %"],
                ["Número de comités comunitarios de protección", "5", "15", "30"],
            ]),
        ],
        [
            (PARA, "Las contribuciones estimadas de los dos gobiernos son las siguientes:"),
            (TABLE, [
                ["Año", "Estados Unidos (USD)", "Norlandia (USD)"],
                ["2026", "1.500.000", "500.000"],
                ["2027", "1.500.000", "500.000"],
                ["2028", "1.200.000", "500.000"],
                ["2029", "800.000", "500.000"],
                ["Total", "5.000.000", "2.000.000"],
            ]),
            (PARA, "Se prevé que un comité directivo conjunto supervise el plan financiero, "
             "examine informes financieros trimestrales y encargue una auditoría "
             "independiente cada año."),
        ],
        [
            (PARA, "Para mantener el avance después de que la Asociación expire, el Gobierno "
             "de Norlandia tiene la intención de incluir la unidad especializada y el "
             "registro de casos en su presupuesto nacional a partir de 2030 y de adoptar una "
             "estrategia nacional de protección infantil antes del fin de la vigencia."),
        ],
        [
            (PARA, "El Gobierno de Norlandia tiene la intención de establecer un sistema "
             "nacional de gestión de casos de trata de niños, en el que cada caso se registre "
             "con un número único, se siga desde la identificación hasta el cierre y se "
             "informe cada trimestre para la gestión de casos y la planificación de "
             "políticas."),
        ],
        [
            (PARA, "Esta Asociación es una expresión no vinculante de las intenciones de los "
             "Participantes y no crea derechos ni obligaciones jurídicamente vinculantes en "
             "virtud del derecho internacional ni del derecho interno."),
        ],
    ],
    "closing": [
        "Hecho en Port Adler, en duplicado, el 3 de marzo de 2026, en idioma español.",
        "POR EL GOBIERNO DE LOS ESTADOS UNIDOS DE AMÉRICA",
        "POR EL GOBIERNO DE LA REPÚBLICA DE NORLANDIA",
    ],
}  # fmt: skip

NBSP, NNBSP = "\u00a0", "\u202f"

FRENCH = {
    "title": "PARTENARIAT DU PACTE DE PROTECTION DE L’ENFANCE",
    "opening": "Le Gouvernement des États-Unis d’Amérique et le Gouvernement de la République "
    "du Norland (les Participants) sont parvenus à l’entente suivante" + NBSP + ":",
    "titles": [
        "Objet",
        "Durée",
        "Objectifs",
        "Responsabilités des Participants",
        "Programmes et financement",
        "Indicateurs de résultat",
        "Plan financier pluriannuel et contrôle",
        "Pérennité",
        "Données de protection de l’enfance",
        "Nature du présent Partenariat",
    ],
    "articles": [
        [
            (PARA, "Le présent Partenariat a pour objet de renforcer les efforts de la "
             "République du Norland pour poursuivre les trafiquants d’enfants, protéger les "
             "enfants victimes et prévenir la traite des enfants dans les provinces du nord "
             "et dans la capitale."),
        ],
        [
            (PARA, "Le Partenariat est censé couvrir quatre ans, du 1er janvier 2026 au "
             "31 décembre 2029."),
        ],
        [
            (PARA, "Pendant la durée du Partenariat, les Participants comptent atteindre "
             "les objectifs spécifiques suivants" + NBSP + ":"),
            (ITEM, "a) davantage d’enquêtes, de poursuites et de condamnations de "
             "trafiquants d’enfants" + NBSP + ";"),
            (ITEM, "b) l’identification des enfants victimes et leur orientation vers une "
             "prise en charge spécialisée" + NBSP + ";"),
            (ITEM, "c) la prévention communautaire dans les provinces du nord" + NBSP + ";"),
            (ITEM, "d) un registre national unique des affaires de traite des enfants."),
        ],
        [
            (PARA, "Le Gouvernement de la République du Norland entend" + NBSP + ":"),
            (ITEM, "a) diriger la mise en œuvre du Partenariat par l’intermédiaire de son "
             "ministère de la Justice" + NBSP + ";"),
            (ITEM, "b) affecter douze procureurs à l’unité spécialisée dans la traite des "
             "enfants" + NBSP + ";"),
            (PARA, "Le Gouvernement des États-Unis d’Amérique, par l’intermédiaire du "
             "Département d’État, entend" + NBSP + ":"),
            (ITEM, "a) financer les programmes décrits dans le présent Partenariat par "
             "l’intermédiaire de partenaires d’exécution" + NBSP + ";"),
            (ITEM, "b) fournir une assistance technique à l’unité spécialisée et aux "
             "travailleurs sociaux."),
        ],
        [
            (PARA, "Les Participants entendent mener les programmes suivants, avec le "
             "financement que chaque gouvernement entend leur consacrer" + NBSP + ":"),
            (TABLE, [
                ["Programme", "États-Unis (USD)", "Norland (USD)"],
                ["Justice pour les enfants", f"1{NNBSP}500{NNBSP}000", f"600{NNBSP}000"],
                ["Prise en charge et rétablissement", f"2{NNBSP}000{NNBSP}000",
                 f"900{NNBSP}000"],
                ["Prévention communautaire", f"1{NNBSP}500{NNBSP}000", f"500{NNBSP}000"],
            ]),
        ],
        [
            (PARA, "Les Participants entendent mesurer les progrès à l’aide des indicateurs "
             "de résultat suivants" + NBSP + ":"),
            (TABLE, [
                ["Indicateur", "Valeur de référence (2025)", "Cible 2027", "Cible 2029"],
                ["Nombre d’affaires de traite des enfants poursuivies", "20", "35", "50"],
                ["Pourcentage d’enfants victimes orientés vers une prise en charge",
                 f"40{NBSP}%", f"60{NBSP}%", f"80{NBSP}%"],
                ["Nombre de comités communautaires de protection", "5", "15", "30"],
            ]),
        ],
        [
            (PARA, "Les contributions estimées des deux gouvernements sont les "
             "suivantes" + NBSP + ":"),
            (TABLE, [
                ["Année", "États-Unis (USD)", "Norland (USD)"],
                ["2026", f"1{NNBSP}500{NNBSP}000", f"500{NNBSP}000"],
                ["2027", f"1{NNBSP}500{NNBSP}000", f"500{NNBSP}000"],
                ["2028", f"1{NNBSP}200{NNBSP}000", f"500{NNBSP}000"],
                ["2029", f"800{NNBSP}000", f"500{NNBSP}000"],
                ["Total", f"5{NNBSP}000{NNBSP}000", f"2{NNBSP}000{NNBSP}000"],
            ]),
            (PARA, "Un comité de pilotage conjoint est censé superviser le plan financier, "
             "examiner des rapports financiers trimestriels et commander un audit "
             "indépendant chaque année."),
        ],
        [
            (PARA, "Pour maintenir les progrès après l’expiration du Partenariat, le "
             "Gouvernement du Norland entend inscrire l’unité spécialisée et le registre "
             "des affaires à son budget national à partir de 2030 et adopter une stratégie "
             "nationale de protection de l’enfance avant la fin de la durée du "
             "Partenariat."),
        ],
        [
            (PARA, "Le Gouvernement du Norland entend mettre en place un système national "
             "de gestion des affaires de traite des enfants, dans lequel chaque affaire est "
             "enregistrée sous un numéro unique, suivie de l’identification à la clôture et "
             "signalée chaque trimestre aux fins de la gestion des affaires et de la "
             "planification des politiques."),
        ],
        [
            (PARA, "Le présent Partenariat est l’expression non contraignante des intentions "
             "des Participants et ne crée pas de droits ni d’obligations juridiquement "
             "contraignants en vertu du droit international ou du droit interne."),
        ],
    ],
    "closing": [
        "Fait à Port Adler, en double exemplaire, le 3 mars 2026, en langue française.",
        "POUR LE GOUVERNEMENT DES ÉTATS-UNIS D’AMÉRIQUE",
        "POUR LE GOUVERNEMENT DE LA RÉPUBLIQUE DU NORLAND",
    ],
}  # fmt: skip
