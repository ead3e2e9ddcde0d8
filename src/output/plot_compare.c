/* plot_compare.c — figure 2 of a run: every scheme's density of z on one
 * axis, and a zoom (plot-int.h). */

#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include <satstat/error.h>
#include <satstat/exact.h>
#include <satstat/parse.h>
#include <satstat/sampler.h>
#include <satstat/stats.h>

#include "output/plot-int.h"

/* ======================================================================
 * Figure 2: every scheme on one axis, and a zoom
 * ====================================================================== */

/* The sampled band's line width (band_room) */
#define BAND_WIDTH "6"

/* Schemes whose numbers a legend below the panels gives a row each, "standard: σ² = 501,
 * P(|z| ≥ 4) = 0.858"; more: where they are */
#define BELOW_NUMBER_ROWS 3

/* A scheme whose highest density on the whole z axis is below 1/SMALL_PEAK
 * of the panel's is drawn there magnified (whole_axis_factor) */
#define SMALL_PEAK 8.0

/* The factor a scheme's density is drawn times in the whole-axis panel
 * beside a zoom: 1, or for a scheme SMALL_PEAK times lower than the
 * panel's peak the largest of 2, 5, 10, 20, 50, ... that keeps it under 0.6
 * of that peak.  On a linear axis shared with scaled's 0.33, standard's
 * N(0, 501) peaked at 0.018, 27 px on a slide: its sampled band could not
 * be told from its formula (figure review 19, S1).  The zoom keeps every
 * density as it is. */
static double whole_axis_factor(const ctx *c, size_t i)
{
    const sview *v = &c->v[i];
    if (v->constant || c->X < 3 * c->Z)
        return 1;
    double peak_full = 0;
    for (size_t j = 0; j < c->ns; j++)
        if (!c->v[j].constant)
            peak_full = fmax(peak_full, fmax(satstat__pl_hist_peak(c, j, -c->X, c->X),
                                             satstat__pl_pdf_peak(c, j, -c->X, c->X)));
    double own = fmax(v->s ? satstat__pl_hist_peak(c, i, -c->X, c->X) : 0, satstat__pl_pdf_peak(c, i, -c->X, c->X));
    if (!(own > 0) || own * SMALL_PEAK > peak_full)
        return 1;
    double k = 1;
    for (double decade = 1; decade < 1e9; decade *= 10) {
        const double steps[] = {2, 5, 10};
        for (size_t s = 0; s < 3; s++)
            if (own * decade * steps[s] <= 0.6 * peak_full)
                k = decade * steps[s];
    }
    return k;
}

/* Scheme i's whole_axis_factor (1 for a point mass), and its name as
 * enhanced text when it is drawn magnified (the panel's corner label and
 * the key's row say so). */
static double magnified(const ctx *c, size_t i, char name[SATSTAT_SPEC_SIZE * 2])
{
    double k = whole_axis_factor(c, i);
    name[0] = '\0';
    if (k > 1)
        satstat__tex_escape(c->v[i].name, name, SATSTAT_SPEC_SIZE * 2);
    return k;
}

/* The layers and the legend: the histograms, the formula densities, the
 * saturated region and each scheme's law and formula fraction.  With two
 * panels the legend goes below them (satstat__pl_layout_section): its rows
 * with a sample short, a scheme's two side by side in its column ("standard:
 * sampled", "standard: formula"), two or three columns across; its numbers
 * in rows of text under them (at 3.5 in its seven rows in one column left
 * the panels 40 % of the height: figure review 18, S4). */
