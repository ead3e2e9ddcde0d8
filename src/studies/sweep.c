/* sweep.c — one parameter over a grid, each point a full run
 * (satstat/sweep.h): the spec and its grid, the plan (a config per point)
 * and the run.
 *
 * A sweep is a list of configs that differ in one field; each is run by
 * satstat_report_run() exactly as `satstat run` would run it, so a point's
 * numbers are a single run's bits.  The writers (sweep_write.c) and the
 * figures (sweep_plot.c) only read the reports.
 */
#include <satstat/sweep.h>

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <satstat/error.h>
#include <satstat/parse.h>

#include "studies/sweep-int.h"
#include "base/error-int.h"
#include "model/config-int.h"

/* ======================================================================
 * The spec and its grid
 * ====================================================================== */

static const char *const param_names[] = {"n-in", "sigma", "p", "threshold", "gain"};
#define N_PARAMS (sizeof param_names / sizeof param_names[0])
#define SPEC_SYNTAX "PARAM=FROM:TO[:STEPS][:log]"

const char *satstat_sweep_param_name(satstat_sweep_param param)
{
    return (unsigned)param < N_PARAMS ? param_names[param] : NULL;
}

/* The grid without the spec's own checks (used by parse for n-in). */
static size_t grid_of(const satstat_sweep_spec *s, double *v, size_t cap)
{
    size_t n = 0;
    double lf = s->log ? log10(s->from) : 0, lt = s->log ? log10(s->to) : 0;
    for (unsigned i = 0; i < s->steps && n < cap; i++) {
        double x;
        if (i == 0)
            x = s->from;
        else if (i + 1 == s->steps)
            x = s->to;
        else if (s->log)
            /* in log10, so decades come out exact: 10:10000:4 gives 100 */
            x = pow(10.0, lf + (lt - lf) * (double)i / (double)(s->steps - 1));
        else
            x = s->from + (s->to - s->from) * (double)i / (double)(s->steps - 1);
        if (s->param == SATSTAT_SWEEP_N_IN)
            x = round(x);
        if (n > 0 && x <= v[n - 1])
            continue; /* a repeat after rounding */
        v[n++] = x;
    }
    return n;
}

