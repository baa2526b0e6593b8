/* libvnseg streaming reader: lines of a file or stream, one at a time, in bounded memory. */
#ifndef VNSEG_READER_H
#define VNSEG_READER_H

#include <stdio.h>

#include "vnseg/common.h"

#ifdef __cplusplus
extern "C" {
#endif

/**
 * @file reader.h
 *
 * A reader hands out the lines of a file descriptor or `FILE*` one at a time, so a corpus of
 * many gigabytes is processed with memory bounded by its longest line (or by `max_line`).
 *
 * Lines end at LF. The LF is not part of the line; a CR just before it is removed too and the
 * line is flagged ::VNSEG_LINE_CRLF. Every other byte is handed out as it is (NUL bytes and
 * invalid UTF-8 included: the tokenizer decides what they mean), and ::vnseg_line.offset
 * counts bytes from the start of the stream, so offsets of tokens in a line plus the line's
 * offset are offsets in the file.
 *
 * A line longer than `max_line` bytes is handed out in pieces: each piece but the last is
 * flagged ::VNSEG_LINE_CONTINUED and ends just after the last separator (space, tab) within
 * the limit, so that no token is cut; only when the piece holds no separator at all is it cut
 * at the last UTF-8 character boundary (flag ::VNSEG_LINE_CUT).
 *
 * Thread safety: a reader is used by one thread at a time.
 */

/** Line flags (bits of ::vnseg_line.flags). */
enum {
    VNSEG_LINE_CRLF = 1u << 0,      /**< the line ended with CR LF (both removed) */
    VNSEG_LINE_NO_EOL = 1u << 1,    /**< the last line of the stream, with no line break */
    VNSEG_LINE_CONTINUED = 1u << 2, /**< a piece of a long line; the next piece goes on */
    VNSEG_LINE_CUT = 1u << 3        /**< that piece was cut inside a token (no separator) */
};

/** One line (or piece of a long line). The bytes stay valid until the next call. */
typedef struct vnseg_line {
    const char *data; /**< the bytes, without the line break; not NUL-terminated */
    size_t length;    /**< bytes in `data` */
    uint64_t offset;  /**< offset of data[0] from the start of the stream */
    uint64_t number;  /**< 1-based line number (pieces of one line share it) */
    uint32_t flags;   /**< VNSEG_LINE_* bits */
} vnseg_line;

/** Default `max_line`: 16 MiB. */
#define VNSEG_READER_DEFAULT_MAX_LINE (16u << 20)

/** A streaming reader. Opaque. */
typedef struct vnseg_reader vnseg_reader;

/**
 * Read from file descriptor `fd` (not closed by the reader). `max_line` 0 means
 * ::VNSEG_READER_DEFAULT_MAX_LINE; it is raised to at least 4096.
 */
vnseg_status vnseg_reader_new_fd(int fd, size_t max_line, vnseg_reader **out);

/** Read from `fp` (not closed by the reader); see vnseg_reader_new_fd(). */
vnseg_status vnseg_reader_new_file(FILE *fp, size_t max_line, vnseg_reader **out);

/** Read from a memory buffer (not copied: it must outlive the reader). */
vnseg_status vnseg_reader_new_memory(const char *data, size_t len, size_t max_line,
                                     vnseg_reader **out);

/**
 * The next line.
 * @return 1 and `*line` filled; 0 at the end of the stream; a negative ::vnseg_status on a read
 *         error (::VNSEG_E_IO, with errno's message in vnseg_error_last()) or ::VNSEG_E_NOMEM.
 */
int vnseg_reader_next(vnseg_reader *reader, vnseg_line *line);

/** Bytes consumed from the stream so far (for progress reports). */
uint64_t vnseg_reader_bytes(const vnseg_reader *reader);

/** Free the reader (the descriptor or FILE stays open). NULL is allowed. */
void vnseg_reader_free(vnseg_reader *reader);

#ifdef __cplusplus
}
#endif

#endif
