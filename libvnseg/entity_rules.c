/* The scanner's rules for names on no list: organization and place heads, person titles, place
 * words, name-shaped runs typed by their context, and glued names after a title. */
#include <string.h>

#include "entity_cues.h"
#include "entity_scan.h"
#include "utf8dec.h"
#include "vnseg/syllable.h"

/* Cue bits that keep a capitalized word out of a name. */
static const uint32_t not_name = CUE_PER_TITLE | CUE_LOC_HEAD | CUE_ORG_HEAD | CUE_FIELD |
                                 CUE_LOC_PREP | CUE_MISC_HEAD | CUE_AND | CUE_COMMON;

#define MAX_RUN 5

static bool covered(const vn_scan *s, size_t t)
{
    return s->m->owner[t] != VN_NONE;
}

static vn_cand *owner_of(const vn_scan *s, size_t t)
{
    uint32_t o = s->m->owner[t];
    return o == VN_NONE ? NULL : &s->m->c[o];
}

static bool is_word(const vn_scan *s, size_t t)
{
    return s->tok[t].kind == VNSEG_KIND_WORD;
}

static bool lower_word(const vn_scan *s, size_t t)
{
    return is_word(s, t) && !(s->tok[t].flags & VNSEG_TF_CAPITALIZED);
}

static bool all_caps(const vn_scan *s, size_t t)
{
    return (s->tok[t].flags & VNSEG_TF_ALL_CAPS) && s->tok[t].length > 1;
}

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
static bool acronym(const vn_scan *s, size_t t)
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

/* The start of a line (not only of a sentence). */
static bool line_start(const vn_scan *s, size_t t)
{
    return t == 0 || (s->tok[t - 1].flags & VNSEG_TF_LINE_END);
}

/* A news byline at the start of a line: an acronym, optionally a place in brackets, and a
 * dash (`TT - `, `TTO - `, `TT ( Hà_Nội ) - `). The dash's token, or 0 when there is none. */
