/* The detokenizer: every spacing rule on sentences written for these tests, the alignment
 * invariants, lossless round trips, the buffer protocol, errors and allocation failures. */
#include <pthread.h>

#include "testutil.h"

#include "detok_rules.h"

/* Check every invariant of an alignment against its document: spans in bounds, in order,
 * not empty, not overlapping; the output at each span is the token with its syllables
 * separated by spaces and escapes removed; token_at() is the inverse of the spans; the
 * projections agree with the spans. */
static void check_alignment(const vnseg_doc *doc, const vnseg_detok *d, bool lossless)
{
    size_t n = vnseg_doc_token_count(doc), len;
    assert_int_equal(vnseg_detok_token_count(d), n);
    const char *out = vnseg_detok_text(d, &len);
    assert_non_null(out);
    assert_int_equal(out[len], 0);
    const vnseg_span *sp = vnseg_detok_spans(d);
    if (n == 0) assert_null(sp);
    uint64_t end = 0;
    char *form = NULL;
    for (size_t i = 0; i < n; i++) {
        assert_true(sp[i].length > 0);
        assert_true(sp[i].offset >= end);
        assert_true(sp[i].offset + sp[i].length <= len);
        for (uint64_t x = end; x < sp[i].offset; x++) {
            /* Between tokens: what the detokenizer wrote, owned by no token. */
            assert_int_equal(vnseg_detok_token_at(d, x), VNSEG_DETOK_NONE);
            if (!lossless)
                assert_true(out[x] == ' ' || (out[x] >= 0x0A && out[x] <= 0x0D) ||
                            (unsigned char)out[x] >= 0x80);
        }
        for (uint64_t x = sp[i].offset; x < sp[i].offset + sp[i].length; x++)
            assert_int_equal(vnseg_detok_token_at(d, x), i);
        end = sp[i].offset + sp[i].length;

        size_t m = 0;
        vnseg_status st = vnseg_doc_token_form(doc, i, VNSEG_FORM_SPACES, NULL, 0, &m);
        assert_true(st == VNSEG_OK || st == VNSEG_E_BUFFER);
        form = realloc(form, m ? m : 1);
        assert_int_equal(vnseg_doc_token_form(doc, i, VNSEG_FORM_SPACES, form, m, &m), VNSEG_OK);
        assert_int_equal(sp[i].length, m);
        assert_memory_equal(out + sp[i].offset, form, m);

        vnseg_span s;
        assert_int_equal(vnseg_detok_span_of(d, i, 1, &s), VNSEG_OK);
        assert_int_equal(s.offset, sp[i].offset);
        assert_int_equal(s.length, sp[i].length);
        size_t first, count;
        assert_int_equal(vnseg_detok_tokens_of(d, sp[i].offset, sp[i].length, &first, &count),
                         VNSEG_OK);
        assert_int_equal(first, i);
        assert_int_equal(count, 1);
    }
    free(form);
    for (uint64_t x = end; x <= len; x++)
        assert_int_equal(vnseg_detok_token_at(d, x), VNSEG_DETOK_NONE);
    if (n) {
        vnseg_span all;
        assert_int_equal(vnseg_detok_span_of(d, 0, n, &all), VNSEG_OK);
        assert_int_equal(all.offset, sp[0].offset);
        assert_int_equal(all.offset + all.length, end);
        size_t first, count;
        assert_int_equal(vnseg_detok_tokens_of(d, 0, len, &first, &count), VNSEG_OK);
        assert_int_equal(first, 0);
        assert_int_equal(count, n);
    }
}

/* Detokenize `text` (tokenized with `topts`) with `dopts`, check the alignment and that
 * vnseg_detokenize_text() agrees; the output as a C string (valid until the next call). */
static const char *detok_opts(vnseg_doc *doc, const char *text, uint32_t topts, uint32_t dopts)
{
    static char *result;
    tu_tokenize(doc, text, topts);
    vnseg_detok *d = NULL;
    assert_int_equal(vnseg_detokenize(doc, dopts, &d), VNSEG_OK);
    check_alignment(doc, d, dopts & VNSEG_DETOK_LOSSLESS);
    size_t len;
    const char *out = vnseg_detok_text(d, &len);
    free(result);
    result = malloc(len + 1);
    assert_non_null(result);
    memcpy(result, out, len + 1);
    vnseg_detok_free(d);

    size_t need = 0;
    char *buf = malloc(strlen(text) + 1);
    assert_non_null(buf);
    assert_int_equal(
        vnseg_detokenize_text(text, strlen(text), topts | dopts, buf, strlen(text), &need),
        VNSEG_OK);
    assert_int_equal(need, len);
    assert_memory_equal(buf, result, len);
    free(buf);
    return result;
}

static const char *detok(vnseg_doc *doc, const char *text)
{
    return detok_opts(doc, text, 0, 0);
}

#define EXPECT(seg, natural) assert_string_equal(detok(doc, seg), natural)

static void test_underscores(void **state)
{
    vnseg_doc *doc = *state;
    EXPECT("Tổng_thống Nga Vladimir_Putin gặp lãnh_đạo Triều_Tiên",
           "Tổng thống Nga Vladimir Putin gặp lãnh đạo Triều Tiên");
    /* Literal underscores: links, addresses, identifiers, codes next to digits. */
    EXPECT("Xem https://vnexpress.net/thoi_su/tin_moi.html và gửi thư tới ban_doc@baomoi.vn",
           "Xem https://vnexpress.net/thoi_su/tin_moi.html và gửi thư tới ban_doc@baomoi.vn");
    EXPECT("hàm __init__ và biến _tam cùng bảng tbl_2 , mã BV9992_TS",
           "hàm __init__ và biến _tam cùng bảng tbl_2, mã BV9992_TS");
}

static void test_punctuation(void **state)
{
    vnseg_doc *doc = *state;
    EXPECT("lãnh_đạo ( phải ) nói : \" Tại_sao lại không nhỉ ? \"",
           "lãnh đạo (phải) nói: \"Tại sao lại không nhỉ?\"");
    EXPECT("Giá tăng , rồi giảm ; cuối_cùng đứng yên . Thật sao ? Đúng ! Chờ …",
           "Giá tăng, rồi giảm; cuối cùng đứng yên. Thật sao? Đúng! Chờ…");
    EXPECT("Tỷ_lệ [ xem bảng 2 ] và { ghi_chú } , lãi 5 %",
           "Tỷ lệ [xem bảng 2] và {ghi chú}, lãi 5%");
    /* Runs of final marks and ellipses stay whole. */
    EXPECT("Thật vậy ư ?! Ừ ... rồi sao ?", "Thật vậy ư?! Ừ... rồi sao?");
}

