"""How the package finds libvnseg (VNSEG_LIBRARY, a build tree, the system) and refuses a
library whose struct layouts or major version differ from what it reads."""
import os
import shutil
import subprocess
import sys
import tempfile
import unittest

from support import HERE, vnseg

PACKAGE = os.path.join(os.path.dirname(HERE), "vnseg")
LIB = os.path.realpath(vnseg.library_path)


def run(code, env_extra, cwd=None, path=os.path.dirname(HERE)):
    env = {k: v for k, v in os.environ.items() if k != "VNSEG_LIBRARY"}
    env.update(env_extra)
    env["PYTHONPATH"] = path
    return subprocess.run([sys.executable, "-c", code], env=env, cwd=cwd, capture_output=True,
                          text=True)


class Lookup(unittest.TestCase):
    def test_environment_variable_file_and_folder(self):
        p = run("import vnseg; print(vnseg.library_path)", {"VNSEG_LIBRARY": LIB}, cwd="/")
        self.assertEqual(p.stdout.strip(), LIB, p.stderr)
        with tempfile.TemporaryDirectory() as d:
            shutil.copy(LIB, os.path.join(d, "libvnseg.so.0"))
            p = run("import vnseg; print(vnseg.library_path)", {"VNSEG_LIBRARY": d}, cwd=d)
            self.assertEqual(p.stdout.strip(), os.path.join(d, "libvnseg.so.0"), p.stderr)

    def test_environment_variable_wins_and_fails_loudly(self):
        p = run("import vnseg", {"VNSEG_LIBRARY": "/nonexistent/libvnseg.so.0"}, cwd="/")
        self.assertNotEqual(p.returncode, 0)
        self.assertIn("VNSEG_LIBRARY=/nonexistent/libvnseg.so.0", p.stderr)
        self.assertIn("ImportError", p.stderr)

    def test_build_tree_above_the_package(self):
        with tempfile.TemporaryDirectory() as d:
            shutil.copytree(PACKAGE, os.path.join(d, "src", "bindings", "python", "vnseg"),
                            ignore=shutil.ignore_patterns("__pycache__"))
            os.makedirs(os.path.join(d, "src", "build-x", "libvnseg"))
            open(os.path.join(d, "src", "meson.build"), "w").close()
            os.makedirs(os.path.join(d, "src", "libvnseg"))
            shutil.copy(LIB, os.path.join(d, "src", "build-x", "libvnseg", "libvnseg.so.0"))
            p = run("import vnseg; print(vnseg.library_path)", {}, cwd=d,
                    path=os.path.join(d, "src", "bindings", "python"))
            self.assertEqual(p.stdout.strip(),
                             os.path.join(d, "src", "build-x", "libvnseg", "libvnseg.so.0"),
                             p.stderr)

    def test_no_build_tree_outside_a_source_tree(self):
        with tempfile.TemporaryDirectory() as d:
            shutil.copytree(PACKAGE, os.path.join(d, "site", "x", "y", "vnseg"),
                            ignore=shutil.ignore_patterns("__pycache__"))
            os.makedirs(os.path.join(d, "build", "libvnseg"))
            shutil.copy(LIB, os.path.join(d, "build", "libvnseg", "libvnseg.so.0"))
            p = run("import vnseg._lib as l; print(l._build_tree_candidates())", {
                "VNSEG_LIBRARY": LIB}, cwd=d, path=os.path.join(d, "site", "x", "y"))
            self.assertEqual(p.stdout.strip(), "[]", p.stderr)

    def test_version_helpers(self):
        self.assertTrue(vnseg.library_version().startswith("0."))
        self.assertTrue(vnseg.has("vnseg_tokenize"))
        self.assertFalse(vnseg.has("vnseg_no_such_function"))


class FakeLib:
    """Answers like a library whose token struct grew or whose major version moved on."""

    def __init__(self, token_size=24, version=0x000100):
        self.token_size, self.version = token_size, version

    def vnseg_version_number(self):
        return self.version

    def vnseg_version(self):
        return b"9.0.0"

    def vnseg_struct_size(self, which):
        import ctypes
        if which == 3:
            return self.token_size
        return ctypes.sizeof(vnseg._lib.LAYOUTS[which])


class Layouts(unittest.TestCase):
    def test_mismatch_is_refused(self):
        vnseg._lib._check(FakeLib(), "fake")
        with self.assertRaises(ImportError) as cm:
            vnseg._lib._check(FakeLib(token_size=32), "fake")
        self.assertIn("32-byte TokenStruct", str(cm.exception))
        with self.assertRaises(ImportError) as cm:
            vnseg._lib._check(FakeLib(version=0x090000), "fake")
        self.assertIn("major version 0", str(cm.exception))

    def test_missing_function_is_refused(self):
        class Old:
            pass
        with self.assertRaises(ImportError) as cm:
            vnseg._lib._declare(Old(), "old")
        self.assertIn("older than this package", str(cm.exception))


if __name__ == "__main__":
    unittest.main()
