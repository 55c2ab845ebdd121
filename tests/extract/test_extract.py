import pytest

from consistency.extract import extract
from consistency.extract.entities import canonical_text, find_entities
from consistency.extract.units import counted_noun, unit_key
from consistency.model import Sentence


def claim(text, lang="de", published=None):
    return extract(Sentence("a.txt", 0, 0, len(text), text, 1, lang, text), published=published)


def values(text, lang="de"):
    return [(v.raw, v.kind, v.unit_key) for v in claim(text, lang).values]


def test_seed_facts():
    assert values("US-Beamte sagen, dass mehr als 10.000 mit Artilleriegeschossen, Raketen und anderen "
                  "Waffen gefüllte Schiffscontainer nach Russland geschickt wurden.") == [
        ("mehr als 10.000", "count", "container")]
    assert values("Nach Schätzungen westlicher Geheimdienste liegt die Zahl der Todesopfer in "
                  "Russlandkriegen bei über 350.000.") == [("über 350.000", "count", "death")]
    assert values("Er meinte, das Abkommen sei vergleichbar mit einem Vertrag von 1961 zwischen der "
                  "Sowjetunion und Nordkorea.") == [("1961", "year", "time")]
    assert values("eine bedeutende Lücke von fast 25 Jahren") == [("fast 25", "duration", "s")]


def test_year_or_count_is_told_by_the_words_around():
    assert values("Es kamen 2000 Soldaten.") == [("2000", "count", "soldier")]
    assert values("Im Jahr 2000 kamen sie.") == [("2000", "year", "time")]


def test_names_and_identifiers_are_not_quantities():
    assert values("Er sagte gegenüber Channel 24, dass F-16s geliefert wurden.") == []


def test_offsets_hold_for_every_value():
    text = "Am 26. Mai schickten sie mehr als 10.000 Container und 1,5 Millionen Euro."
    c = claim(text)
    assert c.values
    for v in c.values:
        assert text[v.start:v.end] == v.raw


@pytest.mark.parametrize("noun,key", [("Schiffscontainer", "container"), ("containers", "container"),
                                      ("Soldaten", "soldier"), ("troops", "soldier"), ("Todesopfer", "death"),
                                      ("Jahren", "year"), ("years", "year"), ("Atomtest", "test"),
                                      # the lexicon of news nouns, and compounds by their head
                                      ("Stellen", "job"), ("Arbeitsplätze", "job"), ("jobs", "job"),
                                      ("Lehrstellen", "job"), ("Fahrgäste", "passenger"), ("passengers", "passenger"),
                                      ("Legehennen", "hen"), ("Feuerwehrleute", "firefighter"),
                                      ("runners", "participant"), ("Läufer", "participant"), ("starters", "participant"),
                                      # compounds whose head is a lexicon noun but which name something else
                                      ("Baustellen", "baustelle"), ("Haltestelle", "haltestelle"),
                                      ("Urkunden", "urkunde"), ("Umzüge", "umzug")])
def test_unit_keys_are_language_neutral(noun, key):
    assert unit_key(noun) == key


def test_counted_noun_english_plural():
    t = "more than 10,000 shipping containers were sent"
    assert counted_noun(t, 0, 16, "en")[0] == "containers"


def test_negation_hedge_attribution():
    c = claim("Russland hat keine Munition aus Nordkorea erhalten, sagte der Kreml.")
    assert c.negated and "keine" in c.negation_cues
    c = claim("Russland könnte möglicherweise Waffen an Nordkorea liefern.")
    assert c.hedged and not c.negated
    c = claim("Laut Polishchuk gibt es gewisse Vorbehalte.")
    assert c.attribution == "Polishchuk"
    c = claim("According to the Kremlin, no shells were received.", "en")
    assert c.negated and c.attribution.endswith("Kremlin")
    c = claim("Das ist nicht nur ein Vertrag.")
    assert not c.negated  # "nicht nur" does not deny


def test_denial_words():
    assert claim("Beide Länder haben dies bestritten.").negated
    assert claim("Moscow denied the reports.", "en").negated


@pytest.mark.parametrize("a,b", [("Pjöngjang", "Pyongyang"), ("Pjongjang", "Pyongyang"),
                                 ("Kim Jong Un", "Kim Jong-un"), ("Kim Jong -un", "Kim Jong Un"),
                                 ("DVRK", "North Korea"), ("Nordkorea", "North Korea"),
                                 ("Moskau", "Moscow"), ("Kreml", "Kremlin")])
