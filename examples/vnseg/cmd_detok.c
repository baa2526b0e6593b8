/* vnseg detok: word-segmented text back to natural text, line by line, or its alignment. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "commands.h"

enum align { ALIGN_NONE, ALIGN_TSV, ALIGN_JSONL };

typedef struct detok_opts {
    enum align align;
    uint32_t tok_options;
    uint32_t detok_options;
} detok_opts;

static const char help[] =
    "Usage: vnseg detok [OPTIONS] [FILE...]\n"
    "\n"
    "Turn word-segmented Vietnamese (syllables joined by `_`, punctuation split off, as\n"
    "VnCoreNLP, pyvi or underthesea write it) back into natural text: `_` inside words\n"
    "becomes a space, punctuation, quotes, brackets, numbers and dashes get the spacing a\n"
    "reader expects. Reads FILEs (or stdin) line by line in bounded memory and writes one\n"
    "output line per input line (see vnseg/detok.h for the rules).\n"
    "\n"
    "Options:\n"
    "      --align FMT   print the alignment instead of the text: tsv or jsonl\n"
    "      --lossless    keep every separator of the input as it is (only `_` becomes a\n"
    "                    space): for tokens that recorded their original spacing\n"
    "      --strict      stop at invalid UTF-8 with its byte offset (default)\n"
    "      --lenient     read invalid UTF-8 as one character and copy its bytes\n"
    "      --escapes     read `\\_` as a literal underscore and `\\\\` as a backslash\n"
    "      --progress    show progress on stderr (default: only when it is a terminal)\n"
    "  -h, --help        show this help\n"
    "\n"
    "Alignment formats (offsets are bytes; input offsets count from the start of each\n"
    "file, output offsets from the start of that file's output as printed without --align):\n"
    "  tsv     one row per token: IN_START IN_END OUT_START OUT_END TOKEN, tab-separated,\n"
    "          ends exclusive, TOKEN as in the input; an empty row after each input line\n"
    "  jsonl   one object per input line: {\"line\", \"text\" (the output line), \"start\",\n"
    "          \"out_start\", \"tokens\": [{\"token\", \"start\", \"end\", \"out_start\",\n"
    "          \"out_end\"}]}\n";

static void write_tsv(const vnseg_doc *doc, const vnseg_detok *d, uint64_t in_base,
                      uint64_t out_base)
{
    const vnseg_token *tk = vnseg_doc_tokens(doc);
    const vnseg_span *sp = vnseg_detok_spans(d);
    const char *text = vnseg_doc_text(doc, NULL);
    for (size_t i = 0, n = vnseg_detok_token_count(d); i < n; i++) {
        out_u64(in_base + tk[i].offset);
        out_char('\t');
        out_u64(in_base + tk[i].offset + tk[i].length);
        out_char('\t');
        out_u64(out_base + sp[i].offset);
        out_char('\t');
        out_u64(out_base + sp[i].offset + sp[i].length);
        out_char('\t');
        out_bytes(text + tk[i].offset, tk[i].length);
        out_char('\n');
    }
    out_char('\n');
}

static void write_jsonl(const vnseg_doc *doc, const vnseg_detok *d, const vnseg_line *line,
                        uint64_t out_base)
{
    const vnseg_token *tk = vnseg_doc_tokens(doc);
    const vnseg_span *sp = vnseg_detok_spans(d);
    const char *text = vnseg_doc_text(doc, NULL);
    size_t len;
    const char *out = vnseg_detok_text(d, &len);
    out_str("{\"line\":");
    out_u64(line->number);
    out_str(",\"text\":");
    out_json_string(out, len);
    out_str(",\"start\":");
    out_u64(line->offset);
    out_str(",\"out_start\":");
    out_u64(out_base);
    out_str(",\"tokens\":[");
    for (size_t i = 0, n = vnseg_detok_token_count(d); i < n; i++) {
        out_str(i ? ",{\"token\":" : "{\"token\":");
        out_json_string(text + tk[i].offset, tk[i].length);
        out_str(",\"start\":");
        out_u64(line->offset + tk[i].offset);
        out_str(",\"end\":");
        out_u64(line->offset + tk[i].offset + tk[i].length);
        out_str(",\"out_start\":");
        out_u64(out_base + sp[i].offset);
        out_str(",\"out_end\":");
        out_u64(out_base + sp[i].offset + sp[i].length);
        out_char('}');
    }
    out_str("]}\n");
}

/* What the line callback works with; out_pos counts the bytes of this file's output so far. */
typedef struct detok_run {
    vnseg_doc *doc;
    vnseg_detok *d;
    const detok_opts *o;
    uint64_t out_pos;
} detok_run;

