/* libvnseg for bindings: struct sizes to check layouts, offsets in code points and UTF-16. */
#ifndef VNSEG_FFI_H
#define VNSEG_FFI_H

#include "vnseg/common.h"
#include "vnseg/tokenizer.h"

#ifdef __cplusplus
extern "C" {
#endif

/**
 * @file ffi.h
 *
 * What a binding from another language (Python ctypes, Go cgo, Rust, Java JNA/Panama,
 * JavaScript ffi) needs beyond the module headers, and what C callers may want as well.
 *
 * @par Layouts
 * Bindings that read library structs (the ::vnseg_token array, ::vnseg_sentence, ::vnseg_line,
 * ::vnseg_error, ::vnseg_mention, ::vnseg_gaz_entry, ::vnseg_model_info) or pass them in
 * (::vnseg_gaz_entry, ::vnseg_train_options) declare the layout themselves. vnseg_struct_size() tells the size the loaded
 * library uses, so a binding compares it with the size it was written for and refuses to run
 * (instead of misreading memory) when the library is newer or older in an incompatible way.
 * Structs grow only at their end; a struct passed in by the caller (::vnseg_syllable) carries
 * its own `size` field. No function of the library takes or returns a struct by value.
 *
 * @par Offsets in other units
 * Offsets of the library are bytes of the caller's UTF-8. Languages whose strings index code
 * points (Python `str`, Rust `char` counts) or UTF-16 code units (JavaScript, Java, C#, Dart)
 * want the same positions in their own units. vnseg_doc_token_offsets() gives every token's
 * start and end in one call; vnseg_offsets_convert() converts any offsets (detokenizer
 * alignment spans, entity spans, sentence spans) between the three units.
 *
 * Counting. A well-formed character is one code point and one UTF-16 unit, or two UTF-16
 * units when it is above U+FFFF (a surrogate pair). Ill-formed UTF-8 (lenient mode) counts as
 * one U+FFFD per maximal ill-formed subsequence, exactly as the tokenizer reads it and as
 * Unicode recommends for replacement: this is also what Python's
 * `bytes.decode("utf-8", errors="replace")`, JavaScript's `TextDecoder` and Java's decoder do,
 * so offsets computed here index the string those decoders return.
 *
 * @par Thread safety, per object (a summary of the module headers, for binding authors)
 * - ::vnseg_doc: one thread at a time; several documents on several threads at once. Reading
 *   a document (tokens, sentences, forms, offsets) from several threads is safe while nobody
 *   tokenizes into it.
 * - ::vnseg_reader: one thread at a time.
 * - ::vnseg_detok, ::vnseg_norm, ::vnseg_gazetteer, ::vnseg_model: immutable once made; any
 *   number of threads may read or use one at once (a detokenizer result being refilled with
 *   vnseg_detokenize_into() excepted).
 * - ::vnseg_gazetteer_builder, ::vnseg_mentions, ::vnseg_segmenter, ::vnseg_trainer: one
 *   thread at a time; many threads scan with one gazetteer or segment with one model, each
 *   with its own mentions result or segmenter.
 * - ::vnseg_error: vnseg_error_last() is per thread; read it on the thread whose call failed,
 *   before that thread's next failing call. (Python's ctypes releases the GIL during a call
 *   but stays on the same OS thread, so reading it right after the call is correct.)
 * - vnseg_set_allocator(): process-wide, before any other call.
 * - Syllable and tone functions, vnseg_struct_size(), vnseg_offsets_convert(),
 *   vnseg_kind_name(), vnseg_flag_name(), vnseg_version(): reentrant, any thread.
 */

/** The public structs whose size vnseg_struct_size() reports. Values are stable. */
typedef enum vnseg_struct_id {
    VNSEG_STRUCT_ERROR = 1,        /**< ::vnseg_error */
    VNSEG_STRUCT_ALLOCATOR = 2,    /**< ::vnseg_allocator */
    VNSEG_STRUCT_TOKEN = 3,        /**< ::vnseg_token */
    VNSEG_STRUCT_SENTENCE = 4,     /**< ::vnseg_sentence */
    VNSEG_STRUCT_SPAN = 5,         /**< ::vnseg_span */
    VNSEG_STRUCT_LINE = 6,         /**< ::vnseg_line */
    VNSEG_STRUCT_SYLLABLE = 7,     /**< ::vnseg_syllable (the largest version known) */
    VNSEG_STRUCT_SYLLABLE_PART = 8, /**< ::vnseg_syllable_part */
    VNSEG_STRUCT_GAZ_ENTRY = 9,      /**< ::vnseg_gaz_entry (gazetteer.h) */
    VNSEG_STRUCT_MENTION = 10,       /**< ::vnseg_mention (entities.h) */
    VNSEG_STRUCT_MODEL_INFO = 11,    /**< ::vnseg_model_info (segmenter.h) */
    VNSEG_STRUCT_TRAIN_OPTIONS = 12  /**< ::vnseg_train_options (segmenter.h) */
} vnseg_struct_id;

/**
 * sizeof the struct `which` (a ::vnseg_struct_id) in the loaded library, or 0 for an id it
 * does not know (an id from a newer header).
 */
size_t vnseg_struct_size(int which);

/** Units of text offsets. Values are stable. */
typedef enum vnseg_unit {
    VNSEG_UNIT_BYTE = 0,      /**< bytes of UTF-8 (what every other function uses) */
    VNSEG_UNIT_CODEPOINT = 1, /**< Unicode code points: Python `str` indices */
    VNSEG_UNIT_UTF16 = 2      /**< UTF-16 code units: JavaScript, Java, C# string indices */
} vnseg_unit;

/**
 * The start and end of every token of `doc`, in `unit`, counted from the start of the buffer
 * given to vnseg_tokenize(): out[2i] is where token i starts, out[2i + 1] where it ends.
 * Works like snprintf: pass `out` NULL and `cap` 0 to learn the count (twice the token count).
 * One pass over the text; the tokens' bytes are not copied.
 * @param cap number of uint64_t values `out` has room for.
 * @param out_len receives the number of values written, or needed when `cap` is too small.
 * @return ::VNSEG_OK; ::VNSEG_E_BUFFER when `cap` is too small (nothing useful in `out`);
 *         ::VNSEG_E_INVALID_ARG for a NULL `doc` or `out_len`, `out` NULL with `cap` > 0, or an
 *         unknown unit.
 */
vnseg_status vnseg_doc_token_offsets(const vnseg_doc *doc, int unit, uint64_t *out, size_t cap,
                                     size_t *out_len);

/**
 * Convert `count` offsets into text[0..len) from unit `from` to unit `to`, in place.
 * Offsets in any order are accepted; ascending ones (spans as start, end, start, end, ...)
 * take one pass over the text, and each step back restarts from the start of the text.
 * An offset that falls inside a character (a byte inside a UTF-8 sequence or an ill-formed
 * subsequence, a UTF-16 offset between the two halves of a surrogate pair) is moved back to
 * that character's start. The text may hold ill-formed UTF-8 (see "Counting" above).
 * @return ::VNSEG_OK; ::VNSEG_E_INVALID_ARG for `text` NULL with `len` > 0, `offsets` NULL
 *         with `count` > 0, an unknown unit, or an offset past the end of the text (the
 *         message names its index in `offsets`; the offsets before it are converted, it and
 *         those after it are left unchanged).
 */
vnseg_status vnseg_offsets_convert(const char *text, size_t len, int from, int to,
                                   uint64_t *offsets, size_t count);

#ifdef __cplusplus
}
#endif

#endif
