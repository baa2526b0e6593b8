/* The gazetteer's TSV reader: NAME, TYPE, optional canonical id and name per line, comments,
 * errors with line numbers, all or nothing per text. */
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "gazetteer_builder.h"

typedef struct field {
    const char *s;
    size_t n;
} field;

static field trim(const char *s, size_t n)
{
    while (n && (*s == ' '))
        s++, n--;
    while (n && s[n - 1] == ' ')
        n--;
    return (field){s, n};
}

/* Add one non-comment line. On error, *why says what. */
static vnseg_status add_line(vnseg_gazetteer_builder *b, const char *s, size_t n, const char **why)
{
    field f[5];
    size_t nf = 0;
    for (size_t i = 0, start = 0; i <= n; i++) {
        if (i == n || s[i] == '\t') {
            if (nf == 4) {
                *why = "more than four fields";
                return VNSEG_E_FORMAT;
            }
            f[nf++] = trim(s + start, i - start);
            start = i + 1;
        }
    }
    if (nf < 2 || f[1].n == 0) {
        *why = "no type (fields are separated by tabs: NAME, TYPE, [ID, [CANONICAL]])";
        return VNSEG_E_FORMAT;
    }
    if (f[0].n == 0) {
        *why = "empty name";
        return VNSEG_E_FORMAT;
    }
    vnseg_status st;
    if (f[1].n == 1 && f[1].s[0] == '-') {
        st = vn_builder_remove(b, f[0].s, f[0].n, why);
    } else {
        vnseg_gaz_entry e = {0};
        st = vn_builder_type(b, f[1].s, f[1].n, &e.type, why);
        if (st != VNSEG_OK) return st == VNSEG_E_NOMEM ? st : VNSEG_E_FORMAT;
        e.name = f[0].s;
        e.name_len = f[0].n;
        if (nf > 2) {
            e.id = f[2].s;
            e.id_len = f[2].n;
        }
        if (nf > 3) {
            e.canonical = f[3].s;
            e.canonical_len = f[3].n;
        }
        st = vn_builder_add(b, &e, why);
    }
    return st == VNSEG_E_NOMEM || st == VNSEG_OK ? st : VNSEG_E_FORMAT;
}

/* Parse TSV text; `source` names it in messages ("" for text given in memory). */
static vnseg_status add_tsv(vnseg_gazetteer_builder *b, const char *text, size_t len,
                            const char *source)
{
    vn_builder_mark mark = vn_builder_mark_get(b);
    size_t pos = 0;
    uint64_t line = 0;
    if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0) pos = 3;
    while (pos < len) {
        line++;
        const char *nl = memchr(text + pos, '\n', len - pos);
        size_t end = nl ? (size_t)(nl - text) : len, n = end - pos;
        const char *s = text + pos;
        if (n && s[n - 1] == '\r') n--;
        size_t bad;
        const char *why = NULL;
        vnseg_status st = VNSEG_OK;
        size_t k = 0;
        while (k < n && (s[k] == ' ' || s[k] == '\t'))
            k++;
        if (!vn_utf8_valid((const unsigned char *)s, n, &bad)) {
            why = "invalid UTF-8";
            st = VNSEG_E_FORMAT;
        } else if (k < n && s[k] != '#') {
            st = add_line(b, s, n, &why);
        }
        if (st != VNSEG_OK) {
            vn_builder_rollback(b, mark);
            if (st == VNSEG_E_NOMEM) return vn_fail_simple(st);
            return vn_fail(st, pos, line, "%s%sline %llu: %s", source, *source ? ": " : "",
                           (unsigned long long)line, why ? why : "bad line");
        }
        pos = end + 1;
    }
    return VNSEG_OK;
}

VNSEG_EXPORT vnseg_status vnseg_gazetteer_builder_add_tsv(vnseg_gazetteer_builder *b,
                                                          const char *text, size_t len)
{
    VN_CHECK_LEN("vnseg_gazetteer_builder_add_tsv", text, len);
    if (!b || (!text && len)) return vn_fail_simple(VNSEG_E_INVALID_ARG);
    return add_tsv(b, text ? text : "", len, "");
}

VNSEG_EXPORT vnseg_status vnseg_gazetteer_builder_add_file(vnseg_gazetteer_builder *b,
                                                           const char *path)
{
    if (!b || !path) return vn_fail_simple(VNSEG_E_INVALID_ARG);
    int fd = open(path, O_RDONLY);
    if (fd < 0) return vn_fail(VNSEG_E_IO, VNSEG_NO_OFFSET, 0, "%s: %s", path, strerror(errno));
    vn_buf data = {0};
    vnseg_status st = VNSEG_OK;
    for (;;) {
        if (!vn_buf_reserve(&data, 1 << 16)) {
            st = vn_fail_simple(VNSEG_E_NOMEM);
            break;
        }
        ssize_t r = read(fd, data.data + data.len, data.cap - data.len);
        if (r < 0 && errno == EINTR) continue;
        if (r < 0) {
            st = vn_fail(VNSEG_E_IO, VNSEG_NO_OFFSET, 0, "%s: %s", path, strerror(errno));
            break;
        }
        if (r == 0) break;
        data.len += (size_t)r;
    }
    close(fd);
    if (st == VNSEG_OK) st = add_tsv(b, (const char *)data.data, data.len, path);
    vn_buf_free(&data);
    return st;
}
