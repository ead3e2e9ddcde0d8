/* inputs.c — input models (satstat/scheme.h, scheme-int.h): fixed inputs
 * (half, ones, file:PATH) and inputs drawn fresh per neuron (bernoulli,
 * normal, uniform): parsing, reading the file, and the sums the formulas
 * need. */
#include "base/error-int.h"
#include "model/config-int.h"
#include "model/scheme-int.h"

#include <stdarg.h>

/* ---- inputs ----------------------------------------------------------------*/

static const spec_entry inputs_table[] = {
    {"half", PARAM_NONE, SATSTAT_INPUTS_HALF},
    {"ones", PARAM_NONE, SATSTAT_INPUTS_ONES},
    {"bernoulli", PARAM_PROB, SATSTAT_INPUTS_BERNOULLI},
    {"normal", PARAM_SCALE, SATSTAT_INPUTS_NORMAL},
};

static const char *const inputs_names[] = {
    "half", "ones", "bernoulli:P", "normal:S", "uniform:A,B", "file:PATH",
    NULL,
};

const char *const *satstat_inputs_names(void)
{
    return inputs_names;
}

/* A `file:` input being read: the file descriptor, a buffer, and what
 * bounds the read (satstat_inputs_resolve in satstat/scheme.h). */
typedef struct inputs_reader {
    int fd;
    int is_fifo;      /* read without blocking in open(): see reader_open */
    uint64_t total;   /* bytes read so far */
    uint64_t max_bytes;
    size_t pos, len;
    int err;          /* errno of a failed read, 0 else */
    unsigned char buf[16384];
} inputs_reader;

/* Open `path` for reading.  O_NONBLOCK keeps open() from waiting for a
 * writer when the path is a FIFO (POSIX open(2): "O_NONBLOCK ... an open()
 * for reading-only shall return without delay"); a FIFO stays
 * non-blocking and reader_fill waits with poll() for data, any other file
 * goes back to blocking reads. */
static int reader_open(inputs_reader *r, const char *path, satstat__field_names names,
                       char *msg, size_t msg_size)
{
    char q[SATSTAT_QUOTE_SIZE];
    struct stat st;

    r->fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    if (r->fd < 0 || fstat(r->fd, &st) != 0) {
        int e = errno;
        if (r->fd >= 0)
            close(r->fd);
        satstat__set_msg(msg, msg_size, "%s: cannot open %s: %s",
                         satstat__field(names, SATSTAT_FIELD_INPUTS),
                         satstat_quote(path, q, sizeof q), strerror(e));
        return SATSTAT_EINVAL;
    }
    if (S_ISDIR(st.st_mode)) {
        close(r->fd);
        satstat__set_msg(msg, msg_size, "%s: %s is a directory",
                         satstat__field(names, SATSTAT_FIELD_INPUTS),
                         satstat_quote(path, q, sizeof q));
        return SATSTAT_EINVAL;
    }
    r->is_fifo = S_ISFIFO(st.st_mode);
    if (!r->is_fifo) {
        int flags = fcntl(r->fd, F_GETFL);
        if (flags >= 0)
            (void)fcntl(r->fd, F_SETFL, flags & ~O_NONBLOCK);
    }
    r->total = 0;
    r->pos = r->len = 0;
    r->err = 0;
    return SATSTAT_OK;
}

/* The next byte, or -1 at the end of the file (r->err set on an error). */
static int reader_get(inputs_reader *r)
{
    if (r->pos < r->len)
        return r->buf[r->pos++];
    for (;;) {
        ssize_t n = read(r->fd, r->buf, sizeof r->buf);
        if (n > 0) {
            r->len = (size_t)n;
            r->pos = 1;
            r->total += (uint64_t)n;
            return r->buf[0];
        }
        if (n == 0)
            return -1;
        if (errno == EINTR)
            continue;
        if (r->is_fifo && (errno == EAGAIN || errno == EWOULDBLOCK)) {
            /* a writer is there but has not written yet: wait for it */
            struct pollfd p = {r->fd, POLLIN, 0};
            (void)poll(&p, 1, -1);
            continue;
        }
        r->err = errno;
        return -1;
    }
}

static int is_blank(int c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
}

