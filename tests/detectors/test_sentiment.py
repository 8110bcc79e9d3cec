"""Targeted sentiment: the tone toward each mention, read from what is said about it."""

from __future__ import annotations

import math

import pytest

from framing.detectors import sentiment
from framing.segment import content_view, segment


def _content(text: str):
    return content_view(segment(text), frozenset())


def _at(text: str, name: str, nth: int = 0) -> tuple[int, int]:
    start = -1
    for _ in range(nth + 1):
        start = text.index(name, start + 1)
    return start, start + len(name)


def _scores(text: str, lex, *names: str):
    spans = [_at(text, n) for n in names]
    return dict(zip(names, sentiment.score_mentions(_content(text), lex, spans)))


def test_model_ships_with_weights():
    model = sentiment.load_model()
    assert model["classes"] == list(sentiment.POLARITIES)
    assert len(model["weights"]) > 1000
    assert all(len(w) == 3 for w in list(model["weights"].values())[:50])


def test_tone_differs_per_actor_in_one_sentence(lex):
    text = "Kim praised Putin while the West condemned Pyongyang."
    s = _scores(text, lex, "Putin", "Pyongyang")
    assert s["Putin"].score > s["Pyongyang"].score + 0.3
    assert s["Pyongyang"].polarity == "neg"
    assert s["Putin"].polarity != "neg"


def test_scope_is_the_mention_sentence_with_exact_offsets(lex):
    text = "The council met on Monday. Critics accused the mayor of a cover-up and gross incompetence."
    content = _content(text)
    (m,) = sentiment.score_mentions(content, lex, [_at(text, "mayor")])
    s, e = m.scope
    assert text[s:e].startswith("Critics") and text[s:e].endswith("incompetence.")
    assert m.polarity == "neg" and -1.0 <= m.score < 0


def test_negation_turns_criticism_around(lex):
    plain = "The senator criticised the governor over the budget delays."
    negated = "The senator did not criticise the governor over the budget delays."
    a = _scores(plain, lex, "governor")["governor"]
    b = _scores(negated, lex, "governor")["governor"]
    assert b.score > a.score
    assert a.polarity == "neg"


def test_word_valences_follow_vader_negation_and_boosters(lex):
    table = sentiment._valence_table(lex)
    seg = segment("a very good plan , not good , good")
    v = sentiment._sentence_valences(seg, 0, len(seg.words), table)
    very_good, not_good, good = v[2], v[6], v[8]
    assert very_good > good > 0
    assert not_good < 0
    assert math.isclose(not_good, good * sentiment.NEG_SCALAR)


def test_news_lexicon_adds_words_vader_lacks(lex):
    table = sentiment._valence_table(lex)
    assert table["indicted"] < 0 and table["corruption"] < 0
    assert table["lauded"] > 0
    # Favourable framing VADER lacks, hyphenated words too (one token each).
    assert table["acclaim"] > 0 and table["award-winning"] > 0 and "award-winning" not in sentiment._vader_tables()[0]


def test_a_favourable_framing_word_makes_a_short_phrase_positive(lex):
    text = "The council hired an award-winning architect after years of delays and lawsuits."
    (m,) = sentiment.score_mentions(_content(text), lex, [_at(text, "award-winning architect")])
    assert m.polarity == "pos" and m.score > 0


def test_quote_and_reporter_voice_are_features(lex):
    quoted = '"The minister is a disgrace and a liar," the opposition leader said.'
    reported = "The minister announced a new school building programme on Tuesday."
    fq = sentiment.mention_features(_content(quoted), lex, *_at(quoted, "minister"))
    fr = sentiment.mention_features(_content(reported), lex, *_at(reported, "minister"))
    assert fq.get("in_quote") == 1.0 and "in_quote" not in fr
    s_q = _scores(quoted, lex, "minister")["minister"]
    s_r = _scores(reported, lex, "minister")["minister"]
    assert s_q.polarity == "neg"
    assert s_r.score > s_q.score


def test_phrase_spans_are_read_for_their_own_wording(lex):
    text = "The governor gave a rambling, incoherent speech. Later he gave a brilliant and moving address."
    content = _content(text)
    neg, pos = sentiment.score_mentions(content, lex, [_at(text, "rambling, incoherent"), _at(text, "brilliant and moving")])
    assert (neg.polarity, pos.polarity) == ("neg", "pos")
    name = sentiment._token_range(content.seg, *_at(text, "The governor"))
    assert not sentiment._is_phrase(content.seg, *name, sentiment._valence_table(lex), sentiment._context_words(lex).fillers)


