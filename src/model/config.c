/* config.c — run configuration defaults and validation (satstat/config.h).
 *
 * Validation runs at the boundary, before anything is allocated or sampled,
 * and its messages name the field a user would change ("alpha must be in
 * (0, 1), got 1"), spelled as the caller's table says (config-int.h: the
 * program's options table spells it "--alpha").
 */
#include <satstat/config.h>

#include <inttypes.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include <satstat/analytic.h>
#include <satstat/error.h>
#include <satstat/parse.h>
#include <satstat/sampler.h>

#include "base/error-int.h"
#include "model/config-int.h"

#define SEED_LIMIT (UINT64_C(1) << 63)

static const char *const member_names[SATSTAT_FIELD_COUNT] = {
    [SATSTAT_FIELD_NONE] = "",
    [SATSTAT_FIELD_N_IN] = "n_in",
    [SATSTAT_FIELD_N_OUT] = "n_out",
    [SATSTAT_FIELD_INPUTS] = "inputs",
    [SATSTAT_FIELD_ACTIVE] = "inputs.active",
    [SATSTAT_FIELD_BIAS] = "bias",
    [SATSTAT_FIELD_ACTIVATION] = "activation",
    [SATSTAT_FIELD_THRESHOLD] = "threshold",
    [SATSTAT_FIELD_SATURATION] = "saturation",
    [SATSTAT_FIELD_SAMPLES] = "samples",
    [SATSTAT_FIELD_SEED] = "seed",
    [SATSTAT_FIELD_TRANSFORM] = "transform",
    [SATSTAT_FIELD_THREADS] = "threads",
    [SATSTAT_FIELD_ALPHA] = "alpha",
    [SATSTAT_FIELD_CLAIMED_VARIANCE] = "claimed_variance",
    [SATSTAT_FIELD_GAIN] = "gain",
    [SATSTAT_FIELD_MODE] = "mode",
    [SATSTAT_FIELD_SCHEMES] = "schemes",
    [SATSTAT_FIELD_LAYERS] = "layers",
    [SATSTAT_FIELD_WIDTH] = "width",
    [SATSTAT_FIELD_NETWORKS] = "networks",
    [SATSTAT_FIELD_PAIR_CORRELATION] = "pair_correlation",
    [SATSTAT_FIELD_MAX_MEMORY] = "max_memory",
};

const char *satstat_config_field_name(satstat_config_field field)
{
    if ((int)field < 0 || field >= SATSTAT_FIELD_COUNT)
        return NULL;
    return member_names[field];
}

const char *satstat__field(satstat__field_names names, satstat_config_field field)
{
    const char *name = names != NULL ? names[field] : NULL;
    return name != NULL ? name : satstat_config_field_name(field);
}

/* Where a validation writes: the spelling of the fields, the field at
 * fault and the caller's message buffer. */
typedef struct diag {
    satstat__field_names names;
    satstat_config_field *field;
    char *msg;
    size_t size;
} diag;

static const char *F(const diag *d, satstat_config_field f)
{
    return satstat__field(d->names, f);
}

/* Blame `field`: record it and write the sentence; SATSTAT_EINVAL. */
#if defined(__GNUC__)
__attribute__((format(printf, 3, 4)))
#endif
static int blame(const diag *d, satstat_config_field field, const char *fmt, ...)
{
    if (d->field != NULL)
        *d->field = field;
    if (d->msg != NULL && d->size > 0) {
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(d->msg, d->size, fmt, ap);
        va_end(ap);
    }
    return SATSTAT_EINVAL;
}

/* Blame `field` for a callee's failure rc, whose message is written. */
static int blame_set(const diag *d, satstat_config_field field, int rc)
{
    if (d->field != NULL)
        *d->field = field;
    return rc;
}

