/* options.c — the configuration options of the commands, one table
 * (satstat/options.h).  Each setter is what `satstat` did with the value
 * before the table existed; the messages are byte for byte the same. */
#include <satstat/options.h>

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <satstat/activation.h>
#include <satstat/parse.h>
#include <satstat/scheme.h>

#include "base/error-int.h"
#include "model/config-int.h"

/* The option of each configuration field: the library's validations
 * write their messages with these words (config-int.h), so the program's
 * lines name what a user types. */
static const char *const field_options[SATSTAT_FIELD_COUNT] = {
    [SATSTAT_FIELD_NONE] = "",
    [SATSTAT_FIELD_N_IN] = "--n-in",
    [SATSTAT_FIELD_N_OUT] = "--n-out",
    [SATSTAT_FIELD_INPUTS] = "--inputs",
    [SATSTAT_FIELD_ACTIVE] = "--active",
    [SATSTAT_FIELD_BIAS] = "--bias",
    [SATSTAT_FIELD_ACTIVATION] = "--activation",
    [SATSTAT_FIELD_THRESHOLD] = "--threshold",
    [SATSTAT_FIELD_SATURATION] = "--saturation",
    [SATSTAT_FIELD_SAMPLES] = "--samples",
    [SATSTAT_FIELD_SEED] = "--seed",
    [SATSTAT_FIELD_TRANSFORM] = "--transform",
    [SATSTAT_FIELD_THREADS] = "--threads",
    [SATSTAT_FIELD_ALPHA] = "--alpha",
    [SATSTAT_FIELD_CLAIMED_VARIANCE] = "--expect-variance",
    [SATSTAT_FIELD_GAIN] = "--gain",
    [SATSTAT_FIELD_MODE] = "--mode",
    [SATSTAT_FIELD_SCHEMES] = "--scheme",
    [SATSTAT_FIELD_LAYERS] = "--layers",
    [SATSTAT_FIELD_WIDTH] = "--width",
    [SATSTAT_FIELD_NETWORKS] = "--networks",
    [SATSTAT_FIELD_PAIR_CORRELATION] = "--pair-correlation",
    [SATSTAT_FIELD_MAX_MEMORY] = "--max-memory",
};

const char *satstat_option_of_field(satstat_config_field field)
{
    if ((int)field < 0 || field >= SATSTAT_FIELD_COUNT)
        return NULL;
    return field_options[field];
}

const char *satstat_bad_value_message(const char *value, const char *reason, char *buf,
                                      size_t size)
{
    char quoted[SATSTAT_QUOTE_SIZE];
    satstat_quote(value ? value : "", quoted, sizeof quoted);
    if (reason && *reason && strstr(reason, quoted))
        satstat__set_msg(buf, size, "%s", reason);
    else if (reason && *reason)
        satstat__set_msg(buf, size, "invalid value %s: %s", quoted, reason);
    else
        satstat__set_msg(buf, size, "invalid value %s", quoted);
    return buf;
}

/* A parser's status and reason as a setter's: the line for a bad value. */
static int refuse(int rc, const char *value, const char *reason, char *msg, size_t size)
{
    if (rc == SATSTAT_OK)
        return SATSTAT_OK;
    satstat_bad_value_message(value, reason, msg, size);
    return SATSTAT_EINVAL;
}

static int parse_u64(const char *value, uint64_t min, uint64_t max, uint64_t *out, char *msg,
                     size_t size)
{
    char reason[SATSTAT_ERRMSG_SIZE] = "";
    return refuse(satstat_parse_u64(value, min, max, out, reason, sizeof reason), value, reason, msg, size);
}

static int parse_double(const char *value, double *out, char *msg, size_t size)
{
    char reason[SATSTAT_ERRMSG_SIZE] = "";
    return refuse(satstat_parse_double(value, out, reason, sizeof reason), value, reason, msg, size);
}

/* A positive finite double. */
static int parse_positive(const char *value, double *out, char *msg, size_t size)
{
    int rc = parse_double(value, out, msg, size);
    if (rc == SATSTAT_OK && !(*out > 0))
        rc = refuse(SATSTAT_EINVAL, value, "must be a positive finite number", msg, size);
    return rc;
}

