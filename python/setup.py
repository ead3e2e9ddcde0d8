"""Carry the library the source tree built into the package.

pyproject.toml holds the metadata; this hook only copies
``../build/src/libsatstat.so.0`` (what ``tools/setup`` builds; or the file
``$SATSTAT_LIBRARY`` names at install time) into the installed package, so
that ``import satstat`` works from any folder after
``pip install --no-build-isolation ./python``.  Without a built library the
package installs without one and loads an installed libsatstat.so.0
(satstat/_library.py says the order).
"""
import os
import pathlib
import shutil

from setuptools import setup
from setuptools.command.build_py import build_py

SONAME = "libsatstat.so.0"
HERE = pathlib.Path(__file__).resolve().parent


def built_library():
    env = os.environ.get("SATSTAT_LIBRARY")
    if env:
        path = pathlib.Path(env)
        return path / SONAME if path.is_dir() else path
    return HERE.parent / "build" / "src" / SONAME


class build_py_with_library(build_py):
    def run(self):
        super().run()
        lib = built_library()
        if lib.exists():
            target = pathlib.Path(self.build_lib) / "satstat" / SONAME
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(lib.resolve(), target)  # the file, not the symlink
            print("satstat: carrying %s" % lib.resolve())
        else:
            print("satstat: no built %s to carry; the installed one will be loaded" % SONAME)


setup(cmdclass={"build_py": build_py_with_library})