void satstat_config_default(satstat_config *config)
{
    if (config == NULL)
        return;
    memset(config, 0, sizeof *config);
    config->n_in = 1000;
    config->n_out = 100;
    /* These specs are constants that parse; the calls cannot fail. */
    (void)satstat_inputs_parse("half", &config->inputs, NULL, 0);
    (void)satstat_inputs_resolve(&config->inputs, config->n_in, NULL, 0);
    (void)satstat_bias_parse("normal:1", &config->bias, NULL, 0);
    config->activation = satstat_activation_find("sigmoid");
    config->threshold = 4.0;
    config->saturation.kind = SATSTAT_SATURATION_DEFAULT;
    config->saturation.value = 0.0;
    config->samples = UINT64_C(1000000);
    config->seed = SATSTAT_DEFAULT_SEED;
    config->transform = SATSTAT_TRANSFORM_DEFAULT;
    config->threads = 0;
    config->alpha = 0.001;
    config->claimed_variance = NAN; /* no --expect-variance */
    config->gain = NAN;                     /* no --gain */
    config->mode = SATSTAT_FAN_MODE_UNSET;  /* no --mode */
    config->n_schemes = 2;
    (void)satstat_scheme_parse("standard", &config->schemes[0], NULL, 0);
    (void)satstat_scheme_parse("scaled", &config->schemes[1], NULL, 0);
}

void satstat_config_free(satstat_config *config)
{
    if (config != NULL)
        satstat_inputs_free(&config->inputs);
}

static int fail(const diag *d, satstat_config_field field, const char *what,
                const char *value)
{
    return blame(d, field, "%s must be %s, got %s", F(d, field), what, value);
}

static int check_u64(const diag *d, satstat_config_field field, uint64_t v, uint64_t min,
                     uint64_t max)
{
    char what[96], value[24];

    if (v >= min && v <= max)
        return SATSTAT_OK;
    snprintf(what, sizeof what, "between %" PRIu64 " and %" PRIu64, min, max);
    snprintf(value, sizeof value, "%" PRIu64, v);
    return fail(d, field, what, value);
}

/* What the run computes from a config that passed the range checks must
 * be computable (issue 13: whatever validation accepts runs to the end).
 * For one scheme with weight law *w: E z and Var z of satstat/analytic.h
 * (E z = μ_w Σx + μ_b; Var z = σ_w² Σx² + σ_b², plus μ_w² Σ Var x for
 * random inputs) are finite; the sampler's histogram over E z ± 8 sd and
 * (satstat_layout_default, the very layout the run uses) has a width; and a claimed variance V keeps the variance test's
 * (n−1)s²/V finite. */
