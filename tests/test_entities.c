/* The entity scanner: gazetteer matches over token runs, key insensitivity, glued tokens, every
 * rule for names on no list, precedence, links, options, threads and allocation failures.
 * The sentences are written for these tests. */
#include <pthread.h>

#include "testutil.h"

static vnseg_gazetteer *deflt; /* the default gazetteer, built once */

static int setup(void **state)
{
    (void)state;
    return vnseg_gazetteer_default(&deflt) == VNSEG_OK ? 0 : -1;
}

static int teardown(void **state)
{
    (void)state;
    vnseg_gazetteer_free(deflt);
    free(tu_copy);
    tu_copy = NULL;
    return 0;
}

static vnseg_gazetteer *build_tsv(const char *tsv, uint32_t flags)
{
    vnseg_gazetteer_builder *b;
    assert_int_equal(vnseg_gazetteer_builder_new(flags, &b), VNSEG_OK);
    assert_int_equal(vnseg_gazetteer_builder_add_tsv(b, tsv, strlen(tsv)), VNSEG_OK);
    vnseg_gazetteer *g;
    assert_int_equal(vnseg_gazetteer_builder_build(b, &g), VNSEG_OK);
    vnseg_gazetteer_builder_free(b);
    return g;
}

/* Scan `text` and describe the mentions as "TYPE:text" (heuristic ones "TYPE~text"),
 * separated by " | ". */
static const char *scan_with(const char *text, const vnseg_gazetteer *g, uint32_t options)
{
    static char out[4096];
    vnseg_doc *doc = vnseg_doc_new();
    vnseg_mentions *m = vnseg_mentions_new();
    tu_tokenize(doc, text, 0);
    assert_int_equal(vnseg_scan_entities(m, doc, g, options), VNSEG_OK);
    size_t len = 0;
    out[0] = 0;
    const vnseg_mention *x = vnseg_mentions_get(m);
    for (size_t i = 0; i < vnseg_mentions_count(m); i++) {
        const char *type = vnseg_gazetteer_type_name(g, x[i].type);
        len += (size_t)snprintf(out + len, sizeof out - len, "%s%s%c%.*s", i ? " | " : "", type,
                                x[i].source == VNSEG_SOURCE_GAZETTEER ? ':' : '~', (int)x[i].length,
                                tu_copy + x[i].offset);
        assert_true(len < sizeof out);
        /* Spans lie inside their tokens' range, in order, without overlap. */
        const vnseg_token *t = vnseg_doc_tokens(doc);
        const vnseg_token *a = &t[x[i].first_token],
                          *b = &t[x[i].first_token + x[i].token_count - 1];
        assert_true(x[i].offset >= a->offset && x[i].offset < a->offset + a->length);
        assert_true(x[i].offset + x[i].length > b->offset &&
                    x[i].offset + x[i].length <= b->offset + b->length);
        if (i) assert_true(x[i - 1].offset + x[i - 1].length <= x[i].offset);
    }
    vnseg_mentions_free(m);
    vnseg_doc_free(doc);
    return out;
}

static const char *scan(const char *text)
{
    return scan_with(text, deflt, 0);
}

/* ---- gazetteer names ---- */

static void test_longest_match_over_tokens(void **state)
{
    (void)state;
    vnseg_gazetteer *g = build_tsv("Hội đồng\tORG\nHội đồng Bảo an\tORG\nLiên Hợp Quốc\tORG\n"
                                   "Triều Tiên\tLOC\nBảo an\tMISC\n",
                                   0);
    assert_string_equal(scan_with("Hội_đồng Bảo_an họp .", g, VNSEG_SCAN_NO_HEURISTICS),
                        "ORG:Hội_đồng Bảo_an");
    assert_string_equal(scan_with("Hội_đồng Bảo an họp .", g, VNSEG_SCAN_NO_HEURISTICS),
                        "ORG:Hội_đồng Bảo an");
    assert_string_equal(scan_with("Hội đồng Bảo_an họp .", g, VNSEG_SCAN_NO_HEURISTICS),
                        "ORG:Hội đồng Bảo_an");
    assert_string_equal(scan_with("Hội_đồng_Bảo_an họp .", g, VNSEG_SCAN_NO_HEURISTICS),
                        "ORG:Hội_đồng_Bảo_an");
    assert_string_equal(scan_with("Hội_đồng họp .", g, VNSEG_SCAN_NO_HEURISTICS), "ORG:Hội_đồng");
    assert_string_equal(scan_with("ở Liên_Hợp Quốc và Triều Tiên .", g, VNSEG_SCAN_NO_HEURISTICS),
                        "ORG:Liên_Hợp Quốc | LOC:Triều Tiên");
    /* A name does not cross a sentence end. */
    assert_string_equal(scan_with("ông Hội . Đồng Bảo_an", g, VNSEG_SCAN_NO_HEURISTICS),
                        "MISC:Bảo_an");
    vnseg_gazetteer_free(g);
}

