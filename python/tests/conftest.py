"""Where the tests find the satstat program to compare with: $SATSTAT_EXE
(the meson suite sets it), else the build tree beside the package."""
import os
import pathlib

import pytest


@pytest.fixture(scope="session")
def satstat_exe():
    exe = os.environ.get("SATSTAT_EXE")
    if not exe:
        exe = str(pathlib.Path(__file__).resolve().parents[2] / "build" / "src" / "satstat")
    if not os.access(exe, os.X_OK):
        pytest.skip("no satstat program to compare with (set SATSTAT_EXE)")
    return exe