static void test_straight_quotes(void **state)
{
    vnseg_doc *doc = *state;
    /* Paired by position on the line. */
    EXPECT("Ông gọi đó là \" bước ngoặt \" và \" cơ_hội \" .",
           "Ông gọi đó là \"bước ngoặt\" và \"cơ hội\".");
    /* A quote that encloses punctuation only: position decides, not the neighbours. */
    EXPECT("Gõ ký_tự ' / ' vào ô , không phải ' ! ' .", "Gõ ký tự '/' vào ô, không phải '!'.");
    /* An odd count on the line: sentences with an even count pair by position, the odd
     * one follows its neighbours. */
    EXPECT("Anh nói \" đi \" rồi . Cô ấy đáp : \" Không đi đâu .",
           "Anh nói \"đi\" rồi. Cô ấy đáp: \"Không đi đâu.");
    /* Apostrophes are not quotes. */
    EXPECT("Cô H ' Len nói \" I don ' t know \" .", "Cô H'Len nói \"I don't know\".");
}

static void test_curly_quotes_and_guillemets(void **state)
{
    vnseg_doc *doc = *state;
    EXPECT("Họ hỏi : “ Vì sao ? ” rồi ‘ im_lặng ’ .", "Họ hỏi: “Vì sao?” rồi ‘im lặng’.");
    /* The closing curly quotes attach like their ASCII twins (not Moses' behaviour). */
    EXPECT("gọi là “ bí_mật ” , “ lớn ” .", "gọi là “bí mật”, “lớn”.");
    /* Guillemets keep the space inside, as the texts that use them do. */
    EXPECT("Chọn mục « Bởi tác_giả » rồi bấm « OK » .", "Chọn mục « Bởi tác giả » rồi bấm « OK ».");
}

static void test_dashes(void **state)
{
    vnseg_doc *doc = *state;
    EXPECT("xung_đột Nga - Ukraine và tuyến Hà_Nội - Hải_Phòng",
           "xung đột Nga - Ukraine và tuyến Hà Nội - Hải Phòng");
    EXPECT("ông Kim_Jong-un và tiêm_kích F-16", "ông Kim Jong-un và tiêm kích F-16");
    /* A parenthetical dash stays spaced, even before a lower-case word. */
    EXPECT("bà Thìn - trưởng ban - cho biết", "bà Thìn - trưởng ban - cho biết");
    /* Options and compounds split by a segmenter are joined again. */
    EXPECT("Dùng - - help hoặc - h , thêm - fPIC", "Dùng --help hoặc -h, thêm -fPIC");
    EXPECT("mã ASCII 7 - bit", "mã ASCII 7-bit");
    EXPECT("- - - - -", "-----");
}

static void test_numbers(void **state)
{
    vnseg_doc *doc = *state;
    EXPECT("ngày 1 / 8 / 2014 lúc 10 : 30", "ngày 1/8/2014 lúc 10:30");
    EXPECT("tăng 2,4 % , giá 100.000 đ , phí 50 ₫", "tăng 2,4%, giá 100.000đ, phí 50₫");
    EXPECT("lãi_suất 2 , 4 % và 0 , 05 điểm", "lãi suất 2,4% và 0,05 điểm");
    EXPECT("có 1 . 000 người", "có 1.000 người");
    /* Ambiguous: a list, or a day and a count. */
    EXPECT("tháng 3 , 5 và 7", "tháng 3, 5 và 7");
    EXPECT("ngày 16 : 16 ca mắc", "ngày 16: 16 ca mắc");
    /* Dates, scores and times of news. */
    EXPECT("sáng 17 - 3 , tỷ_số 2 - 1 , lúc 5 g 10", "sáng 17-3, tỷ số 2-1, lúc 5g10");
    EXPECT("giai_đoạn 1994 - 1995", "giai đoạn 1994 - 1995");
}

static void test_whole_tokens(void **state)
{
    vnseg_doc *doc = *state;
    EXPECT("Vui quá :)) , R & D và AT & T , Ctrl + C", "Vui quá :)), R&D và AT&T, Ctrl+C");
    EXPECT("Nạp / Lưu , km / h", "Nạp/Lưu, km/h");
    EXPECT("Trợ_lý Hộp tổ_hợp / Hộp liệt_kê", "Trợ lý Hộp tổ hợp / Hộp liệt kê");
    EXPECT("xem www.baomoi.vn .", "xem www.baomoi.vn.");
    EXPECT("Bánh & kẹo , 1 + 1 = 2", "Bánh & kẹo, 1 + 1 = 2");
}

static void test_abbreviations(void **state)
{
    vnseg_doc *doc = *state;
    EXPECT("Bệnh_viện Nguyễn_Trãi TP. HCM và GS. TS Trần_Văn_A",
           "Bệnh viện Nguyễn Trãi TP. HCM và GS. TS Trần Văn A");
    EXPECT("ở TP . HCM , v.v. và Q. Tân_Bình", "ở TP. HCM, v.v. và Q. Tân Bình");
}

static void test_runon_left_as_given(void **state)
{
    vnseg_doc *doc = *state;
    const char *seg = "Mỹ nói Nga đang đàm_phán mua đạn Nhà_Trắng cho biết Nga đang \" bí_mật "
                      "đàm_phán \" . Ảnh : Reuters Tin_tức về kế_hoạch được đưa ra sau đó .";
    EXPECT(seg, "Mỹ nói Nga đang đàm phán mua đạn Nhà Trắng cho biết Nga đang \"bí mật đàm "
                "phán\". Ảnh: Reuters Tin tức về kế hoạch được đưa ra sau đó.");
}

