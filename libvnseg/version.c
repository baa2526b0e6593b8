/* The library's version at run time, to compare with the VNSEG_VERSION_* macros it was built with. */
#include "internal.h"

VNSEG_EXPORT const char *vnseg_version(void)
{
    return VNSEG_VERSION_STRING;
}

VNSEG_EXPORT uint32_t vnseg_version_number(void)
{
    return VNSEG_VERSION_NUMBER;
}
