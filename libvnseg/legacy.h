/* Legacy Vietnamese encodings: code charts, decoders and encoders (internal). */
#ifndef VN_LEGACY_H
#define VN_LEGACY_H

#include <stdint.h>

#include "offset_map.h"
#include "vnletter.h"

/* One-byte charts: the code point of each byte from 0x80 on (0: no character there). Bytes
 * below 0x80 are ASCII except in VISCII (vn_viscii_low). */
extern const uint16_t vn_viscii_high[128];
extern const uint16_t vn_tcvn3_high[128];
extern const uint16_t vn_cp1258_high[128];
extern const uint16_t vn_cp1252_high[32]; /* 0x80..0x9F of Windows-1252 (A0..FF are Latin-1) */

/* The six capitals VISCII puts at C0 control positions. */
typedef struct vn_low_char {
    uint8_t byte;
    uint16_t cp;
} vn_low_char;
extern const vn_low_char vn_viscii_low[6];

/* VNI diacritic bytes (the same for both cases, lower-case form given, capital = byte - 0x20):
 * what each adds to the letter before it. */
typedef struct vn_vni_mark {
    uint8_t byte; /* lower-case form */
    uint8_t mod;  /* enum vn_mod, or VN_MOD_NONE */
    uint8_t tone; /* enum vn_tone, or VN_TONE_NONE */
} vn_vni_mark;
extern const vn_vni_mark vn_vni_marks[17];

/* VNI bytes that are whole letters (lower-case form): ơ ư đ and the i with tones. */
typedef struct vn_vni_letter {
    uint8_t byte;
    uint8_t sym;  /* enum vn_sym */
    uint8_t tone; /* enum vn_tone */
} vn_vni_letter;
extern const vn_vni_letter vn_vni_letters[8];

/* VIQR mark characters. */
enum { VN_VIQR_ESCAPE = '\\' };
unsigned vn_viqr_mod_of(unsigned char c);  /* ( ^ + * to a vn_mod, else 0 */
unsigned vn_viqr_tone_of(unsigned char c); /* ' ` ? ~ . to a vn_tone, else 0 */
char vn_viqr_mod_char(unsigned mod);
char vn_viqr_tone_char(unsigned tone);

/* Code point of the byte `b` in Windows-1252, or 0 when the byte is undefined there. */
uint32_t vn_cp1252_char(unsigned b);
/* The Windows-1252 byte of code point `cp`, or -1; with `latin1` the C1 controls U+0080..U+009F
 * also give their byte (what Latin-1 decoding and browsers leave for undefined bytes). */
int vn_cp1252_byte(uint32_t cp, bool latin1);

/* Decode in.. to UTF-8 through the emitter; bytes without a character are recorded in
 * `bad` as (offset, length) pairs and written as U+FFFD. */
typedef struct vn_spans {
    size_t *v; /* pairs */
    size_t n, cap;
    bool failed;
} vn_spans;
void vn_spans_add(vn_spans *s, size_t offset, size_t len);

/* Decode; *need receives the VN_NEED_* flags of the decoded text (a superset). */
vnseg_status vn_decode_legacy_pass(vn_emit *e, int encoding, vn_spans *bad, unsigned *need);

/* One level of mojibake repair (see vnseg_decode_legacy()); the emitter records what changed. */
vnseg_status vn_mojibake_pass(vn_emit *e);

#endif