def test_a_short_loaded_phrase_is_read_by_its_own_words_a_long_one_needs_its_context_too(lex, monkeypatch):
    text = (
        "Critics called the failed project a disaster and a scandal, and its one brilliant and "
        "generous review was ignored amid angry protests."
    )
    short, long_ = _at(text, "brilliant"), _at(text, "one brilliant and generous review")
    content = _content(text)
    got = sentiment.score_mentions(content, lex, [short, long_])
    # One or a few words are the reporter's own word choice: positive words read positive...
    assert got[0].polarity == "pos" and got[0].score > 0
    # ...while a longer phrase with positive words needs the context to lean positive too.
    assert got[1].polarity == "neg" and got[1].score <= 0
    # (The context here does lean negative: the model's reading when neither is a phrase.)
    monkeypatch.setattr(sentiment, "_is_phrase", lambda *a: False)
    assert all(m.score < 0 for m in sentiment.score_mentions(content, lex, [short, long_]))


def test_a_name_with_its_title_or_a_reflexive_is_a_mention_not_a_phrase(lex):
    text = "Veteran budget director Ann Holt defended the plan herself, but the bill was a costly failure."
    seg = _content(text).seg
    table, fillers = sentiment._valence_table(lex), sentiment._context_words(lex).fillers
    for span in ("Veteran budget director Ann Holt", "herself"):
        assert not sentiment._is_phrase(seg, *sentiment._token_range(seg, *_at(text, span)), table, fillers), span
    # Wording without a name is still a phrase.
    assert sentiment._is_phrase(seg, *sentiment._token_range(seg, *_at(text, "the bill was a costly failure")), table, fillers)


def test_polarity_toward_is_one_of_three_and_deterministic(lex):
    text = "Officials said Ms. Ortega would travel to Brussels next week."
    content = _content(text)
    s, e = _at(text, "Ms. Ortega")
    first = sentiment.polarity_toward(content, lex, s, e)
    assert first in sentiment.POLARITIES
    assert all(sentiment.polarity_toward(content, lex, s, e) == first for _ in range(3))


@pytest.mark.parametrize("span", [(0, 0), (5, 5), (1000, 1010)])
def test_degenerate_spans_do_not_crash(lex, span):
    text = "Short text."
    (m,) = sentiment.score_mentions(_content(text), lex, [span])
    assert m.polarity in sentiment.POLARITIES and -1.0 <= m.score <= 1.0


def test_empty_text(lex):
    (m,) = sentiment.score_mentions(_content(""), lex, [(0, 0)])
    assert m.polarity == "neu"


FAST_PATH_TEXTS = (
    "Critics said the mayor, a former banker, had misled voters, but supporters praised her record on housing.",
    "The senator did not criticise the governor. \u201cHe is a very good man,\u201d Smith said of Jones\u2019s plan.",
    "Kim praised Putin while the West condemned Pyongyang, and Seoul's envoy wasn't pleased.\n\nNo one blamed the 12 ministers.",
    "The ailing president and his disgraced aide were slightly hopeful: the court had not dismissed the case.",
)


@pytest.mark.parametrize("text", FAST_PATH_TEXTS)
def test_fast_path_equals_the_feature_definition(lex, text):
    """score_mentions sums weights from arrays; it must match the feature dicts the model was trained on."""
    content = _content(text)
    seg = content.seg
    spans = [(seg.token_starts[i], seg.token_ends[j - 1]) for i in range(len(seg.token_starts)) for j in (i + 1, i + 2) if j <= len(seg.token_starts)]
    fast = sentiment.score_mentions(content, lex, spans)
    table = sentiment._valence_table(lex)
    for (s, e), got in zip(spans, fast):
        a, b = sentiment._token_range(seg, s, e)
        if sentiment._is_phrase(seg, a, b, table, sentiment._context_words(lex).fillers):
            continue
        neg, neu, pos = sentiment._predict(sentiment.mention_features(content, lex, s, e))
        assert math.isclose(got.score, round(pos - neg, 4), abs_tol=2e-4), (text[s:e], got)
        assert got.polarity == sentiment.POLARITIES[max(range(3), key=lambda k: (neg, neu, pos)[k])]


