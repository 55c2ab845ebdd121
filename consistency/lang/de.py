"""German language data (see :mod:`consistency.lang`). Entries are regular-expression fragments."""

BACKGROUND = (
    r"(?:einen|einem|zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn|mehreren|\d+)\s+(?:Tag|Woche|Monat|Jahr)\w*\s+(?:zuvor|davor|früher)",
    r"(?:im\s+)?(?:vergangenen|letzten|vorigen|vorletzten)\s+(?:Jahr|Winter|Sommer|Herbst|Frühling|Frühjahr|Saison|Jahrzehnt)",
    r"(?:im\s+)?Vorjahr(?:es)?", r"Vorjahres\w*", r"vor\s+(?:einem|zwei|drei|vier|fünf|zehn|\d+)\s+Jahr(?:en)?",
    r"damals", r"seinerzeit", r"bisher\s+(?:höchste|größte|schwerste|teuerste|tiefste)\w*",
    r"bisherige\w*\s+Rekord\w*", r"alte[nr]?\s+Rekord\w*", r"Vorjahresrekord\w*", r"früher\w*\s+(?:Angriff|Unglück|Fall|Vorfall|Unfall)\w*",
    r"zuletzt\s+im\s+Jahr", r"(?:schon|bereits)\s+(?:im\s+Jahr|\d{4})",
    r"(?:beim|bei\s+dem|vom|zum|dem|den|der|des)\s+letzten\s+(?!(?:Tag|Woche|Monat|Jahr|Stunde|Mal|Minute)\w*\b)\w+",
    r"(?:im\s+)?(?:nächsten|kommenden|folgenden)\s+Jahr", r"nächstes\s+Jahr", r"(?:der|die|das)\s+letzte\s+große\w*",
)

#: eine Zahl in einem an ihr verankerten Qualifikator: der Wert selbst ("#" in seinem Kontext) oder ein Zahlwort
_NUMBER = r"(?:#|zwei|drei|vier|fünf|sechs|sieben|acht|neun|zehn|elf|zwölf)"
#: die Kinder oder Geschwister von jemandem (Qualifikatoren "subset" und "family")
_KIN = r"(?:Kinder|Söhne|Töchter|Enkel\w*|Geschwister|Brüder|Schwestern)"

