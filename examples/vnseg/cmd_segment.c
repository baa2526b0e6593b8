/* vnseg segment: raw Vietnamese text to word-segmented text (`_` joins syllables), streaming. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "commands.h"

static const char help[] =
    "Usage: vnseg segment [OPTIONS] [FILE...]\n"
    "\n"
    "Segment raw Vietnamese text into words: the syllables of a word are joined by `_` and\n"
    "punctuation glued to a word is set apart by a space. Nothing else changes: every other\n"
    "byte of the input is written as it is. Reads FILEs (or stdin) line by line and writes one\n"
    "output line per input line.\n"
    "\n"
    "Options:\n"
    "  -m, --model FILE  the model (see below)\n"
    "      --strict      stop at invalid UTF-8 with its byte offset (default)\n"
    "      --lenient     keep invalid UTF-8 bytes inside their token and go on\n"
    "      --progress    show progress on stderr (default: only when it is a terminal)\n"
    "  -h, --help        show this help\n"
    "\n"
    "Model search order: --model FILE; the environment variable VNSEG_MODEL;\n"
    "$XDG_DATA_HOME/libvnseg/vi.model (~/.local/share/libvnseg/vi.model);\n"
    "/usr/local/share/libvnseg/vi.model; /usr/share/libvnseg/vi.model.\n"
    "Make one with `vnseg train` or scripts/fetch_dictionary.sh (see docs/segmenter.md).\n";

/* Find the model file by the documented search order; NULL when there is none. */
static const char *find_model(const char *given, char *buf, size_t cap)
{
    if (given) return given;
    const char *env = getenv("VNSEG_MODEL");
    if (env && *env) return env;
    const char *xdg = getenv("XDG_DATA_HOME"), *home = getenv("HOME");
    FILE *f;
    if (xdg && *xdg)
        snprintf(buf, cap, "%s/libvnseg/vi.model", xdg);
    else if (home && *home)
        snprintf(buf, cap, "%s/.local/share/libvnseg/vi.model", home);
    else
        buf[0] = 0;
    if (buf[0] && (f = fopen(buf, "rb")) != NULL) {
        fclose(f);
        return buf;
    }
    const char *fixed[] = {"/usr/local/share/libvnseg/vi.model", "/usr/share/libvnseg/vi.model"};
    for (size_t i = 0; i < 2; i++)
        if ((f = fopen(fixed[i], "rb")) != NULL) {
            fclose(f);
            return fixed[i];
        }
    return NULL;
}

typedef struct seg_run {
    vnseg_segmenter *seg;
    uint32_t opts;
} seg_run;

static int do_line(const cli_input *in, const vnseg_line *line, void *ctx)
{
    const seg_run *run = ctx;
    if (vnseg_segment(run->seg, line->data, line->length, run->opts) != VNSEG_OK) {
        cli_lib_error(in->name, line->offset);
        return 1;
    }
    size_t n;
    const char *text = vnseg_segmenter_text(run->seg, &n);
    out_bytes(text, n);
    if (line->flags & VNSEG_LINE_CRLF)
        out_str("\r\n");
    else if (!(line->flags & (VNSEG_LINE_NO_EOL | VNSEG_LINE_CONTINUED)))
        out_char('\n');
    return 0;
}

static int run_input(cli_input *in, void *ctx)
{
    return cli_for_each_line(in, do_line, ctx);
}

int cmd_segment(int argc, char **argv)
{
    const char *model_path = NULL;
    uint32_t opts = 0;
    cli_args args;
    if (!cli_args_init(&args, argc)) return 1;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i], *v;
        if (cli_opt_value(argc, argv, &i, "--model", &v) ||
            cli_opt_value(argc, argv, &i, "-m", &v)) {
            model_path = v;
        } else if (strcmp(a, "--strict") == 0) {
            opts &= ~(uint32_t)VNSEG_OPT_LENIENT;
        } else if (strcmp(a, "--lenient") == 0) {
            opts |= VNSEG_OPT_LENIENT;
        } else {
            int st = cli_args_other(&args, a, "segment", help);
            if (st >= 0) {
                cli_args_free(&args);
                return st;
            }
        }
    }
    char buf[4096];
    const char *path = find_model(model_path, buf, sizeof buf);
    if (!path) {
        cli_error("segment: no model: give --model FILE or set VNSEG_MODEL (see vnseg segment "
                  "--help)");
        cli_args_free(&args);
        return 2;
    }
    vnseg_model *model = NULL;
    vnseg_segmenter *seg = NULL;
    if (vnseg_model_open(path, &model) != VNSEG_OK) {
        cli_error("%s", vnseg_error_last()->message);
        cli_args_free(&args);
        return 1;
    }
    if (vnseg_segmenter_new(model, &seg) != VNSEG_OK) {
        cli_error("out of memory");
        vnseg_model_free(model);
        cli_args_free(&args);
        return 1;
    }
    seg_run run = {seg, opts};
    int status = cli_for_each_input(&args, run_input, &run);
    if (!out_flush()) status = 1;
    vnseg_segmenter_free(seg);
    vnseg_model_free(model);
    cli_args_free(&args);
    return status;
}
