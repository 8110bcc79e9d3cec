"""Segmentation: sentences, tokens, quotes and line/col, on our own text."""

from __future__ import annotations

from framing.segment import char_flags, content_view, segment


def sentences(text: str) -> list[str]:
    seg = segment(text)
    return [text[s:e] for s, e in seg.sentences]


def test_abbreviations_titles_and_initials_do_not_split():
    text = "Mr. Okafor met Dr. J. R. Lind at the U.N. office on Friday. The talks lasted two hours."
    assert sentences(text) == ["Mr. Okafor met Dr. J. R. Lind at the U.N. office on Friday.", "The talks lasted two hours."]


def test_acronym_at_sentence_end_splits_before_an_opener():
    text = "The envoy flew to the U.S. The visit was brief. Aid from the U.S. Treasury followed."
    assert sentences(text) == ["The envoy flew to the U.S.", "The visit was brief.", "Aid from the U.S. Treasury followed."]


def test_quoted_sentence_keeps_its_closing_quote():
    text = "She said, “We will not leave.” The crowd cheered."
    assert sentences(text) == ["She said, “We will not leave.”", "The crowd cheered."]


def test_lines_are_blocks_and_hard_wraps_join():
    text = "Headline Without Period\nThe council met on\nthe bridge to vote.\n\nA second paragraph."
    seg = segment(text)
    assert [text[s:e] for s, e in seg.blocks] == ["Headline Without Period", "The council met on\nthe bridge to vote.", "A second paragraph."]


def test_quotes_curly_straight_and_open_to_block_end():
    text = 'He said "yes" and “no.”\nShe added: “It will take years.\n“We are ready,” she said.'
    seg = segment(text)
    got = [text[s:e] for s, e in seg.quotes]
    assert got == ['"yes"', "“no.”", "“It will take years.", "“We are ready,”"]
    assert seg.in_quote(text.index("years"))
    assert not seg.in_quote(text.index("she said"))


def test_tokens_keep_apostrophes_and_hyphens():
    seg = segment("Kim’s state-run media didn't say.")
    assert seg.words[:4] == ("kim’s", "state-run", "media", "didn't")


def test_line_col_is_one_based():
    text = "first line\nsecond line here"
    seg = segment(text)
    assert seg.line_col(0) == (1, 1)
    assert seg.line_col(text.index("line here")) == (2, 8)


def test_crlf_line_ends_are_not_part_of_lines():
    text = "one\r\ntwo"
    seg = segment(text)
    assert [text[s:e] for s, e in seg.lines] == ["one", "two"]


def test_content_view_counts_words_by_voice_and_skips_boilerplate():
    text = "Share this:\nThe mayor said “we will rebuild the bridge” on Monday."
    seg = segment(text)
    content = content_view(seg, frozenset({0}))
    assert len(content.sentences) == 1
    assert content.quote_words == 5
    assert content.reporter_words == 5
    assert content.words == 10


def test_empty_text():
    seg = segment("")
    assert seg.sentences == () and seg.words == ()


def test_plural_possessive_and_closing_quote_do_not_split():
    text = "The Workers’ Party met. He called it a “friendly” Visit in the headline."
    assert sentences(text) == ["The Workers’ Party met.", "He called it a “friendly” Visit in the headline."]


def test_token_flags_match_per_character_tests():
    # Curly quotes, accented and non-Latin capitals, digits: the ASCII fast path and the
    # per-character fallback must agree with the str methods.
    text = "“Élise Dupont’s plan,” said Ängel, 42, to Дмитрий in São Paulo — ok?"
    seg = segment(text)
    firsts = [text[s] for s in seg.token_starts]
    assert seg.first_chars == "".join(firsts)
    assert seg.is_cap == bytes(map(str.isupper, firsts))
    assert [seg.words[i] for i, c in enumerate(seg.is_cap) if c] == ["élise", "dupont’s", "ängel", "дмитрий", "são", "paulo"]
    for test in (str.isupper, str.islower, str.isalpha, str.isalnum):
        assert char_flags(seg.first_chars, test) == bytes(map(test, seg.first_chars))
    assert segment("").is_cap == b"" and segment("A").is_cap == b"\x01"


