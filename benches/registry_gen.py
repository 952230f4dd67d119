#!/usr/bin/env python3
"""Writes a synthetic claim registry of N facts, in the format of claims/*.yaml.

    benches/registry_gen.py N OUT_DIR

Facts come in series of 12 monthly figures; patterns are shared the way a real registry shares
them (a few topic words, one of 50 places), so there are about 250 distinct patterns. Every
series has a change relation between its first two months, stated so that it holds. Files hold
at most 2,000 facts each, well under the 10 MiB limit per file.
"""
import os
import sys

PER_FILE = 2000
TOPICS = ["magnet", "export", "import", "steel", "grain"]
PLACES = [f"Place{k}" for k in range(50)]


def fact(series, month):
    topic = TOPICS[series % len(TOPICS)]
    place = PLACES[series % len(PLACES)]
    value = 1000 + (series * 37 + month * 11) % 9000
    return {
        "id": f"s{series}-m{month:02d}",
        "what": f"Synthetic series {series}, {topic} figure for {place}",
        "match": [f"(?i){topic}", f"\\b{place}\\b"],
        "period": f"{2000 + series % 25}-{month:02d}",
        "value": value,
    }


def main():
    n, out = int(sys.argv[1]), sys.argv[2]
    os.makedirs(out, exist_ok=True)
    facts = [fact(i // 12, i % 12 + 1) for i in range(n)]
    for start in range(0, n, PER_FILE):
        chunk = facts[start:start + PER_FILE]
        lines = [
            f"topic: synthetic registry part {start // PER_FILE}",
            "sources:",
            f"  src-{start // PER_FILE}:",
            "    name: Synthetic source",
            "    published: 2025-07-20",
            "facts:",
        ]
        for f in chunk:
            patterns = ", ".join(f"'{p}'" for p in f["match"])
            lines += [
                f"  - id: {f['id']}",
                f"    what: {f['what']}",
                f"    match: [{patterns}]",
                f"    period: {f['period']}",
                f"    value: {f['value']}",
                "    unit: t",
                f"    source: src-{start // PER_FILE}",
                "",
            ]
        relations = []
        for a, b in zip(chunk, chunk[1:]):
            if a["id"].endswith("-m01") and b["id"].endswith("-m02"):
                change = (b["value"] - a["value"]) / a["value"] * 100
                relations += [
                    f"  - change: {{ from: {a['id']}, to: {b['id']} }}",
                    f"    stated: {change:+.1f}%",
                ]
        if relations:
            lines += ["relations:"] + relations
        with open(os.path.join(out, f"part-{start // PER_FILE:03d}.yaml"), "w") as fh:
            fh.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
