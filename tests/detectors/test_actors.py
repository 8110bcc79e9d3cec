"""Actors: matching and merging, context rules, discovery, labels, tone, user actors."""

from __future__ import annotations

import re
import textwrap

from framing.detectors import actors, attribution
from framing.lexicon import load_lexicons
from framing.segment import content_view, segment


def run(text: str, lex):
    """The actor detector on ``text`` with attributions, and no line taken as boilerplate."""
    seg = segment(text)
    content = content_view(seg, frozenset())
    attr = attribution.detect(content, lex)
    return actors.detect(content, lex, attr.attributions)


def by_id(out) -> dict:
    return {a.id: a for a in out.actors}


def mentions_of(out, actor_id: str) -> list[str]:
    return [s.text for s in out.spans if s.kind == "actor" and s.label == actor_id]


# --- merging variants -----------------------------------------------------------------


def test_putin_variants_merge_into_one_actor(lex):
    text = (
        "Vladimir Putin met the delegation on Monday. Putin spoke for an hour. "
        "President Putin then left, and Mr Putin's aides stayed behind. Putin’s plane left at noon."
    )
    out = run(text, lex)
    assert mentions_of(out, "vladimir-putin") == ["Vladimir Putin", "Putin", "Putin", "Putin", "Putin"]
    assert [a.id for a in out.actors if "putin" in a.id] == ["vladimir-putin"]
    assert "president" in by_id(out)["vladimir-putin"].labels


def test_kim_variants_and_shared_short_form(lex):
    text = (
        "Kim Jong Un inspected the site. Kim Jong-un later visited a factory, and Mr Kim praised the workers. "
        "Kim left in the evening. His father, Kim Jong Il, had visited in 2009, and Kim was greeted by crowds then."
    )
    out = run(text, lex)
    un = mentions_of(out, "kim-jong-un")
    il = mentions_of(out, "kim-jong-il")
    # The last "Kim" follows the naming of Kim Jong Il, so it is his.
    assert un == ["Kim Jong Un", "Kim Jong-un", "Kim", "Kim"]
    assert il == ["Kim Jong Il", "Kim"]


def test_short_form_without_an_owner_named(lex):
    # "Lee" is shared and has no default: not guessed.
    assert "lee-jae-myung" not in by_id(run("Lee said the talks would go on. The meeting ended late.", lex))
    # "Kim" alone falls back to its default owner; a lone "Putin" is Putin.
    ids = by_id(run("Kim said the talks would go on, and Putin agreed.", lex))
    assert {"kim-jong-un", "vladimir-putin"} <= set(ids)


def test_surname_goes_to_the_person_named_in_the_article(lex):
    text = "Sarah Huckabee Sanders spoke to reporters on Monday. Sanders said the plan was final."
    out = run(text, lex)
    assert "bernie-sanders" not in by_id(out)
    assert mentions_of(out, "sarah-huckabee-sanders") == ["Sarah Huckabee Sanders", "Sanders"]
    bernie = run("Bernie Sanders spoke on Monday. Sanders said the plan was final.", lex)
    assert mentions_of(bernie, "bernie-sanders") == ["Bernie Sanders", "Sanders"]


def test_possessive_span_excludes_the_suffix(lex):
    text = "North Korea's missile tests alarmed Seoul. The Kremlin’s response came late."
    out = run(text, lex)
    assert mentions_of(out, "north-korea") == ["North Korea"]
    assert mentions_of(out, "russia") == ["Kremlin"]
    assert mentions_of(out, "south-korea") == ["Seoul"]


def test_offsets_are_exact(lex):
    text = "Russian President Vladimir Putin met Kim Jong-un’s envoy in Moscow, and Washington objected.\nThe US-led coalition met."
    out = run(text, lex)
    assert out.spans
    for s in out.spans:
        assert text[s.start : s.end] == s.text


# --- demonyms, capitals, acronyms ------------------------------------------------------


def test_capital_as_actor_but_not_as_place(lex):
    acting = run("Moscow has expressed support for the plan.", lex)
    assert mentions_of(acting, "russia") == ["Moscow"]
    place = run("The envoy arrived in Moscow on Monday after a trip to Moscow was delayed.", lex)
    assert "russia" not in by_id(place)


def test_capital_inside_a_longer_name_is_not_the_country(lex):
    out = run("She studied at Moscow State University before joining The Washington Post.", lex)
    assert "russia" not in by_id(out)
    assert "united-states" not in by_id(out)


def test_demonym_as_actor_and_as_label(lex):
    actor = run("Russian officials rejected the claim, and Ukrainians protested.", lex)
    assert mentions_of(actor, "russia") == ["Russian"]
    assert mentions_of(actor, "ukraine") == ["Ukrainians"]
    label = run("Russian President Vladimir Putin arrived, greeted by North Korean leader Kim Jong Un.", lex)
    ids = by_id(label)
    # The demonyms label the two leaders; neither country is counted.
    assert "russia" not in ids and "north-korea" not in ids
    assert ids["vladimir-putin"].labels == ("president",)
    assert ids["kim-jong-un"].labels == ("leader",)


def test_demonym_inside_a_place_name_is_not_the_country(lex):
    out = run("The talks took place in the Russian Far East last year.", lex)
    assert "russia" not in by_id(out)


def test_us_acronym_needs_capitals_and_a_word_boundary(lex):
    assert mentions_of(run("The US said it would respond.", lex), "united-states") == ["US"]
    assert "united-states" not in by_id(run("It gave us hope, they told us later.", lex))
    ussr = run("After the fall of the U.S.S.R., trade collapsed.", lex)
    assert "united-states" not in by_id(ussr)
    assert mentions_of(ussr, "soviet-union") == ["U.S.S.R."]
    assert mentions_of(run("A US-led coalition formed.", lex), "united-states") == ["US"]


def test_metonyms_map_to_the_country(lex):
    out = run("The Kremlin denied the report. The White House and the Pentagon declined to comment.", lex)
    assert mentions_of(out, "russia") == ["Kremlin"]
    assert mentions_of(out, "united-states") == ["White House", "Pentagon"]