static int do_line(const cli_input *in, const vnseg_line *line, void *ctx)
{
    detok_run *run = ctx;
    const detok_opts *o = run->o;
    if (vnseg_tokenize(run->doc, line->data, line->length, o->tok_options) != VNSEG_OK ||
        vnseg_detokenize_into(run->d, run->doc, o->detok_options) != VNSEG_OK) {
        cli_lib_error(in->name, line->offset);
        return 1;
    }
    size_t len;
    const char *text = vnseg_detok_text(run->d, &len);
    if (o->align == ALIGN_TSV)
        write_tsv(run->doc, run->d, line->offset, run->out_pos);
    else if (o->align == ALIGN_JSONL)
        write_jsonl(run->doc, run->d, line, run->out_pos);
    else
        out_bytes(text, len);
    run->out_pos += len;
    /* The end of the line as the input had it; pieces of a long line are joined again
     * (in rule mode by one space, for the separator the piece ended with). */
    const char *eol = "";
    if (line->flags & VNSEG_LINE_CONTINUED)
        eol = (o->detok_options & VNSEG_DETOK_LOSSLESS) || len == 0 ? "" : " ";
    else if (!(line->flags & VNSEG_LINE_NO_EOL))
        eol = line->flags & VNSEG_LINE_CRLF ? "\r\n" : "\n";
    if (o->align == ALIGN_NONE) out_str(eol);
    run->out_pos += strlen(eol);
    return 0;
}

static int run_input(cli_input *in, void *ctx)
{
    detok_run *run = ctx;
    run->out_pos = 0;
    return cli_for_each_line(in, do_line, run);
}

int cmd_detok(int argc, char **argv)
{
    detok_opts o = {ALIGN_NONE, 0, 0};
    cli_args args;
    if (!cli_args_init(&args, argc)) return 1;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i], *v;
        if (cli_opt_value(argc, argv, &i, "--align", &v)) {
            if (strcmp(v, "tsv") == 0)
                o.align = ALIGN_TSV;
            else if (strcmp(v, "jsonl") == 0)
                o.align = ALIGN_JSONL;
            else {
                cli_error("unknown alignment format '%s' (tsv or jsonl)", v);
                cli_args_free(&args);
                return 2;
            }
        } else if (strcmp(a, "--lossless") == 0) {
            o.detok_options |= VNSEG_DETOK_LOSSLESS;
        } else if (strcmp(a, "--strict") == 0) {
            o.tok_options &= ~(uint32_t)VNSEG_OPT_LENIENT;
        } else if (strcmp(a, "--lenient") == 0) {
            o.tok_options |= VNSEG_OPT_LENIENT;
        } else if (strcmp(a, "--escapes") == 0) {
            o.tok_options |= VNSEG_OPT_ESCAPES;
        } else {
            int st = cli_args_other(&args, a, "detok", help);
            if (st >= 0) {
                cli_args_free(&args);
                return st;
            }
        }
    }

    vnseg_doc *doc = vnseg_doc_new();
    vnseg_detok *d = vnseg_detok_new();
    if (!doc || !d) {
        cli_error("out of memory");
        vnseg_doc_free(doc);
        vnseg_detok_free(d);
        cli_args_free(&args);
        return 1;
    }
    detok_run run = {doc, d, &o, 0};
    int status = cli_for_each_input(&args, run_input, &run);
    if (!out_flush()) status = 1;
    vnseg_doc_free(doc);
    vnseg_detok_free(d);
    cli_args_free(&args);
    return status;
}
