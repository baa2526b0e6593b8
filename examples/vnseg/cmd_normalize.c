/* vnseg normalize: clean, compose, fold or decode text line by line, with its changes as a map. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "commands.h"

enum format { FMT_TEXT, FMT_TSV, FMT_JSONL };

/* Bytes of each file that --from auto reads before deciding. */
#define DETECT_BYTES 65536
/* Unmapped characters reported per file before only counting them. */
#define MAX_REPORTS 20

typedef struct norm_opts {
    uint32_t steps;
    int encoding; /* -1: auto */
    enum format format;
    bool strict;
} norm_opts;

static const char help[] =
    "Usage: vnseg normalize [OPTIONS] [FILE...]\n"
    "\n"
    "Normalize Vietnamese text: compose NFD to NFC, remove zero-width characters, unify spaces\n"
    "and look-alikes of Đ, move tone marks, fold case and accents, or decode a pre-Unicode\n"
    "encoding. Reads FILEs (or stdin) line by line in bounded memory and writes UTF-8.\n"
    "\n"
    "Options:\n"
    "  -s, --steps LIST  comma-separated steps (default: default); a leading '-' removes one:\n"
    "                    `default,-spaces,repair`. Steps:\n"
    "                      nfc        Unicode NFC\n"
    "                      marks      U+0340/U+0341 to U+0300/U+0301\n"
    "                      lookalike  Ð Ɖ ð ɖ to Đ đ in Vietnamese words\n"
    "                      invisible  remove ZWSP, ZWNJ, BOM, WJ, soft hyphen, bidi marks\n"
    "                                 (ZWJ only outside emoji sequences)\n"
    "                      spaces     Unicode spaces to ASCII space\n"
    "                      tone-new   tone marks in the new style (hoà, thuỷ)\n"
    "                      tone-old   tone marks in the old style (hòa, thủy)\n"
    "                      repair     move misplaced tone marks (baỏ -> bảo)\n"
    "                      casefold   Unicode case folding\n"
    "                      fold       accent folding (Đường -> Duong)\n"
    "                    and the sets: default (nfc,marks,lookalike,invisible,spaces),\n"
    "                    search (default,casefold,fold), none.\n"
    "  -f, --from ENC    input encoding: utf8 (default), tcvn3, vni, viqr, viscii, cp1258,\n"
    "                    mojibake (UTF-8 read as Windows-1252), or auto: guess from the first\n"
    "                    64 KiB of each file and say so on stderr\n"
    "      --map FMT     write the changes instead of the text: tsv or jsonl\n"
    "      --lenient     read invalid UTF-8 as U+FFFD (reported on stderr) instead of stopping\n"
    "      --strict      exit with status 1 if any character could not be mapped\n"
    "      --progress    show progress on stderr (default: only when it is a terminal)\n"
    "  -h, --help        show this help\n"
    "\n"
    "Output:\n"
    "  text   (default) the normalized text; each line ends as it did (LF or CRLF).\n"
    "  tsv    one line per change: NORM_START NORM_END ORIG_START ORIG_END ORIGINAL\n"
    "         NORMALIZED, tab-separated. NORM offsets are bytes of the text output, ORIG\n"
    "         offsets bytes of the input file; between two changes the bytes are the same.\n"
    "         ORIGINAL and NORMALIZED escape tab, LF, CR and backslash, and write bytes that\n"
    "         are not UTF-8 as \\xNN.\n"
    "  jsonl  one object per line: {\"line\", \"start\", \"end\", \"text\", \"changes\"}, where\n"
    "         start/end are the line's bytes in the file and each change is\n"
    "         [START, END, ORIG_START, ORIG_END]: bytes of \"text\", bytes of the file.\n"
    "\n"
    "Characters that cannot be decoded become U+FFFD and are reported on stderr with the file\n"
    "and byte offset. Exit status: 0 on success; 1 when an input could not be read or holds\n"
    "invalid UTF-8 (without --lenient), or, with --strict, unmapped characters; 2 on a usage\n"
    "error.\n";

/* ---- options ---- */

