/* The default gazetteer: CLDR names read through ICU at run time, plus the lists the project
 * writes itself (the TSV files under data/, embedded at build time). */
#include <string.h>

#include "cldr_names.h"
#include "gazetteer_builder.h"
#include "gazetteer_data.h"

/* Which embedded list belongs to which part. */
static const struct {
    const char *file;
    uint32_t part;
} lists[] = {
    {"world-countries.tsv", VNSEG_GAZ_DEFAULT_COUNTRIES},
    {"world-places.tsv", VNSEG_GAZ_DEFAULT_CITIES},
    {"vn-places.tsv", VNSEG_GAZ_DEFAULT_PROVINCES},
    {"bodies.tsv", VNSEG_GAZ_DEFAULT_BODIES},
};

static vnseg_status add_list(vnseg_gazetteer_builder *b, const char *file)
{
    for (size_t i = 0; i < vn_embedded_list_count; i++)
        if (strcmp(vn_embedded_lists[i].name, file) == 0)
            return vnseg_gazetteer_builder_add_tsv(b, vn_embedded_lists[i].text,
                                                   vn_embedded_lists[i].len);
    return VNSEG_OK;
}

VNSEG_EXPORT vnseg_status vnseg_gazetteer_builder_add_defaults(vnseg_gazetteer_builder *b,
                                                               uint32_t parts)
{
    if (!b || (parts & ~(uint32_t)VNSEG_GAZ_DEFAULT_ALL))
        return vn_fail_simple(VNSEG_E_INVALID_ARG);
    vn_builder_mark mark = vn_builder_mark_get(b);
    /* CLDR first, so that the project's lists (added later) give the primary entries. */
    vnseg_status st = vn_cldr_add(b, parts);
    for (size_t i = 0; st == VNSEG_OK && i < sizeof lists / sizeof *lists; i++)
        if (parts & lists[i].part) st = add_list(b, lists[i].file);
    if (st != VNSEG_OK) {
        vn_builder_rollback(b, mark);
        return st == VNSEG_E_NOMEM ? vn_fail_simple(st) : st;
    }
    return VNSEG_OK;
}

VNSEG_EXPORT vnseg_status vnseg_gazetteer_default(vnseg_gazetteer **out)
{
    if (!out) return vn_fail_simple(VNSEG_E_INVALID_ARG);
    *out = NULL;
    vnseg_gazetteer_builder *b;
    vnseg_status st = vnseg_gazetteer_builder_new(0, &b);
    if (st != VNSEG_OK) return st;
    st = vnseg_gazetteer_builder_add_defaults(b, VNSEG_GAZ_DEFAULT_ALL);
    if (st == VNSEG_OK) st = vnseg_gazetteer_builder_build(b, out);
    vnseg_gazetteer_builder_free(b);
    return st;
}
