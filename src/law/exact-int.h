/* exact-int.h — inside the exact law (satstat/exact.h).
 *
 * The method is described at the top of exact.c; its stages live in
 *   exact.c          the handle, laws and their validation, the queries
 *   exact_cf.c       accurate small functions, quadrature, each term's CF,
 *                    cumulant generating function and envelope
 *   exact_prepare.c  preparation: exact pieces, Chernoff range, CF nodes
 *   exact_direct.c   the direct engine; F and f of the prepared law at z
 *   exact_sphere.c   sphere mode (a row of a Haar orthogonal matrix)
 *   exact_tails.c    far tails along a shifted contour
 *   exact_expect.c   E[g(z)]
 * This header holds what they share: the tuning constants, the types and
 * the functions one file calls in another (satstat__exact_*: linked inside
 * the library, not part of its API); everything else is static in its
 * file. */
#ifndef SATSTAT_EXACT_INT_H
#define SATSTAT_EXACT_INT_H

#include <satstat/error.h>
#include <satstat/exact.h>

#include "base/gsl-int.h"

#include <complex.h>

/* glibc defines CMPLX only for GCC ≥ 4.7 and clang reports itself as GCC
 * 4.2: give clang the builtin the C11 macro stands for. */
#ifndef CMPLX
#define CMPLX(x, y) __builtin_complex((double)(x), (double)(y))
#endif

#include <float.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <gsl/gsl_cdf.h>
#include <gsl/gsl_errno.h>
#include <gsl/gsl_fft_complex.h>
#include <gsl/gsl_integration.h>
#include <gsl/gsl_math.h>
#include <gsl/gsl_randist.h>
#include <gsl/gsl_sf_gamma.h>
#include <gsl/gsl_sf_expint.h>

/* ---- tuning ------------------------------------------------------------------ */

#define TAIL_EPS 1e-16       /* Chernoff target for the mass outside each side */
#define PERIOD_MARGIN 1.25   /* 2π/Δ = margin · (L₋ + L₊)                       */
#define TRUNC_TOL_CDF 1e-13  /* target truncation bound of F                    */
#define TRUNC_TOL_PDF 1e-12  /* ... of the density, times sd                    */
#define KMAX_CHEAP (1u << 16)  /* node cap, closed-form terms only            */
#define KMAX_COSTLY (1u << 13) /* node cap with quadrature terms              */
#define MEXACT 12            /* most uniforms in one exact piece                */
#define PIECES_MAX 4096
#define PIECE_TERMS_MAX (1u << 18)
#define PIECE_STAB_MAX 1e5   /* largest term of the alternating sum allowed   */
#define PIECE_WMIN 1e-30     /* configurations lighter than this are skipped  */
#define MERGE_LOOKBACK 64
#define QUAD_LIMIT 1000
#define TN_CLIP 40.0         /* standardised range kept of a truncated normal */
#define TN_REACH 35.0        /* [lo, hi] must reach within this many sd       */
#define GAP_POINTS 1601

enum { F_CONST, F_NORMAL, F_UNIFORM, F_TRUNC };

typedef struct slaw {
    int fam;
    double mean, var;
    double a, b;        /* CONST: a.  NORMAL: mean a, sd b.  UNIFORM: centre
                           a, half-width b.  TRUNC: parent mean a, sd b.     */
    double alpha, beta; /* TRUNC: standardised bounds (may be infinite)     */
    double ulo, uhi;    /* TRUNC: the standardised range integrated over     */
    double lz;          /* TRUNC: log Z, Z = Φ(β) − Φ(α)                     */
    double zc;          /* TRUNC: 1 − Z                                      */
    double ubar;        /* TRUNC: E[(Y − a)/b]                               */
    double lo, hi;      /* support                                           */
    double fmax;        /* largest density (UNIFORM, TRUNC)                  */
    double c3, c4;      /* third and fourth central moments                  */
} slaw;

enum { K_SIMPLE, K_PROD_NN, K_PROD };

typedef struct comp {
    int kind;
    slaw base;          /* K_SIMPLE                                          */
    slaw outer, inner;  /* K_PROD: outer UNIFORM/TRUNC, inner NORMAL/UNIFORM;
                           K_PROD_NN: outer = x, inner = w, both NORMAL      */
    int has_inner;      /* inner law used (products)                         */
    double p;           /* (1 − p)·δ0 + p·base                               */
    uint64_t n;
    double bmean, bvar; /* of the base (product)                             */
    double mean, var;   /* of one term                                       */
    double ext_lo, ext_hi; /* one term's support relative to its mean        */
    int costly;         /* its CF needs quadrature                           */
    double bc3, bc4;    /* base: third, fourth central moments               */
    double c3, c4;      /* one term: the same                                */
    double brho, rho;   /* bounds of E|Y − EY|³, base and term               */
} comp;

/* ---- pieces (exact, closed form) --------------------------------------------------- */

typedef struct piece {
    double w;       /* probability                                          */
    double loc;     /* centre of the piece (the point mass when m = 0)      */
    double dshift;  /* loc − μ, computed without cancellation                */
    int m;          /* number of uniforms                                   */
    double H;       /* half-span Σ k_j h_j                                  */
    double lognorm; /* Σ k_j log(2h_j)                                       */
    double stab;    /* largest term of the alternating sum (rounding scale) */
    size_t koff;    /* counts of the uniform groups in e->pk[koff ..]       */
} piece;

