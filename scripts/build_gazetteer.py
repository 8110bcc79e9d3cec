"""Build lexicons/countries.toml: every ISO 3166-1 country with names, demonyms and capitals.

Run once by hand when the source packages change; the analysis itself never imports them::

    .venv/bin/pip install pycountry countryinfo
    .venv/bin/python scripts/build_gazetteer.py

Sources: ``pycountry`` (the ISO 3166-1 list, official and common names) and
``countryinfo`` (capital, demonym and alternative spellings, from Wikipedia), joined on
the ISO alpha-3 code. The output is a lexicon TOML (TOML keeps the case of each form,
which matching needs: "US" is the country, "us" is not): one ``[[country]]`` table per
country with ``id``, ``iso3``, ``name`` and lists of ``aliases``, ``capitals``,
``demonyms`` (adjectives) and ``plurals`` (people).
"""

from __future__ import annotations

import json
import re
import sys
import unicodedata
from collections import defaultdict
from importlib import metadata, resources
from pathlib import Path

OUT = Path(__file__).resolve().parent.parent / "lexicons" / "countries.toml"

# Display names news copy uses, where ISO's short name is a formal one.
NAME_OVERRIDES = {
    "BOL": "Bolivia",
    "BRN": "Brunei",
    "CIV": "Ivory Coast",
    "COD": "Democratic Republic of the Congo",
    "COG": "Republic of the Congo",
    "CZE": "Czech Republic",
    "FSM": "Micronesia",
    "IRN": "Iran",
    "KOR": "South Korea",
    "PRK": "North Korea",
    "LAO": "Laos",
    "MDA": "Moldova",
    "PSE": "Palestine",
    "RUS": "Russia",
    "SYR": "Syria",
    "TWN": "Taiwan",
    "TZA": "Tanzania",
    "VAT": "Vatican City",
    "VEN": "Venezuela",
    "VNM": "Vietnam",
    "GBR": "United Kingdom",
    "USA": "United States",
    "TUR": "Turkey",
}

# Extra surface forms that are standard in English news but missing from both sources.
EXTRA = {
    "USA": [("the United States", "alias"), ("U.S.", "alias"), ("US", "alias"), ("USA", "alias"), ("U.S.A.", "alias"), ("America", "alias"), ("Washington", "capital"), ("American", "demonym"), ("Americans", "demonym_plural")],
    "GBR": [("UK", "alias"), ("U.K.", "alias"), ("Britain", "alias"), ("Britons", "demonym_plural")],
    "COD": [("DRC", "alias"), ("DR Congo", "alias")],
    "ARE": [("UAE", "alias"), ("Emirati", "demonym"), ("Emiratis", "demonym_plural")],
    "CZE": [("Czechia", "alias"), ("Czech", "demonym"), ("Czechs", "demonym_plural")],
    "TUR": [("Türkiye", "alias"), ("Turkiye", "alias"), ("Turks", "demonym_plural")],
    "NLD": [("Dutch", "demonym")],
    "CHN": [("Chinese", "demonym_plural")],
    "JPN": [("Japanese", "demonym_plural")],
    "PRK": [("DPRK", "alias")],
    "KOR": [("ROK", "alias")],
    "UKR": [("Kiev", "capital")],
    "MMR": [("Burma", "alias"), ("Naypyidaw", "capital"), ("Burmese", "demonym")],
    "SWZ": [("Swaziland", "alias")],
    "MKD": [("Macedonia", "alias")],
    "CPV": [("Cape Verde", "alias")],
}

# Capitals that are also everyday words or common given names: matched as text they
# would mostly be wrong, so they are left out (the country name still matches).
AMBIGUOUS_TERMS = {"Mann", "Viti", "Éire"}
AMBIGUOUS_CAPITALS = {"Male", "Victoria", "Kingston", "Georgetown", "Hamilton", "Saint John's", "Avarua", "Basseterre", "Castries", "Road Town", "The Valley", "Plymouth", "Adamstown", "Flying Fish Cove", "West Island", "King Edward Point", "Mata-Utu"}

# Alternative spellings that are codes, native-script names or not English forms.
_CODE = re.compile(r"^[A-Z]{2,3}$")


def slug(name: str) -> str:
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")


def plural(demonym: str) -> str | None:
    """English plural of a demonym noun ("Russian" -> "Russians"); None when it has none."""
    if demonym.endswith(("ese", "ish", "ch", "ss", "s", "x", "z")):
        return None
    return demonym + "s"


def latin(s: str) -> bool:
    return all(ord(c) < 0x250 or not c.isalpha() for c in s)


def countryinfo_by_iso3() -> dict[str, dict]:
    root = resources.files("countryinfo") / "data"
    out: dict[str, dict] = {}
    for f in sorted(root.iterdir(), key=lambda p: p.name):
        if not f.name.endswith(".json"):
            continue
        d = json.loads(f.read_text(encoding="utf-8"))
        iso3 = (d.get("ISO") or {}).get("alpha3")
        if not iso3:
            continue
        # Two files for one code (e.g. Palestine): keep the one that has a demonym.
        if iso3 in out and out[iso3].get("demonym") and not d.get("demonym"):
            continue
        out[iso3] = d
    return out


