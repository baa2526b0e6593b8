/* Tests of vnseg_normalize(): every step on text written for the project, round trips, the
 * offset-map contract on many generated inputs, invalid UTF-8, and allocation failures. */
#include <utf8proc.h>

#include "norm_passes.h"
#include "normtest.h"
#include "marks.h"
#include "testutil.h"

/* Deprecated combining marks and invisibles, beside the marks of marks.h. */
#define OLD_GRAVE "\xCD\x80" /* U+0340 */
#define OLD_ACUTE "\xCD\x81" /* U+0341 */
#define ZWSP "\xE2\x80\x8B"
#define ZWNJ "\xE2\x80\x8C"
#define ZWJ "\xE2\x80\x8D"
#define LRM "\xE2\x80\x8E"
#define RLM "\xE2\x80\x8F"
#define WJ "\xE2\x81\xA0"
#define BOM "\xEF\xBB\xBF"
#define SHY "\xC2\xAD"
#define NBSP "\xC2\xA0"

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

static const uint32_t DEF = VNSEG_NORM_DEFAULT;

/* ---- the fast path ---- */

static void test_nfc_input_is_not_copied(void **state)
{
    (void)state;
    const char *text =
        "Tổng thống Nga Vladimir Putin (phải) và lãnh đạo Triều Tiên tại "
        "Vladivostok hồi tháng 4/2019. \"Tại sao lại không?\" 🙂 ĐÀ NẴNG";
    vnseg_norm *n = NULL;
    assert_int_equal(vnseg_normalize(text, strlen(text), DEF, &n), VNSEG_OK);
    size_t len;
    assert_ptr_equal(vnseg_norm_text(n, &len), text);
    assert_int_equal(len, strlen(text));
    assert_int_equal(vnseg_norm_changed(n), 0);
    assert_int_equal(vnseg_norm_piece_count(n), 1);
    nt_check_map(n, text, strlen(text), true);
    vnseg_norm_free(n);
    /* Steps that find nothing to do do not copy either, tone steps included. */
    const char *clean = "hoà bình và thuỷ lợi";
    assert_int_equal(
        vnseg_normalize(clean, strlen(clean), DEF | VNSEG_NORM_TONE_NEW | VNSEG_NORM_REPAIR, &n),
        VNSEG_OK);
    assert_ptr_equal(vnseg_norm_text(n, NULL), clean);
    vnseg_norm_free(n);
    assert_int_equal(vnseg_normalize("", 0, DEF, &n), VNSEG_OK);
    assert_int_equal(vnseg_norm_piece_count(n), 0);
    nt_check_map(n, "", 0, true);
    vnseg_norm_free(n);
    assert_int_equal(vnseg_normalize(NULL, 0, VNSEG_NORM_SEARCH, &n), VNSEG_OK);
    vnseg_norm_free(n);
}

/* ---- each step ---- */

static void test_nfc(void **state)
{
    (void)state;
    nt_expect("Vie" DOT CIRC "t Nam", VNSEG_NORM_NFC, "Việt Nam");
    nt_expect("Vie" CIRC DOT "t", VNSEG_NORM_NFC, "Việt");
    nt_expect("ye" CIRC ACUTE "u", VNSEG_NORM_NFC, "yếu");
    nt_expect("ngu" HORN "o" HORN GRAVE "i", VNSEG_NORM_NFC, "người");
    nt_expect("A" BREVE DOT "N", VNSEG_NORM_NFC, "ẶN");
    nt_expect("â" DOT, VNSEG_NORM_NFC, "ậ"); /* â + dot: NFD a dot circ, composes */
    nt_expect("ạ" CIRC, VNSEG_NORM_NFC, "ậ");
    nt_expect("ơ" DOT, VNSEG_NORM_NFC, "ợ");
    nt_expect("o" DOT HORN, VNSEG_NORM_NFC, "ợ"); /* reordered: horn (216) before dot (220) */
    nt_expect("a" ACUTE CIRC, VNSEG_NORM_NFC, "á" CIRC); /* same class: the order stays */
    nt_expect("đ" ACUTE, VNSEG_NORM_NFC, "đ" ACUTE);
    nt_expect("n" GRAVE " i" CIRC " e" BREVE, VNSEG_NORM_NFC, "ǹ î ĕ");
    nt_expect("x" ACUTE, VNSEG_NORM_NFC, "x" ACUTE);
    nt_expect("\xE1\x84\x80\xE1\x85\xA1", VNSEG_NORM_NFC, "가"); /* Hangul jamo L + V */
    nt_expect("\xE2\x84\xAB", VNSEG_NORM_NFC, "Å");              /* Angstrom sign */
    nt_expect(ACUTE "a", VNSEG_NORM_NFC, ACUTE "a");
    nt_expect("q"
              "\xCC\x96" ACUTE,
              VNSEG_NORM_NFC,
              "q"
              "\xCC\x96" ACUTE);
    nt_expect("q" ACUTE "\xCC\x96", VNSEG_NORM_NFC,
              "q"
              "\xCC\x96" ACUTE); /* reordered */
    /* A composed character maps to all of its original bytes, as one unit. */
    const char *in = "Vie" DOT CIRC "t";
    vnseg_norm *n = nt_run_n(in, strlen(in), -1, VNSEG_NORM_NFC);
    assert_string_equal(nt_orig_of(n, 2, 3), "e" DOT CIRC);
    assert_string_equal(nt_orig_of(n, 4, 5), "e" DOT CIRC);
    assert_string_equal(nt_orig_of(n, 5, 6), "t");
    size_t a, b;
    assert_int_equal(vnseg_norm_from_original(n, 3, 4, &a, &b), VNSEG_OK); /* inside a mark */
    assert_int_equal(a, 2);
    assert_int_equal(b, 5);
    vnseg_norm_free(n);
}