static void compare_layers(ctx *c, int panels)
{
    char m1[SATSTAT_DOUBLE_SIZE], t[ELEM_TITLE], src[ELEM_SRC];
    char band_style[SATSTAT_MAX_SCHEMES][ELEM_STYLE], line_style[SATSTAT_MAX_SCHEMES][ELEM_STYLE];
    c->nel = 0;
    /* every histogram first, as a wide pale outline in the scheme's colour
     * (40 % of it on white), then every formula line over them all,
     * thinner and in the full colour: where they coincide both stay seen,
     * the line inside its band; their legend rows after them, a scheme's
     * two together */
    for (size_t i = 0; i < c->ns; i++) {
        const sview *v = &c->v[i];
        if (v->constant || !v->s)
            continue;
        char pale[8];
        satstat__gp_over_white(satstat__palette[satstat__pl_series_slot(c, i)], 0.4, pale);
        /* the band kept inside the panel (band_room) */
        snprintf(src, sizeof src, "$hist%zu using (band_at($1, $0, hist%zu_width)):($2 * drawn_times%zu)", i + 1, i + 1, i + 1);
        snprintf(band_style[i], sizeof band_style[i],
                 "with lines linecolor rgb '%s' linewidth " BAND_WIDTH " dashtype 1", pale);
        satstat__pl_add(c, src, NULL, "%s", band_style[i]);
    }
    for (size_t i = 0; i < c->ns; i++) {
        const sview *v = &c->v[i];
        if (v->constant) {
            snprintf(src, sizeof src, "$mass%zu using 1:(mass_height)", i + 1);
            snprintf(line_style[i], sizeof line_style[i], "with impulses linetype %zu linewidth 6", i + 1);
        } else {
            snprintf(src, sizeof src, "$pdf%zu using 1:($2 * drawn_times%zu)", i + 1, i + 1);
            snprintf(line_style[i], sizeof line_style[i], "with lines linetype %zu linewidth 2.5", i + 1);
        }
        satstat__pl_add(c, src, NULL, "%s", line_style[i]);
    }
    for (size_t i = 0; i < c->ns; i++) {
        const sview *v = &c->v[i];
        char law[96];
        if (!v->constant && v->s) {
            snprintf(t, sizeof t, "%s: sampled", v->name);
            satstat__pl_add(c, NULL, t, "%s", band_style[i]);
        }
        /* the law in the row beside the panel; below, in the rows of text */
        satstat__pl_law_text(v, law, sizeof law);
        if (panels == 2)
            snprintf(t, sizeof t, "%s: %s", v->name, satstat__pl_formula_word(v));
        else
            snprintf(t, sizeof t, "%s: %s %s", v->name, satstat__pl_formula_word(v), law);
        satstat__pl_add(c, NULL, t, "%s", line_style[i]);
    }
    satstat__pl_region_legend(c, t, sizeof t);
    satstat__pl_add(c, NULL, t, "with boxes fillcolor rgb shade fillstyle solid 1.0");
    if (c->ns > SATSTAT__PALETTE_SIZE)
        return;
    char what[ELEM_TITLE];
    if (c->region_default)
        snprintf(what, sizeof what, "P(|z| ≥ %s)", satstat__pl_num(c->T, m1));
    else if (panels == 2 && strstr(c->region_utf, " or "))
        snprintf(what, sizeof what, "P(saturated)"); /* several intervals: too long for a row */
    else
        snprintf(what, sizeof what, "P(%s)", c->region_utf);
    if (panels == 2) {
        /* below the panels: a scheme's law and formula fraction on a row
         * (at 3.5 in fig2 showed no P(|z| ≥ 4) anywhere: figure review 17,
         * S6): the formula's, as the rows "...: formula" above say */
        for (size_t i = 0; i < c->ns && c->ns <= BELOW_NUMBER_ROWS; i++) {
            const sview *v = &c->v[i];
            char name[SATSTAT_SPEC_SIZE * 2], law[96], f[SATSTAT__FIG_NUM_SIZE];
            satstat__tex_escape(v->name, name, sizeof name);
            satstat__pl_law_text(v, law, sizeof law);
            satstat__fig_num(satstat__pl_formula_fraction(v), 3, f);
            satstat__pl_text_line(c, "%s: %s, %s = %s", name, law, what, f);
            satstat__pl_below_only(c);
        }
        if (c->ns > BELOW_NUMBER_ROWS) {
            satstat__pl_text_line(c, "laws and %s (formula): in the report", what);
            satstat__pl_below_only(c);
        }
        /* a magnified density named in the key too, not only by the
         * panel's corner label (figure review 20, S1) */
        for (size_t i = 0; i < c->ns; i++) {
            char name[SATSTAT_SPEC_SIZE * 2];
            double k = magnified(c, i, name);
            if (!(k > 1))
                continue;
            satstat__pl_text_line(c, "%s: drawn ×%g on the whole z axis", name, k);
            satstat__pl_below_only(c);
        }
        return;
    }
    satstat__pl_text_line(c, " ");
    if (c->region_default)
        satstat__pl_text_line(c, "%s", what);
    else
        satstat__pl_region_probability_lines(c, "");
    satstat__pl_formula_rows(c, satstat__pl_formula_fraction, NULL, NULL);
}

