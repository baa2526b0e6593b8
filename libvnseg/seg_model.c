/* Model files: validation of every size, offset and the checksum, loading by mmap or from
 * memory, saving, and what a model reports about itself. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "file_io.h"
#include "seg_model.h"

uint64_t vn_checksum(const unsigned char *p, size_t n)
{
    uint64_t h = 0x243F6A8885A308D3ull ^ (uint64_t)n;
    size_t i = 0;
    for (; i + 8 <= n; i += 8) {
        uint64_t w = i == VN_H_CHECKSUM ? 0 : vn_le64(p + i);
        h = (h ^ w) * 0x9E3779B97F4A7C15ull;
        h ^= h >> 29;
    }
    for (; i < n; i++)
        h = (h ^ p[i]) * 0x100000001B3ull;
    h ^= h >> 32;
    return h;
}

static bool little_endian_host(void)
{
    const uint16_t one = 1;
    unsigned char b;
    memcpy(&b, &one, 1);
    return b == 1;
}

static vnseg_status bad(const char *what, unsigned long long a, unsigned long long b)
{
    return vn_fail(VNSEG_E_FORMAT, VNSEG_NO_OFFSET, 0, "not a valid vnseg model: %s (%llu, %llu)",
                   what, a, b);
}

/* Check a file image and fill the model's view of it (pointers into `image`). */
static vnseg_status validate(const unsigned char *image, size_t size, vnseg_model *m)
{
    if (size < VN_MODEL_HEADER_SIZE)
        return bad("shorter than its header", size, VN_MODEL_HEADER_SIZE);
    if (memcmp(image + VN_H_MAGIC, VN_MODEL_MAGIC, 8) != 0)
        return vn_fail(VNSEG_E_FORMAT, 0, 0, "not a vnseg model: wrong magic bytes");
    uint32_t version = vn_le32(image + VN_H_VERSION);
    if (version != VNSEG_MODEL_VERSION)
        return vn_fail(VNSEG_E_VERSION, VN_H_VERSION, 0,
                       "model format version %u, this library reads version %u", (unsigned)version,
                       (unsigned)VNSEG_MODEL_VERSION);
    uint32_t fs = vn_le32(image + VN_H_FEATURE_SET);
    if (fs != VN_FEATURE_SET)
        return vn_fail(VNSEG_E_VERSION, VN_H_FEATURE_SET, 0,
                       "model made with feature set %u, this library uses %u: retrain it",
                       (unsigned)fs, (unsigned)VN_FEATURE_SET);
    if (vn_le32(image + VN_H_HEADER_SIZE) != VN_MODEL_HEADER_SIZE)
        return bad("header size", vn_le32(image + VN_H_HEADER_SIZE), VN_MODEL_HEADER_SIZE);
    uint64_t file_size = vn_le64(image + VN_H_FILE_SIZE);
    if (file_size != size)
        return bad("truncated or extended: size recorded and size found differ", file_size, size);
    uint64_t sum = vn_le64(image + VN_H_CHECKSUM);
    if (sum != vn_checksum(image, size))
        return vn_fail(VNSEG_E_FORMAT, VNSEG_NO_OFFSET, 0,
                       "not a valid vnseg model: checksum mismatch (corrupted file)");
    uint32_t kind = vn_le32(image + VN_H_KIND);
    uint32_t hash_bits = vn_le32(image + VN_H_HASH_BITS);
    uint32_t lex_bits = vn_le32(image + VN_H_LEX_BITS);
    uint32_t max_word = vn_le32(image + VN_H_MAX_WORD);
    if (kind != VNSEG_MODEL_PERCEPTRON && kind != VNSEG_MODEL_LEXICON)
        return bad("unknown kind", kind, 0);
    if (kind == VNSEG_MODEL_PERCEPTRON ? hash_bits < 16 || hash_bits > 26 : hash_bits != 0)
        return bad("weight table size", hash_bits, kind);
    if (lex_bits < 4 || lex_bits > 30 || max_word > VN_MAX_WORD)
        return bad("lexicon size", lex_bits, max_word);
    uint64_t woff = vn_le64(image + VN_H_WEIGHTS_OFF), loff = vn_le64(image + VN_H_LEX_OFF);
    uint64_t wbytes = hash_bits ? (uint64_t)2 << hash_bits : 0;
    uint64_t lbytes = (uint64_t)8 << lex_bits;
    if (!hash_bits && woff) return bad("weights of a lexicon-only model", woff, 0);
    if (!hash_bits) woff = VN_MODEL_HEADER_SIZE;
    if ((woff & 7) || (loff & 7) || woff < VN_MODEL_HEADER_SIZE || loff < VN_MODEL_HEADER_SIZE ||
        woff > size || wbytes > size - woff || loff > size || lbytes > size - loff ||
        (wbytes && woff < loff + lbytes && loff < woff + wbytes))
        return bad("section offsets", woff, loff);
    const uint64_t *lex = (const uint64_t *)(const void *)(image + loff);
    uint64_t used = 0, words = 0;
    for (uint64_t i = 0; i < ((uint64_t)1 << lex_bits); i++) {
        uint64_t e = vn_le64(image + loff + 8 * i);
        used += e != 0;
        words += (e & VN_LEX_WORD) != 0;
    }
    if (used >= ((uint64_t)1 << lex_bits))
        return bad("lexicon table full", used, (uint64_t)1 << lex_bits);
    if (words != vn_le64(image + VN_H_LEX_WORDS))
        return bad("lexicon word count", words, vn_le64(image + VN_H_LEX_WORDS));
    m->image = image;
    m->size = size;
    m->kind = kind;
    m->hash_bits = hash_bits;
    m->lex_bits = lex_bits;
    m->max_word = max_word;
    m->weights = hash_bits ? (const int16_t *)(const void *)(image + woff) : NULL;
    m->lexicon = lex;
    m->lex_words = words;
    m->sentences = vn_le64(image + VN_H_SENTENCES);
    m->syllables = vn_le64(image + VN_H_SYLLABLES);
    return VNSEG_OK;
}

