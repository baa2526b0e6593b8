/* libvnseg: status codes, error reports, version and allocator shared by every module. */
#ifndef VNSEG_COMMON_H
#define VNSEG_COMMON_H

#include <stddef.h>
#include <stdint.h>

#include "vnseg/version.h"

#ifdef __cplusplus
extern "C" {
#endif

/**
 * @file common.h
 *
 * Conventions of the whole API:
 * - Strings are passed as pointer + length in bytes, UTF-8, no NUL terminator needed.
 * - Every function that can fail returns a ::vnseg_status; ::VNSEG_OK is zero, errors are
 *   negative. vnseg_error_last() gives the details (message, byte offset) of the last failure
 *   on the calling thread.
 * - Objects are opaque handles made by a `_new`/`_open` function and released by the matching
 *   `_free`. The header of each module says which objects may be shared between threads.
 */

/** Result of a call. Zero is success, negative values are errors. */
typedef enum vnseg_status {
    VNSEG_OK = 0,
    VNSEG_E_NOMEM = -1,        /**< an allocation failed; nothing was leaked */
    VNSEG_E_INVALID_UTF8 = -2, /**< strict mode met bytes that are not UTF-8 */
    VNSEG_E_INVALID_ARG = -3,  /**< a NULL handle, a NULL pointer with a non-zero length, ... */
    VNSEG_E_TOO_LARGE = -4,    /**< a length or count beyond what the library can index */
    VNSEG_E_IO = -5,           /**< reading or writing a file failed (see errno) */
    VNSEG_E_FORMAT = -6,       /**< a data file (TSV, model, gazetteer) is malformed */
    VNSEG_E_VERSION = -7,      /**< a data file or struct comes from an incompatible version */
    VNSEG_E_NOT_FOUND = -8,    /**< a named resource does not exist */
    VNSEG_E_BUFFER = -9,       /**< a caller buffer is too small; the needed size was returned */
    VNSEG_E_ENCODING = -10     /**< a character cannot be represented in the target encoding */
} vnseg_status;

/** Marker for "no byte offset" in ::vnseg_error. */
#define VNSEG_NO_OFFSET UINT64_MAX

/** Details of the last failed call on the calling thread. */
typedef struct vnseg_error {
    vnseg_status status; /**< the code the failed call returned */
    uint64_t offset;     /**< byte offset in the input where it happened, or VNSEG_NO_OFFSET */
    uint64_t line;       /**< 1-based line for file parsers, 0 when not applicable */
    const char *message; /**< NUL-terminated; valid until the next failing call on this thread */
} vnseg_error;

/**
 * The last error recorded on this thread (thread-local, like errno). Successful calls do not
 * clear it. Never NULL: before any failure it reports ::VNSEG_OK with an empty message.
 */
const vnseg_error *vnseg_error_last(void);

/** A static English description of a status code ("invalid UTF-8", ...). Never NULL. */
const char *vnseg_status_message(vnseg_status status);

/** The library's version string at run time, e.g. "0.1.0" (compare with VNSEG_VERSION_STRING). */
const char *vnseg_version(void);

/** The library's version as (major << 16) | (minor << 8) | patch. */
uint32_t vnseg_version_number(void);

/**
 * Memory functions the library calls instead of malloc/realloc/free.
 * `realloc` must accept NULL like realloc(3). Each receives `ctx`.
 */
typedef struct vnseg_allocator {
    void *(*malloc)(size_t size, void *ctx);
    void *(*realloc)(void *ptr, size_t size, void *ctx);
    void (*free)(void *ptr, void *ctx);
    void *ctx;
} vnseg_allocator;

/**
 * Replace the allocator (NULL restores malloc/realloc/free). Process-wide: call it before any
 * other vnseg_ function and before starting threads that use the library; objects must be
 * freed with the allocator that made them. Meant for arenas, accounting and failure testing.
 */
void vnseg_set_allocator(const vnseg_allocator *allocator);

/** Free memory that the library returned to the caller (strings, arrays) and documented so. */
void vnseg_free(void *ptr);

#ifdef __cplusplus
}
#endif

#endif
