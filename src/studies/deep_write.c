/* deep_write.c — the deep report as a model of quantities (one list of
 * numbers per scheme and layer) and its text, JSON and CSV writers, which
 * walk that model so that a number is in every format or in none.
 */
#include <satstat/deep.h>
#include <satstat/exact.h>
#include <satstat/html.h>

#include <inttypes.h>
#include <locale.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include <satstat/build.h>
#include <satstat/error.h>
#include <satstat/parse.h>
#include <satstat/rng.h>

#include "studies/deep-int.h"
#include "output/figure-int.h"
#include "base/locale-int.h"
#include "output/report-int.h"
#include "satstat_version.h"

/* ======================================================================
 * Output
 * ====================================================================== */

int satstat_deep_report_command(const satstat_deep_report *r, char *buf, size_t size)
{
    if (!r || !buf || size == 0)
        return SATSTAT_EINVAL;
    const satstat_config *c = &r->config;
    const satstat_deep_options *o = &r->options;
    char schemes[SATSTAT_MAX_SCHEMES * SATSTAT_SPEC_SIZE] = "";
    size_t n = 0;
    for (size_t i = 0; i < c->n_schemes; i++)
        n += (size_t)snprintf(schemes + n, sizeof schemes - n, "%s%s", i ? "," : "",
                              c->schemes[i].canonical);
    char th[SATSTAT_DOUBLE_SIZE], al[SATSTAT_DOUBLE_SIZE], act[96];
    satstat_format_double(c->threshold, th, sizeof th);
    satstat_format_double(c->alpha, al, sizeof al);
    satstat__shell_word(c->activation->name, act, sizeof act);
    int k;
    if (o->input == SATSTAT_DEEP_INPUT_NORMAL)
        k = snprintf(buf, size,
                     "satstat deep --layers %" PRIu64 " --width %" PRIu64 " --networks %" PRIu64
                     " --scheme %s --activation %s --bias %s --inputs normal --n-in %" PRIu64
                     " --threshold %s --alpha %s --seed %" PRIu64,
                     o->layers, o->width, o->networks, schemes, act, c->bias.canonical, c->n_in,
                     th, al, c->seed);
    else if (c->inputs.kind == SATSTAT_INPUTS_HALF)
        k = snprintf(buf, size,
                     "satstat deep --layers %" PRIu64 " --width %" PRIu64 " --networks %" PRIu64
                     " --scheme %s --activation %s --bias %s --inputs %s --active %" PRIu64
                     " --n-in %" PRIu64 " --threshold %s --alpha %s --seed %" PRIu64,
                     o->layers, o->width, o->networks, schemes, act, c->bias.canonical,
                     c->inputs.canonical, satstat_inputs_support(&c->inputs, c->n_in), c->n_in,
                     th, al, c->seed);
    else
        k = snprintf(buf, size,
                     "satstat deep --layers %" PRIu64 " --width %" PRIu64 " --networks %" PRIu64
                     " --scheme %s --activation %s --bias %s --inputs %s --n-in %" PRIu64
                     " --threshold %s --alpha %s --seed %" PRIu64,
                     o->layers, o->width, o->networks, schemes, act, c->bias.canonical,
                     c->inputs.canonical, c->n_in, th, al, c->seed);
    if (k >= 0 && (size_t)k < size && o->pair) {
        char pc[SATSTAT_DOUBLE_SIZE];
        satstat_format_double(o->pair_correlation, pc, sizeof pc);
        int e = snprintf(buf + k, size - (size_t)k, " --pair-correlation %s", pc);
        k = e < 0 ? e : k + e;
    }
    if (k >= 0 && (size_t)k < size && c->transform != SATSTAT_TRANSFORM_DEFAULT) {
        int e = snprintf(buf + k, size - (size_t)k, " --transform %s",
                         satstat_transform_label(c->transform));
        k = e < 0 ? e : k + e;
    }
    if (k >= 0 && (size_t)k < size && o->jacobian) {
        int e = snprintf(buf + k, size - (size_t)k, " --jacobian");
        k = e < 0 ? e : k + e;
    }
    return k < 0 || (size_t)k >= size ? SATSTAT_ERANGE : SATSTAT_OK;
}

/* The command that makes deep's figures and page: the report's, with
 * " --preset activations" after "satstat deep" when preset (the preset's
 * figures are its own), the report's " --activation NAME" left out when
 * every_activation (a page of the preset's runs, one per activation) and
 * " --phase" at the end when phase (the phase diagram is not in the
 * report).  One builder for the figures' "Made by" line (deep_plot.c) and
 * the page's command (html.c): two copies had begun to differ. */
int satstat__deep_command(const satstat_deep_report *r, int preset, int every_activation,
                          int phase, char *buf, size_t size)
{
    char one[4096];
    const char *deep = "satstat deep";
    if (!buf || size == 0)
        return SATSTAT_EINVAL;
    if (satstat_deep_report_command(r, one, sizeof one) != SATSTAT_OK
        || strncmp(one, deep, strlen(deep)) != 0)
        return SATSTAT_ERANGE;
    char *rest = one + strlen(deep);
    if (every_activation) {
        /* " --activation NAME", NAME a shell word without spaces */
        char *a = strstr(rest, " --activation ");
        if (!a)
            return SATSTAT_ERANGE;
        size_t len = strlen(" --activation ") + strcspn(a + strlen(" --activation "), " ");
        memmove(a, a + len, strlen(a + len) + 1);
    }
    int k = snprintf(buf, size, "%s%s%s%s", deep, preset ? " --preset activations" : "", rest,
                     phase ? " --phase" : "");
    return k < 0 || (size_t)k >= size ? SATSTAT_ERANGE : SATSTAT_OK;
}

/* ---- the model ----------------------------------------------------------------
 * Every number of the report is a quantity of satstat_deep_report_model:
 * the text, JSON and CSV writers below walk it, so a number is in every
 * format or in none (tests/test_deep.c walks it against each). */

static json_t *jnum(double x)
{
    return isfinite(x) ? json_real(x) : json_null();
}

