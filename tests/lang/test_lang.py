from consistency.lang import (background_of, names_an_ordinal, qualifiers_of, reporting_time, revision_in,
                              year_as_name)


def test_background_cues_in_both_languages():
    assert background_of("Im vergangenen Winter starben elf Menschen.")
    assert background_of("Beim letzten Streik im März 2023 fielen Flüge aus.")
    assert background_of("Six months before that, a gunman killed 14 people.")
    assert background_of("Next year's race is scheduled for April.")
    assert not background_of("In den letzten Tagen kamen viele Besucher.")
    assert not background_of("Three people died on Saturday.")


def test_years_used_as_names_but_not_times():
    assert year_as_name("beim Hochwasser von ", "")
    assert year_as_name("the heatwave of ", " had")
    assert year_as_name("Beim Bürgerentscheid ", " über das Bad")
    assert year_as_name("the École Polytechnique massacre (", "), an attack")
    assert not year_as_name("soll Ende ", " geschlossen werden")
    assert not year_as_name("für den Sommer ", " geplant")
    assert not year_as_name("It happened in ", ".")


def test_qualifier_classes():
    assert "limit" in qualifiers_of("der Grenzwert liegt bei # Mikrogramm")
    assert "subset" in qualifiers_of("darunter # Schwerverletzte")
    assert "change" in qualifiers_of("eine Steigerung von # Prozent")
    assert "change" in qualifiers_of("shares rose # percent")
    assert "change" not in qualifiers_of("Die Kosten sind auf # Millionen Euro gestiegen")  # a level, not a change
    assert "world" in qualifiers_of("ruft weltweit # Fahrzeuge zurück")
    # an aim is not what was reached; an amount for each charge is not the total
    assert "estimate" in qualifiers_of("The $# goal had been surpassed by Saturday morning")
    assert "estimate" in qualifiers_of("Das Spendenziel von # Euro")
    assert "estimate" in qualifiers_of("a fundraising target of $#")
    assert "estimate" not in qualifiers_of("Two men targeted the store")
    assert "estimate" not in qualifiers_of("He scored # goals in the second half")
    assert "estimate" not in qualifiers_of("# targets were hit")
    assert "rate" in qualifiers_of("a $# bond for each count")


def test_reporting_times_revisions_and_ordinal_names():
    assert reporting_time("Sheriff Leroy Ravenell said on ")
    assert reporting_time("Das Unternehmen teilte am ")
    assert not reporting_time("He was arrested on ")
    assert revision_in("Die Zahl der Toten stieg auf 5.") and revision_in("The death toll rose to five.")
    assert not revision_in("Fünf Menschen starben.")
    assert names_an_ordinal("Weltkrieg") and names_an_ordinal("century") and not names_an_ordinal("Atomtest")


def test_a_part_named_after_its_group_is_a_subset():
    # "three of the victims", "# of its employees": a part of a group, not its number
    assert "subset" in qualifiers_of("Three of the victims are in serious but stable condition")
    assert "subset" in qualifiers_of("The rail operator said # of its employees were injured")
    assert "subset" not in qualifiers_of("All five of the family members shot were taken to hospitals")
    assert "subset" not in qualifiers_of("killing # people and wounding # others")
    # "among the injured": a part of the group named before it
    assert "subset" in qualifiers_of("Unter den Verletzten sind # Feuerwehrleute")
    assert "subset" in qualifiers_of("Among the injured were # firefighters")


def test_the_cue_words_of_extraction_are_language_data():
    # negation, hedges, reporting verbs and conditionals live in lang/de and lang/en; extraction
    # joins them, so a word added to a language's table is a cue of that language only
    from consistency.extract.cues import hedge_cues, negation_cues
    from consistency.lang import table

    assert "niemand" in table("NEGATION", "de") and "niemand" not in table("NEGATION", "en")
    assert "reportedly" in table("HEDGES", "en") and r"hieß\s+es" in table("REPORTING_VERBS", "de")
    assert set(table("CONDITIONALS")) >= {"if", "unless", "wenn", "falls"}
    assert negation_cues("Verletzt wurde niemand.", "de") == ("niemand",)
    assert hedge_cues("The mayor would resign, she said.", "en") == ()  # reported speech: no hedge
    assert hedge_cues("If it rains, the match would be moved.", "en") == ("If", "would")


def test_the_hedge_phrases_and_vague_plurals_of_numbers_are_language_data():
    from consistency.extract.numbers import HEDGES, VAGUE, find_numbers
    from consistency.lang import table

    assert table("NUMBER_HEDGES", "de")["mindestens"] == "at_least" and "mindestens" not in table("NUMBER_HEDGES", "en")
    assert table("VAGUE_AMOUNTS", "en")["dozens"] == (20, 200)
    # extraction reads both languages' tables (a German article quotes "more than" too)
    assert HEDGES["more than"] == HEDGES["mehr als"] == "lower" and VAGUE["tausende"] == VAGUE["thousands"]
    (m,) = find_numbers("Mindestens 40 Menschen wurden verletzt.", "de")
    assert m.hedge == "at_least"


def test_month_and_weekday_names_are_language_data():
    from consistency.extract.dates import MONTHS, WEEKDAYS, find_dates
    from consistency.lang import table

    assert table("MONTH_NAMES", "de")["März"] == 3 and "März" not in table("MONTH_NAMES", "en")
    assert MONTHS["okt"] == MONTHS["oct"] == MONTHS["october"] == 10 and WEEKDAYS["sonnabend"] == 5
    # abbreviations count with their full stop only: "Okt." is a month, "Mai" needs none
    assert [d.kind for d in find_dates("Am 3. Okt. 2024 und am 4. Mai 2024.")] == ["date", "date"]


def test_number_words_and_clock_hedges_are_language_data():
    from consistency.extract.clock import find_clock_times
    from consistency.extract.numbers import find_numbers
    from consistency.lang import table

    assert table("SMALL_NUMBER_WORDS", "de")["zwölf"] == 12 and "zwölf" not in table("SMALL_NUMBER_WORDS", "en")
    assert table("CLOCK_HEDGES", "de")["kurz nach"] == "after" and table("CLOCK_HEDGES", "en")["roughly"] == "approx"
    assert [m.value for m in find_numbers("Es kamen zweieinhalb Millionen Besucher.", "de")] == [2_500_000]
    (t,) = find_clock_times("Der Alarm ging kurz nach 9 Uhr ein.")
    assert t.hedge == "after"
