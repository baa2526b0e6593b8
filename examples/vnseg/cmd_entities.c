/* vnseg entities: named-entity mentions of word-segmented articles as TSV or JSON Lines, or a
 * summary per entity, streaming line by line. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "commands.h"
#include "gazload.h"

enum format { FMT_TSV, FMT_JSONL };

static const char help[] =
    "Usage: vnseg entities [OPTIONS] [FILE...]\n"
    "\n"
    "Find the people, places and organizations named in word-segmented Vietnamese articles:\n"
    "names of a gazetteer (the default lists: countries, cities and languages from CLDR,\n"
    "Vietnam's provinces, major bodies; plus your own), and names on no list found by rules\n"
    "(titles, place words, organization heads, name shape). Reads FILEs (or stdin) line by\n"
    "line; each line is a paragraph or a whole article.\n"
    "\n"
    "Options:\n"
    "  -f, --format FMT     tsv (default) or jsonl\n"
    "  -g, --gazetteer FILE add a gazetteer: TSV (NAME, TYPE, [ID, [CANONICAL]]) or a file\n"
    "                       compiled by `vnseg gazetteer compile`; repeatable, later files\n"
    "                       take precedence\n"
    "      --no-default     without the default lists\n"
    "      --fold-case      match names without case (default: initials must agree)\n"
    "      --summary        one line per entity (count, type, canonical name, id, the texts\n"
    "                       it was written as), most frequent first, instead of mentions\n"
    "      --no-heuristics  gazetteer names only\n"
    "      --no-glued       do not look for names inside glued tokens (`Mỹ_cáo_buộc`)\n"
    "      --no-heads       leave head nouns out of spans (`Quảng_Nam`, not `tỉnh Quảng_Nam`)\n"
    "      --lenient        read invalid UTF-8 as U+FFFD instead of stopping\n"
    "      --escapes        read `\\_` as a literal underscore\n"
    "      --natural        tsv: add the mention's place and text in the natural text\n"
    "                       (columns NSTART NEND NATURAL; jsonl always has them)\n"
    "      --progress       show progress on stderr (default: only when it is a terminal)\n"
    "  -h, --help           show this help\n"
    "\n"
    "Formats:\n"
    "  tsv    one mention per line: START END TYPE SOURCE CANONICAL ID TEXT, tab-separated.\n"
    "         START/END are byte offsets in the input file (END exclusive); TEXT is the\n"
    "         mention as written; SOURCE is gazetteer or heuristic; ID may be empty.\n"
    "  jsonl  one object per mention: {\"text\", \"type\", \"start\", \"end\", \"source\",\n"
    "         \"canonical\", \"id\", \"line\", \"flags\", \"natural\", \"natural_start\",\n"
    "         \"natural_end\"}.\n"
    "Natural text: NATURAL (\"natural\") is the mention as the detokenized text writes it\n"
    "(`Kim Jong-un` for `Kim_Jong-un`); NSTART/NEND (\"natural_start\", \"natural_end\") are\n"
    "byte offsets in what `vnseg detok` writes for the same file (END exclusive).\n"
    "With --summary: tsv lines COUNT TYPE CANONICAL ID TEXTS (the texts joined by \", \"), or\n"
    "jsonl objects {\"count\", \"type\", \"canonical\", \"id\", \"texts\"}.\n";

/* ---- the summary: one record per (type, canonical name, id) ---- */

#define MAX_TEXTS 4

typedef struct entity {
    char *type, *canonical, *id;
    char *texts[MAX_TEXTS];
    size_t ntexts;
    uint64_t count;
    uint64_t order; /* first seen */
} entity;

typedef struct summary {
    entity *items;
    size_t n, cap;
    size_t *slots; /* open addressing: index + 1, 0 empty */
    size_t nslots;
} summary;

static char *dup_n(const char *s, size_t n)
{
    char *p = malloc(n + 1);
    if (!p) {
        cli_error("out of memory");
        exit(1);
    }
    memcpy(p, s, n);
    p[n] = 0;
    return p;
}

static uint64_t hash_str(uint64_t h, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)s[i]) * 0x100000001b3ull;
    return (h ^ 0xff) * 0x100000001b3ull;
}

static void summary_grow(summary *s)
{
    size_t ns = s->nslots ? s->nslots * 2 : 1024;
    size_t *slots = calloc(ns, sizeof *slots);
    if (!slots) {
        cli_error("out of memory");
        exit(1);
    }
    for (size_t i = 0; i < s->n; i++) {
        entity *e = &s->items[i];
        uint64_t h = hash_str(hash_str(hash_str(14695981039346656037ull, e->type, strlen(e->type)),
                                       e->canonical, strlen(e->canonical)),
                              e->id, strlen(e->id));
        size_t k = h & (ns - 1);
        while (slots[k])
            k = (k + 1) & (ns - 1);
        slots[k] = i + 1;
    }
    free(s->slots);
    s->slots = slots;
    s->nslots = ns;
}

