/* main.c — the satstat command: dispatch to a command.
 *
 *   satstat [run] [OPTIONS]   one neuron: analytic vs sampled law of z
 *   satstat demo [DIR]        the seed experiment with its figures
 *   satstat deep [OPTIONS]    many layers: sampled networks vs mean-field
 *   satstat sweep [OPTIONS]   one quantity against a parameter
 *
 * Exit status (SPEC.md): 0 every verification passed; 1 a verification
 * failed (the report is complete); 2 bad usage or input (one line on
 * stderr, nothing written); 3 runtime failure (nothing half-written);
 * 130 / 143 interrupted by SIGINT / SIGTERM.  Never 77.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "commands.h"

/* OpenBLAS's pthread build starts, when it loads, a pool of one thread
 * per core whose idle members spin on sched_yield for about 0.1 s
 * (OPENBLAS_THREAD_TIMEOUT, 2^28 cycles), taking a core from the sampler in
 * every run.  satstat pins BLAS to one thread anyway (results must not
 * depend on it: deep.c), so the command stops the pool first thing.  Weak:
 * absent with GSL's reference CBLAS.  (The environment cannot do it: the
 * pool exists before main, and a DT_PREINIT_ARRAY setenv is undone when
 * libc initialises its environ.) */
extern void openblas_set_num_threads(int) __attribute__((weak));
extern int blas_thread_shutdown_(void) __attribute__((weak));

static void stop_blas_thread_pool(void)
{
    if (openblas_set_num_threads)
        openblas_set_num_threads(1);
    if (blas_thread_shutdown_)
        blas_thread_shutdown_();
}

int main(int argc, char **argv)
{
    stop_blas_thread_pool();
    static const struct {
        const char *word;
        int (*run)(int argc, char **argv);
    } commands[] = {
        {"run", cli_cmd_run_main},
        {"demo", cli_cmd_demo_main},
        {"deep", cli_cmd_deep_main},
        {"sweep", cli_cmd_sweep_main},
    };
    size_t n = sizeof commands / sizeof commands[0];
    if (argc > 1 && argv[1][0] != '-') {
        for (size_t i = 0; i < n; i++)
            if (strcmp(argv[1], commands[i].word) == 0)
                return commands[i].run(argc - 1, argv + 1);
        char line[256], quoted[SATSTAT_QUOTE_SIZE];
        size_t len = (size_t)snprintf(line, sizeof line, "unknown command %s (valid:",
                                      satstat_quote(argv[1], quoted, sizeof quoted));
        for (size_t i = 0; i < n && len < sizeof line; i++)
            len += (size_t)snprintf(line + len, sizeof line - len, "%s %s", i ? "," : "",
                                    commands[i].word);
        if (len < sizeof line)
            snprintf(line + len, sizeof line - len, "; try 'satstat --help')");
        cli_usage_error(NULL, line);
        return CLI_EXIT_USAGE;
    }
    /* no command word: `run` with the seed defaults */
    return cli_cmd_run_main(argc, argv);
}