int satstat_sweep_spec_parse(const char *text, satstat_sweep_spec *out, char *msg, size_t msg_size)
{
    char q[SATSTAT_QUOTE_SIZE], fq[SATSTAT_QUOTE_SIZE], valid[96] = "";
    if (!out) {
        satstat__set_msg(msg, msg_size, "no spec given");
        return SATSTAT_EINVAL;
    }
    for (size_t i = 0; i < N_PARAMS; i++) {
        strcat(valid, i ? ", " : "");
        strcat(valid, param_names[i]);
    }
    satstat_quote(text, q, sizeof q);
    const char *eq = text ? strchr(text, '=') : NULL;
    if (!eq) {
        satstat__set_msg(msg, msg_size, "expected " SPEC_SYNTAX " (PARAM: %s), got %s",
                valid, q);
        return SATSTAT_EINVAL;
    }
    satstat_sweep_spec s;
    memset(&s, 0, sizeof s);
    size_t name_len = (size_t)(eq - text), k;
    /* any ASCII case: Sigma=... */
    if (satstat_match_name(text, name_len, param_names, N_PARAMS, &k) != 1) {
        char name[64], hint[SATSTAT_SUGGEST_SIZE];
        snprintf(name, sizeof name, "%.*s", (int)(name_len < 63 ? name_len : 63), text);
        satstat__set_msg(msg, msg_size, "unknown parameter %s in %s (%svalid: %s)",
                satstat_quote(name, fq, sizeof fq), q,
                satstat_suggest(text, name_len, param_names, N_PARAMS, hint, sizeof hint),
                valid);
        return SATSTAT_EINVAL;
    }
    s.param = (satstat_sweep_param)k;

    /* FROM:TO[:STEPS][:log] */
    char buf[256];
    if (strlen(eq + 1) >= sizeof buf) {
        satstat__set_msg(msg, msg_size, "spec %s is too long", q);
        return SATSTAT_EINVAL;
    }
    strcpy(buf, eq + 1);
    char *field[5];
    size_t nf = 0;
    for (char *p = buf;;) {
        if (nf == 5)
            break;
        field[nf++] = p;
        char *c = strchr(p, ':');
        if (!c)
            break;
        *c = '\0';
        p = c + 1;
    }
    if (nf >= 3 && strcmp(field[nf - 1], "log") == 0) {
        s.log = 1;
        nf--;
    }
    if (nf < 2 || nf > 3 || (nf == 3 && strchr(field[2], ':'))) {
        satstat__set_msg(msg, msg_size, "expected %s=FROM:TO[:STEPS][:log], got %s",
                param_names[k], q);
        return SATSTAT_EINVAL;
    }
    if (satstat_parse_double(field[0], &s.from, NULL, 0) != SATSTAT_OK) {
        satstat__set_msg(msg, msg_size, "FROM must be a finite number, got %s in %s",
                satstat_quote(field[0], fq, sizeof fq), q);
        return SATSTAT_EINVAL;
    }
    if (satstat_parse_double(field[1], &s.to, NULL, 0) != SATSTAT_OK) {
        satstat__set_msg(msg, msg_size, "TO must be a finite number, got %s in %s",
                satstat_quote(field[1], fq, sizeof fq), q);
        return SATSTAT_EINVAL;
    }
    s.steps = SATSTAT_SWEEP_DEFAULT_STEPS;
    if (nf == 3) {
        uint64_t st;
        if (satstat_parse_u64(field[2], 2, SATSTAT_SWEEP_MAX_STEPS, &st, NULL, 0) != SATSTAT_OK) {
            satstat__set_msg(msg, msg_size,
                    "STEPS must be a whole number from 2 to %u (or 'log'), got %s in %s",
                    SATSTAT_SWEEP_MAX_STEPS, satstat_quote(field[2], fq, sizeof fq), q);
            return SATSTAT_EINVAL;
        }
        s.steps = (unsigned)st;
    }
    if (!(s.from < s.to)) {
        satstat__set_msg(msg, msg_size, "FROM must be less than TO, got %s", q);
        return SATSTAT_EINVAL;
    }
    if (s.log && !(s.from > 0)) {
        satstat__set_msg(msg, msg_size, "a log sweep needs FROM > 0, got %s", q);
        return SATSTAT_EINVAL;
    }
    switch (s.param) {
    case SATSTAT_SWEEP_N_IN:
        if (s.from < 1 || s.to > (double)SATSTAT_MAX_N_IN) {
            satstat__set_msg(msg, msg_size, "n-in must lie in [1, %llu], got %s",
                    (unsigned long long)SATSTAT_MAX_N_IN, q);
            return SATSTAT_EINVAL;
        }
        {
            double v[2];
            if (grid_of(&s, v, 2) < 2) {
                satstat__set_msg(msg, msg_size,
                        "n-in is a whole number and %s holds only one", q);
                return SATSTAT_EINVAL;
            }
        }
        break;
    case SATSTAT_SWEEP_P:
        if (s.from < 0 || s.to > 1) {
            satstat__set_msg(msg, msg_size, "p is a probability: FROM and TO in [0, 1], got %s",
                    q);
            return SATSTAT_EINVAL;
        }
        break;
    case SATSTAT_SWEEP_SIGMA:
    case SATSTAT_SWEEP_THRESHOLD:
    case SATSTAT_SWEEP_GAIN:
        if (!(s.from > 0)) {
            satstat__set_msg(msg, msg_size, "%s must be positive: FROM > 0, got %s",
                    param_names[k], q);
            return SATSTAT_EINVAL;
        }
        break;
    }
    *out = s;
    return SATSTAT_OK;
}

int satstat_sweep_spec_format(const satstat_sweep_spec *spec, char *buf, size_t size)
{
    if (!spec || !buf || size == 0 || !satstat_sweep_param_name(spec->param))
        return SATSTAT_EINVAL;
    char a[SATSTAT_DOUBLE_SIZE], b[SATSTAT_DOUBLE_SIZE];
    satstat_format_double(spec->from, a, sizeof a);
    satstat_format_double(spec->to, b, sizeof b);
    int n = snprintf(buf, size, "%s=%s:%s:%u%s", satstat_sweep_param_name(spec->param), a, b,
                     spec->steps, spec->log ? ":log" : "");
    return n >= 0 && (size_t)n < size ? SATSTAT_OK : SATSTAT_ERANGE;
}

int satstat_sweep_grid(const satstat_sweep_spec *spec, double *values, size_t capacity,
                       size_t *count)
{
    if (!spec || !values || !count || spec->steps < 2 || !(spec->from < spec->to)
        || (spec->log && !(spec->from > 0)))
        return SATSTAT_EINVAL;
    *count = grid_of(spec, values, capacity);
    return SATSTAT_OK;
}

