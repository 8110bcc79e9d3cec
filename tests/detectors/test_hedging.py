"""Hedging detector: each cue category, each disambiguation, voice split, boosters, metrics."""

from __future__ import annotations

import pytest

from framing.detectors import hedging
from framing.lexicon import LexiconError, load_lexicons
from framing.segment import content_view, segment


def run(text: str, lex=None):
    """The detector alone, on every sentence (no boilerplate step in the way)."""
    return hedging.detect(content_view(segment(text), frozenset()), lex or load_lexicons())


def cues(text: str, kind: str = "hedge") -> list[tuple[str, str]]:
    return [(s.text, s.label) for s in run(text).spans if s.kind == kind]


@pytest.mark.parametrize(
    "text, cue, label",
    [
        ("The ministry may publish the figures on Friday.", "may", "modal"),
        ("The strike might spread to the ports.", "might", "modal"),
        ("The new tax could cost families hundreds of pounds.", "could", "modal"),
        ("The figures suggest that the scheme is failing.", "suggest", "epistemic"),
        ("The company appears to have misled investors.", "appears", "epistemic"),
        ("The dog seems calmer since the move.", "seems", "epistemic"),
        ("Officials believe the fire started in the kitchen.", "believe", "epistemic"),
        ("Most economists think the rate will fall.", "think", "epistemic"),
        ("The deal is expected to close next year.", "expected", "epistemic"),
        ("Many residents see the plan as a land grab.", "see", "epistemic"),
        ("The vote will probably be delayed.", "probably", "adverb"),
        ("The cause of the crash is unclear.", "unclear", "adverb"),
        ("Police are investigating a possible link between the attacks.", "possible", "adverb"),
        ("The findings suggest possible links between the two cases.", "possible", "adverb"),
        ("Scientists will test possible treatments next year.", "possible", "adverb"),
        ("Officials did not rule out the possibility of a second vote.", "possibility", "noun"),
        ("There is no evidence that the water was contaminated.", "no evidence", "noun"),
        ("The minister reportedly resigned on Sunday.", "reportedly", "reportative"),
        ("The alleged fraud ran for six years.", "alleged", "reportative"),
        ("The bridge is said to be unsafe.", "is said to", "reportative"),
    ],
)
def test_each_category_fires(text, cue, label):
    assert (cue, label) in cues(text)


@pytest.mark.parametrize(
    "text",
    [
        "The talks resume in May.",
        "On May 5 the council met again.",
        "May 12, 2024 was a Sunday.",
        "Rescuers could not find the hikers.",
        "She could swim as a child.",
        "He could not be reached for comment.",
        "The minister is expected to arrive on Monday.",
        "Sales rose, as expected.",
        "Profits were better than expected.",
        "The chief executive said the firm would cut 300 jobs.",
        "Ms Patel suggested a new timetable to the board.",
        "She suggested changing the route.",
        "The mayor appeared in court on Monday.",
        "The singer appears on the new album.",
        "A think tank in Berlin published the study.",
        "Children love make-believe games.",
        "Children love to make believe.",
        "Finish the report as soon as possible.",
        "The team got the best possible result.",
        "Its lowest possible price is 200 pounds.",
        "It was the ferry company’s best possible offer.",  # a curly possessive, as in most news copy
        "The council’s potential to raise fares is limited.",
        "The port’s estimated costs rose.",
        "It is possible to book seats online.",
        "The firm is talking to potential buyers.",
        "It became apparent that the bridge was closed.",
        "Police questioned two suspects on Friday.",
        "She will assume the role of chair in June.",
        "The film was seen by two million people.",
        "He considered calling the police.",
    ],
)
def test_disambiguation_drops_non_hedges(text):
    assert cues(text) == []


@pytest.mark.parametrize(
    "text, cue",
    [
        ("The bridge may not reopen this year.", "may"),
        ("May the talks succeed is all we can say.", "May"),
        ("Talks May Resume After Holiday", "May"),
        ("It would seem that nobody read the report.", "would"),
        ("The data suggest a link between diet and sleep.", "suggest"),
        ("The storm could still change course.", "could"),
        ("It appears the council ignored the warning.", "appears"),
        ("Prices are expected to rise on Monday.", "expected"),
        ("The party is widely regarded as the favourite.", "regarded"),
        ("Inspectors suspect that the wiring was faulty.", "suspect"),
    ],
)
def test_hedges_survive_their_guards(text, cue):
    assert cue in [c for c, _ in cues(text)]


