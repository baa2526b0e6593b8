/* libvnseg segmenter: raw Vietnamese text to syllables and punctuation, and to words (`_`). */
#ifndef VNSEG_SEGMENTER_H
#define VNSEG_SEGMENTER_H

#include "vnseg/common.h"
#include "vnseg/tokenizer.h"

#ifdef __cplusplus
extern "C" {
#endif

/**
 * @file segmenter.h
 *
 * Three parts: a tokenizer for *raw* text (vnseg_tokenize_raw()), a word segmenter that decides
 * which syllables form words and writes the segmented format that vnseg_tokenize() reads
 * (vnseg_segment()), and a trainer that learns segmentation models from segmented corpora
 * (vnseg_trainer_new()).
 *
 * @par Raw tokenizer
 * vnseg_tokenize_raw() splits natural text into syllables, numbers and punctuation and fills a
 * ::vnseg_doc exactly like vnseg_tokenize() does (same kinds, flags, sentences), with tokens
 * pointing into the caller's bytes. Rules:
 * - Separators and invalid UTF-8 are those of vnseg_tokenize() (tokenizer.h): a token never
 *   holds a separator; ::VNSEG_TF_SPACE_AFTER says that one or more separators follow the
 *   token, ::VNSEG_TF_LINE_END that a line break does. Tokens with no separator between them
 *   (`nói,` gives `nói` and `,`) lack ::VNSEG_TF_SPACE_AFTER.
 * - Each run of letters and digits between separators is a token, with these characters
 *   kept inside it when they stand between two letters or digits: `-` and U+2010
 *   (`Jong-un`, `F-16`, `16-17`, `50P-5117`), an apostrophe `'` or `’` between letters
 *   (`H'Mông`, `O'Neil`), `&` between capitals (`R&D`); between two digits also `.` `,` `/`
 *   `:` and the en dash (`1.000.000`, `3,5`, `4/9/2023`, `10:30`, `1.500–2.000`); `_` next to
 *   a digit or in a run of two or more (`tbl_2`, `a__b`: the underscores the segmented format
 *   reads as literal). A single `_` between letters is a token of its own (`a_b` gives `a`,
 *   `_`, `b`), so that segmented output never reads it as a syllable joint.
 * - Numbers keep a leading sign or currency sign and a trailing `%` or `‰`: `-2,5%`, `+84`,
 *   `$100`, `100.000đ`. Times and dates keep their letters: `10h30`, `4/9`, `2023-08-14`.
 * - URLs and e-mail addresses are one token (`https://vnexpress.net/a-b.html`,
 *   `www.example.vn`, `ten@example.com`); trailing `.` `,` `;` `:` `!` `?`, quotes, and a `)`
 *   with no `(` inside the address are split off.
 * - Abbreviations keep their dots: dotted chains whose parts before each dot are a single
 *   letter, a known abbreviation (`TP`, `GS`, `PGS`, `TS`, `ThS`, `Mr`, `Dr`, `St`, ...) or
 *   capitals followed by capitals (`TP.HCM`, `U.S.`, `v.v.`, `GS.TS`, `J.Mitchell`, `T.Ư`);
 *   a final dot stays on a single letter (`U.S.`, `J.`) and on a known abbreviation (`TP.`,
 *   `Mr.`), otherwise it is a token of its own (`HCM.` gives `HCM` and `.`).
 * - Punctuation is one token per character, except runs of `.` `?` `!` `…` (`...`, `?!`),
 *   runs of one repeated `-` `=` `*` `~` `#` (`--`, `-----`), and a whole separator-delimited
 *   emoticon (`:))`, `^^`). Combining marks, variation selectors, skin tones and zero-width
 *   joiners stay with the character before them.
 * - A run of more than 4096 bytes with no separator is not split by these rules: it is cut
 *   into tokens of at most ::VNSEG_TOKEN_MAX_BYTES like vnseg_tokenize() does.
 *
 * @par Segmentation
 * vnseg_segment() tokenizes raw text with the rules above, decides for every two neighbouring
 * syllables whether they belong to one word, and writes the segmented text: the input's bytes
 * in order, where
 * - the single ASCII space between two syllables of one word becomes `_`;
 * - a space is inserted between two tokens that had no separator between them (`nói,`
 *   becomes `nói ,`);
 * - every other separator byte (spaces, tabs, line breaks, NBSP, ...) is copied as it is,
 *   also before the first token and after the last.
 * Nothing else changes: NFD, old tone placement (`hòa`), odd characters and invalid UTF-8
 * (lenient mode) are normalized only inside the model's feature keys, never in the output.
 * Two syllables are joined only when exactly one ASCII space separates them, both are words
 * (not numbers, punctuation, URLs, ...), neither holds `_`, and no ASCII digit touches the
 * joint (the segmented format reads `_` next to a digit as a literal underscore: `10 triệu`
 * stays two words). With these rules vnseg_tokenize() reads the segmented text back into the
 * words the segmenter chose, and the detokenizer's lossless mode (vnseg_detokenize() with
 * VNSEG_DETOK_LOSSLESS) on vnseg_segmenter_doc() gives back the raw input byte for byte.
 *
 * @par Models
 * A model is an immutable, versioned binary file: a header (magic `VNSEGMDL`, format
 * version, section sizes, a checksum of the whole file), a table of hashed feature weights
 * (2^hash_bits 16-bit integers), and a lexicon of word keys (multi-syllable words of the
 * training corpora and word lists, with where they came from). Files are little-endian and
 * read in place: vnseg_model_open() maps the file with mmap(2), checks every size, offset and
 * the checksum before use, and copies nothing on little-endian machines. A truncated,
 * corrupted or foreign file gives ::VNSEG_E_FORMAT, a file of another format version
 * ::VNSEG_E_VERSION, both with a message in vnseg_error_last(); never a crash.
 * Two kinds of model exist: a trained model (an averaged perceptron over the gaps between
 * syllables, with syllable n-gram, shape and lexicon features) and a lexicon-only model built
 * from a word list alone (longest match over the lexicon, capitalized runs joined as names).
 * Feature keys see syllables in NFC, lower case, with the tone mark's position ignored, so
 * NFD, mixed and old-style input segments exactly like NFC new-style input.
 *
 * @par Thread safety
 * A ::vnseg_model is immutable once opened or trained: any number of threads may segment with
 * one model at once, each with its own ::vnseg_segmenter. A segmenter, a trainer and a
 * document are used by one thread at a time. Free a model only after the segmenters that use
 * it are freed.
 */

/** Options of vnseg_tokenize_raw() and vnseg_segment(): 0 (strict) or ::VNSEG_OPT_LENIENT. */

/**
 * Tokenize raw (unsegmented) text into `doc`, replacing what it held (see the rules above).
 * Every token is one syllable, number, date, URL, e-mail or punctuation mark, and has
 * `syllables` == 1. `text` must stay alive and unchanged while `doc` is used.
 * @return ::VNSEG_OK; ::VNSEG_E_INVALID_UTF8 in strict mode (offset in vnseg_error_last());
 *         ::VNSEG_E_NOMEM; ::VNSEG_E_INVALID_ARG for a NULL `doc`, a NULL `text` with `len` > 0,
 *         or options other than ::VNSEG_OPT_LENIENT; ::VNSEG_E_TOO_LARGE.
 */
vnseg_status vnseg_tokenize_raw(vnseg_doc *doc, const char *text, size_t len, uint32_t options);

/** A segmentation model. Opaque and immutable; see "Models" and "Thread safety" above. */
typedef struct vnseg_model vnseg_model;

/** Format version of the model files this library writes and reads. */
#define VNSEG_MODEL_VERSION 2

/**
 * Open a model file: map it into memory and validate it.
 * @param out receives the model, owned by the caller: free it with vnseg_model_free().
 * @return ::VNSEG_OK; ::VNSEG_E_NOT_FOUND when the file does not exist; ::VNSEG_E_IO when it
 *         cannot be opened or mapped otherwise (errno's message in vnseg_error_last() for
 *         both); ::VNSEG_E_FORMAT for a file that is not a valid model
 *         (truncated, corrupted, wrong magic); ::VNSEG_E_VERSION for another format version;
 *         ::VNSEG_E_NOMEM; ::VNSEG_E_INVALID_ARG for NULL arguments.
 */
vnseg_status vnseg_model_open(const char *path, vnseg_model **out);

/**
 * Load a model from `len` bytes at `data` (the contents of a model file), validated like
 * vnseg_model_open(). The bytes are copied: `data` may be freed after the call.
 * @param out receives the model, owned by the caller: free it with vnseg_model_free().
 */
vnseg_status vnseg_model_load(const void *data, size_t len, vnseg_model **out);

/** Free a model (unmapping its file). NULL is allowed. */
void vnseg_model_free(vnseg_model *model);

/**
 * Write a model to a file (created or truncated), in the format vnseg_model_open() reads.
 * The file is written under a temporary name and renamed into place.
 * @return ::VNSEG_OK, ::VNSEG_E_IO (errno's message in vnseg_error_last()),
 *         ::VNSEG_E_INVALID_ARG.
 */
vnseg_status vnseg_model_save(const vnseg_model *model, const char *path);

/**
 * The model's file image: the exact bytes vnseg_model_save() writes. Valid while the model
 * lives. `len` receives its size.
 */
const void *vnseg_model_data(const vnseg_model *model, size_t *len);

/** Kinds of model (::vnseg_model_info.kind). */
enum {
    VNSEG_MODEL_PERCEPTRON = 1, /**< trained from segmented corpora (and word lists) */
    VNSEG_MODEL_LEXICON = 2     /**< built from word lists only: longest match */
};

/** What a model holds, for reports. */
typedef struct vnseg_model_info {
    uint32_t version;         /**< format version (::VNSEG_MODEL_VERSION) */
    uint32_t kind;            /**< ::VNSEG_MODEL_PERCEPTRON or ::VNSEG_MODEL_LEXICON */
    uint32_t hash_bits;       /**< the weight table has 2^hash_bits entries (0: none) */
    uint32_t max_word;        /**< longest lexicon word, in syllables */
    uint64_t lexicon_words;   /**< multi-syllable words in the lexicon */
    uint64_t file_bytes;      /**< size of the model file */
    uint64_t train_sentences; /**< sentences the model was trained on */
    uint64_t train_syllables; /**< syllables the model was trained on */
} vnseg_model_info;

/** Fill `*info` with what `model` holds. ::VNSEG_OK or ::VNSEG_E_INVALID_ARG. */
vnseg_status vnseg_model_get_info(const vnseg_model *model, vnseg_model_info *info);

/** A segmenter: the working memory of segmentation with one model. Opaque; one thread. */
typedef struct vnseg_segmenter vnseg_segmenter;

/**
 * A new segmenter using `model` (not copied: the model must outlive the segmenter). Reuse it
 * for many texts: it keeps its memory.
 * @param out receives it, owned by the caller: free it with vnseg_segmenter_free().
 * @return ::VNSEG_OK, ::VNSEG_E_NOMEM, ::VNSEG_E_INVALID_ARG.
 */
vnseg_status vnseg_segmenter_new(const vnseg_model *model, vnseg_segmenter **out);

/** Free a segmenter. NULL is allowed. */
void vnseg_segmenter_free(vnseg_segmenter *seg);

/**
 * Segment `len` bytes of raw text (see "Segmentation" above). The result is read with
 * vnseg_segmenter_text() and vnseg_segmenter_doc(). `text` need not stay alive after the call
 * (the result is a copy).
 * @param options 0 (strict) or ::VNSEG_OPT_LENIENT.
 * @return ::VNSEG_OK; ::VNSEG_E_INVALID_UTF8 in strict mode (offset in vnseg_error_last());
 *         ::VNSEG_E_NOMEM (nothing leaked; the result is then empty); ::VNSEG_E_INVALID_ARG;
 *         ::VNSEG_E_TOO_LARGE.
 */
vnseg_status vnseg_segment(vnseg_segmenter *seg, const char *text, size_t len, uint32_t options);

/**
 * The segmented text of the last vnseg_segment() call (not NUL-terminated; `len` receives its
 * size). Owned by the segmenter; valid until its next vnseg_segment() or vnseg_segmenter_free().
 */
const char *vnseg_segmenter_text(const vnseg_segmenter *seg, size_t *len);

/**
 * A document over the segmented text of the last vnseg_segment() call: its tokens are the
 * words (kinds, flags and sentences as vnseg_tokenize() gives them for that text), except that
 * ::VNSEG_TF_SPACE_AFTER and ::VNSEG_TF_LINE_END say what followed the word in the *raw*
 * input, so a lossless detokenizer gives the raw input back. Built on the first call after a
 * segmentation. Owned by the segmenter; valid until its next vnseg_segment() or
 * vnseg_segmenter_free().
 * @param out receives the document.
 * @return ::VNSEG_OK, ::VNSEG_E_NOMEM, ::VNSEG_E_INVALID_ARG.
 */
vnseg_status vnseg_segmenter_doc(vnseg_segmenter *seg, const vnseg_doc **out);

/**
 * Segment raw text into a caller buffer, like snprintf: pass `buf` NULL and `cap` 0 to learn
 * the size. The output is not NUL-terminated. Makes and frees a segmenter for the call; use
 * vnseg_segmenter_new() for many texts.
 * @param out_len receives the bytes written, or the bytes needed when `cap` is too small.
 * @return ::VNSEG_OK, ::VNSEG_E_BUFFER when `cap` is too small, and the errors of
 *         vnseg_segment().
 */
vnseg_status vnseg_segment_to_buffer(const vnseg_model *model, const char *text, size_t len,
                                     uint32_t options, char *buf, size_t cap, size_t *out_len);

/** Formats of training input for vnseg_trainer_add(). */
typedef enum vnseg_corpus_format {
    /** Segmented text: one sentence or paragraph per line, syllables of a word joined by
     *  `_`, tokens separated by white space (the format vnseg_tokenize() reads). */
    VNSEG_CORPUS_SEGMENTED = 0,
    /** CoNLL-U (Universal Dependencies): the FORM column of each word line; a FORM with
     *  spaces is one multi-syllable word; sentences end at blank lines. Comment lines,
     *  multi-word ranges (`1-2`) and empty nodes (`1.1`) are skipped. */
    VNSEG_CORPUS_CONLLU = 1,
    /** A word list: one word per line, syllables separated by spaces or `_`; a line may
     *  carry a tab and more columns, which are ignored. Words only feed the lexicon. */
    VNSEG_CORPUS_WORDLIST = 2
} vnseg_corpus_format;

/** Options of vnseg_trainer_new(). Zero fields take the defaults. */
typedef struct vnseg_train_options {
    uint32_t size;      /**< sizeof(vnseg_train_options), checked by the library */
    uint32_t epochs;    /**< passes over the corpus (default 10) */
    uint32_t hash_bits; /**< weight table of 2^hash_bits entries, 16..26 (default 18: 512 KiB) */
    uint32_t reserved;  /**< zero */
    uint64_t seed;      /**< shuffling seed (default 1); the same input gives the same model */
} vnseg_train_options;

/** A trainer: collects corpora, then trains a model. Opaque; one thread. */
typedef struct vnseg_trainer vnseg_trainer;

/**
 * A new trainer. `options` may be NULL for the defaults.
 * @param out receives it, owned by the caller: free it with vnseg_trainer_free().
 * @return ::VNSEG_OK, ::VNSEG_E_NOMEM, ::VNSEG_E_INVALID_ARG for a bad size or out-of-range
 *         field.
 */
vnseg_status vnseg_trainer_new(const vnseg_train_options *options, vnseg_trainer **out);

/** Free a trainer. NULL is allowed. */
void vnseg_trainer_free(vnseg_trainer *trainer);

/**
 * Add training input: whole lines of one format (a trailing line without a line break
 * counts as a line). Text may come in any number of calls; a CoNLL-U sentence may span calls
 * and ends at a blank line, at a call with another format, or at vnseg_trainer_train().
 * Segmented lines and CoNLL-U sentences are training sentences and also feed the lexicon;
 * word lists feed only the lexicon. The text is read during the call and not kept.
 * @return ::VNSEG_OK; ::VNSEG_E_INVALID_UTF8 (invalid UTF-8 in the text: the offset in
 *         vnseg_error_last() is relative to `text`); ::VNSEG_E_NOMEM; ::VNSEG_E_INVALID_ARG.
 */
vnseg_status vnseg_trainer_add(vnseg_trainer *trainer, vnseg_corpus_format format, const char *text,
                               size_t len);

/** Number of training sources (vnseg_trainer_set_source()). */
#define VNSEG_TRAIN_SOURCES 4

/**
 * Say where the training sentences added next come from: `source` 0 to
 * ::VNSEG_TRAIN_SOURCES - 1 (0 until this is called) and how much each of its sentences weighs
 * (1/16 to 16; 1 is the weight of every source until set). Source 0 is the *target*: the model
 * learns to segment like source 0's sentences. The other sources help where source 0 says
 * nothing, but their conventions may differ (corpora annotated elsewhere, the output of
 * another segmenter): every feature weight has a copy shared by all sources and a copy per
 * source (feature augmentation for domain adaptation), and the model keeps the shared copy
 * plus source 0's. Each source's words also mark their source in the training lexicon, so the
 * model learns how far each source's words agree with source 0. With sentences of one source
 * only, training is the same as without sources. Word lists are not affected.
 * @return ::VNSEG_OK; ::VNSEG_E_INVALID_ARG for a NULL trainer, a source out of range or a
 *         weight out of range.
 */
vnseg_status vnseg_trainer_set_source(vnseg_trainer *trainer, uint32_t source, double weight);

/** Progress of vnseg_trainer_train(): `stage` ("lexicon", "epoch", "save"), step `done` of
 *  `total`. Called from the training thread. */
typedef void (*vnseg_progress_fn)(void *ctx, const char *stage, uint32_t done, uint32_t total);

/**
 * Train a model on what was added. With training sentences the model is a perceptron model;
 * with word lists only, a lexicon-only model. Deterministic: the same input in the same order
 * with the same options gives a byte-identical model. The trainer may be freed afterwards.
 * @param progress called at each stage and epoch; may be NULL.
 * @param out receives the model, owned by the caller: free it with vnseg_model_free().
 * @return ::VNSEG_OK; ::VNSEG_E_NOT_FOUND when nothing was added; ::VNSEG_E_NOMEM;
 *         ::VNSEG_E_INVALID_ARG.
 */
vnseg_status vnseg_trainer_train(vnseg_trainer *trainer, vnseg_progress_fn progress, void *ctx,
                                 vnseg_model **out);

#ifdef __cplusplus
}
#endif

#endif
