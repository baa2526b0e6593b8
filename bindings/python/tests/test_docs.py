"""The Python examples of the documentation run as written (docs/python.md, or the README's
Python section once the docs are merged into it)."""
import os
import re
import subprocess
import sys
import tempfile
import unittest

from support import HERE, ROOT


def examples():
    for name in ("docs/python.md", "README.md"):
        path = os.path.join(ROOT, name)
        if os.path.exists(path):
            with open(path, encoding="utf-8") as f:
                blocks = re.findall(r"```python\n(.*?)```", f.read(), flags=re.S)
            found = [b for b in blocks if "import vnseg" in b and "pyspark" not in b]
            if found:
                return name, found
    return None, []


class Docs(unittest.TestCase):
    def test_examples_run(self):
        name, blocks = examples()
        self.assertTrue(blocks, "no Python example found in docs/python.md or README.md")
        env = dict(os.environ, PYTHONPATH=os.path.dirname(HERE))
        for code in blocks:
            with tempfile.TemporaryDirectory() as d:
                p = subprocess.run([sys.executable, "-c", code], cwd=d, env=env,
                                   capture_output=True, text=True)
                self.assertEqual(p.returncode, 0, "%s example failed:\n%s\n%s" % (
                    name, code, p.stderr))


if __name__ == "__main__":
    unittest.main()
