/* Entity rules for organizations: heads and the names they govern (`Bộ Y_tế`, `Ban ...`),
 * acronyms, suffixes (`FC`), trade names, the party, and the newspaper a line credits. */
#include <string.h>

#include "entity_rules.h"

/* `TP` alone (the city, with no name after it): a place of its own after an administrative
 * head (`UBND TP`). */
static bool city_alone(vn_scan *s, size_t t, size_t end)
{
    const vnseg_token *tk = &s->tok[t];
    const unsigned char *p = s->text + tk->offset;
    return tk->length == 2 && p[0] == 'T' && p[1] == 'P' &&
           (t + 1 >= end || !(s->tok[t + 1].flags & VNSEG_TF_CAPITALIZED));
}

/* A capitalized `Ban` inside a sentence and the lower-case words of its task, up to a
 * punctuation mark (`Ban quản_lý dự_án đại_lộ đông_tây ,`, `Ban thuế_thu_nhập cá_nhân (`,
 * `Ban chỉ_đạo chuyên_án 404T ,`): the last token of the board's name, or 0. Only when the
 * words end at a mark (or a code), so that a verb after them is never taken in. */
static size_t board_at(vn_scan *s, size_t h, size_t end)
{
    if (s->tok[h].length != 3 || !vn_rule_word_is(s, h, "Ban") ||
        vn_rule_initial(s, h, s->sent_first))
        return 0;
    size_t j = h + 1;
    while (j < end && j <= h + 6 && vn_rule_lower_word(s, j) && !vn_rule_covered(s, j) &&
           !(vn_scan_cue(s, j) & (CUE_AFTER_NAME | CUE_LOC_PREP | CUE_AND)))
        j++;
    if (j < h + 3) return 0; /* two lower-case words at least; one is the rule of org_at */
    /* A code after the words (`404T`, `35`). */
    if (j < end && !vn_rule_covered(s, j) && (s->tok[j].flags & VNSEG_TF_HAS_DIGIT) &&
        s->tok[j].length <= 8)
        j++;
    if (j < end && (vn_rule_is_word(s, j) || s->tok[j].kind == VNSEG_KIND_NUMBER)) return 0;
    return j - 1;
}

/* The organization rule at head h: `Bộ Y_tế`, `Sở Giao_thông vận_tải`, `Ủy_ban nhân_dân
 * thành_phố Đà_Nẵng`, and a head before a gazetteer body (`tập_đoàn Wagner`). */
