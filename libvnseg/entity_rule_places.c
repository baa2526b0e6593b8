/* Entity rules for places: heads (`tỉnh`, `quận 8`), zones, streets after house numbers, places
 * in brackets or lists, highland names, continents, and listed places that are no place. */
#include <string.h>

#include "entity_rules.h"

/* A zone and its name (`khu đô_thị mới Phú_Mỹ_An`, `Khu công_nghiệp Linh_Trung`, `khu
 * dân_cư Trung_Sơn`): the last token of the place, or 0 when token t starts none. */
size_t vn_rule_zone_at(vn_scan *s, size_t t, size_t end)
{
    static const char *const kinds[] = {"đô_thị",  "công_nghiệp", "dân_cư",       "chế_xuất",
                                        "kinh_tế", "du_lịch",     "công_nghệ_cao"};
    if (!(vn_rule_word_is(s, t, "khu") || vn_rule_word_is(s, t, "Khu")) || t + 2 >= end ||
        vn_rule_covered(s, t + 1))
        return 0;
    bool kind = false;
    for (size_t i = 0; i < sizeof kinds / sizeof *kinds; i++)
        kind |= vn_rule_word_is(s, t + 1, kinds[i]);
    if (!kind) return 0;
    size_t a = t + 2;
    if (vn_rule_word_is(s, a, "mới")) a++;
    vn_cand *loc = a < end ? vn_rule_place_at(s, a) : NULL;
    if (loc) {
        vn_rule_absorb(s, loc);
        return loc->last;
    }
    if (a >= end || !vn_rule_name_word(s, a)) return 0;
    size_t b = vn_rule_name_run(s, a, end);
    /* A Roman numeral after the name (`Linh_Trung III`). */
    if (b + 1 < end && !vn_rule_covered(s, b + 1) && vn_rule_all_caps(s, b + 1) &&
        strspn((const char *)s->text + s->tok[b + 1].offset, "IVX") == s->tok[b + 1].length)
        b++;
    return b;
}

/* Whether the word before t is `miền` or `vùng` (`miền núi`, `vùng biển`: a kind of land, and
 * what follows is no head). */
bool vn_rule_region_word_before(const vn_scan *s, size_t t, size_t first)
{
    static const char mien[] = "miền", vung[] = "vùng";
    if (t == first || vn_rule_covered(s, t - 1)) return false;
    const vnseg_token *p = &s->tok[t - 1];
    const unsigned char *q = s->text + p->offset;
    return p->kind == VNSEG_KIND_WORD &&
           ((p->length == sizeof mien - 1 && memcmp(q, mien, sizeof mien - 1) == 0) ||
            (p->length == sizeof vung - 1 && memcmp(q, vung, sizeof vung - 1) == 0));
}

/* The place rule at head h: `tỉnh Quảng_Nam`, `đường Bạch_Đằng`, `miền Trung`. */
vnseg_status vn_rule_place_head_at(vn_scan *s, size_t h, size_t end)
{
    if (h + 1 >= end) return VNSEG_OK;
    vn_cand *loc = vn_rule_place_at(s, h + 1);
    if (loc) {
        vn_rule_extend_with_head(s, loc, h);
        return VNSEG_OK;
    }
    /* A numbered district or ward (`quận 8`, `Q. 8`, `phường 5`). */
    const vnseg_token *n = &s->tok[h + 1];
    if (n->kind == VNSEG_KIND_NUMBER && (vn_scan_cue(s, h) & CUE_LOC_NUMBERED)) {
        size_t first = (s->options & VNSEG_SCAN_NO_HEADS) ? h + 1 : h;
        return vn_rule_add(s, first, h + 1, VNSEG_ENT_LOC, VNSEG_MF_HEAD | VNSEG_MF_CUED);
    }
    /* The word right after the head is a name even when it is itself a cue word (`sông Cầu`). */
    if (n->kind != VNSEG_KIND_WORD || !(n->flags & VNSEG_TF_TITLE_CASE) ||
        vn_rule_covered(s, h + 1) ||
        (vn_scan_cue(s, h + 1) & (CUE_PER_TITLE | CUE_LOC_PREP | CUE_AND)))
        return VNSEG_OK;
    size_t r = vn_rule_name_run(s, h + 2, end);
    if (r < h + 1) r = h + 1;
    size_t first = (s->options & VNSEG_SCAN_NO_HEADS) ? h + 1 : h;
    return vn_rule_add(s, first, r, VNSEG_ENT_LOC, VNSEG_MF_HEAD | VNSEG_MF_CUED);
}

