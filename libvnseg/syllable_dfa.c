/* Fast NFC syllable check: an automaton derived from the parser at first use, one step a letter. */
#include <pthread.h>
#include <stdatomic.h>
#include <string.h>

#include "internal.h"
#include "syllable.h"

/*
 * The written syllables (toneless, caseless) are a finite set of a few thousand strings. At
 * first use we list every string of the shape onset + [medial] + nucleus + coda, keep those
 * vn_syl_parse() accepts (so the automaton knows no rule of its own), store them in a trie and
 * merge equivalent trie nodes into a minimal automaton: about 60 states of VN_SYM_COUNT bytes.
 * An accepting state also says where the tone mark may go, counted from the end of the word
 * (the rhyme fixes that), and whether the coda is a stop. If building fails (no memory), the
 * check falls back to the parser: slower, same answers.
 */

#define MAX_STATES 255
#define ACCEPT 0x80u
#define STOP 0x40u

/* Transitions by [letter][state], so that the state is not multiplied on the critical path. */
static uint8_t dfa_next[VN_SYM_COUNT][MAX_STATES + 1]; /* state 0: dead */
static uint8_t dfa_info[MAX_STATES + 1];               /* ACCEPT | STOP | old << 3 | main */
static uint8_t dfa_start;
static atomic_int dfa_status; /* 0 not built, 1 ready, 2 failed: use the parser */
static pthread_once_t dfa_once = PTHREAD_ONCE_INIT;

/* Spellings of the parts, as symbol strings (0-terminated, at most 3 letters). */
/* clang-format off */
static const uint8_t onsets[][4] = {
    {0}, {VN_B}, {VN_C}, {VN_C, VN_H}, {VN_D}, {VN_DD}, {VN_G}, {VN_G, VN_H}, {VN_G, VN_I},
    {VN_H}, {VN_K}, {VN_K, VN_H}, {VN_L}, {VN_M}, {VN_N}, {VN_N, VN_G}, {VN_N, VN_G, VN_H},
    {VN_N, VN_H}, {VN_P}, {VN_P, VN_H}, {VN_Q}, {VN_R}, {VN_S}, {VN_T}, {VN_T, VN_H},
    {VN_T, VN_R}, {VN_V}, {VN_X},
};
static const uint8_t medials[][4] = {{0}, {VN_O}, {VN_U}};
static const uint8_t nuclei[][4] = {
    {VN_A}, {VN_AW}, {VN_AA}, {VN_E}, {VN_EE}, {VN_I}, {VN_Y}, {VN_O}, {VN_OO}, {VN_OW}, {VN_U},
    {VN_UW}, {VN_I, VN_EE}, {VN_Y, VN_EE}, {VN_I, VN_A}, {VN_Y, VN_A}, {VN_U, VN_OO},
    {VN_U, VN_A}, {VN_UW, VN_OW}, {VN_UW, VN_A}, {VN_O, VN_O},
};
static const uint8_t codas[][4] = {
    {0}, {VN_C}, {VN_C, VN_H}, {VN_M}, {VN_N}, {VN_N, VN_G}, {VN_N, VN_H}, {VN_P}, {VN_T},
    {VN_I}, {VN_Y}, {VN_O}, {VN_U},
};
/* clang-format on */

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

typedef struct trie_node {
    uint16_t child[VN_SYM_COUNT];
    uint8_t info;
} trie_node;

typedef struct trie {
    trie_node *node;
    size_t len, cap;
} trie;

static bool trie_add(trie *t, const uint8_t *sym, unsigned n, uint8_t info)
{
    size_t v = 0;
    for (unsigned i = 0; i < n; i++) {
        if (!t->node[v].child[sym[i]]) {
            if (t->len == UINT16_MAX ||
                !vn_grow((void **)&t->node, &t->cap, t->len + 1, sizeof(trie_node)))
                return false;
            memset(&t->node[t->len], 0, sizeof(trie_node));
            t->node[v].child[sym[i]] = (uint16_t)t->len++;
        }
        v = t->node[v].child[sym[i]];
    }
    t->node[v].info = info;
    return true;
}