/* On a big-endian host the sections are byte-swapped in a private copy. */
static void swap_sections(unsigned char *image, const vnseg_model *m)
{
    unsigned char *w = (unsigned char *)(uintptr_t)m->weights;
    for (size_t i = 0; w && i < ((size_t)1 << m->hash_bits); i++) {
        unsigned char t = w[2 * i];
        w[2 * i] = w[2 * i + 1];
        w[2 * i + 1] = t;
    }
    uint64_t *lex = (uint64_t *)(uintptr_t)m->lexicon;
    for (size_t i = 0; i < ((size_t)1 << m->lex_bits); i++)
        lex[i] = vn_le64((const unsigned char *)&lex[i]);
    (void)image;
}

vnseg_status vn_model_adopt(unsigned char *image, size_t size, vnseg_model **out)
{
    *out = NULL;
    vnseg_model *m = vn_calloc(1, sizeof *m);
    if (!m) {
        vn_free(image);
        return vn_fail_simple(VNSEG_E_NOMEM);
    }
    vnseg_status st = validate(image, size, m);
    if (st != VNSEG_OK) {
        vn_free(image);
        vn_free(m);
        return st;
    }
    m->owned = image;
    if (!little_endian_host()) swap_sections(image, m);
    *out = m;
    return VNSEG_OK;
}

VNSEG_EXPORT vnseg_status vnseg_model_load(const void *data, size_t len, vnseg_model **out)
{
    VN_CHECK_LEN("vnseg_model_load", data, len);
    if (!out || (!data && len))
        return vn_fail(VNSEG_E_INVALID_ARG, VNSEG_NO_OFFSET, 0, "vnseg_model_load: NULL argument");
    *out = NULL;
    unsigned char *copy = vn_malloc(len);
    if (!copy) return vn_fail_simple(VNSEG_E_NOMEM);
    if (len) memcpy(copy, data, len);
    return vn_model_adopt(copy, len, out);
}

VNSEG_EXPORT vnseg_status vnseg_model_open(const char *path, vnseg_model **out)
{
    if (!path || !out)
        return vn_fail(VNSEG_E_INVALID_ARG, VNSEG_NO_OFFSET, 0, "vnseg_model_open: NULL argument");
    *out = NULL;
    int fd;
    size_t size;
    vnseg_status st = vn_file_open(path, VNSEG_E_NOT_FOUND, &fd, &size);
    if (st != VNSEG_OK) return st;
    if (size < VN_MODEL_HEADER_SIZE) {
        close(fd);
        return vn_fail(VNSEG_E_FORMAT, VNSEG_NO_OFFSET, 0,
                       "%s: not a valid vnseg model: %zu bytes is shorter than its header", path,
                       size);
    }
    if (!little_endian_host()) {
        unsigned char *copy = vn_malloc(size);
        ssize_t got = copy ? pread(fd, copy, size, 0) : -1;
        close(fd);
        if (!copy) return vn_fail_simple(VNSEG_E_NOMEM);
        if (got != (ssize_t)size) {
            vn_free(copy);
            return vn_fail(VNSEG_E_IO, VNSEG_NO_OFFSET, 0, "%s: short read", path);
        }
        return vn_model_adopt(copy, size, out);
    }
    void *map;
    st = vn_file_map(path, fd, size, &map);
    if (st != VNSEG_OK) return st;
    vnseg_model *m = vn_calloc(1, sizeof *m);
    if (!m) {
        munmap(map, size);
        return vn_fail_simple(VNSEG_E_NOMEM);
    }
    st = validate(map, size, m);
    if (st != VNSEG_OK) {
        munmap(map, size);
        vn_free(m);
        return vn_fail_in_file(path);
    }
    m->mapping = map;
    *out = m;
    return VNSEG_OK;
}

VNSEG_EXPORT void vnseg_model_free(vnseg_model *model)
{
    if (!model) return;
    if (model->mapping) munmap(model->mapping, model->size);
    vn_free(model->owned);
    vn_free(model);
}

VNSEG_EXPORT const void *vnseg_model_data(const vnseg_model *model, size_t *len)
{
    if (len) *len = model ? model->size : 0;
    return model ? model->image : NULL;
}

VNSEG_EXPORT vnseg_status vnseg_model_save(const vnseg_model *model, const char *path)
{
    if (!model || !path)
        return vn_fail(VNSEG_E_INVALID_ARG, VNSEG_NO_OFFSET, 0, "vnseg_model_save: NULL argument");
    if (!little_endian_host())
        return vn_fail(VNSEG_E_INVALID_ARG, VNSEG_NO_OFFSET, 0,
                       "vnseg_model_save: not supported on big-endian hosts");
    return vn_file_write_atomic(path, model->image, model->size);
}

VNSEG_EXPORT vnseg_status vnseg_model_get_info(const vnseg_model *model, vnseg_model_info *info)
{
    if (!model || !info)
        return vn_fail(VNSEG_E_INVALID_ARG, VNSEG_NO_OFFSET, 0,
                       "vnseg_model_get_info: NULL argument");
    *info =
        (vnseg_model_info){VNSEG_MODEL_VERSION, model->kind, model->hash_bits, model->max_word,
                           model->lex_words,    model->size, model->sentences, model->syllables};
    return VNSEG_OK;
}
