"""Regenerate cities.tsv from Unicode CLDR (via Babel): the exemplar cities of the time zones, in Arabic and English.

CLDR names one city per time zone (Africa/Cairo -> القاهرة / Cairo): capitals and the largest cities of most
countries. English is CLDR's own exemplar city where it has one, else the zone id's city part (underscores as
spaces), which is CLDR's English fallback. Run by hand when CLDR changes:
``.venv/bin/python flows/data/gazetteer/build_cities.py``. Nothing imports this script at run time.
"""

from __future__ import annotations

from pathlib import Path

from babel import Locale
from babel.core import get_global

# Zones that are not cities (Etc/UTC), or whose "city" is a region or a research station.
NOT_CITIES = ("Etc/", "Antarctica/", "Arctic/")

HEADER = (
    "# Cities: the exemplar cities of the time zones in Unicode CLDR (Babel 2.18, Unicode licence), Arabic and\n"
    "# English, with the ISO 3166 alpha-3 code of the zone's country. Machine-written by build_cities.py; used for\n"
    "# English names only (the matcher reads places.tsv).\n"
    "name_ar\tname_en\tcountry_code\n"
)


def main() -> None:
    arabic, english = Locale("ar").time_zones, Locale("en").time_zones
    zone_country = get_global("zone_territories")
    alpha2_to_3 = {
        targets[0]: alias
        for alias, targets in get_global("territory_aliases").items()
        if len(alias) == 3 and alias.isalpha() and len(targets) == 1
    }
    rows: dict[str, str] = {}
    for zone, names in sorted(arabic.items()):
        city_ar = names.get("city")
        if not city_ar or zone.startswith(NOT_CITIES):
            continue
        city_en = english.get(zone, {}).get("city") or zone.rsplit("/", 1)[-1].replace("_", " ")
        country = alpha2_to_3.get(zone_country.get(zone, ""), "")
        rows.setdefault(city_ar, f"{city_ar}\t{city_en}\t{country}\n")
    out = Path(__file__).with_name("cities.tsv")
    out.write_text(HEADER + "".join(rows[name] for name in sorted(rows)), encoding="utf-8")
    print(f"{len(rows)} cities -> {out}")


if __name__ == "__main__":
    main()