static int check_run_sizes(const satstat_config *config,
                           const satstat_scheme *scheme, const satstat_law *w,
                           const diag *d)
{
    char num[SATSTAT_DOUBLE_SIZE], num2[SATSTAT_DOUBLE_SIZE];
    char q[SATSTAT_QUOTE_SIZE];
    const satstat_inputs *in = &config->inputs;
    double mu_w = satstat_law_mean(w), mu_b = satstat_law_mean(&config->bias.law);
    double mean = mu_w * satstat_inputs_sum(in, config->n_in) + mu_b;
    double var = satstat_law_variance(w)
                     * satstat_inputs_sum_sq(in, config->n_in)
                 + satstat_law_variance(&config->bias.law);
    if (mu_w != 0.0)
        var += mu_w * mu_w * satstat_inputs_variance_sum(in, config->n_in);
    /* the field to blame: the bias when its mean is the larger term */
    int bias_big = fabs(mu_b) >= fabs(mean - mu_b);
    satstat_config_field blamed = bias_big ? SATSTAT_FIELD_BIAS : SATSTAT_FIELD_SCHEMES;
    const char *blamed_spec = bias_big ? config->bias.canonical : scheme->canonical;

    if (!isfinite(mu_w * mu_w)) {
        /* the formula's μ_w² Σ Var x (satstat_analytic_compute forms it
         * whenever μ_w ≠ 0) */
        satstat_format_double(mu_w, num, sizeof num);
        return blame(d, SATSTAT_FIELD_SCHEMES, "%s %s: the weights' mean %s overflows when squared",
                     F(d, SATSTAT_FIELD_SCHEMES), satstat_quote(scheme->canonical, q, sizeof q),
                     num);
    }
    if (!isfinite(mean) || !isfinite(var)) {
        satstat_format_double(!isfinite(mean) ? mean : var, num, sizeof num);
        return blame(d, blamed, "%s %s: %s = %s with these inputs", F(d, blamed),
                     satstat_quote(blamed_spec, q, sizeof q), !isfinite(mean) ? "E z" : "Var z",
                     num);
    }

    satstat_layout layout;
    satstat_layout_default(mean, var, config->threshold, config->samples,
                           &layout);
    if (!(layout.hist_lo < layout.hist_hi) || !isfinite(layout.hist_lo)
        || !isfinite(layout.hist_hi)) {
        satstat_format_double(mean, num, sizeof num);
        satstat_format_double(sqrt(var), num2, sizeof num2);
        return blame(d, blamed,
                     "%s %s: E z = %s is too far from 0 for sd z = %s (the "
                     "histogram over E z +- 8 sd has no width in doubles)",
                     F(d, blamed), satstat_quote(blamed_spec, q, sizeof q), num, num2);
    }
    if (!isnan(config->claimed_variance) && var > 0.0
        && var / config->claimed_variance > SATSTAT_MAX_VARIANCE_CLAIM_RATIO) {
        satstat_format_double(config->claimed_variance, num, sizeof num);
        satstat_format_double(var, num2, sizeof num2);
        return blame(d, SATSTAT_FIELD_CLAIMED_VARIANCE,
                     "%s must be at least 1e-100 times Var z (%s for %s %s), got %s",
                     F(d, SATSTAT_FIELD_CLAIMED_VARIANCE), num2, F(d, SATSTAT_FIELD_SCHEMES),
                     satstat_quote(scheme->canonical, q, sizeof q), num);
    }
    return SATSTAT_OK;
}

/* Each field within its range (the sizes bounded before anything is
 * allocated). */
static int check_ranges(const satstat_config *config, const diag *d)
{
    char num[SATSTAT_DOUBLE_SIZE], value[24];
    int rc;

    if ((rc = check_u64(d, SATSTAT_FIELD_N_IN, config->n_in, 1, SATSTAT_MAX_N_IN)))
        return rc;
    if ((rc = check_u64(d, SATSTAT_FIELD_N_OUT, config->n_out, 1, SATSTAT_MAX_N_IN)))
        return rc;
    if ((rc = check_u64(d, SATSTAT_FIELD_SAMPLES, config->samples, 1, SATSTAT_MAX_SAMPLES)))
        return rc;
    if (config->seed >= SEED_LIMIT) {
        snprintf(value, sizeof value, "%" PRIu64, config->seed);
        return fail(d, SATSTAT_FIELD_SEED, "below 2^63 (9223372036854775808)", value);
    }
    if (satstat_transform_label(config->transform) == NULL) {
        snprintf(value, sizeof value, "%d", (int)config->transform);
        return fail(d, SATSTAT_FIELD_TRANSFORM, "a satstat_transform", value);
    }
    if (config->threads > SATSTAT_MAX_THREADS) {
        snprintf(value, sizeof value, "%u", config->threads);
        return fail(d, SATSTAT_FIELD_THREADS, "at most 1024 (0 = all cores)", value);
    }
    if (!(config->threshold > 0.0) || !isfinite(config->threshold)) {
        satstat_format_double(config->threshold, num, sizeof num);
        return fail(d, SATSTAT_FIELD_THRESHOLD, "a positive finite number", num);
    }
    if (!(config->alpha > 0.0 && config->alpha < 1.0)) {
        satstat_format_double(config->alpha, num, sizeof num);
        return fail(d, SATSTAT_FIELD_ALPHA, "in (0, 1)", num);
    }
    if (!isnan(config->claimed_variance)
        && (!(config->claimed_variance > 0.0)
            || !isfinite(config->claimed_variance))) {
        satstat_format_double(config->claimed_variance, num, sizeof num);
        return fail(d, SATSTAT_FIELD_CLAIMED_VARIANCE, "a positive finite number",
                    num);
    }
    if (config->n_schemes < 1 || config->n_schemes > SATSTAT_MAX_SCHEMES) {
        snprintf(value, sizeof value, "%zu", config->n_schemes);
        return fail(d, SATSTAT_FIELD_SCHEMES, "a list of 1 to 16 schemes", value);
    }
    return SATSTAT_OK;
}