/* Relative difference of sampled and mean-field variance per layer, and
 * the relative half-width of its interval: the size of the finite-width
 * correction against what sampling alone explains. */
static void finite_width(const satstat_deep_report *r, size_t s, double *max_rel,
                         uint64_t *at, double *max_half, double *mean_rel)
{
    *max_rel = 0;
    *max_half = 0;
    *at = 0;
    double sum = 0;
    uint64_t n = 0;
    for (uint64_t l = 1; l <= r->options.layers; l++) {
        const satstat_deep_layer *ly = &r->s[s].layers[l - 1];
        double rel = (ly->variance.value - ly->mf_variance) / ly->mf_variance;
        if (!isfinite(rel))
            continue;
        sum += rel;
        n++;
        if (fabs(rel) >= fabs(*max_rel)) {
            *max_rel = rel;
            *at = l;
        }
        double half = (ly->variance.hi - ly->variance.lo) / 2 / ly->mf_variance;
        if (isfinite(half) && half > *max_half)
            *max_half = half;
    }
    *mean_rel = n ? sum / (double)n : NAN;
}

static const char *phase_name(const satstat_deep_fixed_point *fp)
{
    return satstat_deep_regime_name(fp->regime);
}

static satstat_quantity *put(satstat_model_builder *b, const char *name, const char *json,
                             const char *label, satstat_quantity_kind kind, int digits,
                             double x)
{
    satstat_quantity *q = satstat_model_add(b, name, json, label, kind, digits);
    if (q)
        q->value = x;
    return q;
}

static void put_count(satstat_model_builder *b, const char *name, const char *json,
                      const char *label, satstat_quantity_kind kind, uint64_t n)
{
    satstat_quantity *q = put(b, name, json, label, kind, 0, (double)n);
    if (q)
        q->count = 1;
}

static void put_percent(satstat_model_builder *b, const char *name, const char *json,
                        const char *label, satstat_quantity_kind kind, int digits, double x)
{
    satstat_quantity *q = put(b, name, json, label, kind, digits, x);
    if (q)
        q->percent = 1;
}

/* A quantity the mean field predicts and the networks estimate: its
 * formula, sampled and interval entries (one CSV row). */
static void put_estimate(satstat_model_builder *b, const char *name, const char *analytic,
                         const char *sampled, const char *ci, const char *label, int digits,
                         double mf, const satstat_deep_estimate *e)
{
    put(b, name, analytic, label, SATSTAT_QUANTITY_FORMULA, digits, mf);
    put(b, name, sampled, label, SATSTAT_QUANTITY_SAMPLED, digits, e->value);
    satstat_quantity *q =
        satstat_model_add(b, name, ci, label, SATSTAT_QUANTITY_INTERVAL, digits);
    if (q) {
        q->interval.lo = e->lo;
        q->interval.hi = e->hi;
    }
}