QUALIFIERS = {
    "limit": (r"Grenzwert\w*", r"Obergrenze\w*", r"Höchstwert\w*", r"zulässig\w*", r"erlaubt\w*", r"Richtwert\w*",
              r"Höchstgeschwindigkeit", r"maximal\s+zulässig\w*"),
    "total": (r"insgesamt", r"Gesamt\w*", r"seit\s+Beginn", r"seither", r"seitdem", r"in\s+dieser\s+Saison", r"seit\s+Anfang", r"bislang\s+insgesamt",
              r"kumuliert\w*", r"in\s+der\s+gesamten?", r"Jahresbilanz", r"im\s+ganzen\s+Jahr"),
    "rate": (r"pro\s+(?:Tag|Woche|Monat|Jahr|Stunde|Kopf|Einwohner|Anklagepunkt)", r"je\s+(?:Tag|Woche|Monat|Jahr|Anklagepunkt)",
             r"täglich\w*", r"wöchentlich\w*", r"monatlich\w*", r"jährlich\w*", r"an\s+einem\s+(?:einzigen\s+)?Tag",
             r"binnen\s+(?:eines|24)\s+\w+", r"innerhalb\s+(?:eines|von\s+24)\s+\w+", r"allein\s+am\s+\w+",
             r"in\s+der\s+(?:vergangenen|letzten)\s+Woche", r"Tagesmittel\w*", r"Wochen\w*"),
    "estimate": (r"ursprünglich\w*", r"veranschlagt\w*", r"zunächst", r"anfangs", r"prognostiziert\w*",
                 r"Prognose\w*", r"angestrebt\w*", r"Zielmarke\w*", r"Spendenziel\w*", r"Zielwert\w*"),
    "change": (r"Steigerung\w*", r"Anstieg\w*", r"Zuwachs\w*", r"Rückgang\w*", r"Zunahme\w*", r"Abnahme\w*",
               r"Plus", r"Minus", r"(?:stieg|stiegen|sank|sanken|fiel|fielen|legte\w*|gab\w*)\s+(?:\w+\s+){0,4}um",
               r"um\s+(?:rund\s+|fast\s+|knapp\s+|mehr\s+als\s+)?#(?:,#)?\s*(?:Prozent\w*|%)"),
    "aggregate": (r"(?:verschiedenen|einzelnen|mehreren|getrennten)\s+(?:Vorfällen|Einsätzen|Unfällen|Schießereien|Angriffen)",
                  r"im\s+ganzen\s+(?:Stadtgebiet|Kreis|Landkreis|Bundesland)", r"stadtweit\w*", r"kreisweit\w*"),
    "world": (r"weltweit\w*", r"global\w*", r"bundesweit\w*", r"landesweit\w*", r"europaweit\w*"),
    "subset": (r"davon", r"darunter", r"unter\s+ihnen", r"unter\s+den\s+(?:\w+\s+)?[A-ZÄÖÜ]\w*",
               r"schwer\s*verletzt\w*", r"Schwerverletzte\w*", r"lebensgefährlich\w*", r"leicht\s*verletzt\w*", r"Leichtverletzte\w*",
               # ein Teil der Kinder einer Familie: "ihre zwei älteren Kinder"
               _NUMBER + r"\s+(?:älteren|jüngeren|ältesten|jüngsten|erwachsenen)\s+" + _KIN),
    # mehr als die genannten: "vier weitere Tiere wurden verletzt" sind nicht die elf toten Schafe
    "additional": (_NUMBER + r"\s+(?:weitere|andere)\w*",
                   r"\b(?:weitere|die\s+anderen|die\s+übrigen)\w*\s+" + _NUMBER + r"(?!\w)"),
    "new": (_NUMBER + r"\s+neue\w*",),
    "insured": (r"versichert\w*",),
    # die Größe einer Familie, keine Zahl des Geschehens: "die Frau, die vier Kinder hat", "Vater von drei Kindern"
    "family": (_NUMBER + r"\s+(?:\w+\s+)?" + _KIN + r"\s+(?:hat|hatte|haben|hatten)\b",
               r"\b(?:hat|hatte|haben|hatten)\s+" + _NUMBER + r"\s+(?:\w+\s+)?" + _KIN + r"\b",
               r"\b(?:Mutter|Vater|Eltern|Großmutter|Großvater)\s+von\s+" + _NUMBER + r"(?!\w)"),
    "bail": (r"Kaution\w*",),
    # the people living somewhere, not the people an event touched ("Auf Flores leben rund zwei Millionen
    # Menschen" is not the 12.500 evacuated)
    "population": (r"Bevölkerung\w*", r"Einwohnerzahl\w*", r"(?<!ums\s)(?<!ihr\s)(?<!sein\s)(?<!das\s)\b(?:leben|lebten|wohnen|wohnten)\b"),
    "capacity": (r"an\s+Bord", r"Kapazität\w*", r"fasst", r"fassen", r"Platz\s+für", r"Plätze\w*", r"geladen\w*"),
}

REVISION = (
    r"stieg\s+(?:auf|inzwischen|mittlerweile)", r"ist\s+(?:auf|inzwischen)\s+\S+\s+gestiegen",
    r"erhöhte\s+sich", r"korrigiert\w*", r"nach\s+oben\s+korrigiert", r"inzwischen", r"mittlerweile",
    r"nach\s+neuesten\s+Angaben", r"aktualisiert\w*", r"neue[nr]?\s+Angaben",
)


#: Nouns that an ordinal makes into a name ("2. Weltkrieg", "21. Jahrhundert"): never a fact to compare.
ORDINAL_NAMES = (r"\w*Weltkrieg\w*", r"Jahrhundert\w*", r"Jahrtausend\w*", r"Reich\w*", r"Republik\w*",
                 r"Bundesliga\w*", r"Liga\w*", r"Parteitag\w*", r"Legislaturperiode\w*")

#: Words between a noun and a year that make the year a name ("Hochwasser von 2005").
YEAR_AS_NAME = (r"von", r"vom\s+Jahr", r"aus\s+dem\s+Jahr")

