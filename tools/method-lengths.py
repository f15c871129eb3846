#!/usr/bin/env python3
"""Lists C# methods (and constructors, local functions, accessors with bodies) longer than a limit.

A line scan, not a parser: a member starts at a line that looks like a declaration with '(' and whose
body opens with '{' (same or next line) or '=>'; its length is the count of lines from the declaration to
the brace that closes it (or, for '=>' bodies, to the line ending in ';' at the member's depth).
Usage: tools/method-lengths.py [folder] [limit]   (defaults: src/KConnector.Generator 80)
"""
import os, re, sys

DECL = re.compile(
    r"^\s*(?:(?:public|private|protected|internal|static|override|virtual|sealed|async|new|unsafe|partial|extern|abstract)\s+)*"
    r"[\w<>\[\]?,. ()]+?\s+(\w+)\s*(?:<[^>]*>)?\s*\(")
SKIP = ("if", "for", "foreach", "while", "switch", "using", "lock", "catch", "return", "new", "else", "when", "nameof", "typeof")


def strip(line):
    line = re.sub(r'"(?:\\.|[^"\\])*"', '""', line)
    line = re.sub(r"'(?:\\.|[^'\\])*'", "''", line)
    return line.split("//")[0]


def members(path):
    with open(path, encoding="utf-8-sig") as f:
        lines = [strip(l) for l in f.read().split("\n")]
    i = 0
    while i < len(lines):
        m = DECL.match(lines[i])
        if not m or m.group(1) in SKIP or lines[i].rstrip().endswith(";"):
            i += 1
            continue
        # find body start: '{' or '=>' within the next few lines (parameter lists can wrap)
        j = i
        while j < len(lines) and j < i + 15 and "{" not in lines[j] and "=>" not in lines[j]:
            if lines[j].rstrip().endswith(";"):
                break
            j += 1
        if j >= len(lines) or ("{" not in lines[j] and "=>" not in lines[j]):
            i += 1
            continue
        if "=>" in lines[j] and ("{" not in lines[j] or lines[j].index("=>") < lines[j].index("{")):
            k = j
            depth = 0
            while k < len(lines):
                depth += lines[k].count("(") + lines[k].count("{") + lines[k].count("[") - lines[k].count(")") - lines[k].count("}") - lines[k].count("]")
                if depth <= 0 and lines[k].rstrip().endswith(";"):
                    break
                k += 1
        else:
            depth = 0
            k = j
            opened = False
            while k < len(lines):
                depth += lines[k].count("{") - lines[k].count("}")
                opened = opened or "{" in lines[k]
                if opened and depth <= 0:
                    break
                k += 1
        yield m.group(1), i + 1, k - i + 1
        i = k + 1 if k - i < 2000 else i + 1


def main():
    root = sys.argv[1] if len(sys.argv) > 1 else "src/KConnector.Generator"
    limit = int(sys.argv[2]) if len(sys.argv) > 2 else 80
    found = []
    for d, _, files in os.walk(root):
        for name in files:
            if name.endswith(".cs") and "/obj/" not in d + "/" and "/bin/" not in d + "/":
                p = os.path.join(d, name)
                found += [(n, p, line, length) for n, line, length in members(p)]
    over = sorted((x for x in found if x[3] > limit), key=lambda x: -x[3])
    for name, path, line, length in over:
        print(f"{length:5d}  {path}:{line}  {name}")
    print(f"members: {len(found)}; over {limit}: {len(over)}; over 100: {sum(1 for x in found if x[3] > 100)};"
          f" longest: {max((x[3] for x in found), default=0)}")


if __name__ == "__main__":
    main()
