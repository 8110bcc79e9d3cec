"""Loaded labels (lexicons/loaded_labels.tsv) attached to the actor their phrase names."""

from __future__ import annotations

from framing.detectors import actors, attribution
from framing.segment import content_view, segment


def run(text: str, lex):
    seg = segment(text)
    content = content_view(seg, frozenset())
    return actors.detect(content, lex, attribution.detect(content, lex).attributions)


def by_id(out) -> dict:
    return {a.id: a for a in out.actors}


def label_pairs(out) -> list[tuple[str, str, str]]:
    return [(s.note, s.label, s.text) for s in out.spans if s.kind == actors.LABEL]


def test_label_next_to_a_name_attaches_to_that_actor(lex):
    text = "The Xi Jinping regime jailed two reporters. Putin's regime said nothing. Thug Kim Jong Un was silent."
    out = run(text, lex)
    pairs = label_pairs(out)
    assert ("xi-jinping", "regime", "regime") in pairs
    assert ("vladimir-putin", "regime", "regime") in pairs  # the span stops before "'s"
    assert ("kim-jong-un", "thug", "Thug") in pairs
    assert all(text[s.start : s.end] == s.text for s in out.spans)


def test_bare_label_goes_to_the_actor_last_tied_to_it(lex):
    text = "The Russian regime closed the border. Farmers waited for days. The regime later reopened it."
    out = run(text, lex)
    regime = [p for p in label_pairs(out) if p[1] == "regime"]
    assert [p[0] for p in regime] == ["russia", "russia"]


def test_bare_person_label_follows_an_earlier_person_label(lex):
    text = "Strongman Vladimir Putin spoke for an hour. Nothing he said was new. Only a dictator talks that long."
    out = run(text, lex)
    assert by_id(out)["vladimir-putin"].labels == ("strongman", "dictator")


def test_bare_label_without_a_tie_and_plural_labels_stay_unattached(lex):
    out = run("Putin met Xi Jinping in Beijing. The regime was praised. Regimes like these rarely change.", lex)
    assert not [p for p in label_pairs(out) if p[1] in ("regime", "regimes")]


def test_person_label_of_a_capital_is_not_the_country(lex):
    out = run("Russia said little. Analysts fear the strongman of Russia more than ever.", lex)
    assert by_id(out)["russia"].labels == ()
    assert by_id(run("Russia said little. Analysts fear the regime of Russia.", lex))["russia"].labels == ("regime",)


def test_apposition_either_side(lex):
    out = run("His mouthpiece, Dmitry Peskov, denied it. Kim Jong Un, the tyrant, did not comment.", lex)
    pairs = label_pairs(out)
    assert ("dmitry-peskov", "mouthpiece", "mouthpiece") in pairs
    assert ("kim-jong-un", "tyrant", "tyrant") in pairs


def test_quoted_and_so_called_labels_are_not_the_outlets(lex):
    out = run('Putin\'s critics spoke. "The regime lies," one said. The so-called Putin regime disagreed.', lex)
    assert "regime" not in by_id(out)["vladimir-putin"].labels


def test_neutral_technical_terms_are_no_labels(lex):
    out = run("Russia's sanctions regime was tightened. The Russian visa regime stays.", lex)
    assert "regime" not in by_id(out)["russia"].labels


def test_hyphenated_name_is_no_label_target(lex):
    out = run("Putin spoke. She ran as an anti-Putin firebrand.", lex)
    assert by_id(out)["vladimir-putin"].labels == ()


def test_allegedly_does_not_take_the_speaker_from_the_sentence_source(lex):
    out = run("Russia allegedly paid the fee, according to two people with knowledge of the deal.", lex)
    assert list(by_id(out)["russia"].by_speaker) == ["two people"]


def test_label_for_a_servant_is_not_put_on_the_actor_it_serves(lex):
    # "henchmen", "puppet", "mouthpiece" name someone who serves the actor before them or
    # after "of": that actor is not the one labelled.
    for text in ("Putin's henchmen arrived.", "Putin's mouthpiece said nothing.", "Putin cronies grew rich.", "A puppet of Russia took power.", "Russia's puppet regime fell."):
        assert label_pairs(run(text, lex)) == [], text
    # A name after it or in apposition is the one labelled.
    assert ("vladimir-putin", "mouthpiece", "mouthpiece") in label_pairs(run("His mouthpiece, Vladimir Putin, spoke.", lex))
    assert ("vladimir-putin", "stooge", "stooge") in label_pairs(run("The Kremlin stooge Vladimir Putin spoke.", lex))


def test_label_before_a_name_after_an_indefinite_is_a_relative_clause_not_a_title(lex):
    # "a dictator Trump praised": the name is the subject of the clause, not the one labelled.
    for text in ("Every dictator Putin met was pleased.", "He is a thug Putin hired."):
        assert label_pairs(run(text, lex)) == [], text
    # Here the subject is called one (a predicate label), still not the name after it.
    assert [p[0] for p in label_pairs(run("Kim is a dictator Trump praised.", lex))] == ["kim-jong-un"]
    assert ("vladimir-putin", "thug", "thug") in label_pairs(run("The thug Vladimir Putin spoke.", lex))
    assert ("kim-jong-un", "dictator", "dictator") in label_pairs(run("The dictator Kim Jong Un spoke.", lex))


def test_a_label_as_predicate_of_a_name_attaches_to_it(lex):
    # The reporter calling someone a dictator is the label; denying it is not.
    assert ("vladimir-putin", "thug", "thug") in label_pairs(run("Vladimir Putin is a thug.", lex))
    assert ("kim-jong-un", "dictator", "dictator") in label_pairs(run("Kim Jong Un was a ruthless dictator long before the war.", lex))
    assert label_pairs(run("Vladimir Putin is not a thug, his aides insist.", lex)) == []
    assert label_pairs(run("Russia is a dictator, the poster said.", lex)) == []  # a person label fits no country