def test_one_entity_under_several_spellings(a, b):
    [ea] = find_entities(f"Es geht um {a} heute.")
    [eb] = find_entities(f"It is about {b} today.")
    assert ea.name == eb.name


def test_canonical_text_for_embedding():
    assert canonical_text("Putin in Pjöngjang") == "Vladimir Putin in Pyongyang"


def test_subject_of_a_number_is_its_clause_entities():
    c = claim("Die Zahl der russischen Todesopfer liegt bei über 350.000, die der ukrainischen bei 70.000.")
    assert [v.subject for v in c.values] == [("Russia",), ("Ukraine",)]


# --- numbers that are not quantities -----------------------------------------------------------------


@pytest.mark.parametrize("text,lang", [
    ("Officers responded to the 14000 block of Lakeview Road.", "en"),
    ("A car crashed in the 2200 block on Sunday.", "en"),
    ("It happened in the 1900 block of Elm.", "en"),
    ("The shop at 4410 Meadow Lane was searched.", "en"),
    ("Witnesses saw him at 500 W. Birch St. on Monday.", "en"),
    ("The fire started at 77 North Harbor Drive.", "en"),
    ("He lived at 1234 Pine Avenue.", "en"),
    ("Die Feuerwehr rückte in die Gartenstraße 14 aus.", "de"),
    ("Der Laden in der Kasseler Str. 5a wurde durchsucht.", "de"),
    ("Das Haus Am Lindenweg 3 brannte.", "de"),
    ("Der Unfall geschah auf dem Marktplatz 2 in Fulda.", "de"),
])
def test_addresses_and_blocks_are_not_counts(text, lang):
    assert [v for v in claim(text, lang).values if v.kind == "count"] == []


def test_a_count_after_a_street_name_is_still_a_count():
    assert values("Officers found 12 cars on the road.", "en") == [("12", "count", "car")]


@pytest.mark.parametrize("text,lang", [
    ("Bild 3 von 8: Die Feuerwehr im Einsatz", "de"), ("Image 2 of 9", "en"),
    ("Kommentare (12)", "de"), ("4 Comments", "en"), ("© 2024 Mediengruppe Nordhessen", "de"),
    ("Copyright 2023 Example News", "en"),
])
def test_page_counters_and_copyright_years_are_not_values(text, lang):
    assert claim(text, lang).values == ()


def test_number_before_a_number_noun_counts_the_noun():
    assert values("Dispatchers took 50 911 calls that night.", "en") == [("50", "count", "call")]


def test_german_ordinal_and_date():
    c = claim("Am 5. März begann der 3. Prozesstag.")
    assert [(v.raw, v.kind) for v in c.values] == [("5. März", "date"), ("3", "ordinal")]


# --- page furniture in a sentence ----------------------------------------------------------------------


@pytest.mark.parametrize("text,lang,kept", [
    ("Fulda, 12.03.2024 – Ein Radfahrer ist am 11. März verunglückt.", "de", ["11. März"]),
    ("Wetzlar (lhe) – Zwei Radfahrer sind verunglückt.", "de", ["Zwei"]),
    ("HAMBURG (dpa) - Der Hafen meldet 300 Schiffe.", "de", ["300"]),
    ("Stand: 05.03.2024, 12:10 Uhr", "de", []),
    ("The fire destroyed 40 homes. (Published Saturday, July 30, 2016)", "en", ["40"]),
])
def test_dates_of_stamps_and_datelines_are_not_values(text, lang, kept):
    assert [v.raw for v in claim(text, lang).values] == kept


# --- entities in the view --------------------------------------------------------------------------


def test_number_across_a_masked_nbsp_entity():
    from consistency.model import Article
    from consistency.read.clean import clean_view
    from consistency.extract import extract_claims
    from consistency.segment import segment

    for lang, text, value in [("de", "Zum Fest kamen 3&nbsp;500 Gäste.", 3500),
                              ("en", "The fair drew 12&#8239;000 guests.", 12000),
                              ("en", "The fair drew 3&#160;500 guests.", 3500)]:
        art = Article(path="a.txt", id="a", text=text, view=clean_view(text), language=lang)
        [c] = extract_claims(art, segment(art))
        [v] = c.values
        assert v.value == value and text[v.start:v.end] == v.raw and "&" in v.raw