def test_approximators_are_their_own_kind():
    text = "About 200 people came, nearly half of them from the valley; an estimated 3,000 watched online."
    assert cues(text, "approximator") == [("About", "approximator"), ("nearly", "approximator"), ("an estimated", "approximator")]
    assert cues(text) == []
    assert cues("The report is about the new hospital and some of its staff.", "approximator") == []
    # "a" before a figure, as before a number word ("nearly a third")
    text = "Rents rose by about a 10 percent margin, and around a $5 fee was added."
    assert cues(text, "approximator") == [("about", "approximator"), ("around", "approximator")]
    assert cues("The talk was about a plan for the harbour.", "approximator") == []


def test_boosters():
    assert cues("The plan will clearly fail.", "booster") == [("clearly", "booster")]
    assert cues("Of course, the council knew about the leak.", "booster") == [("Of course", "booster")]
    assert cues("There is no doubt about the result.", "booster") == [("There is no doubt", "booster")]
    assert cues("There is no doubt about the result.") == []  # "doubt" yields to the longer booster
    assert cues("The signs were clearly visible.", "booster") == []
    assert cues("The minister spoke clearly.", "booster") == []
    # the longer hedge wins over the booster inside it
    assert cues("It is almost certainly the largest fire.") == [("almost certainly", "adverb")]
    assert cues("It is almost certainly the largest fire.", "booster") == []


def test_spans_carry_exact_offsets_rule_and_position():
    text = "Budget row\n\nThe council may delay the vote. Officials reportedly disagree."
    out = run(text)
    assert [s.rule for s in out.spans] == ["hedging.modal", "hedging.reportative"]
    for s in out.spans:
        assert text[s.start : s.end] == s.text
    first = out.spans[0]
    assert (first.line, first.col) == (3, 13)


def test_voice_split_between_reporter_and_quotes():
    text = 'The mayor reportedly opposed the plan. "It might never be built," she said. "Perhaps next year."'
    out = run(text)
    voices = {s.text: s.voice for s in out.spans}
    assert voices == {"reportedly": "reporter", "might": "quote", "Perhaps": "quote"}
    m = out.metrics
    content = content_view(segment(text), frozenset())
    assert m["hedges"] == 3
    assert m["hedges_per_100w_reporter"] == pytest.approx(100 * 1 / content.reporter_words)
    assert m["hedges_per_100w_quote"] == pytest.approx(100 * 2 / content.quote_words)


def test_metrics():
    text = "The plan may fail. It will clearly cost more. The council met on Tuesday. Costs could rise."
    m = run(text).metrics
    assert m["hedges"] == 2 and m["boosters"] == 1
    assert m["hedges_modal"] == 2
    for cat in hedging.HEDGE_CATEGORIES:
        assert f"hedges_{cat}" in m
    assert m["hedges_reportative"] == 0
    assert m["hedge_booster_balance"] == pytest.approx((2 - 1) / 3)
    assert m["uncertain_sentence_share"] == pytest.approx(2 / 4)
    assert m["boosters_per_100w"] == pytest.approx(100 / 17)


def test_no_cues_gives_zero_metrics():
    m = run("The council met on Tuesday and approved the budget.").metrics
    assert m["hedges"] == 0 and m["boosters"] == 0 and m["hedge_booster_balance"] == 0.0
    assert m["uncertain_sentence_share"] == 0.0 and m["hedges_per_100w_quote"] == 0.0


def test_only_content_sentences_are_read():
    text = "You may also like\nThe council approved the budget."
    seg = segment(text)
    out = hedging.detect(content_view(seg, frozenset({0})), load_lexicons())
    assert out.spans == ()


def test_user_lexicon_can_remove_and_add_cues(tmp_path):
    (tmp_path / "hedging.tsv").write_text("might\toff\nmaybe not\tadverb\n", encoding="utf-8")
    lex = load_lexicons((str(tmp_path),))
    out = run("The strike might spread, maybe not.", lex)
    assert [(s.text, s.label) for s in out.spans] == [("maybe not", "adverb")]


def test_unknown_guard_is_a_lexicon_error(tmp_path):
    (tmp_path / "hedging.tsv").write_text("perchance\tadverb\tno_such_guard\n", encoding="utf-8")
    with pytest.raises(LexiconError, match="no_such_guard"):
        run("Perchance it rains.", load_lexicons((str(tmp_path),)))


