/* satstat/options.h — the configuration options of satstat's commands, in
 * one table.
 *
 * Every option that configures the library's structs (satstat_config,
 * satstat_deep_options, satstat_sweep_spec) is an entry here: its long
 * name, its argument's name, the commands that take it and a setter that
 * reads the value string exactly as `satstat` reads it on the command line
 * (the parsers of satstat/parse.h and the modules, the same ranges, the
 * same messages and "did you mean").  The program's option loops and
 * satstat_request_json (satstat/request.h) both set options through
 * satstat_option_set, so a value means the same wherever it is given. */
#ifndef SATSTAT_OPTIONS_H
#define SATSTAT_OPTIONS_H

#include <satstat/export.h>

#include <stddef.h>

#include <satstat/config.h>
#include <satstat/error.h>
#include <satstat/parse.h>
#include <satstat/deep.h>
#include <satstat/sweep.h>

#ifdef __cplusplus
extern "C" {
#endif

/* The commands, as bits of satstat_option.commands. */
typedef enum satstat_command {
    SATSTAT_COMMAND_RUN = 1,
    SATSTAT_COMMAND_DEEP = 2,
    SATSTAT_COMMAND_SWEEP = 4
} satstat_command;

/* Entries in the table (an upper bound, for satstat_options.given). */
#define SATSTAT_OPTIONS_MAX 40

/* Room for a message of satstat_option_set and satstat_options_finish:
 * a library message with the quoted value added. */
#define SATSTAT_OPTION_MSG_SIZE (SATSTAT_ERRMSG_SIZE + SATSTAT_QUOTE_SIZE + 32)

/* What one command's options fill.  The caller points config (and, for
 * deep and sweep, deep or sweep) at its own structs, set to their
 * defaults; the setters record which options were given, and their text,
 * for the checks across options (satstat_options_finish) and the
 * messages.  Value strings are kept by pointer: they must outlive this. */
typedef struct satstat_options {
    satstat_command command;
    satstat_config *config;
    satstat_deep_options *deep;   /* deep: --layers ... --max-memory, --inputs normal */
    satstat_sweep_spec *sweep;    /* sweep: --vary                     */
    int analytic_only;            /* run, sweep: --analytic-only       */
    const char *given[SATSTAT_OPTIONS_MAX]; /* by table index; "" for a flag */
} satstat_options;

/* Start a satstat_options for `command` over the caller's structs (deep
 * and sweep may be NULL for the commands that have none). */
SATSTAT_API void satstat_options_init(satstat_options *o, satstat_command command,
                                      satstat_config *config, satstat_deep_options *deep,
                                      satstat_sweep_spec *sweep);

typedef struct satstat_option {
    const char *name;     /* long name without "--": "n-in"             */
    const char *arg;      /* the argument in --help ("N"); NULL: a flag */
    unsigned commands;    /* satstat_command bits                       */
    /* Read `value` (NULL for a flag) into o; SATSTAT_EINVAL with msg
     * (size bytes) saying why, naming the value, not the option. */
    int (*set)(satstat_options *o, const char *value, char *msg, size_t size);
} satstat_option;

/* The table; *count gets the number of entries.  A name may appear twice
 * with different commands (deep's --inputs and --threshold differ). */
SATSTAT_API const satstat_option *satstat_options_table(size_t *count);

/* The entry `name` of `command`, or NULL. */
SATSTAT_API const satstat_option *satstat_option_find(satstat_command command,
                                                      const char *name);

/* Set option `name` of o->command to `value` (NULL or ignored for a
 * flag).  SATSTAT_EINVAL with msg: for an unknown name "unknown option
 * 'NAME'" with the nearest name suggested; for a bad value the line
 * `satstat` prints after "--NAME: ". */
SATSTAT_API int satstat_option_set(satstat_options *o, const char *name,
                                   const char *value, char *msg, size_t size);

/* The text given for option `name`, "" for a flag, NULL when not given. */
SATSTAT_API const char *satstat_option_given(const satstat_options *o, const char *name);

/* After the options: the checks across them and the command's defaults
 * that depend on them (sweep: --vary is required, what it sets cannot be
 * given too, sigma's default scheme; deep: --active with --inputs
 * normal), then the validation the command does before any work (run:
 * satstat_config_validate and _validate_layer; deep: those of config and
 * deep options; sweep: a `file:` input read once).  SATSTAT_EINVAL with
 * msg the line `satstat` prints after "satstat: " (it names the
 * option). */
SATSTAT_API int satstat_options_finish(satstat_options *o, char *msg, size_t size);

/* The option that sets a configuration field ("--n-in" for
 * SATSTAT_FIELD_N_IN, "--expect-variance" for
 * SATSTAT_FIELD_CLAIMED_VARIANCE); "" for SATSTAT_FIELD_NONE, NULL out of
 * range.  The library's validations name the field by its member name
 * (satstat_config_field_name); the functions here write the same
 * sentences with these options in their place, as `satstat` prints them. */
SATSTAT_API const char *satstat_option_of_field(satstat_config_field field);

/* satstat_config_validate, then satstat_deep_options_validate, the
 * refusal as the line `satstat` prints after "satstat: " (naming options:
 * "--layers must be between 1 and 100000, got 0").  For a config not set
 * through the table (deep's presets). */
SATSTAT_API int satstat_options_validate_deep(satstat_config *config,
                                              const satstat_deep_options *deep, char *msg,
                                              size_t size);

/* satstat_sweep_new for a finished sweep (config, spec, analytic_only),
 * its refusal as the line `satstat` prints after "satstat: " ("--vary:
 * 'VARY': ...", VARY the --vary text). */
#define SATSTAT_SWEEP_MSG_SIZE (SATSTAT_ERRMSG_SIZE * 2 + SATSTAT_QUOTE_SIZE + 96)
SATSTAT_API int satstat_options_sweep_new(const satstat_config *config,
                                          const satstat_sweep_spec *spec, const char *vary,
                                          int analytic_only, satstat_sweep **out,
                                          char *msg, size_t size);

/* The line for a bad value: the library's reason when it quotes the value
 * already, else "invalid value 'VALUE': REASON" (the value quoted so
 * that '' and ' x' show), or "invalid value 'VALUE'" without a reason.
 * Returns buf. */
SATSTAT_API const char *satstat_bad_value_message(const char *value, const char *reason,
                                                  char *buf, size_t size);

#ifdef __cplusplus
}
#endif
#endif
