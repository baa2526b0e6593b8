/* The normalization pipeline (decode, clean, NFC, look-alikes, tones, folding) and its result:
 * the text and the composed offset map back to the caller's bytes. */
#include <string.h>
#include <strings.h>

#include "norm_passes.h"

struct vnseg_norm {
    const unsigned char *text; /* the caller's input, or `owned` */
    size_t len;
    unsigned char *owned;
    size_t orig_len;
    vn_map map; /* valid when `mapped`; otherwise the identity */
    bool mapped;
    vn_spans unmapped;
};

static const uint32_t known_steps = VNSEG_NORM_NFC | VNSEG_NORM_MARKS | VNSEG_NORM_LOOKALIKE |
                                    VNSEG_NORM_INVISIBLE | VNSEG_NORM_SPACES | VNSEG_NORM_TONE_NEW |
                                    VNSEG_NORM_TONE_OLD | VNSEG_NORM_REPAIR | VNSEG_NORM_CASEFOLD |
                                    VNSEG_NORM_FOLD | VNSEG_NORM_LENIENT;

VNSEG_EXPORT void vnseg_norm_free(vnseg_norm *n)
{
    if (!n) return;
    vn_free(n->owned);
    vn_map_free(&n->map);
    vn_free(n->unmapped.v);
    vn_free(n);
}

/* Take a finished pass's output: compose its map with what came before. */
static vnseg_status take(vnseg_norm *n, vn_emit *e)
{
    if (!e->changed) return VNSEG_OK;
    if (n->mapped) {
        vn_map m;
        memset(&m, 0, sizeof m);
        bool ok = vn_map_compose(&e->map, &n->map, &m);
        vn_map_free(&e->map);
        if (!ok) {
            vn_emit_free(e);
            return VNSEG_E_NOMEM;
        }
        vn_map_free(&n->map);
        n->map = m;
    } else {
        n->map = e->map;
        n->mapped = true;
    }
    memset(&e->map, 0, sizeof e->map);
    vn_free(n->owned);
    n->owned = e->out;
    n->text = e->out;
    n->len = e->len;
    e->out = NULL;
    return VNSEG_OK;
}

typedef enum pass_kind {
    P_DECODE,
    P_CHECK,
    P_MOJIBAKE,
    P_CLEAN,
    P_NFC,
    P_LOOKALIKE,
    P_TONE,
    P_CASEFOLD,
    P_FOLD
} pass_kind;

/* Run one pass over the current text. *changed tells whether it changed anything. */
static vnseg_status run_pass(vnseg_norm *n, pass_kind kind, uint32_t steps, int encoding,
                             bool *changed, unsigned *need)
{
    vn_emit e;
    vn_emit_init(&e, n->text, n->len);
    vnseg_status st = VNSEG_OK;
    switch (kind) {
    case P_DECODE:
        st = vn_decode_legacy_pass(&e, encoding, &n->unmapped, need);
        break;
    case P_CHECK:
        st = vn_pass_clean(&e, steps & VNSEG_NORM_LENIENT, &n->unmapped);
        break;
    case P_MOJIBAKE:
        st = vn_mojibake_pass(&e);
        break;
    case P_CLEAN:
        st = vn_pass_clean(&e, steps, &n->unmapped);
        break;
    case P_NFC:
        st = vn_pass_nfc(&e, (steps & VNSEG_NORM_LOOKALIKE) != 0);
        break;
    case P_LOOKALIKE:
        st = vn_pass_lookalike(&e);
        break;
    case P_TONE:
        st = vn_pass_tone(&e, steps);
        break;
    case P_CASEFOLD:
        st = vn_pass_fold(&e, true, (steps & VNSEG_NORM_FOLD) != 0);
        break;
    case P_FOLD:
        st = vn_pass_fold(&e, false, true);
        break;
    }
    if (st != VNSEG_OK) {
        vn_emit_free(&e);
        return st;
    }
    if ((st = vn_emit_finish(&e)) != VNSEG_OK) return st;
    if (changed) *changed = e.changed;
    return take(n, &e);
}