/* The sampled band is a line BAND_WIDTH wide: centred on the data it
 * lay half below the axis where the density is 0 (the tails) and its end
 * half past the panel's right frame (figure review 7, S9).  So the y axis
 * starts band_y below 0 (its whole width and a pixel: the mitred corners
 * of its steps reach half a width below a step's foot, and its edge is
 * antialiased), the ticks from 0, and the band keeps its whole width
 * (6 * scale PNG pixels) inside the panel sideways, within |z| <= band_x,
 * as below 0: at half of it, the mitred corner of its last step reached
 * 4 px past the zoom's frame at 1280 x 800 (figure review 16):
 * band_at(z, row, width) draws the bins inside whole, the bin an end cuts
 * up to band_x, and none outside.  A row is a bin's lower edge when its
 * number is even, its upper edge when odd ($hist).  Dropping the rows past
 * band_x instead left out the whole bin the end cuts: standard's band in
 * fig2's zoom stopped at |z| = 4.5 of 5, inside the saturated region
 * (figure review 16, M2).  Every value is drawn where it is: lifting the values below band_y to it
 * drew a flat false ledge above the formula's tails (figure review 15,
 * M5.1: standard's band at 0.012 from z = -95 to 95, its formula about 0
 * beyond |z| = 60).  After the panel's x range [-xmax, xmax] and ticks;
 * sets the y range [-band_y, ymax]. */
static void band_room(ctx *c, const char *xmax, const char *ymax)
{
    out(c, "band_x = (%s) * (1 - 2 * " BAND_WIDTH " * scale / width / panel_w)   # the sampled band inside the panel\n"
           "band_lo(z, row, w) = (int(row) %% 2) ? z - w : z   # the bin's lower and upper edge\n"
           "band_hi(z, row, w) = (int(row) %% 2) ? z : z + w\n"
           "band_at(z, row, w) = (band_hi(z, row, w) < -band_x || band_lo(z, row, w) > band_x) ? NaN : "
           "(z < -band_x ? -band_x : (z > band_x ? band_x : z))\n"
           "band_y = (%s) * (" BAND_WIDTH " * scale + 1) / height / panel_h   # room under 0 for the band (its steps' mitred corners: a whole width, and a pixel)\n"
           "set yrange [-band_y:%s]\n",
        xmax, ymax, ymax);
}

