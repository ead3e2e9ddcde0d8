#!/usr/bin/env python3
"""doc/man3.py — the library's API reference as man pages, section 3.

    man3.py page HEADER OUT VERSION       one page per module: satstat-MODULE(3)
    man3.py names HEADER                  the functions a header declares
    man3.py links HEADER... DIR           satstat_FUNCTION.3 -> the module's page
    man3.py install-links MANDIR HEADER... the same into $MESON_INSTALL_DESTDIR_PREFIX/MANDIR/man3

Each public header (include/satstat/MODULE.h) becomes satstat-MODULE(3):
NAME and DESCRIPTION from the header's opening comment, a SYNOPSIS of
every declaration, then every type, constant and function with the
comment written above it, which is where the headers state each contract
(arguments, ownership, errors).  The sections every page shares, RETURN
VALUE and THREAD SAFETY, say the library's conventions once.  The link
pages let `man satstat_report_run` find the module's page.  The headers
are the one source: nothing here is written twice.
"""
import datetime
import os
import re
import sys

COMMON_RETURN = """\
Functions that can fail return a
.B satstat_status
(satstat/error.h):
.B SATSTAT_OK
(0) on success, a negative code otherwise
(\\fBSATSTAT_EINVAL\\fR a bad argument or input,
\\fBSATSTAT_ENOMEM\\fR, \\fBSATSTAT_ERANGE\\fR, \\fBSATSTAT_EIO\\fR,
\\fBSATSTAT_ECANCELED\\fR when a progress callback asked to stop, ...);
.BR satstat_strerror ()
names a code.
Where a function takes \\fImsg\\fR (a caller-owned buffer of
\\fBSATSTAT_ERRMSG_SIZE\\fR bytes, or \\fImsg\\fR and \\fImsg_size\\fR),
a refusal also writes one sentence there naming the field and the value.
The library never prints and never exits.
Objects a function returns through an \\fIout\\fR pointer belong to the
caller, who frees them with the module's \\fB_free\\fR function;
pointers into an object (a report's config, its tests) live as long as it.
"""

COMMON_THREADS = """\
Every function is safe to call from several threads at once on distinct
objects; an object may be read from several threads, but not freed or
changed while another thread uses it.  The library has no global state of
its own.  Two process-wide settings are made once and on purpose: GSL's
error handler is switched off (the library checks every status instead;
done under \\fBpthread_once\\fR), and OpenBLAS is kept on one thread before
any matrix product, so that the same seed gives the same numbers on any
machine.  Numbers are written with '.' as the decimal point whatever the
locale: writers switch their own thread to the C locale with
.BR uselocale (3).
Long computations (sampling, deep networks, sweeps, the phase diagram) run
on worker threads of their own and call progress callbacks from the
calling thread.
"""


def esc(text):
    """Text for roff: backslashes doubled, a leading dot or quote guarded."""
    text = text.replace("\\", "\\e")
    return "\n".join(("\\&" + l if l.startswith((".", "'")) else l) for l in text.split("\n"))


def comment_text(raw):
    """The text of a /* ... */ comment, its stars and indentation gone."""
    body = raw[2:-2]
    lines = []
    for line in body.split("\n"):
        line = re.sub(r"^\s*\*( |$)", "", line.rstrip())
        lines.append(line.strip() if not lines else line)
    while lines and not lines[0].strip():
        lines.pop(0)
    while lines and not lines[-1].strip():
        lines.pop()
    return "\n".join(lines)


