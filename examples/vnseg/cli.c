/* Shared plumbing of the vnseg program: buffered output, input files and the loop over them
 * and their lines, the arguments all reading commands share, progress, errors. */
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "cli.h"

const char *cli_program = "vnseg";

/* ---- output ---- */

static char obuf[1 << 20];
static size_t olen;
static bool ofailed;

bool out_flush(void)
{
    size_t done = 0;
    while (done < olen && !ofailed) {
        ssize_t w = write(STDOUT_FILENO, obuf + done, olen - done);
        if (w < 0 && errno == EINTR)
            continue;
        if (w < 0) {
            if (errno != EPIPE)
                cli_error("cannot write output: %s", strerror(errno));
            ofailed = true;
            break;
        }
        done += (size_t)w;
    }
    olen = 0;
    return !ofailed;
}

void out_bytes(const void *p, size_t n)
{
    if (n > sizeof obuf - olen) {
        out_flush();
        if (n > sizeof obuf) {
            const char *c = p;
            while (n > 0 && !ofailed) {
                size_t k = n < sizeof obuf ? n : sizeof obuf;
                memcpy(obuf, c, k);
                olen = k;
                out_flush();
                c += k;
                n -= k;
            }
            return;
        }
    }
    memcpy(obuf + olen, p, n);
    olen += n;
}

void out_str(const char *s)
{
    out_bytes(s, strlen(s));
}

void out_char(char c)
{
    if (olen == sizeof obuf)
        out_flush();
    obuf[olen++] = c;
}

void out_u64(uint64_t v)
{
    char tmp[24];
    int n = 0;
    do {
        tmp[sizeof tmp - 1 - n++] = (char)('0' + v % 10);
        v /= 10;
    } while (v);
    out_bytes(tmp + sizeof tmp - n, (size_t)n);
}

void out_json_string(const char *s, size_t n)
{
    static const char hex[] = "0123456789abcdef";
    const unsigned char *p = (const unsigned char *)s, *end = p + n;
    out_char('"');
    while (p < end) {
        const unsigned char *run = p;
        while (p < end && *p >= 0x20 && *p < 0x80 && *p != '"' && *p != '\\')
            p++;
        out_bytes(run, (size_t)(p - run));
        if (p == end)
            break;
        unsigned c = *p;
        if (c == '"' || c == '\\') {
            out_char('\\');
            out_char((char)c);
            p++;
        } else if (c < 0x20) {
            char esc[6] = {'\\', 'u', '0', '0', hex[c >> 4], hex[c & 15]};
            out_bytes(esc, 6);
            p++;
        } else {
            /* Copy a well-formed multi-byte character, or write U+FFFD for ill-formed bytes. */
            size_t k = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC2 ? 2 : 0;
            bool ok = k && (size_t)(end - p) >= k;
            for (size_t i = 1; ok && i < k; i++)
                ok = (p[i] & 0xC0) == 0x80;
            if (ok && k == 3)
                ok = !(c == 0xE0 && p[1] < 0xA0) && !(c == 0xED && p[1] > 0x9F);
            if (ok && k == 4)
                ok = c <= 0xF4 && !(c == 0xF0 && p[1] < 0x90) && !(c == 0xF4 && p[1] > 0x8F);
            if (ok) {
                out_bytes(p, k);
                p += k;
            } else {
                out_str("\xEF\xBF\xBD");
                p++;
                while (p < end && (*p & 0xC0) == 0x80 && (size_t)(p - run) < 4)
                    p++;
            }
        }
    }
    out_char('"');
}

/* ---- messages ---- */

void cli_error(const char *fmt, ...)
{
    progress_end();
    va_list ap;
    va_start(ap, fmt);
    fprintf(stderr, "%s: ", cli_program);
    vfprintf(stderr, fmt, ap);
    fputc('\n', stderr);
    va_end(ap);
}

void cli_lib_error(const char *file, uint64_t base_offset)
{
    const vnseg_error *e = vnseg_error_last();
    if (e->offset != VNSEG_NO_OFFSET)
        cli_error("%s: %s at byte %llu: %s", file, vnseg_status_message(e->status),
                  (unsigned long long)(base_offset + e->offset), e->message);
    else
        cli_error("%s: %s", file, e->message);
}

/* ---- inputs ---- */