static size_t append(uint8_t *dst, size_t at, const uint8_t *part)
{
    for (unsigned i = 0; i < 4 && part[i]; i++)
        dst[at++] = part[i];
    return at;
}

/* Every accepted onset + medial + nucleus + coda, with where its tone may go. */
static bool fill_trie(trie *t)
{
    for (size_t a = 0; a < COUNT(onsets); a++)
        for (size_t b = 0; b < COUNT(medials); b++)
            for (size_t c = 0; c < COUNT(nuclei); c++)
                for (size_t d = 0; d < COUNT(codas); d++) {
                    uint8_t sym[VN_SYL_MAX_LETTERS + 8] = {0};
                    size_t n = append(sym, 0, onsets[a]);
                    n = append(sym, n, medials[b]);
                    n = append(sym, n, nuclei[c]);
                    n = append(sym, n, codas[d]);
                    vn_syl syl;
                    if (n > VN_SYL_MAX_LETTERS || !vn_syl_parse(sym, (unsigned)n, &syl)) continue;
                    unsigned main = (unsigned)n - 1 - syl.main_pos;
                    unsigned old = (unsigned)n - 1 - syl.old_pos;
                    uint8_t info = (uint8_t)(ACCEPT | old << 3 | main);
                    if (!vn_syl_tone_fits(&syl, VN_TONE_NONE)) info |= STOP;
                    if (!trie_add(t, sym, (unsigned)n, info)) return false;
                }
    return true;
}

static bool same_state(unsigned s, const uint8_t *row, uint8_t info)
{
    if (dfa_info[s] != info) return false;
    for (unsigned c = 0; c < VN_SYM_COUNT; c++)
        if (dfa_next[c][s] != row[c]) return false;
    return true;
}

/* Merge equivalent trie nodes, children first (a child's index is above its parent's). */
static bool minimize(const trie *t)
{
    uint8_t *id = vn_malloc(t->len);
    if (!id) return false;
    unsigned states = 0;
    bool ok = true;
    for (size_t v = t->len; ok && v-- > 0;) {
        uint8_t row[VN_SYM_COUNT];
        for (unsigned c = 0; c < VN_SYM_COUNT; c++)
            row[c] = t->node[v].child[c] ? id[t->node[v].child[c]] : 0;
        unsigned s = 1;
        while (s <= states && !same_state(s, row, t->node[v].info))
            s++;
        if (s > states) {
            if (states == MAX_STATES) {
                ok = false;
                break;
            }
            s = ++states;
            for (unsigned c = 0; c < VN_SYM_COUNT; c++)
                dfa_next[c][s] = row[c];
            dfa_info[s] = t->node[v].info;
        }
        id[v] = (uint8_t)s;
    }
    if (ok) dfa_start = id[0];
    vn_free(id);
    return ok;
}

static void build(void)
{
    trie t = {NULL, 0, 0};
    bool ok = vn_grow((void **)&t.node, &t.cap, 1, sizeof(trie_node));
    if (ok) {
        memset(&t.node[0], 0, sizeof(trie_node));
        t.len = 1;
        ok = fill_trie(&t) && minimize(&t);
    }
    vn_free(t.node);
    atomic_store_explicit(&dfa_status, ok ? 1 : 2, memory_order_release);
}

static inline int status(void)
{
    int s = atomic_load_explicit(&dfa_status, memory_order_acquire);
    if (VN_UNLIKELY(s == 0)) {
        pthread_once(&dfa_once, build);
        s = atomic_load_explicit(&dfa_status, memory_order_acquire);
    }
    return s;
}

/* Decode the character at s (end - s >= 1 bytes): returns the bytes it takes (0 when the
 * input ends inside it) and sets *l, which is 0 for anything but an NFC Vietnamese letter. */