/* A file being scanned for its numbers. */
typedef struct inputs_scan {
    inputs_reader *r;
    uint64_t n_in;
    const char *quoted_path; /* the message prefix "inputs: PATH: " */
    satstat__field_names names;
    char *msg;
    size_t msg_size;
    uint64_t line;           /* of the next byte, from 1 */
    double *x;               /* the numbers read, n of cap */
    uint64_t n, cap, last;   /* last: 1 + the index of the last nonzero */
    double s, s2;
} inputs_scan;

/* Fail with "inputs: PATH: " (the field as names spell it) and the rest:
 * SATSTAT_EINVAL. */
static int scan_fail(const inputs_scan *sc, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));
static int scan_fail(const inputs_scan *sc, const char *fmt, ...)
{
    if (sc->msg != NULL && sc->msg_size > 0) {
        int k = snprintf(sc->msg, sc->msg_size, "%s: %s: ",
                         satstat__field(sc->names, SATSTAT_FIELD_INPUTS), sc->quoted_path);
        if (k > 0 && (size_t)k < sc->msg_size) {
            va_list ap;
            va_start(ap, fmt);
            vsnprintf(sc->msg + k, sc->msg_size - (size_t)k, fmt, ap);
            va_end(ap);
        }
    }
    return SATSTAT_EINVAL;
}

/* Past blanks, line breaks and # comments, to the first byte of a word
 * (or the end, c < 0); *c is the current byte. */
static void scan_skip(inputs_scan *sc, int *c)
{
    inputs_reader *r = sc->r;
    while (*c >= 0 && r->total <= r->max_bytes) {
        if (*c == '\n') {
            sc->line++;
            *c = reader_get(r);
        } else if (is_blank(*c)) {
            *c = reader_get(r);
        } else if (*c == '#') {
            while (*c >= 0 && *c != '\n' && r->total <= r->max_bytes)
                *c = reader_get(r);
        } else {
            return;
        }
    }
}

/* The word starting at *c into buf (size bytes), read as a finite
 * number into *v. */
static int scan_number(inputs_scan *sc, int *c, char *buf, size_t size, double *v)
{
    char tok[SATSTAT_QUOTE_SIZE];
    size_t len = 0;
    while (*c > 0 && *c != '\n' && *c != '#' && !is_blank(*c) && len + 1 < size) {
        buf[len++] = (char)*c;
        *c = reader_get(sc->r);
    }
    buf[len] = '\0';
    if (*c == 0)
        /* argv-style strings end at a NUL: "7\0" "9999" would be read as 7 */
        return scan_fail(sc, "line %" PRIu64 ": a NUL byte%s%s", sc->line,
                         len > 0 ? " after " : "",
                         len > 0 ? satstat_quote(buf, tok, sizeof tok) : "");
    if (len + 1 >= size)
        return scan_fail(sc, "line %" PRIu64 ": a word longer than %zu bytes, starting %s",
                         sc->line, size - 2, satstat_quote(buf, tok, sizeof tok));
    if (satstat_parse_double(buf, v, NULL, 0) != SATSTAT_OK)
        return scan_fail(sc, "line %" PRIu64 ": expected a finite number, got %s", sc->line,
                         satstat_quote(buf, tok, sizeof tok));
    return SATSTAT_OK;
}

/* v after the numbers, with the sums. */
static int scan_append(inputs_scan *sc, double v)
{
    if (sc->n == sc->cap) {
        /* grow as the numbers come: a short file of a large --n-in costs
         * only what it holds */
        uint64_t more = sc->cap == 0 ? 1024 : 2 * sc->cap;
        if (more > sc->n_in)
            more = sc->n_in;
        double *bigger = realloc(sc->x, (size_t)more * sizeof *bigger);
        if (bigger == NULL) {
            satstat__set_msg(sc->msg, sc->msg_size, "%s: %s: out of memory for %" PRIu64 " numbers",
                             satstat__field(sc->names, SATSTAT_FIELD_INPUTS), sc->quoted_path,
                             more);
            return SATSTAT_ENOMEM;
        }
        sc->x = bigger;
        sc->cap = more;
    }
    sc->x[sc->n] = v;
    sc->s += v;
    sc->s2 += v * v;
    sc->n++;
    if (v != 0.0)
        sc->last = sc->n;
    if (!isfinite(sc->s2))
        return scan_fail(sc, "line %" PRIu64 ": the sum of squares overflows", sc->line);
    return SATSTAT_OK;
}

