"""Tone of a span toward a named actor (`sentiment.tone_toward`): who speaks, about whom."""

from __future__ import annotations

import pytest

from framing.detectors import attribution, sentiment
from framing.segment import content_view, segment

ATTACK = "The critics are wrong, and their attacks on this plan are baseless and dishonest"


def _tone(text: str, lex, span: str, target: str):
    content = content_view(segment(text), frozenset())
    atts = attribution.detect(content, lex).attributions
    s = text.index(span)
    e = s + len(span)
    base = sentiment.score_mentions(content, lex, [(s, e)])[0]
    return base, sentiment.tone_toward(content, lex, s, e, target, atts)


def test_the_targets_own_quote_reads_positive_toward_the_target(lex):
    text = f'Mayor Dana Whitfield defended the budget on Tuesday. "{ATTACK}," Whitfield said.'
    base, tone = _tone(text, lex, ATTACK, "Dana_Whitfield")
    assert base.polarity == "neg"  # its words are negative: about the critics, not about her
    assert tone.polarity == "pos" and tone.score >= 0 and tone.scope == base.scope


def test_the_same_quote_from_someone_else_keeps_the_reading_of_its_words(lex):
    text = f'Mayor Dana Whitfield defended the budget on Tuesday. "{ATTACK}," Councillor Ray Boone said.'
    base, tone = _tone(text, lex, ATTACK, "Dana_Whitfield")
    assert tone == base and tone.polarity == "neg"


def test_a_quote_continuing_what_the_target_was_just_reported_saying(lex):
    quote = "The attacks on this budget are dishonest and baseless."
    text = f'Whitfield told reporters on Tuesday that the plan was sound. "{quote}"'
    base, tone = _tone(text, lex, quote, "Dana_Whitfield")
    assert base.polarity == "neg" and tone.polarity == "pos"


@pytest.mark.parametrize("span", ["great success", "truly wonderful"])
def test_a_few_of_the_targets_words_held_up_by_the_reporter_read_negative(lex, span):
    text = f'Whitfield said the stalled bridge project was "{"a " if span == "great success" else ""}{span}."'
    base, tone = _tone(text, lex, span, "Dana_Whitfield")
    assert base.polarity == "pos" and tone.polarity == "neg" and tone.score <= 0


def test_praise_in_a_sentence_hostile_to_the_target_is_not_praise_of_the_target(lex):
    text = "Critics accused Whitfield of wasting millions, while a brilliant auditor exposed the scheme."
    base, tone = _tone(text, lex, "brilliant", "Dana_Whitfield")
    assert base.polarity == "pos" and tone.polarity == "neg" and tone.score < 0


def test_the_sentence_before_names_the_target_when_this_one_does_not(lex):
    text = (
        "Voters rejected Whitfield and her scandal-plagued administration in a humiliating defeat. "
        "They rallied behind a brilliant newcomer instead."
    )
    base, tone = _tone(text, lex, "brilliant", "Dana_Whitfield")
    assert base.polarity == "pos" and tone.polarity == "neg"


def test_praise_near_a_warm_mention_of_the_target_stays_positive(lex):
    text = "Supporters cheered Whitfield, who won praise for her honest leadership. They called her a brilliant manager."
    base, tone = _tone(text, lex, "brilliant", "Dana_Whitfield")
    assert tone == base and tone.polarity == "pos"


@pytest.mark.parametrize("target", ["", "_", "__ "])
def test_without_a_target_the_reading_is_score_mentions(lex, target):
    text = f'Mayor Dana Whitfield defended the budget. "{ATTACK}," Whitfield said.'
    base, tone = _tone(text, lex, ATTACK, target)
    assert tone == base and base.polarity == "neg"


def test_target_names_resolve_to_full_names_surnames_and_group_words(lex):
    text = "Michael Steele spoke. Mr. Steele's critics met White House aides; the House Democrats left. Democratic leaders agreed."
    content = content_view(segment(text), frozenset())

    def found(target):
        return [text[s:e] for s, e in sentiment.target_mentions(content, lex, target)]

    assert found("Michael_Steele") == ["Michael Steele", "Steele's"]
    # "House" alone (White House) is not the group; its head word "Democrats" is, in any form.
    assert found("House_Democrats") == ["House Democrats", "Democratic"]
    assert found("Democratic_Lawmakers") == ["Democrats", "Democratic"]
    assert sentiment.target_keys(lex, "Donald_Trump_Jr.") == ("donald", "trump")
    assert found("Walmart") == []


