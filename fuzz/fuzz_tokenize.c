/* Fuzz target: the tokenizer in strict and lenient mode, with the properties it promises:
 * strict fails exactly on ill-formed UTF-8; lenient never fails; tokens are in bounds, ordered,
 * disjoint and cover every byte that is not a separator; sentences partition the tokens;
 * syllables lie inside their token; token forms succeed. */
#include <string.h>

#include <vnseg.h>

#include "fuzz.h"

static void check_doc(const vnseg_doc *doc, const uint8_t *data, size_t size, bool leading_bom)
{
    size_t n = vnseg_doc_token_count(doc);
    const vnseg_token *t = vnseg_doc_tokens(doc);
    size_t pos = 0;
    for (size_t i = 0; i < n; i++) {
        FUZZ_CHECK(t[i].length >= 1 && t[i].length <= VNSEG_TOKEN_MAX_BYTES);
        FUZZ_CHECK(t[i].offset >= pos && t[i].offset + t[i].length <= size);
        FUZZ_CHECK(t[i].kind < VNSEG_KIND_COUNT && t[i].syllables >= 1);
        FUZZ_CHECK((t[i].flags >> VNSEG_TF_COUNT) == 0);
        /* The gap before the token holds separators only (a leading BOM counts as one). */
        size_t g = pos;
        if (pos == 0 && leading_bom)
            g = 3;
        while (g < t[i].offset) {
            uint32_t cp;
            size_t k = fuzz_decode(data + g, t[i].offset - g, &cp);
            FUZZ_CHECK(k && fuzz_is_separator(cp));
            g += k;
        }
        /* Syllables lie inside the token, in order. */
        size_t sp = 0, count = 0;
        uint64_t last = t[i].offset;
        vnseg_span syl;
        while (vnseg_doc_next_syllable(doc, i, &sp, &syl)) {
            FUZZ_CHECK(syl.offset >= last && syl.offset + syl.length <= t[i].offset + t[i].length);
            last = syl.offset + syl.length;
            count++;
        }
        FUZZ_CHECK(count == t[i].syllables);
        size_t need = 0;
        vnseg_status st = vnseg_doc_token_form(doc, i, VNSEG_FORM_NFC | VNSEG_FORM_SPACES, NULL,
                                               0, &need);
        FUZZ_CHECK(st == VNSEG_OK || st == VNSEG_E_BUFFER);
        pos = t[i].offset + t[i].length;
    }
    for (size_t g = pos == 0 && leading_bom ? 3 : pos; g < size;) {
        uint32_t cp;
        size_t k = fuzz_decode(data + g, size - g, &cp);
        FUZZ_CHECK(k && fuzz_is_separator(cp));
        g += k;
    }
    /* Sentences partition the tokens. */
    const vnseg_sentence *s = vnseg_doc_sentences(doc);
    uint64_t next = 0;
    for (size_t k = 0; k < vnseg_doc_sentence_count(doc); k++) {
        FUZZ_CHECK(s[k].first_token == next && s[k].token_count >= 1);
        next += s[k].token_count;
        FUZZ_CHECK(next <= n);
    }
    FUZZ_CHECK(next == n);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static vnseg_doc *doc;
    if (!doc)
        doc = vnseg_doc_new();
    /* The first byte chooses options, the rest is the text. */
    uint32_t opts = size ? (data[0] & (VNSEG_OPT_ESCAPES | VNSEG_OPT_NO_RUNON)) : 0;
    const uint8_t *text = size ? data + 1 : data;
    size_t len = size ? size - 1 : 0;
    bool bom = len >= 3 && text[0] == 0xEF && text[1] == 0xBB && text[2] == 0xBF;
    /* An exact-size copy lets ASan see a one-byte overread. */
    uint8_t *copy = malloc(len ? len : 1);
    memcpy(copy, text, len);

    bool valid = fuzz_valid_utf8(copy, len);
    vnseg_status st = vnseg_tokenize(doc, (const char *)copy, len, opts);
    FUZZ_CHECK(valid ? st == VNSEG_OK : st == VNSEG_E_INVALID_UTF8);
    if (st == VNSEG_OK)
        check_doc(doc, copy, len, bom);
    else
        FUZZ_CHECK(vnseg_error_last()->offset < len);

    st = vnseg_tokenize(doc, (const char *)copy, len, opts | VNSEG_OPT_LENIENT);
    FUZZ_CHECK(st == VNSEG_OK);
    check_doc(doc, copy, len, bom);
    free(copy);
    return 0;
}
