/* Entity rules for people: titles before a name, family names, given names as subjects or in a
 * vocative, initials and bylines, foreign names glued to the words after them. */
#include <string.h>

#include "entity_rules.h"
#include "vnseg/syllable.h"

/* Whether a person title stands before token a: directly, or with the title's field, a place
 * or a body in between (`Bộ_trưởng Quốc_phòng Nga`, `phát_ngôn_viên Hội_đồng ... Nhà_Trắng`). */
bool vn_rule_title_before(vn_scan *s, size_t a, size_t first)
{
    size_t j = a;
    for (int steps = 0; j > first && steps < 10; steps++) {
        size_t p = j - 1;
        const vn_cand *c = vn_rule_owner_of(s, p);
        if (c) {
            if (c->type != VNSEG_ENT_LOC && c->type != VNSEG_ENT_ORG) return false;
            j = c->first < p ? c->first : p;
            if (c->first > p) /* cannot happen; keep the walk moving */
                j = p;
            continue;
        }
        if (!vn_rule_is_word(s, p)) return false;
        uint32_t cue = vn_scan_cue(s, p);
        if (cue & CUE_PER_TITLE) return true;
        if (!(cue & (CUE_FIELD | CUE_AND | CUE_NAME_PART))) return false;
        j = p;
    }
    return false;
}

/* The cue bits of the first syllable of a word of several syllables (`Nguyễn` in
 * `Nguyễn_Văn_Hậu`, `Ia` in `Ia_Mơ`); 0 for a word of one syllable. */
uint32_t vn_rule_first_syllable_cue(vn_scan *s, size_t t)
{
    vn_syls sy;
    if (s->tok[t].syllables < 2 || vn_scan_syllables(s, t, &sy) < 2) return 0;
    vn_buf *k = &s->m->key2;
    k->len = 0;
    return sy.end[0] - sy.start[0] <= 32 &&
                   vn_scan_key(s, t, sy.start[0], sy.end[0], k, true) == VNSEG_OK
               ? vn_cue_of(k->data, k->len)
               : 0;
}

/* A full person's name after the name of a body, when an office governs both (`Thứ_trưởng Bộ
 * Nông_nghiệp ... Bùi_Bá_Bổng`): title case, three syllables or more, a family name first. */
bool vn_rule_person_shaped(vn_scan *s, size_t t)
{
    return (s->tok[t].flags & VNSEG_TF_TITLE_CASE) && s->tok[t].syllables >= 3 &&
           (vn_rule_first_syllable_cue(s, t) & CUE_FAMILY);
}

/* Whether the one-syllable word at a, inside a sentence, stands as the subject of what follows
 * it (`còn Hùng thì ...`, `May_mà Vi còn ...`, `cho Hải và Thơm`): a given name. */
bool vn_rule_subject_before(vn_scan *s, size_t a, size_t first, size_t end)
{
    if (a + 1 >= end || vn_rule_initial(s, a, first)) return false;
    uint32_t next = vn_scan_cue(s, a + 1);
    if (next & CUE_AFTER_NAME) return true;
    return (next & CUE_AND) && a + 2 < end && vn_rule_is_word(s, a + 2) &&
           (s->tok[a + 2].flags & VNSEG_TF_TITLE_CASE) && s->tok[a + 2].syllables == 1 &&
           !(vn_scan_cue(s, a + 2) & VN_NOT_NAME);
}

/* Whether token t is `ơi`, the particle of a vocative. */
bool vn_rule_vocative(const vn_scan *s, size_t t, size_t end)
{
    static const char oi[] = "ơi";
    return t < end && s->tok[t].kind == VNSEG_KIND_WORD && s->tok[t].length == sizeof oi - 1 &&
           memcmp(s->text + s->tok[t].offset, oi, sizeof oi - 1) == 0;
}

/* Initials for a name after a title (`bác_sĩ P.`, `anh N.V.A`, `chị T.T.H.`): capital letters
 * each followed by a period, the last period optional. */
