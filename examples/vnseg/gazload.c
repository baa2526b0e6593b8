/* Gazetteers for the vnseg program: the default lists plus TSV or compiled files. */
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "gazload.h"

bool cli_is_compiled(const char *path)
{
    FILE *f = fopen(path, "rb");
    char magic[8] = {0};
    bool yes = f && fread(magic, 1, 8, f) == 8 && memcmp(magic, "VNSEGGAZ", 8) == 0;
    if (f) fclose(f);
    return yes;
}

/* Add the entries of a compiled gazetteer to a builder, mapping its types by name. */
static bool merge_compiled(vnseg_gazetteer_builder *b, const char *path)
{
    vnseg_gazetteer *g;
    if (vnseg_gazetteer_open(path, 0, &g) != VNSEG_OK) {
        cli_lib_error(path, 0);
        return false;
    }
    bool ok = true;
    for (size_t i = 0; ok && i < vnseg_gazetteer_entry_count(g); i++) {
        vnseg_gaz_entry e;
        const char *tn;
        ok = vnseg_gazetteer_entry(g, i, &e) == VNSEG_OK &&
             (tn = vnseg_gazetteer_type_name(g, e.type)) != NULL &&
             vnseg_gazetteer_builder_type(b, tn, strlen(tn), &e.type) == VNSEG_OK &&
             vnseg_gazetteer_builder_add(b, &e) == VNSEG_OK;
        if (!ok) cli_lib_error(path, 0);
    }
    vnseg_gazetteer_free(g);
    return ok;
}

vnseg_gazetteer *cli_gazetteer_load(char **files, int nfiles, bool with_default, uint32_t flags)
{
    vnseg_gazetteer *g = NULL;
    if (nfiles == 1 && !with_default && cli_is_compiled(files[0])) {
        if (vnseg_gazetteer_open(files[0], 0, &g) != VNSEG_OK) {
            cli_lib_error(files[0], 0);
            return NULL;
        }
        if (vnseg_gazetteer_flags(g) == flags) return g;
        vnseg_gazetteer_free(g); /* another case mode: rebuild it */
        g = NULL;
    }
    vnseg_gazetteer_builder *b;
    if (vnseg_gazetteer_builder_new(flags, &b) != VNSEG_OK) {
        cli_lib_error("gazetteer", 0);
        return NULL;
    }
    bool ok = true;
    if (with_default &&
        vnseg_gazetteer_builder_add_defaults(b, VNSEG_GAZ_DEFAULT_ALL) != VNSEG_OK) {
        cli_lib_error("default gazetteer", 0);
        ok = false;
    }
    for (int i = 0; ok && i < nfiles; i++) {
        if (cli_is_compiled(files[i])) {
            ok = merge_compiled(b, files[i]);
        } else if (vnseg_gazetteer_builder_add_file(b, files[i]) != VNSEG_OK) {
            const vnseg_error *e = vnseg_error_last();
            cli_error("%s", e->message);
            ok = false;
        }
    }
    if (ok && vnseg_gazetteer_builder_build(b, &g) != VNSEG_OK) {
        cli_lib_error("gazetteer", 0);
        ok = false;
    }
    vnseg_gazetteer_builder_free(b);
    return ok ? g : NULL;
}