static void test_marks(void **state)
{
    (void)state;
    nt_expect("a" OLD_GRAVE " a" OLD_ACUTE, VNSEG_NORM_MARKS, "a" GRAVE " a" ACUTE);
    nt_expect("a" OLD_GRAVE " a" OLD_ACUTE, VNSEG_NORM_MARKS | VNSEG_NORM_NFC, "à á");
    nt_expect("a" OLD_GRAVE, VNSEG_NORM_NFC, "à"); /* NFC alone does it too */
    nt_expect("a" OLD_GRAVE, 0, "a" OLD_GRAVE);
}

static void test_invisible(void **state)
{
    (void)state;
    const uint32_t S = VNSEG_NORM_INVISIBLE;
    nt_expect(BOM "Hà" ZWSP " Nội" SHY, S, "Hà Nội");
    nt_expect("ngh" SHY "iêng", S, "nghiêng");
    nt_expect("a" ZWNJ "b" WJ "c" LRM "d" RLM "e", S, "abcde");
    nt_expect("\xE2\x80\xAA"
              "x"
              "\xE2\x80\xAC"
              "\xE2\x81\xA6"
              "y"
              "\xE2\x81\xA9"
              "\xD8\x9C",
              S, "xy");
    nt_expect("a" ZWJ "b", S, "ab");
    /* ZWJ stays inside emoji sequences: 👩‍💻, 🏳️‍🌈, 👩🏽‍💻, and goes
     * elsewhere.
     */
    nt_expect("👩" ZWJ "💻", S, "👩" ZWJ "💻");
    nt_expect("🏳"
              "\xEF\xB8\x8F" ZWJ "🌈",
              S,
              "🏳"
              "\xEF\xB8\x8F" ZWJ "🌈");
    nt_expect("👩🏽" ZWJ "💻", S, "👩🏽" ZWJ "💻");
    nt_expect("👩" ZWJ, S, "👩");
    nt_expect(ZWJ "💻", S, "💻");
    /* Other format characters are kept. */
    nt_expect("x\xE2\x81\xA2y", S, "x\xE2\x81\xA2y"); /* invisible times */
    nt_expect(ZWSP ZWSP, S, "");
    nt_expect(BOM, DEF, "");
    /* A deleted character belongs to the character before it... */
    const char *in = "ab" ZWSP "c";
    vnseg_norm *n = nt_run_n(in, strlen(in), -1, S);
    assert_string_equal(nt_orig_of(n, 1, 2), "b" ZWSP);
    assert_string_equal(nt_orig_of(n, 0, 1), "a");
    assert_string_equal(nt_orig_of(n, 2, 3), "c");
    vnseg_norm_free(n);
    /* ...or, at the start, to the one after it. */
    in = BOM ZWSP "Việt";
    n = nt_run_n(in, strlen(in), -1, S);
    assert_string_equal(nt_text(n), "Việt");
    assert_string_equal(nt_orig_of(n, 0, 1), BOM ZWSP "V");
    assert_string_equal(nt_orig_of(n, 1, 2), "i");
    vnseg_norm_free(n);
    /* Everything deleted: empty text, every original byte maps to 0. */
    in = BOM SHY;
    n = nt_run_n(in, strlen(in), -1, S);
    assert_string_equal(nt_text(n), "");
    vnseg_norm_free(n);
}

static void test_spaces(void **state)
{
    (void)state;
    const uint32_t S = VNSEG_NORM_SPACES;
    nt_expect("100" NBSP "000"
              "\xE2\x80\xAF"
              "đ",
              S, "100 000 đ");
    nt_expect("a\xE2\x80\x83"
              "b\xE3\x80\x80"
              "c\xE1\x9A\x80"
              "d\xE2\x81\x9F"
              "e",
              S, "a b c d e");
    nt_expect("a\tb\nc\xE2\x80\xA8"
              "d\xC2\x85"
              "e",
              S,
              "a\tb\nc\xE2\x80\xA8"
              "d\xC2\x85"
              "e");
    nt_expect("a" NBSP "b", VNSEG_NORM_NFC, "a" NBSP "b");
}

