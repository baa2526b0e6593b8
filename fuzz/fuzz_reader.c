/* Fuzz target: the streaming reader over memory with a small line limit. The pieces it hands
 * out, with their line breaks put back, are exactly the input; offsets and numbers are exact. */
#include <string.h>

#include <vnseg.h>

#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    vnseg_reader *r;
    FUZZ_CHECK(vnseg_reader_new_memory((const char *)data, size, 4096, &r) == VNSEG_OK);
    vnseg_line line;
    uint64_t pos = 0, number = 1;
    int got;
    while ((got = vnseg_reader_next(r, &line)) == 1) {
        FUZZ_CHECK(line.offset == pos && line.number == number);
        FUZZ_CHECK(line.length <= 4096 && pos + line.length <= size);
        FUZZ_CHECK(memcmp(line.data, data + pos, line.length) == 0);
        pos += line.length;
        if (line.flags & VNSEG_LINE_CONTINUED)
            continue;
        if (line.flags & VNSEG_LINE_NO_EOL) {
            FUZZ_CHECK(pos == size);
        } else {
            if (line.flags & VNSEG_LINE_CRLF) {
                FUZZ_CHECK(data[pos] == '\r');
                pos++;
            }
            FUZZ_CHECK(pos < size && data[pos] == '\n');
            pos++;
        }
        number++;
    }
    FUZZ_CHECK(got == 0 && pos == size && vnseg_reader_bytes(r) == size);
    vnseg_reader_free(r);
    return 0;
}