/* ---- the setters -----------------------------------------------------------*/

static int set_scheme(satstat_options *o, const char *v, char *msg, size_t size)
{
    char reason[SATSTAT_ERRMSG_SIZE] = "";
    satstat_config *cfg = o->config;
    return refuse(satstat_scheme_parse_list(v, cfg->schemes, SATSTAT_MAX_SCHEMES,
                                            &cfg->n_schemes, reason, sizeof reason),
                  v, reason, msg, size);
}

static int set_inputs(satstat_options *o, const char *v, char *msg, size_t size)
{
    char reason[SATSTAT_ERRMSG_SIZE] = "";
    satstat_config *cfg = o->config;
    uint64_t active = cfg->inputs.active;
    int rc = refuse(satstat_inputs_parse(v, &cfg->inputs, reason, sizeof reason), v, reason, msg, size);
    /* --active may come before --inputs */
    cfg->inputs.active = active;
    return rc;
}

/* deep: `normal` is x_j ~ N(0,1) per network; anything else is run's. */
static int set_deep_inputs(satstat_options *o, const char *v, char *msg, size_t size)
{
    if (strcmp(v, "normal") == 0) {
        o->deep->input = SATSTAT_DEEP_INPUT_NORMAL;
        return SATSTAT_OK;
    }
    o->deep->input = SATSTAT_DEEP_INPUT_CONFIG;
    return set_inputs(o, v, msg, size);
}

static int set_bias(satstat_options *o, const char *v, char *msg, size_t size)
{
    char reason[SATSTAT_ERRMSG_SIZE] = "";
    return refuse(satstat_bias_parse(v, &o->config->bias, reason, sizeof reason), v, reason, msg, size);
}

static int set_activation(satstat_options *o, const char *v, char *msg, size_t size)
{
    char reason[SATSTAT_ERRMSG_SIZE] = "";
    const satstat_activation *a = NULL;
    int rc = refuse(satstat_activation_parse(v, &a, reason, sizeof reason), v, reason, msg, size);
    if (rc == SATSTAT_OK)
        o->config->activation = a;
    return rc;
}

static int set_gain(satstat_options *o, const char *v, char *msg, size_t size)
{
    char reason[SATSTAT_ERRMSG_SIZE] = "";
    return refuse(satstat_gain_parse(v, &o->config->gain, reason, sizeof reason), v, reason, msg, size);
}

static int set_mode(satstat_options *o, const char *v, char *msg, size_t size)
{
    char reason[SATSTAT_ERRMSG_SIZE] = "";
    return refuse(satstat_fan_mode_parse(v, &o->config->mode, reason, sizeof reason), v, reason, msg, size);
}

static int set_expect_variance(satstat_options *o, const char *v, char *msg, size_t size)
{
    return parse_positive(v, &o->config->claimed_variance, msg, size);
}

/* --threshold T is --saturation z:T: each refuses the other's non-z rule,
 * in either order. */
static int set_threshold(satstat_options *o, const char *v, char *msg, size_t size)
{
    satstat_config *cfg = o->config;
    int rc = parse_positive(v, &cfg->threshold, msg, size);
    if (rc == SATSTAT_OK && cfg->saturation.kind != SATSTAT_SATURATION_DEFAULT
        && cfg->saturation.kind != SATSTAT_SATURATION_Z)
        rc = refuse(SATSTAT_EINVAL, v,
                    "conflicts with --saturation (--threshold T is --saturation z:T)", msg,
                    size);
    cfg->saturation.kind = SATSTAT_SATURATION_Z;
    cfg->saturation.value = cfg->threshold;
    return rc;
}

/* deep: saturated when |z| >= T (relu: dead units whatever T). */
static int set_deep_threshold(satstat_options *o, const char *v, char *msg, size_t size)
{
    return parse_positive(v, &o->config->threshold, msg, size);
}

