"""Every public name of the package is exercised by some test, and every C function the
package declares is called by some module (so nothing is bound but untested)."""
import glob
import os
import re
import unittest

from support import HERE, vnseg

PACKAGE = os.path.join(os.path.dirname(HERE), "vnseg")


def read(pattern):
    out = ""
    for path in sorted(glob.glob(pattern)):
        with open(path, encoding="utf-8") as f:
            out += f.read()
    return out


class Coverage(unittest.TestCase):
    def test_public_names_are_tested(self):
        tests = read(os.path.join(HERE, "test_*.py"))
        tests = tests.replace(read(os.path.join(HERE, "test_coverage.py")), "")
        untested = [n for n in vnseg.__all__ if not re.search(r"\b%s\b" % n, tests)]
        self.assertEqual(untested, [])

    def test_declared_functions_are_called(self):
        lib_py = read(os.path.join(PACKAGE, "_lib.py"))
        table = lib_py[lib_py.index("PROTOTYPES = {"):lib_py.index("def _build_tree")]
        code = read(os.path.join(PACKAGE, "*.py")).replace(table, "")
        code += read(os.path.join(HERE, "test_*.py"))
        declared = list(vnseg._lib.PROTOTYPES) + list(vnseg._lib.OPTIONAL)
        # Called as lib.NAME(...), or named as the function that frees a Handle (_handle.py).
        uncalled = [n for n in declared
                    if not re.search(r"lib\.%s\b|_free = \"%s\"" % (n, n), code)]
        self.assertEqual(uncalled, [])

    def test_every_token_flag_has_a_short_name(self):
        for flag in vnseg.TokenFlag:
            self.assertEqual(len(flag.names()), 1, flag)


if __name__ == "__main__":
    unittest.main()
