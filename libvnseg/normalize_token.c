/* Clean copies of short texts for the tokenizer: ill-formed UTF-8 as U+FFFD, zero-width
 * characters dropped on request, then NFC through utf8proc. */
#include <string.h>

#include <utf8proc.h>

#include "chars.h"
#include "doc.h"
#include "utf8.h"

bool vn_buf_reserve(vn_buf *b, size_t extra)
{
    if (extra > SIZE_MAX - b->len)
        return false;
    return vn_grow((void **)&b->data, &b->cap, b->len + extra, 1);
}

void vn_buf_free(vn_buf *b)
{
    vn_free(b->data);
    b->data = NULL;
    b->len = b->cap = 0;
}

vnseg_status vn_normalize_append(vn_buf *out, vn_buf *tmp, const unsigned char *s, size_t n,
                                 bool nfc, bool drop_invisible)
{
    vn_chars_init();
    tmp->len = 0;
    if (n > SIZE_MAX / 3 || !vn_buf_reserve(tmp, 3 * n + 4))
        return VNSEG_E_NOMEM;
    const unsigned char *p = s, *end = s + n;
    while (p < end) {
        uint32_t cp;
        int k = vn_utf8_decode(p, end, &cp);
        if (k < 0) {
            memcpy(tmp->data + tmp->len, VN_REPLACEMENT_UTF8, VN_REPLACEMENT_LEN);
            tmp->len += VN_REPLACEMENT_LEN;
            p += -k;
            continue;
        }
        if (!(drop_invisible && k > 1 && (vn_char_class(cp) & VC_INVIS))) {
            memcpy(tmp->data + tmp->len, p, (size_t)k);
            tmp->len += (size_t)k;
        }
        p += k;
    }
    if (!nfc) {
        if (!vn_buf_reserve(out, tmp->len))
            return VNSEG_E_NOMEM;
        memcpy(out->data + out->len, tmp->data, tmp->len);
        out->len += tmp->len;
        return VNSEG_OK;
    }
    const utf8proc_option_t opts = UTF8PROC_STABLE | UTF8PROC_COMPOSE;
    utf8proc_ssize_t count =
        utf8proc_decompose(tmp->data, (utf8proc_ssize_t)tmp->len, NULL, 0, opts);
    if (count < 0)
        return VNSEG_E_NOMEM; /* cannot happen on the cleaned text */
    /* Decompose into 32-bit units placed (aligned) after out's text, then re-encode in place. */
    size_t align = (4 - (out->len & 3)) & 3;
    if ((size_t)count > (SIZE_MAX - align) / 4 || !vn_buf_reserve(out, align + (size_t)count * 4 + 4))
        return VNSEG_E_NOMEM;
    utf8proc_int32_t *units = (utf8proc_int32_t *)(void *)(out->data + out->len + align);
    utf8proc_decompose(tmp->data, (utf8proc_ssize_t)tmp->len, units, count, opts);
    utf8proc_ssize_t bytes = utf8proc_reencode(units, count, opts);
    if (bytes < 0)
        return VNSEG_E_NOMEM;
    memmove(out->data + out->len, units, (size_t)bytes);
    out->len += (size_t)bytes;
    return VNSEG_OK;
}
