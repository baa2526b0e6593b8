/* Example: stream a large segmented file line by line in bounded memory and count tokens,
 * words, sentences and foreign-looking words; ill-formed UTF-8 is repaired, not fatal.
 * Usage: stream_file FILE (or stdin). */
#include <fcntl.h>
#include <stdio.h>
#include <unistd.h>

#include <vnseg.h>

int main(int argc, char **argv)
{
    int fd = argc > 1 ? open(argv[1], O_RDONLY) : STDIN_FILENO;
    if (fd < 0) {
        perror(argv[1]);
        return 1;
    }
    vnseg_reader *reader;
    vnseg_doc *doc = vnseg_doc_new();
    if (!doc || vnseg_reader_new_fd(fd, 0, &reader) != VNSEG_OK) {
        fprintf(stderr, "out of memory\n");
        return 1;
    }
    unsigned long long tokens = 0, words = 0, sentences = 0, foreign = 0, repaired = 0;
    vnseg_line line;
    int r;
    while ((r = vnseg_reader_next(reader, &line)) > 0) {
        /* Token offsets are relative to the line; line.offset places them in the file. */
        if (vnseg_tokenize(doc, line.data, line.length, VNSEG_OPT_LENIENT) != VNSEG_OK) {
            fprintf(stderr, "line %llu: %s\n", (unsigned long long)line.number,
                    vnseg_error_last()->message);
            break;
        }
        const vnseg_token *t = vnseg_doc_tokens(doc);
        for (size_t i = 0; i < vnseg_doc_token_count(doc); i++) {
            words += t[i].kind == VNSEG_KIND_WORD;
            foreign += (t[i].flags & VNSEG_TF_NOT_VIETNAMESE) != 0;
            repaired += (t[i].flags & VNSEG_TF_REPAIRED) != 0;
        }
        tokens += vnseg_doc_token_count(doc);
        sentences += vnseg_doc_sentence_count(doc);
    }
    if (r < 0)
        fprintf(stderr, "read error: %s\n", vnseg_error_last()->message);
    printf("%llu bytes, %llu tokens, %llu words (%llu foreign), %llu sentences, %llu repaired\n",
           (unsigned long long)vnseg_reader_bytes(reader), tokens, words, foreign, sentences,
           repaired);
    vnseg_reader_free(reader);
    vnseg_doc_free(doc);
    if (fd != STDIN_FILENO)
        close(fd);
    return r < 0;
}
