/* Example: tokenize one string of segmented Vietnamese and print each token with its kind,
 * flags and byte range.  Build: cc tokenize_string.c $(pkg-config --cflags --libs vnseg) */
#include <stdio.h>
#include <string.h>

#include <vnseg.h>

int main(void)
{
    const char *text = "Tổng_thống Nga Vladimir_Putin ( phải ) và lãnh_đạo Triều_Tiên "
                       "Kim_Jong-un tại Vladivostok hồi tháng 4/2019 .";
    vnseg_doc *doc = vnseg_doc_new();
    if (!doc)
        return 1;
    if (vnseg_tokenize(doc, text, strlen(text), 0) != VNSEG_OK) {
        const vnseg_error *e = vnseg_error_last();
        fprintf(stderr, "tokenize: %s (byte %llu)\n", e->message, (unsigned long long)e->offset);
        vnseg_doc_free(doc);
        return 1;
    }
    const vnseg_token *tokens = vnseg_doc_tokens(doc);
    for (size_t i = 0; i < vnseg_doc_token_count(doc); i++) {
        const vnseg_token *t = &tokens[i];
        printf("%3llu-%-3llu %-8s %u  %.*s", (unsigned long long)t->offset,
               (unsigned long long)(t->offset + t->length), vnseg_kind_name(t->kind),
               t->syllables, (int)t->length, text + t->offset);
        for (uint32_t bit = 1; bit < (1u << VNSEG_TF_COUNT); bit <<= 1)
            if (t->flags & bit & ~(uint32_t)VNSEG_TF_SPACE_AFTER)
                printf(" [%s]", vnseg_flag_name(bit));
        printf("\n");
    }
    vnseg_doc_free(doc);
    return 0;
}