static void test_lookalike(void **state)
{
    (void)state;
    const uint32_t S = VNSEG_NORM_LOOKALIKE;
    nt_expect("ÐÀ NẴNG", S, "ĐÀ NẴNG"); /* U+00D0 */
    nt_expect("\xC6\x89"
              "ây là",
              S, "Đây là");                             /* U+0189 */
    nt_expect("Ðinh_Tiến Hoàng", S, "Đinh_Tiến Hoàng"); /* the next word is Vietnamese */
    nt_expect("Ông Ðinh", S, "Ông Đinh");               /* the word before */
    nt_expect("ðường \xC9\x96i", S, "đường đi");        /* ð, ɖ; đi by its neighbour */
    nt_expect("ÐINH ÐỨC", S, "ĐINH ĐỨC");               /* a neighbour with a look-alike */
    nt_expect("Guðrún Ðorgeirsdóttir", S, "Guðrún Ðorgeirsdóttir"); /* Icelandic stays */
    nt_expect("Ða", S, "Ða");                                       /* no Vietnamese around */
    nt_expect("xÐa", S, "xÐa");                                     /* not at the start of a word */
    nt_expect("Ðinh\nTiến", S, "Ðinh\nTiến");                       /* not across lines */
    nt_expect("Ða"
              "                    "
              "tiến",
              S,
              "Ða"
              "                    "
              "tiến");
    nt_expect("ĐÀ", S, "ĐÀ");
}

static void test_repair_and_tone_style(void **state)
{
    (void)state;
    const uint32_t R = VNSEG_NORM_REPAIR;
    nt_expect("baỏ lựơng thuơng muá hòang qúy gìa ngươì", R,
              "bảo lượng thương múa hoàng quý già người");
    nt_expect("Baỏ LỰƠNG", R, "Bảo LƯỢNG");
    nt_expect("hòa hoà hoìa hòc", R, "hòa hoà hoìa hòc"); /* valid or hopeless: left alone */
    nt_expect("ba" HOOK "o", R, "ba" HOOK "o");           /* valid NFD stays as it is */
    nt_expect("ba" HOOK "o", R | VNSEG_NORM_NFC, "bảo");
    nt_expect("ba"
              "o" HOOK,
              R, "bảo"); /* NFD repaired without NFC too */
    nt_expect("hòa khỏe thủy quý hoàng", VNSEG_NORM_TONE_NEW, "hoà khoẻ thuỷ quý hoàng");
    nt_expect("hoà khoẻ thuỷ quý hoàng", VNSEG_NORM_TONE_OLD, "hòa khỏe thủy quý hoàng");
    nt_expect("HÒA_BÌNH Thủy", VNSEG_NORM_TONE_NEW, "HOÀ_BÌNH Thuỷ");
    nt_expect("baỏ hòa", VNSEG_NORM_TONE_NEW | R, "bảo hoà");
    /* Letter by letter: the moved mark's letters map to their own originals. */
    const char *in = "baỏ";
    vnseg_norm *n = nt_run_n(in, strlen(in), -1, R);
    assert_string_equal(nt_text(n), "bảo");
    assert_string_equal(nt_orig_of(n, 0, 1), "b");
    assert_string_equal(nt_orig_of(n, 1, 2), "a");
    assert_string_equal(nt_orig_of(n, 4, 5), "ỏ");
    vnseg_norm_free(n);
    /* Both styles at once is an error. */
    assert_int_equal(vnseg_normalize("a", 1, VNSEG_NORM_TONE_NEW | VNSEG_NORM_TONE_OLD, &n),
                     VNSEG_E_INVALID_ARG);
    assert_null(n);
}

static void test_tone_round_trip(void **state)
{
    (void)state;
    const char *old_style = "Hòa Bình, khỏe mạnh, thủy lợi, Thanh Hóa, hoạ sĩ, xòe, Quỳnh, "
                            "tuỳ ý, HÒA, loà xoà, hoàng hôn, thuở";
    vnseg_norm *a = nt_run_n(old_style, strlen(old_style), -1, VNSEG_NORM_TONE_NEW);
    char mid[512];
    strcpy(mid, nt_text(a));
    vnseg_norm_free(a);
    assert_string_equal(mid, "Hoà Bình, khoẻ mạnh, thuỷ lợi, Thanh Hoá, hoạ sĩ, xoè, Quỳnh, "
                             "tuỳ ý, HOÀ, loà xoà, hoàng hôn, thuở");
    vnseg_norm *b = nt_run_n(mid, strlen(mid), -1, VNSEG_NORM_TONE_OLD);
    assert_string_equal(nt_text(b), "Hòa Bình, khỏe mạnh, thủy lợi, Thanh Hóa, họa sĩ, xòe, "
                                    "Quỳnh, tùy ý, HÒA, lòa xòa, hoàng hôn, thuở");
    vnseg_norm_free(b);
}

static void test_casefold(void **state)
{
    (void)state;
    const uint32_t S = VNSEG_NORM_CASEFOLD;
    nt_expect("ĐƯỜNG Hoà BÌNH, Tp. HCM", S, "đường hoà bình, tp. hcm");
    nt_expect("Straße ΣΊΣΥΦΟΣ", S, "strasse σίσυφοσ");
    nt_expect("\xC4\xB0", S,
              "i"
              "\xCC\x87"); /* İ */
    nt_expect("E" CIRC ACUTE, S, "e" CIRC ACUTE);
    const char *in = "Straße";
    vnseg_norm *n = nt_run_n(in, strlen(in), -1, S);
    assert_string_equal(nt_orig_of(n, 4, 5), "ß"); /* ß -> ss: both map to ß */
    assert_string_equal(nt_orig_of(n, 5, 6), "ß");
    assert_string_equal(nt_orig_of(n, 0, 1), "S");
    vnseg_norm_free(n);
}

