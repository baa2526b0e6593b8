/* Names in Vietnamese from ICU's CLDR data, for the default gazetteer. */
#ifndef VN_CLDR_NAMES_H
#define VN_CLDR_NAMES_H

#include "vnseg/gazetteer.h"

/* Add the CLDR parts of VNSEG_GAZ_DEFAULT_COUNTRIES, _LANGUAGES and _CITIES that `parts` asks
 * for. Missing ICU data adds nothing. Returns VNSEG_OK or VNSEG_E_NOMEM. */
vnseg_status vn_cldr_add(vnseg_gazetteer_builder *b, uint32_t parts);

#endif
