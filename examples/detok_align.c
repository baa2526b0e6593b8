/* Detokenize a segmented sentence and carry a label found on tokens over to the natural text,
 * then map a range of the natural text back to its tokens: the calls of vnseg/detok.h. */
#include <stdio.h>
#include <string.h>

#include <vnseg.h>

int main(void)
{
    const char *seg = "Bà Lê_Thị_Hoa , tiểu_thương ở chợ Hàn , kể : \" Nước lên nhanh quá ! \"";
    vnseg_doc *doc = vnseg_doc_new();
    vnseg_detok *d = NULL;
    if (!doc || vnseg_tokenize(doc, seg, strlen(seg), 0) != VNSEG_OK ||
        vnseg_detokenize(doc, 0, &d) != VNSEG_OK) {
        fprintf(stderr, "%s\n", vnseg_error_last()->message);
        vnseg_doc_free(doc);
        return 1;
    }
    size_t len;
    const char *text = vnseg_detok_text(d, &len);
    printf("%s\n", text);

    /* A model tagged tokens 1 (`Lê_Thị_Hoa`) as a person and 5..6 (`chợ Hàn`) as a place. */
    const struct {
        size_t first, count;
        const char *label;
    } found[] = {{1, 1, "PER"}, {5, 2, "LOC"}};
    for (size_t k = 0; k < sizeof found / sizeof *found; k++) {
        vnseg_span s;
        if (vnseg_detok_span_of(d, found[k].first, found[k].count, &s) == VNSEG_OK)
            printf("%s: bytes %llu..%llu of the text: \"%.*s\"\n", found[k].label,
                   (unsigned long long)s.offset, (unsigned long long)(s.offset + s.length),
                   (int)s.length, text + s.offset);
    }

    /* And back: which tokens does the user's selection `Nước lên` cover? */
    const char *sel = strstr(text, "Nước lên");
    size_t first, count;
    if (sel && vnseg_detok_tokens_of(d, (uint64_t)(sel - text), strlen("Nước lên"), &first,
                                     &count) == VNSEG_OK) {
        const vnseg_token *t = vnseg_doc_tokens(doc);
        printf("selection covers tokens %zu..%zu: \"%.*s\" in the input\n", first,
               first + count - 1,
               (int)(t[first + count - 1].offset + t[first + count - 1].length - t[first].offset),
               seg + t[first].offset);
    }
    /* Byte by byte: the space after `Bà` belongs to no token. */
    printf("byte 2 -> token %zu, byte 3 -> %s\n", vnseg_detok_token_at(d, 2),
           vnseg_detok_token_at(d, 3) == VNSEG_DETOK_NONE ? "none" : "a token");

    vnseg_detok_free(d);
    vnseg_doc_free(doc);
    return 0;
}