/* The flags of vn_norm_scan() that a step set cares about. */
static unsigned wanted(uint32_t steps)
{
    unsigned w = VN_NEED_INVALID;
    if (steps & (VNSEG_NORM_INVISIBLE | VNSEG_NORM_SPACES | VNSEG_NORM_MARKS)) w |= VN_NEED_CLEAN;
    if (steps & VNSEG_NORM_NFC) w |= VN_NEED_NFC;
    if (steps & VNSEG_NORM_LOOKALIKE) w |= VN_NEED_LOOKALIKE;
    if (steps & VNSEG_NORM_CASEFOLD) w |= VN_NEED_CASE;
    if (steps & VNSEG_NORM_FOLD) w |= VN_NEED_FOLD;
    return w;
}

/* The steps after decoding, each pass only when the scan found work for it. */
static vnseg_status steps_after_scan(vnseg_norm *n, uint32_t steps, unsigned need)
{
    vnseg_status st = VNSEG_OK;
    bool changed = false;
    /* Look-alikes are replaced by the NFC pass when it runs (it reads cleaned text, as the
     * look-alike pass would), else by a pass of their own. */
    bool nfc = need & VN_NEED_NFC;
    if (need & (VN_NEED_CLEAN | VN_NEED_INVALID))
        st = run_pass(n, P_CLEAN, steps, VNSEG_ENC_UTF8, NULL, NULL);
    if (st == VNSEG_OK && nfc) st = run_pass(n, P_NFC, steps, VNSEG_ENC_UTF8, NULL, NULL);
    if (st == VNSEG_OK && (need & VN_NEED_LOOKALIKE) && !nfc)
        st = run_pass(n, P_LOOKALIKE, steps, VNSEG_ENC_UTF8, NULL, NULL);
    if (st == VNSEG_OK && (steps & (VNSEG_NORM_TONE_NEW | VNSEG_NORM_TONE_OLD | VNSEG_NORM_REPAIR)))
        st = run_pass(n, P_TONE, steps, VNSEG_ENC_UTF8, NULL, NULL);
    /* Case folding (with accent folding in the same pass when both are asked for). */
    if (st == VNSEG_OK && (need & VN_NEED_CASE))
        st = run_pass(n, P_CASEFOLD, steps, VNSEG_ENC_UTF8, &changed, NULL);
    else if (st == VNSEG_OK && (need & VN_NEED_FOLD))
        st = run_pass(n, P_FOLD, steps, VNSEG_ENC_UTF8, NULL, NULL);
    return st;
}

static vnseg_status pipeline(vnseg_norm *n, uint32_t steps, int encoding, unsigned need)
{
    vnseg_status st;
    bool changed = false;
    if (encoding != VNSEG_ENC_UTF8 && encoding != VNSEG_ENC_MOJIBAKE) {
        if ((st = run_pass(n, P_DECODE, steps, encoding, NULL, &need)) != VNSEG_OK) return st;
        need &= wanted(steps); /* the decoder knows what it wrote: no scan */
    } else if (encoding == VNSEG_ENC_MOJIBAKE) {
        /* Check the UTF-8 first: mojibake holds NBSP and soft hyphens that are bytes of the
         * characters to repair, so the cleaning steps wait until it is repaired. */
        if ((vn_norm_scan(n->text, n->len, VN_NEED_INVALID) & VN_NEED_INVALID) &&
            (st = run_pass(n, P_CHECK, steps, encoding, NULL, NULL)) != VNSEG_OK)
            return st;
        for (int round = 0; round < 3; round++) {
            if ((st = run_pass(n, P_MOJIBAKE, steps, encoding, &changed, NULL)) != VNSEG_OK)
                return st;
            if (!changed) break;
        }
        need = vn_norm_scan(n->text, n->len, wanted(steps)) & wanted(steps);
    }
    if ((st = steps_after_scan(n, steps, need)) != VNSEG_OK) return st;
    return n->unmapped.failed ? VNSEG_E_NOMEM : VNSEG_OK;
}

