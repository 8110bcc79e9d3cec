"""Boilerplate detector on small texts written for the project."""

from __future__ import annotations

import pytest

from framing.detectors import boilerplate
from framing.detectors.boilerplate import CATEGORIES, detect, normalize_line, recurring_lines
from framing.pipeline import analyze
from framing.segment import segment

P1 = (
    "The city council voted on Tuesday to close the old swimming pool at the end of the summer, "
    "after engineers found cracks in the foundations that would cost too much to repair."
)
P2 = (
    "Residents who opposed the closure said the pool was the only one within walking distance "
    "for hundreds of families, and asked the council to look for money in next year's budget."
)
P3 = (
    "The mayor said a new leisure centre with two pools would open on the east side of town in "
    "three years, and that free buses would run there from the old site in the meantime."
)


def flagged(text: str, **kw) -> dict[int, str]:
    """1-based line -> category of every boilerplate line."""
    return {s.line: s.label for s in analyze(text, **kw).spans if s.kind == "boilerplate"}


def article(*lines: str) -> str:
    return "\n\n".join(lines)


def line_no(text: str, piece: str) -> int:
    return next(i for i, l in enumerate(text.split("\n"), 1) if piece in l)


def test_plain_story_has_no_boilerplate():
    text = article("Council Votes to Close Old Pool", P1, P2, P3)
    assert flagged(text) == {}


@pytest.mark.parametrize(
    "line, category",
    [
        ("Share this:", "share"),
        ("Share on Facebook", "share"),
        ("Leave a Reply", "comment"),
        ("Comments (14)", "comment"),
        ("© 2031 The Valley Gazette. All rights reserved.", "legal"),
        ("Copyright 2031 Valley Media Group", "legal"),
        ("Terms of Use | Privacy Policy", "legal"),
        ("Photo: Sam Okafor", "caption"),
        ("Image credit: City archive", "caption"),
        ("Related: Council delays vote on bike lanes", "related"),
        ("Most Popular", "related"),
        ("ADVERTISEMENT", "advert"),
        ("Sign up for our morning newsletter", "advert"),
        ("7", "fragment"),
        ("•", "fragment"),
        ("Want more council news? Join the Gazette Weekly Newsletter.", "advert"),
        ("Get the morning headlines in your inbox", "advert"),
        ("Sam Okafor, Associated Press", "caption"),
        ("Lena Park, AP", "caption"),
        ("SEE MORE: Council delays vote on bike lanes", "related"),
        ("View all (23)", "related"),
        ("Next Up In Local News", "related"),
        ("https://images.example.com/2031/03/pool-closing-1200x630.jpg", "caption"),
        ("1 of 6", "caption"),
        ("Sharing is caring!", "share"),
    ],
)
def test_furniture_line_between_paragraphs(line, category):
    text = article("Council Votes to Close Old Pool", P1, line, P2, P3)
    assert flagged(text) == {line_no(text, line): category}


def test_byline_under_headline():
    text = article("Council Votes to Close Old Pool", "By Ana Ruiz, Staff Reporter", P1, P2)
    assert flagged(text) == {3: "byline"}


def test_bio_at_the_end():
    text = article(P1, P2, P3, "Jonas Weber is a freelance reporter who writes about cities and transport.")
    assert flagged(text) == {7: "bio"}
    text = article(P1, P2, "Hello! I'm Mia, a student who loves local politics and long bike rides.")
    assert flagged(text) == {5: "bio"}


def test_first_person_story_is_not_a_bio():
    own = "I'm one of the swimmers who will miss the pool: I learned to swim there, and so did my children."
    text = article(own, P1, P2)
    assert flagged(text) == {}


def test_wire_photo_caption_reads_like_a_sentence_but_is_a_caption():
    caption = (
        "A lifeguard folds the last deck chairs beside the empty pool in central Riverton, "
        "Eastland June 30, 2031. AGENCY/Kim Lo"
    )
    text = article(P1, P2, caption, P3)
    assert flagged(text) == {5: "caption"}
    dated = "Swimmers queue at the gate of the old pool in Riverton, Eastland July 1, 2031."
    assert flagged(article(P1, dated, P2)) == {3: "caption"}


def test_subheading_is_content_and_teaser_is_related():
    sub = article("Council Votes to Close Old Pool", P1, "What Happens Next", P2, P3)
    assert flagged(sub) == {}
    teaser = "Neighbouring town quietly opened a new outdoor pool last spring"
    text = article("Council Votes to Close Old Pool", P1, teaser, P2, P3)
    assert flagged(text) == {5: "related"}


def test_whole_line_phrases_do_not_fire_inside_prose():
    text = article(P1, "Residents will share the cost of a new pool, the mayor said, and comments are welcome until May.", P2)
    assert flagged(text) == {}


