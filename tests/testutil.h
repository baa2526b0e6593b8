/* Helpers shared by the cmocka tests: tokenize a string and look at tokens by index, train a
 * small segmentation model, and an allocator hook that counts blocks and fails a chosen
 * allocation. */
#ifndef VNSEG_TESTUTIL_H
#define VNSEG_TESTUTIL_H

#include <setjmp.h>
#include <stdbool.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include <vnseg.h>

/* Tokenize a NUL-terminated string (copied into an exact-size heap buffer so that ASan catches
 * a one-byte overread) and assert success. The copy lives until the next call. */
static char *tu_copy;

static inline vnseg_doc *tu_tokenize_n(vnseg_doc *doc, const char *text, size_t len,
                                       uint32_t opts)
{
    free(tu_copy);
    tu_copy = malloc(len ? len : 1);
    assert_non_null(tu_copy);
    memcpy(tu_copy, text, len);
    vnseg_status st = vnseg_tokenize(doc, tu_copy, len, opts);
    if (st != VNSEG_OK)
        fail_msg("vnseg_tokenize failed: %s", vnseg_error_last()->message);
    return doc;
}

static inline vnseg_doc *tu_tokenize(vnseg_doc *doc, const char *text, uint32_t opts)
{
    return tu_tokenize_n(doc, text, strlen(text), opts);
}

static inline const vnseg_token *tu_tok(const vnseg_doc *doc, size_t i)
{
    assert_true(i < vnseg_doc_token_count(doc));
    return &vnseg_doc_tokens(doc)[i];
}

/* The token's bytes as a NUL-terminated string (static buffer). */
static inline const char *tu_text(const vnseg_doc *doc, size_t i)
{
    static char buf[4096];
    const vnseg_token *t = tu_tok(doc, i);
    size_t n = t->length < sizeof buf - 1 ? t->length : sizeof buf - 1;
    memcpy(buf, vnseg_doc_text(doc, NULL) + t->offset, n);
    buf[n] = 0;
    return buf;
}

/* All tokens joined by '|', to compare a whole tokenization at once. */
static inline const char *tu_joined(const vnseg_doc *doc)
{
    static char buf[8192];
    size_t len = 0;
    for (size_t i = 0; i < vnseg_doc_token_count(doc); i++) {
        const char *t = tu_text(doc, i);
        size_t n = strlen(t);
        if (len + n + 2 >= sizeof buf)
            break;
        if (i)
            buf[len++] = '|';
        memcpy(buf + len, t, n);
        len += n;
    }
    buf[len] = 0;
    return buf;
}

/* Tokenize a single token and return its kind. */
static inline int tu_kind_of(vnseg_doc *doc, const char *token)
{
    tu_tokenize(doc, token, 0);
    assert_int_equal(vnseg_doc_token_count(doc), 1);
    return tu_tok(doc, 0)->kind;
}

static inline uint32_t tu_flags_of(vnseg_doc *doc, const char *token, uint32_t opts)
{
    tu_tokenize(doc, token, opts);
    assert_int_equal(vnseg_doc_token_count(doc), 1);
    return tu_tok(doc, 0)->flags;
}

/* The sentences as token texts, each sentence's tokens joined by ' ' and sentences by " || ". */
static inline const char *tu_sentences(const vnseg_doc *doc)
{
    static char buf[8192];
    size_t len = 0;
    const vnseg_sentence *s = vnseg_doc_sentences(doc);
    for (size_t k = 0; k < vnseg_doc_sentence_count(doc); k++) {
        if (k) {
            memcpy(buf + len, " || ", 4);
            len += 4;
        }
        for (uint64_t i = 0; i < s[k].token_count; i++) {
            const char *t = tu_text(doc, (size_t)(s[k].first_token + i));
            size_t n = strlen(t);
            if (len + n + 8 >= sizeof buf)
                return buf;
            if (i)
                buf[len++] = ' ';
            memcpy(buf + len, t, n);
            len += n;
        }
    }
    buf[len] = 0;
    return buf;
}

static inline int tu_setup_doc(void **state)
{
    *state = vnseg_doc_new();
    return *state ? 0 : -1;
}

static inline int tu_teardown_doc(void **state)
{
    vnseg_doc_free(*state);
    free(tu_copy);
    tu_copy = NULL;
    return 0;
}

/* An allocator for vnseg_set_allocator() that counts its calls (tu_calls) and the blocks live
 * (tu_live), and fails the call numbered tu_fail_at (counting from 0; -1: none fails). */
static long tu_live, tu_calls, tu_fail_at = -1;

static inline void *tu_fail_malloc(size_t n, void *ctx)
{
    (void)ctx;
    if (tu_calls++ == tu_fail_at)
        return NULL;
    void *p = malloc(n);
    tu_live += p != NULL;
    return p;
}

static inline void *tu_fail_realloc(void *p, size_t n, void *ctx)
{
    (void)ctx;
    if (tu_calls++ == tu_fail_at)
        return NULL;
    void *q = realloc(p, n);
    tu_live += (q != NULL && p == NULL);
    return q;
}

static inline void tu_fail_free(void *p, void *ctx)
{
    (void)ctx;
    tu_live -= p != NULL;
    free(p);
}

static inline vnseg_allocator tu_failing_allocator(void)
{
    vnseg_allocator a = {tu_fail_malloc, tu_fail_realloc, tu_fail_free, NULL};
    return a;
}

/* A segmentation model trained on `text` (segmented format) for `epochs` epochs with 2^16
 * weights and seed 1; VNSEG_OK or the failing call's status. */
static inline vnseg_status tu_train_model(const char *text, size_t len, uint32_t epochs,
                                          vnseg_model **out)
{
    vnseg_train_options o = {sizeof o, epochs, 16, 0, 1};
    vnseg_trainer *t = NULL;
    vnseg_status st = vnseg_trainer_new(&o, &t);
    if (st == VNSEG_OK) st = vnseg_trainer_add(t, VNSEG_CORPUS_SEGMENTED, text, len);
    if (st == VNSEG_OK) st = vnseg_trainer_train(t, NULL, NULL, out);
    vnseg_trainer_free(t);
    return st;
}

#define TU_TEST(f) cmocka_unit_test_setup_teardown(f, tu_setup_doc, tu_teardown_doc)

#endif