def test_mentions_in_one_call_equal_mentions_one_by_one(lex):
    text = FAST_PATH_TEXTS[0] + " " + FAST_PATH_TEXTS[2]
    content = _content(text)
    spans = [_at(text, n) for n in ("mayor", "supporters", "Putin", "Pyongyang", "Seoul", "ministers")]
    together = sentiment.score_mentions(content, lex, spans)
    alone = [sentiment.score_mentions(content, lex, [sp])[0] for sp in spans]
    assert together == alone


def test_scores_and_polarities_equal_score_mentions(lex):
    """The list form `actors` reads gives the objects' numbers, past the text's end too."""
    text = FAST_PATH_TEXTS[0] + " " + FAST_PATH_TEXTS[2]
    content = _content(text)
    spans = [_at(text, n) for n in ("mayor", "supporters", "Putin", "Pyongyang", "Seoul", "ministers")] + [(len(text), len(text))]
    full = sentiment.score_mentions(content, lex, spans)
    assert sentiment.scores_and_polarities(content, lex, spans) == ([m.score for m in full], [m.polarity for m in full])
    assert full[-1].polarity == "neu" and full[-1].scope == (len(text), len(text))


@pytest.mark.parametrize(
    "text",
    [
        "Jones\u2019s plan won\u2019t pass; the 12 ministers\u2019 \u2018deal\u2019 cost $4.5bn in 2019\u2019s budget.",
        "\u2019Tis 3\u2019s and 4s: rock \u2019n\u2019 roll\u2019\u2019 \u2019",
        "No curly apostrophe here, only 7 numbers and O'Brien's straight one.",
        "",
    ],
)
def test_normalised_article_equals_norm_of_every_token(text):
    seg = segment(text)
    assert sentiment._normalised_article(seg) == [sentiment._norm(w) for w in seg.words]


@pytest.mark.parametrize(
    "text",
    [
        "not very good , not good but never , good ; hardly a truly bad , very very nice deal",
        "He isn't really extremely happy. Nobody was slightly sad, nor kind. Not, good. Not a b good.",
        "good not good very not good not very good wasn't good , not , bad",
    ],
)
def test_sentence_pass_valences_equal_vader_rules(lex, text):
    """The per-sentence pass unrolls VADER's booster and negation look-backs; the values must not move."""
    seg = segment(text)
    W = sentiment._weights(lex)
    nws = sentiment._normalised_article(seg)
    table = sentiment._valence_table(lex)
    for lo, hi in seg.sentence_tokens:
        ref = [(k, v) for k, v in zip(range(lo, hi), sentiment._sentence_valences(seg, lo, hi, table)) if v]
        assert sentiment._sentence(seg, W, nws, lo, hi, False)[0] == ref


def test_round4_is_round_to_the_bit():
    import random
    import struct

    rng = random.Random(7)
    xs = [rng.uniform(-1, 1) for _ in range(100_000)] + [rng.uniform(-1e-3, 1e-3) for _ in range(20_000)]
    xs += [k / 32 for k in range(-32, 33)]  # exact ties: round half to even decides
    xs += [(k + 0.5) / 10_000 for k in range(-10_000, 10_000, 37)]  # near ties
    xs += [0.0, -0.0, 1.0, -1.0, 0.99995, -0.99995, 0.00005, -0.00005, 1e-9, -1e-9, 5e-324, -5e-324]
    bits = lambda v: struct.pack("<d", v)
    for x in xs:
        assert bits(sentiment._round4(x)) == bits(round(x, 4)), x


def test_weights_are_cached_on_disk_and_a_bad_cache_file_is_ignored(lex, tmp_path, monkeypatch):
    """The tables read back from the user cache file are the ones built from the model."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    built = sentiment._Weights(sentiment.load_model(), sentiment._valence_table(lex))
    fresh = sentiment._weights.__wrapped__  # per_lexicon keeps one per process: bypass it
    assert fresh(lex).state() == built.state()  # built, then written
    (written,) = (tmp_path / "framing").glob("sentiment-weights-*.marshal")
    load_model = sentiment.load_model
    monkeypatch.setattr(sentiment, "load_model", None)  # read back: the model file is not read
    back = fresh(lex)
    monkeypatch.setattr(sentiment, "load_model", load_model)
    assert back.state() == built.state() and list(back.valence) == list(built.valence)
    assert [g("said") for g in back.get] == [g("said") for g in built.get]
    written.write_bytes(written.read_bytes()[:1000])  # truncated: built again, rewritten
    assert fresh(lex).state() == built.state()
    assert fresh(lex).state() == built.state()


def _vector_rows():
    """The model's weights on the word-vector features: {role: {dim: complex (neg-neu, pos-neu)}}."""
    rows: dict[str, dict[int, complex]] = {}
    for name, (w0, w1, w2) in sentiment.load_model()["weights"].items():
        if name.startswith("e:"):
            r, _, j = name[2:].partition(":")
            rows.setdefault(r, {})[int(j)] = complex(w0 - w1, w2 - w1)
    return rows


