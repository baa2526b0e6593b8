/* Allocation through a replaceable allocator, so callers can add arenas, accounting or faults. */
#include <stdlib.h>
#include <string.h>

#include "internal.h"

static void *std_malloc(size_t size, void *ctx)
{
    (void)ctx;
    return malloc(size);
}

static void *std_realloc(void *ptr, size_t size, void *ctx)
{
    (void)ctx;
    return realloc(ptr, size);
}

static void std_free(void *ptr, void *ctx)
{
    (void)ctx;
    free(ptr);
}

static vnseg_allocator current = {std_malloc, std_realloc, std_free, NULL};

VNSEG_EXPORT void vnseg_set_allocator(const vnseg_allocator *allocator)
{
    if (allocator && allocator->malloc && allocator->realloc && allocator->free)
        current = *allocator;
    else
        current = (vnseg_allocator){std_malloc, std_realloc, std_free, NULL};
}

void *vn_malloc(size_t size)
{
    return current.malloc(size ? size : 1, current.ctx);
}

void *vn_calloc(size_t count, size_t size)
{
    if (size && count > SIZE_MAX / size)
        return NULL;
    void *p = vn_malloc(count * size);
    if (p)
        memset(p, 0, count * size);
    return p;
}

void *vn_realloc(void *ptr, size_t size)
{
    return current.realloc(ptr, size ? size : 1, current.ctx);
}

void vn_free(void *ptr)
{
    if (ptr)
        current.free(ptr, current.ctx);
}

VNSEG_EXPORT void vnseg_free(void *ptr)
{
    vn_free(ptr);
}

bool vn_grow(void **array, size_t *cap, size_t need, size_t item)
{
    if (need <= *cap)
        return true;
    size_t n = *cap ? *cap : 16;
    while (n < need) {
        if (n > SIZE_MAX / 2)
            return false;
        n *= 2;
    }
    if (n > SIZE_MAX / item)
        return false;
    void *p = vn_realloc(*array, n * item);
    if (!p)
        return false;
    *array = p;
    *cap = n;
    return true;
}
