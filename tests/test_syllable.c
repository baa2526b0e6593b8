/* Tests of the Vietnamese letter tables, the syllable checker and parser, and tone placement. */
#include <pthread.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>
#include <utf8proc.h>

#include "syllable.h"
#include "utf8dec.h"
#include "vnletter.h"
#include "vnseg.h"
#include "marks.h"

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

static int check(const char *s)
{
    return vnseg_syllable_check(s, strlen(s));
}

/* The fast path, its parser-based twin and the full checker must agree on NFC input. */
static void expect_valid(const char *s, int want)
{
    const unsigned char *u = (const unsigned char *)s;
    if (check(s) != want) fail_msg("vnseg_syllable_check(\"%s\") should be %d", s, want);
    if (vn_syllable_valid_nfc(u, strlen(s)) != want)
        fail_msg("vn_syllable_valid_nfc(\"%s\") should be %d", s, want);
    if (vn_syllable_valid_nfc_parser(u, strlen(s)) != want)
        fail_msg("vn_syllable_valid_nfc_parser(\"%s\") should be %d", s, want);
}

static void expect_all(const char *const *list, size_t n, int want)
{
    for (size_t i = 0; i < n; i++)
        expect_valid(list[i], want);
}

#define ACCEPT(...)                                                                                \
    do {                                                                                           \
        static const char *const list_[] = {__VA_ARGS__};                                          \
        expect_all(list_, COUNT(list_), 1);                                                        \
    } while (0)
#define REJECT(...)                                                                                \
    do {                                                                                           \
        static const char *const list_[] = {__VA_ARGS__};                                          \
        expect_all(list_, COUNT(list_), 0);                                                        \
    } while (0)

/* ---- letters ---------------------------------------------------------------------------- */

/* What utf8proc's canonical decomposition says vn_letter_of(cp) must be: a letter exactly
 * when cp is an ASCII letter followed by at most one modifier and one tone mark that fit it. */
static vn_letter expected_letter(int32_t cp)
{
    if (cp == 0x110 || cp == 0x111) return vn_letter_pack(VN_DD, 0, cp == 0x110);
    utf8proc_int32_t d[8];
    utf8proc_ssize_t n = utf8proc_decompose_char(cp, d, 8, UTF8PROC_DECOMPOSE, NULL);
    /* Singletons such as U+212A KELVIN SIGN -> K never survive NFC: not in the table. */
    if (n < 1 || n > 8 || d[0] >= 0x80 || (n == 1 && d[0] != cp)) return 0;
    int32_t low = d[0] | 0x20;
    if (low < 'a' || low > 'z') return 0;
    unsigned sym = vn_sym_make((char)low, VN_MOD_NONE), tone = 0, mod, t;
    bool upper = !(d[0] & 0x20);
    bool has_mod = false;
    for (utf8proc_ssize_t i = 1; i < n; i++) {
        if (!vn_mark_of((uint32_t)d[i], &mod, &t)) return 0;
        if (mod) {
            if (has_mod || !(sym = vn_sym_add_mod(sym, mod))) return 0;
            has_mod = true;
        } else {
            if (tone || !vn_sym_is_vowel(sym)) return 0;
            tone = t;
        }
    }
    return vn_letter_pack(sym, tone, upper);
}

static void test_letters_match_unicode(void **state)
{
    (void)state;
    unsigned letters = 0;
    for (int32_t cp = 0; cp <= 0x10FFFF; cp++) {
        if (cp >= 0xD800 && cp <= 0xDFFF) continue;
        vn_letter want = expected_letter(cp), got = vn_letter_of((uint32_t)cp);
        if (want != got)
            fail_msg("U+%04X: table gives %#x, Unicode says %#x", (unsigned)cp, got, want);
        letters += got != 0;
    }
    /* 52 ASCII letters; 12 vowels x 6 tones x 2 cases, less the plain a e i o u y of both
     * cases counted with ASCII; đ Đ. */
    assert_int_equal(letters, 52 + 144 - 2 * 6 + 2);
}

static void test_letters_compose(void **state)
{
    (void)state;
    for (unsigned sym = VN_A; sym < VN_SYM_COUNT; sym++)
        for (unsigned tone = 0; tone < VN_TONE_COUNT; tone++)
            for (int upper = 0; upper < 2; upper++) {
                vn_letter l = vn_letter_pack(sym, tone, upper);
                uint32_t cp = vn_letter_code_point(l);
                if (!vn_sym_is_vowel(sym) && tone) {
                    assert_int_equal(cp, 0);
                    continue;
                }
                assert_int_equal(vn_letter_of(cp), l);
                if (sym == VN_DD) continue;
                /* NFC of base + modifier mark + tone mark is that code point. */
                char nfd[16];
                size_t n = 0;
                char base = vn_sym_base(sym);
                nfd[n++] = upper ? (char)(base - 0x20) : base;
                static const char *const mod_mark[] = {"", BREVE, CIRC, HORN, ""};
                static const char *const tone_mark[] = {"", GRAVE, ACUTE, HOOK, TILDE, DOT};
                n += (size_t)sprintf(nfd + n, "%s%s", mod_mark[vn_sym_mod(sym)], tone_mark[tone]);
                unsigned char want[4];
                size_t wn = vn_utf8_encode(cp, want);
                utf8proc_uint8_t *nfc = utf8proc_NFC((const utf8proc_uint8_t *)nfd);
                assert_non_null(nfc);
                assert_int_equal(strlen((char *)nfc), wn);
                assert_memory_equal(nfc, want, wn);
                free(nfc);
            }
}

