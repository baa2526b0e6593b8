/* Streaming reader: lines from a descriptor, FILE* or memory, in a buffer bounded by max_line. */
#include <errno.h>
#include <string.h>
#include <unistd.h>

#include "internal.h"
#include "vnseg/reader.h"

enum { SRC_FD, SRC_FILE, SRC_MEMORY };

struct vnseg_reader {
    int source;
    int fd;
    FILE *fp;
    unsigned char *buf; /* window of the stream: [head, tail) not yet handed out */
    size_t cap, head, tail;
    size_t max_line;
    uint64_t consumed;  /* stream offset of buf[head] */
    uint64_t line_no;   /* number of the line being read (1-based) */
    bool eof, continuing;
};

static vnseg_status make(int source, size_t max_line, vnseg_reader **out)
{
    if (!out)
        return vn_fail(VNSEG_E_INVALID_ARG, VNSEG_NO_OFFSET, 0, "reader: NULL out pointer");
    *out = NULL;
    vnseg_reader *r = vn_calloc(1, sizeof *r);
    if (!r)
        return vn_fail_simple(VNSEG_E_NOMEM);
    r->source = source;
    r->max_line = max_line ? max_line : VNSEG_READER_DEFAULT_MAX_LINE;
    if (r->max_line < 4096)
        r->max_line = 4096;
    if (r->max_line > SIZE_MAX / 2)
        r->max_line = SIZE_MAX / 2;
    r->line_no = 1;
    *out = r;
    return VNSEG_OK;
}

VNSEG_EXPORT vnseg_status vnseg_reader_new_fd(int fd, size_t max_line, vnseg_reader **out)
{
    if (fd < 0)
        return vn_fail(VNSEG_E_INVALID_ARG, VNSEG_NO_OFFSET, 0, "reader: bad descriptor %d", fd);
    vnseg_status st = make(SRC_FD, max_line, out);
    if (st == VNSEG_OK)
        (*out)->fd = fd;
    return st;
}

VNSEG_EXPORT vnseg_status vnseg_reader_new_file(FILE *fp, size_t max_line, vnseg_reader **out)
{
    if (!fp)
        return vn_fail(VNSEG_E_INVALID_ARG, VNSEG_NO_OFFSET, 0, "reader: NULL FILE");
    vnseg_status st = make(SRC_FILE, max_line, out);
    if (st == VNSEG_OK)
        (*out)->fp = fp;
    return st;
}

VNSEG_EXPORT vnseg_status vnseg_reader_new_memory(const char *data, size_t len, size_t max_line,
                                                  vnseg_reader **out)
{
    VN_CHECK_LEN("vnseg_reader_new_memory", data, len);
    if (!data && len)
        return vn_fail(VNSEG_E_INVALID_ARG, VNSEG_NO_OFFSET, 0, "reader: NULL buffer");
    vnseg_status st = make(SRC_MEMORY, max_line, out);
    if (st == VNSEG_OK) {
        vnseg_reader *r = *out;
        r->buf = (unsigned char *)(uintptr_t)data; /* never written in memory mode */
        r->tail = len;
        r->eof = true;
    }
    return st;
}

VNSEG_EXPORT void vnseg_reader_free(vnseg_reader *r)
{
    if (!r)
        return;
    if (r->source != SRC_MEMORY)
        vn_free(r->buf);
    vn_free(r);
}

VNSEG_EXPORT uint64_t vnseg_reader_bytes(const vnseg_reader *r)
{
    return r ? r->consumed : 0;
}

/* Read more bytes after tail; returns bytes read, 0 at end, -1 on error. */
static long fill(vnseg_reader *r)
{
    if (r->eof)
        return 0;
    if (r->head > 0 && r->head == r->tail) {
        r->head = r->tail = 0;
    } else if (r->head > 0 && (r->tail == r->cap || r->head > r->cap / 2)) {
        memmove(r->buf, r->buf + r->head, r->tail - r->head);
        r->tail -= r->head;
        r->head = 0;
    }
    if (r->tail == r->cap) {
        size_t want = r->cap ? r->cap * 2 : 65536;
        size_t limit = r->max_line + 1; /* a full line plus its LF */
        if (want > limit)
            want = limit;
        if (want <= r->cap)
            return -2; /* full: the caller must hand out a piece */
        if (!vn_grow((void **)&r->buf, &r->cap, want, 1))
            return -3;
    }
    size_t room = r->cap - r->tail;
    for (;;) {
        ssize_t got;
        if (r->source == SRC_FD) {
            got = read(r->fd, r->buf + r->tail, room);
        } else {
            got = (ssize_t)fread(r->buf + r->tail, 1, room, r->fp);
            if (got == 0 && ferror(r->fp))
                got = -1;
        }
        if (got < 0 && errno == EINTR)
            continue;
        if (got < 0)
            return -1;
        if (got == 0)
            r->eof = true;
        r->tail += (size_t)got;
        return (long)got;
    }
}