static void test_fold(void **state)
{
    (void)state;
    nt_expect("Đường Hoà Bình", VNSEG_NORM_FOLD, "Duong Hoa Binh");
    nt_expect("Đường Hoà Bình", VNSEG_NORM_SEARCH, "duong hoa binh");
    nt_expect("ĐẶNG Thị Ngọc Thịnh, Nguyễn Ái Quốc", VNSEG_NORM_SEARCH,
              "dang thi ngoc thinh, nguyen ai quoc");
    nt_expect("ÐẠI ðường \xC6\x89 \xC9\x96 Øresund Łódź", VNSEG_NORM_FOLD,
              "DAI duong D d Oresund Lodz");
    nt_expect("Vie" DOT CIRC "t", VNSEG_NORM_FOLD, "Viet"); /* NFD, without NFC */
    nt_expect("Pokémon Zoë Ñandú", VNSEG_NORM_FOLD, "Pokemon Zoe Nandu");
    nt_expect("हिंदी 한국어 ß", VNSEG_NORM_FOLD, "हिंदी 한국어 ß"); /* other scripts keep marks */
    nt_expect("a"
              "\xCC\xB8"
              "b",
              VNSEG_NORM_FOLD, "ab");
    const char *in = "Vie" DOT CIRC "t";
    vnseg_norm *n = nt_run_n(in, strlen(in), -1, VNSEG_NORM_FOLD);
    assert_string_equal(nt_orig_of(n, 2, 3), "e" DOT CIRC); /* marks join the letter */
    vnseg_norm_free(n);
    in = "Đường";
    n = nt_run_n(in, strlen(in), -1, VNSEG_NORM_SEARCH);
    assert_string_equal(nt_orig_of(n, 0, 1), "Đ");
    assert_string_equal(nt_orig_of(n, 2, 3), "ờ");
    vnseg_norm_free(n);
}

static void test_every_step_together(void **state)
{
    (void)state;
    const char *in = BOM "ÐÀ" NBSP "NA" BREVE TILDE "NG:" ZWSP " ho" GRAVE "a" SHY " baỏ";
    vnseg_norm *n = nt_run_n(in, strlen(in), -1, DEF | VNSEG_NORM_REPAIR | VNSEG_NORM_TONE_NEW);
    assert_string_equal(nt_text(n), "ĐÀ NẴNG: hoà bảo");
    vnseg_norm_free(n);
    n = nt_run_n(in, strlen(in), -1, VNSEG_NORM_SEARCH | VNSEG_NORM_REPAIR);
    assert_string_equal(nt_text(n), "da nang: hoa bao");
    assert_string_equal(nt_orig_of(n, 0, 1), BOM "Ð");
    assert_string_equal(nt_orig_of(n, 4, 5), "A" BREVE TILDE);
    assert_string_equal(nt_orig_of(n, 2, 3), NBSP);
    vnseg_norm_free(n);
}

/* ---- invalid UTF-8 and arguments ---- */

static void test_invalid_utf8(void **state)
{
    (void)state;
    vnseg_norm *n = NULL;
    const char bad[] = "Việt \xE1\xBB Nam \xFF";
    assert_int_equal(vnseg_normalize(bad, sizeof bad - 1, DEF, &n), VNSEG_E_INVALID_UTF8);
    assert_null(n);
    assert_int_equal(vnseg_error_last()->offset, strlen("Việt "));
    assert_int_equal(vnseg_normalize(bad, sizeof bad - 1, 0, &n), VNSEG_E_INVALID_UTF8);
    n = nt_run_n(bad, sizeof bad - 1, -1, DEF | VNSEG_NORM_LENIENT);
    assert_string_equal(nt_text(n), "Việt \xEF\xBF\xBD Nam \xEF\xBF\xBD");
    assert_int_equal(vnseg_norm_unmapped_count(n), 2);
    size_t at, len;
    assert_int_equal(vnseg_norm_unmapped(n, 0, &at, &len), VNSEG_OK);
    assert_int_equal(at, strlen("Việt "));
    assert_int_equal(len, 2);
    assert_int_equal(vnseg_norm_unmapped(n, 1, &at, &len), VNSEG_OK);
    assert_int_equal(at, sizeof bad - 2);
    assert_int_equal(len, 1);
    assert_int_equal(vnseg_norm_unmapped(n, 2, &at, &len), VNSEG_E_INVALID_ARG);
    vnseg_norm_free(n);
}