static void test_letters_parts(void **state)
{
    (void)state;
    vn_letter_parts p;
    assert_true(vn_letter_decompose(0x1EA4, &p)); /* Ấ */
    assert_int_equal(p.base, 'a');
    assert_int_equal(p.mod, VN_MOD_CIRCUMFLEX);
    assert_int_equal(p.tone, VN_TONE_ACUTE);
    assert_true(p.upper);
    assert_true(vn_letter_decompose(0x110, &p)); /* Đ */
    assert_int_equal(p.base, 'd');
    assert_int_equal(p.mod, VN_MOD_STROKE);
    assert_true(p.upper);
    assert_true(vn_letter_decompose('q', &p));
    assert_int_equal(p.base, 'q');
    assert_false(p.upper);
    assert_false(vn_letter_decompose('1', &p));
    assert_false(vn_letter_decompose(0xE4, &p)); /* ä */
    assert_false(vn_letter_decompose(0x301, &p));
    assert_int_equal(vn_letter_compose('a', VN_MOD_CIRCUMFLEX, VN_TONE_ACUTE, true), 0x1EA4);
    assert_int_equal(vn_letter_compose('u', VN_MOD_HORN, VN_TONE_DOT, false), 0x1EF1); /* ự */
    assert_int_equal(vn_letter_compose('d', VN_MOD_STROKE, 0, false), 0x111);
    assert_int_equal(vn_letter_compose('y', 0, VN_TONE_TILDE, true), 0x1EF8); /* Ỹ */
    assert_int_equal(vn_letter_compose('i', 0, VN_TONE_TILDE, false), 0x129); /* ĩ */
    assert_int_equal(vn_letter_compose('e', VN_MOD_HORN, 0, false), 0);
    assert_int_equal(vn_letter_compose('b', 0, VN_TONE_ACUTE, false), 0);
    assert_int_equal(vn_letter_compose('A', 0, 0, false), 0);
    assert_int_equal(vn_letter_compose('a', 0, 9, false), 0);

    /* What accent folding will do with it: keep the base letter and its case. */
    const char *in = "Đường Hoà Bình";
    char out[32];
    size_t n = 0;
    for (size_t i = 0; in[i];) {
        uint32_t cp = 0;
        size_t k = vn_utf8_decode_len((const unsigned char *)in + i, strlen(in + i), &cp);
        assert_true(k > 0);
        out[n++] =
            vn_letter_decompose(cp, &p) ? (char)(p.upper ? p.base - 0x20 : p.base) : (char)cp;
        i += k;
    }
    out[n] = 0;
    assert_string_equal(out, "Duong Hoa Binh");

    unsigned mod, tone;
    assert_true(vn_mark_of(0x323, &mod, &tone));
    assert_int_equal(tone, VN_TONE_DOT);
    assert_int_equal(mod, 0);
    assert_true(vn_mark_of(0x31B, &mod, &tone));
    assert_int_equal(mod, VN_MOD_HORN);
    assert_true(vn_mark_of(0x341, &mod, &tone));
    assert_int_equal(tone, VN_TONE_ACUTE);
    assert_false(vn_mark_of(0x308, &mod, &tone));
}

/* ---- the checker ------------------------------------------------------------------------ */

static void test_brief_examples(void **state)
{
    (void)state;
    ACCEPT("quốc", "nghiêng", "gì", "giữa", "khuya", "khuỷu", "ngoằn", "ngoèo", "thuở", "quý",
           "giặc", "gìn", "ưu", "hươu", "uống", "yêu", "oách", "Việt", "Nam", "Nguyễn", "Kim",
           "kim", "ăn", "Quốc", "QUỐC", "hòa", "hoà", "thủy", "thuỷ", "khỏe", "khoẻ", "kỹ", "kĩ",
           "lý", "lí", "pin");
    REJECT("Jong", "Kirby", "Wagner", "Putin", "KCNA", "ci", "ce", "gha", "ngha", "cùc", "ă", "qa",
           "hh", "", "12", "2", "hoìa", "baỏ");
}

static void test_every_onset(void **state)
{
    (void)state;
    ACCEPT("ăn", "bà", "cá", "chó", "dê", "đi", "gà", "ghế", "già", "hổ", "kê", "khó", "lá", "mẹ",
           "nó", "ngủ", "nghĩ", "nhà", "pin", "phở", "quê", "rau", "sông", "tôi", "thơ", "trẻ",
           "vui", "xe");
    /* Consonants and clusters that are no Vietnamese onset. */
    REJECT("fa", "ja", "wa", "za", "bla", "str", "pra", "gra", "kla", "sch", "dz", "ts", "nn", "mb",
           "hn", "thr", "tch", "ngk", "ph", "ng", "q", "qu", "quu");
}

static void test_spelling_k_gh_ngh(void **state)
{
    (void)state;
    /* k gh ngh before i e ê y (and iê), c g ng elsewhere. */
    ACCEPT("kí", "ký", "kẻ", "kê", "kìa", "kiếm", "ghi", "ghe", "ghế", "ghiền", "nghe", "nghỉ",
           "nghề", "nghiêng", "nghĩa", "cá", "cô", "cũ", "cư", "cơm", "gà", "gỗ", "gù", "gương",
           "ngà", "ngô", "ngư", "ngủ", "goá", "ngoài", "nguy");
    REJECT("ka", "ko", "ku", "kư", "kơ", "kuy", "gha", "gho", "ghu", "ghư", "ngha", "ngho", "nghu",
           "nghy", "ghy", "ci", "ce", "cê", "cy", "ciêng", "ge", "gê", "gy", "nge", "ngi", "ngê",
           "ngy", "ngiêng");
    /* q only as qu; c takes no medial. */
    ACCEPT("qua", "quà", "quê", "quý", "quyết", "quân", "quốc", "quắc", "quen", "quơ", "quạu",
           "quều", "quở");
    REJECT("qa", "qe", "qi", "qô", "quo", "quu", "quư", "quóc", "coa", "cuy", "cuê", "koa");
}

static void test_spelling_gi(void **state)
{
    (void)state;
    ACCEPT("gì", "gìn", "gin", "gia", "già", "giá", "giữa", "giặc", "giấc", "giếng", "giêng",
           "giết", "giễu", "giường", "gieo", "giỏi", "giày", "giúp", "giũ", "gió", "giờ", "giê");
    /* gi + i is written with one i; a tone on the i of gi is misplaced. */
    REJECT("gii", "giì", "gìa", "gíữa", "gìơ", "gíup");
}