int satstat_deep_report_model(const satstat_deep_report *r, size_t s, uint64_t l,
                              satstat_quantity *out, size_t capacity, size_t *n_out)
{
    if (!r || !out || !n_out || s >= r->config.n_schemes || l > r->options.layers)
        return SATSTAT_EINVAL;
    const satstat_config *c = &r->config;
    const satstat_deep_options *o = &r->options;
    const scheme_result *sr = &r->s[s];
    const satstat_quantity_kind F = SATSTAT_QUANTITY_FORMULA, S = SATSTAT_QUANTITY_SAMPLED;
    satstat_model_builder b = {out, capacity, 0, 0};
    if (l == 0) {
        put(&b, "fixed_point", "fixed_point", "q*", F, 8, sr->fp.finite ? sr->fp.q : NAN);
        put(&b, "chi1", "chi1", "chi1", F, 6, sr->fp.chi1);
        put(&b, "sigma_w2_fan_in", "sigma_w2_fan_in", "sigma_w^2*W", F, 6, sr->sw2_fan_in);
        put(&b, "predicted_gradient_ratio", "predicted_gradient_ratio",
            "gradients x per layer", F, 4, sqrt(sr->fp.chi1));
        /* the correlation map at q* and the depth scales (Schoenholz et
         * al. 2017); +inf (JSON null, text "-") where they diverge */
        put(&b, "correlation_fixed_point", "correlation_fixed_point", "c*", F, 8,
            sr->depth.c_star);
        put(&b, "chi_c", "chi_c", "chi_c", F, 6, sr->depth.chi_c);
        put(&b, "xi_q", "xi_q", "xi_q", F, 5, sr->depth.xi_q);
        if (o->pair) {
            satstat_deep_estimate e = sr->xi_c_sampled;
            put_estimate(&b, "xi_c", "xi_c", "xi_c_sampled", "xi_c_sampled_ci", "xi_c", 5,
                         sr->depth.xi_c, &e);
            put_count(&b, "xi_c_layers", "xi_c_sampled_layers", "layers fitted", S,
                      sr->xi_c_layers);
            put(&b, "xi_c_fit", "xi_c_mean_field_fit", "xi_c fit to MF c^l", F, 5,
                sr->xi_c_fit);
        } else {
            put(&b, "xi_c", "xi_c", "xi_c", F, 5, sr->depth.xi_c);
        }
        put(&b, "trainable_depth", "trainable_depth", "6 xi_c", F, 4, 6 * sr->depth.xi_c);
        put(&b, "weight_variance", "weight_variance", "Var w", F, 6,
            sr->layers[o->layers > 1 ? 1 : 0].weight_variance);
        put(&b, "weight_variance_layer1", "weight_variance_layer1", "Var w (layer 1)", F, 6,
            sr->sigma_w2_layer1);
        if (o->jacobian) {
            /* the spectrum of JᵀJ: moments across networks beside the
             * width → ∞ theory (deep_jacobian.c) */
            const satstat_deep_jacobian *jr = &sr->jacobian;
            put_estimate(&b, "jacobian_m1", "jacobian.m1.theory", "jacobian.m1.sampled",
                         "jacobian.m1.interval", "Jacobian E s^2", 5, jr->theory_m1, &jr->m[0]);
            put_estimate(&b, "jacobian_m2", "jacobian.m2.theory", "jacobian.m2.sampled",
                         "jacobian.m2.interval", "Jacobian E s^4", 5, jr->theory_m2, &jr->m[1]);
            put_estimate(&b, "jacobian_m3", "jacobian.m3.fuss_catalan", "jacobian.m3.sampled",
                         "jacobian.m3.interval", "Jacobian E s^6", 5, jr->fuss_catalan_m3,
                         &jr->m[2]);
            put(&b, "jacobian_fuss_catalan_m2", "jacobian.m2.fuss_catalan",
                "Fuss-Catalan E s^4", F, 5, jr->fuss_catalan_m2);
            /* below the SVD's resolution the smallest value has no digit
             * (its digits follow the BLAS kernels): "<= bound", as an
             * exact law's value without digits, its bound in a row of its
             * own (satstat_deep_jacobian) */
            satstat_quantity *q = put(&b, "jacobian_singular_value_min",
                                      "jacobian.singular_value_min", "min s", S, 6, jr->sv_min);
            if (q && isfinite(jr->sv_min) && isfinite(jr->sv_resolution)) {
                q->abserr = jr->sv_resolution;
                q->nonnegative = 1;
                int have = satstat_exact_digits(jr->sv_min, jr->sv_resolution);
                if (have < q->digits)
                    q->digits = have;
            }
            put(&b, "jacobian_singular_value_min_abserr", "jacobian.singular_value_min_abserr",
                "  its error bound", S, 2, jr->sv_resolution);
            put(&b, "jacobian_singular_value_max", "jacobian.singular_value_max", "max s", S, 6,
                jr->sv_max);
        }
        /* the finite-width summary: sampled Var z against the mean field,
         * beside what sampling (√(2/(R·W)) relative) and the O(1/W)
         * correction would explain */
        double max_rel, max_half, mean_rel;
        uint64_t at;
        finite_width(r, s, &max_rel, &at, &max_half, &mean_rel);
        put_percent(&b, "max_relative_difference", "finite_width.max_relative_difference",
                    "differs by at most", S, 3, max_rel);
        put_count(&b, "at_layer", "finite_width.at_layer", "at layer", S, at);
        put_percent(&b, "mean_relative_difference", "finite_width.mean_relative_difference",
                    "on average", S, 3, mean_rel);
        put_percent(&b, "max_relative_ci_half_width",
                    "finite_width.max_relative_ci_half_width", "widest interval half-width", S,
                    2, max_half);
        put_percent(&b, "expected_sampling_error", "finite_width.expected_sampling_error",
                    "sampling alone explains", F, 2,
                    sqrt(2.0 / ((double)o->networks * (double)o->width)));
        put_percent(&b, "expected_finite_width_correction",
                    "finite_width.expected_finite_width_correction", "O(1/W)", F, 2,
                    1.0 / (double)o->width);
        *n_out = b.count;
        return b.overflow ? SATSTAT_ERANGE : SATSTAT_OK;
    }
    const satstat_deep_layer *ly = &sr->layers[l - 1];
    char rule[SATSTAT_ACTIVATION_NAME_SIZE] = "", region[SATSTAT_REGION_TEXT_SIZE] = "";
    satstat_config_rule_text(c, rule, sizeof rule, region, sizeof region);
    const char *act = c->activation->name;
    char dphi[SATSTAT_LABEL_SIZE], dphi2[SATSTAT_LABEL_SIZE], amean[SATSTAT_LABEL_SIZE],
        avar[SATSTAT_LABEL_SIZE];
    snprintf(dphi, sizeof dphi, "E[%s'(z)]", act);
    snprintf(dphi2, sizeof dphi2, "E[%s'(z)^2]", act);
    snprintf(amean, sizeof amean, "mean %s(z)", act);
    snprintf(avar, sizeof avar, "Var %s(z)", act);
    put_count(&b, "fan_in", "fan_in", "fan-in", F, ly->fan_in);
    put(&b, "weight_variance", "weight_variance", "Var w", F, 6, ly->weight_variance);
    put_estimate(&b, "mean", "analytic.mean", "empirical.mean", "empirical.mean_ci", "mean z",
                 5, ly->mf_mean, &ly->mean);
    put_estimate(&b, "variance", "analytic.variance", "empirical.variance",
                 "empirical.variance_ci", "Var z", 5, ly->mf_variance, &ly->variance);
    put(&b, "variance_relative_difference", "empirical.variance_relative_difference",
        "Var z/MF - 1", S, 4, (ly->variance.value - ly->mf_variance) / ly->mf_variance);
    put_estimate(&b, "saturated_fraction", "analytic.saturated_fraction",
                 "empirical.saturated_fraction", "empirical.saturated_fraction_ci",
                 c->activation->dead && strcmp(rule, "dead") == 0 ? "dead" : "saturated", 4,
                 ly->mf_saturated_fraction, &ly->saturated_fraction);
    put_estimate(&b, "mean_activation_derivative", "analytic.mean_activation_derivative",
                 "empirical.mean_activation_derivative",
                 "empirical.mean_activation_derivative_ci", dphi, 4, ly->mf_dphi, &ly->dphi);
    put(&b, "mean_activation_derivative_squared",
        "analytic.mean_activation_derivative_squared", dphi2, F, 5, ly->mf_dphi_sq);
    put(&b, "activation_mean", "empirical.activation_mean", amean, S, 5,
        ly->activation_mean.value);
    put(&b, "activation_variance", "empirical.activation_variance", avar, S, 5,
        ly->activation_variance.value);
    put_estimate(&b, "gradient_norm", "analytic.gradient_norm", "empirical.gradient_norm",
                 "empirical.gradient_norm_ci", "|d|", 5, ly->mf_gradient_norm,
                 &ly->gradient_norm);
    put(&b, "gradient_norm_rms", "empirical.gradient_norm_rms", "rms |d|", S, 5,
        ly->gradient_norm_rms);
    if (o->pair)
        put_estimate(&b, "correlation", "correlation.mean_field", "correlation.sampled",
                     "correlation.interval", "corr(z1, z2)", 5, ly->mf_correlation,
                     &ly->correlation);
    /* |d^l|/|d^(l+1)|: the geometric mean over networks (NaN at l = L) */
    double lr = ly->gradient_log_ratio;
    put(&b, "gradient_ratio", "analytic.gradient_ratio", "|d| ratio", F, 4,
        ly->mf_gradient_ratio);
    put(&b, "gradient_ratio", "empirical.gradient_ratio", "|d| ratio", S, 4,
        isfinite(lr) ? exp(lr) : NAN);
    *n_out = b.count;
    return b.overflow ? SATSTAT_ERANGE : SATSTAT_OK;
}

