"""Where the package finds libsatstat.so.0: $SATSTAT_LIBRARY when set (and
then nothing else), else the build tree beside the package, else the system
loader.  Each case in a fresh interpreter, since the library loads once."""
import os
import pathlib
import subprocess
import sys

import pytest

PACKAGE = pathlib.Path(__file__).resolve().parent.parent
TREE_LIBRARY = PACKAGE.parent / "build" / "src" / "libsatstat.so.0"


def python(code, **env_changes):
    env = {k: v for k, v in os.environ.items() if k not in env_changes}
    env.update({k: v for k, v in env_changes.items() if v is not None})
    env["PYTHONPATH"] = str(PACKAGE)
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          env=env, timeout=60)


def test_environment_variable_names_the_library():
    lib = os.environ.get("SATSTAT_LIBRARY") or str(TREE_LIBRARY)
    if not os.path.exists(lib):
        pytest.skip("no library to point at")
    p = python("import satstat; print(satstat.library_path())", SATSTAT_LIBRARY=lib)
    assert p.returncode == 0 and p.stdout.strip() == lib
    # a folder holding it will do
    p = python("import satstat; print(satstat.library_path())",
               SATSTAT_LIBRARY=str(pathlib.Path(lib).parent))
    assert p.returncode == 0 and p.stdout.strip().endswith("/libsatstat.so.0")


def test_a_wrong_environment_variable_is_an_error_not_a_fallback(tmp_path):
    p = python("import satstat\n"
               "try:\n    satstat.run(analytic_only=True)\n"
               "except satstat.Error as e:\n    print(e)\n",
               SATSTAT_LIBRARY=str(tmp_path / "nothing.so"))
    assert p.returncode == 0
    assert "cannot load libsatstat.so.0" in p.stdout and "SATSTAT_LIBRARY" in p.stdout


@pytest.mark.skipif(not TREE_LIBRARY.exists(), reason="no build/ beside the package")
def test_build_tree_beside_the_package():
    p = python("import satstat; print(satstat.library_path())", SATSTAT_LIBRARY=None)
    assert p.returncode == 0 and p.stdout.strip() == str(TREE_LIBRARY)