@pytest.mark.parametrize("text,lang,role", [
    ("Für zwei Tourengeher kam jede Hilfe zu spät.", "de", "killed"),
    ("Zwei Bergsteiger kamen ums Leben.", "de", "killed"),
    ("Zwei Radfahrer wurden verletzt.", "de", "injured"),
    ("Two climbers died in the avalanche.", "en", "killed"),
    ("Three pedestrians were injured.", "en", "injured"),
    ("Four occupants were killed.", "en", "killed"),
    # things are hit and shot at as well: no ending makes a trailer a person
    ("Two trailers were hit by bullets.", "en", None),
    ("Zwei Hubschrauber waren im Einsatz, drei Menschen starben.", "de", None),
    # one subject of two nouns: the verb after "and" says what happened to both
    ("Police said seven adults and a 3-year-old were shot in Evanston.", "en", "shot"),
    ("Drei Männer und eine Frau wurden verletzt.", "de", "injured"),
    ("Three people were at the park and two were shot.", "en", None),
    # shot, killed or not, is its own role: "nine shot, one fatally" is no count of the injured;
    # a second word says which ("shot dead", "shot and wounded")
    ("Nine people were shot, one fatally.", "en", "shot"),
    ("Two men were shot dead outside the bar.", "en", "killed"),
    ("Two men were shot and killed outside the bar.", "en", "killed"),
    ("Two men were shot and wounded outside the bar.", "en", "injured"),
    ("Zwei Männer wurden erschossen.", "de", "killed"),
    ("Zwei Männer wurden angeschossen.", "de", "shot"),
])
def test_agent_nouns_outside_the_people_table_count_people(text, lang, role):
    # "Tourengeher", "climbers": no table lists every noun of people; the endings of agent nouns
    # (lang PEOPLE_ENDINGS) let the role words say what happened to them
    assert claim(text, lang).values[0].role == role


def test_those_who_come_to_help_are_one_count_however_called():
    from consistency.extract.units import units_compatible

    keys = [unit_key(w) for w in ("Einsatzkräften", "Helfer", "Rettungskräfte", "rescuers", "Bergretter")]
    assert set(keys) == {"rescuer"}
    assert units_compatible("rescuer", unit_key("Feuerwehrleute"))
    assert unit_key("positions") == unit_key("Arbeitsplätze") == "job"


@pytest.mark.parametrize("text,lang,expected", [
    ("Ein Mann hat in der Hauptstraße vier Menschen bedroht.", "de", [("vier", "count", "people")]),
    ("The storm hit on Thursday, injuring 24 people.", "en", [("Thursday", "relative_date", "time"),
                                                              ("24", "count", "people")]),
    ("Am zweiten Tag kamen mehr Gäste.", "de", []),
    ("On the second day the rescue began.", "en", []),
])
def test_street_and_ordinal_look_alikes_stay_what_they_are(text, lang, expected):
    assert [x for x in values(text, lang) if x[1] != "ordinal"] == expected


def test_no_arrests_is_a_count_of_zero_people_arrested():
    from consistency.model import Sentence as S

    for text, lang in (("Es gab bislang keine Festnahmen.", "de"), ("No one has been arrested.", "en"),
                       ("Niemand wurde festgenommen.", "de"), ("Keine der Geiseln wurde verletzt.", "de")):
        c = extract(S("a.txt", 0, 0, len(text), text, 1, lang, text))
        assert [(q.value, q.role) for q in c.values] in ([(0.0, "arrested")], [(0.0, "injured")]), text


