/* The entity scanner's internals, shared by its passes: gazetteer matching (entity_match.c),
 * rules (entity_rules.c, entity_rule_*.c) and the result object (mentions.c). */
#ifndef VN_ENTITY_SCAN_H
#define VN_ENTITY_SCAN_H

#include "doc.h"
#include "gazetteer_internal.h"
#include "lookup_key.h"
#include "vnseg/entities.h"

#define VN_NONE UINT32_MAX
#define VN_CUE_BITS 0xFFFFFu
/* Candidate flag: typed as an item of a list (not public). */
#define VN_CF_LISTED (1u << 15)
/* Candidate and mention flag: a one-syllable word capitalized by position, kept as a person
 * only if the document names that person elsewhere (mentions.c; not public). */
#define VN_CF_TENTATIVE (1u << 14)

/* A mention being built. `first`..`last` are tokens (inclusive); off..end bytes. */
typedef struct vn_cand {
    size_t first, last;
    uint64_t off, end;
    uint32_t type, entry, flags;
    uint16_t source;
    bool dead; /* absorbed into another mention */
} vn_cand;

struct vnseg_mentions {
    vnseg_mention *items;
    size_t n, cap;
    uint64_t *canon_off; /* per mention, into `names` (heuristic mentions) */
    uint32_t *canon_len;
    uint64_t *key_off; /* per mention, into `keys`: the lookup key of its text */
    uint32_t *key_len;
    size_t cap_canon;
    vn_buf names, keys, tmp;
    const vnseg_gazetteer *gaz;
    /* scratch kept between scans */
    vn_cand *c;
    size_t nc, capc;
    size_t ngaz;     /* candidates c[0 .. ngaz) come from the gazetteer pass, in text order */
    uint32_t *owner; /* per token: the candidate covering it, or VN_NONE */
    uint32_t *cue;   /* per token: the scan's epoch << 20 | cue bits, computed on demand */
    uint32_t epoch;  /* 1..4095, changes every scan, so `cue` needs no clearing */
    size_t cap_tok;
    vn_buf key, key2;
    vn_key_scratch sc;
};

typedef struct vn_scan {
    vnseg_mentions *m;
    const vnseg_doc *doc;
    const vnseg_token *tok;
    size_t ntok;
    const unsigned char *text;
    const vnseg_sentence *sent;
    size_t nsent;
    const vnseg_gazetteer *g; /* may be NULL */
    bool fold;                /* the gazetteer's keys fold case */
    uint32_t options;
    size_t sent_first; /* rules: the first token of the sentence being scanned */
} vn_scan;

/* Append the key of bytes [from, to) of token t to buf. */
vnseg_status vn_scan_key(vn_scan *s, size_t t, size_t from, size_t to, vn_buf *buf, bool fold);

/* Cue bits of token t (entity_cues.h), computed once per scan. */
uint32_t vn_scan_cue(vn_scan *s, size_t t);

/* Add a candidate and mark the tokens it covers. */
vnseg_status vn_scan_add(vn_scan *s, const vn_cand *c);

/* Syllables of a word token: byte ranges within the token and whether each starts with an
 * upper-case letter. Returns the count (0 for tokens that are no words or have too many). */
#define VN_MAX_SYL 32
typedef struct vn_syls {
    size_t n;
    uint32_t start[VN_MAX_SYL], end[VN_MAX_SYL];
    bool cap[VN_MAX_SYL];
} vn_syls;
size_t vn_scan_syllables(const vn_scan *s, size_t t, vn_syls *out);

/* Whether a syllable's bytes are an acronym: 2..8 letters (digits allowed after the first),
 * all upper case, and no Vietnamese syllable. */
bool vn_scan_acronym(const unsigned char *p, size_t n);

/* A continent glued to a lower-case `châu` (`châu_Phi`): whether token t is one, and its
 * mention (entity_rule_places.c). Found by the gazetteer pass, which reads such glued words
 * anyway: a test at every lower-case word of the rules cost 8% of the speed of rules-only scans. */
bool vn_scan_continent(const vn_scan *s, size_t t);
vnseg_status vn_scan_add_continent(vn_scan *s, size_t t);

/* The passes. */
vnseg_status vn_scan_gazetteer(vn_scan *s);
vnseg_status vn_scan_rules(vn_scan *s);

#endif
