/* Example: normalize a decomposed string with a look-alike letter, decode VNI bytes, and show
 * where each changed piece came from.  Build: cc normalize_text.c $(pkg-config --cflags --libs
 * vnseg) */
#include <stdio.h>
#include <string.h>

#include <vnseg.h>

/* Print the text of a result and its changed pieces with their original byte ranges. */
static void show(const char *label, const vnseg_norm *n)
{
    size_t len;
    const char *text = vnseg_norm_text(n, &len);
    printf("%s: %.*s\n", label, (int)len, text);
    for (size_t i = 0; i < vnseg_norm_piece_count(n); i++) {
        size_t a, b, oa, ob;
        int copy;
        vnseg_norm_piece(n, i, &a, &b, &oa, &ob, &copy);
        if (!copy) printf("  %-4.*s <- original bytes %zu..%zu\n", (int)(b - a), text + a, oa, ob);
    }
}

int main(void)
{
    /* "Việt Nam ĐÀ NẴNG", written in NFD with U+00D0 for Đ. */
    const char *nfd = "Vie\xcc\xa3\xcc\x82t Nam \xc3\x90\xc3\x80 N\xe1\xba\xb4NG";
    vnseg_norm *n;
    if (vnseg_normalize(nfd, strlen(nfd), VNSEG_NORM_DEFAULT, &n) != VNSEG_OK) {
        fprintf(stderr, "normalize: %s\n", vnseg_error_last()->message);
        return 1;
    }
    show("NFD", n);
    vnseg_norm_free(n);

    /* "Việt Nam, Đà Nẵng" in VNI-Windows bytes, folded into a search key. */
    const char *vni = "Vie\xe4t Nam, \xd1"
                      "a\xf8 Na\xfcng";
    if (vnseg_decode_legacy(vni, strlen(vni), VNSEG_ENC_VNI, VNSEG_NORM_SEARCH, &n) != VNSEG_OK) {
        fprintf(stderr, "decode: %s\n", vnseg_error_last()->message);
        return 1;
    }
    show("VNI search key", n);
    vnseg_norm_free(n);
    return 0;
}
