/* The detokenizer's spacing rules, shared by the writer (detok.c) and the rules (detok_rules.c):
 * for every pair of neighbouring tokens of a line, one space or none. */
#ifndef VN_DETOK_RULES_H
#define VN_DETOK_RULES_H

#include "doc.h"

/* Decide the spacing of the tokens [a, b) of one line. For a < i < b, space[i] becomes 1 when
 * a space goes between tokens i - 1 and i, else 0; cls is scratch of b bytes too (the rules'
 * token classes). Both arrays are indexed by token number. */
void vn_detok_line(const vnseg_doc *doc, size_t a, size_t b, unsigned char *space,
                   unsigned char *cls);

#endif