static void test_arguments(void **state)
{
    (void)state;
    vnseg_norm *n = (vnseg_norm *)(uintptr_t)1;
    assert_int_equal(vnseg_normalize(NULL, 3, DEF, &n), VNSEG_E_INVALID_ARG);
    assert_null(n);
    assert_int_equal(vnseg_normalize("a", 1, DEF, NULL), VNSEG_E_INVALID_ARG);
    assert_int_equal(vnseg_normalize("a", 1, 1u << 12, &n), VNSEG_E_INVALID_ARG);
    assert_int_equal(vnseg_decode_legacy("a", 1, 99, DEF, &n), VNSEG_E_INVALID_ARG);
    assert_int_equal(vnseg_decode_legacy("a", 1, -1, DEF, &n), VNSEG_E_INVALID_ARG);
    assert_null(vnseg_norm_text(NULL, NULL));
    assert_int_equal(vnseg_norm_piece_count(NULL), 0);
    assert_int_equal(vnseg_norm_unmapped_count(NULL), 0);
    vnseg_norm_free(NULL);
}

/* ---- generated inputs ---- */

static uint64_t rng_state;

static unsigned rnd(unsigned n)
{
    rng_state = rng_state * 6364136223846793005u + 1442695040888963407u;
    return (unsigned)((rng_state >> 33) % n);
}

/* Pieces of text the generator strings together: Vietnamese letters in NFC and NFD, the
 * characters every step looks for, and other scripts. */
static const char *const atoms[] = {
    "a",
    "b",
    "n",
    "g",
    "h",
    "o",
    "u",
    "i",
    "y",
    "e",
    " ",
    " ",
    ".",
    ",",
    "_",
    "\n",
    "1",
    "à",
    "ả",
    "ệ",
    "ư",
    "ơ",
    "ờ",
    "đ",
    "Đ",
    "Ư",
    "Ẵ",
    "ỹ",
    "Ố",
    "ợ",
    "ă",
    "â",
    GRAVE,
    ACUTE,
    TILDE,
    HOOK,
    DOT,
    CIRC,
    BREVE,
    HORN,
    OLD_GRAVE,
    OLD_ACUTE,
    ZWSP,
    ZWNJ,
    ZWJ,
    LRM,
    WJ,
    BOM,
    SHY,
    NBSP,
    "\xE2\x80\x83",
    "\xE3\x80\x80",
    "Ð",
    "ð",
    "\xC6\x89",
    "\xC9\x96",
    "ß",
    "İ",
    "Σ",
    "ς",
    "Ø",
    "Å",
    "\xE2\x84\xAB",
    "가",
    "\xE1\x84\x80",
    "\xE1\x85\xA1",
    "👩",
    "💻",
    "\xEF\xB8\x8F",
    "🏽",
    "\xCC\x96",
    "q",
    "baỏ",
    "lựơng",
    "hòa",
    "hoà",
    "thủy",
    "Thuỷ",
    "ngươì",
    "qúy",
    "HÒA",
    "ĐƯỜNG",
    "\xE0\xA4\xB9",
    "\xE0\xA4\xBF",
    "\xE0\xA4\x82",
};

static const uint32_t step_bits[] = {
    VNSEG_NORM_NFC,      VNSEG_NORM_MARKS,    VNSEG_NORM_LOOKALIKE, VNSEG_NORM_INVISIBLE,
    VNSEG_NORM_SPACES,   VNSEG_NORM_TONE_NEW, VNSEG_NORM_TONE_OLD,  VNSEG_NORM_REPAIR,
    VNSEG_NORM_CASEFOLD, VNSEG_NORM_FOLD,
};

static size_t generate(char *buf, size_t cap)
{
    size_t len = 0, n = 1 + rnd(40);
    for (size_t k = 0; k < n; k++) {
        const char *a = atoms[rnd(COUNT(atoms))];
        size_t l = strlen(a);
        if (len + l >= cap) break;
        memcpy(buf + len, a, l);
        len += l;
    }
    return len;
}

static void test_generated_maps(void **state)
{
    (void)state;
    rng_state = 8;
    char buf[512];
    for (int round = 0; round < 3000; round++) {
        size_t len = generate(buf, sizeof buf);
        uint32_t steps = 0;
        for (size_t b = 0; b < COUNT(step_bits); b++)
            if (rnd(3) == 0) steps |= step_bits[b];
        if ((steps & VNSEG_NORM_TONE_NEW) && (steps & VNSEG_NORM_TONE_OLD))
            steps &= ~(uint32_t)VNSEG_NORM_TONE_OLD;
        if (round % 7 == 0) steps = DEF;
        if (round % 11 == 0) steps = VNSEG_NORM_SEARCH | VNSEG_NORM_REPAIR;
        vnseg_norm *n = nt_run_n(buf, len, -1, steps);
        vnseg_norm_free(n);
    }
}

/* Invalid bytes too, read leniently. */
static void test_generated_lenient(void **state)
{
    (void)state;
    rng_state = 99;
    char buf[512];
    for (int round = 0; round < 1000; round++) {
        size_t len = generate(buf, sizeof buf - 4);
        for (int k = rnd(3); k >= 0; k--) {
            size_t at = rnd((unsigned)len + 1);
            static const unsigned char junk[] = {0xFF, 0x80, 0xC3, 0xE1, 0xF0, 0xED};
            memmove(buf + at + 1, buf + at, len - at);
            buf[at] = (char)junk[rnd(sizeof junk)];
            len++;
        }
        vnseg_norm *n = nt_run_n(buf, len, -1, DEF | VNSEG_NORM_LENIENT | VNSEG_NORM_FOLD);
        vnseg_norm_free(n);
    }
}

