/* Combining marks as UTF-8 string literals, for writing NFD test strings by hand. */
#ifndef VNSEG_TEST_MARKS_H
#define VNSEG_TEST_MARKS_H

#define GRAVE "\xCC\x80" /* U+0300 huyền */
#define ACUTE "\xCC\x81" /* U+0301 sắc */
#define TILDE "\xCC\x83" /* U+0303 ngã */
#define HOOK "\xCC\x89"  /* U+0309 hỏi */
#define DOT "\xCC\xA3"   /* U+0323 nặng */
#define CIRC "\xCC\x82"  /* U+0302 circumflex */
#define BREVE "\xCC\x86" /* U+0306 breve */
#define HORN "\xCC\x9B"  /* U+031B horn */

#endif