#: Capitalised words right before a year that say when, not what ("Ende 2025", "Sommer 2027").
NOT_YEAR_NAMES = (r"Ende", r"Anfang", r"Mitte", r"Frühjahr", r"Frühling", r"Sommer", r"Herbst", r"Winter",
                  r"Jahr", r"Jahres", r"Jahresende", r"Jahresbeginn", r"Quartal", r"Saison", r"Spielzeit", r"Stand",
                  r"Seit", r"Bis", r"Ab", r"Im", r"In", r"Von", r"Vom", r"Um", r"Zum", r"Bereits", r"Schon")


#: The end of a clause, where a separable verb leaves its particle ("lehnte den Antrag ab").
_CLAUSE_END = r"(?=\s*(?:[,.;:!?–—)]|\bund\b|\boder\b|$))"


def _separable(verb: str, particle: str, gap: int = 12) -> str:
    """A separable verb with its particle at the end of the clause: "gab ... nach"."""
    return verb + r"\s+(?:[^\s,.;:]+\s+){0," + str(gap) + r"}?" + particle + _CLAUSE_END


#: Antonym pairs: ``"concept:a"`` and ``"concept:b"`` are the two sides; a German and an English
#: statement take opposite sides when one matches side a in its language and the other side b in
#: its own. Entries are regular-expression fragments matched as whole words.
ANTONYMS = {
    "rise:a": (r"(?:an)?gestiegen", r"(?:an)?steigt", r"(?:an)?stieg(?:en)?", r"zugenommen", r"zugelegt", r"verdoppelt",
               r"erhöht(?:e|en)?", _separable(r"nahm(?:en)?", r"zu"), _separable(r"legte(?:n)?", r"zu"),
               _separable(r"stieg(?:en)?", r"an")),
    "rise:b": (r"gesunken", r"sinkt", r"sank(?:en)?", r"abgenommen", r"gesenkt", r"verringert(?:e|en)?", r"halbiert",
               r"zurückgegangen", r"nachgegeben", r"eingebrochen", _separable(r"nahm(?:en)?", r"ab"),
               _separable(r"gab(?:en)?", r"nach"), _separable(r"ging(?:en)?", r"zurück"),
               _separable(r"brach(?:en)?", r"ein")),
    "win:a": (r"gewonnen", r"gewann(?:en)?", r"siegte(?:n)?", r"gesiegt"),
    "win:b": (r"verloren", r"verlor(?:en)?", r"unterlag(?:en)?", r"unterlegen"),
    "approve:a": (r"angenommen", r"zugestimmt", r"genehmigt(?:e|en)?", r"billigte(?:n)?", r"gebilligt",
                  r"befürwortet(?:e|en)?", r"verabschiedet(?:e|en)?", _separable(r"stimmte(?:n)?", r"zu"),
                  r"stimmte(?:n)?\s+(?:[^\s,.;:]+\s+){0,3}?dafür", r"votierte(?:n)?\s+(?:[^\s,.;:]+\s+){0,3}?für"),
    "approve:b": (r"abgelehnt", r"verweigert(?:e|en)?", _separable(r"lehnte(?:n)?", r"ab"),
                  r"stimmte(?:n)?\s+(?:[^\s,.;:]+\s+){0,3}?dagegen", r"stimmte(?:n)?\s+(?:[^\s,.;:]+\s+){0,3}?gegen",
                  r"votierte(?:n)?\s+(?:[^\s,.;:]+\s+){0,3}?gegen"),
    "confirm:a": (r"bestätigt(?:e|en)?",),
    "confirm:b": (r"dementiert(?:e|en)?", r"bestritten", r"bestritt(?:en)?"),
    "sign:a": (r"unterzeichnet(?:e|en)?", r"unterschrieb(?:en)?", r"unterschrieben"),
    "sign:b": (r"gekündigt", r"aufgekündigt", r"zurückgezogen"),
    "arrest:a": (r"festgenommen", r"verhaftet", r"in\s+Gewahrsam", _separable(r"nahm(?:en)?", r"fest")),
    "arrest:b": (r"freigelassen", r"auf\s+freiem\s+Fuß", _separable(r"ließ(?:en)?", r"frei")),
    "guilty:a": (r"schuldig\s+gesprochen", r"verurteilt(?:e|en)?"),
    "guilty:b": (r"freigesprochen", r"Freispruch"),
    "alive:a": (r"lebend", r"überlebt(?:e|en)?", r"am\s+Leben"),
    "alive:b": (r"getötet", r"starb(?:en)?", r"gestorben", r"ums\s+Leben"),
    "allow:a": (r"erlaubt", r"gestattet"),
    "allow:b": (r"verboten", r"untersagt"),
    "open:a": (r"geöffnet", r"öffnete(?:n)?", r"freigegeben", r"befahrbar", r"passierbar"),
    "open:b": (r"geschlossen", r"gesperrt", r"außer\s+Betrieb", r"stillgelegt"),
    "held:a": (r"fand\s+(?:[^\s,.;:]+\s+){0,6}?statt", r"findet\s+(?:[^\s,.;:]+\s+){0,6}?statt", r"stattgefunden",
               r"wie\s+geplant"),
    "held:b": (r"abgesagt", r"sagte(?:n)?\s+(?:[^\s,.;:]+\s+){0,6}?ab" + _CLAUSE_END, r"ausgefallen",
               r"fiel(?:en)?\s+(?:[^\s,.;:]+\s+){0,4}?aus" + _CLAUSE_END, r"verschoben"),
    "succeed:a": (r"gelungen", r"gelang(?:en)?", r"erfolgreich", r"geglückt"),
    "heading:a": (r"von\s+(?:Süden|Sued)\s+nach\s+Norden", r"von\s+Westen\s+nach\s+Osten", r"nordwärts", r"ostwärts",
                  r"in\s+Richtung\s+(?:Küste|Ufer|Strand|Land)", r"auf\s+die\s+(?:Küste|Ufer)\s+zu"),
    "heading:b": (r"von\s+Norden\s+nach\s+(?:Süden|Sued)", r"von\s+Osten\s+nach\s+Westen", r"südwärts", r"westwärts",
                  r"von\s+der\s+Küste\s+weg", r"aufs\s+(?:offene\s+)?Meer\s+hinaus"),
    "succeed:b": (r"gescheitert", r"scheiterte(?:n)?", r"misslungen", r"fehlgeschlagen", r"erfolglos"),
}