static void test_nucleus_and_medial(void **state)
{
    (void)state;
    ACCEPT("ma", "mắt", "mật", "mẹ", "mệt", "mì", "mỹ", "mỏ", "một", "mới", "mũ", "mứt", "tiền",
           "yên", "mía", "kìa", "ỉa", "muốn", "mua", "mượn", "mưa", "khuya", "khuyên", "uyên",
           "hoa", "hoặc", "loè", "tuần", "huế", "thuở", "huơ", "uể", "uỷ", "ủy", "oà", "òa", "xoay",
           "ngoáo", "khuấy", "khuếch", "huênh", "huỳnh", "huých", "suýt", "quỳnh");
    /* ă â need a coda; ươ/iê/uô need one; ưa/ia/ua take none. */
    REJECT("ă", "â", "bă", "mâ", "ươ", "mươ", "tiê", "muô", "mưan", "mian", "muan", "ưam");
    /* iê after an onset, yê with none or after a medial; ya only after a medial. */
    REJECT("iên", "iêu", "tyên", "khuiên", "ya", "khuia", "mya");
    /* Medials: o only before a ă e, u only before â ê y ơ (and the u of qu). */
    REJECT("hoâ", "hoê", "hoơ", "huă", "hoo", "tuô", "hoia");
}

static void test_codas(void **state)
{
    (void)state;
    ACCEPT("các", "cách", "cam", "can", "càng", "canh", "cáp", "cát", "cai", "cay", "cao", "cau",
           "ách", "ếch", "ích", "oách", "anh", "ênh", "inh", "oanh", "uynh", "ang", "ăng", "âng",
           "eng", "ong", "ông", "ung", "ưng", "tiếng", "uông", "ương", "ai", "ay", "ây", "au", "âu",
           "ao", "eo", "êu", "iu", "oi", "ôi", "ơi", "ui", "ưi", "ưu", "uôi", "ươi", "ươu", "tiêu",
           "yêu", "oai", "oay", "oeo", "uây", "uyu");
    /* ch nh only after a ê i (and the uê, uy of a medial). */
    REJECT("onh", "ônh", "unh", "ưnh", "ơnh", "ănh", "ânh", "enh", "óch", "éch", "úch", "ắch",
           "ấch");
    /* c ng not after ê i; ơ takes no c ng. */
    REJECT("ing", "êng", "ơng", "íc", "ếc", "ớc");
    /* Glides by nucleus. */
    REJECT("ăy", "ăi", "ăo", "ău", "âi", "âo", "ei", "eu", "êo", "io", "ôu", "ơu", "uu", "ưo", "oy",
           "ey", "ươy", "uôu", "iêi");
    /* Nothing after a coda. */
    REJECT("bana", "anha", "tinhh", "cátt", "bão1");
}

static void test_stop_coda_tones(void **state)
{
    (void)state;
    ACCEPT("hóc", "học", "ách", "ạch", "áp", "ạp", "át", "ạt", "tiếp", "nghiệp", "thuốc", "ruột",
           "nước", "được", "quýt", "huỵch");
    REJECT("hoc", "hòc", "hỏc", "hõc", "ach", "àch", "ảch", "ap", "àp", "at", "ảt", "tiêp", "Viet",
           "Viêt", "viềt", "thuôc", "nươc");
    /* Other codas take every tone. */
    ACCEPT("ma", "mà", "má", "mả", "mã", "mạ", "man", "màn", "mán", "mản", "mãn", "mạn");
}

static void test_i_and_y(void **state)
{
    (void)state;
    /* Both spellings after the onsets where usage varies, and with no onset. */
    ACCEPT("lý", "lí", "kỹ", "kĩ", "mỹ", "mĩ", "hy", "hi", "tý", "tí", "sỹ", "sĩ", "Thy", "thi",
           "vỹ", "vĩ", "ny", "ni", "xy", "xi", "y", "ý", "i", "ỉ");
    /* Elsewhere i only; and never y before a coda without a medial. */
    REJECT("chy", "gy", "phy", "by", "ry", "đy", "ghy", "nhy", "try", "khy", "ym", "yn", "tyn",
           "kym", "lych");
}

static void test_tone_position(void **state)
{
    (void)state;
    /* On the main vowel; second letter of a closed diphthong, first of an open one. */
    ACCEPT("việt", "tiền", "uống", "muốn", "người", "được", "mía", "của", "mùa", "giữa", "cửa",
           "khuỷu", "hoài", "xoáy", "ngoèo", "khuấy", "quý", "quà", "già", "hoàng", "thuyền", "huế",
           "thuở", "moóc");
    REJECT("vìêt", "tìên", "úông", "ngừơi", "ngườì", "miá", "cuả", "muà", "giưã", "khủyu", "khuyủ",
           "hòai", "hoaì", "xóay", "ngòeo", "khúây", "qúy", "qùa", "gìa", "hòang", "thùyên", "húê",
           "thủơ", "móoc", "baỏ", "caó", "hoìa");
    /* Two tone marks. */
    REJECT("hóà", "ngườí", "việ́t");
    /* Old style only for an open oa oe uy without qu. */
    ACCEPT("hòa", "hoà", "khỏe", "khoẻ", "thủy", "thuỷ", "ủy", "uỷ", "òa", "oà", "lũy", "luỹ");
}

static void test_case_and_marginal(void **state)
{
    (void)state;
    ACCEPT("Quốc", "QUỐC", "NGUYỄN", "Nguyễn", "NGHIÊNG", "ĐƯỜNG", "Đường", "GIỮA", "KHUỶU", "HÒA",
           "HOÀ", "THỦY", "Ý", "Ủy", "qUốC", "nGuYễN");
    ACCEPT("xoong", "boong", "moóc", "goòng", "buýt", "tuýp", "phuy", "voan", "hừm", "quí", "quít",
           "Gioan", "pa");
    REJECT("koong", "KCNA", "USD", "TP", "HCM", "Covid", "Jong", "Facebook", "Zalo");
}