/* A layer's quantities (layer 0: the scheme's); SATSTAT_DEEP_MODEL_MAX
 * always holds them (the model-walk test checks the count). */
typedef struct deep_model {
    satstat_quantity q[SATSTAT_DEEP_MODEL_MAX];
    size_t n;
} deep_model;

static void model_of(const satstat_deep_report *r, size_t s, uint64_t l, deep_model *m)
{
    if (satstat_deep_report_model(r, s, l, m->q, SATSTAT_DEEP_MODEL_MAX, &m->n) != SATSTAT_OK)
        m->n = 0;
}

/* ---- JSON ------------------------------------------------------------------------*/

static json_t *report_json(const satstat_deep_report *r, const satstat_deep_phase *ph)
{
    const satstat_config *c = &r->config;
    const satstat_deep_options *o = &r->options;
    deep_model *m = malloc(sizeof *m);
    if (!m)
        return NULL;
    json_t *names = json_array();
    for (size_t i = 0; i < c->n_schemes; i++)
        json_array_append_new(names, json_string(c->schemes[i].canonical));
    char cmd[2048];
    satstat_deep_report_command(r, cmd, sizeof cmd);
    satstat_region reg = satstat_region_tails(-INFINITY, INFINITY);
    satstat_config_region(c, &reg, NULL, 0);
    json_t *config = json_pack(
        "{s:s s:I s:I s:I s:I s:I s:s s:s s:s s:f s:[o o] s:I s:f s:o s:s s:s s:s s:s s:I s:I "
        "s:s}",
        "command_name", "deep", "layers", (json_int_t)o->layers, "width", (json_int_t)o->width,
        "networks", (json_int_t)o->networks, "n_in", (json_int_t)c->n_in, "active",
        (json_int_t)(o->input == SATSTAT_DEEP_INPUT_NORMAL
                         ? c->n_in
                         : satstat_inputs_support(&c->inputs, c->n_in)),
        "inputs", o->input == SATSTAT_DEEP_INPUT_NORMAL ? "normal" : c->inputs.canonical,
        "bias", c->bias.canonical, "activation", c->activation->name, "threshold", c->threshold,
        "saturated_region", jnum(reg.below), jnum(reg.above), "seed", (json_int_t)c->seed,
        "alpha", c->alpha, "schemes", names, "generator", satstat_generator_name(), "transform",
        satstat_transform_label(c->transform), "simd", r->simd, "blas", satstat_blas_name(), "threads",
        (json_int_t)r->threads, "max_memory", (json_int_t)satstat__deep_cap_of(o), "command", cmd);
    /* the saturation rule and the region of z it stands for, as `run`
     * reports them (relu: dead units, z <= 0, not |z| >= threshold) */
    json_object_set_new(config, "saturation", satstat__saturation_json(c));
    json_object_set_new(config, "memory_used", json_integer((json_int_t)r->memory));
    json_object_set_new(config, "kept_layers", json_integer((json_int_t)r->kept_layers));
    json_t *schemes = json_array();
    for (size_t s = 0; s < c->n_schemes; s++) {
        const scheme_result *sr = &r->s[s];
        char desc[SATSTAT_SPEC_SIZE];
        satstat_scheme_describe(&c->schemes[s], desc, sizeof desc);
        json_t *layers = json_array();
        for (uint64_t l = 1; l <= o->layers; l++) {
            json_t *lo = json_pack("{s:I}", "layer", (json_int_t)l);
            model_of(r, s, l, m);
            for (size_t k = 0; k < m->n; k++)
                satstat__quantity_json(lo, &m->q[k]);
            /* R, a setting of the run, beside the estimates it made */
            json_object_set_new(json_object_get(lo, "empirical"), "networks",
                                json_integer((json_int_t)o->networks));
            json_array_append_new(layers, lo);
        }
        json_t *so = json_pack("{s:s s:s}", "scheme", c->schemes[s].canonical, "weights", desc);
        model_of(r, s, 0, m);
        for (size_t k = 0; k < m->n; k++)
            satstat__quantity_json(so, &m->q[k]);
        json_object_set_new(so, "layers", layers);
        json_object_set_new(so, "fixed_point_finite", json_boolean(sr->fp.finite));
        json_object_set_new(so, "phase", json_string(phase_name(&sr->fp)));
        json_object_set_new(
            json_object_get(so, "finite_width"), "note",
            json_string("mean field is exact as W -> infinity; at width W the sampled Var z "
                        "differs by O(1/W) (finite-width correction) plus sampling error of "
                        "about sqrt(2/(R*W)) relative"));
        if (o->jacobian) {
            /* the pooled density of the singular values (not quantities:
             * an array, like the phase diagram) */
            json_t *jo = json_object_get(so, "jacobian"), *edges = json_array(),
                   *counts = json_array();
            const satstat_deep_jacobian *jr = &sr->jacobian;
            for (size_t k = 0; k <= SATSTAT_DEEP_HIST_BINS; k++)
                json_array_append_new(edges, jnum(jr->sv_max * (double)k /
                                                  SATSTAT_DEEP_HIST_BINS));
            for (size_t k = 0; k < SATSTAT_DEEP_HIST_BINS; k++)
                json_array_append_new(counts, json_integer((json_int_t)jr->hist[k]));
            json_object_set_new(jo, "singular_value_density",
                                json_pack("{s:o s:o s:s}", "edges", edges, "counts", counts,
                                          "layout",
                                          "counts[k]: singular values in [edges[k], "
                                          "edges[k+1]), pooled over networks (the last bin "
                                          "closed)"));
            json_object_set_new(jo, "note",
                                json_string("m_k = tr((J^T J)^k)/n_in; theory: free "
                                            "probability as W -> infinity (m2 for n_in = W); "
                                            "Fuss-Catalan for linear units with i.i.d. "
                                            "square layers"));
        }
        if (isinf(sr->depth.xi_c) || isinf(sr->depth.xi_q))
            json_object_set_new(so, "depth_scales_note",
                                json_string("xi_c (and xi_q where its slope is 1) diverge "
                                            "at chi1 = 1, the edge of chaos: null here"));
        if (!sr->fp.finite)
            json_object_set_new(so, "fixed_point_note",
                                json_string("no finite fixed point: the length map grows "
                                            "without bound (e.g. ReLU with sigma_w^2*W >= 2); "
                                            "chi1 is its limit"));
        json_array_append_new(schemes, so);
    }
    free(m);
    json_t *root = json_pack("{s:i s:s s:s s:o s:o s:f}", "schema_version",
                             SATSTAT_SCHEMA_VERSION, "version", SATSTAT_VERSION, "command_name",
                             "deep", "config", config, "schemes", schemes, "elapsed_seconds",
                             r->elapsed);
    if (root && ph) {
        json_t *xs = json_array(), *ys = json_array(), *chi = json_array(), *q = json_array(),
               *xi = json_array();
        for (size_t i = 0; i < ph->nx; i++)
            json_array_append_new(xs, jnum(ph->x[i]));
        for (size_t k = 0; k < ph->ny; k++) {
            json_array_append_new(ys, jnum(ph->y[k]));
            json_t *rc = json_array(), *rq = json_array(), *rx = json_array();
            for (size_t i = 0; i < ph->nx; i++) {
                json_array_append_new(rc, jnum(ph->chi1[k * ph->nx + i]));
                json_array_append_new(rq, jnum(ph->q[k * ph->nx + i]));
                json_array_append_new(rx, jnum(ph->xi_c[k * ph->nx + i]));
            }
            json_array_append_new(chi, rc);
            json_array_append_new(q, rq);
            json_array_append_new(xi, rx);
        }
        json_t *edge = json_array();
        for (size_t k = 0; k < ph->ny; k++)
            json_array_append_new(edge, jnum(ph->critical[k]));
        json_object_set_new(root, "phase_diagram",
                            json_pack("{s:o s:o s:o s:o s:o s:o s:s}", "sigma_w2_fan_in", xs,
                                      "sigma_b2", ys, "chi1", chi, "fixed_point", q, "xi_c",
                                      xi, "critical_sigma_w2_fan_in", edge, "layout",
                                      "chi1[i][j] at sigma_b2[i], sigma_w2_fan_in[j]; "
                                      "critical_sigma_w2_fan_in[i]: chi1 = 1 at sigma_b2[i] "
                                      "(null: no crossing); xi_c likewise (null where it "
                                      "diverges, chi1 = 1, or there is no q*); networks "
                                      "train to a depth of about 6 xi_c"));
    }
    return root;
}

