"""Regenerate countries.tsv from Unicode CLDR (via Babel): Arabic and English short names and ISO 3166 codes.

Run by hand when CLDR changes: ``.venv/bin/python flows/data/gazetteer/build_countries.py``. Hand-written
aliases and nisba adjectives live in country_extras.tsv and are merged at load time, so this file stays
machine-written. Babel arrives with Prefect; nothing imports this script at run time.
"""

from __future__ import annotations

from pathlib import Path

from babel import Locale
from babel.core import get_global

# Withdrawn codes CLDR still lists as aliases of a current one, CLDR-only regions and pseudo-locales.
NOT_CURRENT = {"BUR", "ZAR", "DDR", "FXX", "TMP", "YMD", "XAA", "XBB", "XKK", "ZZZ", "ASC", "CPT", "DGA", "TAA"}
# Kosovo has no ISO 3166 code; XKX is the one the EU and IMF use.
EXTRA = {"XK": "XKX"}

HEADER = (
    "# Countries: Arabic and English names from Unicode CLDR (Babel 2.18, Unicode licence), ISO 3166 alpha-3.\n"
    "# Machine-written by build_countries.py; hand aliases and nisba adjectives are in country_extras.tsv.\n"
    "entity_id\tentity_type\tname_ar\tname_en\tcountry_code\taliases\tnisba\n"
)


def main() -> None:
    arabic, english = Locale("ar").territories, Locale("en").territories
    alpha2_to_3 = {
        targets[0]: alias
        for alias, targets in get_global("territory_aliases").items()
        if len(alias) == 3 and alias.isalpha() and len(targets) == 1 and alias not in NOT_CURRENT
    } | EXTRA
    rows = []
    for alpha2, alpha3 in sorted(alpha2_to_3.items(), key=lambda kv: kv[1]):
        if alpha2 in arabic and alpha2 in english and len(alpha2) == 2 and alpha2 not in {"EU", "UN", "EZ", "QO"}:
            rows.append(f"gpe:{alpha3.lower()}\tGPE\t{arabic[alpha2]}\t{english[alpha2]}\t{alpha3}\t\t\n")
    out = Path(__file__).with_name("countries.tsv")
    out.write_text(HEADER + "".join(rows), encoding="utf-8")
    print(f"{len(rows)} countries -> {out}")


if __name__ == "__main__":
    main()