/* NFC and case folding agree with utf8proc on every generated input (steps alone). */
static void test_agrees_with_utf8proc(void **state)
{
    (void)state;
    rng_state = 5;
    char buf[512];
    const struct {
        uint32_t step;
        utf8proc_option_t opts;
    } cases[] = {{VNSEG_NORM_NFC, UTF8PROC_STABLE | UTF8PROC_COMPOSE},
                 {VNSEG_NORM_CASEFOLD, UTF8PROC_CASEFOLD}};
    for (int round = 0; round < 4000; round++) {
        size_t len = generate(buf, sizeof buf);
        for (size_t c = 0; c < COUNT(cases); c++) {
            utf8proc_uint8_t *want = NULL;
            utf8proc_ssize_t wl = utf8proc_map((const utf8proc_uint8_t *)buf, (utf8proc_ssize_t)len,
                                               &want, cases[c].opts);
            assert_true(wl >= 0);
            vnseg_norm *n = nt_run_n(buf, len, -1, cases[c].step);
            size_t got_len;
            const char *got = vnseg_norm_text(n, &got_len);
            if (got_len != (size_t)wl || memcmp(got, want, got_len) != 0)
                fail_msg("step %#x on \"%.*s\": \"%.*s\", utf8proc \"%s\"", (unsigned)cases[c].step,
                         (int)len, buf, (int)got_len, got, want);
            vnseg_norm_free(n);
            free(want);
        }
    }
}

/* Normalizing twice changes nothing more (for the default and the search steps). */
static void test_idempotent(void **state)
{
    (void)state;
    rng_state = 77;
    char buf[512], once[2048];
    const uint32_t sets[] = {DEF, VNSEG_NORM_SEARCH, DEF | VNSEG_NORM_TONE_NEW | VNSEG_NORM_REPAIR};
    for (int round = 0; round < 2000; round++) {
        size_t len = generate(buf, sizeof buf);
        uint32_t steps = sets[round % COUNT(sets)];
        vnseg_norm *n = nt_run_n(buf, len, -1, steps);
        size_t l1;
        const char *t1 = vnseg_norm_text(n, &l1);
        assert_true(l1 < sizeof once);
        memcpy(once, t1, l1);
        vnseg_norm_free(n);
        n = nt_run_n(once, l1, -1, steps);
        size_t l2;
        const char *t2 = vnseg_norm_text(n, &l2);
        if (l2 != l1 || memcmp(t2, once, l1) != 0)
            fail_msg("not idempotent (%#x): \"%.*s\" -> \"%.*s\" -> \"%.*s\"", (unsigned)steps,
                     (int)len, buf, (int)l1, once, (int)l2, t2);
        assert_int_equal(vnseg_norm_changed(n), 0);
        vnseg_norm_free(n);
    }
}

/* Long texts reach the map's checkpoints and its overflow records: many units, a copy longer
 * than 65535 bytes, units longer than 255 bytes on either side, a long leading deletion. */
static void append_str(char **buf, size_t *len, size_t *cap, const char *s, size_t times)
{
    size_t l = strlen(s);
    for (size_t i = 0; i < times; i++) {
        if (*len + l >= *cap) {
            *cap = 2 * (*cap + l);
            *buf = realloc(*buf, *cap);
            assert_non_null(*buf);
        }
        memcpy(*buf + *len, s, l);
        *len += l;
    }
}

static void test_large_maps(void **state)
{
    (void)state;
    char *buf = NULL;
    size_t len = 0, cap = 0;
    append_str(&buf, &len, &cap, ZWSP, 300);                 /* leading deletion, 900 bytes */
    append_str(&buf, &len, &cap, "Vie" DOT CIRC "t ", 3000); /* 6000 units */
    append_str(&buf, &len, &cap, "x", 70000);                /* a long copy */
    append_str(&buf, &len, &cap, "a" OLD_ACUTE, 1);
    append_str(&buf, &len, &cap, "b", 1);
    append_str(&buf, &len, &cap, SHY, 200); /* 400 bytes join the b */
    append_str(&buf, &len, &cap, "q", 1);
    append_str(&buf, &len, &cap, "\xCC\x96", 150); /* a 301-byte NFC stretch */
    append_str(&buf, &len, &cap, ACUTE " Ðinh Tiến ", 1);
    append_str(&buf, &len, &cap, "ngu" HORN "o" HORN GRAVE "i ", 2000);
    const uint32_t sets[] = {DEF, VNSEG_NORM_SEARCH, VNSEG_NORM_INVISIBLE,
                             DEF | VNSEG_NORM_TONE_OLD | VNSEG_NORM_REPAIR};
    for (size_t k = 0; k < COUNT(sets); k++) {
        vnseg_norm *n = nt_run_n(buf, len, -1, sets[k]);
        size_t a, b;
        if (sets[k] == DEF) {
            assert_int_equal(vnseg_norm_to_original(n, 0, 1, &a, &b), VNSEG_OK);
            assert_int_equal(a, 0);
            assert_int_equal(b, 901);
        }
        vnseg_norm_free(n);
    }
    free(buf);
}