/* ======================================================================
 * The sweep
 * ====================================================================== */


/* The series names once the points exist: a scheme that does not vary is
 * named as the points have it, with --gain and --mode applied
 * ("xavier-normal:2", "he-normal:fan_out"); one whose gain varies keeps
 * "he-normal:GAIN" and gets its fan mode when it is not fan_in, and the
 * normal: scheme of a sigma sweep stays "normal:SIGMA". */
static void name_series(satstat_sweep *s)
{
    const satstat_config *c0 = &s->configs[0];
    for (size_t i = 0; i < c0->n_schemes; i++) {
        const satstat_scheme *k = &c0->schemes[i];
        if (s->spec.param == SATSTAT_SWEEP_SIGMA && i == s->varied)
            continue;
        if (s->gain_series[i]) {
            size_t len = strlen(s->series[i]);
            if (satstat_scheme_takes_mode(k) && k->mode != SATSTAT_FAN_IN
                && len < SATSTAT_SPEC_SIZE)
                snprintf(s->series[i] + len, SATSTAT_SPEC_SIZE - len, ",%s",
                         satstat_fan_mode_name(k->mode));
            continue;
        }
        snprintf(s->series[i], SATSTAT_SPEC_SIZE, "%s", k->canonical);
    }
}

/* The config at parameter value x, validated; *effective gets the value
 * the config really has (n_in rounded, active/n_in). */
static int point_config(const satstat_sweep *s, double x, satstat_config *c, double *effective,
                        char *msg, size_t msg_size)
{
    char num[SATSTAT_DOUBLE_SIZE], spec[SATSTAT_SPEC_SIZE + 16], m[SATSTAT_ERRMSG_SIZE] = "";
    int rc = SATSTAT_OK;
    *c = s->base;
    *effective = x;
    satstat_format_double(x, num, sizeof num);
    switch (s->spec.param) {
    case SATSTAT_SWEEP_N_IN:
        c->n_in = (uint64_t)llround(x);
        *effective = (double)c->n_in;
        break;
    case SATSTAT_SWEEP_SIGMA:
        snprintf(spec, sizeof spec, "normal:%s", num);
        rc = satstat_scheme_parse(spec, &c->schemes[s->varied], m, sizeof m);
        if (rc == SATSTAT_OK)
            *effective = c->schemes[s->varied].param;
        break;
    case SATSTAT_SWEEP_P:
        if (c->inputs.kind == SATSTAT_INPUTS_HALF) {
            c->inputs.active = (uint64_t)llround(x * (double)c->n_in);
            *effective = (double)c->inputs.active / (double)c->n_in;
        } else {
            snprintf(spec, sizeof spec, "bernoulli:%s", num);
            rc = satstat_inputs_parse(spec, &c->inputs, m, sizeof m);
        }
        break;
    case SATSTAT_SWEEP_THRESHOLD:
        /* a point is `satstat run --threshold T`, and --threshold T is
         * --saturation z:T: for relu too, whose default rule (dead units)
         * has no T and would make every point the same */
        c->threshold = x;
        c->saturation.kind = SATSTAT_SATURATION_Z;
        c->saturation.value = x;
        break;
    case SATSTAT_SWEEP_GAIN:
        for (size_t k = 0; k < c->n_schemes && rc == SATSTAT_OK; k++)
            if (satstat_scheme_takes_gain(&c->schemes[k]))
                rc = satstat_scheme_set_gain(&c->schemes[k], x, m, sizeof m);
        break;
    }
    if (rc == SATSTAT_OK)
        rc = satstat__config_validate(c, s->names, NULL, m, sizeof m);
    if (rc == SATSTAT_OK)
        rc = satstat__config_validate_layer(c, s->names, NULL, m, sizeof m);
    if (rc != SATSTAT_OK) {
        char v[SATSTAT_DOUBLE_SIZE];
        satstat_format_double(*effective, v, sizeof v);
        satstat__set_msg(msg, msg_size, "at %s=%s: %s", param_names[s->spec.param], v, m);
    }
    return rc;
}

static void scheme_list(const satstat_config *c, char *buf, size_t size)
{
    size_t n = 0;
    buf[0] = '\0';
    for (size_t i = 0; i < c->n_schemes && n < size; i++)
        n += (size_t)snprintf(buf + n, size - n, "%s%s", i ? "," : "", c->schemes[i].canonical);
}

