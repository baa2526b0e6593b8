/* Tests the entity rules share: name words, positions where any word is capitalized, bylines,
 * acronyms; and the edits of candidates (add, absorb, put a head in front). */
#include <string.h>

#include "entity_rules.h"
#include "vnseg/syllable.h"

/* Whether token t is a single character (`A`, `Á`, `Đ`): a letter, no name. */
static bool one_char(const vn_scan *s, size_t t)
{
    const unsigned char *p = s->text + s->tok[t].offset;
    size_t n = (size_t)s->tok[t].length, starts = 0;
    for (size_t i = 0; i < n && starts < 2; i++)
        starts += (p[i] & 0xC0) != 0x80;
    return starts == 1;
}

/* An acronym (`KCNA`, `ĐHQG`): 2 to 8 capitals, ASCII or Đ, digits after the first, and no
 * Vietnamese syllable. */
bool vn_rule_acronym(const vn_scan *s, size_t t)
{
    const unsigned char *p = s->text + s->tok[t].offset;
    size_t n = (size_t)s->tok[t].length, letters = 0;
    if (n < 2 || n > 16) return false;
    for (size_t i = 0; i < n; i++) {
        if ((unsigned)p[i] - 'A' < 26u) {
            letters++;
        } else if (p[i] == 0xC4 && i + 1 < n && p[i + 1] == 0x90) { /* Đ */
            letters++;
            i++;
        } else if ((unsigned)p[i] - '0' >= 10u || letters == 0) {
            return false;
        }
    }
    return letters >= 2 && letters <= 8 && !vnseg_syllable_check((const char *)p, n);
}

/* A news byline at the start of a line: an acronym, optionally a place in brackets, and a
 * dash (`TT - `, `TTO - `, `TT ( Hà_Nội ) - `). The dash's token, or 0 when there is none. */
size_t vn_rule_byline_dash(const vn_scan *s, size_t first, size_t end)
{
    if (!vn_rule_line_start(s, first) || first + 1 >= end || !vn_rule_acronym(s, first)) return 0;
    size_t j = first + 1;
    if (s->tok[j].kind == VNSEG_KIND_PUNCT_OPEN) {
        size_t k = j + 1;
        while (k < end && k <= j + 6 && s->tok[k].kind == VNSEG_KIND_WORD)
            k++;
        if (k == j + 1 || k >= end || s->tok[k].kind != VNSEG_KIND_PUNCT_CLOSE) return 0;
        j = k + 1;
    }
    return j < end && s->tok[j].kind == VNSEG_KIND_PUNCT_DASH ? j : 0;
}

/* A word that may be (part of) a name on no list: title case, not covered, no cue word. */
bool vn_rule_name_word(vn_scan *s, size_t t)
{
    const vnseg_token *tk = &s->tok[t];
    if (tk->kind != VNSEG_KIND_WORD || !(tk->flags & VNSEG_TF_TITLE_CASE) ||
        (tk->flags & VNSEG_TF_ABBREV) || one_char(s, t) || vn_rule_covered(s, t) ||
        memchr(s->text + tk->offset, '.', tk->length)) /* `T.Ư`, `U.S`: abbreviations */
        return false;
    uint32_t cue = vn_scan_cue(s, t);
    /* A family name that is also a place word is a name right after a title (`ông Châu`,
     * `bà Hồ`), not the head of a place. */
    if ((cue & VN_NOT_NAME) &&
        !((cue & CUE_FAMILY) && !(cue & VN_NOT_NAME & ~CUE_LOC_HEAD) &&
          ((t > s->sent_first && vn_rule_is_word(s, t - 1) && !vn_rule_covered(s, t - 1) &&
            (vn_scan_cue(s, t - 1) & CUE_PER_TITLE)) ||
           (t + 2 < s->ntok && (vn_scan_cue(s, t + 1) & CUE_AFTER_NAME) &&
            vn_rule_punct_is(s, t + 2, ':')))))
        return false;
    return !((cue & CUE_NOT_ACRONYM) && vn_rule_all_caps(s, t));
}