/* ---- text ------------------------------------------------------------------------*/

/* A scheme's table: the layer column, then per quantity name a group of
 * columns (mean field, sampled, interval) under its label.  Columns are
 * as wide as their cells and two spaces apart, so they never touch; the
 * groups wrap into blocks, each repeating the layer column, so that no
 * line exceeds the width. */
enum { DEEP_CELL = 2 * SATSTAT_DOUBLE_SIZE + 8, DEEP_INDENT = 2, DEEP_GAP = 2 };

static void cell_text(const satstat_quantity *q, char *buf, size_t size)
{
    if (q->kind != SATSTAT_QUANTITY_INTERVAL)
        satstat_quantity_text(q, buf, size);
    else if (isfinite(q->interval.lo) && isfinite(q->interval.hi))
        snprintf(buf, size, "[%.*g, %.*g]", q->digits, q->interval.lo, q->digits,
                 q->interval.hi);
    else
        snprintf(buf, size, "-");
}

/* What a column holds, under its quantity's label. */
static const char *column_kind(const satstat_quantity *q, const char *ci)
{
    switch (q->kind) {
    case SATSTAT_QUANTITY_FORMULA:
        /* the mean field's numbers, not the network's settings */
        return strncmp(q->json, "analytic.", 9) == 0 ? "mean field" : "";
    case SATSTAT_QUANTITY_SAMPLED:
        return "sampled";
    case SATSTAT_QUANTITY_INTERVAL:
        return ci;
    default:
        return "";
    }
}

static void table_line(FILE *f, const char *text)
{
    size_t len = strlen(text);
    while (len > 0 && text[len - 1] == ' ')
        len--;
    fprintf(f, "%.*s\n", (int)len, text);
}