def chunks(source):
    """The header as (comment, code) pairs in order: each declaration (up to
    its ';' at brace depth 0, or a #define line) with the comment right above
    it (None when a blank line or other code comes between)."""
    i, n = 0, len(source)
    pending = None  # the last comment, while it still touches what follows
    out = []
    while i < n:
        if source.startswith("/*", i):
            j = source.index("*/", i) + 2
            pending = source[i:j]
            i = j
            continue
        if source[i] == "\n":
            # a blank line detaches a comment from what follows it
            k = i + 1
            while k < n and source[k] in " \t":
                k += 1
            if k < n and source[k] == "\n" and pending is not None:
                out.append((pending, None))
                pending = None
            i += 1
            continue
        if source[i] in " \t":
            i += 1
            continue
        if source[i] == "#":
            j = source.find("\n", i)
            j = n if j < 0 else j
            while source[j - 1] == "\\":  # continued macro
                j = source.find("\n", j + 1)
                j = n if j < 0 else j
            line = source[i:j]
            if line.startswith("#define") and not re.match(r"#define SATSTAT_\w+_H\s*$", line):
                out.append((pending, line))
            elif pending is not None:
                out.append((pending, None))
            pending = None
            i = j
            continue
        if source.startswith('extern "C"', i) or source.startswith("}", i):
            j = source.find("\n", i)
            i = n if j < 0 else j
            continue
        # a declaration: to its ';' at depth 0, skipping comments inside
        depth, j = 0, i
        while j < n:
            if source.startswith("/*", j):
                j = source.index("*/", j) + 2
                continue
            c = source[j]
            if c == "{" and depth == 0 and "(" in source[i:j] and \
                    not source.startswith(("typedef", "struct", "enum"), i):
                # an inline function's body: the declaration ends with it
                depth, j = 1, j + 1
                while j < n and depth:
                    depth += {"{": 1, "}": -1}.get(source[j], 0)
                    j += 1
                j -= 1
                break
            if c in "{(":
                depth += 1
            elif c in "})":
                depth -= 1
            elif c == ";" and depth == 0:
                break
            j += 1
        out.append((pending, source[i:j + 1]))
        pending = None
        i = j + 1
    if pending is not None:
        out.append((pending, None))
    return out


def function_name(code):
    """The name of an exported function a declaration declares (not of a
    static inline one, which has no symbol and no link page), else None."""
    if code is None or code.startswith(("#", "typedef", "enum", "struct", "static")):
        return None
    flat = re.sub(r"/\*.*?\*/", "", code, flags=re.S)
    m = re.search(r"(\w+)\s*\(", flat)
    if not m or "(*" in flat.split(m.group(1))[0][-3:]:
        return None
    return m.group(1) if m.group(1).startswith("satstat_") else None


def parse(path):
    source = open(path, encoding="utf-8").read()
    first = re.search(r"/\*.*?\*/", source, flags=re.S)
    intro = comment_text(first.group(0)) if first else ""
    rest = source[first.end():] if first else source
    # drop the include guard and the includes
    rest = re.sub(r"#ifndef SATSTAT_\w+_H\s*\n#define SATSTAT_\w+_H\s*\n", "", rest)
    rest = re.sub(r"#include <[^>]+>\s*\n", "", rest)
    rest = re.sub(r'#ifdef __cplusplus\s*\nextern "C" \{\s*\n#endif', "", rest)
    rest = re.sub(r"#ifdef __cplusplus\s*\n\}\s*\n#endif", "", rest)
    rest = re.sub(r"#endif\s*$", "", rest.rstrip())
    # SATSTAT_API (satstat/export.h) is for the linker, not the reader: the
    # synopsis shows the declaration without it, its continuation lines
    # aligned again under the opening parenthesis
    rest = re.sub(r"^SATSTAT_API [^;{]*;", lambda m: re.sub(
        r"\n {12}", "\n", m.group(0)[len("SATSTAT_API "):]), rest, flags=re.M)
    return intro, chunks(rest)


def module_of(path):
    return os.path.splitext(os.path.basename(path))[0]


