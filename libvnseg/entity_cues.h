/* Cue words of the entity heuristics (titles, place words, heads of names, family names, ...),
 * looked up by a token's case-folded key. */
#ifndef VN_ENTITY_CUES_H
#define VN_ENTITY_CUES_H

#include <stddef.h>
#include <stdint.h>

enum {
    CUE_PER_TITLE =
        1u << 0, /* a title or form of address before a person's name: ông, Tổng_thống */
    CUE_OFFICE = 1u << 1,    /* a title that takes a field or body after it: Bộ_trưởng */
    CUE_LOC_PREP = 1u << 2,  /* a word that places what follows: tại, ở, tới, thăm */
    CUE_LOC_HEAD = 1u << 3,  /* the head of a place name: tỉnh, thành_phố, sông */
    CUE_ORG_HEAD = 1u << 4,  /* the head of an organization's name: Bộ, Công_ty, hãng */
    CUE_ORG_ADMIN = 1u << 5, /* an ORG head whose name ends in the place it serves: Ủy_ban, Sở */
    CUE_FIELD = 1u << 6,     /* a field of a body or office: Quốc_phòng, Y_tế */
    CUE_NAME_PART = 1u << 7, /* a lower-case word inside organization names: nhân_dân, vận_tải */
    CUE_FAMILY = 1u << 8,    /* a common Vietnamese family name: Nguyễn, Trần */
    CUE_MISC_HEAD = 1u << 9,    /* the head of another kind of name: bão (a storm) */
    CUE_NOT_ACRONYM = 1u << 10, /* capitals that are no organization: USD, GDP, COVID */
    CUE_AND = 1u << 11,         /* và */
    CUE_ORG_SUFFIX = 1u << 12,  /* a word that ends organization names: FC, United, Airlines */
    CUE_LOC_NUMBERED = 1u << 13, /* a place head that takes a number: quận 8, Q. 8, phường 5 */
    CUE_PEOPLE = 1u << 14, /* a word before a people or dynasty: người Việt, quân Thanh */
    CUE_COMMON = 1u << 15, /* a common noun often capitalized: Internet, Website */
    CUE_QUANT = 1u << 16,  /* a quantifier: an acronym after it is a common noun (các DN) */
    CUE_ADDRESS = 1u << 17, /* a form of address by kin, before a given name: chị, ông, bé */
    CUE_AFTER_NAME = 1u << 18   /* a word that follows a subject: đã, vẫn, thì, nói, khóc */
};

/* At most 20 cue bits (the scanner caches them with a 12-bit epoch: entity_scan.h). */

/* The cue bits of a case-folded key (vnseg_lookup_key() with VNSEG_KEY_FOLD_CASE); 0 for none. */
uint32_t vn_cue_of(const unsigned char *key, size_t len);

#endif