static void test_match_is_key_insensitive(void **state)
{
    (void)state;
    vnseg_gazetteer *g = build_tsv("Hòa Bình\tLOC\nThanh Hóa\tLOC\nĐà Nẵng\tLOC\n"
                                   "Thủy Nguyên\tLOC\nQuý Châu\tLOC\n",
                                   0);
    const uint32_t o = VNSEG_SCAN_NO_HEURISTICS;
    assert_string_equal(scan_with("tới Hoà_Bình", g, o), "LOC:Hoà_Bình");
    assert_string_equal(scan_with("tới Hoa\xCC\x80_Bi\xCC\x80nh", g, o),
                        "LOC:Hoa\xCC\x80_Bi\xCC\x80nh");
    assert_string_equal(scan_with("tới Thanh_Hoá", g, o), "LOC:Thanh_Hoá");
    assert_string_equal(scan_with("tới Thuỷ_Nguyên", g, o), "LOC:Thuỷ_Nguyên");
    assert_string_equal(scan_with("tới Quý_Châu", g, o), "LOC:Quý_Châu");
    assert_string_equal(scan_with("tới \xC3\x90\xC3\xA0_N\xE1\xBA\xB5ng", g, o),
                        "LOC:\xC3\x90\xC3\xA0_N\xE1\xBA\xB5ng");
    assert_string_equal(scan_with("TỚI HÒA BÌNH", g, o), "LOC:HÒA BÌNH");
    /* Case: initials must agree by default (hòa bình is "peace"). */
    assert_string_equal(scan_with("vì hòa_bình", g, o), "");
    vnseg_gazetteer_free(g);
    g = build_tsv("Hòa Bình\tLOC\n", VNSEG_GAZ_FOLD_CASE);
    assert_string_equal(scan_with("vì hòa_bình", g, o), "LOC:hòa_bình");
    vnseg_gazetteer_free(g);
}

static void test_glued_tokens(void **state)
{
    (void)state;
    const char *r = scan("Mỹ_cáo_buộc Nga vi_phạm lệnh cấm .");
    assert_string_equal(r, "LOC:Mỹ | LOC:Nga");
    assert_string_equal(scan("Họ dùng cho xung_đột_Ukraine ."), "LOC:Ukraine");
    assert_string_equal(scan("trong khi Triều Tiên_cáo_buộc Mỹ ."), "LOC:Triều Tiên | LOC:Mỹ");
    assert_string_equal(scan("Ảnh : AFP_Mỹ , Anh và Nhật_Bản ."),
                        "ORG:AFP | LOC:Mỹ | LOC:Anh | LOC:Nhật_Bản");
    assert_string_equal(scan("kế_hoạch thăm_Nga của ông ."), "LOC:Nga");
    assert_string_equal(scan("Ông Kirby_cáo_buộc Bình_Nhưỡng ."), "PER~Kirby | LOC:Bình_Nhưỡng");
    /* Words capitalized on their first syllable only are no names. */
    assert_string_equal(scan("Lãnh_đạo hai nước gặp nhau ."), "");
    assert_string_equal(scan("Ông ấy nói : Quốc_phòng là việc lớn ."), "");
    assert_string_equal(scan("Mỹ_cáo_buộc Nga ."), "LOC:Mỹ | LOC:Nga");
    assert_string_equal(scan_with("Mỹ_cáo_buộc Nga .", deflt, VNSEG_SCAN_NO_GLUED), "LOC:Nga");
    /* The byte span of a glued name covers its syllables only. */
    vnseg_doc *doc = vnseg_doc_new();
    vnseg_mentions *m = vnseg_mentions_new();
    tu_tokenize(doc, "xung_đột_Ukraine", 0);
    assert_int_equal(vnseg_scan_entities(m, doc, deflt, 0), VNSEG_OK);
    assert_int_equal(vnseg_mentions_count(m), 1);
    const vnseg_mention *x = vnseg_mentions_get(m);
    assert_int_equal(x->offset, strlen("xung_đột_"));
    assert_int_equal(x->length, strlen("Ukraine"));
    assert_int_equal(x->first_token, 0);
    assert_int_equal(x->token_count, 1);
    assert_true(x->flags & VNSEG_MF_PARTIAL);
    vnseg_mentions_free(m);
    vnseg_doc_free(doc);
}

/* ---- names on no list ---- */

static void test_person_titles(void **state)
{
    (void)state;
    assert_string_equal(scan("Hôm_qua ông Trần_Văn_Minh phát_biểu ."), "PER~Trần_Văn_Minh");
    assert_string_equal(scan("Theo bà Lê_Thị_Hoa , giá tăng ."), "PER~Lê_Thị_Hoa");
    assert_string_equal(scan("Họ gặp Tổng_thống Nga Vladimir_Putin ."),
                        "LOC:Nga | PER~Vladimir_Putin");
    assert_string_equal(scan("Bộ_trưởng Quốc_phòng Nga Sergey_Shoigu đã tới ."),
                        "LOC:Nga | PER~Sergey_Shoigu");
    assert_string_equal(scan("Sau đó ông Kim rời đi ."), "PER~Kim");
    /* The title is left out, also when the segmenter split the name. */
    assert_string_equal(scan("Chủ_tịch Nguyễn Văn An nói ."), "PER~Nguyễn Văn An");
}

static void test_places(void **state)
{
    (void)state;
    assert_string_equal(scan("Đoàn đã tới Vladikavkaz hôm_qua ."), "LOC~Vladikavkaz");
    assert_string_equal(scan("Họ sống ở Tân_Thới_Nhì ."), "LOC~Tân_Thới_Nhì");
    assert_string_equal(scan("Mưa lớn ở tỉnh Quảng_Nam và phường An_Sơn ."),
                        "LOC:tỉnh Quảng_Nam | LOC~phường An_Sơn");
    assert_string_equal(scan("Xe chạy trên đường Bạch_Đằng ."), "LOC~đường Bạch_Đằng");
    assert_string_equal(scan("Nga - Triều sẽ tập trận ."), "LOC:Nga | LOC~Triều");
    assert_string_equal(scan_with("Mưa ở tỉnh Quảng_Nam .", deflt, VNSEG_SCAN_NO_HEADS),
                        "LOC:Quảng_Nam");
}