static void write_table(const satstat_deep_report *r, size_t s, unsigned width, FILE *f)
{
    const uint64_t layers = r->options.layers;
    char ci[32], layer_text[24];
    snprintf(ci, sizeof ci, "%g%% CI", 100.0 * (1.0 - r->config.alpha));
    deep_model *m = malloc(sizeof *m);
    if (!m)
        return;
    /* the columns (every layer has the same quantities) and their widths */
    model_of(r, s, 1, m);
    size_t n = m->n, col_w[SATSTAT_DEEP_MODEL_MAX];
    snprintf(layer_text, sizeof layer_text, "%" PRIu64, layers);
    size_t layer_w = strlen(layer_text) > 5 ? strlen(layer_text) : 5;
    for (size_t k = 0; k < n; k++)
        col_w[k] = strlen(column_kind(&m->q[k], ci));
    for (uint64_t l = 1; l <= layers; l++) {
        model_of(r, s, l, m);
        for (size_t k = 0; k < n && k < m->n; k++) {
            char cell[DEEP_CELL];
            cell_text(&m->q[k], cell, sizeof cell);
            if (strlen(cell) > col_w[k])
                col_w[k] = strlen(cell);
        }
    }
    model_of(r, s, 1, m);
    /* the groups: the quantities of one name; a label wider than its
     * columns widens the last */
    size_t group_start[SATSTAT_DEEP_MODEL_MAX + 1], groups = 0, group_w[SATSTAT_DEEP_MODEL_MAX];
    for (size_t k = 0; k < n; k++)
        if (k == 0 || strcmp(m->q[k].name, m->q[k - 1].name) != 0)
            group_start[groups++] = k;
    group_start[groups] = n;
    for (size_t g = 0; g < groups; g++) {
        size_t w = 0, first = group_start[g], end = group_start[g + 1];
        for (size_t k = first; k < end; k++)
            w += (k > first ? DEEP_GAP : 0) + col_w[k];
        size_t label = strlen(m->q[first].label);
        if (label > w) {
            col_w[end - 1] += label - w;
            w = label;
        }
        group_w[g] = w;
    }
    satstat_quantity head[SATSTAT_DEEP_MODEL_MAX];
    memcpy(head, m->q, n * sizeof head[0]);
    char line[4096];
    for (size_t from = 0; from < groups;) {
        size_t to = from + 1, used = DEEP_INDENT + layer_w + DEEP_GAP + group_w[from];
        while (to < groups && used + DEEP_GAP + group_w[to] <= width) {
            used += DEEP_GAP + group_w[to];
            to++;
        }
        size_t k0 = group_start[from], k1 = group_start[to], len;
        /* two header lines: the labels over their groups, the kinds */
        len = (size_t)snprintf(line, sizeof line, "%*s%-*s", DEEP_INDENT, "", (int)layer_w,
                               "layer");
        for (size_t g = from; g < to && len < sizeof line; g++)
            len += (size_t)snprintf(line + len, sizeof line - len, "%*s%-*s", DEEP_GAP, "",
                                    (int)group_w[g], head[group_start[g]].label);
        table_line(f, line);
        len = (size_t)snprintf(line, sizeof line, "%*s%*s", DEEP_INDENT, "", (int)layer_w, "");
        for (size_t k = k0; k < k1 && len < sizeof line; k++)
            len += (size_t)snprintf(line + len, sizeof line - len, "%*s%-*s", DEEP_GAP, "",
                                    (int)col_w[k], column_kind(&head[k], ci));
        table_line(f, line);
        for (uint64_t l = 1; l <= layers; l++) {
            model_of(r, s, l, m);
            len = (size_t)snprintf(line, sizeof line, "%*s%*" PRIu64, DEEP_INDENT, "",
                                   (int)layer_w, l);
            for (size_t k = k0; k < k1 && k < m->n && len < sizeof line; k++) {
                char cell[DEEP_CELL];
                cell_text(&m->q[k], cell, sizeof cell);
                len += (size_t)snprintf(line + len, sizeof line - len, "%*s%-*s", DEEP_GAP, "",
                                        (int)col_w[k], cell);
            }
            table_line(f, line);
        }
        from = to;
        if (from < groups)
            fputc('\n', f);
    }
    free(m);
}

/* The text of the quantity `name` among the scheme's, "-" if absent. */
static const char *scheme_value(const deep_model *m, const char *name, char *buf, size_t size)
{
    const satstat_quantity *q = NULL;
    for (size_t k = 0; k < m->n && !q; k++)
        if (strcmp(m->q[k].name, name) == 0)
            q = &m->q[k];
    if (!q) {
        snprintf(buf, size, "-");
        return buf;
    }
    /* a signed relative difference says its sign */
    int sign = q->percent && q->kind == SATSTAT_QUANTITY_SAMPLED && q->value > 0 &&
               strstr(q->name, "relative_difference") != NULL;
    buf[0] = '+';
    satstat_quantity_text(q, buf + sign, size - (size_t)sign);
    return buf;
}

/* The text of the quantity of this name and kind (an interval as
 * "[lo, hi]"), "-" when there is none; buf has DEEP_CELL bytes. */
static const char *kind_value(const deep_model *m, const char *name, satstat_quantity_kind kind,
                              char *buf)
{
    const satstat_quantity *q = satstat_quantity_find(m->q, m->n, name, kind);
    if (!q)
        snprintf(buf, DEEP_CELL, "-");
    else
        cell_text(q, buf, DEEP_CELL);
    return buf;
}