/* Whether token t stands where any word is capitalized: the start of its sentence, after an
 * opening bracket or quote, after a colon, or after a byline's dash. */
bool vn_rule_initial(const vn_scan *s, size_t t, size_t first)
{
    for (size_t j = t; j > first; j--) {
        const vnseg_token *p = &s->tok[j - 1];
        if (p->kind == VNSEG_KIND_PUNCT_OPEN) return true;
        if (p->kind == VNSEG_KIND_PUNCT_FINAL) continue;
        if (p->kind == VNSEG_KIND_PUNCT && p->length == 1 && s->text[p->offset] == ':') return true;
        /* A bullet at the start of a line (`* Mua được ...`). */
        if (j - 1 == first && p->length == 1 &&
            (s->text[p->offset] == '*' || s->text[p->offset] == '+') &&
            vn_rule_line_start(s, first))
            return true;
        /* A dash after a byline in capitals (`TT - Trong hai ngày`, `TTO - Sở ...`). */
        if (p->kind == VNSEG_KIND_PUNCT_DASH && j - 1 == vn_rule_byline_dash(s, first, s->ntok))
            return true;
        if (p->kind == VNSEG_KIND_PUNCT_DASH && j - 1 > first && j - 1 <= first + 2) {
            bool byline = true;
            for (size_t k = first; k < j - 1; k++)
                byline &= vn_rule_all_caps(s, k) || s->tok[k].kind == VNSEG_KIND_PUNCT_DASH;
            if (byline) return true;
        }
        return false;
    }
    return true;
}

vnseg_status vn_rule_add(vn_scan *s, size_t first, size_t last, uint32_t type, uint32_t flags)
{
    vn_cand c = {first,
                 last,
                 s->tok[first].offset,
                 s->tok[last].offset + s->tok[last].length,
                 type,
                 VN_NONE,
                 flags,
                 VNSEG_SOURCE_HEURISTIC,
                 false};
    for (size_t t = first; t <= last; t++)
        if (s->tok[t].flags & VNSEG_TF_NOT_VIETNAMESE) c.flags |= VNSEG_MF_FOREIGN;
    return vn_scan_add(s, &c);
}

/* Put head token h in front of candidate c (a gazetteer name right after it). */
void vn_rule_extend_with_head(vn_scan *s, vn_cand *c, size_t h)
{
    if ((s->options & VNSEG_SCAN_NO_HEADS) || (c->flags & VNSEG_MF_PARTIAL) || c->first != h + 1 ||
        c->off != s->tok[h + 1].offset)
        return;
    c->first = h;
    c->off = s->tok[h].offset;
    c->flags |= VNSEG_MF_HEAD;
    s->m->owner[h] = (uint32_t)(c - s->m->c);
}

/* Mark candidate c absorbed into a longer name. */
void vn_rule_absorb(vn_scan *s, vn_cand *c)
{
    c->dead = true;
    for (size_t t = c->first; t <= c->last; t++)
        if (s->m->owner[t] == (uint32_t)(c - s->m->c)) s->m->owner[t] = VN_NONE;
}

/* A gazetteer place that starts exactly at token t, or NULL. */
vn_cand *vn_rule_place_at(const vn_scan *s, size_t t)
{
    vn_cand *c = vn_rule_owner_of(s, t);
    return c && !c->dead && c->type == VNSEG_ENT_LOC && c->first == t &&
                   c->off == s->tok[t].offset && !(c->flags & VNSEG_MF_PARTIAL)
               ? c
               : NULL;
}

/* A run of name words from t: its last token, or t - 1 when there is none. */
size_t vn_rule_name_run(vn_scan *s, size_t t, size_t end)
{
    size_t j = t;
    while (j < end && j - t < VN_MAX_RUN && vn_rule_name_word(s, j))
        j++;
    return j - 1;
}
