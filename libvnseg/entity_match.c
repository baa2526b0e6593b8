/* The scanner's gazetteer pass: longest runs of tokens that spell a name, and names inside
 * glued tokens (`Mỹ_cáo_buộc`, `xung_đột_Ukraine`, `Triều Tiên_cáo_buộc`, `AFP_Mỹ`). */
#include "chars.h"
#include "entity_cues.h"
#include "entity_scan.h"
#include "utf8dec.h"
#include "vnseg/syllable.h"

static const uint32_t slow_flags =
    VNSEG_TF_NOT_NFC | VNSEG_TF_INVISIBLE | VNSEG_TF_REPAIRED | VNSEG_TF_ESCAPED;

vnseg_status vn_scan_key(vn_scan *s, size_t t, size_t from, size_t to, vn_buf *buf, bool fold)
{
    const vnseg_token *tk = &s->tok[t];
    const unsigned char *p = s->text + tk->offset + from;
    size_t n = to - from;
    if (!(tk->flags & slow_flags)) {
        if (!vn_buf_reserve(buf, n)) return VNSEG_E_NOMEM;
        size_t k = vn_key_fast(p, n, fold, buf->data + buf->len);
        if (k != SIZE_MAX) {
            buf->len += k;
            return VNSEG_OK;
        }
    }
    return vn_key_append(buf, &s->m->sc, p, n, fold);
}

static bool upper_at(const unsigned char *p, size_t n)
{
    if (p[0] < 0x80) return (unsigned)p[0] - 'A' < 26u;
    uint32_t cp;
    return vn_utf8_decode_len(p, n, &cp) && (vn_char_class(cp) & VC_UPPER);
}

size_t vn_scan_syllables(const vn_scan *s, size_t t, vn_syls *out)
{
    const vnseg_token *tk = &s->tok[t];
    out->n = 0;
    if (tk->kind != VNSEG_KIND_WORD || tk->syllables > VN_MAX_SYL) return 0;
    const unsigned char *p = s->text + tk->offset;
    bool esc = (s->doc->options & VNSEG_OPT_ESCAPES) != 0;
    bool ident = vn_identifier_like(p, tk->length, esc);
    size_t pos = 0, start, len;
    while (out->n < VN_MAX_SYL && vn_next_syllable(p, tk->length, esc, ident, &pos, &start, &len)) {
        if (len == 0) continue;
        out->start[out->n] = (uint32_t)start;
        out->end[out->n] = (uint32_t)(start + len);
        out->cap[out->n] = upper_at(p + start, len);
        out->n++;
    }
    return out->n;
}

bool vn_scan_acronym(const unsigned char *p, size_t n)
{
    if (n < 2 || n > 8 || (unsigned)p[0] - 'A' >= 26u) return false;
    size_t letters = 0;
    for (size_t i = 0; i < n; i++) {
        if ((unsigned)p[i] - 'A' < 26u)
            letters++;
        else if ((unsigned)p[i] - '0' >= 10u)
            return false;
    }
    return letters >= 2 && !vnseg_syllable_check((const char *)p, n);
}

/* Whether a syllable after the first of word p[0..n) starts with a capital (cheap test). */
static bool inner_capital(const unsigned char *p, size_t n)
{
    for (const unsigned char *u = memchr(p, '_', n); u && u + 1 < p + n;
         u = memchr(u + 1, '_', (size_t)(p + n - u - 1)))
        if (upper_at(u + 1, (size_t)(p + n - u - 1))) return true;
    return false;
}

/* Whether a name of the gazetteer may start with the key of bytes p[0..n) of token t. */
static bool may_start(const vn_scan *s, size_t t, const unsigned char *p, size_t n)
{
    uint32_t cp;
    return (s->tok[t].flags & slow_flags) || !vn_key_token_first(p, n, s->fold, &cp) ||
           vn_gaz_first(s->g, cp);
}

/* ---- longest match ---- */

typedef struct match {
    size_t last;    /* last token */
    uint64_t end;   /* end byte (absolute) */
    uint32_t entry; /* primary entry */
    bool partial;   /* ends inside the last token */
} match;

/* Probe the key in m->key: the slot word, or 0 (filter first). */
static uint64_t probe_key(const vn_scan *s)
{
    const vn_buf *k = &s->m->key;
    if (k->len == 0) return 0;
    uint64_t h = vn_hash_bytes(k->data, k->len, s->g->seed);
    if (!vn_gaz_filter(s->g, h)) return 0;
    return vn_gaz_probe(s->g, h);
}