/* --gain and --mode: for the schemes that take them and whose spec named
 * none; an option no listed scheme takes is an error (it would be
 * silently ignored otherwise). */
static int apply_gain_and_mode(satstat_config *config, const diag *d)
{
    int gain_used = 0, mode_used = 0, rc;

    if (isnan(config->gain) && config->mode == SATSTAT_FAN_MODE_UNSET)
        return SATSTAT_OK;
    for (size_t i = 0; i < config->n_schemes; i++) {
        satstat_scheme *s = &config->schemes[i];
        if (!isnan(config->gain) && satstat_scheme_takes_gain(s)) {
            gain_used = 1;
            if (!s->gain_given
                && (rc = satstat_scheme_set_gain(s, config->gain, d->msg, d->size)))
                return blame_set(d, SATSTAT_FIELD_GAIN, rc);
        }
        if (config->mode != SATSTAT_FAN_MODE_UNSET && satstat_scheme_takes_mode(s)) {
            mode_used = 1;
            if (!s->mode_given
                && (rc = satstat_scheme_set_mode(s, config->mode, d->msg, d->size)))
                return blame_set(d, SATSTAT_FIELD_MODE, rc);
        }
    }
    if (!isnan(config->gain) && !gain_used)
        return blame(d, SATSTAT_FIELD_GAIN,
                     "%s applies to xavier-*, he-* and orthogonal schemes; %s lists none",
                     F(d, SATSTAT_FIELD_GAIN), F(d, SATSTAT_FIELD_SCHEMES));
    if (config->mode != SATSTAT_FAN_MODE_UNSET && !mode_used)
        return blame(d, SATSTAT_FIELD_MODE,
                     "%s applies to he-normal and he-uniform; %s lists neither",
                     F(d, SATSTAT_FIELD_MODE), F(d, SATSTAT_FIELD_SCHEMES));
    return SATSTAT_OK;
}

/* No scheme listed twice: the report keys its sections by name. */
static int check_distinct_schemes(const satstat_config *config, const diag *d)
{
    for (size_t i = 0; i < config->n_schemes; i++) {
        for (size_t j = 0; j < i; j++) {
            if (strcmp(config->schemes[i].canonical,
                       config->schemes[j].canonical) == 0)
                return blame(d, SATSTAT_FIELD_SCHEMES, "%s lists '%s' twice",
                             F(d, SATSTAT_FIELD_SCHEMES), config->schemes[i].canonical);
        }
    }
    return SATSTAT_OK;
}

/* Var z = σ_w²·Σx² + σ_b² must be a finite double for every scheme, and
 * at most SATSTAT_MAX_VAR_Z. */
static int check_scheme_variances(const satstat_config *config, const diag *d)
{
    char num[SATSTAT_DOUBLE_SIZE];

    for (size_t i = 0; i < config->n_schemes; i++) {
        satstat_law w;
        double var;

        if (satstat_scheme_weight_law(&config->schemes[i], config->n_in,
                                      config->n_out, &w) != SATSTAT_OK)
            return blame(d, SATSTAT_FIELD_SCHEMES, "%s '%s' is not a valid scheme",
                         F(d, SATSTAT_FIELD_SCHEMES), config->schemes[i].canonical);
        var = satstat_law_variance(&w)
                  * satstat_inputs_sum_sq(&config->inputs, config->n_in)
              + satstat_law_variance(&config->bias.law);
        if (!isfinite(var))
            return blame(d, SATSTAT_FIELD_SCHEMES, "%s '%s' makes Var z overflow with %s %" PRIu64,
                         F(d, SATSTAT_FIELD_SCHEMES), config->schemes[i].canonical,
                         F(d, SATSTAT_FIELD_N_IN), config->n_in);
        /* the tests accumulate (z − μ)⁴ over up to 1e12 neurons: keep
         * Var z where that cannot overflow */
        if (var > SATSTAT_MAX_VAR_Z) {
            satstat_format_double(var, num, sizeof num);
            return blame(d, SATSTAT_FIELD_SCHEMES,
                         "%s '%s': Var z = %s with these inputs and bias, "
                         "beyond 1e100 (the tests' fourth moments would overflow)",
                         F(d, SATSTAT_FIELD_SCHEMES), config->schemes[i].canonical, num);
        }
    }
    return SATSTAT_OK;
}