/* The scan's 16-byte blocks assume that leads C3..C6 and E1 B8..BB spell characters that no
 * step but the folding ones changes, except the look-alikes. */
static void test_scan_block_assumption(void **state)
{
    (void)state;
    const unsigned others = VN_NEED_CLEAN | VN_NEED_NFC | VN_NEED_LOOKALIKE;
    for (uint32_t cp = 0xC0; cp < 0x200; cp++) {
        bool lookalike = cp == 0xD0 || cp == 0xF0 || cp == 0x189;
        assert_int_equal(vn_norm_need(cp) & others, lookalike ? VN_NEED_LOOKALIKE : 0);
    }
    for (uint32_t cp = 0x1E00; cp < 0x1F00; cp++)
        assert_int_equal(vn_norm_need(cp) & others, 0);
}

/* The scan agrees with a character-by-character reading, at every alignment. */
static unsigned scan_reference(const unsigned char *s, size_t len)
{
    unsigned f = 0;
    for (size_t i = 0; i < len;) {
        uint32_t cp;
        int k = vn_utf8_decode(s + i, s + len, &cp);
        if (k < 0) {
            f |= VN_NEED_INVALID;
            i += (size_t)-k;
        } else {
            f |= vn_norm_need(cp);
            i += (size_t)k;
        }
    }
    return f;
}

static void test_scan_matches_reference(void **state)
{
    (void)state;
    static const char *const bits[] = {
        "a",
        "b c",
        "Việt",
        "ườ",
        "đ",
        "ĐẶNG",
        "à",
        "ỹ",
        "Ð",
        "ð",
        "\xC6\x89",
        "\xC9\x96",
        "\xE1\x84\x80",
        "\xE1\xB8\x80",
        "\xE1\xBB\xBF",
        ZWSP,
        NBSP,
        GRAVE,
        "“",
        "–",
        "\x80",
        "\xC3",
        "\xE1\xBA",
        "\xE1",
        "\xF0\x9F\x99\x82",
        "\xED\xA0\x80",
        "\xC0\x80",
        "\xC3\xC3\xA0",
        "\xE1\xBA\xA0\xBA",
        "Tổng_thống Nga Vladimir_Putin",
        "0123456789",
    };
    const unsigned wants[] = {VN_NEED_CLEAN | VN_NEED_NFC | VN_NEED_LOOKALIKE | VN_NEED_INVALID,
                              VN_NEED_NFC | VN_NEED_INVALID, VN_NEED_LOOKALIKE, 0x3F,
                              VN_NEED_INVALID};
    rng_state = 4242;
    unsigned char buf[300];
    for (int round = 0; round < 20000; round++) {
        size_t len = rnd(5); /* a random alignment */
        memset(buf, 'x', len);
        for (int k = (int)rnd(24); k > 0; k--) {
            const char *b = bits[rnd(COUNT(bits))];
            size_t l = strlen(b);
            if (len + l > sizeof buf) break;
            memcpy(buf + len, b, l);
            len += l;
        }
        unsigned ref = scan_reference(buf, len);
        for (size_t w = 0; w < COUNT(wants); w++) {
            unsigned got = vn_norm_scan(buf, len, wants[w]) & wants[w];
            if (got != (ref & wants[w]))
                fail_msg("scan of \"%.*s\" (want %#x): %#x, reference %#x", (int)len, buf, wants[w],
                         got, ref & wants[w]);
        }
    }
}

/* ---- allocation failures ---- */

/* ---- the map in bulk ---- */

/* vnseg_norm_pieces() gives what vnseg_norm_piece() gives, piece by piece. */
static void check_bulk_pieces(const char *text, uint32_t steps)
{
    vnseg_norm *n = NULL;
    assert_int_equal(vnseg_normalize(text, strlen(text), steps, &n), VNSEG_OK);
    size_t count = vnseg_norm_piece_count(n), len = 99;
    assert_int_equal(vnseg_norm_pieces(n, NULL, 0, &len), VNSEG_OK);
    assert_int_equal(len, 5 * count);
    uint64_t *out = malloc((5 * count + 1) * sizeof *out);
    assert_non_null(out);
    if (count > 0) {
        len = 0;
        assert_int_equal(vnseg_norm_pieces(n, out, 5 * count - 1, &len), VNSEG_E_BUFFER);
        assert_int_equal(len, 5 * count);
    }
    assert_int_equal(vnseg_norm_pieces(n, out, 5 * count + 1, &len), VNSEG_OK);
    assert_int_equal(len, 5 * count);
    for (size_t i = 0; i < count; i++) {
        size_t a, b, oa, ob;
        int copy;
        assert_int_equal(vnseg_norm_piece(n, i, &a, &b, &oa, &ob, &copy), VNSEG_OK);
        assert_int_equal(out[5 * i], a);
        assert_int_equal(out[5 * i + 1], b);
        assert_int_equal(out[5 * i + 2], oa);
        assert_int_equal(out[5 * i + 3], ob);
        assert_int_equal(out[5 * i + 4], (uint64_t)copy);
    }
    free(out);
    vnseg_norm_free(n);
}