def test_word_vectors_ship_with_their_model_and_licence():
    import gzip
    from importlib import resources

    raw = resources.files("framing").joinpath("models", sentiment.VECTORS_FILE).read_bytes()
    head = [line for line in gzip.decompress(raw).decode("utf-8").splitlines()[:10] if line.startswith("#")]
    assert any("all-MiniLM-L6-v2" in line and "Apache-2.0" in line for line in head)
    vectors = sentiment.load_word_vectors()
    assert len(vectors) > 10000 and len({len(v) for v in vectors.values()}) == 1
    assert _vector_rows(), "the shipped model carries no word-vector weights"


@pytest.mark.parametrize("word", ["stellar", "traitor", "the", "council"])
def test_vector_weights_fold_into_each_roles_word_weight(lex, word):
    """The folded per-word weight = the word's own weight + (model weights on the vector sum) · vec(word) × EMBED_WEIGHT."""
    model = sentiment.load_model()["weights"]
    vec = sentiment.load_word_vectors()[word]
    W = sentiment._weights(lex)
    for r, row in _vector_rows().items():
        w0, w1, w2 = model.get(f"{r}:{word}", (0.0, 0.0, 0.0))
        want = complex(w0 - w1, w2 - w1) + sum(x * row.get(j, 0j) for j, x in enumerate(vec)) * sentiment.EMBED_WEIGHT[r]
        got = W.role[r][word]
        assert abs(got - want) < 1e-9, (r, got, want)


def test_a_word_the_model_never_saw_counts_through_its_vector_and_one_without_a_vector_adds_nothing(lex):
    vectors, model, table = sentiment.load_word_vectors(), sentiment.load_model()["weights"], sentiment._valence_table(lex)
    seen = lambda w: any(name.partition(":")[2] == w for name in model)  # noqa: E731
    assert "stellar" in vectors and not seen("stellar") and "stellar" not in table
    assert not ({"blorf", "qwzx"} & vectors.keys()) and not seen("blorf") and not seen("qwzx")
    text = "Smith's record in office was {}, the newspaper wrote."
    score = {w: _scores(text.format(w), lex, "Smith")["Smith"].score for w in ("stellar", "blorf", "qwzx")}
    assert score["blorf"] == score["qwzx"]
    assert score["stellar"] > score["blorf"]


def test_context_words_are_data_a_user_lexicon_extends(lex, tmp_path):
    from framing.lexicon import load_lexicons

    text = "The mayor quipped that the parade would go ahead."
    span = _at(text, "The mayor")
    assert "speaker:R" not in sentiment.mention_features(_content(text), lex, *span)
    (tmp_path / "sentiment_context.tsv").write_text("quipped\tsay\nrep\toff\n", encoding="utf-8")
    mine = load_lexicons((str(tmp_path),))
    assert sentiment.mention_features(_content(text), mine, *span).get("speaker:R") == 1.0
    # The bundled titles make no wording inside a name; one removed, it does.
    bundled, user = sentiment._context_words(lex), sentiment._context_words(mine)
    assert "rep" in bundled.fillers and "rep" not in user.fillers
    assert {"said", "told"} <= bundled.say and bundled.party["gop"] == "R"


def test_like_is_praise_only_as_a_verb(lex):
    words = ("i", "like", "them")
    like = sentiment._context_words(lex).like_subject
    assert not sentiment._led_by_criticism(words, [(1, 1.5)], like)  # "I like them": the verb
    assert sentiment._led_by_criticism(("acting", "like", "bullies"), [(1, 1.5)], like)  # the preposition


@pytest.mark.parametrize("before", ["i'd", "we’d", "don’t"])
def test_like_after_a_contraction_is_the_verb(lex, before):
    like = sentiment._context_words(lex).like_subject
    assert not sentiment._led_by_criticism((before, "like", "them"), [(1, 1.5)], like)