/* Where to cut a piece of a long line in s[0, len) (s[len] is readable): after the last space
 * or tab, else before the character that straddles or follows the limit. */
static size_t piece_length(const unsigned char *s, size_t len, bool *cut_in_token)
{
    for (size_t i = len; i > 0; i--)
        if (s[i - 1] == ' ' || s[i - 1] == '\t') {
            *cut_in_token = false;
            return i;
        }
    *cut_in_token = true;
    size_t i = len;
    while (i > 0 && len - i < 3 && (s[i] & 0xC0) == 0x80)
        i--;
    return i > 0 ? i : len;
}

static inline void emit(vnseg_reader *r, vnseg_line *line, size_t len, size_t skip,
                        uint32_t flags)
{
    line->data = r->buf ? (const char *)r->buf + r->head : "";
    line->length = len;
    line->offset = r->consumed;
    line->number = r->line_no;
    line->flags = flags;
    r->head += len + skip;
    r->consumed += len + skip;
    if (!(flags & VNSEG_LINE_CONTINUED))
        r->line_no++;
    r->continuing = flags & VNSEG_LINE_CONTINUED;
}

/* The general case of vnseg_reader_next: reading more, long lines, the end of the stream.
 * `scanned`: bytes after head already known to hold no LF. Out of line so that the common case
 * saves few registers. */
static VN_NOINLINE int next_general(vnseg_reader *r, vnseg_line *line, size_t scanned)
{
    for (;;) {
        size_t avail = r->tail - r->head;
        const unsigned char *start = avail ? r->buf + r->head : NULL;
        size_t limit = avail < r->max_line + 1 ? avail : r->max_line + 1;
        const unsigned char *lf =
            scanned < limit ? memchr(start + scanned, '\n', limit - scanned) : NULL;
        if (lf) {
            size_t len = (size_t)(lf - start);
            uint32_t flags = 0;
            if (len > 0 && start[len - 1] == '\r') {
                len--;
                flags |= VNSEG_LINE_CRLF;
            }
            emit(r, line, len, (size_t)(lf - start) + 1 - len, flags);
            return 1;
        }
        scanned = limit;
        if (avail > r->max_line) {
            bool cut;
            size_t len = piece_length(start, r->max_line, &cut);
            emit(r, line, len, 0, VNSEG_LINE_CONTINUED | (cut ? VNSEG_LINE_CUT : 0));
            return 1;
        }
        if (r->eof) {
            if (avail == 0)
                return 0;
            emit(r, line, avail, 0, VNSEG_LINE_NO_EOL);
            return 1;
        }
        long got = fill(r);
        if (got == -1)
            return vn_fail(VNSEG_E_IO, r->consumed, r->line_no, "read error after byte %llu: %s",
                           (unsigned long long)r->consumed, strerror(errno));
        if (got == -3)
            return vn_fail_simple(VNSEG_E_NOMEM);
    }
}

VNSEG_EXPORT int vnseg_reader_next(vnseg_reader *r, vnseg_line *line)
{
    if (VN_UNLIKELY(!r || !line))
        return vn_fail(VNSEG_E_INVALID_ARG, VNSEG_NO_OFFSET, 0, "reader: NULL argument");
    /* The common case first: the next LF is in the window, within max_line (no fill, no cut). */
    size_t window = r->tail - r->head;
    size_t limit = window < r->max_line + 1 ? window : r->max_line + 1;
    if (VN_LIKELY(window > 0)) {
        const unsigned char *start = r->buf + r->head;
        const unsigned char *lf = memchr(start, '\n', limit);
        if (VN_LIKELY(lf != NULL)) {
            size_t len = (size_t)(lf - start);
            size_t cr = len > 0 && lf[-1] == '\r';
            emit(r, line, len - cr, 1 + cr, cr ? VNSEG_LINE_CRLF : 0);
            return 1;
        }
    }
    return next_general(r, line, limit);
}
