/* Names in Vietnamese from ICU's CLDR data at run time: countries, regions and territories
 * (uloc_getDisplayCountry and the region bundle), languages (uloc_getDisplayLanguage) and
 * cities (the time-zone exemplar cities of the zone bundle), all for locale "vi". */
#include <stdio.h>
#include <string.h>

#include <unicode/uloc.h>
#include <unicode/ures.h>
#include <unicode/ustring.h>

#include "cldr_names.h"
#include "gazetteer_builder.h"

#define NAME_CAP 512

static vnseg_status add(vnseg_gazetteer_builder *b, const char *name, size_t len, uint32_t type,
                        const char *id, const char *canon)
{
    if (len == 0) return VNSEG_OK;
    vnseg_gaz_entry e = {name, len, id, strlen(id), canon, strlen(canon), type, 0};
    const char *why;
    vnseg_status st = vn_builder_add(b, &e, &why);
    return st == VNSEG_E_INVALID_ARG ? VNSEG_OK : st; /* skip a name with no letters */
}

/* Add a name and, for `A (B)` and `A, B`, also A and B (`Myanmar (Miến Điện)`). */
static vnseg_status add_with_parts(vnseg_gazetteer_builder *b, const char *name, uint32_t type,
                                   const char *id, const char *canon)
{
    size_t n = strlen(name);
    vnseg_status st = add(b, name, n, type, id, canon);
    const char *paren = strstr(name, " (");
    if (st == VNSEG_OK && paren && name[n - 1] == ')') {
        st = add(b, name, (size_t)(paren - name), type, id, canon);
        if (st == VNSEG_OK)
            st = add(b, paren + 2, (size_t)(name + n - 1 - (paren + 2)), type, id, canon);
    }
    const char *comma = strstr(name, ", ");
    if (st == VNSEG_OK && comma && !paren)
        st = add(b, name, (size_t)(comma - name), type, id, canon);
    return st;
}

static bool to_utf8(const UChar *s, int32_t len, char *out)
{
    UErrorCode err = U_ZERO_ERROR;
    int32_t n = 0;
    u_strToUTF8(out, NAME_CAP - 1, &n, s, len, &err);
    if (U_FAILURE(err) || n >= NAME_CAP) return false;
    out[n] = 0;
    return true;
}

static bool country_name(const char *code, char *out)
{
    char loc[16];
    snprintf(loc, sizeof loc, "_%s", code);
    UChar buf[NAME_CAP];
    UErrorCode err = U_ZERO_ERROR;
    int32_t n = uloc_getDisplayCountry(loc, "vi", buf, NAME_CAP, &err);
    return U_SUCCESS(err) && err != U_USING_DEFAULT_WARNING && to_utf8(buf, n, out) &&
           strcmp(out, code) != 0;
}

/* Entries of a table of the region bundle ("Countries", "Countries%short", ...). */
static vnseg_status region_table(vnseg_gazetteer_builder *b, UResourceBundle *regions,
                                 const char *table, bool numeric_only)
{
    UErrorCode err = U_ZERO_ERROR;
    UResourceBundle *t = ures_getByKey(regions, table, NULL, &err);
    vnseg_status st = VNSEG_OK;
    while (U_SUCCESS(err) && st == VNSEG_OK && ures_hasNext(t)) {
        const char *key = NULL;
        int32_t len = 0;
        const UChar *s = ures_getNextString(t, &len, &key, &err);
        char name[NAME_CAP], canon[NAME_CAP], id[32];
        if (U_FAILURE(err) || !key || !to_utf8(s, len, name)) break;
        bool numeric = strlen(key) == 3 && key[0] >= '0' && key[0] <= '9';
        if (numeric_only != numeric) continue;
        if (numeric) {
            if (strcmp(key, "001") == 0) /* "Thế giới": the world is no place name */
                continue;
            snprintf(id, sizeof id, "region:%s", key);
            st = add_with_parts(b, name, VNSEG_ENT_LOC, id, name);
        } else if (strlen(key) == 2 && country_name(key, canon)) {
            snprintf(id, sizeof id, "country:%s", key);
            st = add_with_parts(b, name, VNSEG_ENT_LOC, id, canon);
        }
    }
    ures_close(t);
    return st;
}

static vnseg_status countries(vnseg_gazetteer_builder *b)
{
    vnseg_status st = VNSEG_OK;
    const char *const *codes = uloc_getISOCountries();
    for (size_t i = 0; codes && codes[i] && st == VNSEG_OK; i++) {
        char name[NAME_CAP], id[32];
        if (!country_name(codes[i], name)) continue;
        snprintf(id, sizeof id, "country:%s", codes[i]);
        st = add_with_parts(b, name, VNSEG_ENT_LOC, id, name);
    }
    UErrorCode err = U_ZERO_ERROR;
    UResourceBundle *regions = ures_open(U_ICUDATA_NAME "-region", "vi", &err);
    if (U_SUCCESS(err)) {
        if (st == VNSEG_OK) st = region_table(b, regions, "Countries", true);
        if (st == VNSEG_OK) st = region_table(b, regions, "Countries%short", false);
        if (st == VNSEG_OK) st = region_table(b, regions, "Countries%variant", false);
    }
    ures_close(regions);
    return st;
}

