/* deep_plot-int.h — what the files of deep's figures share (deep_plot.c:
 * the per-layer figures, the phase diagram, the preset and the folder of
 * scripts; deep_plot_depth.c: the correlation map, ξ_c over the phase
 * diagram and the Jacobian's spectrum).  Private to the library. */
#ifndef SATSTAT_DEEP_PLOT_INT_H
#define SATSTAT_DEEP_PLOT_INT_H

#include <satstat/deep.h>

#include "output/figure-int.h"


/* One figure being written from the run's reports. */
typedef struct satstat__dp_ctx {
    satstat__fig g; /* the script: stream, name, folder, options, error */
    const satstat_deep_report *const *r;
    size_t n;
    const satstat_deep_phase *phase;
    int preset; /* the activations preset's figures */
} satstat__dp_ctx;

/* The toolkit's writers (figure-int.h) on this figure's script. */
#define out(c, ...) satstat__fig_out(&(c)->g, __VA_ARGS__)
#define qstr(c, text) satstat__fig_qstr(&(c)->g, text)

/* The header with the run's command line. */
void satstat__dp_header(satstat__dp_ctx *c, const satstat_deep_report *r, const char *headline,
                        const char *about);
/* The scheme names of the report (palette slots by name). */
void satstat__dp_scheme_names(const satstat_deep_report *r, const char **names);
/* Scheme s's colour, returned, and in tint the same at `opacity` over
 * white: an opaque tint, which an SVG draws as a PNG does. */
const char *satstat__dp_scheme_tint(const satstat_deep_report *r, size_t s, double opacity, char tint[8]);
/* The open twin of scheme s's filled point type. */
int satstat__dp_open_point(size_t s, size_t ns, const satstat_deep_report *r);
/* The style section: one linetype per scheme, by name. */
void satstat__dp_style_named(satstat__dp_ctx *c, const satstat_deep_report *r);

/* The figures of deep_plot_depth.c. */
void satstat__dp_fig_correlation(satstat__dp_ctx *c);
void satstat__dp_fig_cmap(satstat__dp_ctx *c);
void satstat__dp_fig_phase_xi(satstat__dp_ctx *c);
void satstat__dp_fig_phase(satstat__dp_ctx *c);
void satstat__dp_fig_jacobian(satstat__dp_ctx *c);


#endif