static void summary_add(summary *s, const char *type, const char *canon, size_t cl, const char *id,
                        size_t il, const char *text, size_t tl)
{
    if ((s->n + 1) * 2 > s->nslots) summary_grow(s);
    uint64_t h = hash_str(
        hash_str(hash_str(14695981039346656037ull, type, strlen(type)), canon, cl), id, il);
    size_t k = h & (s->nslots - 1);
    entity *e = NULL;
    while (s->slots[k]) {
        entity *c = &s->items[s->slots[k] - 1];
        if (strcmp(c->type, type) == 0 && strlen(c->canonical) == cl &&
            memcmp(c->canonical, canon, cl) == 0 && strlen(c->id) == il &&
            memcmp(c->id, id, il) == 0) {
            e = c;
            break;
        }
        k = (k + 1) & (s->nslots - 1);
    }
    if (!e) {
        if (s->n == s->cap) {
            s->cap = s->cap ? s->cap * 2 : 256;
            s->items = realloc(s->items, s->cap * sizeof *s->items);
            if (!s->items) {
                cli_error("out of memory");
                exit(1);
            }
        }
        e = &s->items[s->n];
        memset(e, 0, sizeof *e);
        e->type = dup_n(type, strlen(type));
        e->canonical = dup_n(canon, cl);
        e->id = dup_n(id, il);
        e->order = s->n;
        s->slots[k] = ++s->n;
    }
    e->count++;
    for (size_t i = 0; i < e->ntexts; i++)
        if (strlen(e->texts[i]) == tl && memcmp(e->texts[i], text, tl) == 0) return;
    if (e->ntexts < MAX_TEXTS) e->texts[e->ntexts++] = dup_n(text, tl);
}

static int by_count(const void *a, const void *b)
{
    const entity *x = a, *y = b;
    if (x->count != y->count) return x->count > y->count ? -1 : 1;
    return x->order < y->order ? -1 : x->order > y->order;
}

static void summary_print(summary *s, enum format fmt)
{
    qsort(s->items, s->n, sizeof *s->items, by_count);
    for (size_t i = 0; i < s->n; i++) {
        entity *e = &s->items[i];
        if (fmt == FMT_TSV) {
            out_u64(e->count);
            out_char('\t');
            out_str(e->type);
            out_char('\t');
            out_str(e->canonical);
            out_char('\t');
            out_str(e->id);
            out_char('\t');
            for (size_t t = 0; t < e->ntexts; t++) {
                if (t) out_str(", ");
                out_str(e->texts[t]);
            }
            out_char('\n');
        } else {
            out_str("{\"count\":");
            out_u64(e->count);
            out_str(",\"type\":");
            out_json_string(e->type, strlen(e->type));
            out_str(",\"canonical\":");
            out_json_string(e->canonical, strlen(e->canonical));
            out_str(",\"id\":");
            out_json_string(e->id, strlen(e->id));
            out_str(",\"texts\":[");
            for (size_t t = 0; t < e->ntexts; t++) {
                if (t) out_char(',');
                out_json_string(e->texts[t], strlen(e->texts[t]));
            }
            out_str("]}\n");
        }
    }
}

static void summary_free(summary *s)
{
    for (size_t i = 0; i < s->n; i++) {
        free(s->items[i].type);
        free(s->items[i].canonical);
        free(s->items[i].id);
        for (size_t t = 0; t < s->items[i].ntexts; t++)
            free(s->items[i].texts[t]);
    }
    free(s->items);
    free(s->slots);
}

/* ---- mentions ---- */

typedef struct ent_opts {
    enum format format;
    uint32_t tok_options, scan_options;
    bool summary, natural;
} ent_opts;

/* The line in natural text (the detokenizer's output), to place mentions in it. */
typedef struct natural {
    const vnseg_doc *doc;
    const vnseg_detok *d;
    uint64_t base; /* bytes `vnseg detok` wrote for the file before this line */
} natural;

/* Where a mention lies in the natural text of its line: the output spans of its first and
 * last tokens, narrowed to the syllables it covers when it starts or ends inside a glued token
 * (a token's output is its bytes with `_` as spaces, so offsets inside it carry over). */
