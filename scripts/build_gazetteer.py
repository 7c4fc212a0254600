"""Rebuild briefs/backends/rules/data/countries.json from the countryinfo dataset.

Run by a developer when the dataset changes (``pip install countryinfo`` first);
briefs itself reads only the JSON file it ships, so it needs no dataset at run time.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import countryinfo

OUT = Path(__file__).resolve().parent.parent / "briefs/backends/rules/data/countries.json"
ASCII_NAME = re.compile(r"^[A-Z][A-Za-z .'\-]+$")


def main() -> None:
    rows = []
    for country in countryinfo.all_countries():
        info = country.info()
        name = info["name"]
        capital = info.get("capital") or ""
        if isinstance(capital, list):
            capital = capital[0] if capital else ""
        capital = capital.replace(" D.C.", "").strip()
        demonym = (info.get("demonym") or "").strip()
        alt = [
            a
            for a in info.get("altSpellings") or []
            if ASCII_NAME.match(a) and a != name and (len(a) > 3 or a in ("UK", "USA", "US"))
        ]
        plural = ""
        if demonym and not demonym.endswith(("ese", "ss", "sh", "ch")):
            plural = demonym + "s"
        rows.append(
            {
                "name": name,
                "capital": capital or None,
                "adjective": demonym or None,
                "demonym_plural": plural or None,
                "aliases": sorted(set(alt)),
            }
        )
    rows.sort(key=lambda r: r["name"])
    OUT.write_text(json.dumps(rows, ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    print(f"wrote {len(rows)} countries to {OUT}")


if __name__ == "__main__":
    main()
