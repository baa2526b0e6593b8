/* Whole binary files for the gazetteer and model formats: read-only maps and atomic writes. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "file_io.h"

vnseg_status vn_file_open(const char *path, vnseg_status missing, int *fd, size_t *size)
{
    int f = open(path, O_RDONLY | O_CLOEXEC);
    if (f < 0)
        return vn_fail(errno == ENOENT ? missing : VNSEG_E_IO, VNSEG_NO_OFFSET, 0, "%s: %s", path,
                       strerror(errno));
    struct stat sb;
    const char *why = NULL;
    if (fstat(f, &sb) != 0)
        why = strerror(errno);
    else if (!S_ISREG(sb.st_mode))
        why = "not a regular file";
    if (why) {
        close(f);
        return vn_fail(VNSEG_E_IO, VNSEG_NO_OFFSET, 0, "%s: %s", path, why);
    }
    *fd = f;
    *size = (size_t)sb.st_size;
    return VNSEG_OK;
}

vnseg_status vn_file_map(const char *path, int fd, size_t size, void **map)
{
    void *m = mmap(NULL, size, PROT_READ, MAP_PRIVATE, fd, 0);
    int e = errno;
    close(fd);
    if (m == MAP_FAILED)
        return vn_fail(VNSEG_E_IO, VNSEG_NO_OFFSET, 0, "%s: mmap: %s", path, strerror(e));
    *map = m;
    return VNSEG_OK;
}

vnseg_status vn_file_write_atomic(const char *path, const void *data, size_t len)
{
    size_t plen = strlen(path);
    char *tmp = vn_malloc(plen + 16);
    if (!tmp) return vn_fail_simple(VNSEG_E_NOMEM);
    memcpy(tmp, path, plen);
    memcpy(tmp + plen, ".tmp.XXXXXX", 12);
    int fd = mkstemp(tmp);
    if (fd < 0) {
        vnseg_status st = vn_fail(VNSEG_E_IO, VNSEG_NO_OFFSET, 0, "%s: %s", path, strerror(errno));
        vn_free(tmp);
        return st;
    }
    const unsigned char *p = data;
    size_t left = len;
    int err = 0;
    while (left > 0) {
        ssize_t w = write(fd, p, left);
        if (w < 0 && errno == EINTR) continue;
        if (w < 0) {
            err = errno;
            break;
        }
        p += w;
        left -= (size_t)w;
    }
    if (!err && fchmod(fd, 0644) != 0) err = errno;
    if (close(fd) != 0 && !err) err = errno;
    if (!err && rename(tmp, path) != 0) err = errno;
    if (err) unlink(tmp);
    vn_free(tmp);
    if (err) return vn_fail(VNSEG_E_IO, VNSEG_NO_OFFSET, 0, "%s: %s", path, strerror(err));
    return VNSEG_OK;
}

vnseg_status vn_fail_in_file(const char *path)
{
    const vnseg_error *err = vnseg_error_last();
    char msg[480];
    snprintf(msg, sizeof msg, "%s", err->message);
    return vn_fail(err->status, err->offset, 0, "%s: %s", path, msg);
}