@pytest.mark.parametrize(
    "text, name, party",
    [
        ("House Speaker Dana Whitfield (D-Ore.) said it.", "Dana Whitfield", "D"),
        ("Rep. Dana Whitfield, Democrat of Oregon, said it.", "Dana Whitfield", "D"),
        ("Sen. Ray Boone, R-Idaho, said it.", "Ray Boone", "R"),
        ("Sen. Ray Boone, a Republican, said it.", "Ray Boone", "R"),
        ("Republican leader Ray Boone said it.", "Ray Boone", "R"),
        ("Senate Democratic Whip Dana Whitfield said it.", "Dana Whitfield", "D"),
        ("x", "Republican senator", "R"),  # the party in the name itself
        # Not tied: a plural party word after a comma, a verb between, both parties.
        ("Ray Boone, Republicans said, will run.", "Ray Boone", None),
        ("Republicans criticized Ray Boone.", "Ray Boone", None),
        ("Ray Boone (R-Idaho) met Dana Whitfield. Democratic Sen. Ray Boone spoke.", "Ray Boone", None),
    ],
)
def test_party_of_reads_the_party_the_text_ties_to_a_name(lex, text, name, party):
    assert sentiment.party_of(content_view(segment(text), frozenset()), lex, name) == party


@pytest.mark.parametrize("tag, own", [("D-Ore.", True), ("R-Ore.", False)])
def test_a_party_member_speaks_for_a_group_named_by_the_party(lex, tag, own):
    text = f'Senate Democrats unveiled the budget on Monday. "{ATTACK}," Sen. Dana Whitfield ({tag}) said.'
    base, tone = _tone(text, lex, ATTACK, "Senate_Democrats")
    assert base.polarity == "neg"
    assert tone.polarity == ("pos" if own else "neg")


@pytest.mark.parametrize(
    "intro, represents",
    [
        ("Whitfield attorney Ray Boone", True),
        ("Ray Boone, Ms. Whitfield's lawyer,", True),
        ("Ray Boone, a spokesman for Whitfield,", True),
        ("Whitfield campaign manager Ray Boone", True),
        ("Whitfield attacked lawyer Ray Boone, who", False),  # a clause, not a title
        ("Ray Boone, a lawyer for the port,", False),
    ],
)
def test_a_representative_speaks_for_the_target(lex, intro, represents):
    text = f'Mayor Dana Whitfield defended the budget. {intro} spoke to reporters on Tuesday. "{ATTACK}," Boone said.'
    content = content_view(segment(text), frozenset())
    assert sentiment.speaks_for(content, lex, "Ray Boone", "Dana_Whitfield") is represents
    base, tone = _tone(text, lex, ATTACK, "Dana_Whitfield")
    assert tone.polarity == ("pos" if represents else base.polarity)


@pytest.mark.parametrize("title, own", [("President", True), ("Mayor", False)])
def test_the_office_speaks_for_its_holder(lex, title, own):
    text = f'{title} Dana Whitfield defended the budget on Monday. "{ATTACK}," White House press secretary Ray Boone said.'
    base, tone = _tone(text, lex, ATTACK, "Dana_Whitfield")
    assert base.polarity == "neg" and tone.polarity == ("pos" if own else "neg")


@pytest.mark.parametrize(
    "span, led_by_criticism",
    [
        ("Spending the city's money on a party for her friends and supporters was a disgrace", True),
        ("Spending the city's money on a party for her friends and supporters was a terrible mistake", True),  # a tie: criticism
        ("Her budget won praise from grateful residents and supporters, though a few complained", False),
    ],
)
def test_praise_words_around_a_stronger_criticism_do_not_make_it_praise(lex, span, led_by_criticism):
    text = f"Mayor Dana Whitfield spoke on Monday. {span}."
    base, tone = _tone(text, lex, span, "Dana_Whitfield")
    assert base.polarity == "pos"  # the sum of its words is positive
    assert tone.polarity == ("neg" if led_by_criticism else "pos")


@pytest.mark.parametrize(
    "sentence, span, preposition",
    [
        ("Her aides are treating the budget like a sacred text.", "treating the budget like a sacred text", True),
        ("Her aides are acting like bullies.", "acting like bullies", True),
        ('"I like this budget a lot," a resident said.', "I like this budget a lot", False),  # the verb: praise
        ("Residents would like more budgets like hers.", "Residents would like more budgets like hers", False),
    ],
)
def test_like_as_a_preposition_is_not_praise(lex, sentence, span, preposition):
    text = f"Mayor Dana Whitfield spoke on Monday. {sentence}"
    base, tone = _tone(text, lex, span, "Dana_Whitfield")
    assert base.polarity == "pos"  # VADER scores every "like" +1.5
    assert tone.polarity == ("neg" if preposition else "pos")


def test_a_user_lexicon_adds_a_party(tmp_path):
    from framing.lexicon import load_lexicons

    (tmp_path / "sentiment_context.tsv").write_text("tory\tparty\tC\tnoun\n", encoding="utf-8")
    lex = load_lexicons((str(tmp_path),))
    assert sentiment.party_of(content_view(segment("Jane Holt, a Tory, said it."), frozenset()), lex, "Jane Holt") == "C"
    assert sentiment.party_of(content_view(segment("Tory MP Jane Holt said it."), frozenset()), lex, "Jane Holt") == "C"