/* sigma: the one normal:SIGMA scheme of the list is the varied series. */
static int plan_sigma(satstat_sweep *s, const char *list, char *msg, size_t msg_size)
{
    const satstat_config *base = &s->base;
    size_t normals = 0;
    for (size_t i = 0; i < base->n_schemes; i++)
        if (base->schemes[i].kind == SATSTAT_SCHEME_NORMAL) {
            normals++;
            s->varied = i;
        }
    snprintf(s->series[s->varied], SATSTAT_SPEC_SIZE, "normal:SIGMA");
    if (normals == 0) {
        satstat__set_msg(msg, msg_size,
                "sigma varies the weight std of a normal:SIGMA scheme, and %s %s "
                "has none",
                satstat__field(s->names, SATSTAT_FIELD_SCHEMES), list);
        return SATSTAT_EINVAL;
    }
    if (normals > 1) {
        satstat__set_msg(msg, msg_size,
                "sigma varies the one normal:SIGMA scheme, but %s %s lists %zu "
                "(they would all become the same)",
                satstat__field(s->names, SATSTAT_FIELD_SCHEMES), list, normals);
        return SATSTAT_EINVAL;
    }
    return SATSTAT_OK;
}

/* p: the density of bernoulli:P inputs, or the fraction of half's on. */
static int plan_p(const satstat_sweep *s, char *msg, size_t msg_size)
{
    const satstat_config *base = &s->base;
    if (base->inputs.kind != SATSTAT_INPUTS_HALF
        && base->inputs.kind != SATSTAT_INPUTS_BERNOULLI) {
        satstat__set_msg(msg, msg_size,
                "p needs %s bernoulli:P (the density) or half (the fraction on); "
                "'%s' has no p",
                satstat__field(s->names, SATSTAT_FIELD_INPUTS), base->inputs.canonical);
        return SATSTAT_EINVAL;
    }
    if (base->inputs.kind == SATSTAT_INPUTS_HALF && base->inputs.active != SATSTAT_ACTIVE_UNSET) {
        satstat__set_msg(msg, msg_size,
                "p sets the fraction of inputs on (active = p n_in): leave out %s",
                satstat__field(s->names, SATSTAT_FIELD_ACTIVE));
        return SATSTAT_EINVAL;
    }
    return SATSTAT_OK;
}

/* threshold: T only places the region of the z:T rule; deriv:, output:
 * and dead place it by phi, so a T sweep would repeat one point. */
static int plan_threshold(const satstat_sweep *s, char *msg, size_t msg_size)
{
    const satstat_config *base = &s->base;
    const char *f_saturation = satstat__field(s->names, SATSTAT_FIELD_SATURATION);
    if (base->saturation.kind != SATSTAT_SATURATION_DEFAULT
        && base->saturation.kind != SATSTAT_SATURATION_Z) {
        char rule[SATSTAT_ACTIVATION_NAME_SIZE] = "?";
        satstat_saturation_format(&base->saturation, rule, sizeof rule);
        satstat__set_msg(msg, msg_size,
                "threshold is the T of the saturation rule z:T, and %s %s uses "
                "no T (vary threshold with %s z:T or without %s)",
                f_saturation, rule, f_saturation, f_saturation);
        return SATSTAT_EINVAL;
    }
    return SATSTAT_OK;
}

/* gain: the gain of every scheme that takes one; the others stay.  A base
 * --gain would be applied over the swept gain when each point validates
 * (satstat_config_validate), so it is refused. */
static int plan_gain(satstat_sweep *s, const char *list, char *msg, size_t msg_size)
{
    const satstat_config *base = &s->base;
    if (!isnan(base->gain)) {
        satstat__set_msg(msg, msg_size,
                "gain is set at every point by the sweep: %s cannot be given too",
                satstat__field(s->names, SATSTAT_FIELD_GAIN));
        return SATSTAT_EINVAL;
    }
    size_t gains = 0;
    for (size_t i = 0; i < base->n_schemes; i++) {
        if (!satstat_scheme_takes_gain(&base->schemes[i]))
            continue;
        gains++;
        const char *colon = strchr(base->schemes[i].canonical, ':');
        int len = colon ? (int)(colon - base->schemes[i].canonical)
                        : (int)strlen(base->schemes[i].canonical);
        snprintf(s->series[i], SATSTAT_SPEC_SIZE, "%.*s:GAIN", len,
                 base->schemes[i].canonical);
        s->gain_series[i] = 1;
    }
    if (gains == 0) {
        satstat__set_msg(msg, msg_size,
                "gain is not supported by these schemes (%s): only xavier-*, he-* and "
                "orthogonal take a gain",
                list);
        return SATSTAT_EINVAL;
    }
    return SATSTAT_OK;
}

