/* The trainer's state, shared by corpus collection (seg_train.c) and learning (seg_learn.c). */
#ifndef VN_SEG_TRAIN_H
#define VN_SEG_TRAIN_H

#include "seg_model.h"

/* Folds of the training lexicon: a sentence sees the words of its own source only from the
 * other folds, so the lexicon features behave in training as they will on unseen text. */
#define VN_FOLDS 5
/* Word map flags: bit source * VN_FOLDS + fold for a word of a training sentence, and: */
#define VN_T_LIST (1u << (VN_SOURCES * VN_FOLDS))
#define VN_T_PREFIX (VN_T_LIST << 1)

/* A growable hash set of word hashes (slots as in the model lexicon) with 32-bit flags. */
typedef struct vn_word_map {
    uint64_t *slots;
    uint32_t *flags;
    unsigned bits;
    size_t used;
} vn_word_map;

/* Flags of word hash h, or 0. */
uint32_t vn_word_map_flags(const vn_word_map *m, uint64_t h);

struct vnseg_trainer {
    vnseg_train_options opt;
    vnseg_doc *doc;              /* tokenizing a line */
    vn_seg_input in;             /* its features' view */
    vn_buf raw;                  /* the line as raw text */
    vn_buf joins;                /* per byte of raw: 1 where a space joins two syllables */
    vn_buf seg_line;             /* a CoNLL-U sentence being collected */
    bool conllu_open;            /* seg_line holds part of a CoNLL-U sentence */
    unsigned source;             /* source of the sentences being added */
    uint32_t weight[VN_SOURCES]; /* update size of each source's sentences (16: weight 1) */
    /* all training gaps, sentence after sentence */
    uint64_t *keys;
    uint8_t *shapes, *gaps; /* gaps: bit0 joinable, bit1 gold join */
    uint8_t *lex;           /* VN_LEX_ARRAYS per token (filled before training) */
    size_t ntok, cap_tok;
    size_t *sent_start; /* nsent + 1 entries once training */
    uint8_t *sent_src;  /* source of each sentence */
    size_t nsent, cap_sent, cap_src;
    vn_word_map words;
    size_t list_words;
};

vnseg_status vn_train_nomem(void);
/* End a CoNLL-U sentence still being collected (adds it). */
vnseg_status vn_train_close_conllu(vnseg_trainer *t);

#endif