bool cli_input_open(cli_input *in, const char *path)
{
    memset(in, 0, sizeof *in);
    if (strcmp(path, "-") == 0) {
        in->name = "<stdin>";
        in->fd = STDIN_FILENO;
    } else {
        in->name = path;
        in->fd = open(path, O_RDONLY);
        if (in->fd < 0) {
            cli_error("%s: %s", path, strerror(errno));
            return false;
        }
    }
    struct stat st;
    if (fstat(in->fd, &st) == 0 && S_ISREG(st.st_mode))
        in->size = (uint64_t)st.st_size;
    if (vnseg_reader_new_fd(in->fd, 0, &in->reader) != VNSEG_OK) {
        cli_lib_error(in->name, 0);
        cli_input_close(in);
        return false;
    }
    return true;
}

void cli_input_close(cli_input *in)
{
    vnseg_reader_free(in->reader);
    in->reader = NULL;
    if (in->fd > STDIN_FILENO)
        close(in->fd);
    in->fd = -1;
}

int cli_for_each_line(cli_input *in, cli_line_fn each, void *ctx)
{
    vnseg_line line;
    int r;
    while ((r = vnseg_reader_next(in->reader, &line)) > 0) {
        int status = each(in, &line, ctx);
        if (status != 0)
            return status;
        progress_update(vnseg_reader_bytes(in->reader));
    }
    if (r < 0) {
        cli_lib_error(in->name, 0);
        return 1;
    }
    return 0;
}

int cli_for_each_input(const cli_args *args, cli_input_fn each, void *ctx)
{
    int status = 0;
    cli_input in;
    for (int f = 0; f < (args->nfiles ? args->nfiles : 1) && status == 0; f++) {
        if (!cli_input_open(&in, args->nfiles ? args->files[f] : "-"))
            return 1;
        progress_start(args->progress, in.size);
        status = each(&in, ctx);
        progress_end();
        cli_input_close(&in);
    }
    return status;
}

/* ---- progress ---- */

static bool prog_on;
static bool prog_shown;
static uint64_t prog_total;
static double prog_t0, prog_last;

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

void progress_start(bool forced, uint64_t total_bytes)
{
    prog_on = forced || isatty(STDERR_FILENO);
    prog_total = total_bytes;
    prog_t0 = prog_last = now();
}

void progress_update(uint64_t done)
{
    if (!prog_on)
        return;
    double t = now();
    if (t - prog_last < 0.5)
        return;
    prog_last = t;
    double rate = done / 1e6 / (t - prog_t0 > 1e-9 ? t - prog_t0 : 1e-9);
    if (prog_total > 0) {
        double left = done < prog_total ? (prog_total - done) / 1e6 / (rate > 0 ? rate : 1) : 0;
        fprintf(stderr, "\r%s: %.1f / %.1f MB (%.0f%%), %.1f MB/s, ETA %d:%02d   ", cli_program,
                done / 1e6, prog_total / 1e6, 100.0 * done / prog_total, rate, (int)left / 60,
                (int)left % 60);
    } else {
        fprintf(stderr, "\r%s: %.1f MB, %.1f MB/s   ", cli_program, done / 1e6, rate);
    }
    prog_shown = true;
}

void progress_end(void)
{
    if (prog_shown)
        fputc('\n', stderr);
    prog_shown = false;
}

/* ---- options ---- */

bool cli_args_init(cli_args *args, int argc)
{
    args->files = calloc((size_t)argc + 1, sizeof *args->files);
    args->nfiles = 0;
    args->progress = false;
    return args->files != NULL;
}

void cli_args_free(cli_args *args)
{
    free(args->files);
    args->files = NULL;
}

int cli_args_other(cli_args *args, const char *arg, const char *cmd, const char *help)
{
    if (strcmp(arg, "-h") == 0 || strcmp(arg, "--help") == 0) {
        fputs(help, stdout);
        return 0;
    } else if (strcmp(arg, "--progress") == 0) {
        args->progress = true;
    } else if (arg[0] == '-' && arg[1] != 0) {
        cli_error("%s: unknown option '%s' (try vnseg %s --help)", cmd, arg, cmd);
        return 2;
    } else {
        args->files[args->nfiles++] = arg;
    }
    return -1;
}

bool cli_opt_value(int argc, char **argv, int *i, const char *name, const char **value)
{
    size_t n = strlen(name);
    const char *a = argv[*i];
    if (strncmp(a, name, n) != 0)
        return false;
    if (a[n] == '=') {
        *value = a + n + 1;
        return true;
    }
    if (a[n] != 0)
        return false;
    if (*i + 1 >= argc) {
        cli_error("option %s needs a value", name);
        exit(2);
    }
    *value = argv[++*i];
    return true;
}
