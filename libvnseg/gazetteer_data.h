/* The default gazetteer's lists (the TSV files under data/), embedded in the library at build time.
 */
#ifndef VN_GAZETTEER_DATA_H
#define VN_GAZETTEER_DATA_H

#include <stddef.h>

typedef struct vn_embedded_list {
    const char *name; /* file name under data/ */
    const char *text; /* the TSV text */
    size_t len;
} vn_embedded_list;

extern const vn_embedded_list vn_embedded_lists[];
extern const size_t vn_embedded_list_count;

#endif