vnseg_status vn_rule_org_at(vn_scan *s, size_t h, size_t end)
{
    uint32_t hc = vn_scan_cue(s, h);
    /* A lower-case `phòng` is a department of a body only before its acronym (`phòng QLĐT`);
     * before other words it is a room or an office's division (`phòng kinh_doanh Công_ty`). */
    if (vn_rule_word_is(s, h, "phòng") &&
        !(h + 1 < end && vn_rule_is_word(s, h + 1) && vn_rule_all_caps(s, h + 1)))
        return VNSEG_OK;
    /* A military unit and its number (`sư_đoàn 4`, `trung_đoàn 8`). */
    if ((hc & CUE_LOC_NUMBERED) && !(hc & CUE_LOC_HEAD) && h + 1 < end &&
        s->tok[h + 1].kind == VNSEG_KIND_NUMBER && s->tok[h + 1].length <= 3 &&
        !vn_rule_covered(s, h + 1))
        return vn_rule_add(s, (s->options & VNSEG_SCAN_NO_HEADS) ? h + 1 : h, h + 1, VNSEG_ENT_ORG,
                           VNSEG_MF_HEAD | VNSEG_MF_CUED);
    size_t board = board_at(s, h, end);
    if (board)
        return vn_rule_add(s, (s->options & VNSEG_SCAN_NO_HEADS) ? h + 1 : h, board, VNSEG_ENT_ORG,
                           VNSEG_MF_HEAD | VNSEG_MF_CUED);
    bool admin = (hc & CUE_ORG_ADMIN) != 0, named = false, place = false;
    vn_cand *next = h + 1 < end ? vn_rule_owner_of(s, h + 1) : NULL;
    if (next && !next->dead && next->type == VNSEG_ENT_ORG) {
        vn_rule_extend_with_head(s, next, h);
        return VNSEG_OK;
    }
    /* A head capitalized inside a sentence starts a name even when lower-case words of a field
     * follow it (`Tổng_cục du_lịch VN`, `Quĩ hỗ_trợ phát_triển Quảng_Nam`). */
    bool proper = (s->tok[h].flags & VNSEG_TF_CAPITALIZED) && !vn_rule_initial(s, h, s->sent_first);
    /* An office right before the head (`Chủ_tịch UBND xã ...`, `Thứ_trưởng Bộ ...`): the
     * person's name may follow the body's, so the body's name stops before it. */
    bool titled = h > s->sent_first && vn_rule_is_word(s, h - 1) && !vn_rule_covered(s, h - 1) &&
                  (vn_scan_cue(s, h - 1) & CUE_OFFICE);
    /* A listed place read at the start of a glued word after a capitalized head is the word
     * of a field (`Vụ Pháp_chế`: legal affairs, not France). */
    vn_cand *part = h + 1 < end ? vn_rule_owner_of(s, h + 1) : NULL;
    if (proper && part && !part->dead && (part->flags & VNSEG_MF_PARTIAL) && part->first == h + 1 &&
        part->off == s->tok[h + 1].offset && s->tok[h + 1].syllables >= 2 &&
        !(s->tok[h + 1].flags & VNSEG_TF_TITLE_CASE))
        vn_rule_absorb(s, part);
    size_t last = h, j = h + 1;
    while (j < end) {
        vn_cand *loc = vn_rule_place_at(s, j);
        if (vn_rule_covered(s, j)) {
            if (loc && (admin || named)) {
                vn_rule_absorb(s, loc);
                last = loc->last;
                place = true;
            }
            break;
        }
        /* `và` or a dash between the fields of one name (`Ngân_hàng Đầu_tư và phát_triển`,
         * `Uỷ_ban Dân_số - gia_đình và trẻ_em`). */
        bool dash = s->tok[j].kind == VNSEG_KIND_PUNCT_DASH || vn_rule_punct_is(s, j, '&');
        /* Acronyms joined by a dash or `&` (`Bộ KH - ĐT`, `Ban VHXH - HĐND TP`). */
        if (dash && last > h && vn_rule_all_caps(s, last) && j + 1 < end &&
            !vn_rule_covered(s, j + 1) && vn_rule_is_word(s, j + 1) && vn_rule_all_caps(s, j + 1) &&
            !(s->tok[j + 1].flags & VNSEG_TF_ABBREV)) {
            last = j + 1;
            j += 2;
            named = true;
            continue;
        }
        if ((named || (proper && last > h)) && j + 1 < end && !vn_rule_covered(s, j + 1) &&
            (dash || (vn_rule_is_word(s, j) && (vn_scan_cue(s, j) & CUE_AND))) &&
            (dash ? vn_rule_is_word(s, j + 1) : vn_rule_lower_word(s, j + 1)) &&
            (vn_scan_cue(s, j + 1) & (CUE_NAME_PART | CUE_FIELD))) {
            last = j + 1;
            j += 2;
            continue;
        }
        if (!vn_rule_is_word(s, j)) break;
        uint32_t cue = vn_scan_cue(s, j);
        if (cue & CUE_LOC_HEAD) {
            if (!(admin || named)) break;
            if ((loc = j + 1 < end ? vn_rule_place_at(s, j + 1) : NULL) != NULL) {
                vn_rule_absorb(s, loc);
                last = loc->last;
                place = true;
            } else {
                /* After a title, the place is one word (`UBND xã Bhalê` + a name). */
                size_t r = titled ? (vn_rule_name_word(s, j + 1) ? j + 1 : j)
                                  : vn_rule_name_run(s, j + 1, end);
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
        if ((cue & CUE_AND) && j + 1 < end && !vn_rule_covered(s, j + 1) &&
            (s->tok[j + 1].flags & VNSEG_TF_CAPITALIZED) &&
            !(vn_scan_cue(s, j + 1) & CUE_ORG_HEAD)) {
            last = j + 1;
            j += 2;
            named = true;
            continue;
        }
        if (vn_rule_lower_word(s, j)) {
            if (!(cue & (CUE_NAME_PART | CUE_FIELD))) break;
            last = j++;
            named |= proper;
            continue;
        }
        /* Words of an organization's name capitalize their first syllable (`An_ninh`); a
         * capitalized head is part of it too (`câu_lạc_bộ Công_an`, `Cục Cảnh_sát`). */
        if ((s->tok[j].flags & VNSEG_TF_CAPITALIZED) && !(s->tok[j].flags & VNSEG_TF_ABBREV) &&
            !(cue & (VN_NOT_NAME & ~(CUE_FIELD | CUE_ORG_HEAD))) &&
            !(titled && last > h && vn_rule_person_shaped(s, j))) {
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
        s->tok[j].length <= 3 && !vn_rule_covered(s, j) &&
        (j + 1 == end || !vn_rule_is_word(s, j + 1) || (vn_scan_cue(s, j + 1) & CUE_AND)))
        last = j;
    size_t first = h;
    if (s->options & VNSEG_SCAN_NO_HEADS) first = h + 1;
    return vn_rule_add(s, first, last, VNSEG_ENT_ORG, VNSEG_MF_HEAD | VNSEG_MF_CUED);
}

/* Whether the last syllable of token t is a word that ends organization names (`FC`,
 * `United`, `Airlines`). */
bool vn_rule_ends_with_org_suffix(vn_scan *s, size_t t)
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
bool vn_rule_suffix_at(vn_scan *s, size_t t, size_t first)
{
    vn_cand *c = t > first ? vn_rule_owner_of(s, t - 1) : NULL;
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

/* A trade name of the kind Vietnamese companies take (`Tracimexco`, `Youthexco`, `Vinaimex`):
 * one foreign word ending in `exco` or `imex`. */
bool vn_rule_trade_name(const vn_scan *s, size_t a, size_t b)
{
    const vnseg_token *tk = &s->tok[a];
    if (a != b || tk->length < 6 || !(tk->flags & VNSEG_TF_NOT_VIETNAMESE)) return false;
    const unsigned char *e = s->text + tk->offset + tk->length - 4;
    return memcmp(e, "exco", 4) == 0 || memcmp(e, "imex", 4) == 0;
}

/* `Đảng` capitalized alone inside a sentence: the party (`xây_dựng Đảng`, `của Đảng ,`). */
bool vn_rule_the_party(const vn_scan *s, size_t t, size_t end)
{
    static const char dang[] = "Đảng";
    const vnseg_token *tk = &s->tok[t];
    return tk->length == sizeof dang - 1 &&
           memcmp(s->text + tk->offset, dang, sizeof dang - 1) == 0 &&
           !vn_rule_initial(s, t, s->sent_first) &&
           (t + 1 >= end || !(s->tok[t + 1].flags & VNSEG_TF_CAPITALIZED));
}

/* An administrative acronym alone in a list of such bodies (`HĐND , UBND TP. HCM`, `HĐND và
 * UBND`): an organization of its own. */
bool vn_rule_admin_acronym_listed(vn_scan *s, size_t t, size_t end)
{
    if (t + 2 >= end || !(vn_rule_punct_is(s, t + 1, ',') || vn_rule_word_is(s, t + 1, "và")) ||
        !vn_rule_all_caps(s, t + 2) || !(vn_scan_cue(s, t) & CUE_ORG_ADMIN))
        return false;
    return (vn_scan_cue(s, t + 2) & CUE_ORG_ADMIN) != 0;
}

/* A line that credits its source (`Theo Phụ_Nữ TP. HCM`, `Theo Lao_Động`): `Theo` and a name
 * to the end of the line, no title: the last token of the newspaper's name, or 0. */
size_t vn_rule_credit_line(vn_scan *s, size_t first, size_t end)
{
    if (end < first + 2 || end > first + 6 || s->tok[first].length != 4 ||
        !vn_rule_word_is(s, first, "Theo") || !vn_rule_line_start(s, first) ||
        (end < s->ntok && !(s->tok[end - 1].flags & VNSEG_TF_LINE_END)))
        return 0;
    size_t last = end - 1;
    if (s->tok[last].kind == VNSEG_KIND_PUNCT_FINAL) last--;
    if (last <= first || !vn_rule_name_word(s, first + 1) || s->tok[first + 1].syllables < 2)
        return 0;
    for (size_t t = first + 2; t <= last; t++) {
        const vn_cand *c = vn_rule_owner_of(s, t);
        if (!(c ? !c->dead && c->type == VNSEG_ENT_LOC && c->first >= first + 2 && c->last <= last
                : vn_rule_name_word(s, t)))
            return 0;
    }
    return last;
}
