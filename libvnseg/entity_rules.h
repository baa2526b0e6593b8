/* Internals shared by the entity rules (entity_rule_*.c, entity_rules.c): small token tests,
 * inlined as they were when the rules were one file, and the rules one family calls in another. */
#ifndef VN_ENTITY_RULES_H
#define VN_ENTITY_RULES_H

#include <string.h>

#include "entity_cues.h"
#include "entity_scan.h"

/* Cue bits that keep a capitalized word out of a name. */
#define VN_NOT_NAME                                                                                \
    (CUE_PER_TITLE | CUE_LOC_HEAD | CUE_ORG_HEAD | CUE_FIELD | CUE_LOC_PREP | CUE_MISC_HEAD |      \
     CUE_AND | CUE_COMMON)

#define VN_MAX_RUN 5

static inline bool vn_rule_covered(const vn_scan *s, size_t t)
{
    return s->m->owner[t] != VN_NONE;
}

static inline vn_cand *vn_rule_owner_of(const vn_scan *s, size_t t)
{
    uint32_t o = s->m->owner[t];
    return o == VN_NONE ? NULL : &s->m->c[o];
}

static inline bool vn_rule_is_word(const vn_scan *s, size_t t)
{
    return s->tok[t].kind == VNSEG_KIND_WORD;
}

static inline bool vn_rule_lower_word(const vn_scan *s, size_t t)
{
    return vn_rule_is_word(s, t) && !(s->tok[t].flags & VNSEG_TF_CAPITALIZED);
}

static inline bool vn_rule_all_caps(const vn_scan *s, size_t t)
{
    return (s->tok[t].flags & VNSEG_TF_ALL_CAPS) && s->tok[t].length > 1;
}

/* The start of a line (not only of a sentence). */
static inline bool vn_rule_line_start(const vn_scan *s, size_t t)
{
    return t == 0 || (s->tok[t - 1].flags & VNSEG_TF_LINE_END);
}

static inline bool vn_rule_punct_is(const vn_scan *s, size_t t, char ch)
{
    const vnseg_token *p = &s->tok[t];
    return p->kind != VNSEG_KIND_WORD && p->length == 1 && s->text[p->offset] == (unsigned char)ch;
}

static inline bool vn_rule_word_is(const vn_scan *s, size_t t, const char *w)
{
    size_t n = strlen(w);
    return s->tok[t].kind == VNSEG_KIND_WORD && s->tok[t].length == n &&
           memcmp(s->text + s->tok[t].offset, w, n) == 0;
}

static inline bool vn_rule_vietnamese_syllable_word(const vn_scan *s, size_t t)
{
    const vnseg_token *tk = &s->tok[t];
    return tk->syllables == 1 && !(tk->flags & VNSEG_TF_NOT_VIETNAMESE);
}

static inline uint32_t vn_rule_cue_before(vn_scan *s, size_t a, size_t first)
{
    return a > first && vn_rule_is_word(s, a - 1) && !vn_rule_covered(s, a - 1)
               ? vn_scan_cue(s, a - 1)
               : 0;
}

/* entity_rule_words.c */
bool vn_rule_acronym(const vn_scan *s, size_t t);
size_t vn_rule_byline_dash(const vn_scan *s, size_t first, size_t end);
bool vn_rule_name_word(vn_scan *s, size_t t);
bool vn_rule_initial(const vn_scan *s, size_t t, size_t first);
vnseg_status vn_rule_add(vn_scan *s, size_t first, size_t last, uint32_t type, uint32_t flags);
void vn_rule_extend_with_head(vn_scan *s, vn_cand *c, size_t h);
void vn_rule_absorb(vn_scan *s, vn_cand *c);
vn_cand *vn_rule_place_at(const vn_scan *s, size_t t);
size_t vn_rule_name_run(vn_scan *s, size_t t, size_t end);

/* entity_rule_persons.c */
bool vn_rule_title_before(vn_scan *s, size_t a, size_t first);
uint32_t vn_rule_first_syllable_cue(vn_scan *s, size_t t);
bool vn_rule_person_shaped(vn_scan *s, size_t t);
bool vn_rule_subject_before(vn_scan *s, size_t a, size_t first, size_t end);
bool vn_rule_vocative(const vn_scan *s, size_t t, size_t end);
bool vn_rule_initials_after_title(vn_scan *s, size_t t, size_t first);
bool vn_rule_byline_name(const vn_scan *s, size_t t, size_t end);
vnseg_status vn_rule_glued_name_at(vn_scan *s, size_t t, size_t first);

/* entity_rule_places.c */
size_t vn_rule_zone_at(vn_scan *s, size_t t, size_t end);
bool vn_rule_region_word_before(const vn_scan *s, size_t t, size_t first);
vnseg_status vn_rule_place_head_at(vn_scan *s, size_t h, size_t end);
bool vn_rule_dash_to_place(const vn_scan *s, size_t a, size_t b, size_t first, size_t end);
bool vn_rule_house_number_before(vn_scan *s, size_t a, size_t first);
bool vn_rule_place_by_brackets(vn_scan *s, size_t a, size_t b, size_t first, size_t end);
bool vn_rule_highland_place(const vn_scan *s, size_t t);
bool vn_rule_street_head(const vn_scan *s, size_t t);
bool vn_rule_between_places(vn_scan *s, size_t a, size_t b, size_t first, size_t end);
bool vn_rule_list_before_place(vn_scan *s, size_t b, size_t end);
void vn_rule_pronoun_not_place(vn_scan *s, size_t t, size_t end);
void vn_rule_address_not_place(vn_scan *s, size_t t, size_t first);
bool vn_rule_glued_district(const vn_scan *s, size_t t);

/* entity_rule_orgs.c */
vnseg_status vn_rule_org_at(vn_scan *s, size_t h, size_t end);
bool vn_rule_ends_with_org_suffix(vn_scan *s, size_t t);
bool vn_rule_suffix_at(vn_scan *s, size_t t, size_t first);
bool vn_rule_trade_name(const vn_scan *s, size_t a, size_t b);
bool vn_rule_the_party(const vn_scan *s, size_t t, size_t end);
bool vn_rule_admin_acronym_listed(vn_scan *s, size_t t, size_t end);
size_t vn_rule_credit_line(vn_scan *s, size_t first, size_t end);

/* entity_rule_runs.c */
vnseg_status vn_rule_run_at(vn_scan *s, size_t a, size_t first, size_t end, bool caps_sentence,
                            size_t *next);

/* entity_rule_orgs.c by its family, but run at every word, so inline: as a call across files
 * it cost 1.5% more instructions in the scans (callgrind, bench_entities). */

/* A capitalized organization head alone inside a sentence and its acronym in brackets
 * (`ban giám_đốc Bảo_hiểm_xã_hội ( BHXH ) TP. HCM`): two names of the body. */
static inline bool vn_rule_head_with_acronym(vn_scan *s, size_t h, size_t end)
{
    return (s->tok[h].flags & VNSEG_TF_CAPITALIZED) && h + 3 < end &&
           vn_rule_punct_is(s, h + 1, '(') && !vn_rule_covered(s, h + 2) &&
           vn_rule_is_word(s, h + 2) && vn_rule_acronym(s, h + 2) &&
           s->tok[h + 3].kind == VNSEG_KIND_PUNCT_CLOSE && !vn_rule_initial(s, h, s->sent_first) &&
           (vn_scan_cue(s, h) & CUE_ORG_HEAD);
}

#endif
