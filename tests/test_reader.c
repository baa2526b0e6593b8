/* The streaming reader: lines from memory, descriptors and FILE*, CRLF, missing final line
 * break, and long lines handed out in pieces that never cut a token. */
#include <unistd.h>

#include "testutil.h"

static void expect_line(vnseg_reader *r, const char *text, uint64_t offset, uint64_t number,
                        uint32_t flags)
{
    vnseg_line line;
    assert_int_equal(vnseg_reader_next(r, &line), 1);
    assert_int_equal(line.length, strlen(text));
    assert_memory_equal(line.data, text, line.length);
    assert_int_equal(line.offset, offset);
    assert_int_equal(line.number, number);
    assert_int_equal(line.flags, flags);
}

static void test_memory_lines(void **state)
{
    (void)state;
    const char *text = "một\r\nhai\n\nba";
    vnseg_reader *r;
    assert_int_equal(vnseg_reader_new_memory(text, strlen(text), 0, &r), VNSEG_OK);
    expect_line(r, "một", 0, 1, VNSEG_LINE_CRLF);
    expect_line(r, "hai", 7, 2, 0);
    expect_line(r, "", 11, 3, 0);
    expect_line(r, "ba", 12, 4, VNSEG_LINE_NO_EOL);
    vnseg_line line;
    assert_int_equal(vnseg_reader_next(r, &line), 0);
    assert_int_equal(vnseg_reader_next(r, &line), 0);
    assert_int_equal(vnseg_reader_bytes(r), strlen(text));
    vnseg_reader_free(r);
}

static void test_nul_bytes_pass_through(void **state)
{
    (void)state;
    const char text[] = "a\0b\nc";
    vnseg_reader *r;
    assert_int_equal(vnseg_reader_new_memory(text, sizeof text - 1, 0, &r), VNSEG_OK);
    vnseg_line line;
    assert_int_equal(vnseg_reader_next(r, &line), 1);
    assert_int_equal(line.length, 3);
    assert_memory_equal(line.data, "a\0b", 3);
    vnseg_reader_free(r);
}

/* Write `text` to a pipe-free temporary file and return a descriptor at its start. */
static int temp_fd(const char *text, size_t len)
{
    FILE *f = tmpfile();
    assert_non_null(f);
    assert_int_equal(fwrite(text, 1, len, f), len);
    fflush(f);
    int fd = dup(fileno(f));
    fclose(f);
    assert_true(fd >= 0);
    assert_int_equal(lseek(fd, 0, SEEK_SET), 0);
    return fd;
}

static void test_fd_and_file(void **state)
{
    (void)state;
    const char *text = "dòng một\ndòng hai\n";
    int fd = temp_fd(text, strlen(text));
    vnseg_reader *r;
    assert_int_equal(vnseg_reader_new_fd(fd, 0, &r), VNSEG_OK);
    expect_line(r, "dòng một", 0, 1, 0);
    expect_line(r, "dòng hai", strlen("dòng một\n"), 2, 0);
    vnseg_line line;
    assert_int_equal(vnseg_reader_next(r, &line), 0);
    vnseg_reader_free(r);
    close(fd);

    FILE *f = tmpfile();
    fputs(text, f);
    rewind(f);
    assert_int_equal(vnseg_reader_new_file(f, 0, &r), VNSEG_OK);
    expect_line(r, "dòng một", 0, 1, 0);
    expect_line(r, "dòng hai", strlen("dòng một\n"), 2, 0);
    assert_int_equal(vnseg_reader_next(r, &line), 0);
    vnseg_reader_free(r);
    fclose(f);
}

/* A long line of words through a reader with a small max_line: pieces end after a space,
 * rejoin to the line, and keep their offsets. */
static void test_long_line_pieces(void **state)
{
    (void)state;
    size_t n = 50000;
    char *text = malloc(n + 8);
    size_t len = 0;
    while (len + 12 < n) {
        memcpy(text + len, "Việt_Nam ", strlen("Việt_Nam "));
        len += strlen("Việt_Nam ");
    }
    memcpy(text + len, "cuối\nkế", strlen("cuối\nkế"));
    len += strlen("cuối\nkế");
    int fd = temp_fd(text, len);
    vnseg_reader *r;
    assert_int_equal(vnseg_reader_new_fd(fd, 4096, &r), VNSEG_OK);
    vnseg_line line;
    uint64_t next = 0;
    size_t pieces = 0;
    for (;;) {
        assert_int_equal(vnseg_reader_next(r, &line), 1);
        assert_int_equal(line.offset, next);
        assert_int_equal(line.number, 1);
        assert_true(line.length <= 4096);
        assert_memory_equal(line.data, text + next, line.length);
        assert_false(line.flags & VNSEG_LINE_CUT);
        next += line.length;
        pieces++;
        if (!(line.flags & VNSEG_LINE_CONTINUED))
            break;
        assert_int_equal(line.data[line.length - 1], ' ');
    }
    assert_true(pieces > 10);
    assert_int_equal(next + 1, len - strlen("kế"));
    expect_line(r, "kế", next + 1, 2, VNSEG_LINE_NO_EOL);
    vnseg_reader_free(r);
    close(fd);
    free(text);
}

static void test_line_without_spaces_cut_at_characters(void **state)
{
    (void)state;
    size_t n = 3 * 5000;
    char *text = malloc(n);
    for (size_t i = 0; i < n; i += 3)
        memcpy(text + i, "\xE1\xBB\x87", 3);
    vnseg_reader *r;
    assert_int_equal(vnseg_reader_new_memory(text, n, 4096, &r), VNSEG_OK);
    vnseg_line line;
    uint64_t total = 0;
    int got;
    while ((got = vnseg_reader_next(r, &line)) == 1) {
        assert_int_equal(line.length % 3, 0);
        if (line.flags & VNSEG_LINE_CONTINUED)
            assert_true(line.flags & VNSEG_LINE_CUT);
        total += line.length;
    }
    assert_int_equal(got, 0);
    assert_int_equal(total, n);
    vnseg_reader_free(r);
    free(text);
}

static void test_reader_arguments(void **state)
{
    (void)state;
    vnseg_reader *r = NULL;
    assert_int_equal(vnseg_reader_new_fd(-1, 0, &r), VNSEG_E_INVALID_ARG);
    assert_int_equal(vnseg_reader_new_file(NULL, 0, &r), VNSEG_E_INVALID_ARG);
    assert_int_equal(vnseg_reader_new_memory(NULL, 3, 0, &r), VNSEG_E_INVALID_ARG);
    assert_int_equal(vnseg_reader_new_memory("", 0, 0, NULL), VNSEG_E_INVALID_ARG);
    assert_int_equal(vnseg_reader_next(NULL, NULL), VNSEG_E_INVALID_ARG);
    vnseg_reader_free(NULL);
    /* A read error (a descriptor opened for writing only) is reported, not hidden. */
    int fds[2];
    assert_int_equal(pipe(fds), 0);
    assert_int_equal(vnseg_reader_new_fd(fds[1], 0, &r), VNSEG_OK);
    vnseg_line line;
    assert_int_equal(vnseg_reader_next(r, &line), VNSEG_E_IO);
    assert_int_equal(vnseg_error_last()->status, VNSEG_E_IO);
    vnseg_reader_free(r);
    close(fds[0]);
    close(fds[1]);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_memory_lines),
        cmocka_unit_test(test_nul_bytes_pass_through),
        cmocka_unit_test(test_fd_and_file),
        cmocka_unit_test(test_long_line_pieces),
        cmocka_unit_test(test_line_without_spaces_cut_at_characters),
        cmocka_unit_test(test_reader_arguments),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
