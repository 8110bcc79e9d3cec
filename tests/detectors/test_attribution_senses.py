"""Cue words in a sense that reports nothing: a concrete object after a communication verb
("recalled its envoy"), raising verbs ("appears to have left") and aspectual verbs ("went on
to win"). Their subjects must not become sources, since a source "speaks" in the report."""

from __future__ import annotations

from framing.detectors import attribution
from framing.segment import content_view, segment


def run(text: str, lex):
    return attribution.detect(content_view(segment(text), frozenset()), lex)


def cues(text: str, lex) -> list[str]:
    return [a.cue.text for a in run(text, lex).attributions]


def sources(text: str, lex) -> list[tuple[str, str | None]]:
    return [(a.cue.text, a.source.text if a.source else None) for a in run(text, lex).attributions]


def test_a_concrete_object_takes_the_report_out_of_a_communication_verb(lex):
    for text in (
        "Veldmark recalled its envoy to Sarn on Tuesday.",
        "Veldmark recalls ambassador after the harbour dispute.",
        "The port authority recalled 40,000 faulty cars.",
        "Sarn and Veldmark share a long land border.",
        "The two ferry companies shared the costs of the new pier.",
        "The storm claimed the lives of three fishermen.",
        "The harbour master welcomed the visitors at the gate.",
        "The mayor called a snap election for May.",
        "The ferry line charged a fee of ten euros.",
        "Both navies observed a ceasefire around the pier.",
    ):
        assert run(text, lex).attributions == (), text


def test_the_same_verbs_still_report_with_other_objects(lex):
    assert sources("Veldmark recalled that its envoy had warned the port.", lex)[0] == ("recalled", "Veldmark")
    assert cues("Ilsa Dorn shared her concerns about the pier with reporters.", lex) == ["shared"]
    assert cues("Ilsa Dorn claimed the pier was unsafe.", lex) == ["claimed"]
    assert cues("Ilsa Dorn called the pier a disgrace.", lex) == ["called"]
    # The object head is the last word of the phrase right after the verb, not any word
    # further on: "the time" is what was recalled here.
    assert cues("Bo Lind recalled the time his envoy missed the ferry.", lex) == ["recalled"]


def test_a_raising_verb_is_the_writers_hedge_with_no_source(lex):
    for text in (
        "Veldmark appears to have closed the harbour.",
        "The ferry companies seem to have ignored the timetable.",
        "The harbour master seemed tired after the storm.",
    ):
        out = run(text, lex)
        assert [a.source for a in out.attributions] == [None], text
        assert all(a.source_type == "unsourced" for a in out.attributions)
    # Before a cue verb the subject holds that stance: "seem to dispute".
    assert sources("Harbour officials seem to dispute those figures.", lex) == [("seem", "Harbour officials")]
    assert sources("Ilsa Dorn appeared to blame the ferry line.", lex) == [("appeared", "Ilsa Dorn")]


def test_a_passive_raising_participle_has_no_subject_source(lex):
    # "is understood to": the subject is talked about, the ones who understand are unnamed.
    assert sources("Harbour Works, the firm that built the pier, is understood to be under pressure.", lex) == [("understood", None)]


def test_an_aspectual_verb_reports_only_before_a_cue(lex):
    assert run("The senator went on to win the harbour seat.", lex).attributions == ()
    assert sources("The senator went on to say the pier was unsafe.", lex) == [("went on", "The senator")]


def test_a_participle_after_a_raising_verb_keeps_the_subject(lex):
    # The hedge has no source, but what the subject goes on to say is theirs.
    text = "Bo Lind appeared to open a new account to hit back, saying he was saddened by the vote."
    assert sources(text, lex) == [("appeared", None), ("saying", "Bo Lind")]


def test_sworn_in_is_an_oath_of_office_not_a_report(lex):
    assert run("Ana Roos was sworn in as harbour master on Monday.", lex).attributions == ()
    assert sources("Ana Roos has sworn that the pier is safe.", lex) == [("sworn", "Ana Roos")]