static vnseg_status run(const char *text, size_t len, uint32_t steps, int encoding,
                        vnseg_norm **out)
{
    if (!out) return vn_fail(VNSEG_E_INVALID_ARG, VNSEG_NO_OFFSET, 0, "NULL result pointer");
    *out = NULL;
    if (!text && len > 0)
        return vn_fail(VNSEG_E_INVALID_ARG, VNSEG_NO_OFFSET, 0, "NULL text with length %zu", len);
    if (steps & ~known_steps)
        return vn_fail(VNSEG_E_INVALID_ARG, VNSEG_NO_OFFSET, 0, "unknown step bits %#x",
                       (unsigned)(steps & ~known_steps));
    if ((steps & VNSEG_NORM_TONE_NEW) && (steps & VNSEG_NORM_TONE_OLD))
        return vn_fail(VNSEG_E_INVALID_ARG, VNSEG_NO_OFFSET, 0,
                       "the new and the old tone style exclude each other");
    if (encoding < 0 || encoding >= VNSEG_ENC_COUNT)
        return vn_fail(VNSEG_E_INVALID_ARG, VNSEG_NO_OFFSET, 0, "unknown encoding %d", encoding);
    vnseg_norm *n = vn_calloc(1, sizeof *n);
    if (!n) return vn_fail_simple(VNSEG_E_NOMEM);
    n->text = (const unsigned char *)(text ? text : "");
    n->len = n->orig_len = len;
    bool tones = steps & (VNSEG_NORM_TONE_NEW | VNSEG_NORM_TONE_OLD | VNSEG_NORM_REPAIR);
    vnseg_status st = VNSEG_OK;
    /* The fast path: valid UTF-8 that no step would touch is returned as it is, uncopied. */
    unsigned need = 0;
    if (encoding == VNSEG_ENC_UTF8)
        need = vn_norm_scan(n->text, len, wanted(steps)) & wanted(steps);
    if (encoding != VNSEG_ENC_UTF8 || tones || need) st = pipeline(n, steps, encoding, need);
    if (st != VNSEG_OK) {
        vnseg_norm_free(n);
        if (st == VNSEG_E_NOMEM) return vn_fail_simple(st);
        return st; /* the pass recorded its message */
    }
    *out = n;
    return VNSEG_OK;
}

VNSEG_EXPORT vnseg_status vnseg_normalize(const char *text, size_t len, uint32_t steps,
                                          vnseg_norm **out)
{
    VN_CHECK_LEN("vnseg_normalize", text, len);
    return run(text, len, steps, VNSEG_ENC_UTF8, out);
}

VNSEG_EXPORT vnseg_status vnseg_decode_legacy(const char *bytes, size_t len, int encoding,
                                              uint32_t steps, vnseg_norm **out)
{
    VN_CHECK_LEN("vnseg_decode_legacy", bytes, len);
    return run(bytes, len, steps, encoding, out);
}

VNSEG_EXPORT const char *vnseg_norm_text(const vnseg_norm *n, size_t *len)
{
    if (len) *len = n ? n->len : 0;
    return n ? (const char *)n->text : NULL;
}

VNSEG_EXPORT size_t vnseg_norm_original_length(const vnseg_norm *n)
{
    return n ? n->orig_len : 0;
}

VNSEG_EXPORT int vnseg_norm_changed(const vnseg_norm *n)
{
    return n && n->owned ? 1 : 0;
}

VNSEG_EXPORT vnseg_status vnseg_norm_to_original(const vnseg_norm *n, size_t start, size_t end,
                                                 size_t *orig_start, size_t *orig_end)
{
    if (!n || !orig_start || !orig_end || start > end || end > n->len)
        return vn_fail(VNSEG_E_INVALID_ARG, VNSEG_NO_OFFSET, 0,
                       "span [%zu, %zu) is not within the normalized text", start, end);
    vn_map_to_source(n->mapped ? &n->map : NULL, n->text, n->len, n->orig_len, start, end,
                     orig_start, orig_end);
    return VNSEG_OK;
}

VNSEG_EXPORT vnseg_status vnseg_norm_from_original(const vnseg_norm *n, size_t orig_start,
                                                   size_t orig_end, size_t *start, size_t *end)
{
    if (!n || !start || !end || orig_start > orig_end || orig_end > n->orig_len)
        return vn_fail(VNSEG_E_INVALID_ARG, VNSEG_NO_OFFSET, 0,
                       "span [%zu, %zu) is not within the original text", orig_start, orig_end);
    vn_map_from_source(n->mapped ? &n->map : NULL, n->text, n->len, n->orig_len, orig_start,
                       orig_end, start, end);
    return VNSEG_OK;
}