def test_navigation_menu_and_footer_around_the_story():
    menu = ["Home", "News", "Sport", "Business", "Weather", "Opinion"]
    footer = ["About Us", "Contact", "Advertise", "Careers", "Privacy Policy", "© 2031 Valley Media"]
    text = "\n".join(menu + ["Council Votes to Close Old Pool", P1, P2, P3] + footer)
    got = flagged(text)
    lines = text.split("\n")
    for i, line in enumerate(lines, 1):
        if line in menu or line in footer:
            assert i in got, f"{line!r} not flagged"
        elif line in (P1, P2, P3):
            assert i not in got, f"story line {i} flagged"


def test_recurring_template_lines():
    text = article(P1, "Valley Gazette - your town, your news", P2)
    assert flagged(text) == {}
    template = frozenset({normalize_line("Valley Gazette -  Your Town, your news")})
    assert flagged(text, recurring_lines=template) == {3: "related"}


def test_recurring_lines_helper():
    shared = "Valley Gazette - your town, your news"
    docs = {
        "gazette": [f"{shared}\nStory {i} about the pool.\n" for i in range(4)],
        "small": [f"{shared}\nOnly one.", f"{shared}\nOnly two."],
    }
    out = recurring_lines(docs)
    assert out["gazette"] == frozenset({normalize_line(shared)})
    assert out["small"] == frozenset()  # too few articles to know the template


def test_main_text_marks_lines_outside_the_body():
    sidebar = "Five things to do in Riverton this weekend"
    text = "\n".join(["Council Votes to Close Old Pool", P1, sidebar, P2])
    main = "\n".join([P1, P2])
    got = flagged(text, main_text=main)
    assert got == {3: "related"}  # the headline stays though trafilatura leaves it out


def test_title_line_is_content():
    text = "\n".join(["Home", "News", "Pool to close", P1, P2])
    assert 3 not in flagged(text, title="Pool to close")


def test_spans_metrics_and_lines():
    text = article("Council Votes to Close Old Pool", "Share this:", P1, P2, "Leave a comment")
    lex = __import__("framing.lexicon", fromlist=["load_lexicons"]).load_lexicons()
    seg = segment(text)
    out = detect(seg, lex)
    assert [s.rule for s in out.spans] == ["boilerplate.share", "boilerplate.comment"]
    for s in out.spans:
        assert text[s.start : s.end] == s.text and s.kind == "boilerplate"
    assert out.lines == frozenset({2, 8})
    m = out.metrics
    assert m["boilerplate_lines"] == 2
    assert m["boilerplate_lines_share"] == 1 and m["boilerplate_lines_comment"] == 1
    assert all(f"boilerplate_lines_{c}" in m for c in CATEGORIES)
    nonblank = sum(1 for c in text if not c.isspace())
    assert m["boilerplate_share"] == pytest.approx((len("Sharethis:") + len("Leaveacomment")) / nonblank)


def test_boilerplate_lines_leave_the_word_count():
    clean = analyze(article(P1, P2))
    noisy = analyze(article(P1, "Subscribe to our newsletter for the latest news", P2))
    assert noisy.metrics["words"] == clean.metrics["words"]


def test_empty_text():
    out = detect(segment(""), __import__("framing.lexicon", fromlist=["load_lexicons"]).load_lexicons())
    assert out.spans == () and out.metrics["boilerplate_lines"] == 0 and out.metrics["boilerplate_share"] == 0.0


def test_model_features_match_the_code():
    model = boilerplate.load_model()
    assert len(model.weights) == len(boilerplate.FEATURES)
    assert model is not boilerplate.DEFAULT_MODEL


def test_description_above_a_photo_credit_is_a_caption():
    # A caption comes first and its credit closes it.
    desc = "The old pool on Mill Street, seen from the park gate, where lessons began in 1962."
    text = article("Council Votes to Close Old Pool", P1, desc, "Photo: Sam Okafor", P2)
    assert flagged(text) == {5: "caption", 7: "caption"}
    # A paragraph of several sentences after a credit is the story going on.
    text = article("Council Votes to Close Old Pool", P1, "Photo: Sam Okafor", P2 + " " + P3)
    assert flagged(text) == {5: "caption"}


def test_sentence_below_a_photo_credit_is_the_story_going_on():
    # Under the picture the story resumes: its one-sentence lede is no caption.
    lede = "The old pool on Mill Street will close at the end of the summer, the council said."
    text = article("Council Votes to Close Old Pool", "Photo: Sam Okafor", lede, P1, P2)
    assert flagged(text) == {3: "caption"}
    # Nor is the sentence above a credit that carries its own description (the line is
    # caption and credit in one).
    line = "Swimmers queue at the pool gate (Photo: Sam Okafor)"
    text = article("Council Votes to Close Old Pool", P1, lede, line, P2)
    assert flagged(text) == {7: "caption"}