static void test_organizations(void **state)
{
    (void)state;
    assert_string_equal(scan("Bệnh_viện Chợ_Rẫy tiếp_nhận ca bệnh ."), "ORG:Bệnh_viện Chợ_Rẫy");
    assert_string_equal(scan("Bệnh_viện Thống_Nhất tiếp_nhận ca bệnh ."),
                        "ORG~Bệnh_viện Thống_Nhất");
    assert_string_equal(scan("Theo Sở Giao_thông vận_tải , đường ngập ."),
                        "ORG~Sở Giao_thông vận_tải");
    assert_string_equal(scan("Thông_tin từ Ủy_ban nhân_dân thành_phố Đà_Nẵng cho biết ."),
                        "ORG~Ủy_ban nhân_dân thành_phố Đà_Nẵng");
    assert_string_equal(scan("Cổ_phiếu của công_ty Hoàng_Long tăng ."), "ORG~công_ty Hoàng_Long");
    assert_string_equal(scan("vũ_khí cho tập_đoàn Wagner sử_dụng ."), "ORG:tập_đoàn Wagner");
    assert_string_equal(scan("Quyết_định của Bộ Y_tế và Bộ Giáo_dục ."),
                        "ORG:Bộ Y_tế | ORG:Bộ Giáo_dục");
    assert_string_equal(scan("Hãng thông_tấn Hàn_Quốc Yonhap đưa tin ."),
                        "LOC:Hàn_Quốc | ORG:Yonhap");
    assert_string_equal(scan("Báo Mỹ nói thế ."), "LOC:Mỹ");
}

static void test_shapes_and_defaults(void **state)
{
    (void)state;
    /* Foreign names are persons unless a cue says otherwise; acronyms are organizations. */
    assert_string_equal(scan("Phát_biểu của Jake_Sullivan gây chú_ý ."), "PER~Jake_Sullivan");
    assert_string_equal(scan("Số_liệu của VNPT và XYZT cho thấy ."), "ORG:VNPT | ORG~XYZT");
    assert_string_equal(scan("Giá 100 USD một thùng ."), "");
    /* A one-syllable Vietnamese word starting a sentence is capitalized by position. */
    assert_string_equal(scan("Khi đó trời mưa ."), "");
    assert_string_equal(scan("( Theo Reuters )"), "ORG:Reuters");
    assert_string_equal(scan("Nguyễn Văn An và Lê Văn Bình đã đến ."),
                        "PER~Nguyễn Văn An | PER~Lê Văn Bình");
    /* A headline in capitals has no acronyms. */
    assert_string_equal(scan("BÃO LỚN ĐỔ BỘ VÀO MIỀN TRUNG"), "");
}

static void test_lists_suffixes_bylines(void **state)
{
    (void)state;
    /* Names listed after one typed by its head take its type. */
    assert_string_equal(scan("Nước ngập các đường Đỗ_Quang , Tô_Ngọc_Vân và Văn_Cao ."),
                        "LOC~đường Đỗ_Quang | LOC~Tô_Ngọc_Vân | LOC~Văn_Cao");
    /* Words that end organization names. */
    assert_string_equal(scan("Trận đấu giữa Hà_Nội FC và Manchester_United ."),
                        "ORG~Hà_Nội FC | ORG~Manchester_United");
    /* Numbered districts and wards, abbreviated heads. */
    assert_string_equal(scan("Cửa_hàng ở Q. 8 và P. Hiệp_Phú , quận 3 ."),
                        "LOC~Q. 8 | LOC~P. Hiệp_Phú | LOC~quận 3");
    /* A byline in capitals: the word after its dash is capitalized by position. */
    assert_string_equal(scan("TTO - Trong hai ngày , mưa lớn ."), "ORG~TTO");
    /* A lone capitalized syllable before a lower-case word is no name; one cued is. */
    assert_string_equal(scan("theo Luật doanh_nghiệp mới ."), "");
    assert_string_equal(scan("ông Luật nói ."), "PER~Luật");
    /* Abbreviations with inner dots, single letters. */
    assert_string_equal(scan("ngân_sách T.Ư và quý I ."), "");
}