@pytest.mark.parametrize(
    "lists, text, cue",
    [
        ('copula_like = ["stays"]', "The cause of the fire stays unknown.", "unknown"),
        ('belief_holder = ["voters"]', "Voters consider the plan a trap.", "consider"),
        ('soften_verb = ["wager"]', "I would wager the vote slips.", "would"),
    ],
)
def test_user_lexicon_extends_a_guard_word_list(tmp_path, lists, text, cue):
    assert cue not in [t for t, _ in cues(text)]
    (tmp_path / "hedging_context.toml").write_text(f"[words]\n{lists}\n", encoding="utf-8")
    out = run(text, load_lexicons((str(tmp_path),)))
    assert cue in [s.text for s in out.spans if s.kind == "hedge"]


def test_user_lexicon_extends_the_non_belief_lists(tmp_path):
    text = "Officials think hard about the offer. Mr Diaz could be phoned at home."
    assert [t for t, _ in cues(text)] == ["think", "could"]
    (tmp_path / "hedging_context.toml").write_text('[words]\nthink_idiom = ["hard"]\ncontact_verb = ["phoned"]\n', encoding="utf-8")
    assert run(text, load_lexicons((str(tmp_path),))).spans == ()


def test_every_context_list_is_read_and_an_unknown_one_is_an_error(tmp_path):
    meta = load_lexicons().table("hedging_context")
    assert set(meta["meta"]["categories"]) == set(meta["words"]) == hedging.CONTEXT_LISTS
    (tmp_path / "hedging_context.toml").write_text('[words]\ncopula_likes = ["stays"]\n', encoding="utf-8")
    with pytest.raises(LexiconError, match="copula_likes"):
        run("It stays unknown.", load_lexicons((str(tmp_path),)))


def test_deterministic():
    text = "Officials believe the fire may have started in a kitchen, reportedly after about 9pm."
    assert run(text) == run(text)


def _reference(content, lex) -> list[tuple[int, int, str, str]]:
    """The detector's matching spelled out: ``find_all`` over every content sentence (the slow, plain form)."""
    w = hedging._words(lex)
    seg = content.seg
    out = []
    for si in content.sentences:
        a, b = seg.sentence_tokens[si]
        c = hedging._Ctx(seg.words, seg, a, b, w.ctx)
        lists = []
        for wl in (w.hedges, w.boosters):
            got = []
            for i, j, entry in wl.find_all(seg.words, a, b):
                guard = entry.extra[0] if entry.extra else ""
                cat = hedging.GUARDS[guard](c, i, j, entry.category) if guard else entry.category
                if cat is not None:
                    got.append((i, j, cat))
            lists.append(got)
        found, boost = lists
        for i, j, cat in boost:
            clash = [k for k, (hi, hj, _) in enumerate(found) if hi < j and i < hj]
            if any(found[k][1] - found[k][0] >= j - i for k in clash):
                continue
            found = [f for k, f in enumerate(found) if k not in clash] + [(i, j, cat)]
        out += [(seg.token_starts[i], seg.token_ends[j - 1], cat, content.voice(seg.token_starts[i])) for i, j, cat in sorted(found)]
    return out


SPEED_TEXTS = (
    # Cue pairs across a sentence end, a cue as the last token, repeated first words.
    "It is clear that the plan failed. In fact, it is not clear. There is no doubt about it. Of course\n\nit is",
    'Without a doubt the mayor may resign. "She could, in fact, stay," he said; as many as 40 may follow. It is said to',
    "Nobody knows. The board is said to be split, reportedly. Was said to be. Not sure. Not known whether it might.",
)


@pytest.mark.parametrize("text", SPEED_TEXTS)
def test_detect_equals_find_all_over_every_sentence(lex, text):
    """The detector looks only at tokens that can start a cue; it must find what a full scan finds."""
    for drop in (frozenset(), frozenset({1})):  # also with a line left out as boilerplate
        content = content_view(segment(text), drop)
        spans = hedging.detect(content, lex).spans
        got = [(s.start, s.end, s.label if s.kind == "hedge" else s.kind, s.voice) for s in spans]
        assert got == _reference(content, lex)
        assert all(text[s.start : s.end] == s.text for s in spans)


def test_detect_equals_find_all_on_the_seeds(lex, seeds_dir):
    for path in sorted(seeds_dir.glob("*.txt")):
        content = content_view(segment(path.read_text(encoding="utf-8")), frozenset({0, 1, 2}))
        got = [(s.start, s.end, s.label if s.kind == "hedge" else s.kind, s.voice) for s in hedging.detect(content, lex).spans]
        assert got == _reference(content, lex), path.name