def test_blocks_without_a_sentence_end_are_one_sentence_each():
    text = "Fire Crews Return\nCrews came back. They rested.\nPhotos by staff\nCaption here\n\nThe road reopened at noon! Traffic moved"
    assert sentences(text) == [
        "Fire Crews Return",
        "Crews came back.",
        "They rested.",
        "Photos by staff",
        "Caption here",
        "The road reopened at noon!",
        "Traffic moved",
    ]


def test_a_quote_left_open_closes_at_its_block_end_only():
    text = "“First part of a long quote.\nPlain line between.\n“Second part,” he said, 'and more'\n\"Open again"
    seg = segment(text)
    assert [text[s:e] for s, e in seg.quotes] == ["“First part of a long quote.", "“Second part,”", '"Open again']


def test_lower_casing_never_changes_a_characters_token_class():
    # segment() tokenizes the lower-cased text to get offsets and words in one pass; that
    # is exact only if no character that lower-cases to one character changes class.
    import re
    import sys

    word, space = re.compile(r"\w"), re.compile(r"\s")

    def cls(c):
        return bool(word.match(c)), bool(space.match(c)), c in "’'-"

    lowered = ((chr(cp), chr(cp).lower()) for cp in range(sys.maxunicode + 1))
    changed = [c for c, low in lowered if low != c and len(low) == 1 and cls(c) != cls(low)]
    assert changed == []


def test_lstrip_strips_exactly_what_the_whitespace_class_matches():
    # segment() takes each token as its (whitespace + token) piece with str.lstrip applied.
    import re
    import sys

    space = re.compile(r"\s")
    differ = [cp for cp in range(sys.maxunicode + 1) if bool(space.match(chr(cp))) != (chr(cp).lstrip() == "")]
    assert differ == []


def test_tokens_and_words_match_a_plain_token_scan():
    import re

    token = re.compile(r"\w++(?:[’'\-]\w++)*+|[^\w\s]")
    for text in (
        "Kim’s state-run agency didn't say.\r\nΣΟΦΟΣ ΟΔΟΣ, Straße and STRAẞE.",
        "İstanbul’s mayor spoke.  ...  “Yes,” she said — 3.5% of x_y.",  # İ lower-cases to two characters
        "",
        "   \n\t ",
    ):
        seg = segment(text)
        spans = [m.span() for m in token.finditer(text)]
        assert list(zip(seg.token_starts, seg.token_ends)) == spans
        assert seg.words == tuple(text[s:e].lower() for s, e in spans)


def test_content_view_counts_words_in_and_out_of_quotes_across_kept_sentences():
    text = (
        "Dam Talks Resume\n"
        "Officials met on Monday. “We are close to a deal,” the envoy said, “very close.”\n"
        "Share this article\n"
        '"Nothing is agreed," a spokesman said. Talks continue.'
    )
    seg = segment(text)
    full = content_view(seg, frozenset())
    words = sum(seg.is_word[a:b].count(1) for a, b in seg.sentence_tokens)
    assert full.words == words == 29
    assert full.quote_words == 6 + 2 + 3  # "We are close to a deal", "very close", "Nothing is agreed"
    assert full.reporter_words == words - full.quote_words
    # Dropping the share line (boilerplate) removes its words; dropping line 1 its quotes too.
    assert content_view(seg, frozenset({2})).words == words - 3
    without = content_view(seg, frozenset({1, 2}))
    assert (without.words, without.quote_words) == (words - 3 - 15, 3)


