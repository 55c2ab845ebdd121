"""German language data (see :mod:`consistency.lang`). Entries are regular-expression fragments."""

BACKGROUND = (
    r"(?:im\s+)?(?:vergangenen|letzten|vorigen|vorletzten)\s+(?:Jahr|Winter|Sommer|Herbst|Frühling|Frühjahr|Saison|Jahrzehnt)",
    r"(?:im\s+)?Vorjahr(?:es)?", r"Vorjahres\w*", r"vor\s+(?:einem|zwei|drei|vier|fünf|zehn|\d+)\s+Jahr(?:en)?",
    r"damals", r"seinerzeit", r"bisher\s+(?:höchste|größte|schwerste|teuerste|tiefste)\w*",
    r"bisherige\w*\s+Rekord\w*", r"alte[nr]?\s+Rekord\w*", r"Vorjahresrekord\w*", r"früher\w*\s+(?:Angriff|Unglück|Fall|Vorfall|Unfall)\w*",
    r"zuletzt\s+im\s+Jahr", r"(?:schon|bereits)\s+(?:im\s+Jahr|\d{4})",
)

QUALIFIERS = {
    "limit": (r"Grenzwert\w*", r"Obergrenze\w*", r"Höchstwert\w*", r"zulässig\w*", r"erlaubt\w*", r"Richtwert\w*",
              r"Höchstgeschwindigkeit", r"maximal\s+zulässig\w*"),
    "total": (r"insgesamt", r"Gesamt\w*", r"seit\s+Beginn", r"seit\s+Anfang", r"bislang\s+insgesamt",
              r"kumuliert\w*", r"in\s+der\s+gesamten?", r"Jahresbilanz", r"im\s+ganzen\s+Jahr"),
    "rate": (r"pro\s+(?:Tag|Woche|Monat|Jahr|Stunde|Kopf|Einwohner)", r"je\s+(?:Tag|Woche|Monat|Jahr)",
             r"täglich\w*", r"wöchentlich\w*", r"monatlich\w*", r"jährlich\w*", r"an\s+einem\s+(?:einzigen\s+)?Tag",
             r"binnen\s+(?:eines|24)\s+\w+", r"innerhalb\s+(?:eines|von\s+24)\s+\w+", r"allein\s+am\s+\w+",
             r"in\s+der\s+(?:vergangenen|letzten)\s+Woche", r"Tagesmittel\w*", r"Wochen\w*"),
    "estimate": (r"ursprünglich\w*", r"geplant\w*", r"veranschlagt\w*", r"zunächst", r"anfangs",
                 r"erwartet\w*", r"prognostiziert\w*", r"Prognose\w*", r"Ziel\w*", r"angestrebt\w*"),
    "subset": (r"davon", r"darunter", r"unter\s+ihnen", r"schwer\s*verletzt\w*", r"Schwerverletzte\w*",
               r"lebensgefährlich\w*", r"leicht\s*verletzt\w*", r"Leichtverletzte\w*"),
    "insured": (r"versichert\w*",),
    "capacity": (r"an\s+Bord", r"Kapazität\w*", r"fasst", r"fassen", r"Platz\s+für", r"Plätze\w*", r"geladen\w*"),
}

REVISION = (
    r"stieg\s+(?:auf|inzwischen|mittlerweile)", r"ist\s+(?:auf|inzwischen)\s+\S+\s+gestiegen",
    r"erhöhte\s+sich", r"korrigiert\w*", r"nach\s+oben\s+korrigiert", r"inzwischen", r"mittlerweile",
    r"nach\s+neuesten\s+Angaben", r"aktualisiert\w*", r"neue[nr]?\s+Angaben",
)

ZERO_COUNT = (
    r"niemand\s+(?:wurde|ist|sei|kam)", r"keine\s+(?:Verletzten|Toten|Todesopfer|Opfer)",
    r"kein\s+Mensch", r"keiner\s+der",
)

#: Nouns that an ordinal makes into a name ("2. Weltkrieg", "21. Jahrhundert"): never a fact to compare.
ORDINAL_NAMES = (r"\w*Weltkrieg\w*", r"Jahrhundert\w*", r"Jahrtausend\w*", r"Reich\w*", r"Republik\w*",
                 r"Bundesliga\w*", r"Liga\w*", r"Parteitag\w*", r"Legislaturperiode\w*")