#: Pairs of incompatible accounts of how something went or stands, not opposite words: the
#: finding's kind is "statement" (surrendered / was stormed, confirmed / still pending).
ACCOUNTS = {
    "surrender:a": (r"aufgegeben", _separable(r"gab(?:en)?", r"auf"), r"ergab(?:en)?\s+sich", r"stellte(?:n)?\s+sich"),
    "surrender:b": (r"gestürmt", r"stürmte(?:n)?"),
    "verify:a": (r"bestätigt(?:e|en)?", r"nachgewiesen", r"steht\s+fest", r"stand\s+fest"),
    "verify:b": (_separable(r"steh(?:t|en)", r"noch\s+aus", 4), r"stand(?:en)?\s+(?:[^\s,.;:]+\s+){0,4}?noch\s+aus",
                 r"ausstehend", r"noch\s+nicht\s+(?:bestätigt|geklärt|abgeschlossen|nachgewiesen|bekannt)", r"ungeklärt",
                 r"(?:ist|war|bleibt|blieb)\s+(?:noch\s+|weiter\s+|weiterhin\s+)?unklar", r"wird\s+(?:noch\s+)?ermittelt",
                 r"Gegenstand\s+der\s+Ermittlungen"),
    # a cause ruled out against one suspected or not ruled out ("Brandstiftung sei ausgeschlossen" /
    # "schließt Brandstiftung nicht aus", "vermutet Brandstiftung")
    "rule_out:a": (r"(?<!nicht\s)ausgeschlossen", _separable(r"(?:schlie(?:ß|ss)(?:t|en)|schloss(?:en)?)", r"(?<!nicht\s)aus")),
    "rule_out:b": (r"nicht\s+(?:mehr\s+)?ausgeschlossen", r"nicht\s+auszuschließen",
                   _separable(r"(?:schlie(?:ß|ss)(?:t|en)|schloss(?:en)?)", r"nicht\s+aus"), r"vermutet(?:e|en)?",
                   r"Verdacht\s+auf", r"(?:geht|gehen|ging(?:en)?)\s+(?:[^\s,.;:]+\s+){0,3}?von\s+(?:[^\s,.;:]+\s+){0,3}?aus" + _CLAUSE_END),
}


