/* Mojibake repair: characters whose Windows-1252 (or Latin-1) bytes spell a UTF-8 character
 * (`á»‡` -> `ệ`) are put back; everything else is left as it is. */
#include <string.h>

#include "legacy.h"
#include "utf8.h"

/* The byte that character s[i..] stood for, and its length; -1 when it stands for none. */
static int byte_at(const unsigned char *s, size_t len, size_t i, size_t *k)
{
    uint32_t cp;
    int n = vn_utf8_decode(s + i, s + len, &cp);
    if (n < 0) return -1;
    *k = (size_t)n;
    return vn_cp1252_byte(cp, true);
}

vnseg_status vn_mojibake_pass(vn_emit *e)
{
    const unsigned char *s = e->in;
    size_t len = e->in_len;
    for (size_t i = 0; i < len;) {
        /* Only U+00C2..U+00F4 (C3 82..C3 B4) stand for a lead byte: jump from C3 to C3. */
        const unsigned char *c3 = memchr(s + i, 0xC3, len - i);
        if (!c3) break;
        i = (size_t)(c3 - s);
        size_t k = 0;
        int lead = byte_at(s, len, i, &k);
        if (lead < 0xC2 || lead > 0xF4) {
            i++;
            continue;
        }
        unsigned char bytes[4] = {(unsigned char)lead};
        size_t need = lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4, got = 1, j = i + k;
        while (got < need && j < len) {
            size_t kk = 0;
            int b = byte_at(s, len, j, &kk);
            if (b < 0x80 || b > 0xBF) break;
            bytes[got++] = (unsigned char)b;
            j += kk;
        }
        uint32_t cp;
        if (got == need && vn_utf8_decode(bytes, bytes + need, &cp) == (int)need) {
            vn_emit_unit(e, i, j, bytes, need);
            i = j;
        } else {
            i += k;
        }
    }
    return VNSEG_OK;
}
