from consistency.align.context import context_names


def test_names_are_runs_of_capitalised_words():
    assert context_names("the suspect, Daniel Kiprop, was arrested") == {"daniel", "kiprop"}
    assert context_names("a single Capitalised word") == frozenset()


def test_words_that_name_no_one_in_particular_make_no_shared_name():
    # "Harborview Medical Center" and "Denny Youth Center" are two places: "center" is no name
    a = context_names("An 11-year-old boy is in serious condition at Seattle's Harborview Medical Center")
    b = context_names("The 15-year-old appeared in court at the Denny Youth Center in Everett")
    assert "center" not in a | b and not a & b
    assert "klinikum" not in context_names("Die Frau liegt im Klinikum Nord")
    # a word is compared as a name's word is read (without a final "s"): "Landkreis" too
    assert context_names("im Landkreis Harburg") == {"harburg"}
    assert context_names("the United States Postal Service") == {"postal"}


def test_a_name_made_an_attribute_names_no_one():
    # "The Marshall Islands-registered ship" is a kind of ship, not whose figure it is; a name
    # beside such an attribute still is one
    assert context_names("The Marshall Islands-registered ship has lost roughly # tonnes") == frozenset()
    assert context_names("the New York-based firm Acme Corp paid #") == {"acme", "corp"}
    assert context_names("Ethiopia-born Hiwot Gebre ran #") == {"hiwot", "gebre"}
    assert context_names("Jean-Pierre Dupont said #") == {"jean-pierre", "dupont"}