@pytest.mark.parametrize("text,lang,event", [
    ("Head was convicted for the shooting by a jury July 7.", "en", "court"),
    ("The boy was fatally shot in the head Nov. 9 on the west side.", "en", "incident"),
    ("The judge sentenced him Monday to 20 years in prison for the death of his neighbour.", "en", "court"),
    ("He was released from the hospital on Tuesday.", "en", "release"),
    ("Der Mann wurde am Montag vom Landgericht verurteilt.", "de", "court"),
    ("Die Schüsse fielen am 3. Mai 2024.", "de", "incident"),
    ("Der Streik beginnt am Mittwoch.", "de", "incident"),
    ("Das Stadion ist am Mittwoch ausverkauft.", "de", None),
    # a disaster or a stoppage is the story's happening as much as a shooting
    ("The tanker's hull breached on Saturday night.", "en", "incident"),
    ("Pilots will walk out for two days starting on Thursday.", "en", "incident"),
    ("The satellite was launched on 3 September.", "en", "incident"),
    ("Die Tarifparteien haben sich am Donnerstag geeinigt.", "de", "incident"),
    ("Der Strom fiel am Dienstag um 13.50 Uhr aus.", "de", "incident"),
    ("In der Lindenheide brennt seit Sonntagnachmittag der Wald.", "de", "incident"),
    ("The wildfire started on Sunday afternoon.", "en", "incident"),
    # the happening named right beside the date wins over the clause's verb
    ("He is charged with murder for the June 16, 2015, shooting spree.", "en", "incident"),
    ("He was sentenced after being convicted in the March 6 death of his friend.", "en", "incident"),
    ("The court heard that the shooting on June 16 was planned.", "en", "incident"),
    ("Der Mann wurde wegen des Anschlags vom 1. Mai 2024 verurteilt.", "de", "incident"),
    ("He was charged Tuesday with murder.", "en", "court"),
    # a date set off by commas is the date of its sentence's happening
    ("Am Samstag, 17. Februar 2024, wurde die Bergwacht zu einem Lawinenabgang alarmiert.", "de", "incident"),
    # a report's own happening, and the work after a disaster, are not the disaster
    ("Police gave details of the shooting in a Saturday night press conference.", "en", "briefing"),
    ("Die Polizei nannte am Montag auf einer Pressekonferenz Details.", "de", "briefing"),
    ("Rescue crews worked through a second day on Friday to reach the miners.", "en", "rescue"),
    ("Die Bergungsarbeiten dauerten am Freitag an.", "de", "rescue"),
    # a victim's state on a later day is no date of the shooting; the shooting's day stays its own
    ("The toddler was in serious condition Sunday in the intensive care unit.", "en", "condition"),
    ("The girl who was shot Saturday was in serious condition at the hospital.", "en", "incident"),
    ("Am Sonntag war ihr Zustand weiterhin kritisch.", "de", "condition"),
    ("Kendall was found dead in his cell on April 20.", "en", "incident"),
])
def test_a_point_in_time_knows_what_happened_then(text, lang, event):
    from consistency.model import Sentence

    s = Sentence("a.txt", 0, 0, len(text), text, 1, lang, text)
    times = [q for q in extract(s).values if q.unit_key == "time"]
    assert len(times) == 1 and times[0].role == event


@pytest.mark.parametrize("text,lang,years,unit", [
    ("A three-year-old girl was shot Sunday night.", "en", 3.0, "girl"),
    ("Two years old, the boy was hit in the leg.", "en", 2.0, "years old"),
    ("Twenty-five-year-old Lamont Powell was arrested.", "en", 25.0, "Lamont"),
    ("Das Kind war drei Jahre alt.", "de", 3.0, "years old"),
    ("A 15-year-old student was hurt.", "en", 15.0, "student"),
])
def test_an_age_written_in_words_is_its_number_of_years(text, lang, years, unit):
    # a number in words before "-year-old" / "years old" has no digits to read again: its years
    # come back from the seconds of the duration it was read as, never 0
    ages = [v for v in claim(text, lang).values if v.unit_key == "age"]
    assert [(v.value, v.low, v.high, v.unit) for v in ages] == [(years, years, years, unit)]


@pytest.mark.parametrize("text,lang,kept", [
    ("Four people were shot, KSHB 41 News reported.", "en", ["Four"]),
    ("One witness told WMC Action News 5 that five kids got shot.", "en", ["five"]),
    ("Authorities told News 2 victim Sienna Owens was shot.", "en", []),
    ("Witnesses told KHOU 11 News that all of the victims were shot.", "en", []),
    ("Mark Newton, a witness, told FOX 4 News two men were shot.", "en", ["two"]),
    ("But KING 5 is learning that three people were shot.", "en", ["three"]),
    ("A man called 911 saying he had been shot and three people had been killed.", "en", ["three"]),
    ("Dispatchers took 911 calls from the neighbours.", "en", []),
    ("Ein Zeuge rief die 112 an, drei Menschen wurden verletzt.", "de", ["drei"]),
    # upper-case text: a word is no call sign; a number after it still counts
    ("GUNMAN KILLS 3 AT MALL", "en", ["3"]),
    ("Es gab 112 Verletzte.", "de", ["112"]),
])
def test_the_number_of_a_station_or_an_emergency_line_is_no_value(text, lang, kept):
    assert [v.raw for v in claim(text, lang).values] == kept


@pytest.mark.parametrize("text,unit", [
    ("7-year-old Englewood boy fatally shoots himself", "boy"),
    ("A 20-year-old Chicago man was shot.", "man"),
    ("A 16-year-old high school student was shot.", "student"),
    ("Judge Tingey sentenced 25-year-old Kevin McQuilliams.", "Kevin"),
    ("The 15-year-old appeared in court Monday.", "years old"),
    ("The 19-year-old was charged with murder.", "years old"),
])
def test_whose_age_is_a_person_past_a_place_never_a_verb(text, unit):
    # the noun after an English age says whose it is: a place before the noun is no one, a verb
    # after the age names no one (the age then stands alone, "years old")
    [age] = [v for v in claim(text, "en").values if v.unit_key == "age"]
    assert age.unit == unit