#: Words that tell a change or a later state ("ist inzwischen wieder geöffnet"): an opposite word in
#: another report is the state before or after, not a contradiction.
UPDATE_CUES = (r"wieder", r"inzwischen", r"mittlerweile", r"nicht\s+mehr", r"kein(?:e|en)?\s+mehr",
               r"nun", r"jetzt", r"später", r"zunächst", r"vorübergehend")

#: Words that say a state goes on ("bleibt weiter gesperrt"): such a statement speaks of the same
#: time as a report that the state changed ("wieder freigegeben"), so the two do contradict.
PERSIST_CUES = (r"bleibt", r"bleiben", r"weiterhin", r"nach\s+wie\s+vor", r"noch\s+immer", r"immer\s+noch",
                r"weiter\s+(?:gesperrt|geschlossen|geöffnet|offen)")

#: Words right before a time that make it the time of a report ("teilte am Mittwoch mit").
REPORTING_TIME = (r"(?:sagte|sagten|erklärte|erklärten|teilte|teilten|berichtete|berichteten|bestätigte|bestätigten|"
                  r"meldete|meldeten|kündigte|kündigten|gab|gaben)(?:\s+\w+){0,3}\s+(?:am|an\s+diesem)",)

#: Nouns of family relations: two ages of a "Tochter" and a "Schwester" are ages of two people.
KINSHIP = (r"Tochter", r"Töchter", r"Sohn", r"Söhne", r"Schwester\w*", r"Bruder", r"Brüder", r"Mutter", r"Vater",
           r"Ehefrau", r"Ehemann", r"Frau", r"Mann", r"Freundin", r"Freund", r"Großmutter", r"Großvater",
           r"Oma", r"Opa", r"Enkel\w*", r"Cousin\w*", r"Neffe", r"Nichte", r"Onkel", r"Tante")


#: Counted nouns, as normalised unit keys, that count people (German): a count of them has a role
#: (killed, injured, arrested).
PEOPLE = (
    "mensch", "bewohner", "kind", "arbeiter", "feuerwehrmann", "polizist", "männer", "mann", "frauen", "frau",
    "jugendliche", "jugendlicher", "verdächtige", "tatverdächtige", "täter", "schüler", "passagiere",
    "fahrgäste", "bergleute", "polizisten", "beamte", "patienten", "geiseln", "demonstranten", "insassen",
    "reisende", "reisenden", "rescuer",
)

#: Endings of agent nouns (normalised unit keys) that count people: "Tourengeher", "Bergsteigerin",
#: "Pflegekräfte", "Flüchtlinge", "Radfahrer" (``PEOPLE_ENDINGS``)
PEOPLE_ENDINGS = ("er", "erin", "erinnen", "leute", "kraft", "kräfte", "ling", "linge", "ist", "isten")

#: What happened at a point in time, by the words of the date's clause (see lang/en.py).
EVENTS = {
    "court": (r"verurteil\w*", r"Urteil\w*", r"Prozess\w*", r"Gericht\w*", r"Verhandlung\w*", r"Anklage\w*",
              r"angeklagt", r"Haftrichter\w*"),
    "arrest": (r"festgenommen", r"Festnahme\w*", r"verhaftet", r"Haftbefehl\w*"),
    "release": (r"entlassen", r"freigelassen"),
    "funeral": (r"Beerdigung\w*", r"Trauerfeier\w*", r"beigesetzt", r"Beisetzung\w*"),
    "incident": (r"Schüss\w*", r"Schuss", r"erschoss\w*", r"angeschossen", r"getötet", r"Angriff\w*", r"Anschlag\w*",
                 r"Unfall\w*", r"Unglück\w*", r"Explosion\w*", r"explodiert\w*", r"Brand\w*", r"starb\w*",
                 r"gestorben", r"eingestürzt", r"Einsturz\w*", r"ereignete", r"passierte", r"Tod(?:es)?", r"entgleis\w*", r"Entgleisung\w*",
                 r"Lawine\w*", r"Lawinenabg\w*", r"(?:Erd)?[Bb]eben", r"ums\s+Leben", r"verunglückt\w*",
                 # Katastrophen und Ausstände (see lang/en.py)
                 r"Leck\w*", r"ausgelaufen", r"gesunken", r"Kollision\w*", r"kollidiert\w*", r"Feuer\w*",
                 r"Hochwasser\w*", r"Überschwemmung\w*", r"Erdrutsch\w*", r"Stromausfall\w*", r"Strom\s+fiel",
                 r"auf\s+Grund\s+gelaufen", r"notgelandet", r"Notlandung\w*", r"Streik\w*", r"Warnstreik\w*",
                 r"Ausstand\w*", r"brennt", r"brannte\w*", r"\w+brand", r"\w+feuer",
                 # worüber eine Meldung sonst berichtet (see lang/en.py)
                 r"gestartet", r"abgehoben", r"unterzeichnet", r"geeinigt", r"Einigung\w*", r"verständigt",
                 r"eingeschlagen", r"gelandet", r"gewählt", r"entdeckt", r"geboren", r"zur\s+Welt", r"überfallen",
                 r"Überfall\w*", r"gestürmt", r"evakuiert", r"beschlossen", r"abgestimmt"),
    # der Zustand eines Opfers an einem späteren Tag ("Am Sonntag war ihr Zustand kritisch") datiert nicht den Unfall
    "condition": (r"(?:kritisch|stabil|ernst|lebensbedrohlich)\w*\s+Zustand\w*",
                  r"Zustand\w*\s+(?:(?:ist|sei|war|bleibt|blieb|weiter|weiterhin|noch)\s+){0,2}"
                  r"(?:kritisch|stabil|ernst|lebensbedrohlich)"),
    "briefing": (r"Pressekonferenz\w*", r"Pressemitteilung\w*", r"Medienkonferenz\w*"),
    "rescue": (r"Rettungsarbeit\w*", r"Rettungskräfte", r"Retter(?:n|innen)?", r"Bergungsarbeit\w*",
               r"(?:zweiten|dritten|vierten|fünften)\s+Tag", r"Bergung\w*", r"geborgen"),
}