/* Whether the base config has what the varied parameter varies; names the
 * series (one per scheme) after it. */
static int plan_param(satstat_sweep *s, char *msg, size_t msg_size)
{
    const satstat_config *base = &s->base;
    for (size_t i = 0; i < base->n_schemes; i++)
        snprintf(s->series[i], SATSTAT_SPEC_SIZE, "%s", base->schemes[i].canonical);
    char list[SATSTAT_MAX_SCHEMES * SATSTAT_SPEC_SIZE];
    scheme_list(base, list, sizeof list);
    switch (s->spec.param) {
    case SATSTAT_SWEEP_SIGMA:
        return plan_sigma(s, list, msg, msg_size);
    case SATSTAT_SWEEP_P:
        return plan_p(s, msg, msg_size);
    case SATSTAT_SWEEP_THRESHOLD:
        return plan_threshold(s, msg, msg_size);
    case SATSTAT_SWEEP_GAIN:
        return plan_gain(s, list, msg, msg_size);
    default:
        return SATSTAT_OK;
    }
}

/* The grid's points, each a validated config; points whose effective value
 * repeats the one before (p with half inputs: the same active count) are
 * dropped. */
static int plan_points(satstat_sweep *s, char *msg, size_t msg_size)
{
    const satstat_sweep_spec *spec = &s->spec;
    char m[SATSTAT_ERRMSG_SIZE];
    double *grid = malloc(spec->steps * sizeof *grid);
    s->values = malloc(spec->steps * sizeof *s->values);
    s->configs = malloc(spec->steps * sizeof *s->configs);
    s->reports = calloc(spec->steps, sizeof *s->reports);
    int rc = SATSTAT_OK;
    if (!grid || !s->values || !s->configs || !s->reports)
        rc = SATSTAT_ENOMEM;
    size_t ng = 0;
    if (rc == SATSTAT_OK)
        rc = satstat_sweep_grid(spec, grid, spec->steps, &ng);
    for (size_t i = 0; i < ng && rc == SATSTAT_OK; i++) {
        double eff;
        rc = point_config(s, grid[i], &s->configs[s->n], &eff, m, sizeof m);
        if (rc != SATSTAT_OK) {
            satstat__set_msg(msg, msg_size, "%s", m);
            break;
        }
        if (s->n > 0 && eff <= s->values[s->n - 1])
            continue; /* p with half inputs: the same active count again */
        s->values[s->n++] = eff;
    }
    free(grid);
    return rc;
}

static int sweep_new(const satstat_config *base, const satstat_sweep_spec *spec,
                     int analytic_only, satstat__field_names names, satstat_sweep **out,
                     char *msg, size_t msg_size)
{
    if (!base || !spec || !out || !satstat_sweep_param_name(spec->param) || spec->steps < 2
        || spec->steps > SATSTAT_SWEEP_MAX_STEPS || base->n_schemes < 1
        || base->n_schemes > SATSTAT_MAX_SCHEMES) {
        satstat__set_msg(msg, msg_size, "invalid sweep");
        return SATSTAT_EINVAL;
    }
    *out = NULL;
    satstat_sweep *s = calloc(1, sizeof *s);
    if (!s)
        return SATSTAT_ENOMEM;
    s->base = *base;
    s->spec = *spec;
    s->analytic_only = analytic_only;
    s->names = names;
    int rc = plan_param(s, msg, msg_size);
    if (rc == SATSTAT_OK)
        rc = plan_points(s, msg, msg_size);
    if (rc == SATSTAT_OK)
        name_series(s);
    if (rc == SATSTAT_OK && s->n < 2) {
        char f[128];
        satstat_sweep_spec_format(spec, f, sizeof f);
        satstat__set_msg(msg, msg_size, "%s gives only one distinct point", f);
        rc = SATSTAT_EINVAL;
    }
    if (rc != SATSTAT_OK) {
        satstat_sweep_free(s);
        return rc;
    }
    *out = s;
    return SATSTAT_OK;
}

