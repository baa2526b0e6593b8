/* Internal helpers shared by the library's modules: export marker, allocation, error reporting. */
#ifndef VNSEG_INTERNAL_H
#define VNSEG_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "vnseg/common.h"

/* Marks a definition as part of the public ABI; everything else is hidden (see libvnseg.map). */
#define VNSEG_EXPORT __attribute__((visibility("default")))

#define VN_LIKELY(x) __builtin_expect(!!(x), 1)
#define VN_UNLIKELY(x) __builtin_expect(!!(x), 0)
#define VN_NOINLINE __attribute__((noinline))

/* Allocation through the allocator set by vnseg_set_allocator(). */
void *vn_malloc(size_t size);
void *vn_calloc(size_t count, size_t size);
void *vn_realloc(void *ptr, size_t size);
void vn_free(void *ptr);

/* Grow an array so it holds at least `need` items of `item` bytes (capacity doubles).
 * Returns false on overflow or no memory, leaving *array unchanged. */
bool vn_grow(void **array, size_t *cap, size_t need, size_t item);

/* Record an error for vnseg_error_last() and return `status`. `fmt` is printf-style. */
vnseg_status vn_fail(vnseg_status status, uint64_t offset, uint64_t line, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));

/* Shorthand for the common case with no position. */
vnseg_status vn_fail_simple(vnseg_status status);

/* Whether no buffer can hold `len` bytes at `p`: a length beyond PTRDIFF_MAX, or one that wraps
 * past the end of the address space. Every public call taking pointer + length refuses these
 * before reading (VN_CHECK_LEN), so a corrupted length in a caller is an error, not an
 * unbounded read (tests/test_hostile.c, test_impossible_lengths). */
static inline bool vn_len_impossible(const void *p, size_t len)
{
    return len > (size_t)PTRDIFF_MAX || (uintptr_t)p + len < (uintptr_t)p;
}

#define VN_CHECK_LEN(fn, p, len)                                                                \
    do {                                                                                        \
        if (VN_UNLIKELY(vn_len_impossible((p), (len))))                                        \
            return vn_fail(VNSEG_E_TOO_LARGE, VNSEG_NO_OFFSET, 0,                               \
                           "%s: length %zu cannot be a buffer's size", fn, (size_t)(len));      \
    } while (0)

#endif