static void test_invalid_utf8(void **state)
{
    (void)state;
    static const char *const bad[] = {
        "\xC3",         "ho\xC3",     "\xE1\xBA",     "\xE1\xBA\xA0\x80", "\xC0\xA1",
        "\xED\xA0\x80", "\x80",       "a\xFF",        "\xF4\x90\x80\x80", "ng\xE1\xBB",
        "\xC3\xA0\xA0", "b\xC3\x28n", "\xE1\x28\xA1",
    };
    for (size_t i = 0; i < COUNT(bad); i++)
        expect_valid(bad[i], 0);
    assert_int_equal(vnseg_syllable_check(NULL, 0), 0);
    assert_int_equal(vnseg_syllable_check(NULL, 3), 0);
    /* Length counts, not NUL termination. */
    assert_int_equal(vnseg_syllable_check("namxyz", 3), 1);
    assert_int_equal(vnseg_syllable_check("na\0m", 4), 0);
    char many[100];
    memset(many, 'a', sizeof many);
    assert_int_equal(vnseg_syllable_check(many, sizeof many), 0);
    assert_false(vn_syllable_valid_nfc((const unsigned char *)many, sizeof many));
}

static void test_nfd_input(void **state)
{
    (void)state;
    static const char *const good[] = {
        "Vie" CIRC DOT "t",
        "Vie" DOT CIRC "t",
        "Vi\xC3\xAA" DOT "t", /* ê + dot */
        "ngu" HORN "o" HORN GRAVE "i",
        "Nguye" CIRC TILDE "n",
        "QUO" CIRC ACUTE "C",
        "a" BREVE "n",
        "ho" GRAVE "a",
        "hoa" GRAVE,
        "thu" HOOK "y",
        "thuy" HOOK,
        "kho" HOOK "e",
        "khoe" HOOK,
        "tha" ACUTE "ng",
        "\xC4\x91"
        "a" TILDE, /* đã */
        "gi" GRAVE,
        "giu" HORN TILDE "a",
        "khuy" HOOK "u",
        "ngo"
        "a" BREVE GRAVE "n",
        "qu"
        "y" ACUTE,
        "U" HORN "U",
        "ho"
        "\xCD\x80"
        "a",
        "ca"
        "\xCD\x81"
        "c", /* U+0340 U+0341 */
        "Y" ACUTE,
        "i" HOOK "a",
        "\xE1\xBA\xA1" CIRC "t", /* ạ + ^ */
    };
    for (size_t i = 0; i < COUNT(good); i++)
        if (!check(good[i])) fail_msg("NFD case %zu should be a syllable", i);
    static const char *const bad[] = {
        "ho" GRAVE "a" GRAVE, /* two tones */
        "a" ACUTE GRAVE "n",  /* two tones on one letter */
        "\xC3\xA1" GRAVE "n", /* á + grave */
        "n" ACUTE "a",        /* tone on a consonant */
        ACUTE "an",           /* mark with no letter */
        "i" CIRC "n",         /* î */
        "u" BREVE "n",        /* ŭ */
        "e" HORN "n",         /* e with horn */
        "e" CIRC CIRC "n",    /* two modifiers */
        "\xC3\xAA" CIRC "n",  /* ê + circumflex */
        "a" BREVE CIRC "n",   /* ă + circumflex */
        "d"
        "\xCC\xB5"
        "a", /* d + stroke overlay is not đ */
        "e"
        "\xCC\x88"
        "m",            /* diaeresis */
        "bao" HOOK,     /* misplaced, as NFD */
        "cu" GRAVE "c", /* huyền with a stop coda */
        "hoa"
        "\xE2\x80\x8B", /* zero-width space */
    };
    for (size_t i = 0; i < COUNT(bad); i++)
        if (check(bad[i])) fail_msg("NFD case %zu should not be a syllable", i);
}

/* Every accepted NFC word is accepted in NFD too, and vice versa for rejected ones. */
static void test_nfd_of_lists(void **state)
{
    (void)state;
    static const char *const words[] = {
        "quốc", "nghiêng", "gì",   "giữa",  "khuya", "khuỷu", "ngoằn", "ngoèo",  "thuở",   "quý",
        "giặc", "gìn",     "ưu",   "hươu",  "uống",  "yêu",   "oách",  "Việt",   "Nguyễn", "ĐƯỜNG",
        "hòa",  "hoà",     "thủy", "thuỷ",  "Ủy",    "người", "được",  "khuếch", "huỳnh",  "baỏ",
        "hoìa", "cùc",     "gìa",  "ngừơi", "iên",   "ăn",    "ă",
    };
    for (size_t i = 0; i < COUNT(words); i++) {
        utf8proc_uint8_t *nfd = utf8proc_NFD((const utf8proc_uint8_t *)words[i]);
        assert_non_null(nfd);
        assert_int_equal(check((const char *)nfd), check(words[i]));
        free(nfd);
    }
}

/* ---- the fast path against the parser, exhaustively ------------------------------------ */

static size_t put_letter(char *buf, size_t n, unsigned sym, unsigned tone, bool upper)
{
    uint32_t cp = vn_letter_code_point(vn_letter_pack(sym, tone, upper));
    return n + vn_utf8_encode(cp, (unsigned char *)buf + n);
}

/* Build letters sym[0..n) as NFC with `tone` on letter `pos` and the given case pattern. */
static size_t spell(char *buf, const uint8_t *sym, unsigned n, unsigned tone, unsigned pos,
                    unsigned casing)
{
    size_t len = 0;
    for (unsigned j = 0; j < n; j++) {
        bool upper = casing == 2 || (casing == 1 && j == 0) || (casing == 3 && (j & 1));
        unsigned t = (j == pos && vn_sym_is_vowel(sym[j])) ? tone : 0;
        len = put_letter(buf, len, sym[j], t, upper);
    }
    return len;
}

static void compare_paths(const char *buf, size_t len)
{
    const unsigned char *u = (const unsigned char *)buf;
    bool fast = vn_syllable_valid_nfc(u, len), slow = vn_syllable_valid_nfc_parser(u, len);
    int full = vnseg_syllable_check(buf, len);
    if (fast != slow || slow != (full == 1))
        fail_msg("\"%.*s\": automaton %d, parser %d, checker %d", (int)len, buf, fast, slow, full);
}

