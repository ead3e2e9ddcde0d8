/* commands.h — the satstat commands; each takes argv with argv[0] the
 * command word and returns the exit status. */
#ifndef SATSTAT_COMMANDS_H
#define SATSTAT_COMMANDS_H

int cli_cmd_run(int argc, char **argv, int demo);
int cli_cmd_run_main(int argc, char **argv);
int cli_cmd_demo_main(int argc, char **argv);
int cli_cmd_deep_main(int argc, char **argv);
int cli_cmd_sweep_main(int argc, char **argv);

#endif