typedef struct step_name {
    const char *name;
    uint32_t bits;
} step_name;

static const step_name step_names[] = {
    {"nfc", VNSEG_NORM_NFC},
    {"marks", VNSEG_NORM_MARKS},
    {"lookalike", VNSEG_NORM_LOOKALIKE},
    {"invisible", VNSEG_NORM_INVISIBLE},
    {"spaces", VNSEG_NORM_SPACES},
    {"tone-new", VNSEG_NORM_TONE_NEW},
    {"tone-old", VNSEG_NORM_TONE_OLD},
    {"repair", VNSEG_NORM_REPAIR},
    {"casefold", VNSEG_NORM_CASEFOLD},
    {"fold", VNSEG_NORM_FOLD},
    {"default", VNSEG_NORM_DEFAULT},
    {"search", VNSEG_NORM_SEARCH},
    {"none", 0},
};

/* Parse a step list; false (after reporting) on an unknown name. */
static bool parse_steps(const char *list, uint32_t *steps)
{
    uint32_t s = 0;
    char *copy = strdup(list);
    if (!copy) return false;
    bool ok = true;
    for (char *save = NULL, *tok = strtok_r(copy, ",", &save); tok && ok;
         tok = strtok_r(NULL, ",", &save)) {
        bool remove = tok[0] == '-';
        const char *name = remove ? tok + 1 : tok;
        size_t i = 0;
        while (i < sizeof step_names / sizeof *step_names && strcmp(step_names[i].name, name) != 0)
            i++;
        if (i == sizeof step_names / sizeof *step_names) {
            cli_error("normalize: unknown step '%s' (see vnseg normalize --help)", name);
            ok = false;
        } else if (remove) {
            s &= ~step_names[i].bits;
        } else {
            s |= step_names[i].bits;
        }
    }
    free(copy);
    if (ok && (s & VNSEG_NORM_TONE_NEW) && (s & VNSEG_NORM_TONE_OLD)) {
        cli_error("normalize: tone-new and tone-old exclude each other");
        ok = false;
    }
    *steps = s;
    return ok;
}

/* ---- output of one line ---- */

/* Write bytes with tab, LF, CR and backslash escaped and ill-formed UTF-8 as \xNN. */
static void out_escaped(const unsigned char *p, size_t n)
{
    static const char hex[] = "0123456789ABCDEF";
    for (size_t i = 0; i < n;) {
        unsigned c = p[i];
        if (c == '\t' || c == '\n' || c == '\r' || c == '\\') {
            out_char('\\');
            out_char(c == '\t' ? 't' : c == '\n' ? 'n' : c == '\r' ? 'r' : '\\');
            i++;
            continue;
        }
        size_t k = c < 0x80 ? 1 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC2 ? 2 : 0;
        bool ok = k && i + k <= n;
        for (size_t j = 1; ok && j < k; j++)
            ok = (p[i + j] & 0xC0) == 0x80;
        if (ok) {
            out_bytes(p + i, k);
            i += k;
        } else {
            char esc[4] = {'\\', 'x', hex[c >> 4], hex[c & 15]};
            out_bytes(esc, 4);
            i++;
        }
    }
}

/* State of one input: where the text output stands, what was reported. */
typedef struct run_state {
    const char *name;
    int encoding;
    uint64_t out_pos; /* bytes of text output so far (what --map offsets count) */
    uint64_t unmapped;
} run_state;

static void report_unmapped(run_state *rs, const vnseg_norm *n, const vnseg_line *line)
{
    for (size_t k = 0, c = vnseg_norm_unmapped_count(n); k < c; k++) {
        size_t at, len;
        vnseg_norm_unmapped(n, k, &at, &len);
        if (rs->unmapped++ >= MAX_REPORTS) continue;
        char bytes[3 * 4 + 1] = "";
        for (size_t b = 0; b < len && b < 4; b++)
            snprintf(bytes + 3 * b, 4, "%s%02X", b ? " " : "", (unsigned char)line->data[at + b]);
        cli_error("%s: byte %llu: cannot map %s (%s)", rs->name,
                  (unsigned long long)(line->offset + at), bytes,
                  vnseg_encoding_name(rs->encoding));
    }
}