static void test_fast_path_agrees(void **state)
{
    (void)state;
    /* The parts the automaton is built from, plus spellings that must fail (f, q + u as a
     * whole onset, i as a medial, ưo uơ ee, k and ia as codas). */
    /* clang-format off */
    static const uint8_t parts[4][30][4] = {
        {{0}, {VN_B}, {VN_C}, {VN_C, VN_H}, {VN_D}, {VN_DD}, {VN_G}, {VN_G, VN_H}, {VN_G, VN_I},
         {VN_H}, {VN_K}, {VN_K, VN_H}, {VN_L}, {VN_M}, {VN_N}, {VN_N, VN_G}, {VN_N, VN_G, VN_H},
         {VN_N, VN_H}, {VN_P}, {VN_P, VN_H}, {VN_Q}, {VN_R}, {VN_S}, {VN_T}, {VN_T, VN_H},
         {VN_T, VN_R}, {VN_V}, {VN_X}, {VN_F}, {VN_Q, VN_U}},
        {{0}, {VN_O}, {VN_U}, {VN_I}},
        {{VN_A}, {VN_AW}, {VN_AA}, {VN_E}, {VN_EE}, {VN_I}, {VN_Y}, {VN_O}, {VN_OO}, {VN_OW},
         {VN_U}, {VN_UW}, {VN_I, VN_EE}, {VN_Y, VN_EE}, {VN_I, VN_A}, {VN_Y, VN_A},
         {VN_U, VN_OO}, {VN_U, VN_A}, {VN_UW, VN_OW}, {VN_UW, VN_A}, {VN_O, VN_O},
         {VN_UW, VN_O}, {VN_U, VN_OW}, {VN_E, VN_E}},
        {{0}, {VN_C}, {VN_C, VN_H}, {VN_M}, {VN_N}, {VN_N, VN_G}, {VN_N, VN_H}, {VN_P}, {VN_T},
         {VN_I}, {VN_Y}, {VN_O}, {VN_U}, {VN_K}, {VN_I, VN_A}},
    };
    /* clang-format on */
    static const unsigned counts[4] = {30, 4, 24, 15};
    unsigned valid = 0;
    for (unsigned a = 0; a < counts[0]; a++)
        for (unsigned b = 0; b < counts[1]; b++)
            for (unsigned c = 0; c < counts[2]; c++)
                for (unsigned d = 0; d < counts[3]; d++) {
                    uint8_t sym[16] = {0};
                    unsigned n = 0;
                    const uint8_t *p[4] = {parts[0][a], parts[1][b], parts[2][c], parts[3][d]};
                    for (unsigned k = 0; k < 4; k++)
                        for (unsigned j = 0; j < 4 && p[k][j]; j++)
                            sym[n++] = p[k][j];
                    char buf[64];
                    for (unsigned pos = 0; pos < n; pos++)
                        for (unsigned tone = 0; tone < VN_TONE_COUNT; tone++) {
                            if ((tone == 0 && pos > 0) || (tone && !vn_sym_is_vowel(sym[pos])))
                                continue;
                            unsigned casing = (a + c + pos) % 4;
                            size_t len = spell(buf, sym, n, tone, pos, casing);
                            compare_paths(buf, len);
                            valid += vn_syllable_valid_nfc_parser((unsigned char *)buf, len);
                        }
                }
    assert_true(valid > 10000);

    /* Random strings of letters, with a random tone here and there. */
    uint32_t rng = 1;
    for (unsigned i = 0; i < 300000; i++) {
        char buf[64];
        size_t len = 0;
        rng = rng * 1103515245u + 12345u;
        unsigned n = 1 + (rng >> 16) % 7;
        for (unsigned j = 0; j < n; j++) {
            rng = rng * 1103515245u + 12345u;
            unsigned sym = 1 + (rng >> 8) % (VN_SYM_COUNT - 1);
            unsigned tone = vn_sym_is_vowel(sym) && (rng >> 24) % 3 == 0 ? 1 + (rng >> 4) % 5 : 0;
            len = put_letter(buf, len, sym, tone, (rng >> 28) & 1);
        }
        compare_paths(buf, len);
    }
}

/* ---- parse: spans, tone, flags --------------------------------------------------------- */

static void expect_part(const char *s, vnseg_syllable_part p, const char *want)
{
    if (p.length != strlen(want) || memcmp(s + p.offset, want, p.length) != 0)
        fail_msg("in \"%s\": part is \"%.*s\" at %u, expected \"%s\"", s, (int)p.length,
                 s + p.offset, p.offset, want);
}

static vnseg_syllable parse_ok(const char *s)
{
    vnseg_syllable syl;
    memset(&syl, 0xEE, sizeof syl);
    syl.size = sizeof syl;
    vnseg_status st = vnseg_syllable_parse(s, strlen(s), &syl);
    if (st != VNSEG_OK) fail_msg("parse(\"%s\") failed: %s", s, vnseg_error_last()->message);
    return syl;
}

static void expect_parts(const char *s, const char *on, const char *med, const char *nuc,
                         const char *coda, unsigned tone, const char *tone_letter, uint32_t flags)
{
    vnseg_syllable syl = parse_ok(s);
    expect_part(s, syl.onset, on);
    expect_part(s, syl.medial, med);
    expect_part(s, syl.nucleus, nuc);
    expect_part(s, syl.coda, coda);
    expect_part(s, syl.tone_letter, tone_letter);
    if (syl.tone != tone || syl.flags != flags)
        fail_msg("\"%s\": tone %u flags %#x, expected %u %#x", s, syl.tone, syl.flags, tone, flags);
}