static inline size_t next_letter(const unsigned char *s, const unsigned char *end, vn_letter *l)
{
    unsigned c = s[0];
    if (c < 0x80) {
        *l = vn_utf8_tab[c];
        return 1;
    }
    /* Two-byte letters U+00C0..U+01BF (leads C3..C6: Latin-1 letters, ă đ ĩ ũ ơ ư) and
     * three-byte ones U+1EA0..U+1EFF (E1 BA A0 .. E1 BB BF) share one path: the table index is
     * selected without a branch, as the mix of both in text defeats branch prediction. */
    bool three = c == 0xE1;
    if (end - s < 2 + three) return 0;
    unsigned c1 = s[1], cl = s[1 + three];
    unsigned idx2 = VN_TAB_TWO + ((c - 0xC3u) << 6 | (c1 & 0x3Fu));
    unsigned idx3 = VN_TAB_THREE + ((c1 << 6 | (cl & 0x3Fu)) - (0xBAu << 6 | 0x20u));
    unsigned pick = -(unsigned)three; /* all ones for a three-byte letter */
    bool in_range = ((idx3 - VN_TAB_THREE < 96u) & three) | ((c - 0xC3u < 4u) & !three);
    bool ok = ((cl & 0xC0u) == 0x80u) & in_range;
    unsigned idx = (idx2 ^ ((idx2 ^ idx3) & pick)) & -(unsigned)ok; /* entry 0: no letter */
    *l = vn_utf8_tab[idx];
    return 2u + three;
}

bool vn_syllable_valid_nfc_parser(const unsigned char *s, size_t len)
{
    const unsigned char *end = s + len;
    uint8_t sym[VN_SYL_MAX_LETTERS + 4] = {0};
    unsigned n = 0, tones = 0, tone = VN_TONE_NONE, tone_pos = 0;
    if (len == 0) return false;
    while (s < end) {
        vn_letter l = 0;
        size_t k = next_letter(s, end, &l);
        if (!k || !l || n == VN_SYL_MAX_LETTERS) return false;
        if (vn_letter_tone(l)) {
            tones++;
            tone = vn_letter_tone(l);
            tone_pos = n;
        }
        sym[n++] = (uint8_t)vn_letter_sym(l);
        s += k;
    }
    vn_syl syl;
    if (tones > 1 || !vn_syl_parse(sym, n, &syl)) return false;
    return vn_syl_tone_place(&syl, tone, tone_pos) != VN_PLACE_BAD;
}

bool vn_syllable_valid_nfc(const unsigned char *s, size_t len)
{
    const unsigned char *end = s + len;
    if (len == 0 || len > 3 * VN_SYL_MAX_LETTERS) return false;
    if (VN_UNLIKELY(status() != 1)) return vn_syllable_valid_nfc_parser(s, len);
    /* Bit k of `toned` is set when the k-th letter from the end carries a tone (it shifts left
     * at every letter), so its lowest set bit is where the tone is, counted from the end. */
    unsigned state = dfa_start, tone = VN_TONE_NONE, toned = 0;
    while (s < end) {
        vn_letter l = 0;
        size_t k = next_letter(s, end, &l);
        if (!k || !l) return false;
        unsigned t = vn_letter_tone(l);
        tone |= t;
        toned = toned << 1 | (t != 0);
        state = dfa_next[vn_letter_sym(l)][state];
        s += k;
    }
    unsigned info = dfa_info[state];
    if (!(info & ACCEPT) || (toned & (toned - 1)))
        return false; /* not a syllable, or two tone marks */
    if ((info & STOP) && tone != VN_TONE_ACUTE && tone != VN_TONE_DOT) return false;
    if (tone == VN_TONE_NONE) return true;
    unsigned from_end = (unsigned)__builtin_ctz(toned);
    return from_end == (info & 7u) || from_end == ((info >> 3) & 7u);
}
