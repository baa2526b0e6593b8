/* Gazetteers for the vnseg program: the default lists plus TSV or compiled files. */
#ifndef VNSEG_GAZLOAD_H
#define VNSEG_GAZLOAD_H

#include <stdbool.h>

#include <vnseg.h>

/* Build (or open) the gazetteer of `files` (TSV or compiled, detected by their first bytes),
 * after the default lists when `with_default`, with VNSEG_GAZ_* `flags`. A single compiled
 * file without the defaults, made with the same flags, is mapped as it is. Returns NULL after
 * reporting an error. */
vnseg_gazetteer *cli_gazetteer_load(char **files, int nfiles, bool with_default, uint32_t flags);

/* Whether `path` starts like a compiled gazetteer. */
bool cli_is_compiled(const char *path);

#endif