bool vn_rule_initials_after_title(vn_scan *s, size_t t, size_t first)
{
    const vnseg_token *tk = &s->tok[t];
    const unsigned char *p = s->text + tk->offset;
    if (t == first || tk->length < 2 || tk->length > 12 ||
        (p[1] != '.' && (tk->length < 3 || p[2] != '.')))
        return false; /* a period after the first letter, ASCII or Đ (never past the token) */
    size_t n = (size_t)tk->length, i = 0, letters = 0;
    while (i < n) {
        if ((unsigned)p[i] - 'A' < 26u)
            i++;
        else if (p[i] == 0xC4 && i + 1 < n && p[i + 1] == 0x90) /* Đ */
            i += 2;
        else
            return false;
        letters++;
        if (i < n && p[i] == '.')
            i++;
        else if (i < n)
            return false;
    }
    return letters >= 1 && letters <= 4 && (p[n - 1] == '.' || letters > 1) &&
           vn_rule_lower_word(s, t - 1) && !vn_rule_covered(s, t - 1) &&
           (vn_scan_cue(s, t - 1) & CUE_PER_TITLE);
}

/* A byline alone on its line: a glued name in capitals (`LAN_ANH`) or initials (`T.TU`,
 * `K.EM`), maybe before a full stop. Only all-caps words at a line's start come here. */
bool vn_rule_byline_name(const vn_scan *s, size_t t, size_t end)
{
    if (!vn_rule_line_start(s, t) ||
        (end < s->ntok && !(s->tok[end - 1].flags & VNSEG_TF_LINE_END)) ||
        !(t + 1 == end || (t + 2 == end && s->tok[t + 1].kind == VNSEG_KIND_PUNCT_FINAL)))
        return false;
    const vnseg_token *tk = &s->tok[t];
    const unsigned char *p = s->text + tk->offset;
    if (tk->syllables >= 2 && !(tk->flags & VNSEG_TF_NOT_VIETNAMESE) && memchr(p, '_', tk->length))
        return true;
    /* Initials: one or two letters, a period, letters (no digits, no other marks). */
    size_t dot = tk->length > 3 && p[1] == '.' ? 1 : tk->length > 4 && p[2] == '.' ? 2 : 0;
    if (!dot) return false;
    for (size_t i = 0; i < tk->length; i++)
        if (p[i] != '.' && (unsigned)p[i] - 'A' >= 26u && p[i] < 0x80) return false;
    return true;
}

/* A foreign name glued to the words after it and on no list (`Ông Kirby_cáo_buộc`). A
 * Vietnamese word capitalized on its first syllable (`Lãnh_đạo`, `Quốc_phòng`) is no name. */
vnseg_status vn_rule_glued_name_at(vn_scan *s, size_t t, size_t first)
{
    {
        const vnseg_token *tk = &s->tok[t];
        if (vn_rule_covered(s, t) || tk->kind != VNSEG_KIND_WORD ||
            !(tk->flags & VNSEG_TF_NOT_VIETNAMESE) ||
            (tk->flags & (VNSEG_TF_CAPITALIZED | VNSEG_TF_MULTI_SYLLABLE | VNSEG_TF_TITLE_CASE)) !=
                (VNSEG_TF_CAPITALIZED | VNSEG_TF_MULTI_SYLLABLE))
            return VNSEG_OK;
        vn_syls sy;
        if (vn_scan_syllables(s, t, &sy) < 2 || !sy.cap[0] || sy.cap[sy.n - 1]) return VNSEG_OK;
        size_t r = 0;
        while (r < sy.n && sy.cap[r])
            r++;
        const unsigned char *p = s->text + tk->offset;
        bool foreign = false;
        for (size_t k = 0; k < r; k++)
            foreign |=
                !vnseg_syllable_check((const char *)p + sy.start[k], sy.end[k] - sy.start[k]);
        bool titled = vn_rule_title_before(s, t, first);
        if (!foreign || (!titled && vn_rule_initial(s, t, first))) return VNSEG_OK;
        uint32_t type = VNSEG_ENT_PER;
        if (!titled && (vn_rule_cue_before(s, t, first) & CUE_LOC_PREP)) type = VNSEG_ENT_LOC;
        vn_cand c = {t,
                     t,
                     tk->offset + sy.start[0],
                     tk->offset + sy.end[r - 1],
                     type,
                     VN_NONE,
                     VNSEG_MF_PARTIAL | (titled ? VNSEG_MF_CUED : 0) |
                         (foreign ? VNSEG_MF_FOREIGN : 0),
                     VNSEG_SOURCE_HEURISTIC,
                     false};
        return vn_scan_add(s, &c);
    }
}