# Attribution sources as names (report/names.py): words before the name that are not part of it
# ("aus Seoul" -> "Seoul", "seitens der Regierung" -> "die Regierung"), and the genitive articles a
# source after "nach Angaben"/"laut" takes, with their nominative ("des Geheimdienstes" -> "der Geheimdienst").
SOURCE_PREPOSITIONS = ("aus", "von", "vom", "seitens", "bei", "beim")
SOURCE_GENITIVE = {"des": "der", "eines": "ein"}

# How a value reads in a message about a German article (judge.format_value).
VALUE_WORDS = {
    "lower": "mehr als", "at_least": "mindestens", "nearly": "fast", "approx": "rund", "upper": "weniger als",
    "at_most": "bis zu", "between": "zwischen {lo} und {hi}", "no_year": "ohne Jahr",
    "unresolved": "ohne Erscheinungsdatum nicht aufzulösen",
    "months": ("Januar", "Februar", "März", "April", "Mai", "Juni", "Juli", "August", "September", "Oktober",
               "November", "Dezember"),
    "day_month": "{day}. {month}", "thousands": ".", "decimal": ",", "ordinal": "{n}.",
}

#: Prepositions that open a slot of a statement right before its verb ("mit einer Pistole bedroht",
#: "im Erdgeschoss ausgebrochen"): two reports of one event with the same preposition and verb but
#: another noun name another object or place (align/frames.py). German marks nouns by a capital.
SLOT_PREPOSITIONS = ("mit", "im", "in", "ins", "am", "an", "auf", "aus", "vor", "hinter", "unter", "durch",
                     "zum", "zur", "per")

#: German puts the verb (and a denial of it) at the end of a clause: "löste die Alarmanlage nicht
#: aus" denies what the subject before the denial did (align/statements.py).
VERB_FINAL = True


#: Broadcasters' words (see lang/en.py): none of their own in German news.
STATION_WORDS: tuple = ()
#: Words before an emergency number ("die 112 gewählt", "Notruf 110").
EMERGENCY_CALL = (r"Notruf\w*", r"Notrufnummer", r"wählte[n]?", r"rief(?:en)?")
#: Words of a sentence about a gun (see lang/en.py).
GUN_WORDS = (r"Pistolen?", r"Gewehre?", r"Munition", r"Patronen?", r"Kaliber", r"Waffen?", r"Schüsse?", r"Schuss",
             r"geschossen", r"erschossen")
#: Makers (see lang/en.py): the same names in German news.
MAKERS: tuple = ()
#: Words after an age that are no noun of whose age it is (English only: German ages are read
#: by their noun's capital, see extract).
NOT_AGE_NOUNS: tuple = ()