def test_gazetteer_is_cached_on_disk_and_read_back_equal(lex, tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    built = actors._build_gazetteer(lex)
    assert built == actors._build_gazetteer(lex)  # deterministic, whatever the hash seed
    fresh = actors.gazetteer.__wrapped__  # per_lexicon keeps one per process: bypass it
    assert fresh(lex) == built  # built, then written
    (written,) = (tmp_path / "framing").glob("actors-gazetteer-*.pickle")
    build = actors._build_gazetteer
    monkeypatch.setattr(actors, "_build_gazetteer", None)  # read back: not built
    assert fresh(lex) == built
    monkeypatch.setattr(actors, "_build_gazetteer", build)
    written.write_bytes(written.read_bytes()[:1000])  # truncated: built again, rewritten
    assert fresh(lex) == built
    monkeypatch.setattr(actors, "_build_gazetteer", None)
    assert fresh(lex) == built


def test_every_country_is_in_the_gazetteer(lex):
    g = actors.gazetteer(lex)
    countries = [a for a in g.actors.values() if a.kind == "country"]
    assert len(countries) >= 249
    for name, cid in [("Bhutan", "bhutan"), ("Burkina Faso", "burkina-faso"), ("Eswatini", "eswatini"), ("Tuvalu", "tuvalu")]:
        assert mentions_of(run(f"{name} announced new measures.", lex), cid) == [name]
    out = run("Ottawa said Canadians would be consulted, and Kenyan officials agreed.", lex)
    assert mentions_of(out, "canada") == ["Ottawa", "Canadians"]
    assert mentions_of(out, "kenya") == ["Kenyan"]


# --- discovery -------------------------------------------------------------------------


def test_discovers_a_person_and_their_surname(lex):
    text = "Tamsin Okoro, a spokeswoman for the port, said the berths were full. Okoro added that ships were waiting."
    out = run(text, lex)
    a = by_id(out)["tamsin-okoro"]
    assert a.kind == "person"
    assert mentions_of(out, "tamsin-okoro") == ["Tamsin Okoro", "Okoro"]
    assert a.labels == ("spokeswoman",)


def test_discovers_people_from_titles_and_organisations_from_suffixes(lex):
    text = (
        "The report was welcomed by Mr Hallberg. The Northern Grain Council objected, and the "
        "Ministry of Water Resources said nothing. Engineers at the RVTA were not consulted."
    )
    ids = by_id(run(text, lex))
    assert ids["hallberg"].kind == "person"
    assert ids["northern-grain-council"].kind == "organisation"
    assert ids["ministry-of-water-resources"].kind == "organisation"
    assert ids["rvta"].kind == "organisation"


def test_discovery_skips_months_weekdays_and_sentence_openers(lex):
    text = "In January, the rains came early. On Tuesday the river rose. However, Officials said little. Despite warnings, crews waited."
    out = run(text, lex)
    assert out.actors == ()


def test_title_case_headline_does_not_invent_names(lex):
    out = run("Putin Makes Friendly Visit To Pyongyang After Long Gap\n\nThe visit began on Monday.", lex)
    assert [a.id for a in out.actors] == ["vladimir-putin"] or set(by_id(out)) <= {"vladimir-putin", "north-korea"}


# --- labels ----------------------------------------------------------------------------


def test_premodifier_and_apposition_labels(lex):
    text = (
        "The dictator Kim Jong Un arrived on Tuesday. Xi Jinping, China's president, was not there. "
        "Sergei Lavrov, the foreign minister, spoke first."
    )
    out = run(text, lex)
    ids = by_id(out)
    assert ids["kim-jong-un"].labels == ("dictator",)
    assert ids["xi-jinping"].labels == ("president",)
    assert ids["sergei-lavrov"].labels == ("foreign minister",)
    label_spans = [s for s in out.spans if s.kind == actors.LABEL]
    assert {(s.text, s.label, s.note) for s in label_spans} >= {("dictator", "dictator", "kim-jong-un")}
    assert all(s.rule == actors.RULE_LABEL for s in label_spans)


def test_country_description_after_naming(lex):
    appos = run("Envoys flew to North Korea, the world's most secretive state, on Monday.", lex)
    assert by_id(appos)["north-korea"].labels == ("secretive state",)
    after = run("Sanctions on Eritrea were extended. The isolated country has few allies.", lex)
    assert by_id(after)["eritrea"].labels == ("isolated country",)


def test_country_description_is_skipped_when_two_countries_are_in_reach(lex):
    out = run("Russia sent aid to North Korea. The impoverished country thanked it.", lex)
    assert by_id(out)["north-korea"].labels == ()
    assert by_id(out)["russia"].labels == ()


def test_no_description_from_a_compound(lex):
    out = run("Putin arrived in North Korea. The visit was part of a friendly state visit to the region.", lex)
    assert by_id(out)["north-korea"].labels == ()


# --- tone: per mention, by voice, by speaker -------------------------------------------
# These read the scoped model in framing/detectors/sentiment.py; with the whole-sentence
# placeholder every mention of a sentence gets the same score and they fail.


def test_tone_toward_each_actor_differs_within_one_sentence(lex):
    out = run("Kim praised Putin while the West condemned Pyongyang. Kim Jong Un left.", lex)
    ids = by_id(out)
    assert ids["vladimir-putin"].sentiment_mean > ids["north-korea"].sentiment_mean


def test_reporter_and_quoted_tone_are_apart(lex):
    text = textwrap.dedent(
        """\
        Critics said Putin had ordered a brutal and deadly crackdown.
        "Putin is a wise and generous friend," Kim Jong Un said.
        """
    )
    a = by_id(run(text, lex))["vladimir-putin"]
    assert a.quoted_sentiment is not None and a.reporter_sentiment is not None
    assert a.quoted_sentiment > a.reporter_sentiment


def test_by_speaker_and_quoted_as_source(lex):
    text = "Kim Jong Un said Putin was a great and loyal friend. Critics said Putin had failed badly."
    ids = by_id(run(text, lex))
    putin = ids["vladimir-putin"]
    assert "Kim Jong Un" in putin.by_speaker
    assert putin.by_speaker["Kim Jong Un"] > 0
    assert ids["kim-jong-un"].quoted_as_source >= 1


# --- speaking, not spoken about -------------------------------------------------------
# The words of a sentence in which an actor is the cited source are the actor's own: their
# tone is not the tone toward the actor, in the reporter's voice or any other.


def mention(out, actor_id: str, nth: int = 0):
    return [s for s in out.spans if s.kind == "actor" and s.label == actor_id][nth]


def test_the_speaker_of_a_quote_gets_no_tone_from_its_own_words(lex):
    out = run('"This is reckless," said councillor Tom Reyes.', lex)
    reyes = by_id(out)["tom-reyes"]
    span = mention(out, "tom-reyes")
    # The evidence stays: the actor appears, as the one speaking, with the score of the words around it.
    assert (span.text, span.voice) == ("Tom Reyes", "speaker") and span.score is not None and span.score < 0
    assert (reyes.mentions, reyes.speaking_mentions, reyes.sentiment_count, reyes.quoted_as_source) == (1, 1, 0, 1)
    assert reyes.sentiment_mean is None and reyes.sentiment_std is None and reyes.reporter_sentiment is None
    assert reyes.negative_share is None and reyes.positive_share is None and reyes.by_speaker == {}
    d = reyes.to_dict()
    assert d["speaking_mentions"] == 1 and d["reporter_sentiment"] is None and d["negative_share"] is None


def test_the_reporter_tone_keeps_the_mentions_that_are_about_the_speaker(lex):
    out = run('"This is reckless," said councillor Tom Reyes. Reyes was later arrested for fraud.', lex)
    reyes = by_id(out)["tom-reyes"]
    about = mention(out, "tom-reyes", 1)
    assert [s.voice for s in out.spans if s.kind == "actor"] == ["speaker", "reporter"]
    assert (reyes.mentions, reyes.speaking_mentions, reyes.sentiment_count) == (2, 1, 1)
    assert reyes.reporter_sentiment == reyes.sentiment_mean == about.score < -0.5
    assert reyes.negative_share == 1.0 and reyes.by_speaker == {"reporter": about.score}


def test_which_cue_categories_make_no_speaker_is_data(tmp_path):
    # actors.toml cues not_speech_cues: a user folder may add a category ("neutral" here,
    # the category of "said"), and then "said" leaves the sentence the reporter's.
    text = '"This is reckless," said councillor Tom Reyes.'
    (tmp_path / "actors.toml").write_text('[cues]\nnot_speech_cues = ["neutral"]\n', encoding="utf-8")
    lex = load_lexicons((str(tmp_path),))
    reyes = by_id(run(text, lex))["tom-reyes"]
    assert (reyes.speaking_mentions, reyes.sentiment_count, reyes.quoted_as_source) == (0, 1, 1)
    assert mention(run(text, lex), "tom-reyes").voice == "reporter"


def test_x_said_y_was_a_disaster_is_x_speaking_about_y(lex):
    out = run("Kim Jong Un said Putin was a disaster.", lex)
    ids = by_id(out)
    kim, putin = ids["kim-jong-un"], ids["vladimir-putin"]
    assert (kim.speaking_mentions, kim.sentiment_count, kim.sentiment_mean, kim.by_speaker) == (1, 0, None, {})
    assert (putin.speaking_mentions, putin.sentiment_count) == (0, 1)
    assert putin.sentiment_mean < 0 and putin.by_speaker["Kim Jong Un"] == putin.sentiment_mean
    assert mention(out, "vladimir-putin").voice == "reporter"  # not in quotation marks


def test_critics_called_x_a_liar_is_about_x(lex):
    out = run("Critics called Putin a liar and a thief.", lex)
    putin = by_id(out)["vladimir-putin"]
    assert (putin.speaking_mentions, putin.sentiment_count) == (0, 1)
    assert putin.sentiment_mean < -0.5 and putin.by_speaker["Critics"] == putin.sentiment_mean


def test_who_said_makes_the_actor_the_speaker_of_its_whole_sentence(lex):
    # The scorer reads the whole sentence and cannot leave out the reported clause, so
    # the reporter's "resigned in disgrace" is lost with "the plan had failed": the
    # simpler rule, documented in docs/actors.md.
    out = run("Tom Reyes, who said the plan had failed, resigned in disgrace.", lex)
    reyes = by_id(out)["tom-reyes"]
    assert mention(out, "tom-reyes").voice == "speaker"
    assert (reyes.speaking_mentions, reyes.sentiment_count, reyes.by_speaker) == (1, 0, {})


def test_a_second_mention_spoken_about_by_another_source_keeps_its_tone(lex):
    out = run("Putin said the talks went well, and critics said Putin lied.", lex)
    putin = by_id(out)["vladimir-putin"]
    assert [s.voice for s in out.spans if s.kind == "actor"] == ["speaker", "reporter"]
    assert (putin.mentions, putin.speaking_mentions, putin.sentiment_count) == (2, 1, 1)
    assert putin.sentiment_mean == mention(out, "vladimir-putin", 1).score < 0
    assert set(putin.by_speaker) == {"critics"}


def test_only_the_mention_that_is_the_source_speaks_when_the_actor_is_named_twice(lex):
    out = run("Putin said the West had wronged Putin for years.", lex)
    putin = by_id(out)["vladimir-putin"]
    assert [s.voice for s in out.spans if s.kind == "actor" and s.label == "vladimir-putin"] == ["speaker", "reporter"]
    assert (putin.speaking_mentions, putin.sentiment_count) == (1, 1)
    assert set(putin.by_speaker) == {"Vladimir Putin"}  # his words about himself


def test_a_source_cut_from_a_prepositional_phrase_is_not_speaking(lex):
    # The subject of "highlights" and "signals" is the summit and the trip, not the object of
    # "between" or "to": the attribution has no source there, so the reporter is speaking.
    for text in ("The summit between Russia and Ukraine highlights the growing rift in Europe.", "Putin's trip to Vietnam signals a new alliance."):
        out = run(text, lex)
        assert {s.voice for s in out.spans if s.kind == "actor"} == {"reporter"}, text
        assert all(a.speaking_mentions == 0 and a.sentiment_count == a.mentions for a in out.actors)
    # ... but "according to", "for" and "by" introduce the one speaking.
    for text, voice in [
        ("According to Ukraine, the plan failed.", "speaker"),
        ("A spokesman for the Kremlin said the plan failed.", "speaker"),
        ("The trip was described by North Korean state media as a triumph.", "speaker"),
    ]:
        assert [s.voice for s in run(text, lex).spans if s.kind == "actor"] == [voice], text


def test_a_wish_or_a_perception_is_the_reporter_speaking_about_the_actor(lex):
    # "decided", "refused" (intention) and "saw" (perception) are attribution cues, but
    # what follows is the reporter's account of the actor; "believes" voices its view.
    for text, voice in [
        ("Putin refused to meet the grieving families.", "reporter"),
        ("Putin saw the protests as a plot by traitors.", "reporter"),
        ("Putin believes the West is decadent and doomed.", "speaker"),
    ]:
        assert [s.voice for s in run(text, lex).spans if s.kind == "actor" and s.label == "vladimir-putin"] == [voice], text


def test_aggregates_are_consistent(lex):
    out = run("Russia and Ukraine traded blame. Russia denied it. Kyiv said Moscow was lying.", lex)
    total = out.metrics["actor_mentions"]
    assert total == sum(a.mentions for a in out.actors) == len([s for s in out.spans if s.kind == "actor"])
    assert out.metrics["actors"] == len(out.actors)
    assert abs(sum(a.mention_share for a in out.actors) - 1.0) < 1e-9
    assert out.metrics["top_actor_share"] == max(a.mention_share for a in out.actors)
    # "Russia denied it" and "Kyiv said": the speaker's mentions carry no tone toward it.
    assert {a.id: a.speaking_mentions for a in out.actors} == {"russia": 1, "ukraine": 1}
    for a in out.actors:
        assert a.sentiment_count + a.speaking_mentions == a.mentions
        assert 0 <= a.negative_share + a.positive_share <= 1
        assert -1 <= a.sentiment_mean <= 1 and a.sentiment_std >= 0


def test_no_actor_text(lex):
    out = run("The weather was mild and the roads were quiet.", lex)
    assert out.actors == () and out.metrics["actors"] == 0 and out.metrics["top_actor_share"] == 0.0


# --- user actors ----------------------------------------------------------------------


def test_user_actors_file_merges(tmp_path):
    (tmp_path / "actors.toml").write_text(
        textwrap.dedent(
            """\
            [cues]
            roles = ["dam keeper"]

            [[actor]]
            id = "tessel-dam-authority"
            name = "Tessel Dam Authority"
            kind = "organisation"
            aliases = ["Tessel Dam Authority", "TDA"]

            [[actor]]
            id = "russia"
            metonyms = ["Old Square"]
            """
        ),
        encoding="utf-8",
    )
    lex = load_lexicons((str(tmp_path),))
    out = run("The TDA opened the gates, dam keeper Ilse Brandt said. Old Square was silent.", lex)
    ids = by_id(out)
    assert mentions_of(out, "tessel-dam-authority") == ["TDA"]
    assert ids["ilse-brandt"].labels == ("dam keeper",)
    assert mentions_of(out, "russia") == ["Old Square"]
    # The bundled actors are still there.
    assert "vladimir-putin" in by_id(run("Putin spoke.", lex))


def test_user_actors_file_via_cli(tmp_path):
    from framing.cli import run as cli_run

    (tmp_path / "lex").mkdir()
    (tmp_path / "lex" / "actors.toml").write_text('[[actor]]\nid = "tda"\nname = "Tessel Dam Authority"\nkind = "organisation"\naliases = ["TDA"]\n', encoding="utf-8")
    art = tmp_path / "a.txt"
    art.write_text("The TDA opened the gates on Monday after days of rain.\n\nEngineers from the TDA watched the river all night.\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    cli_run(["score", str(art), "--lexicons", str(tmp_path / "lex"), "-o", str(out), "-j", "1", "--no-cache"])
    import json

    rec = json.loads(out.read_text(encoding="utf-8").splitlines()[0])
    assert rec["status"] == "ok", rec["error"]
    assert {a["id"]: a["mentions"] for a in rec["actors"]}.get("tda", 0) >= 1


# --- the seeds ------------------------------------------------------------------------

SEED_ACTORS = {
    "vladimir-putin": r"\bPutin\b",
    "kim-jong-un": r"\bKim Jong[ -]?[Uu]n\b",
    "russia": r"\bRussia\b",
    "north-korea": r"\bNorth Korea\b",
    "south-korea": r"\bSouth Korea\b",
    "united-states": r"\bUnited States\b|\bU\.S\.(?!S)|\bUS\b(?!-)|\bAmerican?\b",
    "ukraine": r"\bUkraine\b",
}


# A second actor whose id holds one of these would be a failed merge ("putin", "mr-putin").
SPLIT_KEYS = {"vladimir-putin": "putin", "kim-jong-un": "jong-un", "russia": "russia", "north-korea": "north-korea", "south-korea": "south-korea", "united-states": "united-states", "ukraine": "ukraine"}


def _seeds(seeds_dir):
    return sorted(seeds_dir.glob("*.txt"))


def test_seed_actors_are_one_merged_actor_each(seeds_dir):
    lex = load_lexicons()
    for path in _seeds(seeds_dir):
        text = path.read_text(encoding="utf-8")
        out = run(text, lex)
        ids = by_id(out)
        for aid, pattern in SEED_ACTORS.items():
            named = len(re.findall(pattern, text))
            if named == 0:
                continue
            assert aid in ids, f"{path.name}: {aid} is named {named} times but not found"
            # Each name form counted once at least as often as the plain name occurs.
            assert ids[aid].mentions >= min(named, 1), f"{path.name}: {aid}"
        # No split: no other actor id carries the name of a merged actor.
        for aid, key in SPLIT_KEYS.items():
            assert [i for i in ids if key in i and i != aid and not i.startswith(aid)] == [], (path.name, aid)


def test_seed_counts_cover_every_plain_name(seeds_dir):
    lex = load_lexicons()
    for path in _seeds(seeds_dir):
        text = path.read_text(encoding="utf-8")
        ids = by_id(run(text, lex))
        for aid in ("vladimir-putin", "north-korea", "russia", "ukraine"):
            named = len(re.findall(SEED_ACTORS[aid], text))
            if named:
                assert ids[aid].mentions >= named, (path.name, aid, ids[aid].mentions, named)


def test_seed_dictator_label(seeds_dir):
    lex = load_lexicons()
    users = [p for p in _seeds(seeds_dir) if re.search(r"\bdictator Kim Jong", p.read_text(encoding="utf-8"))]
    assert users, "no seed uses the label any more"
    for path in users:
        assert "dictator" in by_id(run(path.read_text(encoding="utf-8"), lex))["kim-jong-un"].labels
    for path in _seeds(seeds_dir):
        if "dictator" not in path.read_text(encoding="utf-8"):
            kim = by_id(run(path.read_text(encoding="utf-8"), lex)).get("kim-jong-un")
            assert kim is None or "dictator" not in kim.labels, path.name


def test_hyphenated_and_titled_forms(lex):
    out = run("Anti-Trump protesters gathered as President-elect Trump met pro-Russian activists.", lex)
    assert mentions_of(out, "donald-trump") == ["Trump", "Trump"]
    assert mentions_of(out, "russia") == ["Russian"]
    assert by_id(out)["donald-trump"].labels == ("president-elect",)


def test_a_lone_surname_cited_as_a_source_is_a_person(lex):
    out = run("The hearing ran late. Later, Okonkwo said the report was incomplete.", lex)
    assert by_id(out)["okonkwo"].kind == "person"


def test_a_title_inside_a_capitalised_run_leaves_the_name_after_it(lex):
    out = run(
        "Former Governor Ana Okafor praised the plan. Regional Health Minister Tomas Varga, speaking later, disagreed. "
        "Okafor did not reply.",
        lex,
    )
    ids = by_id(out)
    assert mentions_of(out, "ana-okafor") == ["Ana Okafor", "Okafor"]
    assert ids["tomas-varga"].kind == "person"
    assert not any(a.startswith(("former", "regional")) for a in ids)
    # Two name words must follow the title: a hospital or a one-word tail is not a person.
    out = run("She was treated at Riverside General Hospital on Monday.", lex)
    assert "hospital" not in " ".join(by_id(out))


def test_names_found_in_the_body_are_found_in_a_title_case_headline(lex):
    text = (
        "Council Critic Mara Quinlan Wins Seat In Upset Vote\n\n"
        "Mara Quinlan, a former teacher, won the seat on Sunday. Quinlan thanked her volunteers.\n\n"
        "Why Quinlan Won And What Comes Next For The Harbour District"
    )
    out = run(text, lex)
    assert mentions_of(out, "mara-quinlan") == ["Mara Quinlan", "Mara Quinlan", "Quinlan", "Quinlan"]
    # Capitals in a headline are still no evidence on their own.
    assert not any("harbour" in i or "council" in i for i in by_id(out))


def test_a_common_noun_for_an_organisation_marks_one(lex):
    out = run(
        "The ads were paid for by the advocacy group Harbour Voters Now, which opposes the plan. "
        "A spokesman for Harbour Voters Now declined to comment. "
        "Quill Fenwick Partners, a consulting firm, advised the council. "
        "Dana Ortiz, the head of a local company, was not consulted.",
        lex,
    )
    ids = by_id(out)
    assert ids["harbour-voters-now"].kind == "organisation"
    assert mentions_of(out, "harbour-voters-now") == ["Harbour Voters Now", "Harbour Voters Now"]  # the second one by name alone
    assert ids["quill-fenwick-partners"].kind == "organisation"
    assert "dana-ortiz" not in ids or ids["dana-ortiz"].kind == "person"  # "the head of a company" is no company


def test_a_first_name_marks_a_two_word_name_with_no_other_evidence(lex):
    # No title, role, apposition, reuse or attribution: only the first name says "person".
    out = run("Fans of Priya Okonjo lined the street. Critics of Glenn Whitcombe stayed home.", lex)
    assert by_id(out)["priya-okonjo"].kind == "person"
    assert by_id(out)["glenn-whitcombe"].kind == "person"
    # Its surname then joins the full name, as for names found with other evidence.
    out = run("Megan Thorsby wrote the memo on Friday. Everyone read what Thorsby wrote.", lex)
    assert mentions_of(out, "megan-thorsby") == ["Megan Thorsby", "Thorsby"]
    # A middle initial stays in the name.
    out = run("The letter praised Darnell K. Ebbing for his work.", lex)
    assert by_id(out)["darnell-k-ebbing"].kind == "person"


def test_a_first_name_is_no_evidence_for_places_things_and_everyday_words(lex):
    text = (
        "Families walked to Tracy Creek Park and then to Glenn Abbey Road. "
        "Will Republicans back the deal? May Day marches were held. "
        "The crowd sang for Jane The Band. "
        "Analysts cited the Edison Research figures."
    )
    ids = by_id(run(text, lex))
    assert not [i for i in ids if ids[i].kind == "person"], ids
    # A frequent first name that is also an English word counts, at a sentence start too ...
    assert by_id(run("Frank Abernathy won the fair's prize.", lex))["frank-abernathy"].kind == "person"
    # ... and one that is a familiar word ("Mark", "Bill") only inside a sentence.
    assert by_id(run("The panel questioned Mark Zellweger on Friday.", lex))["mark-zellweger"].kind == "person"
    assert "mark-zellweger" not in by_id(run("Mark Zellweger Avenue on the map.", lex))
    assert "bill-tarrow" not in by_id(run("Bill Tarrow cuts taxes, the headline said.", lex))


def test_given_names_lexicon_has_no_everyday_words(lex):
    given = lex["given_names"]
    assert len(given.entries) > 1500
    assert {"glenn", "priya", "megan", "vladimir"} <= set(given.entries)
    assert given.category("frank") == "given_word"
    assert given.category("mark") == "given_common"
    for word in ("will", "may", "grant", "hope", "june", "chase", "page", "brown", "jordan", "georgia", "clinton"):
        assert word not in given.entries, word


def test_a_first_name_in_a_title_case_headline_names_a_person(lex):
    # Headlines get no discovery from capitals, but a first name that is no English word
    # and the word after it are a person ...
    out = run("Why Voters Should Back Priya Okonjo Over the Council\n\nThe vote is on Monday.", lex)
    assert mentions_of(out, "priya-okonjo") == ["Priya Okonjo"]
    # ... and a familiar-word first name ("Frank", "Mark") or a joiner ("Al") is not.
    out = run("Frank Talk Over Dinner With Mark Lowell At Al Qaeda Hearing\n\nThe vote is on Monday.", lex)
    assert not [a for a in out.actors if a.kind == "person"], out.actors


def test_an_acronym_or_inner_capital_named_in_the_body_is_found_in_a_headline(lex):
    text = "QTRA And PollStack Condemn The Plan In Strong Terms\n\nThe QTRA said on Monday that it would sue, and PollStack agreed."
    out = run(text, lex)
    assert mentions_of(out, "qtra") == ["QTRA", "QTRA"]
    assert mentions_of(out, "pollstack") == ["PollStack", "PollStack"]
    # Capitals alone in a headline are no evidence.
    out = run("QTRA And PollStack Condemn The Plan In Strong Terms\n\nThe council met on Monday.", lex)
    assert not out.actors


def test_an_acronym_before_an_inner_role_is_an_organisation_too(lex):
    text = "At the rally on Monday, the speech was praised by QTRA President Lena Vasquez and by many others in the hall."
    ids = by_id(run(text, lex))
    assert ids["qtra"].kind == "organisation"
    assert ids["lena-vasquez"].kind == "person"
    text = "At the rally on Monday, the plan was praised by the NewsHive editor Tomas Reyne and by many others in the hall."
    assert by_id(run(text, lex))["newshive"].kind == "organisation"


def test_a_newspaper_name_is_an_organisation_even_after_a_regional_word(lex):
    out = run("He said he had never spoken to the National Inquisitor or to the Harlow Examiner about it.", lex)
    ids = by_id(out)
    assert "national-inquisitor" not in ids  # no newspaper word: "National ..." stays dropped
    assert ids["harlow-examiner"].kind == "organisation"
    out = run("He said he had never spoken to the National Enquirer about the trip to the Middle East.", lex)
    assert by_id(out)["national-enquirer"].kind == "organisation"
    assert "middle-east" not in by_id(out)


def test_jr_marks_a_full_name(lex):
    out = run("Yesterday Marcus Dale Jr. met the board, and the meeting ran late.", lex)
    assert by_id(out)["marcus-dale-jr"].kind == "person"
    # ... while a Roman numeral marks no person.
    out = run("The court read Article II aloud.", lex)
    assert "article-ii" not in by_id(out)


def test_user_countries_tsv_adds_countries(tmp_path):
    (tmp_path / "countries.tsv").write_text(
        "# source: written by us for this test\n# categories: country, alias, capital, demonym, demonym_plural\n"
        "Velmora\tcountry\tvelmora\tXVM\tVelmora\nTarsk\tcapital\tvelmora\tXVM\tVelmora\nVelmoran\tdemonym\tvelmora\tXVM\tVelmora\n",
        encoding="utf-8",
    )
    lex = load_lexicons((str(tmp_path),))
    out = run("Tarsk rejected the offer, and Velmoran officials left. Velmora was silent; the tarsk herds grazed.", lex)
    assert mentions_of(out, "velmora") == ["Tarsk", "Velmoran", "Velmora"]


def test_user_given_names_tsv_adds_and_removes_first_names(tmp_path):
    (tmp_path / "given_names.tsv").write_text(
        "# source: written by us for this test\n# categories: given, given_word, given_common\nzyxo\tgiven\npriya\toff\n",
        encoding="utf-8",
    )
    ids = by_id(run("Fans of Zyxo Quarnby and of Priya Okonjo cheered.", load_lexicons((str(tmp_path),))))
    assert ids["zyxo-quarnby"].kind == "person"
    assert "priya-okonjo" not in ids


def test_abbreviated_roles_are_stored_in_full_and_name_dense_sentences_are_prose(lex):
    text = (
        "On Monday, Sen. Jim Okafor said that the deal was weak. It was signed by NATO Secretary General "
        "Jens Stoltenberg in the morning, and South Korean Defense Minister Shin Wonsik was there."
    )
    ids = by_id(run(text, lex))
    assert ids["jim-okafor"].labels == ("senator",)
    assert ids["jens-stoltenberg"].labels == ("secretary-general",)
    assert ids["shin-wonsik"].labels == ("defence minister",)
    assert "south-korea" not in ids


def test_corpus_joins_a_bare_surname_to_the_one_full_name():
    from framing.detectors.actors import corpus_actor_ids

    actors = [
        {"id": "hallberg", "name": "Hallberg", "kind": "person", "mentions": 2},
        {"id": "erik-hallberg", "name": "Erik Hallberg", "kind": "person", "mentions": 3},
        {"id": "marsh", "name": "Marsh", "kind": "person", "mentions": 1},
        {"id": "elin-marsh", "name": "Elin Marsh", "kind": "person", "mentions": 1},
        {"id": "tom-marsh", "name": "Tom Marsh", "kind": "person", "mentions": 1},
        {"id": "ana-ruiz", "name": "Ana Ruiz", "kind": "person", "mentions": 1},
        {"id": "ana-maria-ruiz", "name": "Ana Maria Ruiz", "kind": "person", "mentions": 4},
        {"id": "varne", "name": "Varne", "kind": "organisation", "mentions": 5},
    ]
    mapping = corpus_actor_ids(actors)
    assert mapping == {"hallberg": "erik-hallberg", "ana-ruiz": "ana-maria-ruiz"}  # two Marshes: ambiguous, left alone


def test_actor_table_merges_people_across_articles():
    import framing

    one = framing.analyze("Minister Erik Hallberg defended the plan on Monday in the capital.", source="A")
    two = framing.analyze("The plan was defended again. Minister Hallberg said it would pass.", source="B")
    table = framing.actor_table([one, two], value="mentions")
    rows = [name for name in table.index if "Hallberg" in name]
    assert rows == ["Erik Hallberg"], list(table.index)


# --- finding form starts from the capitals (speed) gives every match a full scan gives ---


_FORM_EDGE_CASES = (
    "Officials said the international community must act. Von der Leyen and the West agreed; "
    "von der Leyen-led talks and the Kremlin-backed group met in Weswatini. NATO and Nato said "
    "the US-led plan drew anti-Trump protests. Later the international Community met, and the "
    "UN's envoy flew to the U.S. from the U.S.S.R. archives. Mr. Putin's aides met Kim Jong-un's.\n\n"
    "TALKS IN PYONGYANG AS THE KREMLIN WATCHES\n\nus officials and the west of the city stayed out."
)


def test_forms_of_any_case_and_forms_ending_in_a_compound(lex):
    out = run(_FORM_EDGE_CASES, lex)
    found = [(s.text, s.label) for s in out.spans if s.kind == "actor"]
    # Forms without a capital match in lower case; a name's last word may sit in a compound.
    assert ("the international community", "international-community") in found
    assert ("the international Community", "international-community") in found
    assert ("von der Leyen", "ursula-von-der-leyen") in found
    assert ("Weswatini", "eswatini") in found
    # Forms that demand capitals match only with them ("us", "the west" are not actors).
    assert [t for t, label in found if label == "the-west"] == ["the West"]
    assert "us" not in [t for t, _ in found]


def _assert_starts_cover_every_fit(text: str, g) -> None:
    art = actors._Article(content_view(segment(text), frozenset()), g)
    n = len(art.norm)
    hits = set(art.hits)
    for j in range(n):
        for f in g.index.get(art.norm[j], ()):
            if j + len(f.words) <= n and actors._fits(art, j, f) is not None:
                assert j in hits, (art.norm[j : j + len(f.words)], f.words)


def test_form_starts_are_every_position_where_a_form_fits(lex):
    """The starts found from the capitals cover every token where some form fits."""
    _assert_starts_cover_every_fit(_FORM_EDGE_CASES, actors.gazetteer(lex))


def test_form_starts_cover_every_fit_in_the_seeds(lex, seeds_dir):
    for p in sorted(seeds_dir.glob("*.txt")):
        _assert_starts_cover_every_fit(p.read_text(encoding="utf-8"), actors.gazetteer(lex))


def test_short_form_before_any_owner_goes_to_the_first_named_after(lex):
    out = run("Kim arrived first. Kim Jong Un spoke after Kim Jong Il left, then Kim waved.", lex)
    assert mentions_of(out, "kim-jong-un") == ["Kim", "Kim Jong Un"]
    assert mentions_of(out, "kim-jong-il") == ["Kim Jong Il", "Kim"]
    out = run("Kim arrived first and waved. Later Kim Jong Il's son, Kim Jong Un, spoke, and Kim smiled.", lex)
    assert mentions_of(out, "kim-jong-il") == ["Kim", "Kim Jong Il"]
    assert mentions_of(out, "kim-jong-un") == ["Kim Jong Un", "Kim"]


# --- capitalised names that are no actor (lexicons/not_actors.tsv, lexicons/places.tsv) ----


def discovered(out, lex) -> dict:
    """Actors of ``out`` that the gazetteer does not list: found from capitals and evidence."""
    known = actors.gazetteer(lex).actors
    return {a.id: a for a in out.actors if a.id not in known}


def test_documents_laws_events_and_days_are_no_actors(lex):
    text = (
        "Members read the U.S. Constitution aloud on Thursday, and the Constitution took an hour. "
        "The Fourteenth Amendment, the clause on citizenship, was read twice. "
        "Marchers gathered on Memorial Day, as the Bush Doctrine was debated again. "
        "The Florida Republican, who spoke first, said the Fourteenth Amendment was clear."
    )
    assert discovered(run(text, lex), lex) == {}
    # ... nor in a title-case headline, where a name found in the body would be repeated.
    out = run("Reading Of Constitution Ends Early As Members Leave The Floor\n\n" + text, lex)
    assert discovered(out, lex) == {}


def test_places_programmes_and_everyday_acronyms_are_no_actors(lex):
    text = (
        "Nebraska and Oklahoma asked the court to act, and Nebraska argued that the law was unfair. "
        "Senator Ada Quell of Kentucky, the majority leader, said little. "
        "Lawmakers will address DACA next week, a doctor at the ICU said, after DNA tests at 2 p.m. ET. "
        "Rep. Tomas Ebner, R-Texas, attacked the plan before the House Benghazi committee met in Cleveland. "
        "Residents of Midtown Manhattan and Benghazi were not asked."
    )
    ids = discovered(run(text, lex), lex)
    assert set(ids) == {"ada-quell", "tomas-ebner"}, ids


def test_a_title_in_quotes_is_no_actor_but_its_channel_is(lex):
    out = run("Rice said on PBS’s “Charlie Rose” show and on “Meet the Press” that the talks had failed again.", lex)
    ids = discovered(out, lex)
    assert "charlie-rose" not in ids and "press" not in ids
    assert ids["pbs"].kind == "organisation"


def test_a_quote_cut_after_an_apostrophe_at_the_end_of_the_text_is_no_title(lex):
    # A truncated feed item: the text ends inside an opened quotation ("'); the title
    # test looked one character past the end and raised IndexError.
    for text in ("Mayor Ana Roos said \"'", "Mayor Ana Roos said ''"):
        assert "ana-roos" in discovered(run(text, lex), lex)


def test_plural_nouns_and_organisation_words_at_a_sentence_start_are_no_actors(lex):
    text = (
        "Leaders of the group met on Tuesday to discuss the vote in the city. "
        "Proponents say the law protects everyone who works in the city. "
        "Police shut down the streets for blocks around the field on Thursday."
    )
    assert discovered(run(text, lex), lex) == {}
    # Written capitalised inside a sentence too, the organisation word names one.
    out = run("Police sealed the road on Friday. The report said the Police had acted too late.", lex)
    assert discovered(out, lex)["police"].kind == "organisation"


def test_organisation_names_stay_whole_and_people_split_off(lex):
    text = (
        "A study by the Center for Harbour Studies, an organization that backs the plan, was cited. "
        "The Justice Department declined to comment on the study on Friday. "
        "Historian Alan Brinkwood of Columbia University told the station the reading was theater."
    )
    ids = discovered(run(text, lex), lex)
    assert ids["center-for-harbour-studies"].kind == "organisation"
    assert ids["justice-department"].kind == "organisation"
    assert ids["alan-brinkwood"].kind == "person"
    assert ids["columbia-university"].kind == "organisation"
    assert not any(i in ids for i in ("center", "department", "harbour-studies"))


def test_al_opens_a_name_and_a_name_cut_at_an_initial_is_dropped(lex):
    out = run("The speech given yesterday by Al Sharpton drew a crowd of thousands. Sharpton spoke for an hour.", lex)
    assert mentions_of(out, "al-sharpton") == ["Al Sharpton", "Sharpton"]
    out = run("Fighters loyal to Al Qaeda attacked the town in the night, and the Al Qaeda-linked group fled.", lex)
    assert set(discovered(out, lex)) == set()
    assert by_id(out)["al-qaeda"].mentions == 1
    # "Speaker Paul D. Ryan": the known "Ryan" covers the surname; "Paul D" is no person.
    out = run("A spokeswoman for Speaker Paul D. Ryan said the bill would pass this week.", lex)
    assert not any(i.startswith("paul-d") for i in discovered(out, lex))


def test_jr_and_sr_are_lexicon_data_read_by_both_detectors(lex):
    assert actors.gazetteer(lex).name_suffixes == frozenset({"jr", "sr"})
    assert attribution._tables(lex).name_suffix == frozenset({"jr", "sr"})


def test_non_actor_heads_are_no_organisation_words_and_places_no_first_names(lex):
    g = actors.gazetteer(lex)
    assert g.not_heads and len(g.places) > 900
    # An organisation suffix decides first ("... Party"), so a head that is one would never act.
    assert not g.not_heads & g.org_suffixes
    # A city that is a first name ("Austin") would block "Austin Reyes"; build_places.py leaves them out.
    cities = {e.term for e in lex["places"].entries.values()}
    assert not cities & g.given


def test_no_discovered_actor_on_basil_is_a_listed_non_actor(gold, lex):
    """On the BASIL dev articles, no discovered actor ends in a non-actor head or is a whole
    listed place, programme or acronym: the lexicon rules hold on real news text."""
    g = actors.gazetteer(lex)
    n = 0
    for rec in gold("sentiment.basil.dev.jsonl"):
        for a in discovered(run(rec["text"], lex), lex).values():
            n += 1
            words = tuple(w.lower() for w in re.findall(r"\w+(?:[’'\-]\w+)*", a.name))
            assert words[-1] not in g.not_heads and words not in g.not_whole, a.name
    assert n > 1000


def test_readme_schema_lists_every_actor_field_and_the_speaker_voice(lex):
    from pathlib import Path

    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index("## Output schema") :]
    section = section[: section.index("\n## ", 1)]
    actors_row = next(line for line in section.splitlines() if line.startswith("| `actors` |"))
    spans_row = next(line for line in section.splitlines() if line.startswith("| `spans` |"))
    out = run('"This is reckless," said councillor Tom Reyes.', lex)
    assert [k for k in out.actors[0].to_dict() if f"`{k}`" not in actors_row] == []
    assert {s.voice for s in out.spans} == {"speaker"} and "`speaker`" in spans_row


def test_speaking_mentions_add_up_on_real_articles(seeds_dir, examples_dir):
    """Every speaking count is backed by as many ``speaker`` spans, whose scores are in no tone."""
    import framing

    texts = sorted(seeds_dir.glob("*.txt")) + sorted((examples_dir / "articles").rglob("*.txt"))
    speaking = 0
    for path in texts:
        result = framing.analyze(path.read_text(encoding="utf-8"), source=path.parent.name, id=path.stem)
        spans = [s for s in result.spans if s.kind == "actor"]
        for a in result.actors:
            mine = [s for s in spans if s.label == a.id]
            spoken = [s.score for s in mine if s.voice != "speaker"]
            assert a.speaking_mentions == len(mine) - len(spoken) and a.sentiment_count == len(spoken), (path.name, a.id)
            if spoken:
                assert abs(a.sentiment_mean - sum(spoken) / len(spoken)) < 1e-9
            else:
                assert a.sentiment_mean is None and a.reporter_sentiment is None and a.quoted_sentiment is None
            speaking += a.speaking_mentions
    assert speaking > 0
