#!/usr/bin/env python3
"""Print `vnseg tokenize --format jsonl` output one sentence a line, tokens with their kinds.

Words print as they are; other kinds print as TEXT/kind, flags in brackets where telling.
"""
import json
import sys

SHOWN = {"foreign", "abbrev", "unpaired", "nfd", "repaired"}

for n, line in enumerate(sys.stdin, 1):
    sent = json.loads(line)
    out = []
    for t in sent["tokens"]:
        text = t["text"] if t["kind"] == "word" else "%s/%s" % (t["text"], t["kind"])
        flags = [f for f in t["flags"] if f in SHOWN]
        out.append(text + ("[%s]" % ",".join(flags) if flags else ""))
    marks = " (%s)" % ", ".join(sent["flags"]) if sent["flags"] else ""
    print("%d. bytes %d-%d%s\n   %s" % (n, sent["start"], sent["end"], marks, " ".join(out)))