def page(header, out, version):
    intro, items = parse(header)
    module = module_of(header)
    title = "satstat-" + module
    # "satstat/report.h — the experiment end to end: ..." -> the summary
    m = re.match(r"satstat/[\w.]+\s+[—-]+\s+(.*?)(\n\s*\n|$)", intro, flags=re.S)
    summary = " ".join(m.group(1).split()) if m else "the %s module" % module
    summary = summary.rstrip(".")
    description = intro[m.end():].strip() if m else intro
    date = datetime.datetime.utcfromtimestamp(
        int(os.environ.get("SOURCE_DATE_EPOCH", os.path.getmtime(header)))).strftime("%Y-%m-%d")
    w = []
    w.append('.TH %s 3 %s "satstat %s" "satstat library"' % (title.upper(), date, version))
    w.append(".SH NAME")
    w.append("%s \\- %s" % (title, esc(summary)))
    w.append(".SH SYNOPSIS")
    w.append(".nf")
    w.append(".B #include <satstat/%s.h>" % module)
    w.append(".PP")
    functions = []
    for _, code in items:
        name = function_name(code)
        if name:
            functions.append(name)
            w.append(esc(" ".join(re.sub(r"/\*.*?\*/", "", code, flags=re.S).split())))
    w.append(".fi")
    w.append(".PP")
    w.append("Link with \\fB-lsatstat\\fR (\\fBpkg-config --cflags --libs satstat\\fR).")
    if description:
        w.append(".SH DESCRIPTION")
        for para in re.split(r"\n\s*\n", description):
            if re.search(r"^\s{2,}\S", para, flags=re.M):
                w += [".PP", ".nf", esc(para), ".fi"]
            else:
                w += [".PP", esc(" ".join(para.split()))]
    w.append(".SH FUNCTIONS, TYPES AND CONSTANTS")
    w.append("In the order of the header; each with the comment written above it.")
    for comment, code in items:
        if code is None:
            if comment:  # a comment on its own: a heading or a note
                text = comment_text(comment)
                heading = re.match(r"^-+\s*(.*?)\s*-*$", text)
                if heading and "\n" not in text:
                    w.append(".SS " + esc(heading.group(1) or module))
                else:
                    w += [".PP", esc(" ".join(text.split()))]
            continue
        w += [".PP", ".nf", ".B " + esc(code.split("\n")[0])]
        if "\n" in code:
            w.append(esc("\n".join(code.split("\n")[1:])))
        w.append(".fi")
        if comment:
            w += [".RS", esc(" ".join(comment_text(comment).split())), ".RE"]
    w.append(".SH RETURN VALUE")
    w.append(COMMON_RETURN.rstrip())
    w.append(".SH THREAD SAFETY")
    w.append(COMMON_THREADS.rstrip())
    w.append(".SH SEE ALSO")
    w.append(".BR satstat (1), \\ satstat-error (3), \\ satstat-satstat (3)")
    # a paragraph macro right after a heading is redundant (mandoc warns)
    lines = [l for k, l in enumerate(w)
             if not (l == ".PP" and k and w[k - 1].startswith((".SH", ".SS")))]
    with open(out, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
    return functions


def main(argv):
    if len(argv) == 5 and argv[1] == "page":
        page(argv[2], argv[3], argv[4])
        return 0
    if len(argv) == 3 and argv[1] == "names":
        print("\n".join(n for _, c in parse(argv[2])[1] if (n := function_name(c))))
        return 0
    if len(argv) >= 4 and argv[1] == "links":
        target = argv[-1]
        os.makedirs(target, exist_ok=True)
        for header in argv[2:-1]:
            module = module_of(header)
            for _, code in parse(header)[1]:
                name = function_name(code)
                if name:
                    with open(os.path.join(target, name + ".3"), "w") as f:
                        f.write(".so man3/satstat-%s.3\n" % module)
        return 0
    if len(argv) >= 4 and argv[1] == "install-links":
        prefix = os.environ.get("MESON_INSTALL_DESTDIR_PREFIX", "")
        mandir = argv[2] if os.path.isabs(argv[2]) else os.path.join(prefix, argv[2])
        if os.path.isabs(argv[2]) and os.environ.get("DESTDIR"):
            mandir = os.environ["DESTDIR"] + argv[2]
        return main([argv[0], "links"] + argv[3:] + [os.path.join(mandir, "man3")])
    sys.stderr.write(__doc__)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