static void test_pieces_in_bulk(void **state)
{
    (void)state;
    check_bulk_pieces("Hoa" GRAVE " Bi" GRAVE "nh\xe2\x80\x8b\xc2\xa0Vie" DOT CIRC "t \xf0\x9f\x98\x80",
                      DEF);
    check_bulk_pieces("Đường Hoà Bình", VNSEG_NORM_SEARCH);
    check_bulk_pieces("unchanged text", DEF);
    check_bulk_pieces("", DEF);
    check_bulk_pieces("\xe2\x80\x8b\xe2\x80\x8b", DEF); /* everything deleted */
    /* Hundreds of units (several checkpoints) around a copy too long for a record. */
    char *big = NULL;
    size_t big_len = 0, big_cap = 0;
    append_str(&big, &big_len, &big_cap, "Hoa" GRAVE " ", 300);
    append_str(&big, &big_len, &big_cap, "x", 70000);
    append_str(&big, &big_len, &big_cap, "Vie" DOT CIRC "t\xe2\x80\x8b ", 200);
    big[big_len] = 0;
    check_bulk_pieces(big, DEF);
    free(big);
    vnseg_norm *n = NULL;
    assert_int_equal(vnseg_normalize("ab", 2, DEF, &n), VNSEG_OK);
    size_t len;
    uint64_t out[5];
    assert_int_equal(vnseg_norm_pieces(NULL, out, 5, &len), VNSEG_E_INVALID_ARG);
    assert_int_equal(vnseg_norm_pieces(n, out, 5, NULL), VNSEG_E_INVALID_ARG);
    assert_int_equal(vnseg_norm_pieces(n, NULL, 5, &len), VNSEG_E_INVALID_ARG);
    assert_int_equal(vnseg_norm_pieces(n, out, 5, &len), VNSEG_OK);
    assert_int_equal(len, 5);
    assert_int_equal(out[1], 2);
    assert_int_equal(out[4], 1);
    vnseg_norm_free(n);
}

static void test_allocation_failures(void **state)
{
    (void)state;
    /* Enough text for several growths of every buffer, and work for every step. */
    static char text[6000];
    size_t len = 0;
    const char *piece =
        BOM "ÐÀ" NBSP "NA" BREVE TILDE "NG: ho" GRAVE "a baỏ Straße " ZWSP "\xFF Việt ";
    while (len + strlen(piece) < sizeof text) {
        memcpy(text + len, piece, strlen(piece));
        len += strlen(piece);
    }
    const uint32_t steps = VNSEG_NORM_SEARCH | VNSEG_NORM_REPAIR | VNSEG_NORM_LENIENT;
    vnseg_allocator a = tu_failing_allocator();
    vnseg_set_allocator(&a);
    long needed = -1;
    for (tu_fail_at = 0; tu_fail_at < 400; tu_fail_at++) {
        tu_live = tu_calls = 0;
        vnseg_norm *n = NULL;
        vnseg_status st = vnseg_normalize(text, len, steps, &n);
        assert_true(st == VNSEG_OK || st == VNSEG_E_NOMEM);
        if (st == VNSEG_E_NOMEM) {
            assert_null(n);
            assert_int_equal(vnseg_error_last()->status, VNSEG_E_NOMEM);
        } else if (needed < 0) {
            needed = tu_fail_at;
        }
        vnseg_norm_free(n);
        assert_int_equal(tu_live, 0);
    }
    assert_true(needed > 5); /* the loop did reach every allocation */
    vnseg_set_allocator(NULL);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test_teardown(test_nfc_input_is_not_copied, nt_teardown),
        cmocka_unit_test_teardown(test_nfc, nt_teardown),
        cmocka_unit_test_teardown(test_marks, nt_teardown),
        cmocka_unit_test_teardown(test_invisible, nt_teardown),
        cmocka_unit_test_teardown(test_spaces, nt_teardown),
        cmocka_unit_test_teardown(test_lookalike, nt_teardown),
        cmocka_unit_test_teardown(test_repair_and_tone_style, nt_teardown),
        cmocka_unit_test_teardown(test_tone_round_trip, nt_teardown),
        cmocka_unit_test_teardown(test_casefold, nt_teardown),
        cmocka_unit_test_teardown(test_fold, nt_teardown),
        cmocka_unit_test_teardown(test_every_step_together, nt_teardown),
        cmocka_unit_test_teardown(test_invalid_utf8, nt_teardown),
        cmocka_unit_test_teardown(test_arguments, nt_teardown),
        cmocka_unit_test_teardown(test_generated_maps, nt_teardown),
        cmocka_unit_test_teardown(test_generated_lenient, nt_teardown),
        cmocka_unit_test_teardown(test_agrees_with_utf8proc, nt_teardown),
        cmocka_unit_test_teardown(test_idempotent, nt_teardown),
        cmocka_unit_test_teardown(test_large_maps, nt_teardown),
        cmocka_unit_test_teardown(test_scan_block_assumption, nt_teardown),
        cmocka_unit_test_teardown(test_scan_matches_reference, nt_teardown),
        cmocka_unit_test_teardown(test_pieces_in_bulk, nt_teardown),
        cmocka_unit_test_teardown(test_allocation_failures, nt_teardown),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
