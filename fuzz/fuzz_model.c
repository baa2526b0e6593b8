/* Fuzz target: the model loader. Any bytes, and a valid tiny model altered at a position and
 * with a value from the input (checksum recomputed, so the change reaches the checks behind
 * it), load with ::VNSEG_E_FORMAT / ::VNSEG_E_VERSION or load and then segment without a
 * crash; a loaded model's image is the bytes given. */
#include <string.h>

#include <vnseg.h>

#include "fuzz.h"
#include "fuzz_model.h"
#include "seg_model.h"

static void try_load(const uint8_t *img, size_t len)
{
    vnseg_model *m = NULL;
    vnseg_status st = vnseg_model_load(img, len, &m);
    FUZZ_CHECK(st == VNSEG_OK || st == VNSEG_E_FORMAT || st == VNSEG_E_VERSION);
    FUZZ_CHECK((st == VNSEG_OK) == (m != NULL));
    if (!m)
        return;
    size_t n;
    const void *data = vnseg_model_data(m, &n);
    FUZZ_CHECK(n == len && memcmp(data, img, len) == 0);
    vnseg_model_info info;
    FUZZ_CHECK(vnseg_model_get_info(m, &info) == VNSEG_OK);
    vnseg_segmenter *seg = NULL;
    FUZZ_CHECK(vnseg_segmenter_new(m, &seg) == VNSEG_OK);
    static const char text[] = "Thời tiết hôm nay ở sân bay Tân Sơn Nhất đẹp, ông Nguyễn Văn An "
                               "nói. Học sinh nghỉ học vì mưa bão kéo dài nhiều ngày.";
    FUZZ_CHECK(vnseg_segment(seg, text, sizeof text - 1, 0) == VNSEG_OK);
    const vnseg_doc *doc;
    FUZZ_CHECK(vnseg_segmenter_doc(seg, &doc) == VNSEG_OK);
    vnseg_segmenter_free(seg);
    vnseg_model_free(m);
}

static void reseal(uint8_t *img, size_t len)
{
    if (len < VN_MODEL_HEADER_SIZE)
        return;
    uint64_t sum = vn_checksum(img, len);
    for (int i = 0; i < 8; i++)
        img[VN_H_CHECKSUM + i] = (uint8_t)(sum >> (8 * i));
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static vnseg_model *base;
    static const uint8_t *base_img;
    static size_t base_len;
    if (!base) {
        base = fuzz_tiny_model();
        base_img = vnseg_model_data(base, &base_len);
    }
    if (size == 0)
        return 0;
    uint8_t mode = data[0];
    if (mode & 0x80) {
        /* Raw bytes, with their checksum recomputed when bit 6 is set. */
        uint8_t *img = malloc(size);
        memcpy(img, data + 1, size - 1);
        if (mode & 0x40)
            reseal(img, size - 1);
        try_load(img, size - 1);
        free(img);
        return 0;
    }
    /* Edits to the valid model: groups of (4-byte little-endian position, 1 byte xor); mode
     * bit 0 truncates the image at the last position, bit 1 leaves the checksum stale. */
    uint8_t *img = malloc(base_len);
    memcpy(img, base_img, base_len);
    size_t len = base_len, last = 0;
    for (size_t i = 1; i + 5 <= size; i += 5) {
        uint32_t at = (uint32_t)data[i] | (uint32_t)data[i + 1] << 8 |
                      (uint32_t)data[i + 2] << 16 | (uint32_t)data[i + 3] << 24;
        /* Half the edits go to the header, where the sizes and offsets are. */
        at = at & 1 ? (at >> 1) % VN_MODEL_HEADER_SIZE : (at >> 1) % base_len;
        img[at] ^= data[i + 4];
        last = at;
    }
    if (mode & 1)
        len = last;
    if (!(mode & 2))
        reseal(img, len);
    try_load(img, len);
    free(img);
    return 0;
}
