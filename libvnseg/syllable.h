/* Internal entry points of the syllable checker (TEMPORARY stand-in until the module lands). */
#ifndef VN_SYLLABLE_H
#define VN_SYLLABLE_H

#include <stdbool.h>
#include <stddef.h>

bool vn_syllable_valid_nfc(const unsigned char *s, size_t len);

#endif
