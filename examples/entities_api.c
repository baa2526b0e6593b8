/* entities_api: the entity calls in one page (the example of docs/entities.md): a gazetteer
 * from the default lists and a TSV list of your own, compiled to a file and mapped back, one
 * document scanned, its mentions printed. Usage: entities_api [FILE.gaz] */
#include <stdio.h>
#include <string.h>

#include <vnseg.h>

static const char my_list[] = "# NAME <TAB> TYPE [<TAB> ID [<TAB> CANONICAL NAME]]\n"
                              "Vingroup\tORG\tvn:vingroup\tTập đoàn Vingroup\n"
                              "Phạm_Nhật_Vượng\tPER\n";

static const char text[] = "Ông Phạm_Nhật_Vượng , Chủ_tịch Vingroup , gặp Tổng_thống "
                           "John_Smith tại Nhà_Trắng hôm_qua . Mỹ_cáo_buộc Triều_Tiên .";

int main(int argc, char **argv)
{
    const char *path = argc > 1 ? argv[1] : "entities_api.gaz";
    vnseg_gazetteer_builder *b = NULL;
    vnseg_gazetteer *built = NULL, *gaz = NULL;
    vnseg_doc *doc = vnseg_doc_new();
    vnseg_mentions *m = vnseg_mentions_new();

    /* Build once (the defaults read CLDR through ICU), save, and map the file in later runs:
     * opening a compiled gazetteer takes constant time. */
    if (!doc || !m || vnseg_gazetteer_builder_new(0, &b) != VNSEG_OK ||
        vnseg_gazetteer_builder_add_defaults(b, VNSEG_GAZ_DEFAULT_ALL) != VNSEG_OK ||
        vnseg_gazetteer_builder_add_tsv(b, my_list, strlen(my_list)) != VNSEG_OK ||
        vnseg_gazetteer_builder_build(b, &built) != VNSEG_OK ||
        vnseg_gazetteer_save(built, path) != VNSEG_OK ||
        vnseg_gazetteer_open(path, 0, &gaz) != VNSEG_OK ||
        vnseg_tokenize(doc, text, strlen(text), 0) != VNSEG_OK ||
        vnseg_scan_entities(m, doc, gaz, 0) != VNSEG_OK) {
        fprintf(stderr, "entities_api: %s\n", vnseg_error_last()->message);
        return 1;
    }

    const vnseg_mention *x = vnseg_mentions_get(m);
    for (size_t i = 0; i < vnseg_mentions_count(m); i++) {
        const char *canon, *id;
        size_t canon_len, id_len;
        vnseg_mention_canonical(m, i, &canon, &canon_len);
        vnseg_mention_id(m, i, &id, &id_len);
        printf("%s\t%s\t%.*s\t%.*s\t%.*s\n", vnseg_gazetteer_type_name(gaz, x[i].type),
               vnseg_source_name(x[i].source), (int)x[i].length, text + x[i].offset,
               (int)canon_len, canon, (int)id_len, id);
    }

    /* Names match whatever their spelling: the lookup key of each form is the same. */
    char key[64];
    size_t key_len;
    vnseg_lookup_key("Thanh_Hóa", strlen("Thanh_Hóa"), 0, key, sizeof key, &key_len);
    printf("key of Thanh_Hóa: %.*s\n", (int)key_len, key);

    vnseg_mentions_free(m);
    vnseg_doc_free(doc);
    vnseg_gazetteer_free(gaz);
    vnseg_gazetteer_free(built);
    vnseg_gazetteer_builder_free(b);
    return 0;
}
