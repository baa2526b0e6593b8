#!/usr/bin/env python3
"""Fail when man/vnseg.1 misses a subcommand or an option that the vnseg program offers.

Subcommands come from `vnseg --help`, options from `vnseg COMMAND --help`; the page must
have a `.SS COMMAND` section for each, mentioning each long option. When groff is there,
both pages must also render without warnings.

    check_man.py VNSEG MAN_DIR
"""
import re
import shutil
import subprocess
import sys


def help_text(vnseg, *args):
    return subprocess.run([vnseg, *args, "--help"], capture_output=True, text=True).stdout


def main():
    vnseg, man_dir = sys.argv[1:3]
    page = open(man_dir + "/vnseg.1", encoding="utf-8").read().replace("\\-", "-")
    sections = dict(re.findall(r"^\.SS (\S+)\n(.*?)(?=^\.S[HS] )", page, flags=re.M | re.S))
    commands = re.findall(r"^  (\w+) {2,}", help_text(vnseg), flags=re.M)
    errors = []
    if not commands:
        errors.append("no commands found in `vnseg --help`")
    for cmd in commands:
        if cmd not in sections:
            errors.append("vnseg.1 has no section for `vnseg %s`" % cmd)
            continue
        for opt in sorted(set(re.findall(r"^ +(?:-\w, )?(--[a-z][a-z-]+)", help_text(vnseg, cmd),
                                           flags=re.M))):
            if opt != "--help" and opt not in sections[cmd]:
                errors.append("vnseg.1 section %s does not mention %s" % (cmd, opt))
    if shutil.which("groff") and shutil.which("preconv"):
        for name in ("vnseg.1", "libvnseg.3"):
            src = subprocess.run(["preconv", man_dir + "/" + name], capture_output=True).stdout
            out = subprocess.run(["groff", "-man", "-Tutf8", "-ww", "-z"], input=src,
                                 capture_output=True)
            if out.stderr.strip():
                errors.append("%s: %s" % (name, out.stderr.decode(errors="replace").strip()))
    for e in errors:
        print(e)
    print("%d commands checked" % len(commands))
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