static int set_saturation(satstat_options *o, const char *v, char *msg, size_t size)
{
    char reason[SATSTAT_ERRMSG_SIZE] = "";
    satstat_saturation rule;
    int rc = refuse(satstat_saturation_parse(v, &rule, reason, sizeof reason), v, reason, msg, size);
    if (rc != SATSTAT_OK)
        return rc;
    if (rule.kind != SATSTAT_SATURATION_Z && satstat_option_given(o, "threshold"))
        return refuse(SATSTAT_EINVAL, v,
                      "conflicts with --threshold (--threshold T is --saturation z:T)", msg,
                      size);
    if (rule.kind == SATSTAT_SATURATION_Z)
        o->config->threshold = rule.value;
    o->config->saturation = rule;
    return SATSTAT_OK;
}

static int set_transform(satstat_options *o, const char *v, char *msg, size_t size)
{
    char why[SATSTAT_ERRMSG_SIZE] = "";
    if (satstat_transform_from_name(v, &o->config->transform, why, sizeof why) != SATSTAT_OK)
        return refuse(SATSTAT_EINVAL, v, why, msg, size);
    return SATSTAT_OK;
}

static int set_alpha(satstat_options *o, const char *v, char *msg, size_t size)
{
    double *alpha = &o->config->alpha;
    int rc = parse_double(v, alpha, msg, size);
    if (rc == SATSTAT_OK && !(*alpha > 0 && *alpha < 1))
        rc = refuse(SATSTAT_EINVAL, v, "must be strictly between 0 and 1", msg, size);
    return rc;
}

static int set_n_in(satstat_options *o, const char *v, char *msg, size_t size)
{
    return parse_u64(v, 1, SATSTAT_MAX_N_IN, &o->config->n_in, msg, size);
}

static int set_n_out(satstat_options *o, const char *v, char *msg, size_t size)
{
    return parse_u64(v, 1, SATSTAT_MAX_N_IN, &o->config->n_out, msg, size);
}

static int set_active(satstat_options *o, const char *v, char *msg, size_t size)
{
    uint64_t u = 0;
    int rc = parse_u64(v, 0, SATSTAT_MAX_N_IN, &u, msg, size);
    o->config->inputs.active = u;
    return rc;
}

static int set_samples(satstat_options *o, const char *v, char *msg, size_t size)
{
    return parse_u64(v, 1, SATSTAT_MAX_SAMPLES, &o->config->samples, msg, size);
}

static int set_seed(satstat_options *o, const char *v, char *msg, size_t size)
{
    return parse_u64(v, 0, (UINT64_C(1) << 63) - 1, &o->config->seed, msg, size);
}

static int set_threads(satstat_options *o, const char *v, char *msg, size_t size)
{
    uint64_t u = 0;
    int rc = parse_u64(v, 1, SATSTAT_MAX_THREADS, &u, msg, size);
    o->config->threads = (unsigned)u;
    return rc;
}

static int set_pair_correlation(satstat_options *o, const char *v, char *msg, size_t size)
{
    double *c0 = &o->deep->pair_correlation;
    int rc = parse_double(v, c0, msg, size);
    if (rc == SATSTAT_OK && !(*c0 >= -1.0 && *c0 <= 1.0))
        rc = refuse(SATSTAT_EINVAL, v, "must be between -1 and 1", msg, size);
    o->deep->pair = 1;
    return rc;
}

static int set_jacobian(satstat_options *o, const char *v, char *msg, size_t size)
{
    (void)v, (void)msg, (void)size;
    o->deep->jacobian = 1;
    return SATSTAT_OK;
}

static int set_analytic_only(satstat_options *o, const char *v, char *msg, size_t size)
{
    (void)v, (void)msg, (void)size;
    o->analytic_only = 1;
    return SATSTAT_OK;
}

static int set_layers(satstat_options *o, const char *v, char *msg, size_t size)
{
    return parse_u64(v, 1, SATSTAT_DEEP_MAX_LAYERS, &o->deep->layers, msg, size);
}

static int set_width(satstat_options *o, const char *v, char *msg, size_t size)
{
    return parse_u64(v, 1, SATSTAT_DEEP_MAX_WIDTH, &o->deep->width, msg, size);
}