static void test_bylines_fields_peoples(void **state)
{
    (void)state;
    /* A byline with a place in brackets: the paper is an organization, the word after the
     * dash is capitalized by position. */
    assert_string_equal(scan("TT ( Hà_Nội ) - Ngày 9 - 9 , mưa lớn ."), "ORG~TT | LOC:Hà_Nội");
    assert_string_equal(scan("Họ nói TT - tức tờ báo ."), "");
    /* `và` and dashes between the fields of one organization's name; a capitalized head inside
     * a sentence before lower-case fields; a short number that ends the name. */
    assert_string_equal(scan("Vốn vay của Ngân_hàng Đầu_tư và phát_triển tăng ."),
                        "ORG~Ngân_hàng Đầu_tư và phát_triển");
    assert_string_equal(scan("Họ đề_nghị lập Tổng_công_ty đầu_tư và kinh_doanh vốn nhà_nước ."),
                        "ORG~Tổng_công_ty đầu_tư và kinh_doanh vốn nhà_nước");
    assert_string_equal(scan("Theo Uỷ_ban Dân_số - gia_đình và trẻ_em , số trẻ tăng ."),
                        "ORG~Uỷ_ban Dân_số - gia_đình và trẻ_em");
    /* `Anh` starting a sentence before a lower-case word is the pronoun, not England. */
    assert_string_equal(scan("Anh cho biết . Anh và Pháp ký . Ông đến Anh ."),
                        "LOC:Anh | LOC:Pháp | LOC:Anh");
    assert_string_equal(scan("Anh làm cho Tổng_cục du_lịch Thái_Lan ."),
                        "ORG~Tổng_cục du_lịch Thái_Lan");
    assert_string_equal(scan("Quĩ hỗ_trợ phát_triển Quảng_Nam cho vay ."), "LOC:Quảng_Nam");
    assert_string_equal(scan("vay của Quĩ hỗ_trợ phát_triển Quảng_Nam ."),
                        "ORG~Quĩ hỗ_trợ phát_triển Quảng_Nam");
    assert_string_equal(scan("Cầu do Tổng_công_ty Xây_dựng công_trình giao_thông 1 , 6 và 8 làm ."),
                        "ORG~Tổng_công_ty Xây_dựng công_trình giao_thông 1");
    assert_string_equal(scan("Công_ty cổ_phần này lỗ ."), "");
    /* A people or a dynasty is no person. */
    assert_string_equal(scan("Ông dạy nghề cho người Việt , đánh tan quân Thanh ."), "");
    /* Places joined by a dash after a place word. */
    assert_string_equal(scan("Xe kẹt ở giao_lộ Lê_Lai - Nguyễn_Thị_Nghĩa ."),
                        "LOC~Lê_Lai | LOC~Nguyễn_Thị_Nghĩa");
    /* Titles of trades and ranks; place words; a street after a house number; an acronym
     * after a quantifier is an abbreviated common noun. */
    assert_string_equal(scan("Lệnh của thuyền_trưởng Lợi rất rõ ."), "PER~Lợi");
    assert_string_equal(scan("Dịch lan trên địa_bàn Bạc_Liêu ."), "LOC:Bạc_Liêu");
    assert_string_equal(scan("Anh đến Đội cảnh_sát , 282 Nơ_Trang_Long , nộp hồ_sơ ."),
                        "ORG~Đội cảnh_sát | LOC~Nơ_Trang_Long");
    assert_string_equal(scan("Những BN nặng và các DN nhỏ , theo TTXVN ."), "ORG:TTXVN");
    /* Former provinces are on the list; single letters and common nouns are no names. */
    assert_string_equal(scan("Dân Hà_Tây lên đường xuyên Á , xem Internet ."), "LOC:Hà_Tây");
}

/* Rules of the entities3 session, on sentences written for these tests. */
static void test_given_names_streets_abbreviations(void **state)
{
    (void)state;
    /* Abbreviated common nouns of the press are no organizations. */
    assert_string_equal(
        scan("Bệnh SXH lan nhanh , các ĐD và BS trực đêm , khoa KCB quá tải , súng AK bị thu ."),
        "");
    /* A one-syllable given name inside a sentence before a word that follows a subject, or
     * before `và` and another name. */
    assert_string_equal(scan("Sáng nay còn Lành thì đã về quê , Tâm lại ở nhà ."),
                        "PER~Lành | PER~Tâm");
    assert_string_equal(scan("Tiền chia cho Mến và Hoà ."), "PER~Mến | PER~Hoà");
    /* A listed place after a form of address by kin is a given name; not after an office. */
    assert_string_equal(scan("Hôm_qua chị Pháp kể lại chuyện cũ , Tổng_thống Nga đến ."),
                        "PER~Pháp | LOC:Nga");
    /* Vocatives; a word capitalized by position is a person only when the document names
     * that person elsewhere. */
    assert_string_equal(scan("\" Lan ơi , về ăn cơm \" , mẹ gọi . \" Anh ơi \" ."), "PER~Lan");
    assert_string_equal(scan("Nhàn chưa kịp nói thì mẹ của Nhàn đã về ."), "PER~Nhàn | PER~Nhàn");
    assert_string_equal(scan("Nhàn chưa kịp nói ."), "");
    assert_string_equal(scan_with("Nhàn chưa kịp nói thì mẹ của Nhàn đã về .", deflt,
                                  VNSEG_SCAN_NO_LINKS),
                        "PER~Nhàn");
    /* Initials after a title. */
    assert_string_equal(scan("Theo bác_sĩ T. , bệnh_nhân đã ổn , anh N.V.B xác_nhận ."),
                        "PER~T. | PER~N.V.B");
    /* Streets named after people: by the district in brackets after them, a name in brackets
     * after a place, the first part of an address in brackets (not a person's name), a house
     * number after `số`. */
    assert_string_equal(
        scan("Các tiệm trên đường Lê_Văn_Sĩ ( quận 3 ) , Trần_Quốc_Thảo ( quận 3 ) vẫn mở ."),
        "LOC~đường Lê_Văn_Sĩ | LOC~quận 3 | LOC~Trần_Quốc_Thảo | LOC~quận 3");
    assert_string_equal(scan("Nhà ông ở đường Cống_Quỳnh ( Tân_Định ) ."),
                        "LOC~đường Cống_Quỳnh | LOC~Tân_Định");
    assert_string_equal(scan("Gà ở Hoà_Bình_Phước ( Đông_Hải , Bạc_Liêu ) bị bệnh , thư của "
                             "( Nguyễn_Văn_Tư , Bạc_Liêu ) ."),
                        "LOC~Hoà_Bình_Phước | LOC~Đông_Hải | LOC:Bạc_Liêu | PER~Nguyễn_Văn_Tư | "
                        "LOC:Bạc_Liêu");
    assert_string_equal(scan("Văn_phòng đặt tại số 12 Cống_Quỳnh ."), "LOC~Cống_Quỳnh");
    /* Places of the highlands by their first syllable; names after `miền núi`; `thị_tứ`. */
    assert_string_equal(scan("Mưa lớn làm Ia_Grai ngập , còn Krông_Pắc khô ."),
                        "LOC~Ia_Grai | LOC~Krông_Pắc");
    assert_string_equal(scan("Hạn kéo_dài ở các huyện miền núi Tam_Đường , Mường_Tè ."),
                        "LOC~Tam_Đường | LOC~Mường_Tè");
    assert_string_equal(scan("Họ lên thị_tứ Khâm_Đức mua muối , cháy ở Q. Gò_Vấp ."),
                        "LOC~thị_tứ Khâm_Đức | LOC:Q. Gò_Vấp");
}

