"""Write lexicons/given_names.tsv: first names that mark a capitalised run as a person.

Sources (needed only to rebuild the file, never at run time):

* the 1990 US Census first-name files (public domain, US government work), as shipped
  by the ``names`` package (MIT licence, 0.3.0). Install it in a throwaway venv and
  pass its folder: ``python -m venv /tmp/n && /tmp/n/bin/pip install names==0.3.0``,
  then ``python scripts/build_given_names.py --names-dir /tmp/n/lib/python3.*/site-packages/names``;
* ``WORLD`` below: given names common in international news that the US list lacks or
  ranks low, written by us by region;
* for the filter only: the Dale-Chall familiar words shipped with ``textstat``, the
  VADER lexicon, the project's own actors/countries lexicons, and an English word list
  (SCOWL, e.g. Debian's ``wamerican``: /usr/share/dict/american-english; permissive
  licence), none of whose words are written to the output.

The rules, in order:

0. only the 1,000 most frequent names of each census list are kept (and all of ``WORLD``):
   the rarer 3,000 gave about 5% of the names found on the PolNeAR and BASIL articles,
   and every name costs load time in every process (the lexicons are read at start-up);
1. a name whose lower-case form is a familiar word (Dale-Chall), a VADER sentiment word,
   a month or weekday, a word of the actors lexicon's cues (roles, honorifics, not_names,
   function words, organisation words) or a country, capital, demonym or US state is
   dropped ("Will", "May", "Hope", "June", "Georgia", "Jordan", "Chad"), and so is a name
   in ``MOSTLY_NOT_NAMES``: cities and an adjective that news writes far more often than
   the first name ("Dallas", "Christian"), or a one-word form of a person in the actors
   lexicon ("Clinton", "Cruz": "Clinton Cash" is no person); but a familiar or VADER word
   that is a very frequent name (census rank 1-200: "Mark", "Bill", "Ray") is kept as
   ``given_common``, which the detector trusts only inside a sentence;
2. a name written lower-case in the English word list (a common noun, verb or adjective:
   "frank", "jack", "john") is kept only when it is a frequent name (census rank 1-400 of
   its list), as ``given_word``; rarer ones are dropped. (The detector trusts both
   categories alike: at a sentence start too, where all 21 names it added on PolNeAR and
   BASIL were people; the category is kept for users who want only the safe ones);
3. every other name is ``given``.
"""

from __future__ import annotations

import argparse
import importlib.util
import sys
import tomllib
from pathlib import Path

from lexicon_file import write_tsv

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "lexicons" / "given_names.tsv"
WORDS = Path("/usr/share/dict/american-english")
MAX_RANK = 1000  # names rarer than this in both census lists are left out (see rule 0)
FREQUENT_RANK = 400
COMMON_RANK = 200  # rule 1: a familiar word is kept as a name only this high  # rule 2: a dictionary word is kept as a name only this high in the census list

# Given names frequent in world news, by region (written by us; the filter applies to them too).
WORLD = {
    "slavic": "vladimir sergei sergey dmitry dmitri alexei alexey mikhail nikolai nikolay igor yuri oleg volodymyr petro "
    "viktor yulia yevgeny evgeny vitali vitaly arseniy andriy taras olena oksana svetlana tatiana natalia anatoly "
    "gennady ramzan aleksandr aleksandar aleksander andrzej mateusz jaroslaw donald lech vaclav milos zoran slobodan "
    "ivana melania jelena milena katarina marija natasa natasha irina olga ludmila lyudmila yelena elena daria "
    "ksenia anastasia zuzana petra lucie agnieszka malgorzata beata",
    "western_european": "emmanuel francois françois jacques nicolas segolene ségolène edouard édouard jean-luc jean-marie "
    "jean-claude jean-yves marine olaf angela annegret friedrich horst wolfgang gerhard helmut sigmar jens ursula josep "
    "pedro mariano santiago matteo giorgia silvio giuseppe sergio enrico mario mark jeremy boris theresa "
    "keir rishi nicola leo enda micheal micheál sebastian alexander margrethe stefan lars mette erna sanna jacinda",
    "middle_east_africa": "mohammed muhammad mohamed mohammad mahmoud ahmed ahmad ali hassan hussein hamid hamad abdel "
    "abdul abdullah abdulaziz khalid omar osama bashar hosni recep tayyip ekrem binali naftali yair benny benjamin "
    "avigdor ayman ismail yahya hafez qassem javad ebrahim masoud nouri haider mustafa "
    "cyril thabo jacob emmerson uhuru yoweri muhammadu goodluck abiy salva paul",
    "south_asia": "narendra rahul sonia arvind amit manmohan imran nawaz shehbaz benazir asif bilawal hasina "
    "khaleda ashraf hamid priya pooja neha anjali deepa lakshmi sunita anita kavita preeti shreya aditi "
    "raj rajesh ramesh suresh sanjay vijay sunil anil ravi deepak ajay vikram arjun rohit sachin amitabh "
    "jawaharlal indira atal mamata yogi nirmala piyush ashok mahinda gotabaya ranil",
    "arabic_persian_turkish": "fatima fatma aisha ayesha zainab maryam layla leila yasmin yusuf youssef "
    "ibrahim tariq faisal salman saud nayef walid waleed marwan jamal khaled karim rashid said saeed hamza "
    "mehmet ahmet mustafa emine kemal abdulla gamal anwar moammar muammar saddam",
    "africa": "kwame kofi kojo ama akua ngozi chinedu chidi emeka oluwaseun olusegun bola babatunde yemi "
    "nnamdi chimamanda wole jomo raila william mwai thabo jacob julius nelson desmond winnie kgalema "
    "ellen george alassane macky felix joseph",
    "latin_america": "jair luiz inacio inácio dilma andres andrés nicolas nicolás hugo evo cristina mauricio javier "
    "gustavo xiomara nayib alberto sebastian sebastián gabriel lenin rafael daniel fidel raul raúl enrique felipe "
    "vicente ernesto carlos",
    "east_asia": "shinzo fumio yoshihide junichiro joko rodrigo ferdinand rody",
}

