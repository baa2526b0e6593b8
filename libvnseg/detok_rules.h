/* The detokenizer's spacing rules, shared by the writer (detok.c) and the rules (detok_rules.c):
 * for every pair of neighbouring tokens of a line, one space or none. */
#ifndef VN_DETOK_RULES_H
#define VN_DETOK_RULES_H

#include "doc.h"

/* A line being decided: its tokens [a, b), a class word for each (in the caller's scratch, [0]
 * for token a: the class in bits 0-4, marks over it in bits 5-7, the edges in bits 8-9), and
 * the edges of the pair being decided. */
typedef struct vn_line_rules {
    const vnseg_doc *doc;
    const vnseg_token *tk;
    uint16_t *cls;
    size_t a, b;
    unsigned pair_edges; /* edges of tokens i - 1 and i: (edges[i - 1] << 2) | edges[i] */
} vn_line_rules;

/* A token's edges, what decides two words: it starts with `=` or `$`, it ends with `=`; they
 * sit from bit VN_EDGE_SHIFT of its class word. */
enum { VN_EDGE_START = 1, VN_EDGE_END = 2, VN_EDGE_SHIFT = 8 };

/* The edges of a pair from the class words of its tokens. */
static inline unsigned vn_detok_pair_edges(unsigned before, unsigned after)
{
    return (before >> VN_EDGE_SHIFT) << 2 | after >> VN_EDGE_SHIFT;
}

/* Get ready to decide the line [a, b): classes, edges, quotes paired, tags and formulas
 * marked. `scratch` holds 2 * (b - a) bytes, aligned for uint16_t, and must stay until the
 * line is done. */
void vn_detok_prepare(vn_line_rules *r, const vnseg_doc *doc, size_t a, size_t b,
                      unsigned char *scratch);

/* The rules for the gap before token i (a < i < b): true when the tokens touch. `fast` false
 * skips the shortcuts for common pairs (tests check that both agree). */
bool vn_detok_attached(vn_line_rules *r, size_t i, bool fast);

/* Pairs of classes whose spacing needs no more context when neither token carries a mark
 * (a flag over the class) or an edge: VN_PAIR_SPACE, VN_PAIR_TOUCH, or 0 for the rules. */
enum { VN_PAIR_RULES = 0, VN_PAIR_SPACE = 1, VN_PAIR_TOUCH = 2 };
/* Pairs the table sends to the rules but the writer's main loop may settle on the spot, as the
 * rules decide them: a dot after a word touches it unless a lower-case word follows (`.odt`); a
 * word after a dot is spaced unless it starts lower-case (`.odt`) or a number stands before the
 * dot (`Bảng1.A1`). */
enum { VN_PAIR_WORD_DOT = 3, VN_PAIR_DOT_WORD = 4 };
/* The bits of a class word that hold the class, and the classes the writer needs to know. */
enum { VN_CLASS_MASK = 0x1F, VN_CLASS_WORD = 0, VN_CLASS_NUM = 1 };
extern const unsigned char vn_detok_pairs[32][32];

/* Does a space go between tokens i - 1 and i (a < i < b)? The most common pairs are decided
 * here (two plain words: class byte 0); a token cut at the length limit goes on without a
 * separator. */
static inline bool vn_detok_space(vn_line_rules *r, size_t i)
{
    const vnseg_token *p = &r->tk[i - 1];
    if (p->offset + p->length == r->tk[i].offset) return false;
    size_t k = i - r->a;
    unsigned cp = r->cls[k - 1], cc = r->cls[k];
    if ((cp | cc) < 32 && vn_detok_pairs[cp][cc] - 1u < 2u)
        return vn_detok_pairs[cp][cc] == VN_PAIR_SPACE;
    r->pair_edges = vn_detok_pair_edges(cp, cc);
    return !vn_detok_attached(r, i, true);
}

/* The next line of the document that holds tokens: [*a, *b). Start with *sentence = 0; false
 * after the last. Lines are runs of sentences (sentences never cross a line break) up to one
 * whose last token has a line break after it. */
static inline bool vn_detok_next_line(const vnseg_doc *doc, size_t *sentence, size_t *a, size_t *b)
{
    const vnseg_sentence *s = doc->sentences;
    size_t k = *sentence;
    if (k >= doc->nsentences) return false;
    *a = (size_t)s[k].first_token;
    while (k + 1 < doc->nsentences &&
           !(doc->tokens[s[k].first_token + s[k].token_count - 1].flags & VNSEG_TF_LINE_END))
        k++;
    *b = (size_t)(s[k].first_token + s[k].token_count);
    *sentence = k + 1;
    return true;
}

/* Decide a whole line at once into space[0 .. b - a) (space[i - a] for the gap before token
 * i; space[0] is 0), with or without the shortcuts. `scratch` as for vn_detok_prepare(). */
void vn_detok_line_rules(const vnseg_doc *doc, size_t a, size_t b, unsigned char *space,
                         unsigned char *scratch, bool fast);

#endif