/* The numbers up to the end of the file, an error or a stop. */
static int scan_file(inputs_scan *sc)
{
    inputs_reader *r = sc->r;
    char buf[512];
    int c = reader_get(r), rc = SATSTAT_OK;
    for (;;) {
        scan_skip(sc, &c);
        if (r->total > r->max_bytes)
            return scan_fail(sc, "more than %" PRIu64 " bytes for %" PRIu64
                                 " numbers (%s); does the file end?",
                             r->max_bytes, sc->n_in, satstat__field(sc->names, SATSTAT_FIELD_N_IN));
        if (c < 0)
            break;
        if (sc->n == sc->n_in && c != 0)
            return scan_fail(sc, "line %" PRIu64 ": more than the %" PRIu64 " numbers of %s",
                             sc->line, sc->n_in, satstat__field(sc->names, SATSTAT_FIELD_N_IN));
        double v;
        if ((rc = scan_number(sc, &c, buf, sizeof buf, &v)) != SATSTAT_OK
            || (rc = scan_append(sc, v)) != SATSTAT_OK)
            return rc;
    }
    if (r->err != 0)
        return scan_fail(sc, "cannot read: %s", strerror(r->err));
    if (sc->n == 0 && r->total == 0 && r->is_fifo)
        return scan_fail(sc, "nothing to read: a FIFO needs a process writing to it "
                             "when satstat starts");
    if (sc->n != sc->n_in)
        return scan_fail(sc, "expected %" PRIu64 " numbers (%s), got %" PRIu64, sc->n_in,
                         satstat__field(sc->names, SATSTAT_FIELD_N_IN), sc->n);
    return SATSTAT_OK;
}

/* Read the numbers of a `file:` input into x[0..n_in) (see
 * satstat_inputs_resolve in satstat/scheme.h for the format and bounds).
 * Messages name the field `inputs` (as names spell it), the path and the
 * line. */
static int read_inputs_file(const char *path, uint64_t n_in, double **values,
                            uint64_t *count, double *sum, double *sum_sq,
                            uint64_t *support, satstat__field_names names, char *msg,
                            size_t msg_size)
{
    char q[SATSTAT_QUOTE_SIZE];
    inputs_reader *r = malloc(sizeof *r);
    if (r == NULL)
        return SATSTAT_ENOMEM;
    int rc = reader_open(r, path, names, msg, msg_size);
    if (rc != SATSTAT_OK) {
        free(r);
        return rc;
    }
    r->max_bytes = n_in < (UINT64_MAX - SATSTAT_INPUTS_FILE_SLACK)
                              / SATSTAT_INPUTS_FILE_BYTES_PER_NUMBER
                       ? SATSTAT_INPUTS_FILE_SLACK
                             + n_in * SATSTAT_INPUTS_FILE_BYTES_PER_NUMBER
                       : UINT64_MAX;
    inputs_scan sc = {r, n_in, satstat_quote(path, q, sizeof q), names, msg, msg_size, 1, NULL,
                      0, 0, 0, 0.0, 0.0};
    rc = scan_file(&sc);
    close(r->fd);
    free(r);
    if (rc != SATSTAT_OK) {
        free(sc.x);
        return rc;
    }
    *values = sc.x;
    *count = sc.n;
    *sum = sc.s;
    *sum_sq = sc.s2;
    *support = sc.last;
    return SATSTAT_OK;
}

/* half's inputs on: the count given, else n_in/2 rounded down. */
static uint64_t half_active(const satstat_inputs *inputs, uint64_t n_in)
{
    return inputs->active == SATSTAT_ACTIVE_UNSET ? n_in / 2 : inputs->active;
}

