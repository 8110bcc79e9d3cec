"""Definite descriptions ("the company", "the president") linked back to the one name
the article introduced in that role; ambiguous or missing antecedents stay descriptions."""

from __future__ import annotations

import pytest

from framing.detectors import attribution
from framing.segment import content_view, segment


def run(text: str, lex) -> dict[str, attribution.Attribution]:
    out = attribution.detect(content_view(segment(text), frozenset()), lex)
    return {a.cue.text: a for a in out.attributions}


def src(a: attribution.Attribution):
    return (a.source.text, a.source_label, a.source_type, a.source_name)


@pytest.mark.parametrize(
    "text, cue, phrase, name",
    [
        ("Keldgate Holdings built the dam in 2019. Farmers downstream lost their wells. The company has denied this.", "denied", "The company", "Keldgate Holdings"),
        ('President Anton Veyk opened the bridge on Monday. "It will stand for a century," the president said.', "said", "the president", "Anton Veyk"),
        ("Foreign Minister Ana Roos arrived an hour late. The minister said the delay was routine.", "said", "The minister", "Ana Roos"),
        ("Tor Lind met the Harbour Commission on Friday. The commission said it would review the plan.", "said", "The commission", "Harbour Commission"),
        ("The Veldish foreign ministry said the border was calm. The ministry added that no troops had moved.", "added", "The ministry", "Veldish foreign ministry"),
        ("The plan was criticised by spokesman Tor Lind of the port. The spokesman said the fees would rise.", "said", "The spokesman", "Tor Lind"),
    ],
)
def test_description_resolves_to_the_named_antecedent(lex, text, cue, phrase, name):
    a = run(text, lex)[cue]
    assert src(a) == (phrase, "pronoun", "named", name)
    assert a.source.note == f"{name} (resolved)"
    assert a.source.rule == ""
    assert text[a.source.start : a.source.end] == phrase


@pytest.mark.parametrize(
    "text, cue, phrase",
    [
        # Two presidents: the reader cannot tell which one spoke.
        ("President Anton Veyk met President Ilse Marr in Sarn. The president said the talks went well.", "said", "The president"),
        # No antecedent at all.
        ("The company said profits fell in the spring.", "said", "The company"),
        # A vice president is not "the president"; a person is not "the company".
        ("Vice President Ola Berg toured the plant. The president said nothing about it.", "said", "The president"),
        ("Anton Veyk toured the plant on Monday. The company said output would double.", "said", "The company"),
        # The name comes after the description: nothing to point back to.
        ("The minister said the road would open. Later, Minister Ana Roos cut the ribbon.", "said", "The minister"),
    ],
)
def test_ambiguous_or_missing_antecedent_stays_a_description(lex, text, cue, phrase):
    a = run(text, lex)[cue]
    assert src(a) == (phrase, "description", "anonymous", phrase)


def test_only_the_bare_description_is_resolved(lex):
    # "the company's lawyer" is someone else; "the president of the club" is not the one named.
    a = run("Keldgate Holdings built the dam. The company's lawyer said the permits were valid.", lex)["said"]
    assert a.source_label == "description" and a.source_type == "anonymous"


def test_a_title_case_headline_teaches_no_role_name(lex):
    # The headline's "Governor" is followed by a verb and a clause in title case, not a name.
    text = (
        "Halvarian Governor Says Ferry Crews May Return Next Week\n\n"
        "Gov. Ilsa Dorn of Halvaria said on Monday that the strike was nearly over. "
        "The ferries will sail again soon, the governor said."
    )
    out = attribution.detect(content_view(segment(text), frozenset()), lex).attributions
    names = [a.source_name for a in out]
    assert not any(n and "Says" in n for n in names)
    last = out[-1]
    assert last.source.text == "the governor" and last.source_name == "Ilsa Dorn" and last.source_label == "pronoun"


@pytest.mark.parametrize("title, role", [("Sen.", "senator"), ("Rep.", "representative"), ("Gov.", "governor")])
def test_an_abbreviated_title_introduces_the_role(lex, title, role):
    text = f"{title} Tor Lind toured the pier on Monday. The pier is unsafe, the {role} said."
    a = run(text, lex)["said"]
    assert a.source_name == "Tor Lind" and a.source.note == "Tor Lind (resolved)"


def test_a_resolved_role_with_a_prepositional_phrase_stays_one_description(lex):
    # "the senator from Ostrelia" may be another senator: the whole phrase is the source, not Lind.
    a = run("Sen. Tor Lind toured the pier. The senator from Ostrelia said the pier was unsafe.", lex)["said"]
    assert a.source.text == "The senator from Ostrelia" and a.source_name != "Tor Lind" and a.source_label != "pronoun"
