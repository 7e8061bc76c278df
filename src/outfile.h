/* Outputs that are never partial: each file is written to a temporary in its target directory
 * and renamed into place only when every file of the set is complete and flushed. On an error,
 * exit, SIGINT or SIGTERM the temporaries are removed and earlier outputs stay intact.
 * "-" means standard output, written directly. */
#ifndef CREDGRAPH_OUTFILE_H
#define CREDGRAPH_OUTFILE_H
#include <stdio.h>
#include <sys/types.h>

/* Open a temporary for `path`; exits 4 when it cannot be created. */
FILE *out_open(const char *path);
/* Flush, check and close every open output, then rename them all into place.
 * Returns 0, or EXIT_IO after reporting (nothing renamed, temporaries removed). */
int out_commit(void);
/* Flush, check and sync one output now (a writer process finishing its share); it stays
 * registered for out_commit. Returns 0, or EXIT_IO after reporting. */
int out_finish(FILE *f);
/* In a writer process: never remove the temporaries (on exit or a signal); the parent does. */
void out_disown(void);
/* A writer process to kill if we are interrupted (0: none). */
void out_set_helper(pid_t pid);
/* Remove every temporary not yet committed. */
void out_abort(void);
/* Refuse (exit 2) when `out` is the same file as one of the inputs. */
void out_check_not_input(const char *out, const char *const *inputs, size_t n_inputs);

/* Create directory dir when missing (one level); exits 4 when it cannot be. */
void ensure_dir(const char *dir);

#endif
