/* Status messages and the thread-local record of the last error (like errno, with an offset). */
#include <stdarg.h>
#include <stdio.h>

#include "internal.h"

static _Thread_local char last_message[512];
static _Thread_local vnseg_error last = {VNSEG_OK, VNSEG_NO_OFFSET, 0, NULL};

VNSEG_EXPORT const char *vnseg_status_message(vnseg_status status)
{
    switch (status) {
    case VNSEG_OK: return "success";
    case VNSEG_E_NOMEM: return "out of memory";
    case VNSEG_E_INVALID_UTF8: return "invalid UTF-8";
    case VNSEG_E_INVALID_ARG: return "invalid argument";
    case VNSEG_E_TOO_LARGE: return "input too large";
    case VNSEG_E_IO: return "input/output error";
    case VNSEG_E_FORMAT: return "malformed data";
    case VNSEG_E_VERSION: return "incompatible version";
    case VNSEG_E_NOT_FOUND: return "not found";
    case VNSEG_E_BUFFER: return "buffer too small";
    case VNSEG_E_ENCODING: return "character not representable";
    }
    return "unknown status";
}

VNSEG_EXPORT const vnseg_error *vnseg_error_last(void)
{
    if (!last.message)
        last.message = last_message;
    return &last;
}

vnseg_status vn_fail(vnseg_status status, uint64_t offset, uint64_t line, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(last_message, sizeof last_message, fmt, ap);
    va_end(ap);
    last.status = status;
    last.offset = offset;
    last.line = line;
    last.message = last_message;
    return status;
}

vnseg_status vn_fail_simple(vnseg_status status)
{
    return vn_fail(status, VNSEG_NO_OFFSET, 0, "%s", vnseg_status_message(status));
}
