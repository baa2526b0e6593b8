/* vnseg tokenize: word-segmented text to tokens as TSV, JSON Lines or CoNLL-U, streaming. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "commands.h"

enum format { FMT_TSV, FMT_JSONL, FMT_CONLLU, FMT_LINES };

typedef struct tok_opts {
    enum format format;
    uint32_t lib_options;
    bool line_offsets;
    bool nfc;
} tok_opts;

static const char help[] =
    "Usage: vnseg tokenize [OPTIONS] [FILE...]\n"
    "\n"
    "Split word-segmented Vietnamese (syllables of a word joined by `_`, tokens separated by\n"
    "spaces, as VnCoreNLP, pyvi or underthesea write it) into tokens with their kind, flags,\n"
    "syllable count and byte offsets, grouped into sentences. Reads FILEs (or stdin) line by\n"
    "line in bounded memory; each line is a paragraph.\n"
    "\n"
    "Options:\n"
    "  -f, --format FMT  tsv (default), jsonl, conllu or lines\n"
    "      --strict      stop at invalid UTF-8 with its byte offset (default)\n"
    "      --lenient     read invalid UTF-8 as U+FFFD inside its token and go on\n"
    "      --escapes     read `\\_` as a literal underscore and `\\\\` as a backslash\n"
    "      --no-runon    do not guess sentence starts in run-on titles\n"
    "      --nfc         print token text in Unicode NFC (default: the input's bytes)\n"
    "      --line-offsets  offsets relative to each line and no line numbers, so that the\n"
    "                    output of a line depends on that line only (for parallel --pipe)\n"
    "      --progress    show progress on stderr (default: only when it is a terminal)\n"
    "  -h, --help        show this help\n"
    "\n"
    "Formats:\n"
    "  tsv     one token per line: START END KIND SYLLABLES FLAGS TEXT, tab-separated, and\n"
    "          an empty line after each sentence. START/END are byte offsets in the file\n"
    "          (END exclusive). FLAGS is a comma-separated list or `-`.\n"
    "  jsonl   one JSON object per sentence: {\"line\", \"start\", \"end\", \"flags\",\n"
    "          \"tokens\": [{\"text\", \"start\", \"end\", \"kind\", \"syllables\", \"flags\"}]}\n"
    "  conllu  CoNLL-U (Universal Dependencies): `# sent_id`, `# text`, then one token per\n"
    "          line with the syllables of FORM separated by spaces, UPOS PUNCT/NUM/SYM/X\n"
    "          where the kind says so, and ByteRange=START:END|Kind=KIND in MISC.\n"
    "  lines   one JSON array per input line holding that line's sentences as in jsonl\n"
    "          (`[]` for a line without tokens): with --line-offsets, exactly one output\n"
    "          line per input line, for engines that pair them (Spark's RDD.pipe).\n"
    "\n"
    "Kinds: word number datetime open close final dash punct symbol url email.\n"
    "Flags: cap allcaps title multi digit foreign quote abbrev literal_ escaped nfd\n"
    "       repaired invisible split unpaired (see vnseg/tokenizer.h).\n";

/* Flags shown per token; the positional ones are carried by the layout instead. */
static const uint32_t shown_flags =
    ~(uint32_t)(VNSEG_TF_SPACE_AFTER | VNSEG_TF_LINE_END | VNSEG_TF_SENT_START |
                VNSEG_TF_SENT_END);

static char *form_buf;
static size_t form_cap;

/* The token's text in the requested form (points into a reused buffer or the input). */
static const char *token_text(const vnseg_doc *doc, size_t i, uint32_t form, size_t *len)
{
    const vnseg_token *t = &vnseg_doc_tokens(doc)[i];
    const char *text = vnseg_doc_text(doc, NULL) + t->offset;
    bool plain = !(t->flags & (VNSEG_TF_NOT_NFC | VNSEG_TF_REPAIRED | VNSEG_TF_ESCAPED |
                               VNSEG_TF_INVISIBLE));
    if (!form || (plain && (!(form & VNSEG_FORM_SPACES) || t->syllables == 1))) {
        *len = t->length;
        return text;
    }
    size_t need = 0;
    if (vnseg_doc_token_form(doc, i, form, form_buf, form_cap, &need) == VNSEG_E_BUFFER) {
        char *p = realloc(form_buf, need);
        if (!p) {
            cli_error("out of memory");
            exit(1);
        }
        form_buf = p;
        form_cap = need;
        vnseg_doc_token_form(doc, i, form, form_buf, form_cap, &need);
    }
    *len = need;
    return form_buf;
}

