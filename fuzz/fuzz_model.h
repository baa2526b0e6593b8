/* A tiny segmentation model trained once per fuzz process from sentences written here, so the
 * segmenter harnesses need no data file. */
#ifndef VNSEG_FUZZ_MODEL_H
#define VNSEG_FUZZ_MODEL_H

#include <vnseg.h>

#include "fuzz.h"

static const char fuzz_train_text[] =
    "Chính_phủ vừa công_bố kế_hoạch phát_triển kinh_tế trong năm tới .\n"
    "Người_dân thành_phố Đà_Nẵng đi bộ trên bãi_biển vào buổi sáng .\n"
    "Học_sinh được nghỉ học vì mưa_bão kéo_dài nhiều ngày .\n"
    "Ông Nguyễn_Văn_An cho_biết giá xăng sẽ tăng từ ngày mai .\n"
    "Các nhà_khoa_học nghiên_cứu biến_đổi khí_hậu ở đồng_bằng sông Cửu_Long .\n"
    "Bệnh_viện tiếp_nhận 10 bệnh_nhân , trong đó có 3 trẻ_em .\n";

static const char fuzz_word_list[] = "thời tiết\nhôm nay\nsân bay\nTân Sơn Nhất\n";

static vnseg_model *fuzz_tiny_model(void)
{
    vnseg_train_options o = {sizeof o, 2, 16, 0, 1};
    vnseg_trainer *t = NULL;
    FUZZ_CHECK(vnseg_trainer_new(&o, &t) == VNSEG_OK);
    FUZZ_CHECK(vnseg_trainer_add(t, VNSEG_CORPUS_SEGMENTED, fuzz_train_text,
                                 sizeof fuzz_train_text - 1) == VNSEG_OK);
    FUZZ_CHECK(vnseg_trainer_add(t, VNSEG_CORPUS_WORDLIST, fuzz_word_list,
                                 sizeof fuzz_word_list - 1) == VNSEG_OK);
    vnseg_model *m = NULL;
    FUZZ_CHECK(vnseg_trainer_train(t, NULL, NULL, &m) == VNSEG_OK);
    vnseg_trainer_free(t);
    return m;
}

#endif