static void test_parse_parts(void **state)
{
    (void)state;
    expect_parts("nghiêng", "ngh", "", "iê", "ng", VNSEG_TONE_NGANG, "", 0);
    expect_parts("quốc", "q", "u", "ố", "c", VNSEG_TONE_SAC, "ố", 0);
    expect_parts("gì", "g", "", "ì", "", VNSEG_TONE_HUYEN, "ì", VNSEG_SYL_GI_SHARED);
    expect_parts("giếng", "g", "", "iế", "ng", VNSEG_TONE_SAC, "ế", VNSEG_SYL_GI_SHARED);
    expect_parts("giữa", "gi", "", "ữa", "", VNSEG_TONE_NGA, "ữ", 0);
    expect_parts("khuỷu", "kh", "u", "ỷ", "u", VNSEG_TONE_HOI, "ỷ", 0);
    expect_parts("Nguyễn", "Ng", "u", "yễ", "n", VNSEG_TONE_NGA, "ễ", VNSEG_SYL_CAPITALIZED);
    expect_parts("ưu", "", "", "ư", "u", VNSEG_TONE_NGANG, "", 0);
    expect_parts("oách", "", "o", "á", "ch", VNSEG_TONE_SAC, "á", 0);
    expect_parts("người", "ng", "", "ườ", "i", VNSEG_TONE_HUYEN, "ờ", 0);
    expect_parts("hòa", "h", "ò", "a", "", VNSEG_TONE_HUYEN, "ò", VNSEG_SYL_OLD_STYLE);
    expect_parts("hoà", "h", "o", "à", "", VNSEG_TONE_HUYEN, "à", VNSEG_SYL_NEW_STYLE);
    expect_parts("hoàng", "h", "o", "à", "ng", VNSEG_TONE_HUYEN, "à", 0);
    expect_parts("hoa", "h", "o", "a", "", VNSEG_TONE_NGANG, "", 0);
    expect_parts("THỦY", "TH", "Ủ", "Y", "", VNSEG_TONE_HOI, "Ủ",
                 VNSEG_SYL_CAPITALIZED | VNSEG_SYL_ALL_CAPS | VNSEG_SYL_OLD_STYLE);
    expect_parts("qUốc", "q", "U", "ố", "c", VNSEG_TONE_SAC, "ố", VNSEG_SYL_MIXED_CASE);
    expect_parts("ĐƯờng", "Đ", "", "Ườ", "ng", VNSEG_TONE_HUYEN, "ờ",
                 VNSEG_SYL_CAPITALIZED | VNSEG_SYL_MIXED_CASE);
    expect_parts("Ý", "", "", "Ý", "", VNSEG_TONE_SAC, "Ý",
                 VNSEG_SYL_CAPITALIZED | VNSEG_SYL_ALL_CAPS);
    expect_parts("xoong", "x", "", "oo", "ng", VNSEG_TONE_NGANG, "", VNSEG_SYL_MARGINAL);
    expect_parts("pin", "p", "", "i", "n", VNSEG_TONE_NGANG, "", VNSEG_SYL_MARGINAL);
    expect_parts("ho" GRAVE "a", "h", "o" GRAVE, "a", "", VNSEG_TONE_HUYEN, "o" GRAVE,
                 VNSEG_SYL_OLD_STYLE | VNSEG_SYL_NOT_NFC);
    expect_parts("ngu" HORN "o" HORN GRAVE "i", "ng", "", "u" HORN "o" HORN GRAVE, "i",
                 VNSEG_TONE_HUYEN, "o" HORN GRAVE, VNSEG_SYL_NOT_NFC);

    /* Absent parts: length 0 where they would be. */
    vnseg_syllable syl = parse_ok("ăn");
    assert_int_equal(syl.onset.offset, 0);
    assert_int_equal(syl.medial.offset, 0);
    assert_int_equal(syl.medial.length, 0);
    syl = parse_ok("cha");
    assert_int_equal(syl.coda.offset, 3);
    assert_int_equal(syl.coda.length, 0);
    assert_int_equal(syl.medial.offset, 2);
    assert_int_equal(syl.tone_letter.offset, 2);
    assert_int_equal(syl.tone_letter.length, 0);
}

static void test_parse_errors_and_size(void **state)
{
    (void)state;
    vnseg_syllable syl = {.size = sizeof syl};
    assert_int_equal(vnseg_syllable_parse("baỏ", strlen("baỏ"), &syl), VNSEG_E_INVALID_ARG);
    assert_non_null(strstr(vnseg_error_last()->message, "not a syllable"));
    assert_int_equal(vnseg_error_last()->status, VNSEG_E_INVALID_ARG);
    assert_int_equal(vnseg_syllable_parse("Jong", 4, &syl), VNSEG_E_INVALID_ARG);
    assert_int_equal(vnseg_error_last()->offset, 0);
    assert_int_equal(vnseg_syllable_parse("ho\xFF", 3, &syl), VNSEG_E_INVALID_ARG);
    assert_int_equal(vnseg_error_last()->offset, 2);
    assert_non_null(strstr(vnseg_error_last()->message, "UTF-8"));
    assert_int_equal(vnseg_syllable_parse("hoc", 3, &syl), VNSEG_E_INVALID_ARG);
    assert_int_equal(vnseg_syllable_parse("hóà", strlen("hóà"), &syl), VNSEG_E_INVALID_ARG);
    assert_int_equal(vnseg_syllable_parse("", 0, &syl), VNSEG_E_INVALID_ARG);
    assert_int_equal(vnseg_syllable_parse(NULL, 0, &syl), VNSEG_E_INVALID_ARG);
    assert_int_equal(vnseg_syllable_parse(NULL, 2, &syl), VNSEG_E_INVALID_ARG);
    assert_int_equal(vnseg_syllable_parse("ba", 2, NULL), VNSEG_E_INVALID_ARG);

    /* The size protocol: too small is refused, a bigger caller struct is filled only as far as
     * this version knows, a smaller one only as far as its size. */
    syl.size = 0;
    assert_int_equal(vnseg_syllable_parse("ba", 2, &syl), VNSEG_E_INVALID_ARG);
    syl.size = 51;
    assert_int_equal(vnseg_syllable_parse("ba", 2, &syl), VNSEG_E_INVALID_ARG);
    struct {
        vnseg_syllable syl;
        unsigned char later[16]; /* fields a later version might add */
    } big;
    memset(&big, 0xAB, sizeof big);
    big.syl.size = sizeof big;
    assert_int_equal(vnseg_syllable_parse("bà", strlen("bà"), &big.syl), VNSEG_OK);
    assert_int_equal(big.syl.size, sizeof big);
    assert_int_equal(big.syl.tone, VNSEG_TONE_HUYEN);
    for (size_t i = 0; i < sizeof big.later; i++)
        assert_int_equal(big.later[i], 0xAB);
    assert_int_equal(sizeof(vnseg_syllable), 52);
}

/* ---- tone style and repair ------------------------------------------------------------- */