/* ---- the handle ------------------------------------------------------------------- */

struct satstat_exact {
    comp *comps;
    size_t ncomp, capcomp;
    uint64_t total;
    comp bias;

    /* prepared state */
    int prepared;
    double mean, var, sd;
    piece *pieces;
    size_t npieces;
    uint16_t *pk;      /* counts per uniform group, per piece              */
    size_t nug;        /* uniform groups                                   */
    double *ug_h;      /* their half-widths                                */
    double exact_mass; /* Σ piece weights                                  */
    double piece_round;/* rounding allowance of the pieces                 */
    double neglected;  /* mass of configurations skipped                    */
    double mass_rem;   /* mass of the inverted remainder                   */
    double Lm, Lp;     /* inversion range [μ − L₋, μ + L₊]                  */
    double tail;       /* Chernoff bound of the mass outside it            */
    double delta;      /* node spacing                                     */
    size_t K;
    double complex *psi; /* centred CF of the remainder at t_k            */
    double absF, absf;   /* Σ|ψ_k|/(k + ½), Σ|ψ_k|: rounding scales       */
    double truncF, truncf;
    double nodeF, nodef; /* quadrature errors of the nodes, in F and f     */
    int direct;          /* remainder by QAG + QAWF per query             */
    int direct_real;     /* ... and its centred CF is real                */
    double T0;           /* end of the QAG head of the direct integrals    */
    int tilt_ok;         /* far tails by the shifted contour (tilt_tail)   */
    double tilt_max;     /* ... for 0 < θ < tilt_max                       */
    double atom_at, log_atom; /* its point mass (log 0 = −inf: none)     */

    /* sphere mode (satstat_exact_set_sphere): z = sph_c·T + bias, T a
     * coordinate of a point uniform on S^{m−1}; no components then */
    int sphere;
    double sph_c, sph_m;
    double sph_lnb;      /* log B(½, (m−1)/2)                             */
    double sph_tmax;     /* θ integrated over [−tmax, tmax]               */
};

/* The functions below have external linkage only to reach the other
 * files: the shared library does not export them (it is built with
 * hidden visibility and they carry no SATSTAT_API, satstat/export.h). */

/* exact.c */
void satstat__exact_unprepare(satstat_exact *e);

/* exact_cf.c */
double satstat__exact_sincm1(double x);
double complex satstat__exact_gfun(double x);
void satstat__exact_clog1p(double complex d, double *lr, double *ph);
double satstat__exact_logaddexp(double a, double b);
double satstat__exact_phase_times(uint64_t n, double ph);
int satstat__exact_quad(double (*f)(double, void *), void *ctx, double lo, double hi,
                        double epsabs, double epsrel, gsl_integration_workspace *ws,
                        double *res, double *err);
int satstat__exact_slaw_make(const satstat_exact_law *L, slaw *s,
                             gsl_integration_workspace *ws);
double satstat__exact_phi_diff(double a, double b);
double satstat__exact_unif_moment(double c, double d, int k);
double satstat__exact_gauss_outer(const slaw *o, double a);
void satstat__exact_prodnn_logpsi(const comp *c, double t, double *lr, double *ph);
int satstat__exact_comp_logpsi(const comp *c, double t, gsl_integration_workspace *ws,
                               double *lr, double *ph, double *err);
int satstat__exact_comp_cgf(const comp *c, double lam, gsl_integration_workspace *ws,
                            double *k);
double satstat__exact_base_envelope(const comp *c, double t);
double satstat__exact_comp_envelope(const comp *c, double t);
int satstat__exact_cmp_double(const void *a, const void *b);

/* exact_direct.c */
double complex satstat__exact_piece_cf(const satstat_exact *e, const piece *pc,
                                      double t);
int satstat__exact_comp_direct_ok(const comp *c, int *real);
double complex satstat__exact_psi_direct(const satstat_exact *e, double t);
double satstat__exact_piece_tail(const satstat_exact *e, const piece *pc, double z,
                                 int upper);
double satstat__exact_piece_pdf(const satstat_exact *e, const piece *pc, double z);
double satstat__exact_rem_tail(const satstat_exact *e, double z, int upper,
                               double *err);
double satstat__exact_rem_pdf(const satstat_exact *e, double z, double *err);
double satstat__exact_err_prob(const satstat_exact *e);
double satstat__exact_err_pdf(const satstat_exact *e);

/* exact_sphere.c */
double satstat__exact_sph_tail(const satstat_exact *e, double z, int upper,
                               double *err);
double satstat__exact_sph_pdf(const satstat_exact *e, double z, double *err);
int satstat__exact_sph_expectation(const satstat_exact *e, double (*g)(double, void *),
                                   void *ctx, satstat_exact_result *out);
void satstat__exact_sph_prepare(satstat_exact *e);

/* exact_tails.c */
int satstat__exact_tilt_applicable(const comp *comps, size_t nc,
                                   const comp *bias, double *theta_max,
                                   double *atom_at, double *log_atom);
int satstat__exact_tilt_tail(const satstat_exact *e, double z, int upper, double *value,
                             double *abserr);

/* exact_expect.c */
int satstat__exact_expect(satstat_exact *e, double (*g)(double z, void *ctx),
                          void *ctx, satstat_exact_result *out);


#endif
