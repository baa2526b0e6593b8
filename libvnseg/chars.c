/* Builds the tokenizer's character tables from ICU's Unicode data, once per process. */
#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>

#include <unicode/uchar.h>
#include <unicode/unorm2.h>

#include "chars.h"

uint32_t vn_ascii_features[128];
uint8_t vn_bmp_class[65536];

static pthread_once_t once = PTHREAD_ONCE_INIT;

static unsigned classify(uint32_t cp)
{
    unsigned c = 0;
    switch (u_charType((UChar32)cp)) {
    case U_UPPERCASE_LETTER:
    case U_TITLECASE_LETTER:
        c = VC_UPPER | VC_ALPHA;
        break;
    case U_LOWERCASE_LETTER:
        c = VC_LOWER | VC_ALPHA;
        break;
    case U_MODIFIER_LETTER:
    case U_OTHER_LETTER:
    case U_NON_SPACING_MARK:
    case U_COMBINING_SPACING_MARK:
    case U_ENCLOSING_MARK:
    case U_PRIVATE_USE_CHAR:
    case U_UNASSIGNED:
        c = VC_ALPHA;
        break;
    case U_DECIMAL_DIGIT_NUMBER:
        c = VC_DIGIT;
        break;
    case U_SPACE_SEPARATOR:
    case U_CONTROL_CHAR:
        c = VC_SEP;
        break;
    case U_LINE_SEPARATOR:
    case U_PARAGRAPH_SEPARATOR:
        c = VC_SEP | VC_BREAK;
        break;
    case U_FORMAT_CHAR:
        c = VC_INVIS;
        break;
    default:
        break;
    }
    if ((cp >= 0x0A && cp <= 0x0D) || cp == 0x85)
        c = VC_SEP | VC_BREAK;
    if (cp == 0x180E) /* Mongolian vowel separator: format-like, zero width */
        c = VC_INVIS;
    /* Variation selectors and the keycap mark belong to the emoji or symbol before them. */
    if ((cp >= 0xFE00 && cp <= 0xFE0F) || (cp >= 0xE0100 && cp <= 0xE01EF) || cp == 0x20E3)
        c = 0;
    if (u_getIntPropertyValue((UChar32)cp, UCHAR_NFC_QUICK_CHECK) != UNORM_YES)
        c |= VC_NFC_NO;
    return c;
}

unsigned vn_char_class_astral(uint32_t cp)
{
    return classify(cp);
}

static void build(void)
{
    for (uint32_t cp = 0; cp < 0x10000; cp++)
        vn_bmp_class[cp] = (uint8_t)(cp >= 0xD800 && cp <= 0xDFFF ? VC_ALPHA : classify(cp));
    for (unsigned b = 0; b < 128; b++) {
        uint32_t f = vn_bmp_class[b];
        switch (b) {
        case '_': f |= VF_US; break;
        case '.': f |= VF_DOT; break;
        case '@': f |= VF_AT; break;
        case '/': f |= VF_SLASH; break;
        case ':': f |= VF_COLON; break;
        case '-': f |= VF_HYPHEN; break;
        case ',': f |= VF_COMMA; break;
        case '\\': f |= VF_BSLASH; break;
        default:
            if (!(f & (VC_SEP | VC_ALPHA | VC_DIGIT)))
                f |= VF_OTHER;
        }
        vn_ascii_features[b] = f;
    }
}

/* Set (release) once the tables are built: callers that tokenize line by line test it instead
 * of calling pthread_once each time. */
static _Atomic bool built;

void vn_chars_init(void)
{
    if (atomic_load_explicit(&built, memory_order_acquire)) return;
    pthread_once(&once, build);
    atomic_store_explicit(&built, true, memory_order_release);
}

uint32_t vn_char_lower(uint32_t cp)
{
    return (uint32_t)u_tolower((UChar32)cp);
}

int vn_char_category(uint32_t cp)
{
    return (int)u_charType((UChar32)cp);
}