/* A dash between token t and a place: `Nga - Triều`. */
bool vn_rule_dash_to_place(const vn_scan *s, size_t a, size_t b, size_t first, size_t end)
{
    if (a >= first + 2 && s->tok[a - 1].kind == VNSEG_KIND_PUNCT_DASH) {
        const vn_cand *c = vn_rule_owner_of(s, a - 2);
        if (c && c->type == VNSEG_ENT_LOC) return true;
    }
    if (b + 2 < end && s->tok[b + 1].kind == VNSEG_KIND_PUNCT_DASH) {
        const vn_cand *c = vn_rule_owner_of(s, b + 2);
        if (c && c->type == VNSEG_ENT_LOC) return true;
    }
    return false;
}

/* A house number before token a, itself after a comma, a place word or the sentence start
 * (`, 282 Nơ_Trang_Long ,`, `tại 12 Lê_Lợi`): 1 to 4 digits, maybe a slash and more. */
bool vn_rule_house_number_before(vn_scan *s, size_t a, size_t first)
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
bool vn_rule_place_by_brackets(vn_scan *s, size_t a, size_t b, size_t first, size_t end)
{
    if (b + 3 < end && s->tok[b + 1].kind == VNSEG_KIND_PUNCT_OPEN &&
        vn_rule_punct_is(s, b + 1, '(')) {
        size_t k = b + 2;
        if (vn_rule_place_at(s, k) &&
            s->tok[vn_rule_owner_of(s, k)->last + 1].kind == VNSEG_KIND_PUNCT_CLOSE)
            return true;
        if (vn_rule_lower_word(s, k) && !vn_rule_covered(s, k) &&
            (vn_scan_cue(s, k) & CUE_LOC_HEAD) &&
            ((s->tok[k + 1].kind == VNSEG_KIND_NUMBER && (vn_scan_cue(s, k) & CUE_LOC_NUMBERED)) ||
             (s->tok[k + 1].flags & VNSEG_TF_TITLE_CASE)))
            return true;
    }
    if (a < first + 2 || !vn_rule_punct_is(s, a - 1, '(') || b + 1 >= end) return false;
    const vn_cand *c = vn_rule_owner_of(s, a - 2);
    if (c && !c->dead && c->type == VNSEG_ENT_LOC && c->last == a - 2 &&
        s->tok[b + 1].kind == VNSEG_KIND_PUNCT_CLOSE)
        return true;
    return b + 2 < end && vn_rule_punct_is(s, b + 1, ',') && vn_rule_place_at(s, b + 2) &&
           !(vn_rule_first_syllable_cue(s, a) & CUE_FAMILY) && !(vn_scan_cue(s, a) & CUE_FAMILY);
}

/* Whether word t starts with a syllable that begins place names of the highlands (`Ia_Mơ`,
 * `Ea_Súp`, `Chư_Sê`, `Krông_Pắc`, `Đắk_Glei`, `Kon_Plông`, `Buôn_Đôn`): compared as bytes, title
 * case, before the underscore of a glued word. */
bool vn_rule_highland_place(const vn_scan *s, size_t t)
{
    static const char *const prefixes[] = {"Ia_",  "Ea_",  "Chư_",  "Krông_", "Đắk_",
                                           "Đăk_", "Đắc_", "Buôn_", "Kon_"};
    const vnseg_token *tk = &s->tok[t];
    const unsigned char *p = s->text + tk->offset;
    if (tk->syllables < 2 || !strchr("IECKB\xC4", p[0])) return false;
    for (size_t i = 0; i < sizeof prefixes / sizeof *prefixes; i++) {
        size_t n = strlen(prefixes[i]);
        if (tk->length > n && memcmp(p, prefixes[i], n) == 0) return true;
    }
    return false;
}

/* Whether token t is the head of a street, whose names are often people's (`đường`, `phố`,
 * `đại_lộ`, `ngõ`, `hẻm`, `quốc_lộ`, `Q.`-less `Đường`). */
bool vn_rule_street_head(const vn_scan *s, size_t t)
{
    static const char *const heads[] = {"đường",  "Đường", "phố", "Phố",  "đại_lộ",
                                        "Đại_lộ", "ngõ",   "hẻm", "tuyến"};
    for (size_t i = 0; i < sizeof heads / sizeof *heads; i++)
        if (vn_rule_word_is(s, t, heads[i])) return true;
    return false;
}

/* A name between two places in a list (`từ Vĩnh_Hoà , Vĩnh_Thuận , Kiên_Giang`): after a place
 * and a comma, before a comma and a listed place; not when it begins with a family name. */
