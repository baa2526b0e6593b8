/* vnseg train: learn a segmentation model from segmented corpora, CoNLL-U and word lists. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"
#include "commands.h"

static const char help[] =
    "Usage: vnseg train -o MODEL [OPTIONS] [CORPUS...]\n"
    "\n"
    "Learn a word segmentation model. CORPUS files are segmented text (one sentence per line,\n"
    "the syllables of a word joined by `_`) or CoNLL-U (a FORM with spaces is one word). With\n"
    "word lists only (--lexicon) the model is lexicon-only: longest match over the words.\n"
    "\n"
    "Options:\n"
    "  -o, --output MODEL   the model file to write (required)\n"
    "  -f, --format FMT     seg, conllu or auto (default: auto, by the file's name and\n"
    "                       contents); applies to the CORPUS files after it\n"
    "  -l, --lexicon FILE   a word list: one word per line, syllables separated by spaces or\n"
    "                       `_`, further tab-separated columns ignored (repeatable)\n"
    "  -s, --source N[:W]   the CORPUS files after it come from source N (0..3, default 0)\n"
    "                       with weight W (1/16..16, default 1). The model segments like\n"
    "                       source 0; other sources (other conventions, another tool's\n"
    "                       output) help through shared and per-source feature copies\n"
    "      --epochs N       passes over the corpus (default 10)\n"
    "      --hash-bits N    weight table of 2^N entries, 16..26 (default 18, 512 KiB)\n"
    "      --seed N         shuffling seed (default 1); training is deterministic\n"
    "  -q, --quiet          no progress on stderr\n"
    "  -h, --help           show this help\n";

typedef struct train_ctx {
    bool quiet;
} train_ctx;

static void on_progress(void *ctx, const char *stage, uint32_t done, uint32_t total)
{
    const train_ctx *c = ctx;
    if (c->quiet) return;
    if (strcmp(stage, "epoch") == 0)
        fprintf(stderr, "%s: training: epoch %u of %u\n", cli_program, done + 1, total);
    else
        fprintf(stderr, "%s: training: %s\n", cli_program, stage);
}

/* Guess the format of a corpus: CoNLL-U when named so or when a line has 9 tabs. */
static vnseg_corpus_format detect(const char *path, const char *data, size_t len)
{
    size_t pl = strlen(path);
    if (pl > 7 && strcmp(path + pl - 7, ".conllu") == 0) return VNSEG_CORPUS_CONLLU;
    const char *p = data, *end = data + (len < 65536 ? len : 65536);
    while (p < end) {
        const char *nl = memchr(p, '\n', (size_t)(end - p));
        const char *le = nl ? nl : end;
        if (le > p && *p != '#') {
            int tabs = 0;
            for (const char *q = p; q < le; q++)
                tabs += *q == '\t';
            return tabs == 9 ? VNSEG_CORPUS_CONLLU : VNSEG_CORPUS_SEGMENTED;
        }
        p = nl ? nl + 1 : end;
    }
    return VNSEG_CORPUS_SEGMENTED;
}

/* Read a whole file into memory (stdin for "-"). */
static char *slurp(const char *path, size_t *len)
{
    int fd = strcmp(path, "-") == 0 ? STDIN_FILENO : open(path, O_RDONLY);
    if (fd < 0) {
        cli_error("%s: %s", path, strerror(errno));
        return NULL;
    }
    size_t cap = 1 << 20, n = 0;
    char *buf = malloc(cap);
    while (buf) {
        if (n == cap) {
            char *b = realloc(buf, cap *= 2);
            if (!b) {
                free(buf);
                buf = NULL;
                break;
            }
            buf = b;
        }
        ssize_t r = read(fd, buf + n, cap - n);
        if (r < 0 && errno == EINTR) continue;
        if (r < 0) {
            cli_error("%s: %s", path, strerror(errno));
            free(buf);
            buf = NULL;
            break;
        }
        if (r == 0) break;
        n += (size_t)r;
    }
    if (fd != STDIN_FILENO) close(fd);
    if (!buf) return NULL;
    *len = n;
    return buf;
}

/* One input file: its format (-1 auto, or a vnseg_corpus_format), source and weight. */
typedef struct train_input {
    const char *path;
    int format;
    unsigned source;
    double weight;
} train_input;

static bool add_file(vnseg_trainer *t, const train_input *in, bool quiet)
{
    const char *path = in->path;
    int format = in->format;
    if (format != VNSEG_CORPUS_WORDLIST &&
        vnseg_trainer_set_source(t, in->source, in->weight) != VNSEG_OK) {
        cli_lib_error(path, 0);
        return false;
    }
    size_t len = 0;
    char *data = slurp(path, &len);
    if (!data) return false;
    vnseg_corpus_format f = format >= 0 ? (vnseg_corpus_format)format : detect(path, data, len);
    if (!quiet)
        fprintf(stderr, "%s: reading %s (%s, %.1f MB)\n", cli_program, path,
                f == VNSEG_CORPUS_CONLLU     ? "CoNLL-U"
                : f == VNSEG_CORPUS_WORDLIST ? "word list"
                                             : "segmented",
                len / 1e6);
    bool ok = vnseg_trainer_add(t, f, data, len) == VNSEG_OK;
    if (!ok) cli_lib_error(path, 0);
    free(data);
    return ok;
}