static vnseg_status languages(vnseg_gazetteer_builder *b)
{
    vnseg_status st = VNSEG_OK;
    const char *const *codes = uloc_getISOLanguages();
    for (size_t i = 0; codes && codes[i] && st == VNSEG_OK; i++) {
        UChar buf[NAME_CAP];
        UErrorCode err = U_ZERO_ERROR;
        int32_t n = uloc_getDisplayLanguage(codes[i], "vi", buf, NAME_CAP, &err);
        char name[NAME_CAP], id[32];
        if (U_FAILURE(err) || err == U_USING_DEFAULT_WARNING || !to_utf8(buf, n, name) ||
            strcmp(name, codes[i]) == 0)
            continue;
        snprintf(id, sizeof id, "lang:%s", codes[i]);
        st = add_with_parts(b, name, VNSEG_ENT_MISC, id, name);
        /* In running text the word for "language" is lower case: `tiếng Anh`. */
        if (st == VNSEG_OK && strncmp(name, "Ti\xE1\xBA\xBFng ", 8) == 0) {
            name[0] = 't';
            st = add(b, name, strlen(name), VNSEG_ENT_MISC, id, name);
            name[0] = 'T';
        }
    }
    return st;
}

/* Areas of time-zone ids that name cities (not Etc/, SystemV/, US/, Antarctica/ ...). */
static bool city_zone(const char *zone)
{
    static const char *const areas[] = {"Africa",    "America", "Asia",   "Atlantic",
                                        "Australia", "Europe",  "Indian", "Pacific"};
    for (size_t i = 0; i < sizeof areas / sizeof *areas; i++) {
        size_t n = strlen(areas[i]);
        if (strncmp(zone, areas[i], n) == 0 && (zone[n] == '/' || zone[n] == ':')) return true;
    }
    return false;
}

/* The city of a zone id as ICU shows it when CLDR has no translation: the last part, with
 * spaces for underscores (`America/New_York` -> `New York`). */
static void city_of_id(const char *zone, char *out)
{
    const char *slash = strrchr(zone, '/');
    snprintf(out, NAME_CAP, "%s", slash ? slash + 1 : zone);
    for (char *p = out; *p; p++)
        if (*p == '_') *p = ' ';
}

/* The Vietnamese exemplar city of zone `zone` (`Asia/Pyongyang`), if CLDR has one. */
static bool exemplar_city(UResourceBundle *strings, const char *zone, char *out)
{
    char key[NAME_CAP];
    snprintf(key, sizeof key, "%s", zone);
    for (char *p = key; *p; p++)
        if (*p == '/') *p = ':';
    UErrorCode err = U_ZERO_ERROR;
    UResourceBundle *z = ures_getByKey(strings, key, NULL, &err);
    int32_t len = 0;
    const UChar *ec = U_SUCCESS(err) ? ures_getStringByKey(z, "ec", &len, &err) : NULL;
    bool ok = ec && U_SUCCESS(err) && to_utf8(ec, len, out);
    ures_close(z);
    return ok;
}

/* Every city zone of the time-zone database, by its Vietnamese exemplar city and by the city
 * part of its id (what ICU shows when CLDR has no translation: `America/New_York` gives
 * `New York`). */
static vnseg_status cities(vnseg_gazetteer_builder *b)
{
    vnseg_status st = VNSEG_OK;
    UErrorCode err = U_ZERO_ERROR;
    UResourceBundle *zones = ures_open(U_ICUDATA_NAME "-zone", "vi", &err);
    UResourceBundle *strings =
        U_SUCCESS(err) ? ures_getByKey(zones, "zoneStrings", NULL, &err) : NULL;
    err = U_ZERO_ERROR;
    UResourceBundle *info = ures_openDirect(NULL, "zoneinfo64", &err);
    UResourceBundle *names = U_SUCCESS(err) ? ures_getByKey(info, "Names", NULL, &err) : NULL;
    while (U_SUCCESS(err) && st == VNSEG_OK && ures_hasNext(names)) {
        int32_t len = 0;
        const UChar *s = ures_getNextString(names, &len, NULL, &err);
        char zone[NAME_CAP], city[NAME_CAP], canon[NAME_CAP], id[NAME_CAP + 8];
        if (U_FAILURE(err) || !to_utf8(s, len, zone)) break;
        if (!city_zone(zone)) continue;
        city_of_id(zone, city);
        snprintf(id, sizeof id, "tz:%s", zone);
        if (strings && exemplar_city(strings, zone, canon))
            st = add_with_parts(b, canon, VNSEG_ENT_LOC, id, canon);
        else
            snprintf(canon, sizeof canon, "%s", city);
        if (st == VNSEG_OK) st = add(b, city, strlen(city), VNSEG_ENT_LOC, id, canon);
    }
    ures_close(names);
    ures_close(info);
    ures_close(strings);
    ures_close(zones);
    return st;
}

vnseg_status vn_cldr_add(vnseg_gazetteer_builder *b, uint32_t parts)
{
    vnseg_status st = VNSEG_OK;
    if (parts & VNSEG_GAZ_DEFAULT_COUNTRIES) st = countries(b);
    if (st == VNSEG_OK && (parts & VNSEG_GAZ_DEFAULT_LANGUAGES)) st = languages(b);
    if (st == VNSEG_OK && (parts & VNSEG_GAZ_DEFAULT_CITIES)) st = cities(b);
    return st;
}
