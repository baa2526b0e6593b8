/* Shared plumbing of the vnseg program: buffered output, input files and the loop over them
 * and their lines, the arguments all reading commands share, progress, errors. */
#ifndef VNSEG_CLI_H
#define VNSEG_CLI_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include <vnseg.h>

/* ---- output: a large buffer on stdout, written with write(2) ---- */
void out_bytes(const void *p, size_t n);
void out_str(const char *s);
void out_char(char c);
void out_u64(uint64_t v);
/* A JSON string literal (quotes included); ill-formed UTF-8 becomes U+FFFD. */
void out_json_string(const char *s, size_t n);
/* Flush; returns false (and reports) when stdout cannot be written. */
bool out_flush(void);

/* ---- messages ---- */
extern const char *cli_program;
void cli_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Report the library's last error for an input, naming the file, byte offset and line. */
void cli_lib_error(const char *file, uint64_t base_offset);

/* ---- inputs: every file of argv (or stdin when none, or for "-"), line by line ---- */
typedef struct cli_input {
    const char *name; /* for messages: the path, or "<stdin>" */
    vnseg_reader *reader;
    int fd;
    uint64_t size; /* bytes, when known (regular files), else 0 */
} cli_input;

/* Open input `path` ("-" is stdin). Returns false after reporting. */
bool cli_input_open(cli_input *in, const char *path);
void cli_input_close(cli_input *in);

/* Call `each` on every line of `in` in turn, updating the progress after each line. Stops at
 * the first nonzero return of `each` and gives it back; a read error is reported (naming the
 * file) and gives 1; 0 when every line went through. */
typedef int (*cli_line_fn)(const cli_input *in, const vnseg_line *line, void *ctx);
int cli_for_each_line(cli_input *in, cli_line_fn each, void *ctx);

/* ---- the arguments every command that reads FILEs takes ---- */
typedef struct cli_args {
    const char **files; /* the FILE arguments, in order */
    int nfiles;
    bool progress; /* --progress */
} cli_args;

/* Room for the FILEs among `argc` arguments; false when out of memory. */
bool cli_args_init(cli_args *args, int argc);
void cli_args_free(cli_args *args);
/* An argument that no option of command `cmd` took: -h or --help (prints `help`, gives 0),
 * --progress, another option (reported as unknown, gives 2) or a FILE. Gives -1 to go on,
 * else the command's exit status. */
int cli_args_other(cli_args *args, const char *arg, const char *cmd, const char *help);

/* Run `each` on the FILEs of `args` (stdin when there are none) in turn: open one (one that
 * cannot be opened is reported and gives 1), start the progress (--progress forces it), call
 * `each`, end the progress and close. Stops at the first nonzero status and returns it, else 0. */
typedef int (*cli_input_fn)(cli_input *in, void *ctx);
int cli_for_each_input(const cli_args *args, cli_input_fn each, void *ctx);

/* ---- progress on stderr: when it is a terminal, or forced ---- */
void progress_start(bool forced, uint64_t total_bytes);
void progress_update(uint64_t done_bytes);
void progress_end(void);

/* ---- option parsing helpers ---- */
/* Matches "--name" or "--name=value" / "--name value"; sets *value. */
bool cli_opt_value(int argc, char **argv, int *i, const char *name, const char **value);

#endif