static void test_technical(void **state)
{
    vnseg_doc *doc = *state;
    EXPECT("phạm_vi « A 1 : B 1 » và ô $B $3", "phạm vi « A1:B1 » và ô $B$3");
    EXPECT("=SUM ( A 1 : B 5 ; 10 ) trả về 15", "=SUM(A1:B5;10) trả về 15");
    EXPECT("gõ < Tên > hoặc % < PRIuMAX > , chọn Công_cụ > Tùy chọn",
           "gõ <Tên> hoặc %<PRIuMAX>, chọn Công cụ > Tùy chọn");
    EXPECT("tập_tin . odt và % 1 , - - png= TẬP-TIN", "tập tin .odt và %1, --png=TẬP-TIN");
    /* Options: values, optional values, short options after a bracket or quote. */
    EXPECT("- - line-length =N , - - context [ =SỐ ] và “ - Wa , - no-expand ”",
           "--line-length=N, --context[=SỐ] và “-Wa, -no-expand”");
    EXPECT("- - arg-file = TẬP-TIN , stty [ - ] clocal", "--arg-file=TẬP-TIN, stty [-]clocal");
    EXPECT("- - [ no - ] track , lệnh ~ 1", "--[no-]track, lệnh ~1");
    /* Calls: formulas, functions in capitals with code arguments, man pages; an acronym
     * explained in words keeps its space. */
    EXPECT("=GEOMEAN ( 23 ; 46 ; 69 ) , CHAR ( 10 ) , cut ( 1 ) , STYLE ( )",
           "=GEOMEAN(23;46;69), CHAR(10), cut(1), STYLE()");
    EXPECT("tổ_chức WHO ( Tổ_chức Y_tế Thế_giới )", "tổ chức WHO (Tổ chức Y tế Thế giới)");
    EXPECT("công_thức « = ( 1+2 ) * 3 » và « =A 1 + B 1 »", "công thức « =(1+2)*3 » và « =A1+B1 »");
    /* Patterns quoted by guillemets; text quoted by them keeps its spaces. */
    EXPECT("mẫu « t * ng » hay « . * win . * » , phông « Font : 10 pt » , « Lợi_nhuận < 5000 »",
           "mẫu « t*ng » hay « .*win.* », phông « Font: 10 pt », « Lợi nhuận < 5000 »");
    /* Formats, patterns, escapes, tags, arrows, scopes, alternatives, powers. */
    EXPECT("lỗi % . * s , mẫu « . * » , « * . odt » , ký_tự \\ n",
           "lỗi %.*s, mẫu « .* », « *.odt », ký tự \\n");
    EXPECT("gõ < ? > hoặc < > , == > , XListener : : method , 10 | 30 , 2 ^ 10",
           "gõ <?> hoặc <>, ==>, XListener::method, 10|30, 2^10");
    EXPECT("giá_trị # REF ! hay # N / A , chuỗi # # # , “ @ nn ”",
           "giá trị #REF! hay #N/A, chuỗi ###, “@nn”");
    /* Keys and codes. */
    EXPECT("bấm Shift + Enter hay CommandCtrl + F 6 , kiểu C + + , tổ_hợp Ctrl +8",
           "bấm Shift+Enter hay CommandCtrl+F6, kiểu C++, tổ hợp Ctrl+8");
    EXPECT("bảng mã ISO-8859 -1 , giờ HH : MM : SS , 640 × 480 , 0 x%X",
           "bảng mã ISO-8859-1, giờ HH:MM:SS, 640×480, 0x%X");
    EXPECT(
        "mã SHA 1 , ảnh 3 D , chuẩn X. 509 , Đ.SỐ 1 , Kiểu= 1 , mảng x [ 1 ] , lớp [ : upper : ]",
        "mã SHA1, ảnh 3D, chuẩn X.509, Đ.SỐ1, Kiểu=1, mảng x[1], lớp [:upper:]");
    EXPECT("số 0 . 5 trong 0 .. 1 , % 1$ u , “ @ nn ” , ký_tự “ ^ I ”",
           "số 0.5 trong 0..1, %1$u, “@nn”, ký tự “^I”");
    EXPECT("- - files 0 , “ - mips 32 ” , =LOG 10 ( 5 ) , < A 1 >",
           "--files0, “-mips32”, =LOG10(5), <A1>");
    EXPECT("Text 1 : biểu_thức chuỗi", "Text1: biểu thức chuỗi");
    EXPECT("GoTo 0 : tắt", "GoTo 0: tắt");
    EXPECT("Không_thể nạp / var / lib , - - files [ = TẬP-TIN ] , gtk-menu = 16,16",
           "Không thể nạp /var/lib, --files[=TẬP-TIN], gtk-menu=16,16");
    EXPECT("Không_thể tạo . < BR > Hãy thử lại , x = 5 , lên / xuống / trái",
           "Không thể tạo.<BR>Hãy thử lại, x = 5, lên/xuống/trái");
    /* After a modifier key and `+`, what is pressed or done joins; a `+` after a glued label
     * ending in a key touches it. */
    EXPECT("giữ Shift + kéo chuột , bấm Option_Alt + Shift + nhấp , PhímCtrl + Alt + Del",
           "giữ Shift+kéo chuột, bấm Option Alt+Shift+nhấp, PhímCtrl+Alt+Del");
    /* A menu's accelerator mark `~` touches the letter it marks, and a fragment before it. */
    EXPECT("mục Mở t ~ ập tin , Tiê ~ u đề , nút Sửa_đổi ~ mẫu , dùng ~ 1 ",
           "mục Mở t~ập tin, Tiê~u đề, nút Sửa đổi ~mẫu, dùng ~1");
    /* A lower-case letter and its number: a variable or a version (`x1`, `r3`, `v2`), not a
     * time (`5g30`), a product (`3 m x 4 m`) or the word `y` (`Quân y 103`). */
    EXPECT("giá_trị x1 và x 2 , dùng r 3 , bản v 2 , lúc 5 g 30 , phòng 3 m x 4 m , Quân_y 103",
           "giá trị x1 và x2, dùng r3, bản v2, lúc 5g30, phòng 3 m x 4 m, Quân y 103");
    EXPECT("bệnh_viện Quân y 103", "bệnh viện Quân y 103");
    /* A dot between words, as the writer's shortcuts and the rules decide it. */
    EXPECT("Xong . Mở tập . odt ở ô Bảng 1 . A 1 , lúc 3 . Sau đó .",
           "Xong. Mở tập .odt ở ô Bảng 1.A1, lúc 3. Sau đó.");
    /* News around the same marks stays as written. */
    EXPECT("tại km 68 , tivi 3 , Tin_tức | VnExpress , ( Tổng_cục Thuế ) - cho biết",
           "tại km 68, tivi 3, Tin tức | VnExpress, (Tổng cục Thuế) - cho biết");
}