def test_a_german_age_noun_is_no_one_else():
    [age] = [v for v in claim("Der 22-Jährige wurde festgenommen.").values if v.unit_key == "age"]
    assert age.unit == "years old"


@pytest.mark.parametrize("text,lang,ages", [
    ("Police said the infant was shot with three children: an 11-month-old, the 6-month-old and a 4-month-old.",
     "en", [11 / 12, 0.5, 1 / 3]),
    ("The children were 11 months, four months and six months old.", "en", [11 / 12, 1 / 3, 0.5]),
    ("Das Baby war sechs Monate alt.", "de", [0.5]),
    ("He was 15 to 17 years old.", "en", [16.0]),
])
def test_an_age_in_months_is_an_age_in_years(text, lang, ages):
    found = [v for v in claim(text, lang).values if v.unit_key == "age"]
    assert [round(v.value, 4) for v in found] == [round(a, 4) for a in ages]
    assert all(v.kind == "measure" and v.low <= v.value <= v.high for v in found)


@pytest.mark.parametrize("text,lang,kept", [
    ("Police found the loaded 9 mm handgun in the truck.", "en", []),
    ("The rifle Shelton allegedly wielded shot 7.62 mm rounds.", "en", []),
    ("He opened fire with a Glock 17 9mm semiautomatic pistol.", "en", []),
    ("Rainfall reached 9 mm on Sunday.", "en", ["9"]),  # no gun: a length
])
def test_a_calibre_or_a_gun_model_is_no_value(text, lang, kept):
    assert [v.raw for v in claim(text, lang).values if v.kind != "relative_date"] == kept


@pytest.mark.parametrize("text,ages", [
    ("Ein dreijähriges Mädchen wurde verletzt.", [(3.0, "Mädchen")]),
    ("Der dreiundzwanzigjährige Mann wurde festgenommen.", [(23.0, "Mann")]),
    ("Der Dreijährige wurde schwer verletzt.", [(3.0, "years old")]),
    ("Er erhielt eine dreijährige Haftstrafe.", []),  # a duration, no one's age
    ("Der minderjährige Täter floh.", []),  # no number
])
def test_a_german_age_in_one_word_is_read(text, ages):
    assert [(v.value, v.unit) for v in claim(text).values if v.unit_key == "age"] == ages


@pytest.mark.parametrize("text,age", [
    ("Because Brizuela was 17 when the killings occurred, he is not eligible.", 17.0),
    ("He was 35 when he killed Ronald Cunningham.", 35.0),
    ("Brady Osborne was 15 at the time.", 15.0),
    ("It was 3 o'clock in the morning.", None),
    ("The death toll was 17 when police arrived.", None),
])
def test_a_bare_number_after_a_person_and_was_is_an_age(text, age):
    # "Brizuela was 17 when ...": no count of the killed; a noun past "when he" is no counted noun
    found = claim(text, "en").values
    assert [v.value for v in found if v.unit_key == "age"] == ([age] if age else [])
    assert all(v.role is None or v.unit_key == "death" for v in found)


@pytest.mark.parametrize("text,lang,zero", [
    ("Four from gunshots and one from flying glass, no one was seriously hurt.", "en", False),
    ("There were no serious injuries.", "en", False),
    ("Niemand wurde schwer verletzt.", "de", False),
    ("Es gab keine lebensgefährlich Verletzten.", "de", False),
    ("No one was hurt.", "en", True),
    ("Niemand wurde verletzt.", "de", True),
])
def test_denying_a_degree_of_harm_is_no_zero_count(text, lang, zero):
    # "no one was seriously hurt": some were hurt, only not seriously; not a count of 0 injured
    zeros = [v for v in claim(text, lang).values if v.kind == "count" and v.value == 0]
    assert bool(zeros) == zero


@pytest.mark.parametrize("text,unit", [
    ("3-year-old shot in South Toledo", "years old"),
    ("On May 23, 2014, 22-year-old Elliot Rodger killed six people.", "Elliot"),
    ("Authorities arrived and found the 17-year-old dead.", "years old"),
    ("There is no reason why a 3-year-old should have been able to get shot.", "years old"),
])
def test_a_word_of_what_befell_someone_is_not_whose_age(text, unit):
    [age] = [v for v in claim(text, "en").values if v.unit_key == "age"]
    assert age.unit == unit
