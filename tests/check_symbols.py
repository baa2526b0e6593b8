#!/usr/bin/env python3
"""Fail when the shared library's exported symbols and the reviewed ABI disagree.

Every exported symbol must start with vnseg_, be listed in libvnseg.map, and be declared in a
public header; every symbol of the map must be exported.

    check_symbols.py LIBRARY MAP INCLUDE_DIR
"""
import os
import re
import subprocess
import sys


def exported(lib):
    out = subprocess.run(["nm", "-D", "--defined-only", lib], check=True, capture_output=True,
                         text=True).stdout
    syms = set()
    for line in out.splitlines():
        parts = line.split()
        if len(parts) == 3 and parts[1] != "A":
            syms.add(parts[2].split("@")[0])
    return syms


def mapped(path):
    text = re.sub(r"/\*.*?\*/", "", open(path).read(), flags=re.S)
    return set(re.findall(r"^\s*(vnseg_\w+)\s*;", text, flags=re.M))


def declared(include_dir):
    names = set()
    for root, _, files in os.walk(include_dir):
        for f in files:
            if f.endswith((".h", ".h.in")):
                names |= set(re.findall(r"\b(vnseg_\w+)\s*\(", open(os.path.join(root, f)).read()))
    return names


def main():
    lib, map_path, include_dir = sys.argv[1:4]
    exp, mp, dec = exported(lib), mapped(map_path), declared(include_dir)
    errors = []
    errors += ["exported without the vnseg_ prefix: " + s for s in sorted(exp) if not s.startswith("vnseg_")]
    errors += ["exported but not in the map: " + s for s in sorted(exp - mp)]
    errors += ["in the map but not exported: " + s for s in sorted(mp - exp)]
    errors += ["in the map but declared in no public header: " + s for s in sorted(mp - dec)]
    for e in errors:
        print(e)
    print("%d exported symbols checked" % len(exp))
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