static size_t byline_dash(const vn_scan *s, size_t first, size_t end)
{
    if (!line_start(s, first) || first + 1 >= end || !acronym(s, first)) return 0;
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

static bool punct_is(const vn_scan *s, size_t t, char ch)
{
    const vnseg_token *p = &s->tok[t];
    return p->kind != VNSEG_KIND_WORD && p->length == 1 && s->text[p->offset] == (unsigned char)ch;
}

/* A word that may be (part of) a name on no list: title case, not covered, no cue word. */
static bool name_word(vn_scan *s, size_t t)
{
    const vnseg_token *tk = &s->tok[t];
    if (tk->kind != VNSEG_KIND_WORD || !(tk->flags & VNSEG_TF_TITLE_CASE) ||
        (tk->flags & VNSEG_TF_ABBREV) || one_char(s, t) || covered(s, t) ||
        memchr(s->text + tk->offset, '.', tk->length)) /* `T.Ư`, `U.S`: abbreviations */
        return false;
    uint32_t cue = vn_scan_cue(s, t);
    /* A family name that is also a place word is a name right after a title (`ông Châu`,
     * `bà Hồ`), not the head of a place. */
    if ((cue & not_name) && !((cue & CUE_FAMILY) && !(cue & not_name & ~CUE_LOC_HEAD) &&
                              ((t > s->sent_first && is_word(s, t - 1) && !covered(s, t - 1) &&
                                (vn_scan_cue(s, t - 1) & CUE_PER_TITLE)) ||
                               (t + 2 < s->ntok && (vn_scan_cue(s, t + 1) & CUE_AFTER_NAME) &&
                                punct_is(s, t + 2, ':')))))
        return false;
    return !((cue & CUE_NOT_ACRONYM) && all_caps(s, t));
}

/* Whether token t stands where any word is capitalized: the start of its sentence, after an
 * opening bracket or quote, after a colon, or after a byline's dash. */
static bool initial(const vn_scan *s, size_t t, size_t first)
{
    for (size_t j = t; j > first; j--) {
        const vnseg_token *p = &s->tok[j - 1];
        if (p->kind == VNSEG_KIND_PUNCT_OPEN) return true;
        if (p->kind == VNSEG_KIND_PUNCT_FINAL) continue;
        if (p->kind == VNSEG_KIND_PUNCT && p->length == 1 && s->text[p->offset] == ':') return true;
        /* A bullet at the start of a line (`* Mua được ...`). */
        if (j - 1 == first && p->length == 1 &&
            (s->text[p->offset] == '*' || s->text[p->offset] == '+') && line_start(s, first))
            return true;
        /* A dash after a byline in capitals (`TT - Trong hai ngày`, `TTO - Sở ...`). */
        if (p->kind == VNSEG_KIND_PUNCT_DASH && j - 1 == byline_dash(s, first, s->ntok))
            return true;
        if (p->kind == VNSEG_KIND_PUNCT_DASH && j - 1 > first && j - 1 <= first + 2) {
            bool byline = true;
            for (size_t k = first; k < j - 1; k++)
                byline &= all_caps(s, k) || s->tok[k].kind == VNSEG_KIND_PUNCT_DASH;
            if (byline) return true;
        }
        return false;
    }
    return true;
}

/* Whether a person title stands before token a: directly, or with the title's field, a place
 * or a body in between (`Bộ_trưởng Quốc_phòng Nga`, `phát_ngôn_viên Hội_đồng ... Nhà_Trắng`). */
static bool title_before(vn_scan *s, size_t a, size_t first)
{
    size_t j = a;
    for (int steps = 0; j > first && steps < 10; steps++) {
        size_t p = j - 1;
        const vn_cand *c = owner_of(s, p);
        if (c) {
            if (c->type != VNSEG_ENT_LOC && c->type != VNSEG_ENT_ORG) return false;
            j = c->first < p ? c->first : p;
            if (c->first > p) /* cannot happen; keep the walk moving */
                j = p;
            continue;
        }
        if (!is_word(s, p)) return false;
        uint32_t cue = vn_scan_cue(s, p);
        if (cue & CUE_PER_TITLE) return true;
        if (!(cue & (CUE_FIELD | CUE_AND | CUE_NAME_PART))) return false;
        j = p;
    }
    return false;
}

static uint32_t cue_before(vn_scan *s, size_t a, size_t first)
{
    return a > first && is_word(s, a - 1) && !covered(s, a - 1) ? vn_scan_cue(s, a - 1) : 0;
}

/* The cue bits of the first syllable of a word of several syllables (`Nguyễn` in
 * `Nguyễn_Văn_Hậu`, `Ia` in `Ia_Mơ`); 0 for a word of one syllable. */
static uint32_t first_syllable_cue(vn_scan *s, size_t t)
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
static bool person_shaped(vn_scan *s, size_t t)
{
    return (s->tok[t].flags & VNSEG_TF_TITLE_CASE) && s->tok[t].syllables >= 3 &&
           (first_syllable_cue(s, t) & CUE_FAMILY);
}

static vnseg_status add(vn_scan *s, size_t first, size_t last, uint32_t type, uint32_t flags)
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
static void extend_with_head(vn_scan *s, vn_cand *c, size_t h)
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
static void absorb(vn_scan *s, vn_cand *c)
{
    c->dead = true;
    for (size_t t = c->first; t <= c->last; t++)
        if (s->m->owner[t] == (uint32_t)(c - s->m->c)) s->m->owner[t] = VN_NONE;
}

/* A gazetteer place that starts exactly at token t, or NULL. */
static vn_cand *place_at(const vn_scan *s, size_t t)
{
    vn_cand *c = owner_of(s, t);
    return c && !c->dead && c->type == VNSEG_ENT_LOC && c->first == t &&
                   c->off == s->tok[t].offset && !(c->flags & VNSEG_MF_PARTIAL)
               ? c
               : NULL;
}

/* A run of name words from t: its last token, or t - 1 when there is none. */
static size_t name_run(vn_scan *s, size_t t, size_t end)
{
    size_t j = t;
    while (j < end && j - t < MAX_RUN && name_word(s, j))
        j++;
    return j - 1;
}

/* `TP` alone (the city, with no name after it): a place of its own after an administrative
 * head (`UBND TP`). */
static bool city_alone(vn_scan *s, size_t t, size_t end)
{
    const vnseg_token *tk = &s->tok[t];
    const unsigned char *p = s->text + tk->offset;
    return tk->length == 2 && p[0] == 'T' && p[1] == 'P' &&
           (t + 1 >= end || !(s->tok[t + 1].flags & VNSEG_TF_CAPITALIZED));
}

static bool word_is(const vn_scan *s, size_t t, const char *w)
{
    size_t n = strlen(w);
    return s->tok[t].kind == VNSEG_KIND_WORD && s->tok[t].length == n &&
           memcmp(s->text + s->tok[t].offset, w, n) == 0;
}

/* A zone and its name (`khu đô_thị mới Phú_Mỹ_An`, `Khu công_nghiệp Linh_Trung`, `khu
 * dân_cư Trung_Sơn`): the last token of the place, or 0 when token t starts none. */
static size_t zone_at(vn_scan *s, size_t t, size_t end)
{
    static const char *const kinds[] = {"đô_thị",  "công_nghiệp", "dân_cư",       "chế_xuất",
                                        "kinh_tế", "du_lịch",     "công_nghệ_cao"};
    if (!(word_is(s, t, "khu") || word_is(s, t, "Khu")) || t + 2 >= end || covered(s, t + 1))
        return 0;
    bool kind = false;
    for (size_t i = 0; i < sizeof kinds / sizeof *kinds; i++)
        kind |= word_is(s, t + 1, kinds[i]);
    if (!kind) return 0;
    size_t a = t + 2;
    if (word_is(s, a, "mới")) a++;
    vn_cand *loc = a < end ? place_at(s, a) : NULL;
    if (loc) {
        absorb(s, loc);
        return loc->last;
    }
    if (a >= end || !name_word(s, a)) return 0;
    size_t b = name_run(s, a, end);
    /* A Roman numeral after the name (`Linh_Trung III`). */
    if (b + 1 < end && !covered(s, b + 1) && all_caps(s, b + 1) &&
        strspn((const char *)s->text + s->tok[b + 1].offset, "IVX") == s->tok[b + 1].length)
        b++;
    return b;
}

/* A capitalized organization head alone inside a sentence and its acronym in brackets
 * (`ban giám_đốc Bảo_hiểm_xã_hội ( BHXH ) TP. HCM`): two names of the body. */
static bool head_with_acronym(vn_scan *s, size_t h, size_t end)
{
    return (s->tok[h].flags & VNSEG_TF_CAPITALIZED) && h + 3 < end && punct_is(s, h + 1, '(') &&
           !covered(s, h + 2) && is_word(s, h + 2) && acronym(s, h + 2) &&
           s->tok[h + 3].kind == VNSEG_KIND_PUNCT_CLOSE && !initial(s, h, s->sent_first) &&
           (vn_scan_cue(s, h) & CUE_ORG_HEAD);
}

/* A capitalized `Ban` inside a sentence and the lower-case words of its task, up to a
 * punctuation mark (`Ban quản_lý dự_án đại_lộ đông_tây ,`, `Ban thuế_thu_nhập cá_nhân (`,
 * `Ban chỉ_đạo chuyên_án 404T ,`): the last token of the board's name, or 0. Only when the
 * words end at a mark (or a code), so that a verb after them is never taken in. */
static size_t board_at(vn_scan *s, size_t h, size_t end)
{
    if (s->tok[h].length != 3 || !word_is(s, h, "Ban") || initial(s, h, s->sent_first)) return 0;
    size_t j = h + 1;
    while (j < end && j <= h + 6 && lower_word(s, j) && !covered(s, j) &&
           !(vn_scan_cue(s, j) & (CUE_AFTER_NAME | CUE_LOC_PREP | CUE_AND)))
        j++;
    if (j < h + 3) return 0; /* two lower-case words at least; one is the rule of org_at */
    /* A code after the words (`404T`, `35`). */
    if (j < end && !covered(s, j) && (s->tok[j].flags & VNSEG_TF_HAS_DIGIT) &&
        s->tok[j].length <= 8)
        j++;
    if (j < end && (is_word(s, j) || s->tok[j].kind == VNSEG_KIND_NUMBER)) return 0;
    return j - 1;
}

/* The organization rule at head h: `Bộ Y_tế`, `Sở Giao_thông vận_tải`, `Ủy_ban nhân_dân
 * thành_phố Đà_Nẵng`, and a head before a gazetteer body (`tập_đoàn Wagner`). */
static vnseg_status org_at(vn_scan *s, size_t h, size_t end)
{
    uint32_t hc = vn_scan_cue(s, h);
    /* A lower-case `phòng` is a department of a body only before its acronym (`phòng QLĐT`);
     * before other words it is a room or an office's division (`phòng kinh_doanh Công_ty`). */
    if (word_is(s, h, "phòng") && !(h + 1 < end && is_word(s, h + 1) && all_caps(s, h + 1)))
        return VNSEG_OK;
    /* A military unit and its number (`sư_đoàn 4`, `trung_đoàn 8`). */
    if ((hc & CUE_LOC_NUMBERED) && !(hc & CUE_LOC_HEAD) && h + 1 < end &&
        s->tok[h + 1].kind == VNSEG_KIND_NUMBER && s->tok[h + 1].length <= 3 && !covered(s, h + 1))
        return add(s, (s->options & VNSEG_SCAN_NO_HEADS) ? h + 1 : h, h + 1, VNSEG_ENT_ORG,
                   VNSEG_MF_HEAD | VNSEG_MF_CUED);
    size_t board = board_at(s, h, end);
    if (board)
        return add(s, (s->options & VNSEG_SCAN_NO_HEADS) ? h + 1 : h, board, VNSEG_ENT_ORG,
                   VNSEG_MF_HEAD | VNSEG_MF_CUED);
    bool admin = (hc & CUE_ORG_ADMIN) != 0, named = false, place = false;
    vn_cand *next = h + 1 < end ? owner_of(s, h + 1) : NULL;
    if (next && !next->dead && next->type == VNSEG_ENT_ORG) {
        extend_with_head(s, next, h);
        return VNSEG_OK;
    }
    /* A head capitalized inside a sentence starts a name even when lower-case words of a field
     * follow it (`Tổng_cục du_lịch VN`, `Quĩ hỗ_trợ phát_triển Quảng_Nam`). */
    bool proper = (s->tok[h].flags & VNSEG_TF_CAPITALIZED) && !initial(s, h, s->sent_first);
    /* An office right before the head (`Chủ_tịch UBND xã ...`, `Thứ_trưởng Bộ ...`): the
     * person's name may follow the body's, so the body's name stops before it. */
    bool titled = h > s->sent_first && is_word(s, h - 1) && !covered(s, h - 1) &&
                  (vn_scan_cue(s, h - 1) & CUE_OFFICE);
    /* A listed place read at the start of a glued word after a capitalized head is the word
     * of a field (`Vụ Pháp_chế`: legal affairs, not France). */
    vn_cand *part = h + 1 < end ? owner_of(s, h + 1) : NULL;
    if (proper && part && !part->dead && (part->flags & VNSEG_MF_PARTIAL) && part->first == h + 1 &&
        part->off == s->tok[h + 1].offset && s->tok[h + 1].syllables >= 2 &&
        !(s->tok[h + 1].flags & VNSEG_TF_TITLE_CASE))
        absorb(s, part);
    size_t last = h, j = h + 1;
    while (j < end) {
        vn_cand *loc = place_at(s, j);
        if (covered(s, j)) {
            if (loc && (admin || named)) {
                absorb(s, loc);
                last = loc->last;
                place = true;
            }
            break;
        }
        /* `và` or a dash between the fields of one name (`Ngân_hàng Đầu_tư và phát_triển`,
         * `Uỷ_ban Dân_số - gia_đình và trẻ_em`). */
        bool dash = s->tok[j].kind == VNSEG_KIND_PUNCT_DASH || punct_is(s, j, '&');
        /* Acronyms joined by a dash or `&` (`Bộ KH - ĐT`, `Ban VHXH - HĐND TP`). */
        if (dash && last > h && all_caps(s, last) && j + 1 < end && !covered(s, j + 1) &&
            is_word(s, j + 1) && all_caps(s, j + 1) && !(s->tok[j + 1].flags & VNSEG_TF_ABBREV)) {
            last = j + 1;
            j += 2;
            named = true;
            continue;
        }
        if ((named || (proper && last > h)) && j + 1 < end && !covered(s, j + 1) &&
            (dash || (is_word(s, j) && (vn_scan_cue(s, j) & CUE_AND))) &&
            (dash ? is_word(s, j + 1) : lower_word(s, j + 1)) &&
            (vn_scan_cue(s, j + 1) & (CUE_NAME_PART | CUE_FIELD))) {
            last = j + 1;
            j += 2;
            continue;
        }
        if (!is_word(s, j)) break;
        uint32_t cue = vn_scan_cue(s, j);
        if (cue & CUE_LOC_HEAD) {
            if (!(admin || named)) break;
            if ((loc = j + 1 < end ? place_at(s, j + 1) : NULL) != NULL) {
                absorb(s, loc);
                last = loc->last;
                place = true;
            } else {
                /* After a title, the place is one word (`UBND xã Bhalê` + a name). */
                size_t r = titled ? (name_word(s, j + 1) ? j + 1 : j) : name_run(s, j + 1, end);
                if (r > j) {
                    last = r;
                    place = true;
                } else if (admin && j + 1 < end && s->tok[j + 1].kind == VNSEG_KIND_NUMBER &&
                           (cue & CUE_LOC_NUMBERED)) {
                    last = j + 1; /* `Phòng GD - ĐT Q. 9` */
                    place = true;
                } else if (admin && city_alone(s, j, end)) {
                    last = j; /* `UBND TP`, `BHXH TP`: the city the paper writes from */
                    place = true;
                }
            }
            break;
        }
        if ((cue & CUE_AND) && j + 1 < end && !covered(s, j + 1) &&
            (s->tok[j + 1].flags & VNSEG_TF_CAPITALIZED) &&
            !(vn_scan_cue(s, j + 1) & CUE_ORG_HEAD)) {
            last = j + 1;
            j += 2;
            named = true;
            continue;
        }
        if (lower_word(s, j)) {
            if (!(cue & (CUE_NAME_PART | CUE_FIELD))) break;
            last = j++;
            named |= proper;
            continue;
        }
        /* Words of an organization's name capitalize their first syllable (`An_ninh`); a
         * capitalized head is part of it too (`câu_lạc_bộ Công_an`, `Cục Cảnh_sát`). */
        if ((s->tok[j].flags & VNSEG_TF_CAPITALIZED) && !(s->tok[j].flags & VNSEG_TF_ABBREV) &&
            !(cue & (not_name & ~(CUE_FIELD | CUE_ORG_HEAD))) &&
            !(titled && last > h && person_shaped(s, j))) {
            last = j++;
            named = true;
            continue;
        }
        break;
    }
    if (!(named || place)) return VNSEG_OK;
    /* A number of up to three digits that ends the name (`Tổng_công_ty Xây_dựng công_trình
     * giao_thông 1 , 6 và 8`, `Công_ty Xây_dựng 579`; not a year). */
    if (!place && last + 1 < end && last + 1 == j && s->tok[j].kind == VNSEG_KIND_NUMBER &&
        s->tok[j].length <= 3 && !covered(s, j) &&
        (j + 1 == end || !is_word(s, j + 1) || (vn_scan_cue(s, j + 1) & CUE_AND)))
        last = j;
    size_t first = h;
    if (s->options & VNSEG_SCAN_NO_HEADS) first = h + 1;
    return add(s, first, last, VNSEG_ENT_ORG, VNSEG_MF_HEAD | VNSEG_MF_CUED);
}

/* Whether the word before t is `miền` or `vùng` (`miền núi`, `vùng biển`: a kind of land, and
 * what follows is no head). */
static bool region_word_before(const vn_scan *s, size_t t, size_t first)
{
    static const char mien[] = "miền", vung[] = "vùng";
    if (t == first || covered(s, t - 1)) return false;
    const vnseg_token *p = &s->tok[t - 1];
    const unsigned char *q = s->text + p->offset;
    return p->kind == VNSEG_KIND_WORD &&
           ((p->length == sizeof mien - 1 && memcmp(q, mien, sizeof mien - 1) == 0) ||
            (p->length == sizeof vung - 1 && memcmp(q, vung, sizeof vung - 1) == 0));
}

/* The place rule at head h: `tỉnh Quảng_Nam`, `đường Bạch_Đằng`, `miền Trung`. */
static vnseg_status place_head_at(vn_scan *s, size_t h, size_t end)
{
    if (h + 1 >= end) return VNSEG_OK;
    vn_cand *loc = place_at(s, h + 1);
    if (loc) {
        extend_with_head(s, loc, h);
        return VNSEG_OK;
    }
    /* A numbered district or ward (`quận 8`, `Q. 8`, `phường 5`). */
    const vnseg_token *n = &s->tok[h + 1];
    if (n->kind == VNSEG_KIND_NUMBER && (vn_scan_cue(s, h) & CUE_LOC_NUMBERED)) {
        size_t first = (s->options & VNSEG_SCAN_NO_HEADS) ? h + 1 : h;
        return add(s, first, h + 1, VNSEG_ENT_LOC, VNSEG_MF_HEAD | VNSEG_MF_CUED);
    }
    /* The word right after the head is a name even when it is itself a cue word (`sông Cầu`). */
    if (n->kind != VNSEG_KIND_WORD || !(n->flags & VNSEG_TF_TITLE_CASE) || covered(s, h + 1) ||
        (vn_scan_cue(s, h + 1) & (CUE_PER_TITLE | CUE_LOC_PREP | CUE_AND)))
        return VNSEG_OK;
    size_t r = name_run(s, h + 2, end);
    if (r < h + 1) r = h + 1;
    size_t first = (s->options & VNSEG_SCAN_NO_HEADS) ? h + 1 : h;
    return add(s, first, r, VNSEG_ENT_LOC, VNSEG_MF_HEAD | VNSEG_MF_CUED);
}

/* A dash between token t and a place: `Nga - Triều`. */
static bool dash_to_place(const vn_scan *s, size_t a, size_t b, size_t first, size_t end)
{
    if (a >= first + 2 && s->tok[a - 1].kind == VNSEG_KIND_PUNCT_DASH) {
        const vn_cand *c = owner_of(s, a - 2);
        if (c && c->type == VNSEG_ENT_LOC) return true;
    }
    if (b + 2 < end && s->tok[b + 1].kind == VNSEG_KIND_PUNCT_DASH) {
        const vn_cand *c = owner_of(s, b + 2);
        if (c && c->type == VNSEG_ENT_LOC) return true;
    }
    return false;
}

static bool vietnamese_syllable_word(const vn_scan *s, size_t t)
{
    const vnseg_token *tk = &s->tok[t];
    return tk->syllables == 1 && !(tk->flags & VNSEG_TF_NOT_VIETNAMESE);
}

/* Whether the last syllable of token t is a word that ends organization names (`FC`,
 * `United`, `Airlines`). */
static bool ends_with_org_suffix(vn_scan *s, size_t t)
{
    vn_syls sy;
    if (vn_scan_syllables(s, t, &sy) == 0) return false;
    if (sy.n == 1) return (vn_scan_cue(s, t) & CUE_ORG_SUFFIX) != 0;
    vn_buf *k = &s->m->key2;
    k->len = 0;
    size_t a = sy.start[sy.n - 1], e = sy.end[sy.n - 1];
    return e - a <= 32 && vn_scan_key(s, t, a, e, k, true) == VNSEG_OK &&
           (vn_cue_of(k->data, k->len) & CUE_ORG_SUFFIX);
}

/* A suffix word after a name makes it an organization's (`Hà_Nội FC`). */
static bool suffix_at(vn_scan *s, size_t t, size_t first)
{
    vn_cand *c = t > first ? owner_of(s, t - 1) : NULL;
    const vnseg_token *p = &s->tok[t - 1 < t ? t - 1 : t];
    if (!c || c->dead || c->last != t - 1 || c->end != p->offset + p->length ||
        !(vn_scan_cue(s, t) & CUE_ORG_SUFFIX))
        return false;
    c->last = t;
    c->end = s->tok[t].offset + s->tok[t].length;
    c->type = VNSEG_ENT_ORG;
    c->entry = VN_NONE;
    c->source = VNSEG_SOURCE_HEURISTIC;
    c->flags |= VNSEG_MF_CUED;
    s->m->owner[t] = (uint32_t)(c - s->m->c);
    return true;
}

/* A house number before token a, itself after a comma, a place word or the sentence start
 * (`, 282 Nơ_Trang_Long ,`, `tại 12 Lê_Lợi`): 1 to 4 digits, maybe a slash and more. */
static bool house_number_before(vn_scan *s, size_t a, size_t first)
{
    if (a < first + 1 || s->tok[a - 1].kind != VNSEG_KIND_NUMBER) return false;
    const vnseg_token *n = &s->tok[a - 1];
    const unsigned char *p = s->text + n->offset;
    size_t digits = 0;
    while (digits < n->length && (unsigned)p[digits] - '0' < 10u)
        digits++;
    if (digits == 0 || digits > 4) return false;
    for (size_t i = digits; i < n->length; i++)
        if (p[i] != '/' && (unsigned)p[i] - '0' >= 10u && (unsigned)(p[i] | 0x20) - 'a' >= 26u)
            return false;
    if (a - 1 == first) return true;
    const vnseg_token *q = &s->tok[a - 2];
    if (q->kind == VNSEG_KIND_PUNCT && q->length == 1 && s->text[q->offset] == ',') return true;
    static const char so[] = "số"; /* `số 4 Phạm_Ngọc_Thạch` */
    if (q->kind == VNSEG_KIND_WORD && q->length == sizeof so - 1 &&
        memcmp(s->text + q->offset, so, sizeof so - 1) == 0)
        return true;
    return q->kind == VNSEG_KIND_WORD && (vn_scan_cue(s, a - 2) & CUE_LOC_PREP);
}

/* A place by the brackets around it or after it: a district in brackets after the street
 * (`Lê_Thạch ( quận 4 )`, `Quang_Trung ( Gò_Vấp )`), a name in brackets after a place
 * (`đường Quang_Trung ( Gò_Vấp )`), the first part of an address in brackets (`( Vĩnh_Lợi ,
 * Bạc_Liêu )`, not when it begins with a family name: a person and a home town). */
static bool place_by_brackets(vn_scan *s, size_t a, size_t b, size_t first, size_t end)
{
    if (b + 3 < end && s->tok[b + 1].kind == VNSEG_KIND_PUNCT_OPEN && punct_is(s, b + 1, '(')) {
        size_t k = b + 2;
        if (place_at(s, k) && s->tok[owner_of(s, k)->last + 1].kind == VNSEG_KIND_PUNCT_CLOSE)
            return true;
        if (lower_word(s, k) && !covered(s, k) && (vn_scan_cue(s, k) & CUE_LOC_HEAD) &&
            ((s->tok[k + 1].kind == VNSEG_KIND_NUMBER && (vn_scan_cue(s, k) & CUE_LOC_NUMBERED)) ||
             (s->tok[k + 1].flags & VNSEG_TF_TITLE_CASE)))
            return true;
    }
    if (a < first + 2 || !punct_is(s, a - 1, '(') || b + 1 >= end) return false;
    const vn_cand *c = owner_of(s, a - 2);
    if (c && !c->dead && c->type == VNSEG_ENT_LOC && c->last == a - 2 &&
        s->tok[b + 1].kind == VNSEG_KIND_PUNCT_CLOSE)
        return true;
    return b + 2 < end && punct_is(s, b + 1, ',') && place_at(s, b + 2) &&
           !(first_syllable_cue(s, a) & CUE_FAMILY) && !(vn_scan_cue(s, a) & CUE_FAMILY);
}

/* Whether word t starts with a syllable that begins place names of the highlands (`Ia_Mơ`,
 * `Ea_Súp`, `Chư_Sê`, `Krông_Pắc`, `Đắk_Glei`, `Kon_Plông`, `Buôn_Đôn`): compared as bytes, title
 * case, before the underscore of a glued word. */
static bool highland_place(const vn_scan *s, size_t t)
{
    static const char *const prefixes[] = {"Ia_", "Ea_", "Chư_", "Krông_", "Đắk_", "Đăk_",
                                           "Đắc_", "Buôn_", "Kon_"};
    const vnseg_token *tk = &s->tok[t];
    const unsigned char *p = s->text + tk->offset;
    if (tk->syllables < 2 || !strchr("IECKB\xC4", p[0])) return false;
    for (size_t i = 0; i < sizeof prefixes / sizeof *prefixes; i++) {
        size_t n = strlen(prefixes[i]);
        if (tk->length > n && memcmp(p, prefixes[i], n) == 0) return true;
    }
    return false;
}

/* Whether the one-syllable word at a, inside a sentence, stands as the subject of what follows
 * it (`còn Hùng thì ...`, `May_mà Vi còn ...`, `cho Hải và Thơm`): a given name. */
static bool subject_before(vn_scan *s, size_t a, size_t first, size_t end)
{
    if (a + 1 >= end || initial(s, a, first)) return false;
    uint32_t next = vn_scan_cue(s, a + 1);
    if (next & CUE_AFTER_NAME) return true;
    return (next & CUE_AND) && a + 2 < end && is_word(s, a + 2) &&
           (s->tok[a + 2].flags & VNSEG_TF_TITLE_CASE) && s->tok[a + 2].syllables == 1 &&
           !(vn_scan_cue(s, a + 2) & not_name);
}

/* Whether token t is `ơi`, the particle of a vocative. */
static bool vocative(const vn_scan *s, size_t t, size_t end)
{
    static const char oi[] = "ơi";
    return t < end && s->tok[t].kind == VNSEG_KIND_WORD && s->tok[t].length == sizeof oi - 1 &&
           memcmp(s->text + s->tok[t].offset, oi, sizeof oi - 1) == 0;
}

/* Whether token t is the head of a street, whose names are often people's (`đường`, `phố`,
 * `đại_lộ`, `ngõ`, `hẻm`, `quốc_lộ`, `Q.`-less `Đường`). */
static bool street_head(const vn_scan *s, size_t t)
{
    static const char *const heads[] = {"đường",  "Đường", "phố", "Phố",  "đại_lộ",
                                        "Đại_lộ", "ngõ",   "hẻm", "tuyến"};
    for (size_t i = 0; i < sizeof heads / sizeof *heads; i++)
        if (word_is(s, t, heads[i])) return true;
    return false;
}

/* A name listed after one typed by its head (`các đường Đỗ_Quang , Tô_Ngọc_Vân và Văn_Cao`):
 * that mention, or NULL. */
static const vn_cand *enumerated_after(vn_scan *s, size_t a, size_t first)
{
    if (a < first + 2) return NULL;
    const vnseg_token *p = &s->tok[a - 1];
    bool comma = p->kind == VNSEG_KIND_PUNCT && p->length == 1 && s->text[p->offset] == ',';
    const vn_cand *c = owner_of(s, a - 2);
    /* Places joined by a dash (`giao_lộ Lê_Lai - Nguyễn_Thị_Nghĩa`). */
    if (p->kind == VNSEG_KIND_PUNCT_DASH && c && !c->dead && c->type == VNSEG_ENT_LOC &&
        (c->flags & VNSEG_MF_CUED) && c->source == VNSEG_SOURCE_HEURISTIC)
        return c;
    if (!comma && !(is_word(s, a - 1) && (vn_scan_cue(s, a - 1) & CUE_AND))) return NULL;
    if (!c || c->dead || c->source != VNSEG_SOURCE_HEURISTIC) return NULL;
    /* A full person's name after a place with its head is the next item only when the head is
     * a street's (`đường Thái_Thịnh , Tôn_Đức_Thắng`), not `cửa_khẩu Sa_Kỳ , Võ_Thị_Dung`. */
    if (c->type == VNSEG_ENT_LOC && (c->flags & VNSEG_MF_HEAD) && person_shaped(s, a) &&
        !street_head(s, c->first))
        return NULL;
    if (c->flags & (VNSEG_MF_HEAD | VN_CF_LISTED)) return c;
    /* A given name joined by `và` to a person's name just before it (`Hải và Thơm`). */
    return !comma && c->type == VNSEG_ENT_PER && c->last == a - 2 && !(c->flags & VN_CF_TENTATIVE)
               ? c
               : NULL;
}

/* A name between two places in a list (`từ Vĩnh_Hoà , Vĩnh_Thuận , Kiên_Giang`): after a place
 * and a comma, before a comma and a listed place; not when it begins with a family name. */
static bool between_places(vn_scan *s, size_t a, size_t b, size_t first, size_t end)
{
    if (a < first + 2 || b + 2 >= end || !punct_is(s, a - 1, ',') || !punct_is(s, b + 1, ',') ||
        !place_at(s, b + 2))
        return false;
    const vn_cand *c = owner_of(s, a - 2);
    return c && !c->dead && c->type == VNSEG_ENT_LOC && c->last == a - 2 &&
           !(first_syllable_cue(s, a) & CUE_FAMILY) && !(vn_scan_cue(s, a) & CUE_FAMILY);
}

/* A shop's name before a comma, maybe with its place in brackets (`tiệm vàng Kim_Hoàn ( quận
 * 7 ) , Kim_Lan`): the name after the comma is another shop. */
static bool shop_listed_before(const vn_scan *s, size_t a, size_t first)
{
    if (a < first + 2 || !punct_is(s, a - 1, ',')) return false;
    size_t p = a - 2;
    if (s->tok[p].kind == VNSEG_KIND_PUNCT_CLOSE) {
        size_t q = p;
        while (q > first && q + 8 > p && s->tok[q].kind != VNSEG_KIND_PUNCT_OPEN)
            q--;
        if (q <= first || s->tok[q].kind != VNSEG_KIND_PUNCT_OPEN) return false;
        p = q - 1;
    }
    const vn_cand *c = owner_of(s, p);
    return c && !c->dead && c->type == VNSEG_ENT_ORG && c->last == p &&
           c->source == VNSEG_SOURCE_HEURISTIC && (c->flags & VN_CF_LISTED);
}

/* The first name of a list that ends in a place with its head (`Nap , Krông và làng Khôi`): the
 * names after b are single title-case words after commas, then `và`, a place head in lower
 * case and a title-case word. */
static bool list_before_place(vn_scan *s, size_t b, size_t end)
{
    size_t j = b + 1;
    for (int items = 0; items < 6 && j + 2 < end; items++) {
        if (punct_is(s, j, ',') && name_word(s, j + 1) && !all_caps(s, j + 1)) {
            j += 2;
            continue;
        }
        return !covered(s, j) && lower_word(s, j) && (vn_scan_cue(s, j) & CUE_AND) &&
               lower_word(s, j + 1) && !covered(s, j + 1) &&
               (vn_scan_cue(s, j + 1) & CUE_LOC_HEAD) &&
               (s->tok[j + 2].flags & VNSEG_TF_TITLE_CASE);
    }
    return false;
}

/* The kind of a shop before a name (`tiệm Kim_Hoàn`, `tiệm vàng Kim_Hoàn`, `hiệu thuốc X`). It
 * runs at every name, so lengths and first bytes are compared before the words. */
static bool shop_before(const vn_scan *s, size_t a, size_t first)
{
    if (a < first + 1 || covered(s, a - 1) || !is_word(s, a - 1)) return false;
    const vnseg_token *p = &s->tok[a - 1];
    size_t n = p->length;
    if (n == 6 && (word_is(s, a - 1, "tiệm") || word_is(s, a - 1, "hiệu"))) return true;
    if (n != 5 && n != 7 && n != 3) return false;
    if (!(word_is(s, a - 1, "vàng") || word_is(s, a - 1, "thuốc") || word_is(s, a - 1, "sách") ||
          word_is(s, a - 1, "ảnh") || word_is(s, a - 1, "may") || word_is(s, a - 1, "bánh")))
        return false;
    return a >= first + 2 && !covered(s, a - 2) &&
           (word_is(s, a - 2, "tiệm") || word_is(s, a - 2, "hiệu"));
}

/* Whether the acronym at a, in brackets, spells the syllables of the words right before the
 * bracket and the first of them is in lower case (`quan_hệ tình_dục ( QHTD )`, `đại_biểu
 * Quốc_hội ( ĐBQH )`): the abbreviation of a common noun, no name. */
static bool defines_common_noun(vn_scan *s, size_t a, size_t first, size_t end)
{
    if (a < first + 2 || a + 1 >= end || !punct_is(s, a - 1, '(') ||
        s->tok[a + 1].kind != VNSEG_KIND_PUNCT_CLOSE)
        return false;
    const unsigned char *p = s->text + s->tok[a].offset;
    size_t n = s->tok[a].length, k = n; /* letters of the acronym, matched from the end */
    size_t t = a - 1;
    while (k > 0 && t > first) {
        t--;
        if (!is_word(s, t)) return false;
        vn_syls sy;
        size_t ns = vn_scan_syllables(s, t, &sy);
        if (ns == 0) return false;
        const unsigned char *w = s->text + s->tok[t].offset;
        for (size_t i = ns; i-- > 0;) {
            if (k == 0) return false;
            unsigned char c = w[sy.start[i]];
            if (k >= 2 && p[k - 2] == 0xC4 && p[k - 1] == 0x90) { /* Đ, đ */
                if (c != 0xC4 || (w[sy.start[i] + 1] | 1) != 0x91) return false;
                k -= 2;
            } else {
                if ((unsigned)p[k - 1] - 'A' >= 26u || (c | 0x20) != (p[k - 1] | 0x20))
                    return false;
                k--;
            }
        }
    }
    return k == 0 && lower_word(s, t);
}

/* A trade name of the kind Vietnamese companies take (`Tracimexco`, `Youthexco`, `Vinaimex`):
 * one foreign word ending in `exco` or `imex`. */
static bool trade_name(const vn_scan *s, size_t a, size_t b)
{
    const vnseg_token *tk = &s->tok[a];
    if (a != b || tk->length < 6 || !(tk->flags & VNSEG_TF_NOT_VIETNAMESE)) return false;
    const unsigned char *e = s->text + tk->offset + tk->length - 4;
    return memcmp(e, "exco", 4) == 0 || memcmp(e, "imex", 4) == 0;
}

/* The name-shaped run that starts at name word a, typed by its context; *next receives the
 * token after it. */
static vnseg_status run_at(vn_scan *s, size_t a, size_t first, size_t end, bool caps_sentence,
                           size_t *next)
{
    size_t b = a;
    /* An acronym stands alone; so does a word after one. */
    while (b + 1 < end && b + 1 - a < MAX_RUN && name_word(s, b + 1) &&
           all_caps(s, b + 1) == all_caps(s, a))
        b++;
    *next = b + 1;
    /* Capitalized by position only: a one-syllable Vietnamese word at the start. Before a word
     * that follows a subject (`Thuỷ chưa ...`, `: Hùng đang ...`) it is kept for the document
     * pass, which makes it a person if the document names that person elsewhere. */
    if (initial(s, a, first) && vietnamese_syllable_word(s, a) && !all_caps(s, a) &&
        !((vn_scan_cue(s, a) & CUE_FAMILY) && b > a)) {
        /* Before a verb of speech and a colon (`Châu nói : " ...`): a person who speaks. */
        if (a == b && a + 2 < end && (vn_scan_cue(s, a + 1) & CUE_AFTER_NAME) &&
            punct_is(s, a + 2, ':'))
            return add(s, a, a, VNSEG_ENT_PER, VNSEG_MF_CUED);
        if (a == b && a + 1 < end && (vn_scan_cue(s, a + 1) & CUE_AFTER_NAME) &&
            !(s->options & VNSEG_SCAN_NO_LINKS))
            return add(s, a, a, VNSEG_ENT_PER, VN_CF_TENTATIVE);
        if (++a > b) return VNSEG_OK;
    }
    if (caps_sentence) {
        bool foreign = false;
        for (size_t t = a; t <= b; t++)
            foreign |= (s->tok[t].flags & VNSEG_TF_NOT_VIETNAMESE) != 0;
        if (!foreign) return VNSEG_OK;
    }
    uint32_t type = VNSEG_ENT_PER, flags = 0;
    uint32_t prev = cue_before(s, a, first);
    if (a == b && all_caps(s, a) && a >= first + 2 && punct_is(s, a - 1, '/') &&
        s->tok[a - 2].kind == VNSEG_KIND_NUMBER)
        return VNSEG_OK; /* the code of a document's number (`602 / GPĐC7`) */
    if (a == b && all_caps(s, a) && s->tok[a - 1 < a ? a - 1 : a].kind == VNSEG_KIND_PUNCT_OPEN &&
        defines_common_noun(s, a, first, end))
        return VNSEG_OK;
    if (title_before(s, a, first)) {
        flags = VNSEG_MF_CUED;
        if (a == b && all_caps(s, a) && acronym(s, a))
            type = VNSEG_ENT_ORG; /* a body after a title (`đại_biểu QH`), not a person */
    } else if (shop_before(s, a, first)) {
        type = VNSEG_ENT_ORG; /* `tiệm vàng Kim_Hoàn`: the shop's name, without its kind */
        flags = VNSEG_MF_CUED | VN_CF_LISTED;
    } else if (prev & CUE_LOC_PREP) {
        type = VNSEG_ENT_LOC;
        flags = VNSEG_MF_CUED;
    } else if (a == b && s->tok[a].length == 6 && word_is(s, a, "Luật")) {
        return VNSEG_OK; /* a law (`dự_án Luật bảo_vệ ...`): the samples do not annotate laws */
    } else if (prev & CUE_MISC_HEAD) {
        /* The code of a strain (`virus H5N1`) is no name. */
        if (a == b && (s->tok[a].flags & VNSEG_TF_HAS_DIGIT) && word_is(s, a - 1, "virus"))
            return VNSEG_OK;
        type = VNSEG_ENT_MISC;
        flags = VNSEG_MF_CUED;
    } else if (a == b && vietnamese_syllable_word(s, a) && dash_to_place(s, a, b, first, end)) {
        type = VNSEG_ENT_LOC;
        flags = VNSEG_MF_CUED;
    } else if (a == b && all_caps(s, a) && (prev & CUE_QUANT)) {
        return VNSEG_OK; /* an abbreviated common noun (`các DN`, `những BN`) */
    } else if (house_number_before(s, a, first) && (b > a || s->tok[a].syllables >= 2)) {
        type = VNSEG_ENT_LOC; /* a street after a house number (`282 Nơ_Trang_Long`) */
        flags = VNSEG_MF_CUED;
    } else if (shop_listed_before(s, a, first)) {
        type = VNSEG_ENT_ORG; /* more shops (`tiệm vàng Kim_Hoàn ( quận 7 ) , Kim_Lan`) */
        flags = VNSEG_MF_CUED | VN_CF_LISTED;
    } else if (!all_caps(s, a) && place_by_brackets(s, a, b, first, end)) {
        type = VNSEG_ENT_LOC;
        flags = VNSEG_MF_CUED | VN_CF_LISTED;
    } else if (highland_place(s, a)) {
        type = VNSEG_ENT_LOC; /* `Ia_Mơ`, `Ea_Súp`, `Chư_Sê`, `Krông_Pắc` */
        flags = VNSEG_MF_CUED;
    } else if (prev & CUE_LOC_HEAD) {
        type = VNSEG_ENT_LOC; /* after a place word that is no head (`miền núi Sơn_Hoà`) */
        flags = VNSEG_MF_CUED | VN_CF_LISTED;
    } else if (a == b && all_caps(s, a) && acronym(s, a)) {
        type = VNSEG_ENT_ORG;
        flags = VNSEG_MF_ACRONYM;
    } else if (a == b && all_caps(s, a) && s->tok[a].syllables >= 2 &&
               !(s->tok[a].flags & VNSEG_TF_NOT_VIETNAMESE) &&
               (first_syllable_cue(s, a) & CUE_FAMILY)) {
        flags = VNSEG_MF_CUED; /* a full name in capitals (a byline's `LÊ_VĂN_AN`) */
    } else if (a == b && all_caps(s, a)) {
        return VNSEG_OK; /* capitals that are no acronym: emphasis, not a name */
    } else if (a == b && (prev & CUE_PEOPLE) &&
               (vietnamese_syllable_word(s, a) ||
                (s->tok[a].syllables == 2 && !(first_syllable_cue(s, a) & CUE_FAMILY)))) {
        return VNSEG_OK; /* a people or a dynasty (`người Việt`, `quân Thanh`, `người Ê_Đê`) */
    }
    if (!(flags & VNSEG_MF_CUED)) {
        const vn_cand *c = enumerated_after(s, a, first);
        if (c) {
            type = c->type;
            flags = VNSEG_MF_CUED | VN_CF_LISTED;
        } else if (between_places(s, a, b, first, end) || list_before_place(s, b, end)) {
            type = VNSEG_ENT_LOC;
            flags = VNSEG_MF_CUED | VN_CF_LISTED;
        }
    }
    if (a == b && all_caps(s, a)) flags |= VNSEG_MF_ACRONYM;
    /* A lone one-syllable Vietnamese word with no cue, right before a lower-case word, is a
     * capitalized common word (`Luật doanh_nghiệp`, `Người phát_ngôn`), not a name. */
    if (!(flags & VNSEG_MF_CUED) && a == b && vietnamese_syllable_word(s, a) && b + 1 < end &&
        lower_word(s, b + 1) && !subject_before(s, a, first, end))
        return VNSEG_OK;
    if (ends_with_org_suffix(s, b) || trade_name(s, a, b)) {
        type = VNSEG_ENT_ORG;
        flags |= VNSEG_MF_CUED;
    }
    return add(s, a, b, type, flags);
}

/* A foreign name glued to the words after it and on no list (`Ông Kirby_cáo_buộc`). A
 * Vietnamese word capitalized on its first syllable (`Lãnh_đạo`, `Quốc_phòng`) is no name. */
static vnseg_status glued_name_at(vn_scan *s, size_t t, size_t first)
{
    {
        const vnseg_token *tk = &s->tok[t];
        if (covered(s, t) || tk->kind != VNSEG_KIND_WORD ||
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
        bool titled = title_before(s, t, first);
        if (!foreign || (!titled && initial(s, t, first))) return VNSEG_OK;
        uint32_t type = VNSEG_ENT_PER;
        if (!titled && (cue_before(s, t, first) & CUE_LOC_PREP)) type = VNSEG_ENT_LOC;
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

/* Whether a name may follow token t closely enough for a head to apply: a capitalized word or
 * a gazetteer name among the next three words (`Ủy_ban nhân_dân thành_phố Đà_Nẵng`). */
static bool name_ahead(const vn_scan *s, size_t t, size_t end)
{
    for (size_t j = t + 1; j < end && j <= t + 3; j++) {
        if (covered(s, j) || (s->tok[j].flags & VNSEG_TF_CAPITALIZED)) return true;
        if (j == t + 1 && s->tok[j].kind == VNSEG_KIND_NUMBER) return true;
        if (!is_word(s, j)) return false;
    }
    return false;
}

/* A capitalized organization head inside a sentence, before the lower-case words of a field
 * (`hình_thành Tổng_công_ty đầu_tư và kinh_doanh vốn nhà_nước`). */
static bool field_ahead(vn_scan *s, size_t t, size_t end)
{
    return (s->tok[t].flags & VNSEG_TF_CAPITALIZED) && t + 1 < end && lower_word(s, t + 1) &&
           !covered(s, t + 1) && !initial(s, t, s->sent_first) &&
           (vn_scan_cue(s, t) & CUE_ORG_HEAD) &&
           (vn_scan_cue(s, t + 1) & (CUE_NAME_PART | CUE_FIELD));
}

/* A listed name that is also a form of address, capitalized by position and followed by a
 * lower-case word, is the pronoun (`Anh cho biết`: he said, not England): drop it. So is one
 * before a one-syllable given name (`Anh Hải`: brother Hải). */
static void pronoun_not_place(vn_scan *s, size_t t, size_t end)
{
    vn_cand *c = owner_of(s, t);
    if (c && !c->dead && c->source == VNSEG_SOURCE_GAZETTEER && c->first == t && c->last == t &&
        !(c->flags & VNSEG_MF_PARTIAL) && s->tok[t].syllables == 1 && t + 1 < end) {
        bool lower = lower_word(s, t + 1) && initial(s, t, s->sent_first);
        bool given = !lower && is_word(s, t + 1) && (s->tok[t + 1].flags & VNSEG_TF_TITLE_CASE) &&
                     vietnamese_syllable_word(s, t + 1) && !all_caps(s, t + 1) &&
                     !covered(s, t + 1);
        if ((lower || given) && (vn_scan_cue(s, t) & CUE_PER_TITLE) &&
            !(vn_scan_cue(s, t + 1) & (lower ? CUE_AND : not_name)))
            absorb(s, c);
    }
}

/* A one-syllable listed place right after a form of address by kin is a given name (`chị Nga`,
 * `bé Nhật`): a person, not the country. */
static void address_not_place(vn_scan *s, size_t t, size_t first)
{
    vn_cand *c = owner_of(s, t);
    if (!c || c->dead || c->source != VNSEG_SOURCE_GAZETTEER || c->type != VNSEG_ENT_LOC ||
        c->first != t || c->last != t || (c->flags & VNSEG_MF_PARTIAL) ||
        s->tok[t].syllables != 1 || t == first || !lower_word(s, t - 1) || covered(s, t - 1) ||
        !(vn_scan_cue(s, t - 1) & CUE_ADDRESS))
        return;
    c->type = VNSEG_ENT_PER;
    c->entry = VN_NONE;
    c->source = VNSEG_SOURCE_HEURISTIC;
    c->flags |= VNSEG_MF_CUED;
}

/* Initials for a name after a title (`bác_sĩ P.`, `anh N.V.A`, `chị T.T.H.`): capital letters
 * each followed by a period, the last period optional. */
static bool initials_after_title(vn_scan *s, size_t t, size_t first)
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
           lower_word(s, t - 1) && !covered(s, t - 1) &&
           (vn_scan_cue(s, t - 1) & CUE_PER_TITLE);
}

/* `Đảng` capitalized alone inside a sentence: the party (`xây_dựng Đảng`, `của Đảng ,`). */
static bool the_party(const vn_scan *s, size_t t, size_t end)
{
    static const char dang[] = "Đảng";
    const vnseg_token *tk = &s->tok[t];
    return tk->length == sizeof dang - 1 && memcmp(s->text + tk->offset, dang, sizeof dang - 1) == 0 &&
           !initial(s, t, s->sent_first) &&
           (t + 1 >= end || !(s->tok[t + 1].flags & VNSEG_TF_CAPITALIZED));
}

/* A byline alone on its line: a glued name in capitals (`LAN_ANH`) or initials (`T.TU`,
 * `K.EM`), maybe before a full stop. Only all-caps words at a line's start come here. */
static bool byline_name(const vn_scan *s, size_t t, size_t end)
{
    if (!line_start(s, t) || (end < s->ntok && !(s->tok[end - 1].flags & VNSEG_TF_LINE_END)) ||
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

/* A continent written with `châu` in lower case glued to its name (`châu_Phi`, `châu_Âu`). */
bool vn_scan_continent(const vn_scan *s, size_t t)
{
    const vnseg_token *tk = &s->tok[t];
    const unsigned char *p = s->text + tk->offset;
    if (tk->length < 7 || memcmp(p, "châu_", 6) != 0) return false;
    vn_syls sy;
    size_t n = vn_scan_syllables(s, t, &sy);
    if (n < 2 || n > 3) return false;
    for (size_t i = 1; i < n; i++)
        if (!sy.cap[i]) return false;
    return true;
}

vnseg_status vn_scan_add_continent(vn_scan *s, size_t t)
{
    return add(s, t, t, VNSEG_ENT_LOC, VNSEG_MF_HEAD | VNSEG_MF_CUED);
}

/* A ward or district glued to its abbreviated head (`Q.Tân_Bình`, `P.Bến_Nghé`): title case,
 * not all capitals (`P.T2` is a unit's code). */
static bool glued_district(const vn_scan *s, size_t t)
{
    const vnseg_token *tk = &s->tok[t];
    const unsigned char *p = s->text + tk->offset;
    return tk->length > 3 && p[1] == '.' && (p[0] == 'Q' || p[0] == 'P') &&
           !(tk->flags & VNSEG_TF_ALL_CAPS) && (p[2] >= 0x80 || (unsigned)p[2] - 'A' < 26u);
}

/* An administrative acronym alone in a list of such bodies (`HĐND , UBND TP. HCM`, `HĐND và
 * UBND`): an organization of its own. */
static bool admin_acronym_listed(vn_scan *s, size_t t, size_t end)
{
    if (t + 2 >= end || !(punct_is(s, t + 1, ',') || word_is(s, t + 1, "và")) ||
        !all_caps(s, t + 2) || !(vn_scan_cue(s, t) & CUE_ORG_ADMIN))
        return false;
    return (vn_scan_cue(s, t + 2) & CUE_ORG_ADMIN) != 0;
}

/* A line that credits its source (`Theo Phụ_Nữ TP. HCM`, `Theo Lao_Động`): `Theo` and a name
 * to the end of the line, no title: the last token of the newspaper's name, or 0. */
static size_t credit_line(vn_scan *s, size_t first, size_t end)
{
    if (end < first + 2 || end > first + 6 || s->tok[first].length != 4 ||
        !word_is(s, first, "Theo") || !line_start(s, first) ||
        (end < s->ntok && !(s->tok[end - 1].flags & VNSEG_TF_LINE_END)))
        return 0;
    size_t last = end - 1;
    if (s->tok[last].kind == VNSEG_KIND_PUNCT_FINAL) last--;
    if (last <= first || !name_word(s, first + 1) || s->tok[first + 1].syllables < 2) return 0;
    for (size_t t = first + 2; t <= last; t++) {
        const vn_cand *c = owner_of(s, t);
        if (!(c ? !c->dead && c->type == VNSEG_ENT_LOC && c->first >= first + 2 && c->last <= last
                : name_word(s, t)))
            return 0;
    }
    return last;
}

/* A headline in capitals: most of its words are all caps. */
static bool caps_sentence(const vn_scan *s, size_t first, size_t end)
{
    size_t words = 0, caps = 0;
    for (size_t t = first; t < end; t++)
        if (is_word(s, t)) {
            words++;
            caps += all_caps(s, t);
        }
    return words >= 4 && caps * 10 >= words * 7;
}

/* One pass per sentence, left to right: heads first at each word (they cover the names they
 * govern), then name-shaped runs and glued names. Every rule looks only backwards at what was
 * decided before it, or forwards at gazetteer names. */
vnseg_status vn_scan_rules(vn_scan *s)
{
    vnseg_status st = VNSEG_OK;
    for (size_t k = 0; k < s->nsent && st == VNSEG_OK; k++) {
        size_t first = (size_t)s->sent[k].first_token;
        size_t end = first + (size_t)s->sent[k].token_count;
        int caps = -1; /* a headline in capitals? worked out when an all-caps word shows up */
        s->sent_first = first;
        /* The newspaper of a byline (`TT - `, `TTO ( Hà_Nội ) - `). */
        if (!(s->options & VNSEG_SCAN_NO_HEURISTICS) && !covered(s, first) &&
            byline_dash(s, first, end))
            st = add(s, first, first, VNSEG_ENT_ORG, VNSEG_MF_ACRONYM | VNSEG_MF_CUED);
        /* The newspaper a line credits (`Theo Phụ_Nữ TP. HCM`), over the place in its name. */
        size_t credit = s->tok[first].length == 4 ? credit_line(s, first, end) : 0;
        if (credit && st == VNSEG_OK) {
            for (size_t t = first + 2; t <= credit; t++)
                if (covered(s, t)) absorb(s, owner_of(s, t));
            st = add(s, first + 1, credit, VNSEG_ENT_ORG, VNSEG_MF_CUED);
        }
        for (size_t t = first; t < end && st == VNSEG_OK;) {
            const vnseg_token *tk = &s->tok[t];
            if (tk->kind == VNSEG_KIND_WORD && covered(s, t)) {
                pronoun_not_place(s, t, end);
                address_not_place(s, t, first);
            }
            if (tk->kind != VNSEG_KIND_WORD || covered(s, t)) {
                t++;
                continue;
            }
            if (caps < 0 && (tk->flags & VNSEG_TF_ALL_CAPS)) caps = caps_sentence(s, first, end);
            if ((tk->flags & VNSEG_TF_CAPITALIZED) && suffix_at(s, t, first)) {
                t++;
                continue;
            }
            if (tk->flags & VNSEG_TF_ALL_CAPS) {
                uint32_t type = initials_after_title(s, t, first) || byline_name(s, t, end)
                                    ? VNSEG_ENT_PER
                                : admin_acronym_listed(s, t, end) ? VNSEG_ENT_ORG
                                                                  : VN_NONE;
                if (type != VN_NONE) {
                    st = add(s, t, t, type, VNSEG_MF_CUED);
                    t++;
                    continue;
                }
            }
            if ((tk->flags & VNSEG_TF_TITLE_CASE) && the_party(s, t, end)) {
                st = add(s, t, t, VNSEG_ENT_ORG, VNSEG_MF_CUED);
                t++;
                continue;
            }
            /* A vocative (`" Trang ơi , ...`): a given name wherever it stands, even one that
             * is also a cue word; not a form of address (`Anh ơi`, `Mẹ ơi`). */
            if ((tk->flags & VNSEG_TF_TITLE_CASE) && vietnamese_syllable_word(s, t) &&
                !all_caps(s, t) && vocative(s, t + 1, end) &&
                !(vn_scan_cue(s, t) & (CUE_PER_TITLE | CUE_COMMON))) {
                st = add(s, t, t, VNSEG_ENT_PER, VNSEG_MF_CUED);
                t++;
                continue;
            }
            /* `khu` (3 bytes, tested first: this runs at every word) starting a zone. */
            size_t zone = tk->length == 3 && (s->text[tk->offset] | 0x20) == 'k' && caps != 1 &&
                                  !(s->options & VNSEG_SCAN_NO_HEADS)
                              ? zone_at(s, t, end)
                              : 0;
            if (zone) {
                st = add(s, t, zone, VNSEG_ENT_LOC, VNSEG_MF_HEAD | VNSEG_MF_CUED);
                t = zone + 1;
                continue;
            }
            if (caps != 1 && head_with_acronym(s, t, end)) {
                st = add(s, t, t, VNSEG_ENT_ORG, VNSEG_MF_HEAD | VNSEG_MF_CUED);
                if (st == VNSEG_OK)
                    st = add(s, t + 2, t + 2, VNSEG_ENT_ORG, VNSEG_MF_ACRONYM | VNSEG_MF_CUED);
                t += 4;
                continue;
            }
            if (caps != 1 && (name_ahead(s, t, end) || field_ahead(s, t, end))) {
                uint32_t cue = vn_scan_cue(s, t);
                if (cue & CUE_ORG_HEAD)
                    st = org_at(s, t, end);
                else if ((cue & CUE_LOC_HEAD) && !(lower_word(s, t) && region_word_before(s, t, first)))
                    st = place_head_at(s, t, end); /* not `núi` in `miền núi Sơn_Hoà` */
                if (covered(s, t)) {
                    t++;
                    continue;
                }
            }
            if (st != VNSEG_OK || !(tk->flags & VNSEG_TF_CAPITALIZED)) {
                t++;
                continue;
            }
            if (glued_district(s, t)) {
                st = add(s, t, t, VNSEG_ENT_LOC, VNSEG_MF_HEAD | VNSEG_MF_CUED);
                t++;
                continue;
            }
            if (name_word(s, t)) {
                st = run_at(s, t, first, end, caps == 1, &t);
                continue;
            }
            if (!(s->options & VNSEG_SCAN_NO_GLUED)) st = glued_name_at(s, t, first);
            t++;
        }
    }
    return st;
}