/* The third round's rules, each on text written for it, with the neighbours it must leave
 * alone. */
static void test_technical_third_round(void **state)
{
    vnseg_doc *doc = *state;
    /* A function of one variable; a manual's section; an acronym explained stays apart. */
    EXPECT("hàm g ( t ) và MAXDIFF ( t ) , xem DISTX ( a ; 2 ) và strlen ( buf ) , ls-tree ( 1 )",
           "hàm g(t) và MAXDIFF(t), xem DISTX(a; 2) và strlen(buf), ls-tree(1)");
    EXPECT("điểm C ( B , D ) , phím Tab ( tab ) , gói ABC ( nhẹ ) , cỡ Lớn ( x ) , mục a ( b )",
           "điểm C (B, D), phím Tab (tab), gói ABC (nhẹ), cỡ Lớn (x), mục a (b)");
    /* A version letter and its number; a decimal after capitals is no cell's row. */
    EXPECT("mạng IPv 4 , macro PRId 64 , ô B 7 , chuẩn DOCX 2.1 , tệp ODS 3.0/3.1",
           "mạng IPv4, macro PRId64, ô B7, chuẩn DOCX 2.1, tệp ODS 3.0/3.1");
    /* An ellipsis that opens a line before a lower-case word; before a capital, a pause. */
    EXPECT("... rồi lưu tệp .\n... Sau đó đóng .\n… và thoát", "...rồi lưu tệp.\n... Sau đó đóng.\n…và thoát");
    /* A Windows path; a backslash in prose stays apart. */
    EXPECT("mở \" d : \\ Data \\ cu \\ bang \" rồi gõ \\ n", "mở \"d:\\Data\\cu\\bang\" rồi gõ \\n");
    /* Tags with attributes and placeholders in words; comparisons stay spaced. */
    EXPECT("dòng < LINK REL= \" x \" HREF= \" y.css \" > và < Tên tệp chưa được lưu >",
           "dòng <LINK REL=\"x\" HREF=\"y.css\"> và <Tên tệp chưa được lưu>");
    EXPECT("nếu tổng < giới_hạn , hoặc bằng nhau , và số_lượng > 9 thì dừng",
           "nếu tổng < giới hạn, hoặc bằng nhau, và số lượng > 9 thì dừng");
    /* Curly quotes all turned one way, an even count of them; balanced ones as before. */
    EXPECT("chạy “ make install “ rồi “ make clean “", "chạy “make install“ rồi “make clean“");
    EXPECT("hoặc ” - q ” thôi", "hoặc ”-q” thôi");
    EXPECT("“ a “ b ” c ”", "“a “b” c”");
    /* A scheme named in prose; a host after it. */
    EXPECT("không dùng ftp : / / ở đây , mở http : / / trường.vn", "không dùng ftp:// ở đây, mở http://trường.vn");
    /* An accelerator mark opening a label; placeholders between hashes. */
    EXPECT("~ Lưu tự_động , tên # host # và # port #", "~Lưu tự động, tên #host# và #port#");
    /* The constant π and its sign or factor; an operator between operands. */
    EXPECT("góc từ - π / 2 đến + π / 2 , chu_vi 2 π r , hiệu 4 - π", "góc từ -π/2 đến +π/2, chu vi 2π r, hiệu 4 - π");
}

static void test_technical_fourth_round(void **state)
{
    vnseg_doc *doc = *state;
    /* Formats of three fields or more, any case; a label's colon stays spaced after it. */
    EXPECT("giờ theo mẫu « Gi : Ph : Gy » hoặc hh : mm : ss , còn Mục : A",
           "giờ theo mẫu « Gi:Ph:Gy » hoặc hh:mm:ss, còn Mục: A");
    /* A quoted name of code and its number; a Vietnamese label, or one in prose, stays
     * spaced. */
    EXPECT("lỗi “ reg : 12 ” hoặc « Err : 404 » , xem \" tab : 3 \" ; « Mã : 5 » , Tổng : 12",
           "lỗi “reg:12” hoặc « Err:404 », xem \"tab:3\"; « Mã: 5 », Tổng: 12");
    /* Two dashes and a name in capitals make an option when it holds a mark, takes a value or
     * ends the line; one dash between names stays, and two before a plain name too. */
    EXPECT("dùng - - Owner < UID > hoặc - - XTYPE-line , như Hà_Nội - Huế , theo sau - - Owner",
           "dùng --Owner <UID> hoặc --XTYPE-line, như Hà Nội - Huế, theo sau --Owner");
    EXPECT("ông K.H - - CEO của hãng", "ông K.H -- CEO của hãng");
    /* A sign opening a value; a sum stays spaced, and so does a bullet opening a line. */
    EXPECT("Đối_số : + K , “ + 3 ” , ( + 07:00 ) , còn 2 + K và Ctrl + K",
           "Đối số: +K, “+3”, (+07:00), còn 2 + K và Ctrl+K");
    EXPECT("+ 3 người đến .\n+ A và B", "+ 3 người đến.\n+ A và B");
    /* An ellipsis closing a list stays apart from its comma; inside code it touches. */
    EXPECT("( Đỏ , Xanh , ... ) và « A , B , … » , hết : 1 , 2 , …",
           "(Đỏ, Xanh, ...) và « A, B, … », hết: 1, 2, …");
    EXPECT("< TÊN , ... > , [ , ... ] , 1 , 2 , ... và 3", "<TÊN,...>, [,...], 1, 2,... và 3");
    /* A pair of angle brackets is one sign; a run of three is left to the other rules. */
    EXPECT("nhấn nút > > hoặc < < , dịch x < < 2", "nhấn nút >> hoặc <<, dịch x << 2");
    /* A section's number after a name of code; after a Vietnamese word it stays apart. */
    EXPECT("phần rdata $3 hoặc xdata $7 , giá hay $15", "phần rdata$3 hoặc xdata$7, giá hay $15");
    /* Four digits after a comma and a number of two digits or more: a list or a year; a
     * decimal keeps its comma. */
    EXPECT("các năm 2019 , 2020 , ngày 15 , 1975 , cỡ 20 , 4000 nhưng π = 3 , 1416 và 0 , 5000",
           "các năm 2019, 2020, ngày 15, 1975, cỡ 20, 4000 nhưng π = 3,1416 và 0,5000");
    /* Scientific notation; a letter listed after a number stays apart. */
    EXPECT("giá_trị 2.5 E +07 hoặc 6 E-12 , còn 3 e , 4 e - 5",
           "giá trị 2.5E+07 hoặc 6E-12, còn 3 e, 4 e - 5");
    /* A version letter and its number with a dot; capitals alone keep the space. */
    EXPECT("chỉ hỗ_trợ TLSv 1.3 và SSLv 3 , không ODF 1.2",
           "chỉ hỗ trợ TLSv1.3 và SSLv3, không ODF 1.2");
    /* The head of a regular expression's group; notes in brackets stay as they were. */
    EXPECT(
        "mẫu ( * SKIP ) , ( ? i ) , ( ? < tên > và ( ? ( , ghi_chú ( * ) và ( ? ) , ( * Theo báo )",
        "mẫu (*SKIP), (?i), (?<tên> và (?(, ghi chú (*) và (?), (* Theo báo)");
}

