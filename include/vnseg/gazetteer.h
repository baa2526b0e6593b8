/* libvnseg gazetteer: lists of names (people, places, bodies) compiled for fast lookup. */
#ifndef VNSEG_GAZETTEER_H
#define VNSEG_GAZETTEER_H

#include "vnseg/common.h"

#ifdef __cplusplus
extern "C" {
#endif

/**
 * @file gazetteer.h
 *
 * A gazetteer maps names (`Triều Tiên`, `Liên Hợp Quốc`, `Hội đồng Bảo an`) to entries: a
 * type (::VNSEG_ENT_PER, ::VNSEG_ENT_LOC, ::VNSEG_ENT_ORG, ::VNSEG_ENT_MISC or a type of your
 * own) and an optional canonical id and name. The entity scanner (entities.h) finds its names
 * in tokenized documents.
 *
 * @par Making one
 * A ::vnseg_gazetteer_builder collects entries from code (vnseg_gazetteer_builder_add()), from
 * TSV text or files (vnseg_gazetteer_builder_add_tsv(), vnseg_gazetteer_builder_add_file()),
 * and from the built-in default lists (vnseg_gazetteer_builder_add_defaults()), then builds an
 * immutable ::vnseg_gazetteer. vnseg_gazetteer_save() writes it as a binary file that
 * vnseg_gazetteer_open() maps back into memory in constant time.
 *
 * @par TSV format
 * UTF-8, one entry per line, fields separated by tabs:
 *
 *     # comment
 *     NAME <TAB> TYPE [<TAB> CANONICAL_ID [<TAB> CANONICAL_NAME]]
 *
 *     Triều Tiên	LOC	country:KP	Triều Tiên
 *     Bắc Triều Tiên	LOC	country:KP	Triều Tiên
 *     Liên_Hợp_Quốc	ORG	un	Liên Hợp Quốc
 *     Hòa Bình	LOC
 *     VinFast	BRAND
 *     Anh	-
 *
 * - Blank lines and lines whose first non-blank character is `#` are skipped; a CR before the
 *   LF is removed; a byte-order mark at the start of the text is skipped.
 * - NAME: the name, its syllables joined by spaces or `_` (both mean the same). Leading and
 *   trailing spaces of every field are removed.
 * - TYPE: `PER`, `LOC`, `ORG`, `MISC`, or any other name of 1 to 32 ASCII letters, digits, `_`
 *   or `-`, which becomes a user-defined type. The type `-` removes every entry of NAME added
 *   before it (to drop a default name that misfires in your texts).
 * - CANONICAL_ID and CANONICAL_NAME are optional free text (no tabs). Without a canonical name
 *   the NAME is its own canonical name.
 * - A line with an empty NAME or TYPE, a bad type, more than four fields, invalid UTF-8 or a NAME
 *   of more than ::VNSEG_GAZ_MAX_NAME bytes is an error (::VNSEG_E_FORMAT) whose line number and
 *   byte offset are in vnseg_error_last(); nothing of that text is added then.
 *
 * @par Matching: lookup keys
 * Names are compared through their lookup key (vnseg_lookup_key()), so a name matches whatever
 * its spelling in Unicode normalization, separators, tone-mark style and look-alike letters:
 * `Hòa_Bình`, `Hoà Bình`, `Hoa` + U+0300 + ` Bình` (NFD) all match the entry `Hòa Bình`.
 * Case: by default each syllable's first letter must agree in case and the other letters are
 * compared without case, so `HÒA BÌNH` (a headline) matches `Hòa Bình` but `hòa bình` (peace)
 * does not; build with ::VNSEG_GAZ_FOLD_CASE to ignore case entirely.
 *
 * @par Several entries for one name
 * Entries are kept in the order they were added, one name may have several (`Georgia` as a
 * country and as a state); duplicates (same key, type, id and canonical name) are dropped.
 * vnseg_gazetteer_lookup() returns all of a name's entries, the one added last first: this is
 * the entry the scanner reports, so a user file added after the defaults overrides them.
 *
 * @par Binary file (version 1)
 * Little-endian, sections 8-byte aligned, in this order after a 192-byte header (magic
 * `VNSEGGAZ`, format version, byte-order mark, flags, the size of the whole file, hash seed,
 * counts, the offset and size of each section, a checksum of everything after the header and
 * one of the header itself):
 * - a hash table (open addressing, 8-byte slots: a 32-bit tag of the hash, a "name ends here"
 *   and a "longer names go on" bit, a name index) over the keys of every prefix of every name
 *   that ends at a syllable or punctuation boundary, so that the scanner extends a match token
 *   by token and finds the longest run of tokens that spells a name, however a segmenter cut
 *   it; about 70% full at most;
 * - the names (key offset and length in the pool, first entry, entry count: 16 bytes each);
 * - the entries (24 bytes: offsets and lengths of name, id and canonical name, type);
 * - the type names; a bit filter of the prefixes' hashes (16 bits per prefix) that turns most
 *   tokens away before the table is touched; a 65536-bit set of the names' first characters,
 *   checked before a token's key is even made; and the string pool.
 * A million names make a file of about 160 MB. Files are written and read on little-endian
 * machines only (::VNSEG_E_VERSION elsewhere). vnseg_gazetteer_save() writes a new file and
 * renames it over the old one, so a process that has the old file mapped keeps it whole; do not
 * truncate or rewrite a mapped file in place (reading a page that no longer exists is a SIGBUS,
 * which no check can prevent).
 *
 * @par Thread safety
 * A ::vnseg_gazetteer is immutable once built or opened: any number of threads may look up in
 * it and scan with it at once, without locks. A ::vnseg_gazetteer_builder is used by one
 * thread at a time.
 */

/** The built-in entity types: ids 0..3 in every gazetteer. User types get ids from 4 on. */
enum {
    VNSEG_ENT_PER = 0, /**< persons */
    VNSEG_ENT_LOC = 1, /**< places: countries, cities, provinces, rivers, streets */
    VNSEG_ENT_ORG = 2, /**< organizations: bodies, companies, agencies, newspapers */
    VNSEG_ENT_MISC = 3 /**< other names: languages, events, works */
};

/** Number of built-in types. */
#define VNSEG_ENT_BUILTIN_COUNT 4

/** Longest name (in bytes, as given) that a gazetteer accepts. */
#define VNSEG_GAZ_MAX_NAME 1024

/** Most types a gazetteer can hold, built-in ones included. */
#define VNSEG_GAZ_MAX_TYPES 256

/** Options of vnseg_lookup_key(). */
enum {
    VNSEG_KEY_FOLD_CASE = 1u << 0 /**< lower-case every letter (default: keep initials) */
};

/**
 * The lookup key of a name: the form under which gazetteers compare names. Two names match
 * exactly when their keys are equal. The key of `text` is made in this order:
 * 1. Ill-formed UTF-8 becomes U+FFFD; zero-width and format characters (ZWSP, ZWJ, soft
 *    hyphen, ...) are dropped; the text is put in Unicode NFC.
 * 2. Separators: `_` and white space (ASCII and Unicode spaces) separate syllables; every run
 *    of them becomes one space, none is kept at the start or end, and none next to
 *    punctuation (any character that is not a letter, mark or digit), so `TP. HCM` and
 *    `TP.HCM`, `Bà Rịa - Vũng Tàu` and `Bà Rịa-Vũng Tàu` have one key. Dashes U+2010..U+2015
 *    and U+2212 become `-`, U+2018 and U+2019 become `'`.
 * 3. Look-alikes of Đ: U+00D0 (Ð, eth) and U+0189 (Ɖ, African D) become U+0110 (Đ); U+00F0 (ð)
 *    and U+0256 (ɖ) become U+0111 (đ).
 * 4. Case: the first character of each syllable (and the character after a punctuation
 *    character) keeps its case and every other letter is lower-cased (simple case mapping), so
 *    `TRIỀU TIÊN` gives `Triều Tiên` and `Kim Jong-un` stays; with ::VNSEG_KEY_FOLD_CASE every
 *    letter is lower-cased.
 * 5. Tone marks are placed in the new style by vnseg_tone_style() (syllable.h), the library's
 *    one tone-placement canonicalizer, which users may call on its own: `hòa` and `hoà` both
 *    give `hoà`, `thủy` gives `thuỷ`, and `quý`, `già`, `hoàng` stay as they are.
 *
 * Buffer protocol like snprintf: with `out` NULL and `cap` 0 only the size is computed;
 * otherwise at most `cap` bytes are written. The key is not NUL-terminated.
 * @param out_len receives the size of the whole key, also when `cap` is too small.
 * @return ::VNSEG_OK; ::VNSEG_E_BUFFER when `cap` is too small; ::VNSEG_E_INVALID_ARG for
 *         `out_len` NULL, `text` NULL with `len` > 0, `out` NULL with `cap` > 0 or unknown
 *         flags; ::VNSEG_E_NOMEM.
 */
vnseg_status vnseg_lookup_key(const char *text, size_t len, uint32_t flags, char *out, size_t cap,
                              size_t *out_len);

/** Options of vnseg_gazetteer_builder_new(), recorded in the built gazetteer. */
enum {
    VNSEG_GAZ_FOLD_CASE = 1u << 0 /**< match without case (keys made with VNSEG_KEY_FOLD_CASE) */
};

/** Parts of the default gazetteer, for vnseg_gazetteer_builder_add_defaults(). */
enum {
    VNSEG_GAZ_DEFAULT_COUNTRIES = 1u << 0, /**< countries, territories, regions and continents
                                                 by their Vietnamese names from ICU's CLDR data
                                                 (`Triều Tiên`, `Hàn Quốc`, `Đông Nam Á`), plus
                                                 the short and press forms the project lists
                                                 (`Mỹ`, `Anh`, `Ukraine`): LOC */
    VNSEG_GAZ_DEFAULT_LANGUAGES = 1u << 1, /**< languages from CLDR (`tiếng Anh`): MISC */
    VNSEG_GAZ_DEFAULT_CITIES = 1u << 2,    /**< cities: CLDR time-zone exemplar cities in
                                                 Vietnamese (`Bình Nhưỡng`) and world cities in
                                                 their press spelling (`Moskva`): LOC */
    VNSEG_GAZ_DEFAULT_PROVINCES = 1u << 3, /**< Vietnam's 34 provinces and cities since the
                                                 2025 reform and the 63 before it: LOC */
    VNSEG_GAZ_DEFAULT_BODIES = 1u << 4,    /**< Vietnamese and international bodies, parties,
                                                 agencies and news media: ORG */
    VNSEG_GAZ_DEFAULT_ALL = 0x1f           /**< all of the above */
};

/** One entry of a gazetteer (as returned by vnseg_gazetteer_entry()), or one to add. */
typedef struct vnseg_gaz_entry {
    const char *name;      /**< the name as it was given (not its key) */
    size_t name_len;       /**< bytes of `name` */
    const char *id;        /**< canonical id (`country:KP`), or empty */
    size_t id_len;         /**< bytes of `id` */
    const char *canonical; /**< canonical name (`Triều Tiên` for `Bắc Triều Tiên`) */
    size_t canonical_len;  /**< bytes of `canonical` */
    uint32_t type;         /**< a type id (::VNSEG_ENT_PER ... or a user type) */
    uint32_t reserved;     /**< zero */
} vnseg_gaz_entry;

/** Collects entries and builds a gazetteer. Opaque; one thread at a time. */
typedef struct vnseg_gazetteer_builder vnseg_gazetteer_builder;

/** A built or opened gazetteer. Opaque, immutable, shareable between threads. */
typedef struct vnseg_gazetteer vnseg_gazetteer;

/**
 * A new, empty builder.
 * @param flags ::VNSEG_GAZ_FOLD_CASE or 0.
 * @param out receives the builder, owned by the caller (vnseg_gazetteer_builder_free()).
 * @return ::VNSEG_OK, ::VNSEG_E_NOMEM, ::VNSEG_E_INVALID_ARG (unknown flags, `out` NULL).
 */
vnseg_status vnseg_gazetteer_builder_new(uint32_t flags, vnseg_gazetteer_builder **out);

/** Free a builder. NULL is allowed. */
void vnseg_gazetteer_builder_free(vnseg_gazetteer_builder *b);

/**
 * The id of type `name` (`PER`, `LOC`, `ORG`, `MISC` or a user type, see the TSV format),
 * registering it when new.
 * @return ::VNSEG_OK; ::VNSEG_E_INVALID_ARG for a bad name; ::VNSEG_E_TOO_LARGE past
 *         ::VNSEG_GAZ_MAX_TYPES types; ::VNSEG_E_NOMEM.
 */
vnseg_status vnseg_gazetteer_builder_type(vnseg_gazetteer_builder *b, const char *name, size_t len,
                                          uint32_t *type);

/**
 * Add one entry. `e->name` is required; `e->id` and `e->canonical` may be NULL or empty;
 * `e->type` must be a built-in type or one returned by vnseg_gazetteer_builder_type(). The
 * strings are copied.
 * @return ::VNSEG_OK; ::VNSEG_E_INVALID_ARG (no name, a name whose key is empty or longer than
 *         ::VNSEG_GAZ_MAX_NAME, an unknown type, invalid UTF-8); ::VNSEG_E_NOMEM.
 */
vnseg_status vnseg_gazetteer_builder_add(vnseg_gazetteer_builder *b, const vnseg_gaz_entry *e);

/** Remove every entry added so far whose name has the key of `name` (as TSV type `-` does). */
vnseg_status vnseg_gazetteer_builder_remove(vnseg_gazetteer_builder *b, const char *name,
                                            size_t len);

/**
 * Add the entries of TSV text (see the format above). All or nothing: on an error nothing of
 * `text` is added and vnseg_error_last() holds the 1-based line and the byte offset of the bad
 * line in `text`.
 * @return ::VNSEG_OK, ::VNSEG_E_FORMAT, ::VNSEG_E_NOMEM.
 */
vnseg_status vnseg_gazetteer_builder_add_tsv(vnseg_gazetteer_builder *b, const char *text,
                                             size_t len);

/** Read a TSV file and add it like vnseg_gazetteer_builder_add_tsv(); also ::VNSEG_E_IO. */
vnseg_status vnseg_gazetteer_builder_add_file(vnseg_gazetteer_builder *b, const char *path);

/**
 * Add parts of the default gazetteer (VNSEG_GAZ_DEFAULT_* bits). CLDR names are read from the
 * ICU data the library runs with; the other lists are compiled into the library. Nothing is
 * downloaded.
 * @return ::VNSEG_OK, ::VNSEG_E_NOMEM, ::VNSEG_E_INVALID_ARG (unknown bits).
 */
vnseg_status vnseg_gazetteer_builder_add_defaults(vnseg_gazetteer_builder *b, uint32_t parts);

/**
 * Entries the builder holds now (removed ones and duplicates not counted). Counting resolves
 * removals and duplicates, which allocates: when memory runs out it returns 0 and sets
 * ::VNSEG_E_NOMEM in vnseg_error_last() (found by tests/test_alloc_fail.c), so a 0 from a
 * builder that had entries is to be checked there.
 */
size_t vnseg_gazetteer_builder_count(const vnseg_gazetteer_builder *b);

/**
 * Build the gazetteer. The builder is left as it was and may be used further.
 * @param out receives the gazetteer, owned by the caller (vnseg_gazetteer_free()). It does
 *        not refer to the builder.
 * @return ::VNSEG_OK, ::VNSEG_E_NOMEM, ::VNSEG_E_TOO_LARGE (more than 2^30 name prefixes or
 *         4 GiB of strings).
 */
vnseg_status vnseg_gazetteer_builder_build(const vnseg_gazetteer_builder *b, vnseg_gazetteer **out);

/**
 * The default gazetteer in one call: a builder with ::VNSEG_GAZ_DEFAULT_ALL, built. Takes
 * some milliseconds (it reads CLDR through ICU); build it once and share it between threads.
 * @param out receives it, owned by the caller (vnseg_gazetteer_free()).
 */
vnseg_status vnseg_gazetteer_default(vnseg_gazetteer **out);

/** Options of vnseg_gazetteer_open() and vnseg_gazetteer_open_memory(). */
enum {
    VNSEG_GAZ_OPEN_VERIFY = 1u << 0 /**< also run vnseg_gazetteer_verify() (reads everything) */
};

/**
 * Map a compiled gazetteer file (vnseg_gazetteer_save()) into memory, read-only.
 *
 * Opening checks, in constant time: the magic, the format version and byte order, the header
 * checksum, that the file's size is the size the header records, and that every section lies
 * inside the file, is aligned, does not overlap another and has the size its count implies.
 * What it does not read (the body checksum, every record's string offsets) is checked by
 * vnseg_gazetteer_verify(), or by this call with ::VNSEG_GAZ_OPEN_VERIFY. Lookups and scans
 * check each offset they follow, so even a file that passes the open checks but was altered
 * afterwards never makes them read outside the mapping: it can only give wrong answers.
 *
 * @param out receives the gazetteer, owned by the caller (vnseg_gazetteer_free() unmaps it).
 * @return ::VNSEG_OK; ::VNSEG_E_IO (cannot open or map, errno in the message); ::VNSEG_E_FORMAT
 *         (not a gazetteer, truncated, inconsistent, corrupt); ::VNSEG_E_VERSION (another
 *         format version or byte order); ::VNSEG_E_NOMEM.
 */
vnseg_status vnseg_gazetteer_open(const char *path, uint32_t flags, vnseg_gazetteer **out);

/**
 * Use a compiled gazetteer held in memory (for instance embedded in a program), with the checks
 * of vnseg_gazetteer_open(). The bytes are not copied: they must stay unchanged and alive until
 * vnseg_gazetteer_free(), and start at an address that is a multiple of 8.
 * @return as vnseg_gazetteer_open(), and ::VNSEG_E_INVALID_ARG for a misaligned `data`.
 */
vnseg_status vnseg_gazetteer_open_memory(const void *data, size_t len, uint32_t flags,
                                         vnseg_gazetteer **out);

/**
 * Check everything the constant-time open leaves out: the checksum of the whole file, and
 * that every node, entry, type and string reference is in bounds. Linear in the size.
 * @return ::VNSEG_OK or ::VNSEG_E_FORMAT (with what is wrong in the message).
 */
vnseg_status vnseg_gazetteer_verify(const vnseg_gazetteer *g);

/** Free (or unmap) a gazetteer. NULL is allowed. */
void vnseg_gazetteer_free(vnseg_gazetteer *g);

/**
 * The gazetteer's binary image, as vnseg_gazetteer_save() writes it: the same bytes for a
 * built gazetteer and for one opened from a file. Valid until vnseg_gazetteer_free().
 */
const void *vnseg_gazetteer_data(const vnseg_gazetteer *g, size_t *len);

/** Write the binary image to `path` (replacing it). @return ::VNSEG_OK or ::VNSEG_E_IO. */
vnseg_status vnseg_gazetteer_save(const vnseg_gazetteer *g, const char *path);

/** The VNSEG_GAZ_* build flags the gazetteer was made with. */
uint32_t vnseg_gazetteer_flags(const vnseg_gazetteer *g);

/** Number of entries (indices 0 .. count - 1). */
size_t vnseg_gazetteer_entry_count(const vnseg_gazetteer *g);

/**
 * Entry `index`. The strings point into the gazetteer, are not NUL-terminated and stay valid
 * until vnseg_gazetteer_free().
 * @return ::VNSEG_OK; ::VNSEG_E_INVALID_ARG for a bad index; ::VNSEG_E_FORMAT when the entry
 *         of an altered file points outside its string pool.
 */
vnseg_status vnseg_gazetteer_entry(const vnseg_gazetteer *g, size_t index, vnseg_gaz_entry *out);

/**
 * The entries of a name: indices `*first` .. `*first + *count - 1`, the primary entry (the one
 * added last) first.
 * @return ::VNSEG_OK; ::VNSEG_E_NOT_FOUND (`*count` 0); ::VNSEG_E_INVALID_ARG; ::VNSEG_E_NOMEM.
 */
vnseg_status vnseg_gazetteer_lookup(const vnseg_gazetteer *g, const char *name, size_t len,
                                    size_t *first, size_t *count);

/** Number of types (built-in ones included). */
size_t vnseg_gazetteer_type_count(const vnseg_gazetteer *g);

/**
 * The name of type `type` (`PER`, ... or a user type), NUL-terminated, valid until
 * vnseg_gazetteer_free(); for a NULL gazetteer the built-in names. NULL for an unknown id.
 */
const char *vnseg_gazetteer_type_name(const vnseg_gazetteer *g, uint32_t type);

/**
 * The id of type `name`.
 * @return ::VNSEG_OK or ::VNSEG_E_NOT_FOUND.
 */
vnseg_status vnseg_gazetteer_type_id(const vnseg_gazetteer *g, const char *name, size_t len,
                                     uint32_t *type);

#ifdef __cplusplus
}
#endif

#endif
