/* Segmentation models inside the library: file layout, the loaded view, syllable keys,
 * the lexicon and the gap features shared by training and decoding. */
#ifndef VN_SEG_MODEL_H
#define VN_SEG_MODEL_H

#include "doc.h"
#include "vnseg/segmenter.h"

/* ---- file layout (little-endian) ---- */

#define VN_MODEL_MAGIC "VNSEGMDL"
#define VN_MODEL_HEADER_SIZE 128
/* Version of the syllable keys and feature templates; a model made with others is refused. */
#define VN_FEATURE_SET 4
/* Longest lexicon word, in syllables. */
#define VN_MAX_WORD 8

/* Header fields by byte offset. */
enum {
    VN_H_MAGIC = 0,        /* 8 bytes */
    VN_H_VERSION = 8,      /* u32: VNSEG_MODEL_VERSION */
    VN_H_HEADER_SIZE = 12, /* u32: VN_MODEL_HEADER_SIZE */
    VN_H_KIND = 16,        /* u32: VNSEG_MODEL_PERCEPTRON or VNSEG_MODEL_LEXICON */
    VN_H_HASH_BITS = 20,   /* u32: weights hold 2^hash_bits int16 (0: none) */
    VN_H_LEX_BITS = 24,    /* u32: lexicon holds 2^lex_bits u64 slots */
    VN_H_MAX_WORD = 28,    /* u32: longest lexicon word */
    VN_H_FILE_SIZE = 32,   /* u64 */
    VN_H_WEIGHTS_OFF = 40, /* u64 */
    VN_H_LEX_OFF = 48,     /* u64 */
    VN_H_LEX_WORDS = 56,   /* u64: words (not prefixes) in the lexicon */
    VN_H_SENTENCES = 64,   /* u64: training sentences */
    VN_H_SYLLABLES = 72,   /* u64: training syllables */
    VN_H_FEATURE_SET = 80, /* u32: VN_FEATURE_SET */
    VN_H_CHECKSUM = 120    /* u64: vn_checksum of the file with these 8 bytes zero */
};

/* Lexicon slot: the word's hash with its low 8 bits replaced by these flags; 0 is empty. */
enum {
    VN_LEX_PREFIX = 1u << 0, /* the first syllables of a longer word */
    VN_LEX_LIST = 1u << 1,   /* a word of a word list */
    VN_LEX_SRC0 = 1u << 2    /* a word of training source k: VN_LEX_SRC0 << k */
};
#define VN_LEX_FLAGS 0xFFull
/* Training sources (vnseg_trainer_set_source()). */
#define VN_SOURCES 4
/* Flags that make an entry a word (not only a prefix). */
#define VN_LEX_WORD (VN_LEX_LIST | (((VN_LEX_SRC0 << VN_SOURCES) - 1) & ~(VN_LEX_SRC0 - 1)))

struct vnseg_model {
    const unsigned char *image; /* the file's bytes */
    size_t size;
    void *owned;   /* heap copy to free, or NULL */
    void *mapping; /* mmap'd region to unmap, or NULL */
    uint32_t kind;
    unsigned hash_bits, lex_bits, max_word;
    const int16_t *weights;  /* 2^hash_bits, or NULL */
    const uint64_t *lexicon; /* 2^lex_bits slots */
    uint64_t lex_words, sentences, syllables;
};

static inline uint32_t vn_le32(const unsigned char *p)
{
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}

static inline uint64_t vn_le64(const unsigned char *p)
{
    return (uint64_t)vn_le32(p) | (uint64_t)vn_le32(p + 4) << 32;
}

static inline void vn_put32(unsigned char *p, uint32_t v)
{
    for (int i = 0; i < 4; i++)
        p[i] = (unsigned char)(v >> (8 * i));
}

static inline void vn_put64(unsigned char *p, uint64_t v)
{
    vn_put32(p, (uint32_t)v);
    vn_put32(p + 4, (uint32_t)(v >> 32));
}