static char *convert(const char *in, int style, bool repair)
{
    size_t need = 0;
    vnseg_status st = repair && style == 0
                          ? vnseg_tone_repair(in, strlen(in), NULL, 0, &need)
                          : vnseg_tone_style(in, strlen(in), style, NULL, 0, &need);
    assert_int_equal(st, VNSEG_OK);
    char *out = malloc(need + 1);
    assert_non_null(out);
    size_t got = 0;
    st = repair && style == 0 ? vnseg_tone_repair(in, strlen(in), out, need, &got)
                              : vnseg_tone_style(in, strlen(in), style, out, need, &got);
    assert_int_equal(st, VNSEG_OK);
    assert_int_equal(got, need);
    out[got] = 0;
    return out;
}

static void expect_style(const char *in, int style, const char *want)
{
    char *out = convert(in, style, false);
    if (strcmp(out, want) != 0)
        fail_msg("style %d of \"%s\" is \"%s\", expected \"%s\"", style, in, out, want);
    free(out);
}

static void expect_repair(const char *in, const char *want)
{
    char *out = convert(in, 0, true);
    if (strcmp(out, want) != 0)
        fail_msg("repair of \"%s\" is \"%s\", expected \"%s\"", in, out, want);
    free(out);
}

#define NEW VNSEG_TONE_STYLE_NEW
#define OLD VNSEG_TONE_STYLE_OLD

static void test_tone_style(void **state)
{
    (void)state;
    static const char *const pairs[][2] = {
        /* old, new */
        {"hòa", "hoà"},
        {"Hòa Bình", "Hoà Bình"},
        {"khỏe mạnh", "khoẻ mạnh"},
        {"thủy lợi", "thuỷ lợi"},
        {"Thúy, Thụy và Thùy", "Thuý, Thuỵ và Thuỳ"},
        {"HÒA THỦY KHỎE", "HOÀ THUỶ KHOẺ"},
        {"ÒA Ủy òa ủy", "OÀ Uỷ oà uỷ"},
        {"họa sĩ, lũy tre, hóa học", "hoạ sĩ, luỹ tre, hoá học"},
        {"xòe, lòe, tòa, góa", "xoè, loè, toà, goá"},
        {"hòa_bình 2hòa (hòa)", "hoà_bình 2hoà (hoà)"},
        {"Pokémon hòa Zoë", "Pokémon hoà Zoë"},
        {"\xFF hòa \xC3", "\xFF hoà \xC3"},
    };
    for (size_t i = 0; i < COUNT(pairs); i++) {
        expect_style(pairs[i][0], NEW, pairs[i][1]);
        expect_style(pairs[i][1], OLD, pairs[i][0]);
        expect_style(pairs[i][0], OLD, pairs[i][0]);
        expect_style(pairs[i][1], NEW, pairs[i][1]);
    }
    /* Style-neutral syllables never change: a coda or glide, qu, gi, diphthongs. */
    static const char *const same[] = {
        "hoàng thuyền hoài xoáy khuỷu ngoèo",
        "quý quỳnh quà quyết QUÝ Quỳnh giá già giữa GIÀ",
        "của mùa mía người thuở huế uể",
        "Wagner hoìa baỏ lựơng 12 đ",
        "",
    };
    for (size_t i = 0; i < COUNT(same); i++) {
        expect_style(same[i], NEW, same[i]);
        expect_style(same[i], OLD, same[i]);
    }
    /* NFD: rewritten runs come out NFC, runs already in the style stay as they were. */
    expect_style("ho" GRAVE "a", NEW, "hoà");
    expect_style("ho" GRAVE "a", OLD, "ho" GRAVE "a");
    expect_style("thuy" HOOK " ho" GRAVE "a", OLD, "thủy ho" GRAVE "a");
    expect_style("kho" HOOK "e", NEW, "khoẻ");
    expect_style("HO" GRAVE "A", NEW, "HOÀ");
}

static void test_tone_repair(void **state)
{
    (void)state;
    static const char *const cases[][2] = {
        {"baỏ", "bảo"},
        {"caó", "cáo"},
        {"lựơng", "lượng"},
        {"luợng", "lượng"},
        {"lưọng", "lượng"},
        {"thuơng", "thương"},
        {"ngưòi", "người"},
        {"ngươì", "người"},
        {"hòang", "hoàng"},
        {"hòai", "hoài"},
        {"qúy", "quý"},
        {"qùa", "quà"},
        {"gìa", "già"},
        {"muá", "múa"},
        {"tìên", "tiền"},
        {"thùyên", "thuyền"},
        {"BAỎ Lựơng", "BẢO Lượng"},
        {"bao" HOOK, "bảo"},
        {"mua baỏ hiểm, lựơng", "mua bảo hiểm, lượng"},
    };
    for (size_t i = 0; i < COUNT(cases); i++)
        expect_repair(cases[i][0], cases[i][1]);
    /* Left alone: valid syllables (either style), ambiguous or hopeless runs. */
    static const char *const same[] = {
        "hòa hoà thủy thuỷ", "hoìa",     "hòc", "luong", "luông", "hóà", "Wagner", "thuở",
        "ho" GRAVE "a",      "việt nam",
    };
    for (size_t i = 0; i < COUNT(same); i++)
        expect_repair(same[i], same[i]);
    /* Repair together with a style. */
    expect_style("baỏ hòa", NEW | VNSEG_TONE_REPAIR, "bảo hoà");
    expect_style("baỏ hoà", OLD | VNSEG_TONE_REPAIR, "bảo hòa");
    expect_style("baỏ hòa", NEW, "baỏ hoà");
}