void satstat__pl_fig_compare(ctx *c)
{
    char m1[SATSTAT_DOUBLE_SIZE], m2[SATSTAT_DOUBLE_SIZE], t[ELEM_TITLE];
    int allc = satstat__pl_all_constant(c);
    const char *about[] = {
        "The density of z under every scheme on one z axis, as the seed compares",
        "them: the sampled histograms as wide pale bands in the scheme's colour",
        "(outlines, not fills, whose overlaps would mix into colours no legend",
        "row has) and the formula densities as thin full-colour lines over them.",
        "When the z axis is more than 3 times the zoom, below, the same zoomed on",
        "the narrow middle, where a scheme with a small Var z lives.  Shaded: the",
        "saturated region.  Point masses (Var z = 0) are drawn as spikes.  With a",
        "zoom, a density under an eighth of the highest is drawn magnified on the",
        "whole axis, by the factor its label there gives.",
    };
    int zoom = c->X >= 3 * c->Z; /* a zoom panel only when it zooms */
    int panels = zoom ? 2 : 1;
    compare_layers(c, panels);
    /* at a paper size the legend's rows (two per scheme) go below the plot:
     * a canvas that keeps the plot half the height (figure review 18, S4) */
    char note[400];
    unsigned asked_height = c->g.o.height;
    satstat__pl_fit_half(c, panels, note, sizeof note);
    const char *lines[sizeof about / sizeof about[0] + 2];
    size_t nl = 0;
    for (size_t k = 0; k < sizeof about / sizeof about[0]; k++)
        lines[nl++] = about[k];
    if (note[0]) {
        lines[nl++] = "";
        lines[nl++] = note;
    }
    satstat__pl_header(c, "every scheme on one axis, and a zoom", lines, nl);
    satstat__pl_output_section(c);
    if (note[0])
        satstat__fig_taller_note(&c->g, asked_height, "its legend below the plot needs it");
    satstat__pl_style_section(c, c->ns);

    satstat__pl_layout_section(c, panels, 0);

    rule(c, "numbers");
    satstat__pl_assign(c, "T = %s\tsaturation threshold: a unit is saturated when |z| >= T\n",
        satstat__pl_num(c->T, m1));
    satstat__pl_assign_region(c);
    satstat__pl_assign(c, "zmax = %s\ttop panel: mean +- %g sd of every scheme, at least +- %g T, rounded up\n",
        satstat__pl_num(c->X, m1), AXIS_SDS, AXIS_T);
    if (zoom)
        satstat__pl_assign(c, "zoom = %s\tbottom panel: +- %g, or +- %g T when that is wider\n",
            satstat__pl_num(c->Z, m1), ZOOM_MIN, ZOOM_T);
    double peak_full = 0, peak_zoom = 0;
    for (size_t i = 0; i < c->ns; i++) {
        peak_full = fmax(peak_full, fmax(satstat__pl_hist_peak(c, i, -c->X, c->X), satstat__pl_pdf_peak(c, i, -c->X, c->X)));
        peak_zoom = fmax(peak_zoom, fmax(satstat__pl_hist_peak(c, i, -c->Z, c->Z), satstat__pl_pdf_peak(c, i, -c->Z, c->Z)));
    }
    if (allc) {
        satstat__pl_assign(c, "ymax = %s\ta probability: at most 1, with headroom\n"
               "ymax_zoom = ymax\n",
            satstat__pl_num(HEADROOM, m1));
    } else {
        if (!(peak_zoom > 0))
            peak_zoom = peak_full; /* nothing in the zoom: keep the scale */
        satstat__pl_assign(c, "ymax = %s\t%g x the highest density in the top panel, rounded up\n",
            satstat__pl_num_up(HEADROOM * peak_full, m1), HEADROOM);
        satstat__pl_assign(c, "ymax_zoom = %s\t%g x the highest density in the zoom, rounded up\n",
            satstat__pl_num_up(HEADROOM * peak_zoom, m2), HEADROOM);
    }
    for (size_t i = 0; i < c->ns; i++)
        if (c->v[i].constant) {
            satstat__pl_assign(c, "mass_height = %s\ta point mass (Var z = 0) is drawn as a spike this high\n",
                allc ? "1" : "ymax / 1.2");
            break;
        }

    /* a small density drawn magnified on the whole axis: its factor (set
     * in the top panel, 1 in the zoom) */
    for (size_t i = 0; i < c->ns; i++)
        if (!c->v[i].constant)
            satstat__pl_assign(c, "drawn_times%zu = %g\t%s's density as drawn in the top panel: %s\n", i + 1,
                whole_axis_factor(c, i), c->v[i].name,
                whole_axis_factor(c, i) > 1 ? "magnified, its peak under an eighth of the panel's" : "as it is");

    rule(c, "data");
    for (size_t i = 0; i < c->ns; i++) {
        const sview *v = &c->v[i];
        if (v->constant) {
            satstat__pl_mass_block(c, i);
            continue;
        }
        if (v->s)
            satstat__pl_hist_block(c, i);
        satstat__pl_pdf_block(c, i, -c->X, c->X);
    }

    rule(c, "title and axes");
    if (zoom)
        snprintf(t, sizeof t, "Density of z under every scheme; the second panel zoomed on [−%s, %s]",
                 satstat__pl_num(c->Z, m1), satstat__pl_num(c->Z, m2));
    else
        snprintf(t, sizeof t, "Density of z under every scheme");
    satstat__pl_multiplot_title(c, t);
    out(c, "set xlabel 'z'\nset ylabel %s\n", allc ? "'probability'" : "'density of z'");

    rule(c, zoom ? "top panel: the whole z axis" : "the plot");
    satstat__pl_panel(c, panels, 0);
    out(c, "set xrange [-zmax:zmax]\n");
    satstat__pl_ticks(c, "-zmax", "zmax", "0", "ymax");
    band_room(c, "zmax", "ymax");
    if (c->region_default)
        out(c, "# layer 1: the saturated region |z| >= T\n");
    else
        out(c, "# layer 1: the saturated region %s (rule %s)\n", c->region_txt, c->rule_txt);
    satstat__pl_shade_layer(c);
    /* a magnified density's label in the upper left corner, clear of the
     * narrow schemes' peaks in the middle: its name, and under it the
     * factor, in its colour (one line ran into scaled's peak at 3.5 in) */
    size_t labels = 0;
    for (size_t i = 0; i < c->ns; i++) {
        char name[SATSTAT_SPEC_SIZE * 2];
        double k = magnified(c, i, name);
        if (!(k > 1))
            continue;
        out(c, "set label %zu '%s' at graph 0.03, graph 0.95 offset 0, %g left front textcolor linetype %zu\n"
               "set label %zu '×%g' at graph 0.03, graph 0.95 offset 0, %g left front textcolor linetype %zu   # drawn %g times here; as it is in the zoom\n",
            20 + labels, name, 0 - 1.1 * (double)labels, i + 1, 21 + labels, k, -1 - 1.1 * (double)labels, i + 1, k);
        labels += 2;
    }
    out(c, "# layers: the sampled histograms, then the formula densities over them\n");
    satstat__pl_plot_layers(c);
    for (size_t k = 0; k < labels; k++)
        out(c, "unset label %zu\n", 20 + k);

    if (zoom) {
    rule(c, "bottom panel: the zoom");
    satstat__pl_panel(c, 2, 1);
    /* the axis says it is the zoom (side by side, the title's tail 'the
     * second panel zoomed on ...' may be cut at a small size), at every size:
     * 'z' on the slide and 'z (zoom)' in print named one axis two ways
     * (figure review 17, N14) */
    out(c, "set xlabel 'z (zoom)'\n");
    out(c, "set xrange [-zoom:zoom]\n");
    satstat__pl_ticks(c, "-zoom", "zoom", "0", "ymax_zoom");
    band_room(c, "zoom", "ymax_zoom");
    for (size_t i = 0; i < c->ns; i++)
        if (!c->v[i].constant && whole_axis_factor(c, i) > 1)
            out(c, "drawn_times%zu = 1   # the zoom: as it is\n", i + 1);
    for (size_t i = 0; i < c->ns; i++)
        if (c->v[i].constant && !allc) {
            satstat__pl_assign(c, "mass_height = ymax_zoom / 1.2\ton the zoom's scale\n");
            break;
        }
    satstat__pl_plot_layers(c);
    }
    rule(c, "the legend and the numbers");
    satstat__pl_legend_panel(c);
}