int satstat_inputs_parse(const char *text, satstat_inputs *out, char *msg, size_t msg_size)
{
    char q[SATSTAT_QUOTE_SIZE], valid[SATSTAT_ERRMSG_SIZE];
    char n1[SATSTAT_DOUBLE_SIZE], n2[SATSTAT_DOUBLE_SIZE];
    satstat_inputs in;
    int id = 0, rc;

    if (out == NULL) {
        if (msg != NULL)
            snprintf(msg, msg_size, "no place to store the inputs");
        return SATSTAT_EINVAL;
    }
    /* every model's name, in the order of inputs_names */
    static const char *const model_names[] = {"half", "ones", "bernoulli",
                                              "normal", "uniform", "file"};
    const char *colon = text != NULL ? strchr(text, ':') : NULL;
    size_t name_len = text == NULL ? 0
                      : colon != NULL ? (size_t)(colon - text)
                                      : strlen(text);
    memset(&in, 0, sizeof in);
    in.active = SATSTAT_ACTIVE_UNSET;
    satstat__spec_join_names(inputs_names, valid, sizeof valid);
    if (text != NULL
        && satstat_match_name(text, name_len, model_names + 4, 1, NULL) == 1) {
        /* uniform:A,B, A < B */
        const char *arg = colon != NULL ? colon + 1 : NULL;
        const char *comma = arg != NULL ? strchr(arg, ',') : NULL;
        char a_txt[SATSTAT_SPEC_SIZE];
        double a = 0.0, b = 0.0;
        int ok = comma != NULL && (size_t)(comma - arg) < sizeof a_txt;
        if (ok) {
            snprintf(a_txt, sizeof a_txt, "%.*s", (int)(comma - arg), arg);
            ok = satstat_parse_double(a_txt, &a, NULL, 0) == SATSTAT_OK
                 && satstat_parse_double(comma + 1 + strspn(comma + 1, " \t"),
                                         &b, NULL, 0) == SATSTAT_OK
                 && a < b && isfinite(a * a + b * b + a * b);
        }
        if (!ok) {
            if (msg != NULL)
                snprintf(msg, msg_size,
                         "expected 'uniform:A,B' with finite A < B, got %s",
                         satstat_quote(text, q, sizeof q));
            return SATSTAT_EINVAL;
        }
        in.kind = SATSTAT_INPUTS_UNIFORM;
        in.p = a == 0.0 ? 0.0 : a;
        in.q = b == 0.0 ? 0.0 : b;
        satstat_format_double(in.p, n1, sizeof n1);
        satstat_format_double(in.q, n2, sizeof n2);
        snprintf(in.canonical, sizeof in.canonical, "uniform:%s,%s", n1, n2);
        *out = in;
        return SATSTAT_OK;
    }
    if (text != NULL
        && satstat_match_name(text, name_len, model_names + 5, 1, NULL) == 1) {
        const char *path = colon != NULL ? colon + 1 : "";
        size_t len = strlen(path);
        if (len == 0 || len >= sizeof in.path) {
            if (msg != NULL)
                snprintf(msg, msg_size,
                         "expected 'file:PATH' with a path of 1 to %d bytes, "
                         "got %s",
                         SATSTAT_PATH_SIZE - 1,
                         satstat_quote(text, q, sizeof q));
            return SATSTAT_EINVAL;
        }
        /* the path goes into reports (one line of text) and into the
         * figure scripts' comments: a line break would end them */
        for (size_t i = 0; i < len; i++) {
            unsigned char ch = (unsigned char)path[i];
            if (ch < 0x20 || ch == 0x7f) {
                if (msg != NULL)
                    snprintf(msg, msg_size,
                             "a path with a control character (byte %zu is "
                             "\\x%02X) cannot be recorded in the report: %s",
                             i + 1, ch, satstat_quote(text, q, sizeof q));
                return SATSTAT_EINVAL;
            }
        }
        in.kind = SATSTAT_INPUTS_FILE;
        snprintf(in.path, sizeof in.path, "%s", path);
        /* read by satstat_inputs_resolve, which knows n_in; the canonical
         * spec keeps the start of a long path */
        snprintf(in.canonical, sizeof in.canonical, "file:%s", path);
        *out = in;
        return SATSTAT_OK;
    }
    rc = satstat__spec_parse(inputs_table,
                             sizeof inputs_table / sizeof inputs_table[0],
                             "input model", inputs_names, text, &id, &in.p,
                             in.canonical, msg, msg_size);
    if (rc != SATSTAT_OK) {
        /* spec_parse lists only its own table: name all the models */
        if (msg != NULL && strstr(msg, "(valid: ") != NULL
            && strncmp(msg, "unknown", 7) == 0)
        {
            char hint[SATSTAT_SUGGEST_SIZE];
            snprintf(msg, msg_size,
                     "unknown input model %s (%svalid: ",
                     satstat_quote(text, q, sizeof q),
                     satstat_suggest(text, name_len, model_names,
                                     sizeof model_names / sizeof model_names[0],
                                     hint, sizeof hint));
            satstat__spec_append(msg, msg_size, valid);
            satstat__spec_append(msg, msg_size, ")");
        }
        return rc;
    }
    in.kind = (satstat_inputs_kind)id;
    in.active = SATSTAT_ACTIVE_UNSET;
    *out = in;
    return SATSTAT_OK;
}

