/* main.c — the satstat command: dispatch to a command.
 *
 *   satstat [run] [OPTIONS]   one neuron: analytic vs sampled law of z
 *   satstat demo [DIR]        the seed experiment with its figures
 *   satstat deep [OPTIONS]    many layers: sampled networks vs mean-field
 *   satstat sweep [OPTIONS]   one quantity against a parameter
 *   satstat help [COMMAND]    a command's help (satstat COMMAND --help)
 *
 * Exit status (doc/output.md): 0 every verification passed; 1 a verification
 * failed (the report is complete); 2 bad usage or input (one line on
 * stderr, nothing written); 3 runtime failure (nothing half-written);
 * 130 / 143 interrupted by SIGINT / SIGTERM.  Never 77.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <satstat/build.h>
#include <satstat/parse.h>

#include "cli/cli.h"
#include "cli/commands.h"
#include "cli/mpi.h"

typedef struct command {
    const char *word;
    int (*run)(int argc, char **argv);
} command;

static int unknown_command(const char *word, const command *commands, size_t n)
{
    char line[512], quoted[SATSTAT_QUOTE_SIZE], hint[SATSTAT_SUGGEST_SIZE];
    const char *words[8];
    size_t n_words = 0;
    for (size_t i = 0; i < n && n_words + 1 < sizeof words / sizeof words[0]; i++)
        words[n_words++] = commands[i].word;
    words[n_words++] = "help";
    satstat_quote(word, quoted, sizeof quoted);
    satstat_suggest(word, strlen(word), words, n_words, hint, sizeof hint);
    size_t len = (size_t)snprintf(line, sizeof line, "unknown command %s (%svalid:", quoted,
                                  hint);
    for (size_t i = 0; i < n && len < sizeof line; i++)
        len += (size_t)snprintf(line + len, sizeof line - len, "%s %s", i ? "," : "",
                                commands[i].word);
    if (len < sizeof line)
        snprintf(line + len, sizeof line - len, ", help; try 'satstat --help')");
    cli_usage_error(NULL, line);
    return CLI_EXIT_USAGE;
}

/* A closed standard descriptor would be taken by the next file satstat
 * opens, which would then be "standard output": --output /dev/stdout with
 * stdout closed would name a figure folder or a temporary file.  Each
 * closed one is held on /dev/null, read-only, so that writing to it still
 * fails (EBADF), as writing to a closed stdout does. */
static void hold_standard_descriptors(void)
{
    for (int fd = 0; fd <= 2; fd++)
        if (fcntl(fd, F_GETFD) < 0 && errno == EBADF)
            open("/dev/null", O_RDONLY); /* the lowest free descriptor: fd */
}

static int dispatch(int argc, char **argv);

int main(int argc, char **argv)
{
    hold_standard_descriptors();
    int status = cli_mpi_init(&argc, &argv);
    if (status != 0)
        return status;
    return cli_mpi_finish(dispatch(argc, argv));
}

static int dispatch(int argc, char **argv)
{
    static const command commands[] = {
        {"run", cli_cmd_run_main},
        {"demo", cli_cmd_demo_main},
        {"deep", cli_cmd_deep_main},
        {"sweep", cli_cmd_sweep_main},
    };
    size_t n = sizeof commands / sizeof commands[0];
    /* `satstat help [COMMAND]` is `satstat [COMMAND] --help`. */
    static char help_option[] = "--help";
    if (argc > 1 && strcmp(argv[1], "help") == 0) {
        if (argc > 3) {
            cli_usage_error(NULL, "help takes at most one command (usage: satstat help [COMMAND])");
            return CLI_EXIT_USAGE;
        }
        if (argc == 2 || strcmp(argv[2], "help") == 0) {
            char *args[] = {argv[0], help_option, NULL};
            return cli_cmd_run_main(2, args);
        }
        for (size_t i = 0; i < n; i++)
            if (strcmp(argv[2], commands[i].word) == 0) {
                char *args[] = {argv[2], help_option, NULL};
                return commands[i].run(2, args);
            }
        return unknown_command(argv[2], commands, n);
    }
    if (argc > 1 && argv[1][0] != '-') {
        for (size_t i = 0; i < n; i++)
            if (strcmp(argv[1], commands[i].word) == 0)
                return commands[i].run(argc - 1, argv + 1);
        return unknown_command(argv[1], commands, n);
    }
    /* no command word: `run` with the seed defaults */
    return cli_cmd_run_main(argc, argv);
}
