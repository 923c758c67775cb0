#!/usr/bin/env python3
"""Merges pumptui(1): the page swift-argument-parser's generate-manual wrote, with the
hand-written sections of man/pumptui-extra.mdoc: SYNOPSIS replaces the generated one in place
(the generator knows no default subcommand), the rest (KEYS, ENVIRONMENT, FILES, EXIT STATUS, JSON OUTPUT,
EXAMPLES, SEE ALSO) go before AUTHORS, EXIT STATUS replacing the generator's generic one.
The developer subcommands (any the hand-written SYNOPSIS does not name: debug-keys, bench-*)
are left out, and NAME's description loses the generator's quotes. Prints the result.

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


def user_commands(synopsis):
    """The subcommands the hand-written SYNOPSIS names (".Cm login | accounts | ..."), and tui."""
    names = {"tui"}
    for line in synopsis:
        if line.startswith(".Cm "):
            names |= {w for w in line[4:].split() if w != "|"}
    return names


def without_hidden(lines, keep):
    """DESCRIPTION without the top-level `.It Em NAME` entries (and their nested lists) whose
    NAME is not in `keep`."""
    out, depth, skipping = [], 0, False
    for line in lines:
        top = depth == 1
        if top and line.startswith(".It Em "):
            skipping = line[len(".It Em "):].strip() not in keep
        if line.startswith(".Bl"):
            depth += 1
        elif line.startswith(".El"):
            depth -= 1
            if depth == 0:
                skipping = False
        if not skipping:
            out.append(line)
    return out


def unquoted_name(lines):
    """.Nd "A client." -> .Nd A client (a NAME line reads as prose in whatis/apropos)."""
    return [re.sub(r'^\.Nd "(.*?)\.?"$', r".Nd \1", l) for l in lines]


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
    keep = user_commands(by_title.get("SYNOPSIS", []))
    merged = [(t, without_hidden(ls, keep) if t == "DESCRIPTION" else unquoted_name(ls) if t == "NAME" else ls)
              for t, ls in merged]
    sys.stdout.write("\n".join(l for _, ls in merged for l in ls) + "\n")


if __name__ == "__main__":
    main()