def test_description_above_an_agency_credit_is_a_caption():
    desc = "Swimmers wait at the gate of the old pool on Mill Street on Tuesday."
    text = article("Council Votes to Close Old Pool", P1, desc, "Sam Okafor, Associated Press", P2, P3)
    assert flagged(text) == {5: "caption", 7: "caption"}
    # A comma and a name inside a sentence is no credit.
    text = article("Council Votes to Close Old Pool", P1, "Council, AP say", P2, P3)
    assert flagged(text) == {}


def test_long_signup_line_takes_its_phrase_category():
    signup = "Sign up for the Valley Gazette morning briefing: the day's top local stories in your inbox, every weekday."
    text = "\n".join(["Council Votes to Close Old Pool", P1, P2, P3, "About Us", "Contact", signup, "Careers", "Advertise"])
    got = flagged(text)
    assert got[7] == "advert"
    assert got[5] == got[6] == got[8] == "related"


def test_word_flags_mark_the_words_each_test_needs(lex):
    # One look-up per token gives the month, stamp and furniture-phrase words.
    seg = segment("Updated March 3, 2024\nShare this story\nThe mayor said the pool would close.")
    flags = boilerplate.word_flags(seg, lex)
    assert len(flags) == len(seg.words)
    by_word = dict(zip(seg.words, flags))
    assert by_word["updated"] & boilerplate._W_STAMP
    assert by_word["march"] & boilerplate._W_MONTH and by_word["march"] & boilerplate._W_MONTH_TOKEN
    assert by_word["share"] & boilerplate._W_CUE
    assert by_word["said"] & boilerplate._VERB
    assert not by_word["pool"] & (boilerplate._W_CUE | boilerplate._W_MONTH | boilerplate._W_STAMP)


def test_kind_bytes_equal_the_translation_for_any_character():
    # The ASCII fast path and the per-character fix-up give the kinds str.translate gives.
    # Repeated accented letters, a letter after "?" and a circled capital (upper case, not
    # alphanumeric) check the fix-up by distinct character.
    for chars in ("", "Tab", "“Ünïcode” — 東京 x", "\u2e80é9?", "ABC" * 50 + "’s\U0001f600", "éé?é—Ⓐ٣ß" * 3, "??“”"):
        assert boilerplate._kind_bytes(chars) == chars.translate(boilerplate._KINDS).encode("latin-1")


@pytest.mark.parametrize(
    "quote",
    [
        "''We cannot keep patching a pool that is falling apart.''",
        "''Where are the children supposed to swim next summer?''",
        "''It is a sad day for this neighborhood,'' one swimmer said.",
    ],
)
def test_wire_quote_paragraph_with_two_apostrophes_is_story(quote):
    # Wire copy marks quotes with two apostrophes; a paragraph ending in ".''" ends a
    # sentence, it is not a teaser headline between two paragraphs.
    text = article("Council Votes to Close Old Pool", P1, quote, P2, P3)
    assert flagged(text) == {}