static int set_networks(satstat_options *o, const char *v, char *msg, size_t size)
{
    return parse_u64(v, 1, SATSTAT_DEEP_MAX_NETWORKS, &o->deep->networks, msg, size);
}

/* A byte count: a whole number (as satstat_parse_u64 reads it, so 2e9 too),
 * optionally followed by K, M, G or T, powers of 1024 as in sort -S,
 * written K, KiB or KB alike. */
static int parse_bytes(const char *value, uint64_t *out, char *msg, size_t size)
{
    static const char units[] = "KMGT";
    const char *value_end = value + strlen(value);
    const char *unit = value_end;
    int power = 0;
    for (int k = 0; k < 4; k++) {
        const char *at = strchr(value, units[k]);
        if (at == NULL)
            at = strchr(value, units[k] + ('a' - 'A'));
        if (at != NULL && at > value &&
            (strcmp(at + 1, "") == 0 || strcmp(at + 1, "B") == 0 || strcmp(at + 1, "iB") == 0)) {
            unit = at;
            power = k + 1;
        }
    }
    char number[64];
    size_t len = (size_t)(unit - value);
    if (len >= sizeof number)
        return refuse(SATSTAT_EINVAL, value, "too long for a byte count", msg, size);
    memcpy(number, value, len);
    number[len] = '\0';
    uint64_t n;
    char reason[SATSTAT_ERRMSG_SIZE] = "";
    int rc = satstat_parse_u64(number, 1, UINT64_MAX, &n, reason, sizeof reason);
    if (rc != SATSTAT_OK && power == 0 && strncmp(reason, "must be", 7) == 0)
        return refuse(rc, value, reason, msg, size); /* a number out of range */
    if (rc != SATSTAT_OK)
        return refuse(SATSTAT_EINVAL, value,
                      "expected a whole number of bytes, optionally followed by K, M, G or T "
                      "(powers of 1024)",
                      msg, size);
    for (int k = 0; k < power; k++) {
        if (n > UINT64_MAX / 1024)
            return refuse(SATSTAT_EINVAL, value, "more bytes than 2^64", msg, size);
        n *= 1024;
    }
    *out = n;
    return SATSTAT_OK;
}

static int set_max_memory(satstat_options *o, const char *v, char *msg, size_t size)
{
    return parse_bytes(v, &o->deep->max_memory, msg, size);
}

static int set_vary(satstat_options *o, const char *v, char *msg, size_t size)
{
    char reason[SATSTAT_ERRMSG_SIZE] = "";
    return refuse(satstat_sweep_spec_parse(v, o->sweep, reason, sizeof reason), v, reason, msg, size);
}

/* ---- the table -------------------------------------------------------------*/

enum {
    RUN = SATSTAT_COMMAND_RUN,
    DEEP = SATSTAT_COMMAND_DEEP,
    SWEEP = SATSTAT_COMMAND_SWEEP,
    ALL = RUN | DEEP | SWEEP,
};

static const satstat_option option_table[] = {
    {"vary", "PARAM=FROM:TO[:STEPS][:log]", SWEEP, set_vary},
    {"layers", "L", DEEP, set_layers},
    {"width", "W", DEEP, set_width},
    {"networks", "R", DEEP, set_networks},
    {"scheme", "LIST", ALL, set_scheme},
    {"gain", "G", RUN | SWEEP, set_gain},
    {"mode", "M", RUN | SWEEP, set_mode},
    {"n-in", "N", ALL, set_n_in},
    {"n-out", "N", RUN | SWEEP, set_n_out},
    {"active", "K", ALL, set_active},
    {"inputs", "SPEC", RUN | SWEEP, set_inputs},
    {"inputs", "SPEC", DEEP, set_deep_inputs},
    {"bias", "SPEC", ALL, set_bias},
    {"activation", "NAME", ALL, set_activation},
    {"threshold", "T", RUN | SWEEP, set_threshold},
    {"threshold", "T", DEEP, set_deep_threshold},
    {"saturation", "RULE", RUN | SWEEP, set_saturation},
    {"expect-variance", "V", RUN | SWEEP, set_expect_variance},
    {"samples", "N", RUN | SWEEP, set_samples},
    {"analytic-only", NULL, RUN | SWEEP, set_analytic_only},
    {"seed", "S", ALL, set_seed},
    {"transform", "NAME", ALL, set_transform},
    {"threads", "N", ALL, set_threads},
    {"alpha", "A", ALL, set_alpha},
    {"max-memory", "BYTES", DEEP, set_max_memory},
    {"pair-correlation", "C0", DEEP, set_pair_correlation},
    {"jacobian", NULL, DEEP, set_jacobian},
};
enum { OPTION_COUNT = sizeof option_table / sizeof option_table[0] };
_Static_assert(OPTION_COUNT <= SATSTAT_OPTIONS_MAX, "satstat_options.given is too small");