int satstat__sweep_new(const satstat_config *base, const satstat_sweep_spec *spec,
                       int analytic_only, satstat__field_names names, satstat_sweep **out,
                       char *msg, size_t msg_size)
{
    /* the plan's messages are written whole, then cut to the caller's size */
    char m[SATSTAT_ERRMSG_SIZE] = "";
    int rc = sweep_new(base, spec, analytic_only, names, out, m, sizeof m);
    if (rc != SATSTAT_OK && m[0] != '\0')
        satstat__set_msg(msg, msg_size, "%s", m);
    return rc;
}

int satstat_sweep_new(const satstat_config *base, const satstat_sweep_spec *spec,
                      int analytic_only, satstat_sweep **out, char *msg, size_t msg_size)
{
    return satstat__sweep_new(base, spec, analytic_only, NULL, out, msg, msg_size);
}

void satstat_sweep_free(satstat_sweep *s)
{
    if (!s)
        return;
    if (s->reports)
        for (size_t i = 0; i < s->n; i++)
            satstat_report_free(s->reports[i]);
    free(s->reports);
    free(s->configs);
    free(s->values);
    free(s);
}

/* Progress in work, not in neurons: a neuron's z costs a dot product over
 * its n_in inputs, so a point weighs samples x schemes x (n_in + 1), and a
 * sweep over n_in (10 .. 10^4) does not report 78 % done, "0 s left", with
 * most of the work still ahead.  The bar sees SWEEP_TICKS ticks in all. */
#define SWEEP_TICKS 1000000000ULL

typedef struct progress_over_points {
    satstat_progress_fn fn;
    void *ctx;
    double offset, total; /* work before this point, in all */
    double per_neuron;    /* this point's work per neuron of a scheme */
} progress_over_points;

static double point_work(const satstat_sweep *s, const satstat_config *c)
{
    return s->analytic_only ? 1.0 : (double)c->samples * (double)c->n_schemes * ((double)c->n_in + 1.0);
}

static uint64_t ticks(const progress_over_points *p, double work)
{
    double t = work / p->total * (double)SWEEP_TICKS;
    return t >= (double)SWEEP_TICKS ? SWEEP_TICKS : (uint64_t)t;
}

static int forward_progress(void *ctx, uint64_t done, uint64_t total)
{
    (void)total; /* the point's neurons over its schemes: done counts them */
    progress_over_points *p = ctx;
    return p->fn(p->ctx, ticks(p, p->offset + (double)done * p->per_neuron), SWEEP_TICKS);
}

int satstat_sweep_run(satstat_sweep *s, satstat_progress_fn progress, void *progress_ctx)
{
    if (!s)
        return SATSTAT_EINVAL;
    double all = 0.0;
    for (size_t i = 0; i < s->n; i++)
        all += point_work(s, &s->configs[i]);
    progress_over_points pop = {progress, progress_ctx, 0.0, all, 0.0};
    for (size_t i = 0; i < s->n; i++) {
        const satstat_config *c = &s->configs[i];
        satstat_report_free(s->reports[i]);
        s->reports[i] = NULL;
        pop.per_neuron = (double)c->n_in + 1.0;
        int rc = satstat_report_run(c, s->analytic_only,
                                    progress && !s->analytic_only ? forward_progress : NULL,
                                    &pop, &s->reports[i]);
        if (rc != SATSTAT_OK)
            return rc;
        pop.offset += point_work(s, c);
        if (progress && progress(progress_ctx, i + 1 == s->n ? SWEEP_TICKS : ticks(&pop, pop.offset),
                                 SWEEP_TICKS))
            return SATSTAT_ECANCELED;
    }
    return SATSTAT_OK;
}

const satstat_sweep_spec *satstat_sweep_get_spec(const satstat_sweep *s)
{
    return s ? &s->spec : NULL;
}

size_t satstat_sweep_point_count(const satstat_sweep *s)
{
    return s ? s->n : 0;
}

double satstat_sweep_point_value(const satstat_sweep *s, size_t i)
{
    return s && i < s->n ? s->values[i] : NAN;
}

const satstat_config *satstat_sweep_point_config(const satstat_sweep *s, size_t i)
{
    return s && i < s->n ? &s->configs[i] : NULL;
}

const satstat_report *satstat_sweep_point_report(const satstat_sweep *s, size_t i)
{
    return s && i < s->n ? s->reports[i] : NULL;
}

