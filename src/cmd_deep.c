/* cmd_deep.c — `satstat deep` (being written). */
#include "cli.h"
#include "commands.h"

int cli_cmd_deep_main(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    cli_usage_error("deep", "not available yet");
    return CLI_EXIT_USAGE;
}