static void test_lines(void **state)
{
    vnseg_doc *doc = *state;
    EXPECT("  Dòng một .  \n\n Dòng ( hai ) \r\nDòng ba \n",
           "Dòng một.\n\nDòng (hai)\r\nDòng ba\n");
    EXPECT("\n\na", "\n\na");
    EXPECT("a\xE2\x80\xA8 b\xC2\x85"
           "c",
           "a\xE2\x80\xA8"
           "b\xC2\x85"
           "c");
    EXPECT("   ", "");
}

static void test_lossless(void **state)
{
    vnseg_doc *doc = *state;
    /* Raw text as a segmenter that records spacing would hand it over: words' syllables
     * joined by `_` where one space stood, every other separator kept, punctuation split
     * off only where no space stood (here: glued to its token, as vnseg_tokenize reads it). */
    const char *raw = "  Tổng thống Nga\tnói: \"Tại sao lại không?\"\n\n  (Theo AFP)\xC2\xA0 \r\n";
    const char *seg = "  Tổng_thống Nga\tnói: \"Tại_sao lại không?\"\n\n  (Theo AFP)\xC2\xA0 \r\n";
    assert_string_equal(detok_opts(doc, seg, 0, VNSEG_DETOK_LOSSLESS), raw);
    /* Every token with its own spacing flag: the input's separators come back as they were. */
    const vnseg_token *t = vnseg_doc_tokens(doc);
    for (size_t i = 0; i + 1 < vnseg_doc_token_count(doc); i++)
        assert_true(t[i].flags & VNSEG_TF_SPACE_AFTER);
    /* A leading byte-order mark and a mixed NFD word survive too. */
    assert_string_equal(
        detok_opts(doc, "\xEF\xBB\xBFVie\xCC\xA3\xCC\x82t_Nam  ơi", 0, VNSEG_DETOK_LOSSLESS),
        "\xEF\xBB\xBFVie\xCC\xA3\xCC\x82t Nam  ơi");
}

/* Raw text through the raw tokenizer, or through the segmenter (a model built from a word
 * list), comes back byte for byte in lossless mode; rule mode keeps the alignment. */
static void test_lossless_after_raw_text(void **state)
{
    vnseg_doc *doc = *state;
    static const char *const raw[] = {
        "Tổng thống Nga nói: \"Tại sao lại không nhỉ?\"  (Theo AFP)\r\n",
        "  Giá vàng tăng 2,4%, lên 100.000đ/chỉ\tsáng 17-3.\n\nTP.HCM, ngày 4/9",
        "a _ b tbl_2 Jong-un, H'Mông… :))\xC2\xA0xong", "", "   \n"};
    vnseg_trainer *t = NULL;
    vnseg_model *m = NULL;
    vnseg_segmenter *s = NULL;
    static const char words[] = "tổng thống\ntại sao\ngiá vàng\nxong xuôi\n";
    assert_int_equal(vnseg_trainer_new(NULL, &t), VNSEG_OK);
    assert_int_equal(vnseg_trainer_add(t, VNSEG_CORPUS_WORDLIST, words, strlen(words)), VNSEG_OK);
    assert_int_equal(vnseg_trainer_train(t, NULL, NULL, &m), VNSEG_OK);
    assert_int_equal(vnseg_segmenter_new(m, &s), VNSEG_OK);
    for (size_t k = 0; k < sizeof raw / sizeof *raw; k++) {
        size_t len = strlen(raw[k]);
        char *copy = malloc(len + 1);
        assert_non_null(copy);
        memcpy(copy, raw[k], len + 1);
        assert_int_equal(vnseg_tokenize_raw(doc, copy, len, 0), VNSEG_OK);
        vnseg_detok *d = NULL;
        assert_int_equal(vnseg_detokenize(doc, VNSEG_DETOK_LOSSLESS, &d), VNSEG_OK);
        check_alignment(doc, d, true);
        assert_string_equal(vnseg_detok_text(d, NULL), raw[k]);
        assert_int_equal(vnseg_detokenize_into(d, doc, 0), VNSEG_OK);
        check_alignment(doc, d, false);

        assert_int_equal(vnseg_segment(s, copy, len, 0), VNSEG_OK);
        const vnseg_doc *words_doc = NULL;
        assert_int_equal(vnseg_segmenter_doc(s, &words_doc), VNSEG_OK);
        assert_int_equal(vnseg_detokenize_into(d, words_doc, VNSEG_DETOK_LOSSLESS), VNSEG_OK);
        check_alignment(words_doc, d, true);
        assert_string_equal(vnseg_detok_text(d, NULL), raw[k]);
        vnseg_detok_free(d);
        free(copy);
    }
    vnseg_segmenter_free(s);
    vnseg_model_free(m);
    vnseg_trainer_free(t);
}