const satstat_option *satstat_options_table(size_t *count)
{
    if (count)
        *count = OPTION_COUNT;
    return option_table;
}

static const satstat_option *find(satstat_command command, const char *name, size_t len)
{
    for (size_t i = 0; i < OPTION_COUNT; i++)
        if ((option_table[i].commands & (unsigned)command)
            && strlen(option_table[i].name) == len
            && strncmp(option_table[i].name, name, len) == 0)
            return &option_table[i];
    return NULL;
}

const satstat_option *satstat_option_find(satstat_command command, const char *name)
{
    return name ? find(command, name, strlen(name)) : NULL;
}

void satstat_options_init(satstat_options *o, satstat_command command, satstat_config *config,
                          satstat_deep_options *deep, satstat_sweep_spec *sweep)
{
    memset(o, 0, sizeof *o);
    o->command = command;
    o->config = config;
    o->deep = deep;
    o->sweep = sweep;
}

int satstat_option_set(satstat_options *o, const char *name, const char *value, char *msg,
                       size_t size)
{
    const satstat_option *opt = satstat_option_find(o->command, name);
    if (!opt) {
        /* the nearest name of this command (satstat_closest_name) */
        const char *names[OPTION_COUNT];
        size_t n = 0;
        for (size_t i = 0; i < OPTION_COUNT; i++)
            if (option_table[i].commands & (unsigned)o->command)
                names[n++] = option_table[i].name;
        char quoted[SATSTAT_QUOTE_SIZE];
        satstat_quote(name ? name : "", quoted, sizeof quoted);
        const char *near = name ? satstat_closest_name(name, strlen(name), names, n, NULL)
                                : NULL;
        if (near)
            satstat__set_msg(msg, size, "unknown option %s (did you mean '%s'?)", quoted, near);
        else
            satstat__set_msg(msg, size, "unknown option %s", quoted);
        return SATSTAT_EINVAL;
    }
    if (opt->arg && !value) {
        satstat__set_msg(msg, size, "option requires a value");
        return SATSTAT_EINVAL;
    }
    /* the deep and sweep options need their structs */
    if ((opt->set == set_deep_inputs || (opt->commands == DEEP)) && !o->deep) {
        satstat__set_msg(msg, size, "no deep options to set");
        return SATSTAT_EINVAL;
    }
    if (opt->set == set_vary && !o->sweep) {
        satstat__set_msg(msg, size, "no sweep spec to set");
        return SATSTAT_EINVAL;
    }
    o->given[opt - option_table] = value && opt->arg ? value : "";
    return opt->set(o, value, msg, size);
}

const char *satstat_option_given(const satstat_options *o, const char *name)
{
    const satstat_option *opt = satstat_option_find(o->command, name);
    return opt ? o->given[opt - option_table] : NULL;
}

/* ---- across options ----------------------------------------------------------*/

/* A failing library check, its message as it is (it names its option). */
static int pass_on(int rc, const char *reason, char *msg, size_t size)
{
    if (rc != SATSTAT_OK)
        satstat__set_msg(msg, size, "%s", reason);
    return rc;
}