/* A 64-bit checksum of n bytes, 8 at a time (little-endian words). */
uint64_t vn_checksum(const unsigned char *p, size_t n);

/* Make a model from a complete file image that the caller allocated with vn_malloc (taken
 * over, freed on failure too); validates like vnseg_model_load(). */
vnseg_status vn_model_adopt(unsigned char *image, size_t size, vnseg_model **out);

/* ---- syllable keys and shapes ---- */

/* The feature key of one token: NFC, lower case, the tone mark's position ignored (old and
 * new style give one key), zero-width characters skipped. The one place where syllables are
 * normalized for the model. */
uint64_t vn_seg_key(const unsigned char *s, size_t n);

/* Token shapes seen by the features. */
enum {
    VN_SH_LOWER,       /* a lower-case Vietnamese syllable */
    VN_SH_CAP,         /* capitalized Vietnamese syllable */
    VN_SH_CAPS,        /* all capitals, two letters or more */
    VN_SH_FOREIGN,     /* letters that are no Vietnamese syllable, lower case */
    VN_SH_FOREIGN_CAP, /* the same, capitalized */
    VN_SH_MIXED,       /* letters and digits (`A5`, `F-16`) */
    VN_SH_NUMBER,      /* number, date or time */
    VN_SH_PUNCT,       /* punctuation */
    VN_SH_OTHER,       /* symbol, URL, e-mail */
    VN_SH_EDGE,        /* before the first or after the last token */
    VN_SH_COUNT
};

/* Shape and key of a raw token (keys of numbers and links are their class). */
void vn_seg_token_key(const unsigned char *text, const vnseg_token *t, uint64_t *key,
                      uint8_t *shape);

/* Mix two 64-bit values (for n-gram and feature hashes). */
static inline uint64_t vn_mix(uint64_t h, uint64_t v)
{
    h ^= v + 0x9E3779B97F4A7C15ull + (h << 6) + (h >> 2);
    h *= 0xBF58476D1CE4E5B9ull;
    return h ^ (h >> 31);
}

/* ---- the lexicon ---- */

/* What a slot holds for word hash h, flags aside: never 0 (bit 8 set). */
static inline uint64_t vn_lex_key(uint64_t h)
{
    return (h & ~VN_LEX_FLAGS) | 0x100;
}

/* The slot of word hash h in a table of 2^bits slots (bits > 0) with room: where it is, or
 * the empty slot where it goes. Slots hold vn_lex_key() with flags in the low 8 bits (or
 * none, as in the trainer's word map). */
static inline size_t vn_lex_slot(const uint64_t *slots, unsigned bits, uint64_t h)
{
    const uint64_t want = vn_lex_key(h);
    const size_t mask = ((size_t)1 << bits) - 1;
    for (size_t i = (size_t)(h >> (64 - bits));; i = (i + 1) & mask)
        if (!slots[i] || (slots[i] & ~VN_LEX_FLAGS) == want) return i;
}

/* Look up a word hash: its flags, or 0 when absent. */
static inline unsigned vn_lex_find(const uint64_t *slots, unsigned bits, uint64_t h)
{
    if (!bits) return 0;
    return (unsigned)(slots[vn_lex_slot(slots, bits, h)] & VN_LEX_FLAGS);
}

/* Insert (or or-in flags of) a word hash into a table with free room. */
void vn_lex_insert(uint64_t *slots, unsigned bits, uint64_t h, unsigned flags);

/* ---- a sentence as the features see it ---- */

/* The tokens of a text with what features need: keys, shapes, which gaps may join, and the
 * lexicon matches. Gap i lies between tokens i and i+1. */