int satstat__inputs_resolve(satstat_inputs *inputs, uint64_t n_in, satstat__field_names names,
                            satstat_config_field *field, char *msg, size_t msg_size)
{
    char q[SATSTAT_QUOTE_SIZE];
    const char *f_inputs = satstat__field(names, SATSTAT_FIELD_INPUTS);
    const char *f_active = satstat__field(names, SATSTAT_FIELD_ACTIVE);
    const char *f_n_in = satstat__field(names, SATSTAT_FIELD_N_IN);

    if (field != NULL)
        *field = SATSTAT_FIELD_NONE;
    if (inputs == NULL) {
        satstat__set_msg(msg, msg_size, "no inputs to resolve");
        return SATSTAT_EINVAL;
    }
    if (inputs->kind != SATSTAT_INPUTS_HALF) {
        if (inputs->active != SATSTAT_ACTIVE_UNSET) {
            if (field != NULL)
                *field = SATSTAT_FIELD_ACTIVE;
            satstat__set_msg(msg, msg_size, "%s applies only to %s half, not %s", f_active,
                             f_inputs, satstat_quote(inputs->canonical, q, sizeof q));
            return SATSTAT_EINVAL;
        }
        if (field != NULL)
            *field = SATSTAT_FIELD_INPUTS; /* whatever fails from here */
        if (inputs->kind == SATSTAT_INPUTS_FILE
            && inputs->file_values == NULL) {
            int rc = read_inputs_file(inputs->path, n_in, &inputs->file_values,
                                      &inputs->file_count, &inputs->file_sum,
                                      &inputs->file_sum_sq, &inputs->file_support, names, msg,
                                      msg_size);
            if (rc == SATSTAT_OK && field != NULL)
                *field = SATSTAT_FIELD_NONE;
            return rc;
        }
        if (inputs->kind == SATSTAT_INPUTS_FILE
            && inputs->file_count != n_in) {
            satstat__set_msg(msg, msg_size, "%s %s: expected %" PRIu64 " numbers (%s), got %" PRIu64,
                             f_inputs, satstat_quote(inputs->canonical, q, sizeof q), n_in,
                             f_n_in, inputs->file_count);
            return SATSTAT_EINVAL;
        }
        if (field != NULL)
            *field = SATSTAT_FIELD_NONE;
        return SATSTAT_OK;
    }
    if (inputs->active != SATSTAT_ACTIVE_UNSET && inputs->active > n_in) {
        if (field != NULL)
            *field = SATSTAT_FIELD_ACTIVE;
        satstat__set_msg(msg, msg_size, "%s %" PRIu64 " exceeds %s %" PRIu64, f_active,
                         inputs->active, f_n_in, n_in);
        return SATSTAT_EINVAL;
    }
    return SATSTAT_OK;
}

int satstat_inputs_resolve(satstat_inputs *inputs, uint64_t n_in, char *msg, size_t msg_size)
{
    return satstat__inputs_resolve(inputs, n_in, NULL, NULL, msg, msg_size);
}

void satstat_inputs_free(satstat_inputs *inputs)
{
    if (inputs == NULL)
        return;
    free(inputs->file_values);
    inputs->file_values = NULL;
    inputs->file_count = inputs->file_support = 0;
    inputs->file_sum = inputs->file_sum_sq = 0.0;
}

int satstat_inputs_is_random(const satstat_inputs *inputs)
{
    return inputs != NULL
           && (inputs->kind == SATSTAT_INPUTS_BERNOULLI
               || inputs->kind == SATSTAT_INPUTS_NORMAL
               || inputs->kind == SATSTAT_INPUTS_UNIFORM);
}