static int finish_run(satstat_options *o, char *msg, size_t size)
{
    char reason[SATSTAT_ERRMSG_SIZE] = "";
    int rc = satstat__config_validate(o->config, field_options, NULL, reason, sizeof reason);
    if (rc == SATSTAT_OK)
        rc = satstat__config_validate_layer(o->config, field_options, NULL, reason,
                                            sizeof reason);
    return pass_on(rc, reason, msg, size);
}

int satstat_options_validate_deep(satstat_config *config, const satstat_deep_options *deep,
                                  char *msg, size_t size)
{
    char reason[SATSTAT_ERRMSG_SIZE] = "";
    int rc = satstat__config_validate(config, field_options, NULL, reason, sizeof reason);
    if (rc == SATSTAT_OK)
        rc = satstat__deep_options_validate(config, deep, field_options, NULL, reason,
                                            sizeof reason);
    return pass_on(rc, reason, msg, size);
}

static int finish_deep(satstat_options *o, char *msg, size_t size)
{
    if (o->deep->input == SATSTAT_DEEP_INPUT_NORMAL && o->config->inputs.active != SATSTAT_ACTIVE_UNSET) {
        satstat__set_msg(msg, size,
                         "--active: applies to --inputs half only, not to --inputs normal");
        return SATSTAT_EINVAL;
    }
    return satstat_options_validate_deep(o->config, o->deep, msg, size);
}

/* "--OPTION: the bad-value line" for a value given earlier. */
static int refuse_given(const char *option, const char *value, const char *reason, char *msg,
                        size_t size)
{
    char line[SATSTAT_OPTION_MSG_SIZE];
    satstat_bad_value_message(value, reason, line, sizeof line);
    satstat__set_msg(msg, size, "%s: %s", option, line);
    return SATSTAT_EINVAL;
}

/* --gain, --mode and --saturation apply or not whatever the point: say
 * so as `run` does, naming the value, rather than "at n-in=10: ..." from
 * the sweep's check of each point. */
static int sweep_fixed_options(const satstat_options *o, char *msg, size_t size)
{
    const satstat_config *cfg = o->config;
    int gain_used = 0, mode_used = 0;
    for (size_t i = 0; i < cfg->n_schemes; i++) {
        gain_used |= satstat_scheme_takes_gain(&cfg->schemes[i]);
        mode_used |= satstat_scheme_takes_mode(&cfg->schemes[i]);
    }
    if (!isnan(cfg->gain) && !gain_used)
        return refuse_given("--gain", satstat_option_given(o, "gain"),
                            "applies to xavier-*, he-* and orthogonal schemes; --scheme lists "
                            "none",
                            msg, size);
    if (cfg->mode != SATSTAT_FAN_MODE_UNSET && !mode_used)
        return refuse_given("--mode", satstat_option_given(o, "mode"),
                            "applies to he-normal and he-uniform; --scheme lists neither", msg,
                            size);
    /* the rule against the activation (a threshold sweep makes it z:T) */
    if (o->sweep->param != SATSTAT_SWEEP_THRESHOLD) {
        char reason[SATSTAT_ERRMSG_SIZE] = "";
        satstat_region region;
        return pass_on(satstat__config_region(cfg, &region, field_options, reason, sizeof reason),
                       reason, msg, size);
    }
    return SATSTAT_OK;
}