static void test_acronyms_shops_zones(void **state)
{
    (void)state;
    /* Acronyms joined by a dash; `TP` alone after an administrative head; a numbered district
     * after one; a capitalized head and its acronym in brackets; an acronym after a title is
     * the body, not a person; abbreviations of trades; the code of a document's number. */
    assert_string_equal(scan("Hôm_qua Bộ VH - TT đã họp , Phòng TC - KH Q. 3 báo_cáo ."),
                        "ORG~Bộ VH - TT | ORG~Phòng TC - KH Q. 3");
    assert_string_equal(scan("Hôm_qua UBND TP đã duyệt , BHXH TP cũng đồng_ý ."),
                        "ORG~UBND TP | ORG~BHXH TP");
    assert_string_equal(scan("Hôm_qua Bảo_hiểm_xã_hội ( BHXH ) tỉnh đã chi ."),
                        "ORG~Bảo_hiểm_xã_hội | ORG~BHXH");
    assert_string_equal(scan("Các đại_biểu QH chất_vấn , các PV và CTV ghi_chép ."), "ORG~QH");
    assert_string_equal(scan("Theo giấy_phép 15 / GPĐT của bộ , Hanoi_Times đưa tin ."),
                        "ORG~Hanoi_Times");
    assert_string_equal(scan("Uỷ_ban Tài_chính và ngân_sách họp với Ban thường_vụ QH ."),
                        "ORG~Uỷ_ban Tài_chính và ngân_sách | ORG~Ban thường_vụ QH");
    /* A number of three digits ends a company's name; a year does not. */
    assert_string_equal(scan("Hợp_đồng của Công_ty Xây_dựng 584 , không phải Công_ty "
                             "Xây_dựng 2004 ."),
                        "ORG~Công_ty Xây_dựng 584 | ORG~Công_ty Xây_dựng");
    /* Shops by their kind (not part of the name); zones with their kind; the land of a place. */
    assert_string_equal(scan("Bọn cướp vào tiệm vàng Ngọc_Lan ( quận 5 ) hôm_qua ."),
                        "ORG~Ngọc_Lan | LOC~quận 5");
    assert_string_equal(scan("Họ vào tiệm Ngọc_Lan ( quận 5 ) , Kim_Phát ( quận 6 ) ."),
                        "ORG~Ngọc_Lan | LOC~quận 5 | ORG~Kim_Phát | LOC~quận 6");
    /* The names of a list that ends in a place with its head are places. */
    assert_string_equal(scan("Ba buôn Dlei , Knia và làng Thơ nằm sát biên_giới ."),
                        "LOC~Dlei | LOC~Knia | LOC~làng Thơ");
    assert_string_equal(scan("Dự_án khu đô_thị mới Nam_Phong gần Khu công_nghiệp Tân_Mỹ II ."),
                        "LOC~khu đô_thị mới Nam_Phong | LOC~Khu công_nghiệp Tân_Mỹ II");
    assert_string_equal(scan("Ông về đất Tây_Sơn rồi thăm quê Lương_Sơn ."),
                        "LOC~Tây_Sơn | LOC~Lương_Sơn");
    /* The code of a virus's strain and a people of two syllables are no names. */
    assert_string_equal(scan("Cúm do virus H7N9 lan tới người Xơ_Đăng trên núi ."), "");
    /* A name between two places of a list is a place; a full name there is a person. */
    assert_string_equal(scan("Họ đến từ Phước_Hưng , Long_Điền , Đồng_Nai ."),
                        "LOC~Phước_Hưng | LOC~Long_Điền | LOC:Đồng_Nai");
    assert_string_equal(scan("Thư gửi tới Phước_Hưng , Trần_Văn_Nam , Đồng_Nai ."),
                        "LOC~Phước_Hưng | PER~Trần_Văn_Nam | LOC:Đồng_Nai");
}

static void test_given_names_in_context(void **state)
{
    (void)state;
    /* A family name that is also a place word, after a title; a one-syllable name before a
     * verb of speech and a colon (not without the colon); a given name joined by `và` to a
     * person's; a form of address that is also a country, before a given name. */
    assert_string_equal(scan("Hôm_qua ông Châu và bà Hồ đã về ."), "PER~Châu | PER~Hồ");
    assert_string_equal(scan("Tâm nói : \" Em về đây \" ."), "PER~Tâm");
    assert_string_equal(scan("Tâm nói rằng em sẽ về ."), "");
    assert_string_equal(scan("Toà xử cho Lan và Huệ và tuyên án ."), "PER~Lan | PER~Huệ");
    assert_string_equal(scan("Tôi hỏi - Anh Tâm nói ngay ."), "PER~Tâm");
    /* A full name in capitals (a byline), not capitals for emphasis. */
    assert_string_equal(scan("Ảnh : NGUYỄN_VĂN_AN"), "PER~NGUYỄN_VĂN_AN");
    assert_string_equal(scan("Họ hô to : XIN_CHÀO ."), "");
}

