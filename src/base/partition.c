/* partition.c — a job's share on this rank and the exchange of the ranks'
 * partial results (satstat/partition.h, base/partition-int.h). */
#include <satstat/error.h>

#include <stdlib.h>
#include <string.h>

#include "base/build-int.h"
#include "base/partition-int.h"

void satstat__bytes_put(satstat__bytes *b, const void *p, size_t n)
{
    if (b->failed || n == 0)
        return;
    if (n > b->cap - b->size) {
        size_t cap = b->cap ? b->cap : 4096;
        while (cap - b->size < n) {
            if (cap > SIZE_MAX / 2) {
                b->failed = 1;
                return;
            }
            cap *= 2;
        }
        unsigned char *grown = realloc(b->data, cap);
        if (!grown) {
            b->failed = 1;
            return;
        }
        b->data = grown;
        b->cap = cap;
    }
    memcpy(b->data + b->size, p, n);
    b->size += n;
}

void satstat__bytes_free(satstat__bytes *b)
{
    free(b->data);
    memset(b, 0, sizeof *b);
}

int satstat__read(satstat__reader *r, void *out, size_t n)
{
    if (n > r->left)
        return -1;
    if (n)
        memcpy(out, r->p, n);
    r->p += n;
    r->left -= n;
    return 0;
}

int satstat__partition_active(const satstat_partition *p)
{
    return p && p->size > 1;
}

void satstat__partition_share(const satstat_partition *p, uint64_t count,
                              uint64_t unit, uint64_t *first, uint64_t *end)
{
    if (!satstat__partition_active(p) || unit == 0) {
        *first = 0;
        *end = count;
        return;
    }
    uint64_t units = count / unit + (count % unit != 0);
    /* ⌊U·k/K⌋ without overflow: U < 2^64 / K is not guaranteed, so in
     * two parts (U = q·K + r) */
    uint64_t K = p->size, q = units / K, rest = units % K;
    uint64_t u0 = q * p->rank + rest * p->rank / K;
    uint64_t u1 = q * (p->rank + 1) + rest * (p->rank + 1) / K;
    *first = u0 * unit < count ? u0 * unit : count;
    *end = u1 * unit < count ? u1 * unit : count;
}

uint64_t satstat__partition_block_unit(const satstat_partition *p, uint64_t blocks)
{
    if (!satstat__partition_active(p))
        return blocks ? blocks : 1;
    uint64_t want = 4u * (uint64_t)p->size, unit = 1;
    while (unit <= UINT64_MAX / 2 && blocks / (unit * 2) >= want)
        unit *= 2;
    return unit;
}


/* Each rank's message: a header, then its payload. */
typedef struct piece_header {
    char magic[8];      /* "satstat1": a message of this format          */
    int32_t status;     /* the rank's outcome                             */
    uint32_t size_of_double_and_order; /* sizeof(double) << 8 | 1 on a
                                          little-endian machine          */
    uint64_t payload;   /* payload bytes after the header                 */
    char platform[48];  /* the BLAS kernel ("" without OpenBLAS)          */
} piece_header;

static void platform_name(char *out, size_t size)
{
    memset(out, 0, size);
    /* OpenBLAS names the kernel it picked for this CPU; two ranks with
     * different kernels sum a product in different orders.  Without
     * OpenBLAS, GSL's reference CBLAS is the same code everywhere. */
    char *(*corename)(void);
    *(void **)&corename = satstat__openblas_function("openblas_get_corename");
    const char *core = corename ? corename() : NULL;
    if (core)
        strncpy(out, core, size - 1);
}

int satstat__partition_exchange(const satstat_partition *p, int status,
                                const satstat__bytes *mine, int same_platform,
                                void **all, satstat__reader *pieces)
{
    *all = NULL;
    if (!satstat__partition_active(p)) {
        if (status != SATSTAT_OK || !pieces)
            return status != SATSTAT_OK ? status : SATSTAT_EINVAL;
        pieces[0].p = mine->data;
        pieces[0].left = mine->size;
        return SATSTAT_OK;
    }
    if (!p->allgather || p->rank >= p->size)
        return SATSTAT_EINVAL;
    if (!pieces && status == SATSTAT_OK)
        status = SATSTAT_ENOMEM;
    const uint16_t one = 1;
    unsigned char little;
    memcpy(&little, &one, 1);
    piece_header h;
    memset(&h, 0, sizeof h);
    memcpy(h.magic, "satstat1", 8);
    if (status == SATSTAT_OK && mine->failed)
        status = SATSTAT_ENOMEM;
    h.status = status;
    h.size_of_double_and_order = (uint32_t)sizeof(double) << 8 | little;
    h.payload = status == SATSTAT_OK ? mine->size : 0;
    platform_name(h.platform, sizeof h.platform);

    satstat__bytes msg = {0};
    satstat__bytes_put(&msg, &h, sizeof h);
    if (h.payload)
        satstat__bytes_put(&msg, mine->data, mine->size);
    if (msg.failed) {
        /* still take part, with the header alone on the stack */
        h.status = SATSTAT_ENOMEM;
        h.payload = 0;
        satstat__bytes_free(&msg);
        msg.data = (unsigned char *)&h;
        msg.size = sizeof h;
    }
    void *buf = NULL;
    size_t buf_size = 0;
    int sent = p->allgather(p->ctx, msg.data, msg.size, &buf, &buf_size);
    if (msg.data != (unsigned char *)&h)
        satstat__bytes_free(&msg);
    if (sent != 0) {
        free(buf);
        return SATSTAT_EIO;
    }

    /* every rank reads every header the same way: the same verdict */
    satstat__reader r = {buf, buf_size};
    int verdict = SATSTAT_OK;
    for (unsigned k = 0; k < p->size; k++) {
        piece_header hk;
        if (satstat__read(&r, &hk, sizeof hk) != 0 || memcmp(hk.magic, "satstat1", 8) != 0 ||
            hk.payload > r.left) {
            verdict = verdict ? verdict : SATSTAT_EIO;
            break;
        }
        if (hk.status != SATSTAT_OK && verdict == SATSTAT_OK)
            verdict = hk.status;
        if (verdict == SATSTAT_OK && hk.size_of_double_and_order != h.size_of_double_and_order)
            verdict = SATSTAT_EPLATFORM;
        if (verdict == SATSTAT_OK && same_platform &&
            memcmp(hk.platform, h.platform, sizeof h.platform) != 0)
            verdict = SATSTAT_EPLATFORM;
        if (pieces) {
            pieces[k].p = r.p;
            pieces[k].left = (size_t)hk.payload;
        }
        r.p += hk.payload;
        r.left -= (size_t)hk.payload;
    }
    if (verdict != SATSTAT_OK) {
        free(buf);
        return verdict;
    }
    *all = buf;
    return SATSTAT_OK;
}