def test_content_span_carries_offsets_text_line_col_and_voice():
    from framing.model import Span

    text = "Bridge Opens\nThe mayor said “it is done” today.\n\nCrews left."
    content = content_view(segment(text), frozenset())
    i = text.index("it is")
    assert content.span("x", i, i + 5, "lab", rule="r.x", note="n") == Span("x", i, i + 5, "it is", "lab", 2, i - 13 + 1, "quote", "r.x", None, "n")
    j = text.index("Crews")
    assert content.span("x", j, j + 5, "lab", score=0.5) == Span("x", j, j + 5, "Crews", "lab", 4, 1, "reporter", "", 0.5, "")
    assert content.span("x", 0, 6, "lab", voice="quote").voice == "quote" and content.span("x", 0, 6, "lab").line == 1


def test_quote_marks_are_those_of_the_plain_alternation():
    import re

    from framing.segment import _QUOTE_MARK

    plain = re.compile("[“«„”»\"]|''")
    for text in ("''Yes,'' he said.", "it's the Workers' ''", "'''", "''''", "\"''", "'\"'", "x''y'z", "«a» „b“ “c”", "'"):
        assert [m.span() for m in _QUOTE_MARK.finditer(text)] == [m.span() for m in plain.finditer(text)], text


def test_an_opening_mark_typed_as_the_closing_one_still_closes_its_quote():
    # Typographic slips in real copy: “ after a word before a space closes, ” after a space
    # before a word opens; the reporter's "she said" after them is not quoted.
    text = "“We are not leaving,“ she said. The board called it “a pause“ and moved on.\nHe wrote ”Never again.” She said „nein“ twice."
    seg = segment(text)
    assert [text[s:e] for s, e in seg.quotes] == ["“We are not leaving,“", "“a pause“", "”Never again.”", "„nein“"]
    assert not seg.in_quote(text.index("she said"))
    assert not seg.in_quote(text.index("moved on"))
    # A stray closing-style “ with nothing open opens nothing: the rest is the reporter's.
    text = "The plan, he said,“ will work. Officials agreed."
    assert segment(text).quotes == ()


def test_the_sentence_end_patterns_find_the_candidates_of_the_plain_spelling():
    import itertools
    import random
    import re

    from framing.segment import _SENT_END, _SENT_END_PERIOD

    plain = re.compile(r"[.!?…]+[\"”’')\]]*(?=\s++(.?))")

    def found(pattern, text):
        return [(m.start(), m.end(), m.start(1)) for m in pattern.finditer(text)]

    # Every string of up to 5 characters (4 with every mark) over the characters that matter,
    # then long random ones; the period pattern only on texts without "!", "?" and "…" (the only ones it gets).
    for marks in (".", ".!?…"):
        alphabet = marks + "”’')]\"a \n\t"
        texts = ["".join(t) for n in range(6 if len(marks) == 1 else 5) for t in itertools.product(alphabet, repeat=n)]
        rng = random.Random(6)
        texts += ["".join(rng.choice(alphabet + "A1") for _ in range(rng.randint(10, 80))) for _ in range(20_000)]
        for text in texts:
            assert found(_SENT_END, text) == found(plain, text), repr(text)
            if len(marks) == 1:
                assert found(_SENT_END_PERIOD, text) == found(plain, text), repr(text)
    # A text with "!", "?" or "…" still gets the full pattern: the periods alone would miss them.
    assert [s for s, _ in segment("Is it? Yes! Fine… Done.").sentences] == [0, 7, 12, 18]


def test_lazy_properties_are_computed_once_and_kept_in_the_instance_dict():
    seg = segment("One line here.\nAnd “a quote” there.")
    assert "is_cap" not in seg.__dict__
    first = seg.is_cap
    assert seg.__dict__["is_cap"] is first and seg.is_cap is first
    assert seg._quote_starts == [s for s, _ in seg.quotes] and seg._line_starts == [0, 15]
    assert type(seg).first_chars.__doc__.startswith("The first character")


def test_a_quote_closed_with_two_apostrophes_ends_its_sentence():
    # Wire copy closes quotes with '' ; the next sentence must not start inside this one.
    text = "''The vote is over,'' she said. ''We won.'' Then the crowd left."
    assert [text[s:e] for s, e in segment(text).sentences] == [
        "''The vote is over,'' she said.",
        "''We won.''",
        "Then the crowd left.",
    ]