/* The entry of a complete slot for the key in m->key, or VN_NONE. */
static uint32_t complete_entry(const vn_scan *s, uint64_t slot)
{
    const vn_gaz_node *n = vn_gaz_node_of(s->g, slot, s->m->key.data, s->m->key.len);
    return n ? vn_gaz_primary(s->g, n) : VN_NONE;
}

/* Append joiner + key of token t's bytes [from, to) to m->key. */
static vnseg_status append_piece(vn_scan *s, size_t t, size_t from, size_t to)
{
    vn_buf *k = &s->m->key, *p = &s->m->key2;
    p->len = 0;
    vnseg_status st = vn_scan_key(s, t, from, to, p, s->fold);
    if (st != VNSEG_OK) return st;
    if (p->len == 0) return VNSEG_OK;
    if (!vn_buf_reserve(k, p->len + 1)) return VNSEG_E_NOMEM;
    if (vn_key_join_space(k->data, k->len, p->data, p->len)) k->data[k->len++] = ' ';
    memcpy(k->data + k->len, p->data, p->len);
    k->len += p->len;
    return VNSEG_OK;
}

/* A token whose first syllables are capitalized and the rest not (`Tiên_cáo_buộc`): the end of
 * that leading run within the token, or 0. */
static size_t leading_run_end(const vn_scan *s, size_t t, vn_syls *sy)
{
    const vnseg_token *tk = &s->tok[t];
    if ((tk->flags & (VNSEG_TF_CAPITALIZED | VNSEG_TF_MULTI_SYLLABLE | VNSEG_TF_TITLE_CASE)) !=
            (VNSEG_TF_CAPITALIZED | VNSEG_TF_MULTI_SYLLABLE) ||
        (s->options & VNSEG_SCAN_NO_GLUED))
        return 0;
    if (vn_scan_syllables(s, t, sy) < 2) return 0;
    size_t k = 0;
    while (k < sy->n && sy->cap[k])
        k++;
    return k > 0 && k < sy->n ? k : 0;
}

/* The longest name that starts with bytes [from, to) of token t0 and goes on over whole tokens
 * before `limit` (only when `to` is the token's end), the last possibly cut at a glued token's
 * leading capitalized run. */
static vnseg_status longest(vn_scan *s, size_t t0, size_t from, size_t to, size_t limit,
                            match *best, bool *found)
{
    *found = false;
    vn_buf *k = &s->m->key;
    k->len = 0;
    vnseg_status st = vn_scan_key(s, t0, from, to, k, s->fold);
    if (st != VNSEG_OK) return st;
    uint64_t slot = probe_key(s);
    if (!slot) return VNSEG_OK;
    uint32_t e = (slot & VN_SLOT_COMPLETE) ? complete_entry(s, slot) : VN_NONE;
    if (e != VN_NONE) {
        *best = (match){t0, s->tok[t0].offset + to, e, to < s->tok[t0].length};
        *found = true;
    }
    size_t j = t0;
    bool whole = to == s->tok[t0].length;
    while ((slot & VN_SLOT_EXTENDS) && whole && j + 1 < limit && k->len <= s->g->max_key) {
        j++;
        size_t before = k->len;
        if ((st = append_piece(s, j, 0, s->tok[j].length)) != VNSEG_OK) return st;
        slot = k->len > before ? probe_key(s) : 0;
        if (slot && (slot & VN_SLOT_COMPLETE) && (e = complete_entry(s, slot)) != VN_NONE) {
            *best = (match){j, s->tok[j].offset + s->tok[j].length, e, false};
            *found = true;
        }
        if (slot && (slot & VN_SLOT_EXTENDS)) continue;
        /* The name may end inside a glued token: try its leading capitalized syllables. */
        vn_syls sy;
        size_t run = (!slot || !(slot & VN_SLOT_COMPLETE)) ? leading_run_end(s, j, &sy) : 0;
        for (size_t r = run; r > 0; r--) {
            k->len = before;
            if ((st = append_piece(s, j, 0, sy.end[r - 1])) != VNSEG_OK) return st;
            uint64_t ps = probe_key(s);
            if (ps && (ps & VN_SLOT_COMPLETE) && (e = complete_entry(s, ps)) != VN_NONE) {
                *best = (match){j, s->tok[j].offset + sy.end[r - 1], e, true};
                *found = true;
                break;
            }
        }
        break;
    }
    return VNSEG_OK;
}

static vnseg_status add_match(vn_scan *s, size_t t0, uint64_t off, const match *mt, bool partial)
{
    vn_cand c = {t0,
                 mt->last,
                 off,
                 mt->end,
                 vn_gaz_entry_type(s->g, mt->entry),
                 mt->entry,
                 (partial || mt->partial) ? VNSEG_MF_PARTIAL : 0,
                 VNSEG_SOURCE_GAZETTEER,
                 false};
    return vn_scan_add(s, &c);
}