static void natural_span(const natural *n, const vnseg_mention *x, uint64_t *start, uint64_t *end)
{
    const vnseg_token *tk = vnseg_doc_tokens(n->doc);
    const vnseg_span *sp = vnseg_detok_spans(n->d);
    const vnseg_token *t0 = &tk[x->first_token], *t1 = &tk[x->first_token + x->token_count - 1];
    const vnseg_span *s0 = &sp[x->first_token], *s1 = &sp[x->first_token + x->token_count - 1];
    *start = s0->offset;
    if (s0->length == t0->length && x->offset > t0->offset) *start += x->offset - t0->offset;
    *end = s1->offset + s1->length;
    uint64_t xend = x->offset + x->length;
    if (s1->length == t1->length && xend < t1->offset + t1->length)
        *end = s1->offset + (xend - t1->offset);
}

static const char *const flag_names[] = {"partial", "head", "cued", "foreign", "acronym", "sstart"};

static void write_mention(const vnseg_gazetteer *g, const vnseg_mentions *m, size_t i,
                          const char *text, uint64_t base, uint64_t line_no, const ent_opts *o,
                          const natural *n)
{
    const vnseg_mention *x = &vnseg_mentions_get(m)[i];
    const char *type = vnseg_gazetteer_type_name(g, x->type), *canon, *id;
    size_t cl, il;
    vnseg_mention_canonical(m, i, &canon, &cl);
    vnseg_mention_id(m, i, &id, &il);
    if (!type) type = "?";
    uint64_t ns = 0, ne = 0;
    const char *ntext = NULL;
    if (n) {
        natural_span(n, x, &ns, &ne);
        ntext = vnseg_detok_text(n->d, NULL);
    }
    if (o->format == FMT_TSV) {
        out_u64(base + x->offset);
        out_char('\t');
        out_u64(base + x->offset + x->length);
        out_char('\t');
        out_str(type);
        out_char('\t');
        out_str(vnseg_source_name(x->source));
        out_char('\t');
        out_bytes(canon, cl);
        out_char('\t');
        out_bytes(id, il);
        out_char('\t');
        out_bytes(text + x->offset, (size_t)x->length);
        if (n) {
            out_char('\t');
            out_u64(n->base + ns);
            out_char('\t');
            out_u64(n->base + ne);
            out_char('\t');
            out_bytes(ntext + ns, (size_t)(ne - ns));
        }
        out_char('\n');
        return;
    }
    out_str("{\"text\":");
    out_json_string(text + x->offset, (size_t)x->length);
    out_str(",\"type\":");
    out_json_string(type, strlen(type));
    out_str(",\"start\":");
    out_u64(base + x->offset);
    out_str(",\"end\":");
    out_u64(base + x->offset + x->length);
    out_str(",\"source\":\"");
    out_str(vnseg_source_name(x->source));
    out_str("\",\"canonical\":");
    out_json_string(canon, cl);
    out_str(",\"id\":");
    out_json_string(id, il);
    out_str(",\"line\":");
    out_u64(line_no);
    out_str(",\"flags\":[");
    bool any = false;
    for (unsigned b = 0; b < sizeof flag_names / sizeof *flag_names; b++)
        if (x->flags & (1u << b)) {
            out_str(any ? ",\"" : "\"");
            out_str(flag_names[b]);
            out_char('"');
            any = true;
        }
    out_str("],\"natural\":");
    out_json_string(ntext + ns, (size_t)(ne - ns));
    out_str(",\"natural_start\":");
    out_u64(n->base + ns);
    out_str(",\"natural_end\":");
    out_u64(n->base + ne);
    out_str("}\n");
}

/* What the line callback works with; nat.base restarts at 0 with each file. */
typedef struct ent_run {
    vnseg_doc *doc;
    vnseg_mentions *m;
    const vnseg_gazetteer *g;
    const ent_opts *o;
    summary *sum;
    vnseg_detok *d;
    bool want_natural;
    natural nat;
} ent_run;

static int do_line(const cli_input *in, const vnseg_line *line, void *ctx)
{
    ent_run *run = ctx;
    const ent_opts *o = run->o;
    vnseg_mentions *m = run->m;
    const vnseg_gazetteer *g = run->g;
    if (vnseg_tokenize(run->doc, line->data, line->length, o->tok_options) != VNSEG_OK ||
        vnseg_scan_entities(m, run->doc, g, o->scan_options) != VNSEG_OK ||
        (run->want_natural && vnseg_detokenize_into(run->d, run->doc, 0) != VNSEG_OK)) {
        cli_lib_error(in->name, line->offset);
        return 1;
    }
    for (size_t i = 0, n = vnseg_mentions_count(m); i < n; i++) {
        if (o->summary) {
            const vnseg_mention *x = &vnseg_mentions_get(m)[i];
            const char *canon, *id, *type = vnseg_gazetteer_type_name(g, x->type);
            size_t cl, il;
            vnseg_mention_canonical(m, i, &canon, &cl);
            vnseg_mention_id(m, i, &id, &il);
            summary_add(run->sum, type ? type : "?", canon, cl, id, il, line->data + x->offset,
                        (size_t)x->length);
        } else {
            write_mention(g, m, i, line->data, line->offset, line->number, o,
                          run->want_natural ? &run->nat : NULL);
        }
    }
    if (run->want_natural) {
        /* What `vnseg detok` writes for this line and the end of line after it. */
        size_t len;
        vnseg_detok_text(run->d, &len);
        run->nat.base += len;
        if (line->flags & VNSEG_LINE_CONTINUED)
            run->nat.base += len > 0;
        else if (!(line->flags & VNSEG_LINE_NO_EOL))
            run->nat.base += line->flags & VNSEG_LINE_CRLF ? 2 : 1;
    }
    return 0;
}

