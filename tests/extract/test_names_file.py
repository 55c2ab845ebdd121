"""A names file (``--names``): more entities under their spellings, merged into the built-in table."""

from __future__ import annotations

import pytest

from consistency import Settings
from consistency.extract.entities import canonical_text, entity_table, find_entities, load_names, use_names
from consistency.read import article_from_text
from consistency.settings import SettingsError

NAMES = '''
"Olaf Scholz" = ["Scholz", "Bundeskanzler Scholz"]

[names."Port Arthur"]
type = "city"
aliases = ["Pt. Arthur"]
'''


@pytest.fixture
def names(tmp_path):
    p = tmp_path / "names.toml"
    p.write_text(NAMES, encoding="utf-8")
    yield str(p)
    use_names(None)  # later tests see the built-in table only


def test_both_forms_are_read_and_sorted(names):
    assert load_names(names) == (("Olaf Scholz", "other", ("Scholz", "Bundeskanzler Scholz")),
                                 ("Port Arthur", "city", ("Pt. Arthur",)))


def test_names_in_force_are_found_and_written_canonically_until_reset(names):
    import consistency.align.statements as align_statements
    import consistency.judge.stances as stances
    from consistency.align.phrases import same_words_but_names

    text = "Bundeskanzler Scholz besuchte Pt. Arthur."
    assert not find_entities(text)
    # the caches built from the table see the change too: entity types, names blanked in phrases
    assert not same_words_but_names("Der Zug hielt in Pt. Arthur.", "Der Zug hielt in Kiel.", 0.99)
    use_names(names)
    assert stances._TYPE["Port Arthur"] == align_statements._TYPE["Port Arthur"] == "city"
    assert same_words_but_names("Der Zug hielt in Pt. Arthur.", "Der Zug hielt in Moskau.", 0.99)
    assert [(e.name, e.type) for e in find_entities(text)] == [("Olaf Scholz", "other"), ("Port Arthur", "city")]
    assert canonical_text(text) == "Olaf Scholz besuchte Port Arthur."
    assert entity_table()["Port Arthur"][0] == "city"
    assert "Moscow" in entity_table()  # the built-in names stay
    use_names(None)
    assert not find_entities(text)
    assert "Port Arthur" not in stances._TYPE and "Port Arthur" not in align_statements._TYPE


def test_claims_of_puts_the_settings_names_in_force(names):
    from consistency.pipeline import claims_of

    art = article_from_text("a.txt", "Bundeskanzler Scholz traf 300 Gäste.\n", language="de")
    [plain] = claims_of([art], Settings(cache_dir=""))
    [named] = claims_of([art], Settings(cache_dir="", names=names))
    assert "Olaf Scholz" not in plain.entities and "Olaf Scholz" in named.entities


def test_the_claims_cache_key_and_corpus_params_hold_the_names(names, tmp_path):
    from consistency.corpus.store import _params
    from consistency.extract.entities import names_digest
    from consistency.pipeline import _claims_key

    art = article_from_text("a.txt", "Ein Satz.\n", language="de")
    key, params = _claims_key(art, 0.1), _params(art, Settings())
    assert names_digest(None) == "" and "names" not in params  # without a names file, nothing is re-extracted
    assert _claims_key(art, 0.1, names_digest(names)) != key
    assert _params(art, Settings(names=names)) != params
    other = tmp_path / "other.toml"
    other.write_text('"Kiel" = ["Kiel-Holtenau"]\n', encoding="utf-8")
    assert names_digest(str(other)) not in ("", names_digest(names))  # another file, another key


@pytest.mark.parametrize("text,message", [
    ('"A" = [', r"bad.toml:1: invalid TOML"),
    ('"A" = 3', "must be a list of aliases or a table"),
    ('[names."A"]\ntype = "planet"\naliases = ["B"]', "type must be one of"),
    ('[names."A"]\nkind = "city"', "unknown key 'kind'"),
    ('"A" = ["", "B"]', "aliases must be a list of non-empty strings"),
])
def test_a_bad_names_file_is_an_error_naming_the_file(tmp_path, text, message):
    p = tmp_path / "bad.toml"
    p.write_text(text, encoding="utf-8")
    with pytest.raises(SettingsError, match=message) as exc:
        load_names(str(p))
    assert str(p) in str(exc.value)
    with pytest.raises(SettingsError, match="cannot read"):
        load_names(str(tmp_path / "missing.toml"))