static void out_flags_list(uint32_t flags, char sep, bool json)
{
    bool any = false;
    for (uint32_t bit = 1; bit && bit < (1u << VNSEG_TF_COUNT); bit <<= 1) {
        if (!(flags & bit))
            continue;
        if (any)
            out_char(sep);
        if (json)
            out_char('"');
        out_str(vnseg_flag_name(bit));
        if (json)
            out_char('"');
        any = true;
    }
    if (!any && !json)
        out_char('-');
}

static void write_tsv(const vnseg_doc *doc, uint64_t base, const tok_opts *o)
{
    const vnseg_token *tk = vnseg_doc_tokens(doc);
    for (size_t i = 0, n = vnseg_doc_token_count(doc); i < n; i++) {
        const vnseg_token *t = &tk[i];
        out_u64(base + t->offset);
        out_char('\t');
        out_u64(base + t->offset + t->length);
        out_char('\t');
        out_str(vnseg_kind_name(t->kind));
        out_char('\t');
        out_u64(t->syllables);
        out_char('\t');
        out_flags_list(t->flags & shown_flags, ',', false);
        out_char('\t');
        size_t len;
        const char *text = token_text(doc, i, o->nfc ? VNSEG_FORM_NFC : 0, &len);
        out_bytes(text, len);
        out_char('\n');
        if (t->flags & VNSEG_TF_SENT_END)
            out_char('\n');
    }
}

static void out_sentence_flags(uint32_t f)
{
    out_str("\"flags\":[");
    const char *names[] = {"terminated", "line_end", "guessed"};
    bool any = false;
    for (unsigned b = 0; b < 3; b++)
        if (f & (1u << b)) {
            if (any)
                out_char(',');
            out_char('"');
            out_str(names[b]);
            out_char('"');
            any = true;
        }
    out_char(']');
}

static void write_jsonl(const vnseg_doc *doc, uint64_t base, uint64_t line_no, const tok_opts *o)
{
    const vnseg_token *tk = vnseg_doc_tokens(doc);
    const vnseg_sentence *ss = vnseg_doc_sentences(doc);
    const bool per_line = o->format == FMT_LINES; /* one array per input line */
    if (per_line)
        out_char('[');
    for (size_t s = 0, ns = vnseg_doc_sentence_count(doc); s < ns; s++) {
        if (per_line && s)
            out_char(',');
        out_char('{');
        if (!o->line_offsets) {
            out_str("\"line\":");
            out_u64(line_no);
            out_char(',');
        }
        out_str("\"start\":");
        out_u64(base + ss[s].offset);
        out_str(",\"end\":");
        out_u64(base + ss[s].offset + ss[s].length);
        out_char(',');
        out_sentence_flags(ss[s].flags);
        out_str(",\"tokens\":[");
        for (uint64_t k = 0; k < ss[s].token_count; k++) {
            size_t i = (size_t)(ss[s].first_token + k);
            const vnseg_token *t = &tk[i];
            size_t len;
            const char *text = token_text(doc, i, o->nfc ? VNSEG_FORM_NFC : 0, &len);
            out_str(k ? ",{\"text\":" : "{\"text\":");
            out_json_string(text, len);
            out_str(",\"start\":");
            out_u64(base + t->offset);
            out_str(",\"end\":");
            out_u64(base + t->offset + t->length);
            out_str(",\"kind\":\"");
            out_str(vnseg_kind_name(t->kind));
            out_str("\",\"syllables\":");
            out_u64(t->syllables);
            out_str(",\"flags\":[");
            out_flags_list(t->flags & shown_flags, ',', true);
            out_str("]}");
        }
        out_str(per_line ? "]}" : "]}\n");
    }
    if (per_line)
        out_str("]\n");
}

static const char *upos_of(int kind)
{
    switch (kind) {
    case VNSEG_KIND_NUMBER:
    case VNSEG_KIND_DATETIME:
        return "NUM";
    case VNSEG_KIND_PUNCT_OPEN:
    case VNSEG_KIND_PUNCT_CLOSE:
    case VNSEG_KIND_PUNCT_FINAL:
    case VNSEG_KIND_PUNCT_DASH:
    case VNSEG_KIND_PUNCT:
        return "PUNCT";
    case VNSEG_KIND_SYMBOL:
        return "SYM";
    case VNSEG_KIND_URL:
    case VNSEG_KIND_EMAIL:
        return "X";
    }
    return "_";
}