static void test_escapes(void **state)
{
    vnseg_doc *doc = *state;
    assert_string_equal(
        detok_opts(doc, "bảng tbl\\_gia và đường_dẫn C:\\\\ và lãnh_đạo", VNSEG_OPT_ESCAPES, 0),
        "bảng tbl_gia và đường dẫn C:\\ và lãnh đạo");
    assert_string_equal(
        detok_opts(doc, "tên\\_tệp ( mới )", VNSEG_OPT_ESCAPES, VNSEG_DETOK_LOSSLESS),
        "tên_tệp ( mới )");
}

static void test_alignment_projection(void **state)
{
    vnseg_doc *doc = *state;
    const char *seg = "Tổng_thống Nga ( phải ) nói .";
    tu_tokenize(doc, seg, 0);
    vnseg_detok *d;
    assert_int_equal(vnseg_detokenize(doc, 0, &d), VNSEG_OK);
    size_t len;
    const char *out = vnseg_detok_text(d, &len);
    assert_string_equal(out, "Tổng thống Nga (phải) nói.");
    /* A label on tokens 1..3 (`Nga ( phải`) covers `Nga (phải` of the output. */
    vnseg_span s;
    assert_int_equal(vnseg_detok_span_of(d, 1, 3, &s), VNSEG_OK);
    assert_int_equal(s.length, strlen("Nga (phải"));
    assert_memory_equal(out + s.offset, "Nga (phải", s.length);
    /* And back: the output range of `thống Nga` touches tokens 0 and 1. */
    size_t first, count;
    const char *p = strstr(out, "thống Nga");
    assert_int_equal(
        vnseg_detok_tokens_of(d, (uint64_t)(p - out), strlen("thống Nga"), &first, &count),
        VNSEG_OK);
    assert_int_equal(first, 0);
    assert_int_equal(count, 2);
    /* The space after `Nga` belongs to no token; an empty range there inserts before `(`. */
    uint64_t gap = (uint64_t)(strstr(out, " (") - out);
    assert_int_equal(vnseg_detok_token_at(d, gap), VNSEG_DETOK_NONE);
    assert_int_equal(vnseg_detok_tokens_of(d, gap, 1, &first, &count), VNSEG_OK);
    assert_int_equal(count, 0);
    assert_int_equal(first, 2);
    assert_int_equal(vnseg_detok_tokens_of(d, len, 0, &first, &count), VNSEG_OK);
    assert_int_equal(first, vnseg_doc_token_count(doc));
    /* Bad ranges. */
    assert_int_equal(vnseg_detok_span_of(d, 0, 0, &s), VNSEG_E_INVALID_ARG);
    assert_int_equal(vnseg_detok_span_of(d, 5, 3, &s), VNSEG_E_INVALID_ARG);
    assert_int_equal(vnseg_detok_tokens_of(d, len, 1, &first, &count), VNSEG_E_INVALID_ARG);
    assert_int_equal(vnseg_detok_tokens_of(d, 0, 1, NULL, &count), VNSEG_E_INVALID_ARG);
    /* The result does not depend on the document any more. */
    tu_tokenize(doc, "khác hẳn", 0);
    assert_string_equal(vnseg_detok_text(d, NULL), "Tổng thống Nga (phải) nói.");
    vnseg_detok_free(d);
}

static void test_buffer_protocol(void **state)
{
    (void)state;
    const char *seg = "Hà_Nội , ngày 4/9 .";
    const char *want = "Hà Nội, ngày 4/9.";
    size_t n = strlen(want), need = 0;
    /* Size query. */
    assert_int_equal(vnseg_detokenize_text(seg, strlen(seg), 0, NULL, 0, &need), VNSEG_E_BUFFER);
    assert_int_equal(need, n);
    /* Exact size, in a heap buffer of that size (ASan sees an overrun). */
    char *buf = malloc(n);
    assert_non_null(buf);
    need = 0;
    assert_int_equal(vnseg_detokenize_text(seg, strlen(seg), 0, buf, n, &need), VNSEG_OK);
    assert_int_equal(need, n);
    assert_memory_equal(buf, want, n);
    /* One byte short. */
    need = 0;
    assert_int_equal(vnseg_detokenize_text(seg, strlen(seg), 0, buf, n - 1, &need), VNSEG_E_BUFFER);
    assert_int_equal(need, n);
    assert_int_equal(vnseg_error_last()->status, VNSEG_E_BUFFER);
    free(buf);
    /* Bad arguments. */
    assert_int_equal(vnseg_detokenize_text(NULL, 3, 0, NULL, 0, &need), VNSEG_E_INVALID_ARG);
    assert_int_equal(vnseg_detokenize_text(seg, 3, 0, NULL, 5, &need), VNSEG_E_INVALID_ARG);
    assert_int_equal(vnseg_detokenize_text(seg, 3, 0, NULL, 0, NULL), VNSEG_E_INVALID_ARG);
    assert_int_equal(vnseg_detokenize_text(seg, 3, 1u << 30, NULL, 0, &need), VNSEG_E_INVALID_ARG);
}