int satstat__config_validate(satstat_config *config, satstat__field_names names,
                             satstat_config_field *field, char *msg, size_t msg_size)
{
    const diag d = {names, field, msg, msg_size};
    satstat_region region;
    int rc;

    if (field != NULL)
        *field = SATSTAT_FIELD_NONE;
    if (config == NULL)
        return blame(&d, SATSTAT_FIELD_NONE, "no configuration given");
    if ((rc = check_ranges(config, &d)) != SATSTAT_OK
        || (rc = apply_gain_and_mode(config, &d)) != SATSTAT_OK
        || (rc = check_distinct_schemes(config, &d)) != SATSTAT_OK)
        return rc;
    if (config->activation == NULL)
        return blame(&d, SATSTAT_FIELD_ACTIVATION, "%s is not set",
                     F(&d, SATSTAT_FIELD_ACTIVATION));
    if ((rc = satstat__inputs_resolve(&config->inputs, config->n_in, names, field, msg,
                                      msg_size)) != SATSTAT_OK)
        return rc;
    if ((rc = satstat_bias_resolve(&config->bias, config->n_in)) != SATSTAT_OK)
        return blame_set(&d, SATSTAT_FIELD_BIAS, rc);
    /* the saturation rule must make sense for the activation */
    if ((rc = satstat__config_region(config, &region, names, msg, msg_size)) != SATSTAT_OK)
        return blame_set(&d, SATSTAT_FIELD_SATURATION, rc);
    return check_scheme_variances(config, &d);
}

int satstat_config_validate(satstat_config *config, satstat_config_field *field, char *msg, size_t msg_size)
{
    return satstat__config_validate(config, NULL, field, msg, msg_size);
}

int satstat__config_region(const satstat_config *config, satstat_region *out,
                           satstat__field_names names, char *msg, size_t msg_size)
{
    const diag d = {names, NULL, msg, msg_size};
    char inner[SATSTAT_ERRMSG_SIZE], rule[SATSTAT_ACTIVATION_NAME_SIZE];
    satstat_saturation eff;
    int rc;

    if (config == NULL || out == NULL || config->activation == NULL)
        return SATSTAT_EINVAL;
    if (!(config->threshold > 0.0) || !isfinite(config->threshold)) {
        char num[SATSTAT_DOUBLE_SIZE];
        satstat_format_double(config->threshold, num, sizeof num);
        return fail(&d, SATSTAT_FIELD_THRESHOLD, "a positive finite number", num);
    }
    inner[0] = '\0';
    rc = satstat_saturation_resolve(config->activation, &config->saturation,
                                    config->threshold, out, inner, sizeof inner);
    if (rc != SATSTAT_OK) {
        eff = satstat_saturation_effective(config->activation,
                                           &config->saturation,
                                           config->threshold);
        satstat_saturation_format(&eff, rule, sizeof rule);
        satstat__set_msg(msg, msg_size, "%s %s: %s", F(&d, SATSTAT_FIELD_SATURATION), rule,
                         inner[0] ? inner : "cannot be resolved");
    }
    return rc;
}

int satstat_config_region(const satstat_config *config, satstat_region *out, char *msg, size_t msg_size)
{
    return satstat__config_region(config, out, NULL, msg, msg_size);
}

