/* Whole binary files for the gazetteer and model formats: open a regular file read-only and map
 * it, and write one atomically (a temporary file beside it, then rename). */
#ifndef VN_FILE_IO_H
#define VN_FILE_IO_H

#include <stddef.h>

#include "internal.h"

/* Open `path` read-only (close-on-exec) and check it is a regular file; *fd and *size on
 * success. A missing file gives `missing` (the caller's status for it), other failures
 * VNSEG_E_IO; the message names the path. */
vnseg_status vn_file_open(const char *path, vnseg_status missing, int *fd, size_t *size);

/* Map `size` (> 0) bytes of fd read-only and close fd, whatever happens. */
vnseg_status vn_file_map(const char *path, int fd, size_t size, void **map);

/* Write `len` bytes to `path` through a temporary file in its folder (mode 0644) and rename,
 * so that a process that has the old file mapped keeps a whole file. */
vnseg_status vn_file_write_atomic(const char *path, const void *data, size_t len);

/* Put "path: " in front of the last error's message, keeping its status and offset; returns
 * the status (for a failure found in a file's contents). */
vnseg_status vn_fail_in_file(const char *path);

#endif