static void test_bodies_after_offices(void **state)
{
    (void)state;
    /* After an office, the body's name stops before the person's (a full name, or after the
     * place of an administrative body); a hospital named after a person keeps its name. */
    assert_string_equal(scan("Giám_đốc Sở Giao_thông vận_tải Lê_Minh_Tuấn cho biết ."),
                        "ORG~Sở Giao_thông vận_tải | PER~Lê_Minh_Tuấn");
    assert_string_equal(scan("Chủ_tịch UBND xã Đồng_Tâm Hà_Văn_Khải nói ."),
                        "ORG~UBND xã Đồng_Tâm | PER~Hà_Văn_Khải");
    assert_string_equal(scan("Giám_đốc Bệnh_viện Nguyễn_Tri_Phương nói ."),
                        "ORG~Bệnh_viện Nguyễn_Tri_Phương");
    /* `&` and dashes between fields; `chỉ_huy` inside a body's name; a field glued after a
     * capitalized head is no listed place; `Đảng` alone. */
    assert_string_equal(
        scan("Tin từ Sở Công_nghiệp & thương_mại Long_An , do bộ Giáo_dục – Đào_tạo ban_hành ."),
        "ORG~Sở Công_nghiệp & thương_mại Long_An | ORG~bộ Giáo_dục – Đào_tạo");
    assert_string_equal(scan("Tin từ Ban chỉ_huy quân_sự huyện Mỏ_Cày cho biết ."),
                        "ORG~Ban chỉ_huy quân_sự huyện Mỏ_Cày");
    assert_string_equal(scan("Theo Vụ Pháp_chế của Bộ Công_an , luật mới có hiệu_lực ."),
                        "ORG~Vụ Pháp_chế | ORG:Bộ Công_an");
    assert_string_equal(scan("Nghị_quyết nêu rõ công_tác xây_dựng Đảng năm nay ."), "ORG~Đảng");
}

static void test_precedence(void **state)
{
    (void)state;
    /* The gazetteer's type wins over the rules' default (Wagner is foreign: PER by default). */
    vnseg_gazetteer *g = build_tsv("Wagner\tORG\n", 0);
    assert_string_equal(scan_with("Wagner tuyển quân .", g, 0), "ORG:Wagner");
    assert_string_equal(scan_with("Wagner tuyển quân .", NULL, 0), "PER~Wagner");
    vnseg_gazetteer_free(g);
    /* A user list added after the defaults overrides them. */
    vnseg_gazetteer_builder *b;
    assert_int_equal(vnseg_gazetteer_builder_new(0, &b), VNSEG_OK);
    assert_int_equal(vnseg_gazetteer_builder_add_defaults(b, VNSEG_GAZ_DEFAULT_ALL), VNSEG_OK);
    const char user[] = "Nga\tPER\tperson:nga\tNga\nAnh\t-\n";
    assert_int_equal(vnseg_gazetteer_builder_add_tsv(b, user, strlen(user)), VNSEG_OK);
    assert_int_equal(vnseg_gazetteer_builder_build(b, &g), VNSEG_OK);
    vnseg_gazetteer_builder_free(b);
    assert_string_equal(scan_with("gặp Nga và Anh .", g, VNSEG_SCAN_NO_HEURISTICS), "PER:Nga");
    vnseg_gazetteer_free(g);
    /* An administrative body takes a gazetteer place whole; the mention is then the body's. */
    vnseg_doc *doc = vnseg_doc_new();
    vnseg_mentions *m = vnseg_mentions_new();
    tu_tokenize(doc, "Sở Y_tế Hà_Nội cho biết", 0);
    assert_int_equal(vnseg_scan_entities(m, doc, deflt, 0), VNSEG_OK);
    assert_int_equal(vnseg_mentions_count(m), 1);
    assert_int_equal(vnseg_mentions_get(m)->type, VNSEG_ENT_ORG);
    assert_int_equal(vnseg_mentions_get(m)->entry, VNSEG_NO_ENTRY);
    vnseg_mentions_free(m);
    vnseg_doc_free(doc);
}

