#!/usr/bin/env python3
"""Merges pumptui(1): the page swift-argument-parser's generate-manual wrote, with the
hand-written sections of man/pumptui-extra.mdoc: SYNOPSIS replaces the generated one in place
(the generator knows no default subcommand), the rest (KEYS, ENVIRONMENT, FILES, EXIT STATUS,
EXAMPLES) go before SEE ALSO / AUTHORS, EXIT STATUS replacing the generator's generic one.
Prints the result.

    man-merge.py GENERATED.1 EXTRA.mdoc > pumptui.1
"""
import re
import sys


def sections(lines):
    """Splits an mdoc page at its .Sh lines: [(title or None for the preamble, lines)]."""
    out = [(None, [])]
    for line in lines:
        m = re.match(r"\.Sh\s+(.*)", line)
        if m:
            out.append((m.group(1).strip().strip('"').upper(), [line]))
        else:
            out[-1][1].append(line)
    return out


def main():
    generated = open(sys.argv[1], encoding="utf-8").read().splitlines()
    extra = [l for l in open(sys.argv[2], encoding="utf-8").read().splitlines() if not l.startswith('.\\"')]
    extra_sections = [(t, ls) for t, ls in sections(extra) if t]
    generated_sections = sections(generated)
    generated_titles = {t for t, _ in generated_sections}
    by_title = dict(extra_sections)
    # Sections both have: the hand-written one, in the generator's place (SYNOPSIS);
    # EXIT STATUS is not kept in place but moved with the others (man-pages(7) order).
    in_place = {t for t in by_title if t in generated_titles and t != "EXIT STATUS"}
    kept = [(t, by_title[t] if t in in_place else ls) for t, ls in generated_sections
            if t not in by_title or t in in_place]
    rest = [l for t, ls in extra_sections if t not in in_place for l in ls]
    tail = {"SEE ALSO", "AUTHORS", "HISTORY", "BUGS"}
    at = next((i for i, (t, _) in enumerate(kept) if t in tail), len(kept))
    merged = kept[:at] + [(None, rest)] + kept[at:]
    sys.stdout.write("\n".join(l for _, ls in merged for l in ls) + "\n")


if __name__ == "__main__":
    main()