VNSEG_EXPORT size_t vnseg_norm_piece_count(const vnseg_norm *n)
{
    if (!n) return 0;
    return n->mapped ? n->map.pieces : (n->len ? 1 : 0);
}

VNSEG_EXPORT vnseg_status vnseg_norm_piece(const vnseg_norm *n, size_t index, size_t *start,
                                           size_t *end, size_t *orig_start, size_t *orig_end,
                                           int *is_copy)
{
    if (!n || index >= vnseg_norm_piece_count(n))
        return vn_fail(VNSEG_E_INVALID_ARG, VNSEG_NO_OFFSET, 0, "no piece %zu", index);
    vn_piece p = {0, n->len, 0, n->len, 0, false};
    if (n->mapped) vn_map_piece(&n->map, index, &p);
    if (start) *start = p.na;
    if (end) *end = p.nb;
    if (orig_start) *orig_start = p.oa;
    if (orig_end) *orig_end = p.ob;
    if (is_copy) *is_copy = !p.unit;
    return VNSEG_OK;
}

VNSEG_EXPORT vnseg_status vnseg_norm_pieces(const vnseg_norm *n, uint64_t *out, size_t cap,
                                            size_t *out_len)
{
    if (!n || !out_len || (!out && cap > 0))
        return vn_fail(VNSEG_E_INVALID_ARG, VNSEG_NO_OFFSET, 0, "NULL argument");
    size_t count = vnseg_norm_piece_count(n);
    if (count > SIZE_MAX / 5)
        return vn_fail(VNSEG_E_TOO_LARGE, VNSEG_NO_OFFSET, 0, "%zu pieces", count);
    *out_len = 5 * count;
    if (!out && cap == 0) return VNSEG_OK;
    if (cap < 5 * count)
        return vn_fail(VNSEG_E_BUFFER, VNSEG_NO_OFFSET, 0, "%zu values do not fit in %zu",
                       5 * count, cap);
    if (n->mapped) {
        vn_map_pieces(&n->map, out, count);
    } else if (count) { /* unchanged: one copy */
        out[0] = out[2] = 0;
        out[1] = out[3] = n->len;
        out[4] = 1;
    }
    return VNSEG_OK;
}

VNSEG_EXPORT size_t vnseg_norm_unmapped_count(const vnseg_norm *n)
{
    return n ? n->unmapped.n : 0;
}

VNSEG_EXPORT vnseg_status vnseg_norm_unmapped(const vnseg_norm *n, size_t index, size_t *orig_start,
                                              size_t *orig_len)
{
    if (!n || index >= n->unmapped.n)
        return vn_fail(VNSEG_E_INVALID_ARG, VNSEG_NO_OFFSET, 0, "no unmapped character %zu", index);
    if (orig_start) *orig_start = n->unmapped.v[2 * index];
    if (orig_len) *orig_len = n->unmapped.v[2 * index + 1];
    return VNSEG_OK;
}

static const char *const encoding_names[VNSEG_ENC_COUNT] = {
    "utf8", "tcvn3", "vni", "viqr", "viscii", "cp1258", "mojibake",
};

VNSEG_EXPORT const char *vnseg_encoding_name(int encoding)
{
    return encoding >= 0 && encoding < VNSEG_ENC_COUNT ? encoding_names[encoding] : "?";
}

VNSEG_EXPORT int vnseg_encoding_from_name(const char *name)
{
    static const struct {
        const char *alias;
        int encoding;
    } aliases[] = {{"utf-8", VNSEG_ENC_UTF8},
                   {"abc", VNSEG_ENC_TCVN3},
                   {"vn3", VNSEG_ENC_TCVN3},
                   {"windows-1258", VNSEG_ENC_CP1258}};
    if (!name) return -1;
    for (int e = 0; e < VNSEG_ENC_COUNT; e++)
        if (strcasecmp(name, encoding_names[e]) == 0) return e;
    for (size_t i = 0; i < sizeof aliases / sizeof *aliases; i++)
        if (strcasecmp(name, aliases[i].alias) == 0) return aliases[i].encoding;
    return -1;
}
