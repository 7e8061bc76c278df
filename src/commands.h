/* One function per command, each in its own cmd_<name>.c; the return value is the exit code. */
#ifndef CREDGRAPH_COMMANDS_H
#define CREDGRAPH_COMMANDS_H

int cmd_build(int argc, char **argv);
int cmd_export(int argc, char **argv);
int cmd_rank(int argc, char **argv);
int cmd_collaborators(int argc, char **argv);
int cmd_ego(int argc, char **argv);
int cmd_path(int argc, char **argv);
int cmd_stats(int argc, char **argv);
int cmd_check(int argc, char **argv);

#endif
