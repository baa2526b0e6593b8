/* Lookup keys of names and tokens (see vnseg_lookup_key()), their hash, and a fast path for
 * plain tokens that the entity scanner takes for nearly every token. */
#ifndef VN_LOOKUP_KEY_H
#define VN_LOOKUP_KEY_H

#include "doc.h"

/* Scratch buffers of the general key function. */
typedef struct vn_key_scratch {
    vn_buf a, b;
} vn_key_scratch;

void vn_key_scratch_free(vn_key_scratch *sc);

/* Append the key of s[0..n) to `out` (the general path: NFC, separators, look-alikes, case,
 * tone style). Returns VNSEG_OK or VNSEG_E_NOMEM. */
vnseg_status vn_key_append(vn_buf *out, vn_key_scratch *sc, const unsigned char *s, size_t n,
                           bool fold);

/* The key of a token (or of tokens joined by single spaces) whose bytes hold no separator other
 * than `_` and single spaces, written to `out` (room for n bytes). Returns the key's length (n), or
 * SIZE_MAX when the token needs the general path (combining marks, characters outside the Latin
 * ranges, an old-style tone, odd underscores). Gives exactly the bytes vn_key_append() gives
 * whenever it succeeds. */
size_t vn_key_fast(const unsigned char *s, size_t n, bool fold, unsigned char *out);

/* The first code point of the key of token bytes s[0..n) without making the key, for a token
 * with no combining marks, invisible characters or escapes. False when it cannot tell cheaply
 * (the caller then makes the key). */
bool vn_key_token_first(const unsigned char *s, size_t n, bool fold, uint32_t *cp);

/* The first code point of a key. */
bool vn_key_first_cp(const unsigned char *key, size_t n, uint32_t *cp);

/* Whether code point cp counts as punctuation in keys (not a letter, mark, digit or space). */
bool vn_key_is_punct(uint32_t cp);

/* Whether a space goes between two non-empty keys a and b when they are joined (none next to
 * punctuation), so that key(a) + joiner + key(b) == key(a + " " + b). */
bool vn_key_join_space(const unsigned char *a, size_t alen, const unsigned char *b, size_t blen);

/* Byte offsets in key k[0..n) where a name may be cut between tokens: before each space, and
 * before and after each punctuation character, and n itself. Calls fn for each, in order. */
void vn_key_boundaries(const unsigned char *k, size_t n, void (*fn)(size_t pos, void *ctx),
                       void *ctx);

/* 64-bit hash of a byte string (also the gazetteer's checksum function). */
uint64_t vn_hash_bytes(const void *p, size_t n, uint64_t seed);

#endif
