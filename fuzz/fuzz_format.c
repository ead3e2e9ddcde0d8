/* fuzz_format.c — satstat_format_parse() (satstat/report.h).
 *
 * Input: a report format name, as typed after --format.
 * Invariants: OK exactly for "text", "json", "csv", "html" in any ASCII case
 * (mapped to their enum values), else EINVAL with a one-line message.
 */
#include "fuzz.h"

#include <stdlib.h>
#include <string.h>

#include <satstat/error.h>
#include <satstat/report.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const char *const names[] = {"text", "json", "csv", "html"};
    static const satstat_format values[] = {SATSTAT_FORMAT_TEXT, SATSTAT_FORMAT_JSON,
                                            SATSTAT_FORMAT_CSV, SATSTAT_FORMAT_HTML};
    enum { N = sizeof names / sizeof names[0] };
    char *text = fuzz_cstring(data, size), *msg;
    satstat_format f = SATSTAT_FORMAT_TEXT, quiet;
    size_t i, match = N;
    int rc;

    if (text == NULL)
        return 0;
    for (i = 0; i < N; i++)
        if (fuzz_same_name(text, names[i]))
            match = i;
    msg = fuzz_msg_new();
    rc = satstat_format_parse(text, &f, msg, SATSTAT_ERRMSG_SIZE);
    FUZZ_CHECK(rc == (match < N ? SATSTAT_OK : SATSTAT_EINVAL),
               "format_parse(%s) returned %d", fuzz_show(text), rc);
    FUZZ_CHECK(satstat_format_parse(text, &quiet, NULL, 0) == rc,
               "format_parse(%s) depends on msg", fuzz_show(text));
    if (rc == SATSTAT_OK)
        FUZZ_CHECK(f == values[match], "format_parse(%s) = %d",
                   fuzz_show(text), (int)f);
    else
        /* regressions/format: the message once held the text as is,
         * control bytes and a UTF-8 character cut in half included */
        fuzz_check_msg("satstat_format_parse", msg, text);
    free(msg);
    free(text);
    return 0;
}