/* ---- glued tokens ---- */

/* A title-case token that is no name as a whole (`AFP_Mỹ`): split it when its syllables divide
 * completely into gazetteer names and acronyms, one name at least. */
static vnseg_status split_title_case(vn_scan *s, size_t t, const vn_syls *sy)
{
    size_t n = sy->n;
    /* best[i]: fewest pieces covering syllables [0, i); piece_end[i] the start of its last piece */
    uint8_t pieces[VN_MAX_SYL + 1], from[VN_MAX_SYL + 1], names[VN_MAX_SYL + 1];
    uint32_t entry[VN_MAX_SYL + 1];
    const unsigned char *p = s->text + s->tok[t].offset;
    memset(pieces, 0xFF, sizeof pieces);
    pieces[0] = 0;
    names[0] = 0;
    for (size_t a = 0; a < n; a++) {
        if (pieces[a] == 0xFF) continue;
        /* Gazetteer names starting at syllable a. */
        vn_buf *k = &s->m->key;
        k->len = 0;
        for (size_t e = a; e < n; e++) {
            size_t before = k->len;
            vnseg_status st = append_piece(s, t, sy->start[e], sy->end[e]);
            if (st != VNSEG_OK) return st;
            (void)before;
            uint64_t slot = probe_key(s);
            if (!slot) break;
            uint32_t en = (slot & VN_SLOT_COMPLETE) ? complete_entry(s, slot) : VN_NONE;
            if (en != VN_NONE && (a != 0 || e + 1 != n) && pieces[a] + 1 < pieces[e + 1]) {
                pieces[e + 1] = (uint8_t)(pieces[a] + 1);
                from[e + 1] = (uint8_t)a;
                names[e + 1] = (uint8_t)(names[a] + 1);
                entry[e + 1] = en;
            }
            if (!(slot & VN_SLOT_EXTENDS)) break;
        }
        if (vn_scan_acronym(p + sy->start[a], sy->end[a] - sy->start[a]) &&
            pieces[a] + 1 < pieces[a + 1]) {
            pieces[a + 1] = (uint8_t)(pieces[a] + 1);
            from[a + 1] = (uint8_t)a;
            names[a + 1] = names[a];
            entry[a + 1] = VN_NONE;
        }
    }
    if (pieces[n] == 0xFF || pieces[n] < 2 || names[n] == 0) return VNSEG_OK;
    /* Emit the pieces, last first, then restore order by adding in reverse. */
    size_t cut[VN_MAX_SYL + 1], m = 0;
    for (size_t i = n; i > 0; i = from[i])
        cut[m++] = i;
    for (size_t q = m; q-- > 0;) {
        size_t e = cut[q], a = from[e];
        uint64_t base = s->tok[t].offset;
        vn_cand c = {t,
                     t,
                     base + sy->start[a],
                     base + sy->end[e - 1],
                     VNSEG_ENT_ORG,
                     VN_NONE,
                     VNSEG_MF_PARTIAL,
                     VNSEG_SOURCE_HEURISTIC,
                     false};
        if (entry[e] != VN_NONE) {
            c.entry = entry[e];
            c.type = vn_gaz_entry_type(s->g, entry[e]);
            c.source = VNSEG_SOURCE_GAZETTEER;
        } else {
            c.flags |= VNSEG_MF_ACRONYM | VNSEG_MF_FOREIGN;
        }
        vnseg_status st = vn_scan_add(s, &c);
        if (st != VNSEG_OK) return st;
    }
    return VNSEG_OK;
}

/* Whether token t stands where any word is capitalized: a sentence start, or after an opening
 * bracket or quote, a colon or sentence-final punctuation. */
static bool initial_position(const vn_scan *s, size_t t)
{
    if ((s->tok[t].flags & VNSEG_TF_SENT_START) || t == 0) return true;
    const vnseg_token *p = &s->tok[t - 1];
    return p->kind == VNSEG_KIND_PUNCT_OPEN || p->kind == VNSEG_KIND_PUNCT_FINAL ||
           (p->kind == VNSEG_KIND_PUNCT && p->length == 1 && s->text[p->offset] == ':');
}

/* Runs of capitalized syllables inside a word that mixes cases (`xung_đột_Ukraine`,
 * `Mỹ_cáo_buộc`). Sets *next to the token after the last one a match used. */