int satstat_config_rule_text(const satstat_config *config, char *rule,
                             size_t rule_size, char *region,
                             size_t region_size)
{
    satstat_saturation eff;
    satstat_region r;
    int rc;

    if (config == NULL || config->activation == NULL)
        return SATSTAT_EINVAL;
    if (rule != NULL) {
        eff = satstat_saturation_effective(config->activation,
                                           &config->saturation,
                                           config->threshold);
        rc = satstat_saturation_format(&eff, rule, rule_size);
        if (rc != SATSTAT_OK)
            return rc;
    }
    if (region != NULL) {
        rc = satstat_config_region(config, &r, NULL, 0);
        if (rc != SATSTAT_OK)
            return rc;
        return satstat_region_format(&r, region, region_size);
    }
    return SATSTAT_OK;
}

int satstat__config_validate_layer(const satstat_config *config, satstat__field_names names,
                                   satstat_config_field *field, char *msg, size_t msg_size)
{
    const diag dd = {names, field, msg, msg_size}, *d = &dd;
    if (field != NULL)
        *field = SATSTAT_FIELD_NONE;
    if (config == NULL)
        return blame(d, SATSTAT_FIELD_NONE, "no configuration given");
    size_t i;
    int rc;
    if (config->threshold < SATSTAT_MIN_THRESHOLD) {
        char num[SATSTAT_DOUBLE_SIZE];
        satstat_format_double(config->threshold, num, sizeof num);
        return fail(d, SATSTAT_FIELD_THRESHOLD,
                    "at least 1e-300 (the sampler counts |z| in steps of T/16)",
                    num);
    }
    for (i = 0; i < config->n_schemes; i++) {
        satstat_law w;
        if (satstat_scheme_weight_law(&config->schemes[i], config->n_in,
                                      config->n_out, &w) != SATSTAT_OK) {
            char q[SATSTAT_QUOTE_SIZE];
            return blame(d, SATSTAT_FIELD_SCHEMES, "%s %s is not a valid scheme",
                         F(d, SATSTAT_FIELD_SCHEMES),
                         satstat_quote(config->schemes[i].canonical, q, sizeof q));
        }
        rc = check_run_sizes(config, &config->schemes[i], &w, d);
        if (rc != SATSTAT_OK)
            return rc;
    }
    /* orthogonal[:GAIN]: whole n_out × n_in matrices are sampled, each
     * the unit of independence (satstat/sampler.h).  Its rows share one
     * input vector, so only fixed inputs make the law of a row the
     * sphere law of satstat/exact.h; a 1 × 1 orthogonal matrix is ±1. */
    for (i = 0; i < config->n_schemes; i++) {
        const satstat_scheme *s = &config->schemes[i];
        if (s->kind != SATSTAT_SCHEME_ORTHOGONAL)
            continue;
        const char *why = NULL;
        if (satstat_inputs_is_random(&config->inputs))
            why = "needs fixed inputs (half, ones or file:PATH): the rows of "
                  "one matrix would share each random input draw";
        else if (config->n_in < 2 && config->n_out < 2)
            why = "needs n_in or n_out of at least 2 (a 1 x 1 orthogonal "
                  "matrix is +-1)";
        else if ((double)config->n_in * (double)config->n_out >
                 (double)SATSTAT_MAX_MATRIX_ELEMENTS)
            why = "needs n_in * n_out <= 16777216 (each sampling thread "
                  "holds an n_out x n_in matrix and its QR factors)";
        if (why != NULL)
            return blame(d, SATSTAT_FIELD_SCHEMES, "%s '%s': %s", F(d, SATSTAT_FIELD_SCHEMES),
                         s->canonical, why);
    }
    return SATSTAT_OK;
}

int satstat_config_validate_layer(const satstat_config *config, satstat_config_field *field,
                                  char *msg, size_t msg_size)
{
    return satstat__config_validate_layer(config, NULL, field, msg, msg_size);
}