static int finish_sweep(satstat_options *o, char *msg, size_t size)
{
    satstat_config *cfg = o->config;
    satstat_sweep_param param = o->sweep->param;
    if (!satstat_option_given(o, "vary")) {
        satstat__set_msg(msg, size,
                         "--vary: is required: PARAM=FROM:TO[:STEPS][:log] with PARAM one of "
                         "n-in, sigma, p, threshold, gain (try 'satstat sweep --help')");
        return SATSTAT_EINVAL;
    }
    if (param == SATSTAT_SWEEP_N_IN && satstat_option_given(o, "n-in")) {
        satstat__set_msg(msg, size, "--n-in: cannot be given with --vary n-in (the sweep sets it)");
        return SATSTAT_EINVAL;
    }
    if (param == SATSTAT_SWEEP_THRESHOLD && satstat_option_given(o, "threshold")) {
        satstat__set_msg(msg, size,
                         "--threshold: cannot be given with --vary threshold (the sweep sets it)");
        return SATSTAT_EINVAL;
    }
    /* the library refuses these too; here the line names both options */
    if (param == SATSTAT_SWEEP_THRESHOLD && satstat_option_given(o, "saturation")
        && cfg->saturation.kind != SATSTAT_SATURATION_Z
        && cfg->saturation.kind != SATSTAT_SATURATION_DEFAULT) {
        char rule[SATSTAT_ACTIVATION_NAME_SIZE] = "?";
        satstat_saturation_format(&cfg->saturation, rule, sizeof rule);
        satstat__set_msg(msg, size,
                         "--saturation: '%s' cannot be given with --vary threshold (the "
                         "threshold is the T of the rule z:T; %s uses none)",
                         rule, rule);
        return SATSTAT_EINVAL;
    }
    if (param == SATSTAT_SWEEP_GAIN && !isnan(cfg->gain)) {
        satstat__set_msg(msg, size, "--gain: cannot be given with --vary gain (the sweep sets it)");
        return SATSTAT_EINVAL;
    }
    if (param == SATSTAT_SWEEP_SIGMA && !satstat_option_given(o, "scheme")) {
        /* sigma needs a normal: scheme; its SIGMA is replaced at each point */
        (void)satstat_scheme_parse("normal:1", &cfg->schemes[0], NULL, 0);
        cfg->n_schemes = 1;
    }
    int rc = sweep_fixed_options(o, msg, size);
    if (rc != SATSTAT_OK)
        return rc;
    /* a file: input is read once, here, and every point shares it (a
     * pipe or a FIFO can be read only once) */
    if (cfg->inputs.kind == SATSTAT_INPUTS_FILE) {
        if (param == SATSTAT_SWEEP_N_IN) {
            char q[SATSTAT_QUOTE_SIZE];
            satstat__set_msg(msg, size,
                             "--inputs: %s holds a fixed number of inputs; it cannot be given "
                             "with --vary n-in",
                             satstat_quote(cfg->inputs.canonical, q, sizeof q));
            return SATSTAT_EINVAL;
        }
        char reason[SATSTAT_ERRMSG_SIZE] = "";
        return pass_on(satstat__inputs_resolve(&cfg->inputs, cfg->n_in, field_options, NULL,
                                               reason, sizeof reason),
                       reason, msg, size);
    }
    return SATSTAT_OK;
}

int satstat_options_finish(satstat_options *o, char *msg, size_t size)
{
    if (!o || !o->config) {
        satstat__set_msg(msg, size, "no configuration to finish");
        return SATSTAT_EINVAL;
    }
    switch (o->command) {
    case SATSTAT_COMMAND_RUN:
        return finish_run(o, msg, size);
    case SATSTAT_COMMAND_DEEP:
        if (o->deep)
            return finish_deep(o, msg, size);
        break;
    case SATSTAT_COMMAND_SWEEP:
        if (o->sweep)
            return finish_sweep(o, msg, size);
        break;
    }
    satstat__set_msg(msg, size, "no deep options or sweep spec to finish");
    return SATSTAT_EINVAL;
}

int satstat_options_sweep_new(const satstat_config *config, const satstat_sweep_spec *spec,
                              const char *vary, int analytic_only, satstat_sweep **out,
                              char *msg, size_t size)
{
    char reason[SATSTAT_ERRMSG_SIZE * 2 + 64] = "";
    int rc = satstat__sweep_new(config, spec, analytic_only, field_options, out, reason,
                                sizeof reason);
    if (rc == SATSTAT_EINVAL) {
        char q[SATSTAT_QUOTE_SIZE];
        satstat__set_msg(msg, size, "--vary: %s: %s", satstat_quote(vary ? vary : "", q, sizeof q),
                         reason);
    } else if (rc != SATSTAT_OK) {
        satstat__set_msg(msg, size, "%s", satstat_strerror(rc));
    }
    return rc;
}