def _standings_page() -> tuple[str, list[str]]:
    riders = ["Ana Ruiz", "Jonas Weber", "Kim Lo", "Sam Okafor", "Mara Lindqvist", "Tomas Reyes", "Lena Park", "Ivo Brandt"]
    riders += ["Noor Haddad", "Pia Kovac", "Eli Stone", "Rosa Mendes", "Otto Falk", "Yuki Mori", "Dara Quinn", "Finn Holt"]
    table = ["Pos.", "Rider", "Points", "Wins"]
    for k, name in enumerate(riders):
        table += [str(k + 1), name, str(900 - 37 * k), str(max(0, 6 - k // 2))]
    lines = ["Home", "News", "Sport", "Weather", "Local", "Contact us", "Subscribe", "Log in"]
    lines += [
        "Valley Cycling League standings after the final round",
        "The last race of the season on Sunday settled the league table, with the leader finishing "
        "safely in the bunch to keep her points lead over the defending champion.",
        "Standings after twelve races (position, rider, points, wins):",
    ]
    lines += table + ["Advertise", "Privacy", "Terms", "Careers", "Help"]
    return "\n".join(lines), table


def test_results_table_is_one_unit():
    # Line by line, the rows of a long table drift from story to furniture as they go
    # down the page; the table is decided as a whole.
    text, table = _standings_page()
    first = text.split("\n").index("Pos.") + 1
    got = flagged(text)
    assert not [n for n in range(first, first + len(table)) if n in got]
    assert all(n in got for n in range(1, 9))  # the menu above


def test_number_next_to_a_number_is_a_table_cell():
    row = ["Cornerbacks", "Lee Moss", "61", "94%", "5 tackles, 1 assist (6 combined). 1 pass defended."]
    text = article("Snap Counts From Sunday's Win", P1, "\n".join(row + ["Ray Dunn", "58", "89%", "3 tackles (3 combined)."]), P2, P3)
    assert not flagged(text)


SOURCES = [
    "Sources:",
    'Valley Transit Authority, "Annual Ridership Report 2030," March 4, 2031',
    "Email interview with Lena Park, transport economist at Eastland University, May 2, 2031",
    'Riverside Courier, "Fares to rise on four bus lines," Jan. 12, 2031',
]


def test_source_list_after_a_fact_check_is_furniture():
    text = article("Do Bus Fares Pay for the Buses?", P1, P2, P3, *SOURCES)
    got = flagged(text)
    assert [got.get(line_no(text, s[:25])) for s in SOURCES] == ["related"] * len(SOURCES)
    assert all(line_no(text, p[:30]) not in got for p in (P1, P2, P3))


def test_sources_heading_followed_by_story_does_not_end_it():
    text = article("Do Bus Fares Pay for the Buses?", P1, "Sources", P2, P3)
    got = flagged(text)
    assert all(line_no(text, p[:30]) not in got for p in (P1, P2, P3))


def test_headlines_under_a_related_heading_are_teasers():
    teasers = ["Harbour ferry fares will rise by a fifth in the spring", "Why the old bridge keeps closing on windy days"]
    text = article("Council Votes to Close Old Pool", P1, "Related articles", *teasers, P2, P3)
    got = flagged(text)
    assert [got.get(line_no(text, t)) for t in teasers] == ["related", "related"]
    assert all(line_no(text, p[:30]) not in got for p in (P1, P2, P3))


def test_subheading_after_a_paragraph_is_not_a_teaser():
    text = article("Council Votes to Close Old Pool", P1, "Related articles", P2, "What the Mayor Promised Next", P3)
    assert line_no(text, "What the Mayor") not in flagged(text)


TOUR = [
    "The Harbour Lights Tour Dates",
    "March 3 – Eastport, ME @ The Boat Shed",
    "March 5 – Portland, OR @ Riverside Hall",
    "March 8 – Denver, CO @ Mile High Ballroom",
    "March 12 – Austin, TX @ Lakeside Amphitheatre",
    "March 14 – Tulsa, OK @ Cain's Barn",
    "March 19 – Memphis, TN @ Delta Stage",
]


def test_tour_dates_after_the_story_are_story():
    menu = ["Home", "Music", "Film", "TV", "Politics", "Culture", "Subscribe", "Log in", "Share this article"]
    story = [
        "Harbour Lights Announce Spring Tour",
        "By Ana Ruiz",
        "March 1, 2031 9:14 am",
        P1.replace("city council voted", "folk band Harbour Lights said"),
        P2,
        "Tickets go on sale on Friday at ten in the morning, and the band said a share of every ticket would go to the town's flood fund.",
    ]
    footer = ["Most Popular", "Council delays vote on bike lanes again", "Ferry fares to rise in the spring", "About us", "Contact", "Privacy Policy"]
    text = "\n".join(menu + story + TOUR + footer)
    got = flagged(text)
    assert not [t for t in TOUR if line_no(text, t) in got]
    assert all(line_no(text, m) in got for m in menu)


@pytest.mark.parametrize("rule", ["___", "***", "* * *"])
def test_section_break_inside_the_story_is_story(rule):
    # Wire copy separates the sections of a story with a rule; it is part of the body.
    text = article("Council Votes to Close Old Pool", P1, rule, "WHAT HAPPENS NEXT", P2, P3)
    assert flagged(text) == {}


def test_sentence_next_to_gallery_link_is_not_a_caption():
    # Only a photo credit makes the sentence above it a caption; a gallery link does not.
    lead = "EASTPORT (Wire) — The city council voted on Tuesday to close the old swimming pool."
    text = article("Council Votes to Close Old Pool", P1, lead, "Back to Gallery", P2, P3)
    assert line_no(text, "EASTPORT") not in flagged(text)
    text = article("Council Votes to Close Old Pool", P1, lead, "Photo: Sam Okafor", P2, P3)
    assert flagged(text)[line_no(text, "EASTPORT")] == "caption"


@pytest.mark.parametrize(
    "stamp",
    ["Updated: March 3, 2031 9:14 am", "First published on March 3, 2031 / 1:07 AM", "Posted 2 hours ago", "2031-03-03T09:14:00+01:00", "March 3", "32M ago", "5H ago", "3 hrs ago", "Yesterday 2:45PM"],
)
def test_time_stamp_line_is_a_byline(stamp):
    text = article("Council Votes to Close Old Pool", stamp, P1, P2, P3)
    assert flagged(text) == {3: "byline"}


def test_compact_time_stamp_is_a_date_but_a_count_is_not():
    # "5H ago" on a teaser is a time stamp; "5 ago" or "5 hours" alone are not.
    text = article("Council Votes to Close Old Pool", P1, P2, "12 ago", P3)
    assert line_no(text, "12 ago") not in flagged(text) or flagged(text)[line_no(text, "12 ago")] != "byline"


def test_comment_thread_under_a_said_header_is_furniture():
    thread = [
        "Mara Voss on March 4, 2031 at 4:47 pm said:",
        "I swam there every morning for twenty years, and I still cannot believe the council would let the place go without a proper public meeting first.",
        "Tom Hale on March 4, 2031 at 6:02 pm said:",
        "The cracks were reported years ago, and nothing was done about them until it was too late to fix them at a reasonable cost.",
    ]
    text = article("Council Votes to Close Old Pool", P1, P2, P3, *thread)
    got = flagged(text)
    assert {line_no(text, t[:40]) for t in thread} <= set(got)
    assert all(got[line_no(text, t[:40])] == "comment" for t in thread)
    assert all(line_no(text, p[:40]) not in got for p in (P1, P2, P3))
    # A story's "On March 4 the mayor said:" (no clock time) introduces a quote.
    text = article("Council Votes to Close Old Pool", P1, "On March 4, 2031 the mayor said:", P2, P3)
    assert line_no(text, P2[:40]) not in flagged(text)


@pytest.mark.parametrize(
    "caption",
    [
        "Swimmers wait at the gate of the old pool on Mill Street, March 3, 2031. (AP)",
        "Swimmers wait at the gate of the old pool on Mill Street.Sam Okafor/Getty",
        "Swimmers wait at the gate of the old pool on Mill Street.Reuters",
    ],
)
def test_caption_closed_by_its_credit(caption):
    text = article("Council Votes to Close Old Pool", P1, caption, "Swimming lessons will end in June.", P2, P3)
    got = flagged(text)
    assert got.get(line_no(text, "Swimmers wait")) == "caption"
    # The caption is no bare credit: the short sentence under it is not made a caption.
    assert line_no(text, "Swimming lessons") not in got


def test_a_count_in_a_sentence_is_no_gallery_counter():
    text = article("Council Votes to Close Old Pool", P1, "2 of 5 pools", P2, P3)
    assert flagged(text).get(line_no(text, "2 of 5")) != "caption"


def test_a_page_address_alone_is_not_an_image():
    # Only an image file's address is furniture for sure; a link to a page may be a source.
    text = article("Council Votes to Close Old Pool", P1, "https://www.example.org/council/minutes-2031-03-03", P2, P3)
    assert line_no(text, "https://") not in flagged(text) or flagged(text)[line_no(text, "https://")] != "caption"


def test_cookie_notice_is_legal():
    notice = "We use cookies and similar tools to remember your settings and to measure how readers use this site."
    text = article(notice, "Council Votes to Close Old Pool", P1, P2, P3)
    assert flagged(text) == {1: "legal"}


def test_headline_shown_twice_is_a_teaser_card():
    card = ["Business", "Harbour ferry fares will rise by a fifth in the spring", "Business", "Harbour ferry fares will rise by a fifth in the spring"]
    text = article("Council Votes to Close Old Pool", P1, P2, *card, P3, P1.replace("city", "town"))
    got = flagged(text)
    assert line_no(text, "Harbour ferry") in got and got[line_no(text, "Harbour ferry")] == "related"
    assert all(line_no(text, p[:30]) not in got for p in (P2, P3))


def test_embedded_posts_in_the_story_are_story():
    posts = [
        "The pool kept my kids busy every summer for ten years. Closing it is a mistake. pic.example.com/x1y2",
        "— Lena Park (@lenapark_swims) March 3, 2031",
        "The pool kept my kids busy every summer for five years. Closing it is a mistake. pic.example.com/x1y3",
        "— Ivo Brandt (@ivobrandt) March 4, 2031",
    ]
    menu = ["Home", "News", "Sport", "Weather", "Local", "Subscribe"]
    footer = ["Most Popular", "Ferry fares to rise in the spring", "March 2, 2031", "Bridge to close for repairs", "March 1, 2031"]
    footer += ["About us", "Contact", "Privacy Policy"]
    text = "\n".join(menu + ["Council Votes to Close Old Pool", P1, P2, P3, "Parents reacted online:", *posts] + footer)
    got = flagged(text)
    assert not [p for p in posts if line_no(text, p[:40]) in got]


def test_counting_numbers_are_a_menu():
    years = [str(y) for y in range(2031, 2024, -1)]
    text = article("Council Votes to Close Old Pool", P1, P2, P3, "Archive", *years, "About us", "Contact")
    got = flagged(text)
    assert all(line_no(text, y) in got for y in years)
    # A table's cells count by one only now and then: they stay story.
    text, table = _standings_page()
    got = flagged(text)
    first = text.split("\n").index("Pos.") + 1
    assert not [n for n in range(first, first + len(table)) if n in got]


def test_live_blog_time_heading_is_story():
    text = article("Council Votes to Close Old Pool", "12:25 p.m.:", P1, "12:40 p.m.:", P2, P3)
    assert flagged(text) == {}


def test_table_under_a_colon_intro_is_story_whatever_the_model_says():
    # A model that reads every line as furniture: the intro line ending in a colon still
    # makes the table under it story.
    from framing.lexicon import load_lexicons

    text, table = _standings_page()
    seg = segment(text)
    n = len(boilerplate.FEATURES)
    gloomy = boilerplate.Model(weights=(0.0,) * n, bias=-5.0, switch_cost=2.0, mean=(0.0,) * n, scale=(1.0,) * n)
    out = boilerplate.detect(seg, load_lexicons(), model=gloomy)
    lines = text.split("\n")
    first = lines.index("Pos.")
    assert not [k for k in range(first - 1, first + len(table)) if k in out.lines]
    assert 0 in out.lines  # the menu is still furniture


def test_table_between_two_paragraphs_is_story_whatever_the_model_says():
    from framing.lexicon import load_lexicons

    box = ["Ticker", "Last", "Change", "VGZ", "41.20", "-1.15", "EMC", "18.05", "0.40", "RVB", "7.33", "-0.02"]
    lines = ["Council Votes to Close Old Pool", P1, *box, P2, P3]
    text = "\n".join(lines)
    n = len(boilerplate.FEATURES)
    gloomy = boilerplate.Model(weights=(0.0,) * n, bias=-5.0, switch_cost=2.0, mean=(0.0,) * n, scale=(1.0,) * n)
    out = boilerplate.detect(segment(text), load_lexicons(), model=gloomy)
    assert not [k for k in range(2, 2 + len(box)) if k in out.lines]
    # The same table after the story (no paragraph under it) is left to the model.
    text = "\n".join(["Council Votes to Close Old Pool", P1, P2, *box])
    out = boilerplate.detect(segment(text), load_lexicons(), model=gloomy)
    assert all(k in out.lines for k in range(3, 3 + len(box)))


def test_bio_with_a_handle_at_the_end():
    text = article(P1, P2, P3, "Jonas Weber (@jonasweber) is a freelance reporter who writes about cities and transport.")
    assert flagged(text) == {7: "bio"}


def _page(repeats: int) -> str:
    """A long web page written for the test: menus, a table, dated lines, a story, teasers."""
    menu = ["Home", "News", "World", "Sport | Local", "Weather", "Updated May 3, 2031 9:14 am"]
    table = ["Team", "Points", "Eastland", "29", "Westport", "27", "Northfield", "24", "Southby", "21"]
    story = [P1, P2, "What Happens Next", P3, "By Ana Ruiz, Staff Reporter", "Share this:", "Comments (14)"]
    teasers = ["Council approves new budget for the library after a long debate", "Photo: Sam Okafor", "2", "© 2031 The Valley Gazette"]
    return "\n".join((menu + story + table + teasers) * repeats)


@pytest.mark.parametrize("repeats", [1, 2, 4, 9])
def test_feature_array_equals_the_rows_bit_for_bit(repeats, monkeypatch):
    # Long pages take the numpy path; its features and probabilities must be the very
    # floats of the row path (outputs byte-identical whichever path a page takes).
    from framing.lexicon import load_lexicons

    lex = load_lexicons()
    seg = segment(_page(repeats))
    monkeypatch.setattr(boilerplate, "_ARRAY_LINES", 10**9)  # the row path for every size
    infos = boilerplate.line_infos(seg, lex)
    rows = boilerplate.features(infos, seg.text)
    array = boilerplate._feature_array(infos, boilerplate._context(infos, seg.text))
    assert [[x.hex() for x in r] for r in array.T.tolist()] == [[float(x).hex() for x in r] for r in rows]
    model = boilerplate.load_model()
    assert [p.hex() for p in boilerplate._array_probabilities(array, model)] == [p.hex() for p in boilerplate.probabilities(rows, model)]
    labels_rows = boilerplate.classify(infos, seg.text, lex=lex)
    monkeypatch.setattr(boilerplate, "_ARRAY_LINES", 2)  # the array path for every size
    assert boilerplate.features(infos, seg.text) == rows
    assert boilerplate.classify(infos, seg.text, lex=lex) == labels_rows


def test_feature_array_equals_the_rows_on_the_aeb_pages(eval_dir, monkeypatch):
    import json

    from framing.lexicon import load_lexicons

    lex = load_lexicons()
    model = boilerplate.load_model()
    pages = [json.loads(l) for l in (eval_dir / "boilerplate.aeb.dev.jsonl").read_text(encoding="utf-8").splitlines()[:30]]
    for rec in pages:
        seg = segment(rec["text"])
        infos = boilerplate.line_infos(seg, lex)
        if len(infos) < 2:
            continue
        array = boilerplate._feature_array(infos, boilerplate._context(infos, seg.text))
        monkeypatch.setattr(boilerplate, "_ARRAY_LINES", 10**9)  # the row path, whatever the size
        rows = boilerplate.features(infos, seg.text)
        assert [[x.hex() for x in r] for r in array.T.tolist()] == [[float(x).hex() for x in r] for r in rows]
        assert [p.hex() for p in boilerplate._array_probabilities(array, model)] == [p.hex() for p in boilerplate.probabilities(rows, model)]


def _token_counts_both_ways(seg, lex, monkeypatch):
    monkeypatch.setattr(boilerplate, "_SMALL_LINES", 10**9)  # bytes methods for every size
    small = boilerplate.line_infos(seg, lex)
    monkeypatch.setattr(boilerplate, "_SMALL_LINES", -1)  # numpy for every size
    return small, boilerplate.line_infos(seg, lex)


@pytest.mark.parametrize(
    "text",
    [
        "One line.",
        "BREAKING: NASA and the U.S. Senate agree on 2031 budget of 25.4 billion",
        "Updated May 3, 2031\nBy Ana Ruiz\n\n" + P1 + "\nÉlan Vital SA, ÅLAND and ÜBER 42 ٣ items\n日本語のテキストです。\nShare this:",
    ],
)
def test_small_token_counts_equal_numpy(text, monkeypatch):
    # Short texts count token kinds with bytes methods, longer ones with numpy: the same ints.
    from framing.lexicon import load_lexicons

    small, big = _token_counts_both_ways(segment(text), load_lexicons(), monkeypatch)
    assert small == big and small


@pytest.mark.parametrize("repeats", [1, 3])
def test_small_token_counts_equal_numpy_on_a_page(repeats, monkeypatch):
    from framing.lexicon import load_lexicons

    small, big = _token_counts_both_ways(segment(_page(repeats)), load_lexicons(), monkeypatch)
    assert small == big


def test_small_token_counts_equal_numpy_on_the_aeb_pages(eval_dir, monkeypatch):
    import json

    from framing.lexicon import load_lexicons

    lex = load_lexicons()
    for line in (eval_dir / "boilerplate.aeb.dev.jsonl").read_text(encoding="utf-8").splitlines()[:30]:
        text = json.loads(line)["text"]
        for part in (text, "\n".join(text.splitlines()[:5])):
            small, big = _token_counts_both_ways(segment(part), lex, monkeypatch)
            assert small == big


LEDE_MENU = [
    "Home", "News", "Local", "Sport", "Weather", "Opinion", "Video", "Obituaries", "Local News",
    "Police seize stolen cable in van", "By Staff Reports -", "11/20/31 6:38 AM", "Share on Facebook", "Tweet on Twitter",
]
LEDE_STORY = [
    "Officers stopped a van on the ring road on Sunday night and found forty kilograms of stolen copper cable "
    "hidden under blankets in the back, a police spokeswoman said on Monday.",
    "The two men in the van were held overnight and will appear before a magistrate on Wednesday, "
    "and the railway company said the cable had been cut from a signal box near the harbour last week.",
    "Thefts of cable have delayed trains on the coastal line four times this year, and the company "
    "has asked residents to report anyone working on the tracks at night without a marked vehicle.",
]
LEDE_FOOT = ["Leave a comment", "About Us", "Contact", "Privacy Policy"]


def test_short_lede_above_the_first_paragraph_is_story(monkeypatch):
    """A one-sentence lede under the page furniture is story; the rule is what keeps it
    (the model alone puts it with the menu above)."""
    lede = "Police arrested two men on Sunday after finding stolen railway cable in their van."
    text = article(*(LEDE_MENU * 2), lede, *LEDE_STORY, *LEDE_FOOT)
    n = line_no(text, lede)
    assert n not in flagged(text)
    monkeypatch.setattr(boilerplate, "_first_prose", lambda infos: -1)
    assert n in flagged(text)


@pytest.mark.parametrize(
    "line",
    [
        "Is the coastal line safe from copper thieves at last?",  # a headline asks
        "Railway cable thieves strike again.",  # too short for a lede
        "Photo: Police at the scene of the arrest on the ring road on Sunday night.",  # a caption
    ],
)
def test_the_lede_rule_keeps_no_other_line(line, monkeypatch):
    text = article(*(LEDE_MENU * 2), line, *LEDE_STORY, *LEDE_FOOT)
    n = line_no(text, line)
    with_rule = flagged(text)
    monkeypatch.setattr(boilerplate, "_first_prose", lambda infos: -1)
    assert with_rule == flagged(text)
    assert n in with_rule


def _certain(text: str, piece: str) -> str | None:
    """What :func:`boilerplate.furniture` says of the line holding ``piece``."""
    from framing.lexicon import load_lexicons

    seg = segment(text)
    infos = boilerplate.line_infos(seg, load_lexicons())
    [i] = [k for k, li in enumerate(infos) if piece in text[li.start : li.end]]
    li = infos[i]
    return boilerplate.furniture(li, text[li.start : li.end], i, infos)


def test_stamp_next_to_a_count_in_a_teaser_card_is_a_byline():
    # A teaser card: headline, author, stamp, then its comment and share counts.
    card = ["Harbour Cranes Stand Idle as Strike Enters Third Week", "Ana Ruiz", "Friday 5:11PM", "2", "14"]
    text = article(P1, P2, "\n".join(card), P3)
    assert _certain(text, "Friday 5:11PM") == "byline"
    assert line_no(text, "Friday 5:11PM") in flagged(text)


def test_date_in_a_table_next_to_its_numbers_is_a_cell():
    rows = ["Date", "Visitors", "Nov 19", "412", "Nov 20", "388", "Nov 21", "451", "Nov 22", "397"]
    text = article("Pool Visits in the Last Week Before the Closure:", "\n".join(rows), P1, P2)
    assert _certain(text, "Nov 20") is None


@pytest.mark.parametrize("byline", ["by Ana Ruiz", "by Valley Gazette Staff 0 Comments"])
def test_lower_case_byline_is_a_byline(byline):
    text = article(P1, byline, P2, P3)
    assert _certain(text, byline) == "byline"
    assert flagged(text) == {3: "byline"}


def test_story_line_opening_with_by_is_not_a_byline():
    line = "by the end of the week the council had received more than four hundred letters."
    text = article(P1, line, P2)
    assert _certain(text, line) is None
    assert not flagged(text)


def test_sentence_under_a_credit_among_furniture_is_a_caption():
    # When the model puts the sentence under a credit outside the story, it is named a
    # caption, not a teaser.
    desc = "Swimmers wait at the gate of the old pool on Mill Street on Tuesday."
    foot = ["Home", "News", "Sport", "Contact", "About Us", "Privacy Policy", "Terms of Use"]
    text = article("Council Votes to Close Old Pool", P1, P2, P3, "Photo: Sam Okafor", desc, *foot)
    assert flagged(text)[line_no(text, desc)] == "caption"


@pytest.mark.parametrize(
    "line",
    [
        "“The pool taught three generations of this town to swim” said one neighbour",  # a pull quote
        "4. The council says it will sell the land next year",  # a listicle's numbered subheading
        "She said the pool had been losing money for a decade",  # a pronoun points back
        "Swimmers wrote to the council. Most of them want the pool kept open",  # two sentences
    ],
)
def test_story_lines_shaped_like_a_teaser_are_story(line):
    text = article("Council Votes to Close Old Pool", P1, line, P2, P3)
    assert flagged(text) == {}


def test_caption_with_a_credit_label_is_a_caption():
    line = "Swimmers wait at the gate of the old pool on Mill Street on Tuesday. Credit: Sam Okafor"
    text = article("Council Votes to Close Old Pool", P1, line, P2, P3)
    assert flagged(text) == {5: "caption"}


def test_near_short_counts_short_lines_around_a_line():
    # A teaser between menu items sits among short lines even though it breaks their run;
    # a paragraph of the story has none around it.
    from framing.lexicon import load_lexicons

    teaser = "Council approves new budget for the library after a long debate"
    lines = ["Home", "News", "World", teaser, "Sport", "Weather", "Jobs", P1, P2, P3, P1, P2, P3]
    seg = segment("\n".join(lines))
    rows = boilerplate.features(boilerplate.line_infos(seg, load_lexicons()), seg.text)
    k = boilerplate.FEATURES.index("near_short")
    # the teaser: six short lines of the seven lines from the top to five below it
    assert rows[3][k] == pytest.approx(6 / 9)
    assert rows[12][k] == 0.0  # the last paragraph: only paragraphs within five lines
    assert rows[7][k] == pytest.approx(4 / 11)  # the first paragraph: four menu items above it