static void test_canonical_and_links(void **state)
{
    (void)state;
    vnseg_doc *doc = vnseg_doc_new();
    vnseg_mentions *m = vnseg_mentions_new();
    tu_tokenize(doc,
                "Tổng_thống Vladimir_Putin gặp ông Kim_Jong-un . Ông Putin nói ông Kim "
                "đồng_ý . Mỹ phản_đối .",
                0);
    assert_int_equal(vnseg_scan_entities(m, doc, deflt, 0), VNSEG_OK);
    const vnseg_mention *x = vnseg_mentions_get(m);
    size_t n = vnseg_mentions_count(m);
    assert_int_equal(n, 5);
    const char *c, *id;
    size_t cl, il;
    assert_int_equal(vnseg_mention_canonical(m, 2, &c, &cl), VNSEG_OK);
    assert_memory_equal(c, "Vladimir Putin", cl);
    assert_int_equal(x[2].link, 0);
    assert_int_equal(vnseg_mention_canonical(m, 3, &c, &cl), VNSEG_OK);
    assert_memory_equal(c, "Kim Jong-un", cl);
    assert_int_equal(vnseg_mention_canonical(m, 4, &c, &cl), VNSEG_OK);
    assert_memory_equal(c, "Hoa Kỳ", cl);
    assert_int_equal(vnseg_mention_id(m, 4, &id, &il), VNSEG_OK);
    assert_memory_equal(id, "country:US", il);
    assert_int_equal(vnseg_mention_id(m, 0, &id, &il), VNSEG_OK);
    assert_int_equal(il, 0);
    assert_int_equal(vnseg_mention_canonical(m, 5, &c, &cl), VNSEG_E_INVALID_ARG);
    assert_int_equal(vnseg_scan_entities(m, doc, deflt, VNSEG_SCAN_NO_LINKS), VNSEG_OK);
    assert_int_equal(vnseg_mention_canonical(m, 2, &c, &cl), VNSEG_OK);
    assert_memory_equal(c, "Putin", cl);
    assert_int_equal(vnseg_mentions_get(m)[2].link, VNSEG_NO_ENTRY);
    vnseg_mentions_free(m);
    vnseg_doc_free(doc);
    assert_string_equal(vnseg_source_name(VNSEG_SOURCE_HEURISTIC), "heuristic");
    assert_string_equal(vnseg_source_name(9), "?");
}

static void test_options_and_arguments(void **state)
{
    (void)state;
    assert_string_equal(scan_with("ông Trần_Văn_Minh ở Hà_Nội", deflt, VNSEG_SCAN_NO_HEURISTICS),
                        "LOC:Hà_Nội");
    assert_string_equal(scan_with("ông Trần_Văn_Minh ở Hà_Nội", NULL, 0),
                        "PER~Trần_Văn_Minh | LOC~Hà_Nội");
    vnseg_mentions *m = vnseg_mentions_new();
    vnseg_doc *doc = vnseg_doc_new();
    assert_int_equal(vnseg_scan_entities(NULL, doc, deflt, 0), VNSEG_E_INVALID_ARG);
    assert_int_equal(vnseg_scan_entities(m, NULL, deflt, 0), VNSEG_E_INVALID_ARG);
    assert_int_equal(vnseg_scan_entities(m, doc, deflt, 1u << 12), VNSEG_E_INVALID_ARG);
    assert_int_equal(vnseg_scan_entities(m, doc, deflt, 0), VNSEG_OK); /* empty document */
    assert_int_equal(vnseg_mentions_count(m), 0);
    assert_null(vnseg_mentions_get(m));
    vnseg_mentions_free(m);
    vnseg_mentions_free(NULL);
    vnseg_doc_free(doc);
}

/* ---- threads ---- */

static const char thread_text[] =
    "Tổng_thống Nga Vladimir_Putin ( phải ) và lãnh_đạo Triều_Tiên Kim_Jong-un tại "
    "Vladivostok . Mỹ_cáo_buộc Triều_Tiên , theo Hội_đồng Bảo_an . Ảnh : KCNA";

static void *scan_thread(void *arg)
{
    const vnseg_gazetteer *g = arg;
    vnseg_doc *doc = vnseg_doc_new();
    vnseg_mentions *m = vnseg_mentions_new();
    size_t total = 0;
    for (int r = 0; r < 300; r++) {
        if (vnseg_tokenize(doc, thread_text, sizeof thread_text - 1, 0) != VNSEG_OK ||
            vnseg_scan_entities(m, doc, g, 0) != VNSEG_OK)
            return NULL;
        total += vnseg_mentions_count(m);
    }
    vnseg_mentions_free(m);
    vnseg_doc_free(doc);
    return (void *)(uintptr_t)total;
}

static void test_threads_share_a_gazetteer(void **state)
{
    (void)state;
    size_t one = (size_t)(uintptr_t)scan_thread(deflt);
    assert_true(one > 0);
    pthread_t th[6];
    for (int i = 0; i < 6; i++)
        assert_int_equal(pthread_create(&th[i], NULL, scan_thread, deflt), 0);
    for (int i = 0; i < 6; i++) {
        void *r;
        assert_int_equal(pthread_join(th[i], &r), 0);
        assert_int_equal((size_t)(uintptr_t)r, one);
    }
}

/* ---- allocation failures ---- */

static void test_allocation_failures(void **state)
{
    (void)state;
    static const char text[] = "Ông Putin , bà Lê_Thị_Hoa và Sở Giao_thông vận_tải ở tỉnh "
                               "Quảng_Nam ; Hòa_Bình ; Mỹ_cáo_buộc ; AFP_Mỹ ; Ông Putin .";
    vnseg_allocator a = tu_failing_allocator();
    bool completed = false;
    for (tu_fail_at = 0; tu_fail_at < 500 && !completed; tu_fail_at++) {
        vnseg_doc *doc = vnseg_doc_new();
        assert_int_equal(vnseg_tokenize(doc, text, sizeof text - 1, 0), VNSEG_OK);
        vnseg_set_allocator(&a);
        tu_live = tu_calls = 0;
        vnseg_mentions *m = vnseg_mentions_new();
        vnseg_status st = m ? vnseg_scan_entities(m, doc, deflt, 0) : VNSEG_E_NOMEM;
        assert_true(st == VNSEG_OK || st == VNSEG_E_NOMEM);
        if (st == VNSEG_E_NOMEM && m) {
            assert_int_equal(vnseg_mentions_count(m), 0);
            assert_int_equal(vnseg_error_last()->status, VNSEG_E_NOMEM);
        }
        completed = st == VNSEG_OK && vnseg_mentions_count(m) >= 6;
        vnseg_mentions_free(m);
        assert_int_equal(tu_live, 0);
        vnseg_set_allocator(NULL);
        vnseg_doc_free(doc);
    }
    assert_true(completed);
}