static vnseg_status glued_runs(vn_scan *s, size_t t, size_t limit, const vn_syls *sy, size_t *next)
{
    size_t n = sy->n;
    for (size_t a = 0; a < n;) {
        if (!sy->cap[a]) {
            a++;
            continue;
        }
        size_t b = a;
        while (b < n && sy->cap[b])
            b++;
        const unsigned char *p = s->text + s->tok[t].offset;
        /* Where position capitalizes, `Anh_em` is a word: a leading run counts there only
         * when two or more lower-case syllables follow it (`Mỹ_cáo_buộc`) or it is foreign. */
        bool foreign = false;
        for (size_t k = a; k < b; k++)
            foreign |=
                !vnseg_syllable_check((const char *)p + sy->start[k], sy->end[k] - sy->start[k]);
        if (a == 0 && !foreign && n - b < 2 && initial_position(s, t)) {
            a = b;
            continue;
        }
        if (!may_start(s, t, p + sy->start[a], sy->end[b - 1] - sy->start[a])) {
            a = b;
            continue;
        }
        /* Longest name starting at syllable a within the run (continuing into the next tokens
         * when the run ends the token). */
        size_t e = b;
        for (; e > a; e--) {
            match mt;
            bool found;
            vnseg_status st = longest(s, t, sy->start[a], sy->end[e - 1], limit, &mt, &found);
            if (st != VNSEG_OK) return st;
            if (found) {
                st = add_match(s, t, s->tok[t].offset + sy->start[a], &mt, true);
                if (st != VNSEG_OK) return st;
                if (mt.last > t) {
                    *next = mt.last + 1;
                    return VNSEG_OK;
                }
                break;
            }
        }
        a = e > a ? e : b;
    }
    return VNSEG_OK;
}

static vnseg_status glued(vn_scan *s, size_t t, size_t limit, size_t *next)
{
    const vnseg_token *tk = &s->tok[t];
    *next = t + 1;
    if (tk->kind != VNSEG_KIND_WORD || !(tk->flags & VNSEG_TF_MULTI_SYLLABLE)) return VNSEG_OK;
    if (!(tk->flags & VNSEG_TF_CAPITALIZED) && !inner_capital(s->text + tk->offset, tk->length))
        return VNSEG_OK;
    vn_syls sy;
    if (vn_scan_syllables(s, t, &sy) < 2) return VNSEG_OK;
    size_t caps = 0;
    for (size_t i = 0; i < sy.n; i++)
        caps += sy.cap[i];
    if (caps == 0) return VNSEG_OK;
    if (caps == sy.n) return split_title_case(s, t, &sy);
    /* A continent glued to a lower-case `châu` (`châu_Phi`, `châu_Mỹ`): a place of its own, a
     * rule found here because this pass reads the syllables of such words anyway. */
    if (caps == sy.n - 1 && !sy.cap[0] && sy.n <= 3 && !(s->options & VNSEG_SCAN_NO_HEURISTICS) &&
        vn_scan_continent(s, t))
        return vn_scan_add_continent(s, t);
    return glued_runs(s, t, limit, &sy, next);
}

/* Names over runs of whole tokens, then inside glued tokens. A name crosses no sentence end
 * except one the tokenizer guessed. */
vnseg_status vn_scan_gazetteer(vn_scan *s)
{
    if (!s->g || s->g->node_count == 0) return VNSEG_OK;
    for (size_t k = 0; k < s->nsent;) {
        size_t end_k = k + 1;
        while (end_k < s->nsent && (s->sent[end_k].flags & VNSEG_SF_GUESSED) &&
               s->sent[end_k].line == s->sent[k].line)
            end_k++;
        size_t rs = (size_t)s->sent[k].first_token;
        size_t re = (size_t)(s->sent[end_k - 1].first_token + s->sent[end_k - 1].token_count);
        for (size_t i = rs; i < re;) {
            match mt;
            bool found = false;
            vnseg_status st = VNSEG_OK;
            if (may_start(s, i, s->text + s->tok[i].offset, s->tok[i].length))
                st = longest(s, i, 0, s->tok[i].length, re, &mt, &found);
            if (st != VNSEG_OK) return st;
            if (found) {
                if ((st = add_match(s, i, s->tok[i].offset, &mt, false)) != VNSEG_OK) return st;
                i = mt.last + 1;
                continue;
            }
            if (s->options & VNSEG_SCAN_NO_GLUED) {
                i++;
                continue;
            }
            size_t next;
            if ((st = glued(s, i, re, &next)) != VNSEG_OK) return st;
            i = next;
        }
        k = end_k;
    }
    return VNSEG_OK;
}