static void write_text(const satstat_deep_report *r, const satstat_deep_phase *ph,
                       unsigned width, FILE *f)
{
    const satstat_config *c = &r->config;
    const satstat_deep_options *o = &r->options;
    char cmd[2048], line[4096];
    satstat_deep_report_command(r, cmd, sizeof cmd);
    snprintf(line, sizeof line,
             "satstat %s deep: %" PRIu64 " layers of width %" PRIu64 ", %" PRIu64
             " networks per scheme",
             SATSTAT_VERSION, o->layers, o->width, o->networks);
    satstat__text_wrap(f, width, 2, line);
    snprintf(line, sizeof line, "command: %s", cmd);
    satstat__text_wrap(f, width, 4, line);
    /* the rule actually applied and its region, worded as `run` does
     * (relu counts dead units, z <= 0, not |z| >= T) */
    char rule[SATSTAT_ACTIVATION_NAME_SIZE] = "", region[SATSTAT_REGION_TEXT_SIZE] = "";
    satstat_config_rule_text(c, rule, sizeof rule, region, sizeof region);
    snprintf(line, sizeof line, "activation %s, bias %s, layer-1 inputs %s (n_in %" PRIu64 ")",
             c->activation->name, c->bias.canonical,
             o->input == SATSTAT_DEEP_INPUT_NORMAL ? "normal (N(0,1), one vector per network)"
                                                   : c->inputs.canonical,
             c->n_in);
    satstat__text_wrap(f, width, 2, line);
    size_t len = (size_t)snprintf(line, sizeof line, "saturated when %s", region);
    if (len < sizeof line &&
        (c->saturation.kind != SATSTAT_SATURATION_DEFAULT || c->activation->dead))
        snprintf(line + len, sizeof line - len, " (rule %s%s)", rule,
                 c->activation->dead && strcmp(rule, "dead") == 0 ? ": dead units" : "");
    satstat__text_wrap(f, width, 2, line);
    /* the wall time last: it alone differs between runs of one seed */
    snprintf(line, sizeof line, "generator %s + %s, SIMD %s, BLAS %s", satstat_generator_name(),
             satstat_transform_label(c->transform), r->simd, satstat_blas_name());
    satstat__text_wrap(f, width, 2, line);
    snprintf(line, sizeof line, "sampling: %u thread%s, %.1f MiB, %.2f s", r->threads,
             r->threads == 1 ? "" : "s", (double)r->memory / 1048576.0, r->elapsed);
    satstat__text_wrap(f, width, 2, line);
    snprintf(line, sizeof line,
             "intervals: %g%% across networks (a network is one observation): Var z%s |d|%s "
             "log-normal (modified Cox), saturated fraction Korn-Graubard (effective units), "
             "the rest Student t",
             100 * (1 - c->alpha), o->jacobian ? "," : " and",
             o->jacobian ? " and the Jacobian's moments" : "");
    satstat__text_wrap(f, width, 2, line);
    deep_model *m = malloc(sizeof *m);
    if (!m)
        return;
    for (size_t s = 0; s < c->n_schemes; s++) {
        const scheme_result *sr = &r->s[s];
        char desc[SATSTAT_SPEC_SIZE], v[6][DEEP_CELL];
        satstat_scheme_describe(&c->schemes[s], desc, sizeof desc);
        model_of(r, s, 0, m);
        snprintf(line, sizeof line,
                 "scheme %s: weights %s; sigma_w^2*W = %s (layers 2..%" PRIu64 "), Var w = %s, "
                 "%s in layer 1",
                 c->schemes[s].canonical, desc,
                 scheme_value(m, "sigma_w2_fan_in", v[0], DEEP_CELL), o->layers,
                 scheme_value(m, "weight_variance", v[1], DEEP_CELL),
                 scheme_value(m, "weight_variance_layer1", v[2], DEEP_CELL));
        fputc('\n', f);
        satstat__text_wrap(f, width, 2, line);
        if (sr->fp.finite)
            snprintf(line, sizeof line,
                     "  mean field: q* = %s, chi1 = %s: %s (gradients x%s per layer near q*)",
                     scheme_value(m, "fixed_point", v[0], DEEP_CELL),
                     scheme_value(m, "chi1", v[1], DEEP_CELL), phase_name(&sr->fp),
                     scheme_value(m, "predicted_gradient_ratio", v[2], DEEP_CELL));
        else
            snprintf(line, sizeof line,
                     "  mean field: no finite fixed point (the length map grows without "
                     "bound); chi1 -> %s: %s (gradients x%s per layer)",
                     scheme_value(m, "chi1", v[1], DEEP_CELL), phase_name(&sr->fp),
                     scheme_value(m, "predicted_gradient_ratio", v[2], DEEP_CELL));
        satstat__text_wrap(f, width, 4, line);
        if (sr->fp.finite) {
            char xq[DEEP_CELL + 32], xc[DEEP_CELL + 32];
            snprintf(xq, sizeof xq, "%s", isinf(sr->depth.xi_q)
                                              ? "diverges"
                                              : scheme_value(m, "xi_q", v[3], DEEP_CELL));
            snprintf(xc, sizeof xc, "%s", isinf(sr->depth.xi_c)
                                              ? "diverges (chi1 = 1)"
                                              : scheme_value(m, "xi_c", v[4], DEEP_CELL));
            snprintf(line, sizeof line,
                     "  correlation map: c* = %s, chi_c = %s; depth scales xi_q = %s, "
                     "xi_c = %s%s%s",
                     scheme_value(m, "correlation_fixed_point", v[0], DEEP_CELL),
                     scheme_value(m, "chi_c", v[1], DEEP_CELL), xq, xc,
                     isinf(sr->depth.xi_c) ? "" : " (trainable to about 6 xi_c = ",
                     isinf(sr->depth.xi_c) ? ""
                                           : scheme_value(m, "trainable_depth", v[5], DEEP_CELL));
            if (!isinf(sr->depth.xi_c) && strlen(line) + 2 < sizeof line)
                strcat(line, " layers)");
            satstat__text_wrap(f, width, 4, line);
        }
        if (o->jacobian) {
            char t[8][DEEP_CELL];
            const satstat_quantity_kind SK = SATSTAT_QUANTITY_SAMPLED,
                                        IK = SATSTAT_QUANTITY_INTERVAL,
                                        FK = SATSTAT_QUANTITY_FORMULA;
            snprintf(line, sizeof line,
                     "  Jacobian J = D_L W_L ... D_1 W_1, moments of its squared singular "
                     "values over n_in: E s^2 = %s %s (theory %s), E s^4 = %s %s (theory %s, "
                     "Fuss-Catalan %s), E s^6 = %s %s (Fuss-Catalan %s); s in [%s, %s] over "
                     "all networks",
                     kind_value(m, "jacobian_m1", SK, t[0]), kind_value(m, "jacobian_m1", IK, t[1]),
                     kind_value(m, "jacobian_m1", FK, t[2]), kind_value(m, "jacobian_m2", SK, t[3]),
                     kind_value(m, "jacobian_m2", IK, t[4]), kind_value(m, "jacobian_m2", FK, t[5]),
                     kind_value(m, "jacobian_fuss_catalan_m2", FK, t[6]),
                     kind_value(m, "jacobian_m3", SK, t[7]),
                     kind_value(m, "jacobian_m3", IK, v[3]),
                     kind_value(m, "jacobian_m3", FK, v[0]),
                     kind_value(m, "jacobian_singular_value_min", SK, v[1]),
                     kind_value(m, "jacobian_singular_value_max", SK, v[2]));
            satstat__text_wrap(f, width, 4, line);
        }
        write_table(r, s, width, f);
        snprintf(line, sizeof line,
                 "  finite width: sampled Var z differs from the mean field by at most %s "
                 "(layer %s), %s on average; sampling alone explains about +-%s (widest "
                 "interval half-width %s); the finite-width correction is O(1/W) = %s",
                 scheme_value(m, "max_relative_difference", v[0], DEEP_CELL),
                 scheme_value(m, "at_layer", v[1], DEEP_CELL),
                 scheme_value(m, "mean_relative_difference", v[2], DEEP_CELL),
                 scheme_value(m, "expected_sampling_error", v[3], DEEP_CELL),
                 scheme_value(m, "max_relative_ci_half_width", v[4], DEEP_CELL),
                 scheme_value(m, "expected_finite_width_correction", v[5], DEEP_CELL));
        satstat__text_wrap(f, width, 4, line);
    }
    free(m);
    fputc('\n', f);
    satstat__text_wrap(f, width, 1,
                       "(MF: mean field.  |d|: norm of the back-propagated gradient delta^l, "
                       "delta^L = phi'(z^L)*g for a unit vector g; |d| ratio: |d^l|/|d^(l+1)|, "
                       "geometric mean over networks; mean field predicts sqrt(chi) per "
                       "layer.  Var z/MF - 1: sampled over mean-field Var z, less 1.)");
    if (ph) {
        snprintf(line, sizeof line,
                 "phase diagram: %zu x %zu grid of sigma_w^2*fan_in in [%g, %g] (log) and "
                 "sigma_b^2 in [%g, %g]; see the JSON or the figure",
                 ph->nx, ph->ny, ph->x_lo, ph->x_hi, ph->y_lo, ph->y_hi);
        satstat__text_wrap(f, width, 2, line);
    }
}