# Rule 1: first names that news mostly writes as a city or an adjective (written by us).
MOSTLY_NOT_NAMES = "austin dallas houston denver orlando aurora madison cleveland kent chelsea sydney lincoln christian reagan truman santa isis asia".split()

US_STATES = (
    "alabama alaska arizona arkansas california colorado connecticut delaware florida georgia hawaii idaho illinois "
    "indiana iowa kansas kentucky louisiana maine maryland massachusetts michigan minnesota mississippi missouri "
    "montana nebraska nevada hampshire jersey mexico york carolina dakota ohio oklahoma oregon pennsylvania rhode "
    "tennessee texas utah vermont virginia washington wisconsin wyoming"
).split()


def _names_dir(arg: str | None) -> Path:
    if arg:
        return Path(arg)
    spec = importlib.util.find_spec("names")
    if spec is None or not spec.origin:
        sys.exit("the `names` package (0.3.0) is not installed: pass --names-dir (see the docstring)")
    return Path(spec.origin).parent


def _census(folder: Path) -> dict[str, int]:
    """First name -> best rank over the male and female files."""
    ranks: dict[str, int] = {}
    for f in ("dist.male.first", "dist.female.first"):
        for line in (folder / f).read_text().splitlines():
            parts = line.split()
            if len(parts) == 4:
                name, rank = parts[0].lower(), int(parts[3])
                ranks[name] = min(rank, ranks.get(name, rank))
    return ranks


def _familiar() -> set[str]:
    """Rule 1: familiar words (Dale-Chall) and VADER's sentiment words."""
    import textstat
    import vaderSentiment

    out = set((Path(textstat.__file__).parent / "resources" / "en" / "easy_words.txt").read_text().split())
    vader = Path(vaderSentiment.__file__).parent / "vader_lexicon.txt"
    out.update(line.split("\t", 1)[0] for line in vader.read_text(encoding="utf-8").splitlines() if line.strip())
    return out


def _never(root: Path) -> set[str]:
    """Rule 1: dates, the actor cues, places and known people's one-word forms."""
    out: set[str] = set()
    actors = tomllib.loads((root / "lexicons" / "actors.toml").read_text(encoding="utf-8"))
    for key in ("honorifics", "roles", "org_suffixes", "org_nouns", "org_heads", "function_words", "dates", "not_names"):
        for term in actors["cues"].get(key, []):
            out.update(term.lower().split())
    for a in actors.get("actor", []):
        if a.get("kind", "person") == "person":
            for term in [*a.get("aliases", []), *a.get("short", []), *a.get("short_default", [])]:
                if len(term.split()) == 1:
                    out.add(term.lower())
    countries = tomllib.loads((root / "lexicons" / "countries.toml").read_text(encoding="utf-8"))
    for c in countries.get("country", []):
        for term in [c.get("name", ""), *c.get("aliases", []), *c.get("capitals", []), *c.get("demonyms", []), *c.get("plurals", [])]:
            out.update(term.lower().split())
    out.update(US_STATES)
    out.update(MOSTLY_NOT_NAMES)
    return out


def build(names_dir: Path, words_file: Path = WORDS) -> list[tuple[str, str]]:
    if not words_file.is_file():
        sys.exit(f"{words_file} is missing: install an English word list (Debian: apt-get install wamerican)")
    dictionary = {w for w in words_file.read_text(encoding="utf-8", errors="replace").split() if w.islower()}
    familiar, never = _familiar(), _never(ROOT)
    ranks = _census(names_dir)
    for region in WORLD.values():
        for name in region.split():
            ranks.setdefault(name, FREQUENT_RANK + 1)  # a hand-listed name is no frequent US name
    rows = []
    for name, rank in ranks.items():
        if len(name) < 2 or name in never or rank > MAX_RANK:
            continue
        if name in familiar:
            if rank <= COMMON_RANK:
                rows.append((name, "given_common"))
            continue
        if name in dictionary:
            if rank > FREQUENT_RANK:
                continue
            rows.append((name, "given_word"))
        else:
            rows.append((name, "given"))
    return sorted(rows)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--names-dir", help="folder of the `names` package (holds dist.male.first)")
    ap.add_argument("--words", default=str(WORDS), help="English word list, one word a line")
    ap.add_argument("-o", "--out", default=str(OUT))
    args = ap.parse_args()
    rows = build(_names_dir(args.names_dir), Path(args.words))
    header = [
        "# source: 1990 US Census first names (public domain; via the `names` package 0.3.0, MIT licence) and given names "
        "common in world news written by the framing project; everyday words removed (scripts/build_given_names.py states the rule)",
        "# categories: given, given_word, given_common",
        "# given: a first name that is no English word; given_word: a frequent first name that is also a lower-case "
        "English word (Frank, Jack); given_common: a very frequent first name that is also a familiar word (Mark, "
        "Bill), trusted only inside a sentence",
        "# generated by scripts/build_given_names.py: do not edit by hand",
    ]
    write_tsv(args.out, header, rows, "names")


if __name__ == "__main__":
    main()
