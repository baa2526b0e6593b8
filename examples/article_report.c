/* article_report: one word-segmented article in, a report a person reads out: the text with
 * its people, places and organizations marked, counts, and the table of entities. */
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <vnseg.h>

/* Colours by type (PER, LOC, ORG, MISC) on a terminal; brackets elsewhere. */
static const char *const colours[] = {"\033[1;33m", "\033[1;32m", "\033[1;36m", "\033[1;35m"};

typedef struct row {
    const char *name, *type;
    size_t name_len, count;
} row;

static int by_count(const void *a, const void *b)
{
    const row *x = a, *y = b;
    return x->count != y->count ? (x->count < y->count ? 1 : -1) : 0;
}

static char *read_all(FILE *f, size_t *len)
{
    size_t cap = 1 << 16, n = 0, r;
    char *buf = malloc(cap);
    while (buf && (r = fread(buf + n, 1, cap - n, f)) > 0)
        if ((n += r) == cap) buf = realloc(buf, cap *= 2);
    *len = n;
    return buf;
}

int main(int argc, char **argv)
{
    FILE *f = argc > 1 ? fopen(argv[1], "rb") : stdin;
    if (!f) {
        perror(argv[1]);
        return 1;
    }
    size_t len;
    char *text = read_all(f, &len);
    vnseg_doc *doc = vnseg_doc_new();
    vnseg_gazetteer *gaz = NULL;
    vnseg_mentions *m = vnseg_mentions_new();
    if (!text || !doc || !m || vnseg_tokenize(doc, text, len, VNSEG_OPT_LENIENT) != VNSEG_OK ||
        vnseg_gazetteer_default(&gaz) != VNSEG_OK ||
        vnseg_scan_entities(m, doc, gaz, 0) != VNSEG_OK) {
        fprintf(stderr, "article_report: %s\n", vnseg_error_last()->message);
        return 1;
    }
    /* The natural text (the detokenizer's output) and where each token went in it. */
    vnseg_detok *nat = NULL;
    if (vnseg_detokenize(doc, 0, &nat) != VNSEG_OK) {
        fprintf(stderr, "article_report: %s\n", vnseg_error_last()->message);
        return 1;
    }
    bool tty = isatty(STDOUT_FILENO);
    const vnseg_token *tok = vnseg_doc_tokens(doc);
    const vnseg_span *span = vnseg_detok_spans(nat);
    const vnseg_mention *x = vnseg_mentions_get(m);
    size_t ntok = vnseg_doc_token_count(doc), nm = vnseg_mentions_count(m), words = 0, nlen;
    const char *natural = vnseg_detok_text(nat, &nlen);
    for (size_t i = 0; i < ntok; i++)
        words += tok[i].kind == VNSEG_KIND_WORD;

    /* The natural text with every mention marked. A mention covers the output of its tokens;
     * one inside a glued token (`Mỹ_cáo_buộc`) covers its own syllables there, since a token's
     * output is its bytes with `_` written as spaces. */
    size_t pos = 0;
    for (size_t k = 0; k < nm; k++) {
        const vnseg_token *t0 = &tok[x[k].first_token];
        const vnseg_token *t1 = &tok[x[k].first_token + x[k].token_count - 1];
        const vnseg_span *s0 = &span[x[k].first_token];
        const vnseg_span *s1 = &span[x[k].first_token + x[k].token_count - 1];
        size_t start = s0->offset + (x[k].offset - t0->offset);
        size_t end = s1->offset + (x[k].offset + x[k].length - t1->offset);
        fwrite(natural + pos, 1, start - pos, stdout);
        fputs(tty ? colours[x[k].type < 4 ? x[k].type : 3] : "[", stdout);
        fwrite(natural + start, 1, end - start, stdout);
        if (tty)
            fputs("\033[0m", stdout);
        else
            printf("]%s", vnseg_gazetteer_type_name(gaz, x[k].type));
        pos = end;
    }
    fwrite(natural + pos, 1, nlen - pos, stdout);
    if (nlen && natural[nlen - 1] != '\n') putchar('\n');

    /* Counts, then the entities: one row per type and canonical name, most frequent first. */
    printf("\n%zu sentences, %zu words, %zu mentions of named entities\n\n",
           vnseg_doc_sentence_count(doc), words, nm);
    row *rows = calloc(nm + 1, sizeof *rows);
    size_t nrows = 0;
    for (size_t i = 0; rows && i < nm; i++) {
        const char *name, *type = vnseg_gazetteer_type_name(gaz, x[i].type);
        size_t name_len, r = 0;
        vnseg_mention_canonical(m, i, &name, &name_len);
        while (r < nrows && !(rows[r].type == type && rows[r].name_len == name_len &&
                              memcmp(rows[r].name, name, name_len) == 0))
            r++;
        if (r == nrows) rows[nrows++] = (row){name, type, name_len, 0};
        rows[r].count++;
    }
    qsort(rows, nrows, sizeof *rows, by_count);
    printf("%5s  %-4s  %s\n", "count", "type", "entity");
    for (size_t r = 0; r < nrows; r++)
        printf("%5zu  %-4s  %.*s\n", rows[r].count, rows[r].type, (int)rows[r].name_len,
               rows[r].name);
    free(rows);
    vnseg_detok_free(nat);
    vnseg_mentions_free(m);
    vnseg_gazetteer_free(gaz);
    vnseg_doc_free(doc);
    free(text);
    if (f != stdin) fclose(f);
    return 0;
}