static int run_input(cli_input *in, void *ctx)
{
    ent_run *run = ctx;
    run->nat.base = 0;
    return cli_for_each_line(in, do_line, run);
}

int cmd_entities(int argc, char **argv)
{
    ent_opts o = {FMT_TSV, 0, 0, false, false};
    bool with_default = true;
    uint32_t gaz_flags = 0;
    int ngaz = 0;
    cli_args args;
    bool args_ok = cli_args_init(&args, argc);
    char **gaz = calloc((size_t)argc + 1, sizeof *gaz);
    if (!args_ok || !gaz) {
        cli_args_free(&args);
        free(gaz);
        return 1;
    }
    int status = 0;
    for (int i = 1; i < argc && status == 0; i++) {
        const char *a = argv[i], *v;
        if (cli_opt_value(argc, argv, &i, "--format", &v) ||
            cli_opt_value(argc, argv, &i, "-f", &v)) {
            if (strcmp(v, "tsv") == 0) {
                o.format = FMT_TSV;
            } else if (strcmp(v, "jsonl") == 0) {
                o.format = FMT_JSONL;
            } else {
                cli_error("unknown format '%s' (tsv or jsonl)", v);
                status = 2;
            }
        } else if (cli_opt_value(argc, argv, &i, "--gazetteer", &v) ||
                   cli_opt_value(argc, argv, &i, "-g", &v)) {
            gaz[ngaz++] = (char *)v;
        } else if (strcmp(a, "--no-default") == 0) {
            with_default = false;
        } else if (strcmp(a, "--fold-case") == 0) {
            gaz_flags |= VNSEG_GAZ_FOLD_CASE;
        } else if (strcmp(a, "--summary") == 0) {
            o.summary = true;
        } else if (strcmp(a, "--no-heuristics") == 0) {
            o.scan_options |= VNSEG_SCAN_NO_HEURISTICS;
        } else if (strcmp(a, "--no-glued") == 0) {
            o.scan_options |= VNSEG_SCAN_NO_GLUED;
        } else if (strcmp(a, "--no-heads") == 0) {
            o.scan_options |= VNSEG_SCAN_NO_HEADS;
        } else if (strcmp(a, "--lenient") == 0) {
            o.tok_options |= VNSEG_OPT_LENIENT;
        } else if (strcmp(a, "--escapes") == 0) {
            o.tok_options |= VNSEG_OPT_ESCAPES;
        } else if (strcmp(a, "--natural") == 0) {
            o.natural = true;
        } else {
            int st = cli_args_other(&args, a, "entities", help);
            if (st >= 0) {
                cli_args_free(&args);
                free(gaz);
                return st;
            }
        }
    }
    if (status) {
        cli_args_free(&args);
        free(gaz);
        return status;
    }
    vnseg_gazetteer *g = NULL;
    if ((with_default || ngaz > 0) &&
        !(g = cli_gazetteer_load(gaz, ngaz, with_default, gaz_flags))) {
        cli_args_free(&args);
        free(gaz);
        return 1;
    }
    vnseg_doc *doc = vnseg_doc_new();
    vnseg_mentions *m = vnseg_mentions_new();
    vnseg_detok *d = vnseg_detok_new();
    summary sum = {0};
    if (!doc || !m || !d) {
        cli_error("out of memory");
        status = 1;
    }
    /* Natural text as `vnseg detok` writes it (default rules), for the natural offsets. */
    bool want_natural = !o.summary && (o.format == FMT_JSONL || o.natural);
    ent_run run = {doc, m, g, &o, &sum, d, want_natural, {doc, d, 0}};
    if (status == 0)
        status = cli_for_each_input(&args, run_input, &run);
    if (status == 0 && o.summary) summary_print(&sum, o.format);
    if (!out_flush()) status = 1;
    summary_free(&sum);
    vnseg_detok_free(d);
    vnseg_mentions_free(m);
    vnseg_doc_free(doc);
    vnseg_gazetteer_free(g);
    cli_args_free(&args);
    free(gaz);
    return status;
}
