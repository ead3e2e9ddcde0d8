"""The notebook-style example runs as a plain script and says what it
should (Jupyter is not installed: the script is the tested form)."""
import os
import pathlib
import subprocess
import sys

HERE = pathlib.Path(__file__).resolve().parent


def test_example_runs():
    env = dict(os.environ)
    package = str(HERE.parent)
    env["PYTHONPATH"] = package + os.pathsep + env.get("PYTHONPATH", "")
    p = subprocess.run([sys.executable, str(HERE.parent / "examples" / "notebook.py")],
                       capture_output=True, text=True, env=env, timeout=600)
    assert p.returncode == 0, p.stderr
    assert "every test passed: True" in p.stdout
    assert "Var z = 1 accepted: False" in p.stdout
    assert "satstat.Error: --scheme: unknown scheme 'xavier_nromal'" in p.stdout
