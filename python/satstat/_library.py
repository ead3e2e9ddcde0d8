"""Finding and loading libsatstat.so.0, the C library that does the work.

It loads one, in this order:

1. ``$SATSTAT_LIBRARY``: the path of ``libsatstat.so.0`` (or of the folder
   holding it).  When set, nothing else is tried.
2. The build tree beside the package: ``<repository>/build/src`` when the
   package is used from the source tree (``python/satstat``).
3. The copy the package carries: ``pip install ./python`` copies the
   library the source tree built (``build/src``, by ``tools/setup``) into
   the installed package (python/setup.py), so it works from any folder.
4. The system loader: ``libsatstat.so.0`` where ``ld.so`` finds it (an
   installed library, after ``ldconfig``; or ``LD_LIBRARY_PATH``).

``satstat.library_path()`` says which one was loaded.
"""

import ctypes
import os
import pathlib

SONAME = "libsatstat.so.0"
ENV = "SATSTAT_LIBRARY"

# Room for every message of satstat_request_json (SATSTAT_REQUEST_MSG_SIZE).
MSG_SIZE = 1024


class Error(Exception):
    """A refusal or failure of satstat: its one-line message, and the
    library's status code (-1 bad input, -3 I/O, ...)."""

    def __init__(self, message, status=-1):
        super().__init__(message)
        self.message = message
        self.status = status


def _candidates():
    env = os.environ.get(ENV)
    if env:
        path = pathlib.Path(env)
        yield str(path / SONAME if path.is_dir() else path), ENV
        return
    tree = pathlib.Path(__file__).resolve().parent.parent.parent / "build" / "src" / SONAME
    if tree.exists():
        yield str(tree), "build tree"
    carried = pathlib.Path(__file__).resolve().parent / SONAME
    if carried.exists():
        yield str(carried), "carried by the package"
    yield SONAME, "system loader"


_lib = None
_path = None


def load():
    """The loaded library (loading it the first time)."""
    global _lib, _path
    if _lib is not None:
        return _lib
    tried = []
    for path, where in _candidates():
        try:
            lib = ctypes.CDLL(path)
        except OSError as e:
            tried.append("%s (%s): %s" % (path, where, e))
            continue
        lib.satstat_request_json.argtypes = [
            ctypes.c_char_p, ctypes.POINTER(ctypes.c_void_p), ctypes.c_char_p, ctypes.c_size_t]
        lib.satstat_request_json.restype = ctypes.c_int
        lib.satstat_request_free.argtypes = [ctypes.c_void_p]
        lib.satstat_request_free.restype = None
        _lib, _path = lib, path
        return lib
    raise Error("cannot load %s: tried %s; build satstat (tools/setup) or set %s to the "
                "library's path" % (SONAME, "; ".join(tried), ENV))


def library_path():
    """The path (or soname, for the system loader) of the loaded library."""
    load()
    return _path


def request_json(text):
    """satstat_request_json: a request (JSON text, see satstat/request.h)
    in, the report's JSON text out; satstat.Error with satstat's message
    on a refusal or failure."""
    lib = load()
    out = ctypes.c_void_p()
    msg = ctypes.create_string_buffer(MSG_SIZE)
    status = lib.satstat_request_json(text.encode("utf-8"), ctypes.byref(out), msg, MSG_SIZE)
    if status != 0:
        raise Error(msg.value.decode("utf-8", "replace"), status)
    try:
        return ctypes.string_at(out.value).decode("utf-8")
    finally:
        lib.satstat_request_free(out)