/* ---- CSV -------------------------------------------------------------------------*/

static void csv_num(FILE *f, double x)
{
    if (isfinite(x))
        fprintf(f, ",%.17g", x);
    else
        fputs(",", f);
}

/* One row per (scheme, layer, quantity name): the model's quantities of
 * that name fill its columns by kind (satstat/model.h). */
static void csv_quantity_row(FILE *f, const char *scheme, uint64_t layer,
                             const satstat_quantity *q, size_t n)
{
    double analytic = NAN, sampled = NAN;
    satstat_interval ci = {NAN, NAN};
    for (size_t k = 0; k < n; k++) {
        if (q[k].kind == SATSTAT_QUANTITY_FORMULA || q[k].kind == SATSTAT_QUANTITY_CLAIM)
            analytic = q[k].value;
        else if (q[k].kind == SATSTAT_QUANTITY_SAMPLED)
            sampled = q[k].value;
        else if (q[k].kind == SATSTAT_QUANTITY_INTERVAL)
            ci = q[k].interval;
    }
    /* RFC 4180: a scheme ("he-normal:2,fan_out") may hold a comma */
    satstat__csv_field(f, scheme);
    if (layer)
        fprintf(f, ",%" PRIu64 ",", layer);
    else
        fputs(",,", f);
    satstat__csv_field(f, q[0].name);
    csv_num(f, analytic);
    csv_num(f, sampled);
    csv_num(f, ci.lo);
    csv_num(f, ci.hi);
    fputc('\n', f);
}

static void csv_model_rows(FILE *f, const char *scheme, uint64_t layer, const deep_model *m)
{
    /* the quantities of one name come together */
    for (size_t k = 0; k < m->n;) {
        size_t end = k + 1;
        while (end < m->n && strcmp(m->q[end].name, m->q[k].name) == 0)
            end++;
        csv_quantity_row(f, scheme, layer, &m->q[k], end - k);
        k = end;
    }
}

static void write_csv(const satstat_deep_report *r, FILE *f)
{
    const satstat_config *c = &r->config;
    deep_model *m = malloc(sizeof *m);
    if (!m)
        return;
    fputs("scheme,layer,quantity,analytic,sampled,ci_low,ci_high\n", f);
    for (size_t s = 0; s < c->n_schemes; s++) {
        const char *name = c->schemes[s].canonical;
        for (uint64_t l = 1; l <= r->options.layers; l++) {
            model_of(r, s, l, m);
            csv_model_rows(f, name, l, m);
        }
        model_of(r, s, 0, m);
        csv_model_rows(f, name, 0, m);
        satstat__csv_field(f, name);
        fprintf(f, ",,phase,%s,,,\n", phase_name(&r->s[s].fp));
    }
    free(m);
}

/* What deep's writers take: the report and the optional phase diagram. */
typedef struct deep_doc {
    const satstat_deep_report *r;
    const satstat_deep_phase *phase;
} deep_doc;

static void text_of(const void *doc, unsigned width, FILE *f)
{
    const deep_doc *d = doc;
    write_text(d->r, d->phase, width, f);
}
static void csv_of(const void *doc, FILE *f) { write_csv(((const deep_doc *)doc)->r, f); }
static json_t *json_of(const void *doc)
{
    const deep_doc *d = doc;
    return report_json(d->r, d->phase);
}
static int html_of(const void *doc, FILE *f)
{
    const deep_doc *d = doc;
    return satstat_deep_report_write_html(&d->r, 1, d->phase, NULL, f);
}
static const satstat__writers deep_writers = {text_of, csv_of, json_of, html_of};

static int write_format(const satstat_deep_report *r, const satstat_deep_phase *phase,
                        satstat_format format, unsigned width, FILE *f)
{
    if (!r)
        return SATSTAT_EINVAL;
    deep_doc d = {r, phase};
    return satstat__write_format(&deep_writers, &d, format, width, f);
}

int satstat_deep_report_write(const satstat_deep_report *r, const satstat_deep_phase *phase,
                              satstat_format format, FILE *f)
{
    return write_format(r, phase, format, SATSTAT_TEXT_WIDTH, f);
}

int satstat_deep_report_write_text(const satstat_deep_report *r,
                                   const satstat_deep_phase *phase, unsigned width, FILE *f)
{
    return write_format(r, phase, SATSTAT_FORMAT_TEXT, width, f);
}