static void test_buffer_protocol(void **state)
{
    (void)state;
    const char *in = "Hòa Bình, thủy lợi";
    const char *want = "Hoà Bình, thuỷ lợi";
    size_t need = 0, got = 0;
    assert_int_equal(vnseg_tone_style(in, strlen(in), NEW, NULL, 0, &need), VNSEG_OK);
    assert_int_equal(need, strlen(want));
    char buf[64];
    for (size_t cap = 0; cap < need; cap++) {
        memset(buf, 0x5A, sizeof buf);
        got = 0;
        assert_int_equal(vnseg_tone_style(in, strlen(in), NEW, buf, cap, &got), VNSEG_E_BUFFER);
        assert_int_equal(got, need);
        assert_int_equal(vnseg_error_last()->status, VNSEG_E_BUFFER);
        for (size_t i = cap; i < sizeof buf; i++)
            assert_int_equal((unsigned char)buf[i], 0x5A);
    }
    memset(buf, 0x5A, sizeof buf);
    assert_int_equal(vnseg_tone_style(in, strlen(in), NEW, buf, need, &got), VNSEG_OK);
    assert_int_equal(got, need);
    assert_memory_equal(buf, want, need);
    assert_int_equal((unsigned char)buf[need], 0x5A);
    assert_int_equal(vnseg_tone_repair("baỏ", strlen("baỏ"), buf, 2, &got), VNSEG_E_BUFFER);
    assert_int_equal(got, strlen("bảo"));

    /* Empty input, and argument errors. */
    assert_int_equal(vnseg_tone_style(NULL, 0, NEW, NULL, 0, &got), VNSEG_OK);
    assert_int_equal(got, 0);
    assert_int_equal(vnseg_tone_style("a", 1, NEW, NULL, 0, NULL), VNSEG_E_INVALID_ARG);
    assert_int_equal(vnseg_tone_style(NULL, 1, NEW, NULL, 0, &got), VNSEG_E_INVALID_ARG);
    assert_int_equal(vnseg_tone_style("a", 1, NEW, NULL, 4, &got), VNSEG_E_INVALID_ARG);
    assert_int_equal(vnseg_tone_style("a", 1, 0, NULL, 0, &got), VNSEG_E_INVALID_ARG);
    assert_int_equal(vnseg_tone_style("a", 1, 3, NULL, 0, &got), VNSEG_E_INVALID_ARG);
    assert_int_equal(vnseg_tone_style("a", 1, -1, NULL, 0, &got), VNSEG_E_INVALID_ARG);
    assert_int_equal(vnseg_tone_style("a", 1, NEW | 0x200, NULL, 0, &got), VNSEG_E_INVALID_ARG);
    assert_int_equal(vnseg_tone_style("a", 1, VNSEG_TONE_REPAIR, NULL, 0, &got),
                     VNSEG_E_INVALID_ARG);
    assert_int_equal(vnseg_tone_repair(NULL, 1, NULL, 0, &got), VNSEG_E_INVALID_ARG);
}

static void test_invalid_utf8_passthrough(void **state)
{
    (void)state;
    /* Ill-formed bytes are copied as they are and cut runs; nothing else moves. */
    const char in[] = "h\xC3\xB2"
                      "a\xC0\xAF th\xE1\xBB\xA7y \xED\xA0\x80 x\xF0\x9F";
    const char want[] = "hoà\xC0\xAF thuỷ \xED\xA0\x80 x\xF0\x9F";
    size_t got = 0;
    char buf[64];
    assert_int_equal(vnseg_tone_style(in, sizeof in - 1, NEW, buf, sizeof buf, &got), VNSEG_OK);
    assert_int_equal(got, sizeof want - 1);
    assert_memory_equal(buf, want, got);
    assert_int_equal(vnseg_tone_repair(in, sizeof in - 1, buf, sizeof buf, &got), VNSEG_OK);
    assert_int_equal(got, sizeof in - 1);
    assert_memory_equal(buf, in, got);
}

/* A sentence through new, old, new: the second round trip is the identity and every
 * syllable stays a syllable. */
static void test_round_trip(void **state)
{
    (void)state;
    const char *text =
        "Ông bà ngoại tôi sống ở một làng quê yên bình, có lũy tre xanh và cánh đồng lúa. "
        "Hòa thuận, khỏe mạnh; THỦY LỢI Quỳnh Thúy Hoàng Huệ Khuê Uyên. Bác sĩ khuyên "
        "uống thuốc đúng giờ. Người Việt Nam yêu hòa bình, quý trọng thủy chung.";
    char *a = convert(text, NEW, false);
    char *b = convert(a, OLD, false);
    char *c = convert(b, NEW, false);
    assert_string_equal(a, c);
    assert_string_equal(b, text);
    free(a);
    free(b);
    free(c);
}

/* ---- threads --------------------------------------------------------------------------- */

static void *hammer(void *arg)
{
    static const char *const words[] = {"người", "Việt", "khuỷu", "baỏ", "Wagner", "quốc"};
    static const int valid[] = {1, 1, 1, 0, 0, 1};
    long bad = 0;
    (void)arg;
    for (int i = 0; i < 20000; i++) {
        size_t k = (size_t)i % COUNT(words);
        const unsigned char *w = (const unsigned char *)words[k];
        bad += vn_syllable_valid_nfc(w, strlen(words[k])) != valid[k];
    }
    return (void *)(intptr_t)bad;
}

/* Runs first: the automaton is built while several threads ask for it at once. */
static void test_threads_first_use(void **state)
{
    (void)state;
    pthread_t t[8];
    for (int i = 0; i < 8; i++)
        assert_int_equal(pthread_create(&t[i], NULL, hammer, NULL), 0);
    for (int i = 0; i < 8; i++) {
        void *bad;
        assert_int_equal(pthread_join(t[i], &bad), 0);
        assert_null(bad);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_threads_first_use),  cmocka_unit_test(test_letters_match_unicode),
        cmocka_unit_test(test_letters_compose),    cmocka_unit_test(test_letters_parts),
        cmocka_unit_test(test_brief_examples),     cmocka_unit_test(test_every_onset),
        cmocka_unit_test(test_spelling_k_gh_ngh),  cmocka_unit_test(test_spelling_gi),
        cmocka_unit_test(test_nucleus_and_medial), cmocka_unit_test(test_codas),
        cmocka_unit_test(test_stop_coda_tones),    cmocka_unit_test(test_i_and_y),
        cmocka_unit_test(test_tone_position),      cmocka_unit_test(test_case_and_marginal),
        cmocka_unit_test(test_invalid_utf8),       cmocka_unit_test(test_nfd_input),
        cmocka_unit_test(test_nfd_of_lists),       cmocka_unit_test(test_fast_path_agrees),
        cmocka_unit_test(test_parse_parts),        cmocka_unit_test(test_parse_errors_and_size),
        cmocka_unit_test(test_tone_style),         cmocka_unit_test(test_tone_repair),
        cmocka_unit_test(test_buffer_protocol),    cmocka_unit_test(test_invalid_utf8_passthrough),
        cmocka_unit_test(test_round_trip),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