static void write_conllu(const vnseg_doc *doc, uint64_t base, uint64_t line_no)
{
    const vnseg_token *tk = vnseg_doc_tokens(doc);
    const vnseg_sentence *ss = vnseg_doc_sentences(doc);
    const uint32_t form = VNSEG_FORM_SPACES | VNSEG_FORM_NFC | VNSEG_FORM_NO_INVISIBLE;
    for (size_t s = 0, ns = vnseg_doc_sentence_count(doc); s < ns; s++) {
        if (line_no) {
            out_str("# sent_id = ");
            out_u64(line_no);
            out_char('-');
            out_u64(s + 1);
            out_char('\n');
        }
        out_str("# text =");
        for (uint64_t k = 0; k < ss[s].token_count; k++) {
            size_t len;
            const char *text = token_text(doc, (size_t)(ss[s].first_token + k), form, &len);
            out_char(' ');
            out_bytes(text, len);
        }
        out_char('\n');
        for (uint64_t k = 0; k < ss[s].token_count; k++) {
            size_t i = (size_t)(ss[s].first_token + k);
            const vnseg_token *t = &tk[i];
            size_t len;
            const char *text = token_text(doc, i, form, &len);
            out_u64(k + 1);
            out_char('\t');
            out_bytes(text, len);
            out_str("\t_\t");
            out_str(upos_of(t->kind));
            out_str("\t_\t_\t_\t_\t_\tByteRange=");
            out_u64(base + t->offset);
            out_char(':');
            out_u64(base + t->offset + t->length);
            out_str("|Kind=");
            out_str(vnseg_kind_name(t->kind));
            out_char('\n');
        }
        out_char('\n');
    }
}

typedef struct tok_run {
    vnseg_doc *doc;
    const tok_opts *o;
} tok_run;

static int do_line(const cli_input *in, const vnseg_line *line, void *ctx)
{
    const tok_run *run = ctx;
    const tok_opts *o = run->o;
    vnseg_doc *doc = run->doc;
    if (vnseg_tokenize(doc, line->data, line->length, o->lib_options) != VNSEG_OK) {
        cli_lib_error(in->name, line->offset);
        return 1;
    }
    uint64_t base = o->line_offsets ? 0 : line->offset;
    uint64_t line_no = o->line_offsets ? 0 : line->number;
    switch (o->format) {
    case FMT_TSV: write_tsv(doc, base, o); break;
    case FMT_JSONL:
    case FMT_LINES: write_jsonl(doc, base, line_no, o); break;
    case FMT_CONLLU: write_conllu(doc, base, line_no); break;
    }
    return 0;
}

static int run_input(cli_input *in, void *ctx)
{
    return cli_for_each_line(in, do_line, ctx);
}

int cmd_tokenize(int argc, char **argv)
{
    tok_opts o = {FMT_TSV, 0, false, false};
    cli_args args;
    if (!cli_args_init(&args, argc))
        return 1;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i], *v;
        if (cli_opt_value(argc, argv, &i, "--format", &v) ||
            cli_opt_value(argc, argv, &i, "-f", &v)) {
            if (strcmp(v, "tsv") == 0)
                o.format = FMT_TSV;
            else if (strcmp(v, "jsonl") == 0)
                o.format = FMT_JSONL;
            else if (strcmp(v, "conllu") == 0)
                o.format = FMT_CONLLU;
            else if (strcmp(v, "lines") == 0)
                o.format = FMT_LINES;
            else {
                cli_error("unknown format '%s' (tsv, jsonl, conllu or lines)", v);
                cli_args_free(&args);
                return 2;
            }
        } else if (strcmp(a, "--strict") == 0) {
            o.lib_options &= ~(uint32_t)VNSEG_OPT_LENIENT;
        } else if (strcmp(a, "--lenient") == 0) {
            o.lib_options |= VNSEG_OPT_LENIENT;
        } else if (strcmp(a, "--escapes") == 0) {
            o.lib_options |= VNSEG_OPT_ESCAPES;
        } else if (strcmp(a, "--no-runon") == 0) {
            o.lib_options |= VNSEG_OPT_NO_RUNON;
        } else if (strcmp(a, "--nfc") == 0) {
            o.nfc = true;
        } else if (strcmp(a, "--line-offsets") == 0) {
            o.line_offsets = true;
        } else {
            int st = cli_args_other(&args, a, "tokenize", help);
            if (st >= 0) {
                cli_args_free(&args);
                return st;
            }
        }
    }

    vnseg_doc *doc = vnseg_doc_new();
    if (!doc) {
        cli_error("out of memory");
        cli_args_free(&args);
        return 1;
    }
    tok_run run = {doc, &o};
    int status = cli_for_each_input(&args, run_input, &run);
    if (!out_flush())
        status = 1;
    vnseg_doc_free(doc);
    free(form_buf);
    cli_args_free(&args);
    return status;
}