population: dict[str, int] = {}


def build() -> list[tuple[str, str, str, str, str]]:
    import pycountry

    info = countryinfo_by_iso3()
    rows: list[tuple[str, str, str, str, str]] = []
    for c in sorted(pycountry.countries, key=lambda c: c.alpha_3):
        iso3 = c.alpha_3
        d = info.get(iso3, {})
        # ISO's short name is current ("Eswatini", "North Macedonia") unless it is inverted or formal.
        iso_name = c.name if "," not in c.name and "(" not in c.name else None
        name = NAME_OVERRIDES.get(iso3) or getattr(c, "common_name", None) or iso_name or d.get("name") or c.name
        cid = slug(name)
        forms: list[tuple[str, str]] = [(name, "country")]
        for alt in (c.name, getattr(c, "official_name", None), d.get("name"), *(d.get("altSpellings") or [])):
            if alt and "," not in alt and "(" not in alt and latin(alt) and not _CODE.match(alt) and alt not in AMBIGUOUS_TERMS:
                forms.append((alt, "alias"))
        capitals = d.get("capital")
        for cap in capitals if isinstance(capitals, list) else [capitals]:
            if cap and cap not in AMBIGUOUS_CAPITALS and latin(cap):
                forms.append((cap, "capital"))
        dem = d.get("demonym")
        if isinstance(dem, str) and dem.strip():
            dem = dem.strip()
            forms.append((dem, "demonym"))
            p = plural(dem)
            if p:
                forms.append((p, "demonym_plural"))
        forms.extend(EXTRA.get(iso3, []))
        for term, cat in forms:
            rows.append((term.strip(), cat, cid, iso3, name))
            population[iso3] = int(d.get("population") or 0)
    return rows


def dedupe(rows: list[tuple[str, str, str, str, str]]) -> list[tuple[str, str, str, str, str]]:
    """One row per term.

    A term claimed by several countries goes to one that names itself so ("Georgia"),
    else to the one at least ten times more populous than the others ("French" to France,
    not French Guiana; "American" to the United States); otherwise it is dropped.
    """
    rank = {"country": 0, "alias": 1, "capital": 2, "demonym": 3, "demonym_plural": 4}
    claims: dict[str, list[tuple[str, str, str, str, str]]] = defaultdict(list)
    for row in rows:
        claims[row[0].lower()].append(row)
    out = []
    for key, rs in claims.items():
        owners = {r[3] for r in rs}
        if len(owners) == 1:
            out.append(min(rs, key=lambda r: rank[r[1]]))
            continue
        named = [r for r in rs if r[1] == "country"]
        if len(named) == 1:
            out.append(named[0])
            continue
        by_pop = sorted(rs, key=lambda r: -population.get(r[3], 0))
        top = population.get(by_pop[0][3], 0)
        rest = max((population.get(r[3], 0) for r in by_pop if r[3] != by_pop[0][3]), default=0)
        if top >= 10 * max(rest, 1):
            out.append(min((r for r in rs if r[3] == by_pop[0][3]), key=lambda r: rank[r[1]]))
    return sorted(out, key=lambda r: (r[4], rank[r[1]], r[0]))


def toml_list(xs: list[str]) -> str:
    return "[" + ", ".join(json.dumps(x, ensure_ascii=False) for x in xs) + "]"


def main() -> int:
    rows = dedupe(build())
    versions = f"pycountry {metadata.version('pycountry')}, countryinfo {metadata.version('countryinfo')}"
    by_country: dict[str, dict[str, list[str]]] = {}
    meta: dict[str, tuple[str, str]] = {}
    for term, cat, cid, iso3, name in rows:
        meta[cid] = (iso3, name)
        by_country.setdefault(cid, {}).setdefault(cat, []).append(term)
    out = [
        "# Generated by scripts/build_gazetteer.py: do not edit by hand; add forms in actors.toml",
        "# (an [[actor]] with a country's id) or in a user lexicon folder instead.",
        "",
        "[meta]",
        f"source = {json.dumps('ISO 3166-1 country list from pycountry; capitals, demonyms and alternative spellings from countryinfo (MIT, data from Wikipedia); ' + versions)}",
        'categories = ["country", "alias", "capital", "demonym", "demonym_plural"]',
    ]
    keys = (("aliases", ("country", "alias")), ("capitals", ("capital",)), ("demonyms", ("demonym",)), ("plurals", ("demonym_plural",)))
    for cid in sorted(by_country, key=lambda c: meta[c][1]):
        iso3, name = meta[cid]
        forms = by_country[cid]
        out += ["", "[[country]]", f"id = {json.dumps(cid)}", f"iso3 = {json.dumps(iso3)}", f"name = {json.dumps(name, ensure_ascii=False)}"]
        for key, cats in keys:
            terms = [t for c in cats for t in forms.get(c, []) if t != name or c != "country"]
            if terms:
                out.append(f"{key} = {toml_list(terms)}")
    OUT.write_text("\n".join(out) + "\n", encoding="utf-8")
    print(f"wrote {len(rows)} forms for {len(by_country)} countries to {OUT}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
