/* cmd_sweep.c — `satstat sweep` (being written). */
#include "cli.h"
#include "commands.h"

int cli_cmd_sweep_main(int argc, char **argv)
{
    (void)argc;
    (void)argv;
    cli_usage_error("sweep", "not available yet");
    return CLI_EXIT_USAGE;
}
