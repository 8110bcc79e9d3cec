"""The stance slot: a person-like subject, "be", a word, then "about" or "that" ("critics are
uneasy about", "Roos was adamant that"). The word is a stance cue even when the cue list
does not have it; elsewhere, or after a subject that holds no stance, it is not."""

from __future__ import annotations

from framing.detectors import attribution
from framing.segment import content_view, segment


def found(text: str, lex) -> list[tuple[str, str, str | None]]:
    out = attribution.detect(content_view(segment(text), frozenset()), lex)
    return [(a.cue.text, a.cue.label, a.source.text if a.source else None) for a in out.attributions]


def test_an_adjective_between_be_and_about_or_that_after_a_person_is_a_stance_cue(lex):
    assert found("Local officials are uneasy about the new tide tables.", lex) == [("uneasy about", "stance", "Local officials")]
    assert found("Ana Roos was cagey about her plans for the pier.", lex) == [("cagey about", "stance", "Ana Roos")]
    assert found("He is still upbeat about the ferry's chances.", lex) == [("upbeat about", "stance", "He")]
    assert found("The ministry has been coy about the costs.", lex) == [("coy about", "stance", "The ministry")]
    # "one" after "about" is as often a pronoun as a figure: no approximator.
    assert found("Ana Roos was clear about one thing.", lex) == [("clear about", "stance", "Ana Roos")]
    # "that" opens what is held true: a belief.
    assert found("Many critics were aghast that the quay had closed.", lex)[0] == ("aghast that", "belief", "Many critics")


def test_a_linking_verb_holds_the_slot_as_be_does(lex):
    assert found("Critics remained wary that the tolls would rise.", lex) == [("remained wary that", "belief", "Critics")]
    assert found("Local officials grew vocal about the dredging.", lex) == [("grew vocal about", "stance", "Local officials")]


def test_degree_words_and_pronoun_contractions_stay_in_the_slot(lex):
    # A degree word that left_source would not skip opens the cue, so the subject is the source.
    assert found("But Lind was less shy about the tolls.", lex) == [("less shy about", "stance", "Lind")]
    assert found("Local officials are still uneasy about it.", lex) == [("uneasy about", "stance", "Local officials")]
    assert [c for c, _, _ in found("I'm mystified that nobody asked the divers.", lex)] == ["mystified that"]


def test_no_stance_without_a_person_like_subject_or_without_be(lex):
    for text in (
        "It is clear that the quay needs repairs.",  # the writer's judgement
        "The report is about the pier.",  # "be about": no adjective
        "Roos's comments about the pier drew a crowd.",  # a possessive, not "Roos is"
        "The costs that the ministry listed were high.",  # a relative "that"
        "Pilots worry about the tide.",  # no "be": the cue list decides ("worry" is not listed)
        "The buoys are about two metres apart.",
        "They are worth about $40 million.",  # "about" before an amount: approximately
        "The mayor is worth about ten million.",  # and before a number word
        "The farmers were short about a third of their quota.",
        "Ana Roos was elected that year.",  # "that" + a time word is a determiner
        "The mayor was away that week.",
        "Ana Roos is someone that voters trust.",  # a noun before a relative "that"
        "Some of its members are countries that ignore the treaty.",
        "Ana Roos was interviewed about the pier.",  # a passive naming who was asked (hearer)
        "The divers were briefed that the tide had turned.",
    ):
        assert [c for c, _, _ in found(text, lex) if c.endswith((" about", " that"))] == [], text


def test_about_or_that_with_fewer_than_two_tokens_before_it_is_no_slot(lex):
    # A text of one or two tokens used to index before the first one (IndexError on "that").
    for text in ("that", "about", "so that", "That.", "Sure about"):
        assert found(text, lex) == [], text


def test_a_listed_adjective_cue_after_a_linking_verb_keeps_its_subject(lex):
    # "confident that" is in the cue list, so the slot never fires; left_source steps over
    # the linking verb and the degree word to the subject, as the slot's own cues do.
    assert found("Officials grew increasingly confident that the pier would hold.", lex) == [("confident that", "belief", "Officials")]
    assert found("The harbour pilots remain less confident that the tide will turn.", lex) == [("confident that", "belief", "The harbour pilots")]