#: Words before a capitalised word that make it a common noun, not a name (German capitalises
#: every noun): articles, determiners, an inflected adjective, a number ("die Polizei", "rund
#: 42.000 Haushalte", "schwere Schäden"); see align/stories.py. An adjective is lower-case
#: ("Präsident Putin" keeps its name), and a preposition such as "über" or "gegen" is none
#: ("über Russland"). Names seldom follow these words ("in Grabow", "Kesselbrunn"); acronyms
#: ("der DVRK") are kept whatever precedes them.
NOUN_MARKERS = (r"der", r"die", r"das", r"den", r"dem", r"des", r"ein", r"eine", r"einen", r"einem", r"einer",
                r"eines", r"im", r"am", r"zum", r"zur", r"beim", r"vom", r"ins", r"ans", r"kein\w*", r"sein\w*",
                r"ihr\w*", r"unser\w*", r"dies\w*", r"jede\w*", r"alle\w*", r"viele\w*", r"beide\w*",
                r"mehrere\w*", r"\d[\d.,]*",
                r"(?-i:(?!(?:über|unter|hinter|oder|aber|wieder|immer|sehr|gegen|zwischen|neben|wegen|außer|seiten"
                r"|bereits|hier|dort|laut|ohne|trotz|gestern|morgen|heute|seit|nahe)\s)[a-zäöüß]+(?:e|en|er|es|em))")
#: Function words that a run-together headline may capitalise mid-sentence: never names.
FUNCTION_WORDS = ("der", "die", "das", "den", "dem", "des", "ein", "eine", "einen", "einem", "einer", "eines",
                  "und", "oder", "aber", "doch", "auch", "nur", "noch", "schon", "wie", "was", "wer", "wo", "warum",
                  "wenn", "als", "dass", "ob", "mit", "von", "vom", "für", "auf", "aus", "bei", "nach", "vor",
                  "über", "unter", "zum", "zur", "nicht", "kein", "keine", "sie", "er", "es", "wir", "ihr", "ich",
                  "sein", "seine", "ihre", "dies", "diese", "dieser", "dieses", "hier", "dort", "jetzt", "heute")
#: German marks a genitive with "s" ("Putins", "Russlands"): one name key for both (align/stories.py).
GENITIVE_S = True
#: Words of a name that name no one in particular ("Klinikum Nord", "Amtsgericht Mitte"): two names
#: sharing one of them are not the same name (align/context.py).
NAME_COMMON_WORDS = ("straße", "strasse", "platz", "polizei", "klinik", "klinikum", "krankenhaus", "kreis", "landkreis",
                     "stadt", "amt", "gericht", "amtsgericht", "landgericht", "bahnhof", "schule", "universität", "nord",
                     "süd", "ost", "west", "neue", "neuen", "deutsche", "deutschen", "bundes", "landes", "mitte",
                     "flughafen", "rathaus", "feuerwehr", "staatsanwaltschaft")


# Cues of a statement (extract/cues.py): the order of each tuple is the order of its alternation.
#: words that deny a statement: negations and denial verbs
NEGATION = (
    r"nicht", r"kein", r"keine", r"keinen", r"keinem", r"keiner", r"keines", r"nie", r"niemals", r"nirgends",
    r"weder", r"nichts", r"niemand", r"niemanden", r"bestritten", r"bestreitet", r"bestreiten", r"bestritt",
    r"dementiert", r"dementierte", r"dementieren", r"zurückgewiesen", r"wies\s+\w+\s+zurück",
    r"abgestritten", r"leugnet", r"leugnete", r"verneint",
)
#: words that hedge a statement: modals, conditionals, "reportedly"
HEDGES = (
    r"könnte", r"könnten", r"möglicherweise", r"vielleicht", r"wahrscheinlich", r"unwahrscheinlich",
    r"vermutlich", r"angeblich", r"mutmaßlich", r"offenbar", r"falls", r"wenn", r"würde", r"würden",
    r"dürfte", r"dürften", r"scheint", r"scheinen",
)
#: verbs of reported speech: "would" after one reports, it does not hedge
REPORTING_VERBS = (
    r"sagte", r"sagten", r"sagt", r"erklärte", r"erklärten", r"kündigte", r"kündigten", r"teilte",
    r"teilten", r"betonte", r"betonten", r"versprach", r"versprachen", r"bestätigte", r"meldete",
    r"berichtete", r"hieß\s+es", r"gab\s+an", r"räumte", r"ankündigte", r"mitteilte",
)
#: words that open a condition: there "would" hedges
CONDITIONALS = (
    r"wenn", r"falls", r"sonst", r"andernfalls", r"ansonsten",
)