int satstat_inputs_values(const satstat_inputs *inputs, uint64_t n_in,
                          double *x, char *msg, size_t msg_size)
{
    if (inputs == NULL || (x == NULL && n_in > 0)) {
        if (msg != NULL)
            snprintf(msg, msg_size, "no inputs");
        return SATSTAT_EINVAL;
    }
    switch (inputs->kind) {
    case SATSTAT_INPUTS_HALF:
        for (uint64_t j = 0; j < n_in; j++)
            x[j] = j < half_active(inputs, n_in) ? 1.0 : 0.0;
        return SATSTAT_OK;
    case SATSTAT_INPUTS_ONES:
        for (uint64_t j = 0; j < n_in; j++)
            x[j] = 1.0;
        return SATSTAT_OK;
    case SATSTAT_INPUTS_FILE:
        if (inputs->file_values == NULL || inputs->file_count != n_in) {
            char q[SATSTAT_QUOTE_SIZE];
            if (msg != NULL)
                snprintf(msg, msg_size,
                         "%s: %s",
                         satstat_quote(inputs->path, q, sizeof q),
                         inputs->file_values == NULL
                             ? "not read yet (satstat_inputs_resolve)"
                             : "read for another n_in");
            return SATSTAT_EINVAL;
        }
        memcpy(x, inputs->file_values, (size_t)n_in * sizeof *x);
        return SATSTAT_OK;
    case SATSTAT_INPUTS_BERNOULLI:
    case SATSTAT_INPUTS_NORMAL:
    case SATSTAT_INPUTS_UNIFORM:
        break;
    }
    if (msg != NULL)
        snprintf(msg, msg_size,
                 "inputs '%s' are random: they have no fixed values",
                 inputs->canonical);
    return SATSTAT_EINVAL;
}

double satstat_inputs_sum_sq(const satstat_inputs *inputs, uint64_t n_in)
{
    if (inputs == NULL)
        return (double)NAN;
    switch (inputs->kind) {
    case SATSTAT_INPUTS_HALF:
    case SATSTAT_INPUTS_ONES:
    case SATSTAT_INPUTS_BERNOULLI:
        /* values in {0, 1}: x² = x */
        return satstat_inputs_sum(inputs, n_in);
    case SATSTAT_INPUTS_NORMAL:
        return (double)n_in * inputs->p * inputs->p;
    case SATSTAT_INPUTS_UNIFORM: {
        /* E x² = (A² + AB + B²)/3 */
        double a = inputs->p, b = inputs->q;
        return (double)n_in * (a * a + a * b + b * b) / 3.0;
    }
    case SATSTAT_INPUTS_FILE:
        return inputs->file_sum_sq;
    }
    return (double)NAN;
}

double satstat_inputs_sum(const satstat_inputs *inputs, uint64_t n_in)
{
    if (inputs == NULL)
        return (double)NAN;
    switch (inputs->kind) {
    case SATSTAT_INPUTS_HALF:
        return (double)half_active(inputs, n_in);
    case SATSTAT_INPUTS_ONES:
        return (double)n_in;
    case SATSTAT_INPUTS_BERNOULLI:
        return (double)n_in * inputs->p;
    case SATSTAT_INPUTS_NORMAL:
        return 0.0;
    case SATSTAT_INPUTS_UNIFORM:
        return (double)n_in * 0.5 * (inputs->p + inputs->q);
    case SATSTAT_INPUTS_FILE:
        return inputs->file_sum;
    }
    return (double)NAN;
}

double satstat_inputs_variance_sum(const satstat_inputs *inputs,
                                   uint64_t n_in)
{
    if (inputs == NULL)
        return (double)NAN;
    switch (inputs->kind) {
    case SATSTAT_INPUTS_HALF:
    case SATSTAT_INPUTS_ONES:
    case SATSTAT_INPUTS_FILE:
        return 0.0;
    case SATSTAT_INPUTS_BERNOULLI:
        return (double)n_in * inputs->p * (1.0 - inputs->p);
    case SATSTAT_INPUTS_NORMAL:
        return (double)n_in * inputs->p * inputs->p;
    case SATSTAT_INPUTS_UNIFORM: {
        double w = inputs->q - inputs->p;
        return (double)n_in * w * w / 12.0;
    }
    }
    return (double)NAN;
}

uint64_t satstat_inputs_support(const satstat_inputs *inputs, uint64_t n_in)
{
    if (inputs == NULL)
        return 0;
    switch (inputs->kind) {
    case SATSTAT_INPUTS_HALF:
        return half_active(inputs, n_in);
    case SATSTAT_INPUTS_ONES:
    case SATSTAT_INPUTS_NORMAL:
    case SATSTAT_INPUTS_UNIFORM:
        return n_in;
    case SATSTAT_INPUTS_BERNOULLI:
        return inputs->p > 0.0 ? n_in : 0;
    case SATSTAT_INPUTS_FILE:
        return inputs->file_support < n_in ? inputs->file_support : n_in;
    }
    return 0;
}