const char *satstat_sweep_series_name(const satstat_sweep *s, size_t i)
{
    return s && i < s->base.n_schemes ? s->series[i] : NULL;
}

static int ran(const satstat_sweep *s)
{
    for (size_t i = 0; i < s->n; i++)
        if (!s->reports[i])
            return 0;
    return 1;
}

int satstat_sweep_pass(const satstat_sweep *s)
{
    if (!s || !ran(s))
        return 0;
    for (size_t i = 0; i < s->n; i++)
        if (!satstat_report_pass(s->reports[i]))
            return 0;
    return 1;
}

/* The saturation rule of a sweep that does not vary the threshold, as
 * options: " --threshold T" for a z:T rule (the default for all but
 * relu), else " --saturation RULE": `--threshold` would turn relu's
 * default (dead units) into z:T. */
static void rule_option(const satstat_sweep *s, char *buf, size_t size)
{
    const satstat_config *c = &s->base;
    buf[0] = '\0';
    if (s->spec.param == SATSTAT_SWEEP_THRESHOLD)
        return; /* every point is z:T with the point's T */
    satstat_saturation eff = satstat_saturation_effective(c->activation, &c->saturation,
                                                          c->threshold);
    char rule[SATSTAT_ACTIVATION_NAME_SIZE];
    if (eff.kind == SATSTAT_SATURATION_Z
        || satstat_saturation_format(&eff, rule, sizeof rule) != SATSTAT_OK)
        snprintf(buf, size, " --threshold %.17g", c->threshold);
    else
        snprintf(buf, size, " --saturation %s", rule);
}

int satstat_sweep_command(const satstat_sweep *s, char *buf, size_t size)
{
    if (!s || !buf || size == 0)
        return SATSTAT_EINVAL;
    const satstat_config *c = &s->base;
    char vary[128], list[SATSTAT_MAX_SCHEMES * SATSTAT_SPEC_SIZE], nin[48] = "", active[48] = "",
                                                                     thr[96] = "", gain[48] = "",
                                                                     mode[32] = "", claim[48] = "";
    satstat_sweep_spec_format(&s->spec, vary, sizeof vary);
    scheme_list(c, list, sizeof list);
    if (s->spec.param != SATSTAT_SWEEP_N_IN)
        snprintf(nin, sizeof nin, " --n-in %llu", (unsigned long long)c->n_in);
    if (c->inputs.kind == SATSTAT_INPUTS_HALF && c->inputs.active != SATSTAT_ACTIVE_UNSET
        && s->spec.param != SATSTAT_SWEEP_P)
        snprintf(active, sizeof active, " --active %llu", (unsigned long long)c->inputs.active);
    rule_option(s, thr, sizeof thr);
    /* --gain and --mode stay options: the list is the base's, before they
     * are applied, so that the command replays through the same path */
    if (!isnan(c->gain))
        snprintf(gain, sizeof gain, " --gain %.17g", c->gain);
    if (c->mode != SATSTAT_FAN_MODE_UNSET)
        snprintf(mode, sizeof mode, " --mode %s", satstat_fan_mode_name(c->mode));
    if (!isnan(c->claimed_variance))
        snprintf(claim, sizeof claim, " --expect-variance %.17g", c->claimed_variance);
    int n = snprintf(buf, size,
                     "satstat sweep --vary %s --scheme %s%s%s%s --n-out %llu --inputs %s%s"
                     " --bias %s --activation %s%s --samples %llu --seed %llu --alpha %.17g%s%s",
                     vary, list, gain, mode, nin, (unsigned long long)c->n_out,
                     c->inputs.canonical, active, c->bias.canonical,
                     c->activation ? c->activation->name : "?", thr,
                     (unsigned long long)c->samples, (unsigned long long)c->seed, c->alpha,
                     claim, s->analytic_only ? " --analytic-only" : "");
    return n >= 0 && (size_t)n < size ? SATSTAT_OK : SATSTAT_ERANGE;
}

size_t satstat__sweep_grid(const satstat_sweep_spec *spec, double *v, size_t cap)
{
    return grid_of(spec, v, cap);
}

int satstat__sweep_point_config(const satstat_sweep *s, double x, satstat_config *c,
                                double *effective)
{
    return point_config(s, x, c, effective, NULL, 0);
}

int satstat__sweep_ran(const satstat_sweep *s)
{
    return ran(s);
}