static void write_line(run_state *rs, const vnseg_norm *n, const vnseg_line *line,
                       const norm_opts *o)
{
    size_t len;
    const char *text = vnseg_norm_text(n, &len);
    const char *eol = (line->flags & VNSEG_LINE_CONTINUED) ? ""
                      : (line->flags & VNSEG_LINE_NO_EOL)  ? ""
                      : (line->flags & VNSEG_LINE_CRLF)    ? "\r\n"
                                                           : "\n";
    size_t pieces = vnseg_norm_piece_count(n);
    if (o->format == FMT_TEXT) {
        out_bytes(text, len);
        out_str(eol);
    } else if (o->format == FMT_TSV) {
        for (size_t i = 0; i < pieces; i++) {
            size_t a, b, c, d;
            int copy;
            vnseg_norm_piece(n, i, &a, &b, &c, &d, &copy);
            if (copy) continue;
            out_u64(rs->out_pos + a);
            out_char('\t');
            out_u64(rs->out_pos + b);
            out_char('\t');
            out_u64(line->offset + c);
            out_char('\t');
            out_u64(line->offset + d);
            out_char('\t');
            out_escaped((const unsigned char *)line->data + c, d - c);
            out_char('\t');
            out_escaped((const unsigned char *)text + a, b - a);
            out_char('\n');
        }
    } else {
        out_str("{\"line\":");
        out_u64(line->number);
        out_str(",\"start\":");
        out_u64(line->offset);
        out_str(",\"end\":");
        out_u64(line->offset + line->length);
        out_str(",\"text\":");
        out_json_string(text, len);
        out_str(",\"changes\":[");
        bool first = true;
        for (size_t i = 0; i < pieces; i++) {
            size_t a, b, c, d;
            int copy;
            vnseg_norm_piece(n, i, &a, &b, &c, &d, &copy);
            if (copy) continue;
            out_str(first ? "[" : ",[");
            out_u64(a);
            out_char(',');
            out_u64(b);
            out_char(',');
            out_u64(line->offset + c);
            out_char(',');
            out_u64(line->offset + d);
            out_char(']');
            first = false;
        }
        out_str("]}\n");
    }
    rs->out_pos += len + strlen(eol);
}

static int do_line(run_state *rs, const vnseg_line *line, const norm_opts *o)
{
    vnseg_norm *n = NULL;
    vnseg_status st = vnseg_decode_legacy(line->data, line->length, rs->encoding, o->steps, &n);
    if (st != VNSEG_OK) {
        cli_lib_error(rs->name, line->offset);
        return 1;
    }
    report_unmapped(rs, n, line);
    write_line(rs, n, line, o);
    vnseg_norm_free(n);
    return 0;
}

/* Lines kept while --from auto reads its sample. */
typedef struct held_line {
    vnseg_line line;
    char *data;
} held_line;

static int detect_and_hold(cli_input *in, run_state *rs, held_line **held, size_t *nheld, int *r)
{
    size_t cap = 0, total = 0;
    char *sample = NULL;
    vnseg_line line;
    while (total < DETECT_BYTES && (*r = vnseg_reader_next(in->reader, &line)) > 0) {
        if (*nheld == cap) {
            cap = cap ? 2 * cap : 64;
            held_line *h = realloc(*held, cap * sizeof *h);
            if (!h) return 1;
            *held = h;
        }
        char *copy = malloc(line.length ? line.length : 1);
        char *s = realloc(sample, total + line.length + 1);
        if (!copy || !s) {
            free(copy);
            free(s ? s : sample);
            return 1;
        }
        sample = s;
        memcpy(copy, line.data, line.length);
        memcpy(sample + total, line.data, line.length);
        sample[total + line.length] = '\n';
        total += line.length + 1;
        (*held)[*nheld].line = line;
        (*held)[*nheld].line.data = copy;
        (*held)[(*nheld)++].data = copy;
    }
    double conf = 0;
    if (vnseg_detect_encoding(sample, total, &rs->encoding, &conf) != VNSEG_OK) {
        free(sample);
        return 1;
    }
    free(sample);
    cli_error("%s: detected %s (confidence %.2f)", rs->name, vnseg_encoding_name(rs->encoding),
              conf);
    return 0;
}