# Values (extract/numbers.py).
#: a phrase before a number -> the interval it makes: lower, upper, at_least, at_most, nearly, approx
NUMBER_HEDGES = {
    "mehr als": "lower", "über": "lower", "ueber": "lower", "mindestens": "at_least",
    "wenigstens": "at_least", "fast": "nearly", "beinahe": "nearly", "knapp": "nearly", "nahezu": "nearly",
    "rund": "approx", "etwa": "approx", "ungefähr": "approx", "circa": "approx", "ca.": "approx",
    "zirka": "approx", "gut": "approx", "geschätzt": "approx", "schätzungsweise": "approx",
    "weniger als": "upper", "unter": "upper", "bis zu": "at_most", "höchstens": "at_most",
    "maximal": "at_most",
}
#: "über" before a duration that is the time a thing takes, not "mehr als" ("über sieben Jahre
#: hinweg", "über zehn Jahre verteilt"): the words after the unit that make it so (see lang/en.py)
PERIOD_OVER = {
    "word": r"über|ueber",
    "before": r"(?!)",
    "not_before": r"(?!)",
    "after": r"hinweg|verteilt|gestreckt|gestaffelt",
}
#: number words up to twelve (and the article "ein" as one) -> value, for "zweieinhalb", "drei Dutzend", "drei Viertel"
SMALL_NUMBER_WORDS = {
    "ein": 1, "eine": 1, "einem": 1, "einer": 1, "eines": 1, "zwei": 2, "drei": 3, "vier": 4, "fünf": 5, "sechs": 6,
    "sieben": 7, "acht": 8, "neun": 9, "zehn": 10, "elf": 11, "zwölf": 12,
}
#: words that multiply the number before them ("zweieinhalb Millionen", "ein Dutzend")
LARGE_NUMBER_WORDS = {"tausend": 1e3, "million": 1e6, "millionen": 1e6, "milliarde": 1e9, "milliarden": 1e9, "dutzend": 12}
#: a word before a time of day -> what it makes of it: about, shortly after, shortly before
CLOCK_HEDGES = {
    "gegen": "approx", "etwa": "approx", "ca.": "approx", "circa": "approx", "ungefähr": "approx",
    "kurz nach": "after", "kurz vor": "before",
}
#: vague plurals ("Tausende", "dozens") -> deliberately wide intervals: only a clearly different order of
#: magnitude contradicts them
VAGUE_AMOUNTS = {
    "dutzende": (20, 200), "hunderte": (100, 2000), "tausende": (1000, 20000),
    "zehntausende": (10000, 200000), "hunderttausende": (100000, 2000000), "millionen": (1000000, 20000000),
}

# Dates (extract/dates.py).
#: month names written in full -> month number
MONTH_NAMES = {
    "Januar": 1, "Jänner": 1, "Februar": 2, "März": 3, "Maerz": 3, "April": 4, "Mai": 5, "Juni": 6, "Juli": 7,
    "August": 8, "September": 9, "Oktober": 10, "November": 11, "Dezember": 12,
}
#: abbreviated month names -> month number; in a date they are written with a full stop ("3. Okt. 2024")
MONTH_ABBREVIATIONS = {
    "Jan": 1, "Feb": 2, "Mär": 3, "Apr": 4, "Jun": 6, "Jul": 7, "Aug": 8, "Sept": 9, "Sep": 9, "Okt": 10,
    "Nov": 11, "Dez": 12,
}
#: weekday names -> weekday number (Monday 0)
WEEKDAY_NAMES = {
    "Montag": 0, "Dienstag": 1, "Mittwoch": 2, "Donnerstag": 3, "Freitag": 4, "Samstag": 5, "Sonnabend": 5,
    "Sonntag": 6,
}
#: the word before a month that names a third of it ("Anfang März") -> its first and last day
MONTH_PARTS = {"anfang": (1, 10), "mitte": (11, 20), "ende": (21, 31)}