static void test_empty_and_bad_arguments(void **state)
{
    vnseg_doc *doc = *state;
    EXPECT("", "");
    vnseg_detok *d = NULL;
    assert_int_equal(vnseg_detokenize(doc, 0, &d), VNSEG_OK);
    assert_int_equal(vnseg_detok_token_count(d), 0);
    assert_null(vnseg_detok_spans(d));
    assert_int_equal(vnseg_detok_token_at(d, 0), VNSEG_DETOK_NONE);
    vnseg_detok_free(d);
    size_t need = 7;
    assert_int_equal(vnseg_detokenize_text(NULL, 0, 0, NULL, 0, &need), VNSEG_OK);
    assert_int_equal(need, 0);
    assert_int_equal(vnseg_detokenize(NULL, 0, &d), VNSEG_E_INVALID_ARG);
    assert_null(d);
    assert_int_equal(vnseg_detokenize(doc, 0, NULL), VNSEG_E_INVALID_ARG);
    assert_int_equal(vnseg_detokenize(doc, 1u << 3, &d), VNSEG_E_INVALID_ARG);
    assert_null(vnseg_detok_text(NULL, &need));
    assert_int_equal(need, 0);
    assert_int_equal(vnseg_detok_token_count(NULL), 0);
    assert_int_equal(vnseg_detok_token_at(NULL, 0), VNSEG_DETOK_NONE);
    vnseg_detok_free(NULL);
    /* A document that never saw text. */
    vnseg_doc *fresh = vnseg_doc_new();
    assert_non_null(fresh);
    assert_int_equal(vnseg_detokenize(fresh, VNSEG_DETOK_LOSSLESS, &d), VNSEG_OK);
    assert_string_equal(vnseg_detok_text(d, NULL), "");
    vnseg_detok_free(d);
    vnseg_detok *empty = vnseg_detok_new();
    assert_non_null(empty);
    assert_string_equal(vnseg_detok_text(empty, &need), "");
    assert_int_equal(vnseg_detokenize_into(empty, NULL, 0), VNSEG_E_INVALID_ARG);
    assert_int_equal(vnseg_detokenize_into(empty, fresh, 1u << 3), VNSEG_E_INVALID_ARG);
    vnseg_detok_free(empty);
    vnseg_doc_free(fresh);
    /* Tokenizer options are accepted and ignored. */
    tu_tokenize(doc, "a b", 0);
    assert_int_equal(vnseg_detokenize(doc, VNSEG_OPT_LENIENT | VNSEG_OPT_ESCAPES, &d), VNSEG_OK);
    vnseg_detok_free(d);
}

static void test_invalid_utf8(void **state)
{
    vnseg_doc *doc = *state;
    const char bad[] = "Hà_Nội \xFF ( mới )";
    size_t need = 0;
    assert_int_equal(vnseg_detokenize_text(bad, sizeof bad - 1, 0, NULL, 0, &need),
                     VNSEG_E_INVALID_UTF8);
    assert_int_equal(vnseg_error_last()->offset, strlen("Hà_Nội "));
    /* Lenient: the bytes are copied as they are, inside their token. */
    assert_string_equal(detok_opts(doc, bad, VNSEG_OPT_LENIENT, 0), "Hà Nội \xFF (mới)");
    assert_string_equal(detok_opts(doc, "a\xC3 ( b )", VNSEG_OPT_LENIENT, VNSEG_DETOK_LOSSLESS),
                        "a\xC3 ( b )");
}

static void test_nfd_and_invisible(void **state)
{
    vnseg_doc *doc = *state;
    /* Việt_Nam in NFD, and mixed: same spacing as NFC, bytes untouched. */
    EXPECT("Vie\xCC\xA3\xCC\x82t_Nam ( nước ) , Vi\xE1\xBB\x87t_Nam .",
           "Vie\xCC\xA3\xCC\x82t Nam (nước), Vi\xE1\xBB\x87t Nam.");
    /* A zero-width space inside a word stays in it. */
    EXPECT("lãnh\xE2\x80\x8B_đạo ( mới )", "lãnh\xE2\x80\x8B đạo (mới)");
}

static void test_long_token_cut(void **state)
{
    vnseg_doc *doc = *state;
    /* A run longer than the token limit is cut into tokens that go on without a separator:
     * no space may appear between them. */
    size_t n = VNSEG_TOKEN_MAX_BYTES + 100;
    char *big = malloc(n + 4);
    assert_non_null(big);
    memset(big, 'a', n);
    memcpy(big + n, " ,", 3);
    const char *out = detok(doc, big);
    assert_int_equal(strlen(out), n + 1);
    assert_int_equal(out[n], ',');
    assert_true(vnseg_doc_token_count(doc) >= 3);
    free(big);
}

/* One result refilled with documents of every size: each time as if made afresh. */
static void test_reuse(void **state)
{
    vnseg_doc *doc = *state;
    vnseg_detok *d = vnseg_detok_new();
    assert_non_null(d);
    static const char two_lines[] =
        "Tổng_thống Nga ( phải ) nói : \" Tại_sao lại không nhỉ ? \" , ngày 1 / 8 / 2014 .\n"
        "Dòng hai , với - - help và « A 1 : B 1 » .";
    static const char *const texts[] = {two_lines, "ngắn .", "", "  \n\n",
                                        "Hà_Nội , ngày 4/9 ( mới ) ."};
    for (int round = 0; round < 2; round++)
        for (size_t k = 0; k < sizeof texts / sizeof *texts; k++) {
            uint32_t opts = round ? VNSEG_DETOK_LOSSLESS : 0;
            char want[512];
            size_t n;
            assert_int_equal(
                vnseg_detokenize_text(texts[k], strlen(texts[k]), opts, want, sizeof want, &n),
                VNSEG_OK);
            tu_tokenize(doc, texts[k], 0);
            assert_int_equal(vnseg_detokenize_into(d, doc, opts), VNSEG_OK);
            check_alignment(doc, d, opts);
            size_t len;
            const char *out = vnseg_detok_text(d, &len);
            assert_int_equal(len, n);
            assert_memory_equal(out, want, n);
        }
    vnseg_detok_free(d);
}

/* The shortcuts for common pairs (detok_rules.h) decide as the full rules do: on every line
 * of these tests and on random sequences of tricky tokens. */
static void check_shortcuts(const vnseg_doc *doc)
{
    size_t n = vnseg_doc_token_count(doc);
    unsigned char *fast = malloc(n + 1), *slow = malloc(n + 1), *scratch = malloc(2 * n + 2);
    assert_true(fast && slow && scratch);
    for (size_t sent = 0, a, b; vn_detok_next_line(doc, &sent, &a, &b);) {
        vn_detok_line_rules(doc, a, b, fast, scratch, true);
        vn_detok_line_rules(doc, a, b, slow, scratch, false);
        for (size_t i = a + 1; i < b; i++)
            if (fast[i - a] != slow[i - a])
                fail_msg("shortcut disagrees before token %zu of \"%s\"", i, tu_joined(doc));
    }
    free(fast);
    free(slow);
    free(scratch);
}