/* The line callback of cli_for_each_line(). */
typedef struct norm_run {
    run_state *rs;
    const norm_opts *o;
} norm_run;

static int next_line(const cli_input *in, const vnseg_line *line, void *ctx)
{
    (void)in;
    const norm_run *run = ctx;
    return do_line(run->rs, line, run->o);
}

/* What all inputs share: the options, and the characters left unmapped in all files so far. */
typedef struct norm_all {
    const norm_opts *o;
    uint64_t unmapped;
} norm_all;

static int run_input(cli_input *in, void *ctx)
{
    norm_all *all = ctx;
    const norm_opts *o = all->o;
    run_state rs = {in->name, o->encoding, 0, 0};
    held_line *held = NULL;
    size_t nheld = 0;
    int r = 1, status = 0;
    if (o->encoding < 0 && detect_and_hold(in, &rs, &held, &nheld, &r) != 0) {
        cli_error("out of memory");
        status = 1;
    }
    for (size_t i = 0; i < nheld; i++) {
        if (status == 0) status = do_line(&rs, &held[i].line, o);
        free(held[i].data);
    }
    free(held);
    norm_run run = {&rs, o};
    if (status == 0 && r > 0) {
        status = cli_for_each_line(in, next_line, &run);
    } else if (status == 0 && r < 0) {
        cli_lib_error(in->name, 0);
        status = 1;
    }
    if (rs.unmapped > MAX_REPORTS)
        cli_error("%s: %llu characters could not be mapped in all", in->name,
                  (unsigned long long)rs.unmapped);
    all->unmapped += rs.unmapped;
    return status;
}

int cmd_normalize(int argc, char **argv)
{
    norm_opts o = {VNSEG_NORM_DEFAULT, VNSEG_ENC_UTF8, FMT_TEXT, false};
    bool lenient = false;
    cli_args args;
    if (!cli_args_init(&args, argc)) return 1;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i], *v;
        if (cli_opt_value(argc, argv, &i, "--steps", &v) ||
            cli_opt_value(argc, argv, &i, "-s", &v)) {
            if (!parse_steps(v, &o.steps)) {
                cli_args_free(&args);
                return 2;
            }
        } else if (cli_opt_value(argc, argv, &i, "--from", &v) ||
                   cli_opt_value(argc, argv, &i, "-f", &v)) {
            o.encoding = strcmp(v, "auto") == 0 ? -1 : vnseg_encoding_from_name(v);
            if (o.encoding == -1 && strcmp(v, "auto") != 0) {
                cli_error("normalize: unknown encoding '%s' (utf8, tcvn3, vni, viqr, viscii, "
                          "cp1258, mojibake or auto)",
                          v);
                cli_args_free(&args);
                return 2;
            }
        } else if (cli_opt_value(argc, argv, &i, "--map", &v)) {
            if (strcmp(v, "tsv") == 0)
                o.format = FMT_TSV;
            else if (strcmp(v, "jsonl") == 0)
                o.format = FMT_JSONL;
            else {
                cli_error("normalize: unknown map format '%s' (tsv or jsonl)", v);
                cli_args_free(&args);
                return 2;
            }
        } else if (strcmp(a, "--lenient") == 0) {
            lenient = true;
        } else if (strcmp(a, "--strict") == 0) {
            o.strict = true;
        } else {
            int st = cli_args_other(&args, a, "normalize", help);
            if (st >= 0) {
                cli_args_free(&args);
                return st;
            }
        }
    }
    if (lenient) o.steps |= VNSEG_NORM_LENIENT;

    norm_all all = {&o, 0};
    int status = cli_for_each_input(&args, run_input, &all);
    if (!out_flush()) status = 1;
    if (status == 0 && o.strict && all.unmapped > 0) status = 1;
    cli_args_free(&args);
    return status;
}