int cmd_train(int argc, char **argv)
{
    const char *output = NULL;
    vnseg_train_options o = {sizeof o, 0, 0, 0, 0};
    train_ctx ctx = {false};
    int format = -1;
    unsigned source = 0;
    double weight = 1;
    int ninputs = 0;
    train_input *inputs = calloc((size_t)argc + 1, sizeof *inputs);
    if (!inputs) return 1;
    int status = 2;
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i], *v;
        if (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0) {
            fputs(help, stdout);
            status = 0;
            goto done;
        } else if (cli_opt_value(argc, argv, &i, "--output", &v) ||
                   cli_opt_value(argc, argv, &i, "-o", &v)) {
            output = v;
        } else if (cli_opt_value(argc, argv, &i, "--format", &v) ||
                   cli_opt_value(argc, argv, &i, "-f", &v)) {
            if (strcmp(v, "seg") == 0)
                format = VNSEG_CORPUS_SEGMENTED;
            else if (strcmp(v, "conllu") == 0)
                format = VNSEG_CORPUS_CONLLU;
            else if (strcmp(v, "auto") == 0)
                format = -1;
            else {
                cli_error("train: unknown format '%s' (seg, conllu or auto)", v);
                goto done;
            }
        } else if (cli_opt_value(argc, argv, &i, "--lexicon", &v) ||
                   cli_opt_value(argc, argv, &i, "-l", &v)) {
            inputs[ninputs++] = (train_input){v, VNSEG_CORPUS_WORDLIST, 0, 1};
        } else if (cli_opt_value(argc, argv, &i, "--source", &v) ||
                   cli_opt_value(argc, argv, &i, "-s", &v)) {
            char *end;
            unsigned long n = strtoul(v, &end, 10);
            weight = 1;
            if (*end == ':') weight = strtod(end + 1, &end);
            if (end == v || *end || n >= VNSEG_TRAIN_SOURCES || !(weight >= 1.0 / 16) ||
                weight > 16) {
                cli_error("train: --source '%s': give N or N:W, N 0..%d, W 1/16..16", v,
                          VNSEG_TRAIN_SOURCES - 1);
                goto done;
            }
            source = (unsigned)n;
        } else if (cli_opt_value(argc, argv, &i, "--epochs", &v)) {
            o.epochs = (uint32_t)strtoul(v, NULL, 10);
        } else if (cli_opt_value(argc, argv, &i, "--hash-bits", &v)) {
            o.hash_bits = (uint32_t)strtoul(v, NULL, 10);
        } else if (cli_opt_value(argc, argv, &i, "--seed", &v)) {
            o.seed = strtoull(v, NULL, 10);
        } else if (strcmp(a, "-q") == 0 || strcmp(a, "--quiet") == 0) {
            ctx.quiet = true;
        } else if (a[0] == '-' && a[1] != 0) {
            cli_error("train: unknown option '%s' (try vnseg train --help)", a);
            goto done;
        } else {
            inputs[ninputs++] = (train_input){argv[i], format, source, weight};
        }
    }
    if (!output || ninputs == 0) {
        cli_error("train: give -o MODEL and at least one CORPUS or --lexicon FILE");
        goto done;
    }
    vnseg_trainer *t = NULL;
    if (vnseg_trainer_new(&o, &t) != VNSEG_OK) {
        cli_error("train: %s", vnseg_error_last()->message);
        goto done;
    }
    status = 1;
    for (int k = 0; k < ninputs; k++)
        if (!add_file(t, &inputs[k], ctx.quiet)) goto free_trainer;
    vnseg_model *model = NULL;
    if (vnseg_trainer_train(t, on_progress, &ctx, &model) != VNSEG_OK) {
        cli_error("train: %s", vnseg_error_last()->message);
        goto free_trainer;
    }
    if (vnseg_model_save(model, output) != VNSEG_OK) {
        cli_error("train: %s", vnseg_error_last()->message);
    } else {
        vnseg_model_info info;
        vnseg_model_get_info(model, &info);
        if (!ctx.quiet)
            fprintf(stderr,
                    "%s: wrote %s: %s model, %llu sentences, %llu syllables, %llu lexicon "
                    "words, %.1f MB\n",
                    cli_program, output,
                    info.kind == VNSEG_MODEL_PERCEPTRON ? "perceptron" : "lexicon-only",
                    (unsigned long long)info.train_sentences,
                    (unsigned long long)info.train_syllables,
                    (unsigned long long)info.lexicon_words, info.file_bytes / 1e6);
        status = 0;
    }
    vnseg_model_free(model);
free_trainer:
    vnseg_trainer_free(t);
done:
    free(inputs);
    return status;
}
