/* config-int.h — how a validation message spells the fields it names.
 *
 * The library's validations name a field by its C member name
 * (satstat_config_field_name: "n_in"); the program's messages name its
 * option ("--n-in").  The one table that knows the options
 * (src/api/options.c) passes its spellings in, so the program's sentence
 * is composed here once, with the right word in each place, and no
 * message is rewritten afterwards. */
#ifndef SATSTAT_CONFIG_INT_H
#define SATSTAT_CONFIG_INT_H

#include <stddef.h>

#include <satstat/config.h>
#include <satstat/deep.h>
#include <satstat/sweep.h>

/* names[f] spells field f, for every f < SATSTAT_FIELD_COUNT; NULL: the
 * member names. */
typedef const char *const *satstat__field_names;

/* The word for `field` in a message. */
const char *satstat__field(satstat__field_names names, satstat_config_field field);

/* satstat_config_validate, _validate_layer, _region, satstat_inputs_resolve,
 * satstat_deep_options_validate and satstat_sweep_new with the fields
 * spelled by `names` and the message cut to msg_size bytes; `field` may
 * be NULL. */
int satstat__config_validate(satstat_config *config, satstat__field_names names,
                             satstat_config_field *field, char *msg, size_t msg_size);
int satstat__config_validate_layer(const satstat_config *config, satstat__field_names names,
                                   satstat_config_field *field, char *msg, size_t msg_size);
int satstat__config_region(const satstat_config *config, satstat_region *out,
                           satstat__field_names names, char *msg, size_t msg_size);
int satstat__inputs_resolve(satstat_inputs *inputs, uint64_t n_in, satstat__field_names names,
                            satstat_config_field *field, char *msg, size_t msg_size);
int satstat__deep_options_validate(const satstat_config *config, const satstat_deep_options *o,
                                   satstat__field_names names, satstat_config_field *field,
                                   char *msg, size_t msg_size);
int satstat__sweep_new(const satstat_config *base, const satstat_sweep_spec *spec,
                       int analytic_only, satstat__field_names names, satstat_sweep **out,
                       char *msg, size_t msg_size);

#endif
