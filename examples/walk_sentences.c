/* Example: split an article into sentences and walk the syllables of each word; prints each
 * sentence in natural spelling (syllables joined by spaces) with its word count. */
#include <stdio.h>
#include <string.h>

#include <vnseg.h>

int main(void)
{
    const char *text = "Báo Mỹ nói ông Kim sắp gặp ông Putin tại Nga Lãnh_đạo Triều_Tiên "
                       "được cho là sẽ tới Nga tháng này . \" Tại_sao lại không nhỉ ? \" , "
                       "ông nói . Ảnh : KCNA";
    vnseg_doc *doc = vnseg_doc_new();
    if (!doc || vnseg_tokenize(doc, text, strlen(text), 0) != VNSEG_OK) {
        fprintf(stderr, "tokenize: %s\n", vnseg_error_last()->message);
        vnseg_doc_free(doc);
        return 1;
    }
    const vnseg_token *tokens = vnseg_doc_tokens(doc);
    const vnseg_sentence *sentences = vnseg_doc_sentences(doc);
    for (size_t s = 0; s < vnseg_doc_sentence_count(doc); s++) {
        const vnseg_sentence *sent = &sentences[s];
        size_t words = 0;
        printf("%zu%s:", s + 1, sent->flags & VNSEG_SF_GUESSED ? " (guessed start)" : "");
        for (size_t i = sent->first_token; i < sent->first_token + sent->token_count; i++) {
            words += tokens[i].kind == VNSEG_KIND_WORD;
            /* Each syllable is a byte span in `text`; print them separated by spaces. */
            size_t pos = 0;
            vnseg_span syl;
            const char *sep = " ";
            while (vnseg_doc_next_syllable(doc, i, &pos, &syl)) {
                printf("%s%.*s", sep, (int)syl.length, text + syl.offset);
                sep = tokens[i].syllables > 1 ? "·" : " ";
            }
        }
        printf("  [%zu words]\n", words);
    }
    vnseg_doc_free(doc);
    return 0;
}