/* The entities5 rules, on sentences written for the tests. */
static void test_heads_bylines_and_lists(void **state)
{
    (void)state;
    /* `phòng` in lower case is a department only before its acronym. */
    assert_string_equal(
        scan("Chị Hoa ở phòng kế_toán Công_ty Xây_dựng 12 , đã gửi đơn tới phòng TCHC ."),
        "PER~Hoa | ORG~Công_ty Xây_dựng 12 | ORG~phòng TCHC");
    /* A military unit and its number; a capitalized `Ban` and the words of its task. */
    assert_string_equal(scan("Rừng của trung_đoàn 9 bị cháy , theo Ban phòng_chống lụt_bão xã ."),
                        "ORG~trung_đoàn 9 | ORG~Ban phòng_chống lụt_bão xã");
    assert_string_equal(scan("Theo Ban chỉ_đạo chuyên_án 27B , họ đã bị bắt ."),
                        "ORG~Ban chỉ_đạo chuyên_án 27B");
    /* A full name after a place with its head is a person, unless the head is a street's. */
    assert_string_equal(scan("Tại trạm cửa_khẩu Lạc_Sơn , Trần_Văn_Tám đã khai nhận ."),
                        "LOC~cửa_khẩu Lạc_Sơn | PER~Trần_Văn_Tám");
    assert_string_equal(scan("Các đường Bà_Triệu , Lê_Văn_Lương đều ngập ."),
                        "LOC~đường Bà_Triệu | LOC~Lê_Văn_Lương");
    /* Bylines alone on their line: a glued name in capitals, initials. */
    assert_string_equal(scan("Mưa lớn ở miền núi .\nMINH_THU\n"), "PER~MINH_THU");
    assert_string_equal(scan("Mưa lớn ở miền núi .\nH.NG .\n"), "PER~H.NG");
    /* A continent glued to a lower-case `châu`; a district glued to its abbreviated head. */
    assert_string_equal(scan("Họ đến từ châu_Mỹ , nhà ở Q.Bình_Tân ."),
                        "LOC~châu_Mỹ | LOC~Q.Bình_Tân");
    /* An administrative acronym in a list of bodies; an acronym in brackets that spells the
     * lower-case words before it is no name. */
    assert_string_equal(scan("Hôm_qua HĐND , UBND TP đã họp về an_toàn thực_phẩm ( ATTP ) ."),
                        "ORG~HĐND | ORG~UBND TP");
    /* Trade names in -exco and -imex; canals; hydroelectric sites; hotels are places. */
    assert_string_equal(scan("Hàng do Hanimex bán cho Agrexco ở khách_sạn Hải_Âu ."),
                        "ORG~Hanimex | ORG~Agrexco | LOC~khách_sạn Hải_Âu");
    assert_string_equal(scan("Cầu qua rạch Bến_Cát gần công_trình thuỷ_điện Hàm_Thuận ."),
                        "LOC~rạch Bến_Cát | LOC~Hàm_Thuận");
    /* The newspaper a line credits; a one-syllable name before `được`, not after a bullet. */
    assert_string_equal(scan("Trời mưa to .\nTheo Tiếp_Thị Đồng_Nai\n"), "ORG~Tiếp_Thị Đồng_Nai");
    assert_string_equal(scan("Về đến nhà , Lan được mẹ đón .\n* Mua được nhà là khó .\n"),
                        "PER~Lan");
    assert_string_equal(scan_with("ở châu_Phi", NULL, 0), ""); /* found with a gazetteer only */
    assert_string_equal(scan_with("ở châu_Phi", deflt, VNSEG_SCAN_NO_HEURISTICS), "");
    assert_string_equal(scan_with("ở châu_Mỹ", deflt, VNSEG_SCAN_NO_HEURISTICS), "LOC:Mỹ");
    /* A law alone is no name here; a person so named after a title is. */
    assert_string_equal(scan("Họ bàn dự_án Luật bảo_vệ rừng với ông Luật ."), "PER~Luật");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_longest_match_over_tokens),
        cmocka_unit_test(test_match_is_key_insensitive),
        cmocka_unit_test(test_glued_tokens),
        cmocka_unit_test(test_person_titles),
        cmocka_unit_test(test_places),
        cmocka_unit_test(test_organizations),
        cmocka_unit_test(test_shapes_and_defaults),
        cmocka_unit_test(test_lists_suffixes_bylines),
        cmocka_unit_test(test_bylines_fields_peoples),
        cmocka_unit_test(test_given_names_streets_abbreviations),
        cmocka_unit_test(test_bodies_after_offices),
        cmocka_unit_test(test_acronyms_shops_zones),
        cmocka_unit_test(test_given_names_in_context),
        cmocka_unit_test(test_heads_bylines_and_lists),
        cmocka_unit_test(test_precedence),
        cmocka_unit_test(test_canonical_and_links),
        cmocka_unit_test(test_options_and_arguments),
        cmocka_unit_test(test_threads_share_a_gazetteer),
        cmocka_unit_test(test_allocation_failures),
    };
    return cmocka_run_group_tests(tests, setup, teardown);
}
