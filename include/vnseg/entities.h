/* libvnseg entity scanner: mentions of people, places and organizations in tokenized text. */
#ifndef VNSEG_ENTITIES_H
#define VNSEG_ENTITIES_H

#include "vnseg/common.h"
#include "vnseg/gazetteer.h"
#include "vnseg/tokenizer.h"

#ifdef __cplusplus
extern "C" {
#endif

/**
 * @file entities.h
 *
 * vnseg_scan_entities() finds named-entity mentions in a tokenized document (tokenizer.h): the
 * names of a gazetteer (gazetteer.h), and names on no list found by rules. Each mention has a
 * token range, a byte span in the document's text, a type, its source and, for gazetteer
 * names, the entry it stands for.
 *
 * @par Gazetteer names
 * At each token the scanner takes the longest run of tokens whose lookup key (gazetteer.h) is
 * a name of the gazetteer, so `Liên_Hợp_Quốc`, `Liên Hợp Quốc` and `Liên_Hợp Quốc` all match
 * the entry `Liên Hợp Quốc`, and `Hội_đồng Bảo_an` matches `Hội đồng Bảo an`. Matches do not
 * cross a sentence end, except one that the tokenizer only guessed (::VNSEG_SF_GUESSED).
 *
 * @par Glued tokens
 * Segmenters sometimes glue a name to the words next to it (`Mỹ_cáo_buộc`, `xung_đột_Ukraine`,
 * `Triều Tiên_cáo_buộc`, `AFP_Mỹ`). Where a word mixes capitalized and lower-case syllables,
 * a run of capitalized syllables at its start or end is looked up on its own (and continues a
 * match from the tokens before it); a title-case word that is no name as a whole is split when
 * it divides completely into gazetteer names and acronyms, one name at least. Where position
 * capitalizes a word (see below), a leading run counts only when it is foreign or two or more
 * lower-case syllables follow it (`Mỹ_cáo_buộc` yes, `Anh_em` no). Such a mention starts or
 * ends inside a token: its byte span covers the name's syllables only and it has
 * ::VNSEG_MF_PARTIAL. A glued run on no list is a heuristic mention only when it is foreign
 * (`Ông Kirby_cáo_buộc`).
 *
 * @par Names on no list (heuristics)
 * Candidates are runs of up to five words in name shape: title case (every syllable
 * capitalized: `Kim_Jong-un`, `Vladimir Putin`), all capitals (`KCNA`), not a cue word, not a
 * single letter (`Á`), no inner dot (`T.Ư`), not a common noun often capitalized (`Internet`).
 * Position capitalizes a word at the start of a sentence, after an opening bracket or quote,
 * after a colon, and after the dash of a byline in capitals (`TTO - Trong ...`, `TT ( Hà_Nội )
 * - Ngày ...`); a one-syllable Vietnamese word there is no name (`Khi`, `Ông`, `Ảnh`),
 * unless it is a family name that starts a longer run. Words capitalized on their first
 * syllable only (`Lãnh_đạo`) are never person or place names. The words around a run decide
 * its type (the first rule that applies wins):
 * - an organization head (`Bộ`, `Sở`, `Cục`, `Hội_đồng`, `Ủy_ban`, `Công_ty`, `tập_đoàn`,
 *   `Bệnh_viện`, `Trường`, `hãng`, ...) starts an ORG whose span includes the head, followed by
 *   words capitalized on their first syllable (`Bộ Y_tế`, `Hội_đồng An_ninh Quốc_gia`,
 *   `câu_lạc_bộ Công_an`), `và` before another such word, and lower-case words of a field or
 *   that organization names use (`Sở Giao_thông vận_tải`, `Trung_tâm Dự_báo khí_tượng
 *   thủy_văn quốc_gia`), also after `và` or a dash (`Ngân_hàng Đầu_tư và phát_triển`,
 *   `Uỷ_ban Dân_số - gia_đình và trẻ_em`); a head capitalized inside a sentence starts a name
 *   with such lower-case words alone (`Tổng_công_ty đầu_tư và kinh_doanh vốn nhà_nước`); a
 *   number of one to three digits may end the name (`Tổng_công_ty Xây_dựng công_trình
 *   giao_thông 1`, `Công_ty Xây_dựng 584`; not a year); an administrative body, or one
 *   already named, takes the place after it whole (`Ủy_ban nhân_dân thành_phố Đà_Nẵng`, `Sở
 *   Y_tế Hà_Nội`, `Tổng_cục du_lịch VN`), also a numbered district (`Phòng TC - KH Q. 3`) or
 *   `TP` alone (`UBND TP`, `BHXH TP`: the paper's city). Acronyms joined by a dash or `&` are
 *   one name (`Bộ KH - ĐT`, `Ban VHXH - HĐND TP`). A capitalized head alone inside a sentence
 *   with an acronym in brackets after it gives two ORGs (`Bảo_hiểm_xã_hội ( BHXH )`).
 *   A head before a gazetteer organization joins it (`tập_đoàn Wagner`). `&` or a dash may
 *   join fields too (`Sở Công_nghiệp & thương_mại`, `bộ Giáo_dục – Đào_tạo`). After an office
 *   right before the head (`Chủ_tịch`, `Thứ_trưởng`, `Giám_đốc`), the name stops before a
 *   person's full name (three syllables or more, a family name first: `Giám_đốc Sở
 *   Giao_thông vận_tải` + `Lê_Minh_Tuấn`), and the place after an administrative body's place
 *   head is one word (`Chủ_tịch UBND xã Đồng_Tâm` + `Hà_Văn_Khải`). A gazetteer place read at
 *   the start of a glued word right after a capitalized head is dropped for the name (`Vụ
 *   Pháp_chế`: legal affairs, not France). `Đảng` capitalized alone inside a sentence is an
 *   ORG (the party). A lower-case `phòng` is a head only before an acronym (`phòng QLĐT`; not
 *   `phòng kinh_doanh Công_ty ...`); a military unit takes its number (`sư_đoàn 4`); a
 *   capitalized `Ban` inside a sentence takes the lower-case words of its task up to a
 *   punctuation mark, with a code at their end (`Ban quản_lý dự_án đại_lộ đông_tây ,`, `Ban
 *   chỉ_đạo chuyên_án 27B ,`); an administrative acronym listed before another is an ORG of
 *   its own (`HĐND , UBND TP`);
 * - a place head (`tỉnh`, `thành_phố`, `huyện`, `quận`, `phường`, `xã`, `đường`, `sông`,
 *   `cảng`, `sân`, `chợ`, `miền`, the abbreviations `TP.` `Q.` `P.` ...) makes a LOC whose span
 *   includes the head: before a gazetteer place (`tỉnh Quảng_Nam`), before a name even when that
 *   name is itself a cue word (`sông Cầu`), and before a number for districts and wards
 *   (`quận 8`, `Q. 8`); a place head right after `miền` or `vùng` is no head (`miền núi`),
 *   and a name after it is a LOC; a zone with its kind is a LOC (`khu đô_thị mới Nam_Phong`,
 *   `Khu công_nghiệp Tân_Mỹ II`); so are `rạch` (a canal) and `khách_sạn` (a hotel) with
 *   their names, a continent glued to a lower-case `châu` (`châu_Phi`, over a listed name
 *   inside it; found while the gazetteer is read, so not without one nor with
 *   ::VNSEG_SCAN_NO_GLUED) and a ward or district glued to its abbreviated head (`Q.Tân_Bình`);
 * - a person title or form of address (`ông`, `bà`, `Tổng_thống`, `Bộ_trưởng`, `lãnh_đạo`,
 *   `phát_ngôn_viên`, ...) before it, possibly with the title's field and places or bodies in
 *   between (`Bộ_trưởng Quốc_phòng Nga Sergey_Shoigu`), makes a PER that leaves the title out;
 *   so do initials after a title (`bác_sĩ P.`, `anh N.V.B`), and a one-syllable gazetteer
 *   place right after a form of address by kin is a given name (`chị Nga`: PER, while
 *   `Tổng_thống Nga` stays a place); a family name that is also a place word is a name after
 *   a title (`ông Châu`, `bà Hồ`); but an acronym after a title is an ORG (`đại_biểu QH`);
 * - a one-syllable word capitalized by position before a verb of speech and a colon is a PER
 *   (`Châu nói : " ...`);
 * - the kind of a shop before it (`tiệm`, `hiệu`, `tiệm vàng`, `hiệu thuốc`) makes an ORG that
 *   leaves the kind out (`tiệm vàng Ngọc_Lan`), and so is a name after that one and a comma;
 * - a one-syllable word before `ơi` is a PER wherever it stands (a vocative: `" Lan ơi`), a
 *   form of address excepted (`Anh ơi`);
 * - a place word before it (`tại`, `ở`, `tới`, `đến`, `thăm`, `sang`, `từ`, `địa_bàn`,
 *   `giao_lộ`, `đất`, `quê`, `thuỷ_điện`, ...) makes a LOC, and so does a house number after a comma, a
 *   place word, `số` or the sentence start (`, 282 Nơ_Trang_Long`, `số 12 Cống_Quỳnh`);
 * - brackets make a LOC of a street or place named after a person: a district in brackets
 *   after it (`Lê_Văn_Sĩ ( quận 3 )`), a name in brackets after a place (`đường Cống_Quỳnh (
 *   Tân_Định )`), and the first part of an address in brackets before a gazetteer place
 *   (`( Đông_Hải , Bạc_Liêu )`; not when it starts with a family name: a person and a home
 *   town);
 * - a word whose first syllable starts the place names of the highlands (`Ia`, `Ea`, `Chư`,
 *   `Krông`, `Đắk`, `Kon`, `Buôn`) is a LOC (`Ia_Grai`);
 * - the head of another kind of name (`bão`, `hiệp_định`, `tên_lửa`, ...) makes a MISC (not
 *   the code of a strain: `virus H7N9` is no name);
 * - a one-syllable word joined by a dash to a place (`Nga - Triều`) is a LOC;
 * - after `,` or `và` that follow a name typed by its head, the type of that name (`các đường
 *   Đỗ_Quang , Tô_Ngọc_Vân và Văn_Cao`); after a dash that follows a place found by a place
 *   word, a place (`giao_lộ Lê_Lai - Nguyễn_Thị_Nghĩa`); a given name after `và` and a person
 *   (`Lan và Huệ`); a place between a place and a comma and a gazetteer place (`từ Phước_Hưng
 *   , Long_Điền , Đồng_Nai`; not a full name), and the first of names listed before `và` and a
 *   place with its head (`Dlei , Knia và làng Thơ`); a full person's name after a place with
 *   its head and a comma is a PER, unless the head is a street's (`cửa_khẩu Lạc_Sơn ,
 *   Trần_Văn_Tám`, but `đường Bà_Triệu , Lê_Văn_Lương`);
 * - a one-syllable Vietnamese word or a two-syllable word after a word for a people (`người
 *   Việt`, `quân Thanh`, `người Xơ_Đăng`) is no name, nor are capitals after a quantifier
 *   (`các DN`, `những BN`: abbreviated nouns) or after a number and a slash (`15 / GPĐT`: a
 *   document's code), nor an acronym in brackets that spells the words before it when the
 *   first of them is in lower case (`an_toàn thực_phẩm ( ATTP )`, `đại_biểu Quốc_hội (
 *   ĐBQH )`), nor `Luật` alone (a law; not annotated in the samples);
 * - otherwise: an acronym of 2 to 8 capitals (ASCII or `Đ`; not a common one like `USD` or
 *   `GDP`) is an ORG, a glued word in capitals that starts with a family name is a PER (a
 *   byline's `NGUYỄN_VĂN_AN`), and other capitals (emphasis) are no name;
 *   a one-syllable Vietnamese word right before a lower-case word is no name (`Luật
 *   doanh_nghiệp`), unless that word follows a subject (`đã`, `vẫn`, `thì`, `nói`, `khóc`,
 *   `được`, ...: `còn Lành thì ...`) or is `và` before another one-syllable name (`Mến và
 *   Hoà`); a bullet (`*`, `+`) at a line's start capitalizes the word after it; any
 *   other run is a PER (people are the most frequent names in news). Common abbreviations of
 *   the press are no organizations (`SXH`, `BN`, `ĐD`, `KCB`, `CMND`, `AK`, `PV`, `CTV`).
 * A run whose last syllable ends organization names (`FC`, `United`, `Airlines`, `Times`) is
 * an ORG, and so is a foreign word ending in `exco` or `imex` (`Tracimexco`, a trade name),
 * and such a word right after a name makes that name an ORG (`Hà_Nội FC`).
 * The acronym of a byline at the start of a line (`TT - `, `TTO ( Hà_Nội ) - `) is an ORG (the
 * newspaper), and so is the name on a line that credits its source (`Theo Phụ_Nữ TP. HCM`).
 * A glued name in capitals or initials alone on a line is a PER (a byline: `MINH_THU`,
 * `T.TU`).
 * Entity spans follow the conventions of Vietnamese NER corpora (VLSP): a LOC or ORG span
 * includes its head noun, a PER span leaves the title out. Sentences written mostly in capitals
 * (headlines) get no heuristic mentions except foreign words.
 *
 * @par Precedence
 * Gazetteer matches come first; heuristic mentions are made from the tokens no gazetteer match
 * covers, so a heuristic mention never cuts or overlaps a gazetteer name. A gazetteer name may
 * grow by a head noun before it (`tỉnh` + `Quảng Nam`) and keeps its entry then. A
 * one-syllable name that is also a form of address, capitalized by position and followed by a
 * lower-case word other than `và`, is the pronoun and no mention (`Anh cho biết`: he said, not
 * England); so is one before a one-syllable given name, wherever it stands (`Anh Tâm`). The
 * organization rule may take a gazetteer place whole into a longer name (`Ủy_ban nhân_dân
 * thành_phố` + `Đà_Nẵng`), and a suffix word may make it an organization's (`Hà_Nội FC`): the
 * longer name is a heuristic mention without an entry. Mentions never overlap and are reported
 * in text order.
 *
 * @par Canonical names
 * A gazetteer mention's canonical name is its entry's. A heuristic mention's is its text in
 * NFC with spaces for `_` (`Trần Văn Minh`); a person mentioned by part of a name given in full
 * elsewhere in the same document (`Putin` after `Vladimir_Putin`, `ông Kim` after
 * `Kim_Jong-un`) takes the full name's canonical name (see ::vnseg_mention.link). Names are
 * compared by their lookup keys (vnseg_lookup_key()). A heuristic mention typed by no cue takes
 * the type of a cued mention of the same name in the document (`Noru` after `bão Noru`). A
 * one-syllable word capitalized by position before a word that follows a subject (`Nhàn chưa
 * kịp nói`) is a PER only when the document has a person mention of the same name (`mẹ của
 * Nhàn`), and no mention otherwise or with ::VNSEG_SCAN_NO_LINKS.
 *
 * @par Thread safety
 * A ::vnseg_mentions result is used by one thread at a time. Scanning only reads the document
 * and the gazetteer, so many threads may scan at once with one shared gazetteer, each with its
 * own result (and its own document, or one document nobody tokenizes into meanwhile).
 */

/** Where a mention comes from (::vnseg_mention.source). */
enum {
    VNSEG_SOURCE_GAZETTEER = 0, /**< a gazetteer name */
    VNSEG_SOURCE_HEURISTIC = 1  /**< found by the rules above */
};

/** Mention flags (bits of ::vnseg_mention.flags). */
enum {
    VNSEG_MF_PARTIAL = 1u << 0,       /**< starts or ends inside a token (glued word) */
    VNSEG_MF_HEAD = 1u << 1,          /**< the span includes a head noun before the name */
    VNSEG_MF_CUED = 1u << 2,          /**< typed by a word around it (title, place word, head) */
    VNSEG_MF_FOREIGN = 1u << 3,       /**< holds a word that is not Vietnamese */
    VNSEG_MF_ACRONYM = 1u << 4,       /**< an acronym */
    VNSEG_MF_SENTENCE_START = 1u << 5 /**< starts a sentence */
};

/** Marker for "no entry" and "no link". */
#define VNSEG_NO_ENTRY UINT32_MAX

/** One mention. 48 bytes. */
typedef struct vnseg_mention {
    uint64_t offset;      /**< byte offset of the mention in the document's text */
    uint64_t length;      /**< its length in bytes */
    uint64_t first_token; /**< the first token it overlaps */
    uint32_t token_count; /**< the number of tokens it overlaps (>= 1) */
    uint32_t type;        /**< a type id: ::VNSEG_ENT_PER ... or a user type of the gazetteer */
    uint32_t entry;       /**< the gazetteer entry it stands for, or ::VNSEG_NO_ENTRY */
    uint32_t link;        /**< a mention of this result that gives this one's full name (same
                               person), or ::VNSEG_NO_ENTRY */
    uint16_t source;      /**< ::VNSEG_SOURCE_GAZETTEER or ::VNSEG_SOURCE_HEURISTIC */
    uint16_t flags;       /**< VNSEG_MF_* bits */
    uint32_t reserved;    /**< zero */
} vnseg_mention;

/** Options of vnseg_scan_entities(), or-ed together; 0 for every rule. */
enum {
    VNSEG_SCAN_NO_HEURISTICS = 1u << 0, /**< gazetteer names only */
    VNSEG_SCAN_NO_GLUED = 1u << 1,      /**< do not look inside glued tokens */
    VNSEG_SCAN_NO_HEADS = 1u << 2,      /**< spans leave head nouns out (`Quảng_Nam`) */
    VNSEG_SCAN_NO_LINKS = 1u << 3       /**< do not link short person names to full ones */
};

/** The mentions found in one document. Opaque; reuse it for many documents. */
typedef struct vnseg_mentions vnseg_mentions;

/** A new, empty result. NULL on no memory. Free with vnseg_mentions_free(). */
vnseg_mentions *vnseg_mentions_new(void);

/** Free a result. NULL is allowed. */
void vnseg_mentions_free(vnseg_mentions *m);

/**
 * Find the mentions of `doc` and store them in `m`, replacing what it held.
 * @param gaz a gazetteer, or NULL for heuristics only. It must outlive the use of `m`'s
 *        gazetteer mentions (their entries and canonical names point into it).
 * @param options VNSEG_SCAN_* bits.
 * @return ::VNSEG_OK; ::VNSEG_E_NOMEM (then `m` holds no mentions; nothing leaked);
 *         ::VNSEG_E_INVALID_ARG for a NULL `m` or `doc`, or unknown options.
 */
vnseg_status vnseg_scan_entities(vnseg_mentions *m, const vnseg_doc *doc,
                                 const vnseg_gazetteer *gaz, uint32_t options);

/** Number of mentions found by the last scan. */
size_t vnseg_mentions_count(const vnseg_mentions *m);

/** The mentions, in text order, or NULL when there are none. Valid until the next scan. */
const vnseg_mention *vnseg_mentions_get(const vnseg_mentions *m);

/**
 * The canonical name of mention `index` (see "Canonical names" above). Not NUL-terminated.
 * Points into the gazetteer or into `m`; valid until the next scan or vnseg_mentions_free().
 * @return ::VNSEG_OK or ::VNSEG_E_INVALID_ARG for a bad index.
 */
vnseg_status vnseg_mention_canonical(const vnseg_mentions *m, size_t index, const char **name,
                                     size_t *len);

/**
 * The canonical id of mention `index`: its gazetteer entry's id, or empty. Not NUL-terminated;
 * valid as vnseg_mention_canonical()'s name.
 */
vnseg_status vnseg_mention_id(const vnseg_mentions *m, size_t index, const char **id, size_t *len);

/** "gazetteer" or "heuristic"; "?" for anything else. */
const char *vnseg_source_name(unsigned source);

#ifdef __cplusplus
}
#endif

#endif