static void test_shortcuts_agree_with_rules(void **state)
{
    vnseg_doc *doc = *state;
    static const char *const pieces[] = {
        "Hà_Nội", "nói", "odt", "A", "B", "1", "10", "2,4", "%", "đ", ",", ".", ":", ";", "?", "!",
        "...", "(", ")", "[", "]", "\"", "'", "“", "”", "«", "»", "-", "–", "/", "&", "+", "<", ">",
        "$", "$B", "#", "=", "Kiểu=", "=SUM", "=N", "x=SIN", "help", "T", "don", "t", "s", "H",
        "Len", "×", "..", "*", "%%", "g", "30", "ngày", "A1", "://", "clocal", "0", "x1F", "@", "^",
        "uint", "cut", "CR", "1$", "u", "=SỐ", "bit", "{", "}", "π", "IPv", "“", "”", "\\", "~",
        "…", "//", "sizeof", "NOT", "git-am", "META", "để",
        /* the fourth round's rules */
        "E", "+03", "E-45", "idata", "$5", "ACCEPT", "TLSv", "1.2", "Gi", "1899", "dsp", "Group"};
    const size_t np = sizeof pieces / sizeof *pieces;
    char *buf = malloc(4096);
    assert_non_null(buf);
    uint32_t seed = 12345;
    for (int round = 0; round < 3000; round++) {
        size_t len = 0;
        int count = 2 + round % 12;
        for (int k = 0; k < count; k++) {
            seed = seed * 1103515245u + 12345u;
            const char *p = pieces[(seed >> 16) % np];
            size_t m = strlen(p);
            memcpy(buf + len, p, m);
            len += m;
            buf[len++] = ' ';
        }
        buf[len] = 0;
        tu_tokenize(doc, buf, 0);
        check_shortcuts(doc);
    }
    free(buf);
    tu_tokenize(doc, "Tổng_thống ( phải ) , “ a ” , « b » , c / d : e ; f ? g . odt , A 1 : B 1",
                0);
    check_shortcuts(doc);
}

/* Detokenize one document from several threads at once: creating a result only reads it. */
static vnseg_doc *shared_doc;

static void *detok_thread(void *arg)
{
    (void)arg;
    for (int k = 0; k < 50; k++) {
        vnseg_detok *d;
        if (vnseg_detokenize(shared_doc, 0, &d) != VNSEG_OK) return (void *)1;
        bool ok = strcmp(vnseg_detok_text(d, NULL), "Hà Nội (mới), \"đẹp\".") == 0;
        vnseg_detok_free(d);
        if (!ok) return (void *)1;
    }
    return NULL;
}

static void test_threads(void **state)
{
    shared_doc = *state;
    tu_tokenize(shared_doc, "Hà_Nội ( mới ) , \" đẹp \" .", 0);
    pthread_t th[4];
    for (int k = 0; k < 4; k++)
        assert_int_equal(pthread_create(&th[k], NULL, detok_thread, NULL), 0);
    for (int k = 0; k < 4; k++) {
        void *r;
        assert_int_equal(pthread_join(th[k], &r), 0);
        assert_null(r);
    }
}

static void test_allocation_failures(void **state)
{
    (void)state;
    static const char sample[] = "Tổng_thống Nga ( phải ) nói : \" Tại_sao ? \" ngày 1 / 8 .\n"
                                 "- - help và « A 1 : B 1 » .";
    vnseg_allocator a = tu_failing_allocator();
    vnseg_set_allocator(&a);
    bool saw_ok = false;
    for (tu_fail_at = 0; tu_fail_at < 100; tu_fail_at++) {
        tu_live = tu_calls = 0;
        vnseg_doc *doc = vnseg_doc_new();
        if (doc && vnseg_tokenize(doc, sample, sizeof sample - 1, 0) == VNSEG_OK) {
            vnseg_detok *d = (vnseg_detok *)1;
            vnseg_status st = vnseg_detokenize(doc, 0, &d);
            assert_true(st == VNSEG_OK || st == VNSEG_E_NOMEM);
            if (st == VNSEG_E_NOMEM) {
                assert_null(d);
                assert_int_equal(vnseg_error_last()->status, VNSEG_E_NOMEM);
            }
            vnseg_detok_free(d);
            /* A reused result that must grow: on failure it is left empty. */
            vnseg_detok *r = vnseg_detok_new();
            if (r) {
                st = vnseg_detokenize_into(r, doc, 0);
                assert_true(st == VNSEG_OK || st == VNSEG_E_NOMEM);
                if (st == VNSEG_E_NOMEM) {
                    assert_int_equal(vnseg_detok_token_count(r), 0);
                    assert_string_equal(vnseg_detok_text(r, NULL), "");
                }
                vnseg_detok_free(r);
            }
        }
        vnseg_doc_free(doc);
        assert_int_equal(tu_live, 0);

        tu_calls = 0;
        char buf[256];
        size_t need;
        vnseg_status st =
            vnseg_detokenize_text(sample, sizeof sample - 1, 0, buf, sizeof buf, &need);
        assert_true(st == VNSEG_OK || st == VNSEG_E_NOMEM);
        saw_ok |= st == VNSEG_OK;
        assert_int_equal(tu_live, 0);
    }
    assert_true(saw_ok);
    vnseg_set_allocator(NULL);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        TU_TEST(test_underscores),
        TU_TEST(test_punctuation),
        TU_TEST(test_straight_quotes),
        TU_TEST(test_curly_quotes_and_guillemets),
        TU_TEST(test_dashes),
        TU_TEST(test_numbers),
        TU_TEST(test_whole_tokens),
        TU_TEST(test_abbreviations),
        TU_TEST(test_runon_left_as_given),
        TU_TEST(test_technical),
        TU_TEST(test_technical_third_round),
        TU_TEST(test_technical_fourth_round),
        TU_TEST(test_lines),
        TU_TEST(test_lossless),
        TU_TEST(test_lossless_after_raw_text),
        TU_TEST(test_escapes),
        TU_TEST(test_alignment_projection),
        TU_TEST(test_buffer_protocol),
        TU_TEST(test_empty_and_bad_arguments),
        TU_TEST(test_invalid_utf8),
        TU_TEST(test_nfd_and_invisible),
        TU_TEST(test_long_token_cut),
        TU_TEST(test_threads),
        TU_TEST(test_reuse),
        TU_TEST(test_shortcuts_agree_with_rules),
        cmocka_unit_test(test_allocation_failures),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