typedef struct vn_seg_input {
    size_t n;           /* tokens */
    uint64_t *key;      /* n */
    uint64_t *bi, *tri; /* n: hashes of the keys from token i on, 2 and 3 (edges included) */
    uint8_t *shape;     /* n */
    uint8_t *joinable;  /* n: gap i may join */
    uint8_t *brk;       /* n: a line break (or the end) follows token i */
    uint8_t *lex_span;  /* n: longest lexicon word over gap i */
    uint8_t *lex_spanf; /* n: VN_LEX_WORD flags of the longest words over gap i */
    uint8_t *lex_end;   /* n: longest lexicon word ending at token i */
    uint8_t *lex_start; /* n: longest lexicon word starting at token i */
    uint8_t *lex_pair;  /* n: VN_LEX_WORD flags of the two-syllable word at gap i */
    size_t cap;
} vn_seg_input;

/* The lexicon arrays, in the order of vn_seg_input's fields from lex_span on. */
#define VN_LEX_ARRAYS 5
static inline uint8_t *vn_seg_lex_array(vn_seg_input *in, unsigned k)
{
    uint8_t *a[VN_LEX_ARRAYS] = {in->lex_span, in->lex_spanf, in->lex_end, in->lex_start,
                                 in->lex_pair};
    return a[k];
}

bool vn_seg_input_reserve(vn_seg_input *in, size_t n);
void vn_seg_input_free(vn_seg_input *in);

/* A memo of syllable keys and shapes by token bytes (tokens of at most VN_MEMO_MAX_LEN bytes):
 * syllables repeat, and their keys cost a decoding of every character. Direct-mapped. */
#define VN_KEY_MEMO_BITS 12
typedef struct vn_key_memo_entry {
    vn_memo_key text; /* the token's bytes, zero-padded (vn_memo_key_of()); zero: empty */
    uint64_t key;
    uint64_t shape;
} vn_key_memo_entry;

/* Fill key, shape and joinable for the tokens of `doc` (a raw tokenization). `memo` is
 * NULL or 2^VN_KEY_MEMO_BITS zeroed entries, owned by one thread. */
void vn_seg_input_tokens(vn_seg_input *in, const vnseg_doc *doc, vn_key_memo_entry *memo);

/* Fill bi and tri from key and brk. */
void vn_seg_input_ngrams(vn_seg_input *in);

/* A lexicon predicate: flags of word hash h, for the sentence being looked at (training hides
 * words seen only in the sentence's own fold). */
typedef unsigned (*vn_lex_fn)(const void *ctx, uint64_t h);

/* Fill the lexicon arrays: every lexicon word within joinable gaps. */
void vn_seg_input_lexicon(vn_seg_input *in, vn_lex_fn find, const void *ctx, unsigned max_word);

/* The same with the lexicon of model m. */
void vn_seg_input_lexicon_model(vn_seg_input *in, const vnseg_model *m);

/* The hash of a word made of keys k[0..len), as vn_seg_input_lexicon() computes it. */
uint64_t vn_seg_word_hash(const uint64_t *k, size_t len);

/* The weight slot of a feature hash in a table of 2^bits entries. */
static inline size_t vn_seg_slot(uint64_t f, unsigned bits)
{
    return (size_t)((f * 0xD6E8FEB86659FD93ull) >> (64 - bits));
}

/* The score of a gap: joining gap i adds `join` plus `prev[p]`, p the label of gap i-1 (0 when
 * gap i-1 may not join or i is the first gap). */
#define VN_MAX_FEATURES 32
#define VN_PREV_FEATURES 6

/* The features of a gap are in seg_features.h (inline). */

/* Best labels (1: join) of gaps [0, n) under first-order scores: joining gap i scores
 * sc[3i] + sc[3i + 1 + p], p the label of gap i-1; not joining scores 0; gaps with
 * joinable[i] == 0 are 0. Exact (Viterbi). `back` is n bytes of scratch. */
void vn_seg_viterbi(const int64_t *sc, const uint8_t *joinable, size_t n, uint8_t *labels,
                    uint8_t *back);

#endif