bool vn_rule_between_places(vn_scan *s, size_t a, size_t b, size_t first, size_t end)
{
    if (a < first + 2 || b + 2 >= end || !vn_rule_punct_is(s, a - 1, ',') ||
        !vn_rule_punct_is(s, b + 1, ',') || !vn_rule_place_at(s, b + 2))
        return false;
    const vn_cand *c = vn_rule_owner_of(s, a - 2);
    return c && !c->dead && c->type == VNSEG_ENT_LOC && c->last == a - 2 &&
           !(vn_rule_first_syllable_cue(s, a) & CUE_FAMILY) && !(vn_scan_cue(s, a) & CUE_FAMILY);
}

/* The first name of a list that ends in a place with its head (`Nap , Krông và làng Khôi`): the
 * names after b are single title-case words after commas, then `và`, a place head in lower
 * case and a title-case word. */
bool vn_rule_list_before_place(vn_scan *s, size_t b, size_t end)
{
    size_t j = b + 1;
    for (int items = 0; items < 6 && j + 2 < end; items++) {
        if (vn_rule_punct_is(s, j, ',') && vn_rule_name_word(s, j + 1) &&
            !vn_rule_all_caps(s, j + 1)) {
            j += 2;
            continue;
        }
        return !vn_rule_covered(s, j) && vn_rule_lower_word(s, j) &&
               (vn_scan_cue(s, j) & CUE_AND) && vn_rule_lower_word(s, j + 1) &&
               !vn_rule_covered(s, j + 1) && (vn_scan_cue(s, j + 1) & CUE_LOC_HEAD) &&
               (s->tok[j + 2].flags & VNSEG_TF_TITLE_CASE);
    }
    return false;
}

/* A listed name that is also a form of address, capitalized by position and followed by a
 * lower-case word, is the pronoun (`Anh cho biết`: he said, not England): drop it. So is one
 * before a one-syllable given name (`Anh Hải`: brother Hải). */
void vn_rule_pronoun_not_place(vn_scan *s, size_t t, size_t end)
{
    vn_cand *c = vn_rule_owner_of(s, t);
    if (c && !c->dead && c->source == VNSEG_SOURCE_GAZETTEER && c->first == t && c->last == t &&
        !(c->flags & VNSEG_MF_PARTIAL) && s->tok[t].syllables == 1 && t + 1 < end) {
        bool lower = vn_rule_lower_word(s, t + 1) && vn_rule_initial(s, t, s->sent_first);
        bool given = !lower && vn_rule_is_word(s, t + 1) &&
                     (s->tok[t + 1].flags & VNSEG_TF_TITLE_CASE) &&
                     vn_rule_vietnamese_syllable_word(s, t + 1) && !vn_rule_all_caps(s, t + 1) &&
                     !vn_rule_covered(s, t + 1);
        if ((lower || given) && (vn_scan_cue(s, t) & CUE_PER_TITLE) &&
            !(vn_scan_cue(s, t + 1) & (lower ? CUE_AND : VN_NOT_NAME)))
            vn_rule_absorb(s, c);
    }
}

/* A one-syllable listed place right after a form of address by kin is a given name (`chị Nga`,
 * `bé Nhật`): a person, not the country. */
void vn_rule_address_not_place(vn_scan *s, size_t t, size_t first)
{
    vn_cand *c = vn_rule_owner_of(s, t);
    if (!c || c->dead || c->source != VNSEG_SOURCE_GAZETTEER || c->type != VNSEG_ENT_LOC ||
        c->first != t || c->last != t || (c->flags & VNSEG_MF_PARTIAL) ||
        s->tok[t].syllables != 1 || t == first || !vn_rule_lower_word(s, t - 1) ||
        vn_rule_covered(s, t - 1) || !(vn_scan_cue(s, t - 1) & CUE_ADDRESS))
        return;
    c->type = VNSEG_ENT_PER;
    c->entry = VN_NONE;
    c->source = VNSEG_SOURCE_HEURISTIC;
    c->flags |= VNSEG_MF_CUED;
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
    return vn_rule_add(s, t, t, VNSEG_ENT_LOC, VNSEG_MF_HEAD | VNSEG_MF_CUED);
}

/* A ward or district glued to its abbreviated head (`Q.Tân_Bình`, `P.Bến_Nghé`): title case,
 * not all capitals (`P.T2` is a unit's code). */
bool vn_rule_glued_district(const vn_scan *s, size_t t)
{
    const vnseg_token *tk = &s->tok[t];
    const unsigned char *p = s->text + tk->offset;
    return tk->length > 3 && p[1] == '.' && (p[0] == 'Q' || p[0] == 'P') &&
           !(tk->flags & VNSEG_TF_ALL_CAPS) && (p[2] >= 0x80 || (unsigned)p[2] - 'A' < 26u);
}
