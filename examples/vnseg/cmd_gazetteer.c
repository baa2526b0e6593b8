/* vnseg gazetteer: compile TSV name lists into the binary format, verify and dump compiled
 * files, and show lookup keys. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "commands.h"
#include "gazload.h"

static const char help[] =
    "Usage: vnseg gazetteer compile -o OUT [--with-default] [--fold-case] IN...\n"
    "       vnseg gazetteer verify FILE...\n"
    "       vnseg gazetteer dump FILE\n"
    "       vnseg gazetteer key [--fold-case] TEXT...\n"
    "\n"
    "compile  build a gazetteer from TSV files (NAME, TYPE, [ID, [CANONICAL]] per line, `#`\n"
    "         comments; see vnseg/gazetteer.h) or compiled files, and write it as a binary\n"
    "         file that `vnseg entities --gazetteer` and vnseg_gazetteer_open() map in\n"
    "         constant time. --with-default adds the default lists first; --fold-case\n"
    "         makes it match without case.\n"
    "verify   check a compiled file completely (checksum, every record); exit 1 if bad.\n"
    "dump     print a compiled file's entries as TSV (NAME, TYPE, ID, CANONICAL); `default`\n"
    "         dumps the default gazetteer.\n"
    "key      print the lookup key of each TEXT (the form names are compared in: NFC,\n"
    "         spaces for `_`, new-style tone marks, Đ for its look-alikes, initials' case).\n";

static int compile(int argc, char **argv)
{
    const char *out = NULL;
    bool with_default = false;
    uint32_t flags = 0;
    char **in = calloc((size_t)argc + 1, sizeof *in);
    int n = 0;
    if (!in) return 1;
    for (int i = 1; i < argc; i++) {
        const char *v;
        if (cli_opt_value(argc, argv, &i, "-o", &v) ||
            cli_opt_value(argc, argv, &i, "--output", &v)) {
            out = v;
        } else if (strcmp(argv[i], "--with-default") == 0) {
            with_default = true;
        } else if (strcmp(argv[i], "--fold-case") == 0) {
            flags |= VNSEG_GAZ_FOLD_CASE;
        } else if (argv[i][0] == '-' && argv[i][1]) {
            cli_error("gazetteer compile: unknown option '%s'", argv[i]);
            free(in);
            return 2;
        } else {
            in[n++] = argv[i];
        }
    }
    if (!out || (n == 0 && !with_default)) {
        cli_error("gazetteer compile: needs -o OUT and input files (try vnseg gazetteer --help)");
        free(in);
        return 2;
    }
    int status = 0;
    vnseg_gazetteer *g = cli_gazetteer_load(in, n, with_default, flags);
    if (!g) status = 1;
    if (status == 0 && vnseg_gazetteer_save(g, out) != VNSEG_OK) {
        cli_lib_error(out, 0);
        status = 1;
    }
    if (status == 0) {
        size_t len;
        vnseg_gazetteer_data(g, &len);
        fprintf(stderr, "%s: %zu entries, %zu bytes\n", out, vnseg_gazetteer_entry_count(g), len);
    }
    vnseg_gazetteer_free(g);
    free(in);
    return status;
}

static int verify(int argc, char **argv)
{
    if (argc < 2) {
        cli_error("gazetteer verify: needs FILE");
        return 2;
    }
    int status = 0;
    for (int i = 1; i < argc; i++) {
        vnseg_gazetteer *g;
        if (vnseg_gazetteer_open(argv[i], VNSEG_GAZ_OPEN_VERIFY, &g) != VNSEG_OK) {
            cli_lib_error(argv[i], 0);
            status = 1;
            continue;
        }
        printf("%s: ok, %zu entries, %zu types\n", argv[i], vnseg_gazetteer_entry_count(g),
               vnseg_gazetteer_type_count(g));
        vnseg_gazetteer_free(g);
    }
    return status;
}

static int dump(int argc, char **argv)
{
    if (argc != 2) {
        cli_error("gazetteer dump: needs one FILE (or `default`)");
        return 2;
    }
    vnseg_gazetteer *g;
    vnseg_status st = strcmp(argv[1], "default") == 0 ? vnseg_gazetteer_default(&g)
                                                      : vnseg_gazetteer_open(argv[1], 0, &g);
    if (st != VNSEG_OK) {
        cli_lib_error(argv[1], 0);
        return 1;
    }
    int status = 0;
    for (size_t i = 0; i < vnseg_gazetteer_entry_count(g); i++) {
        vnseg_gaz_entry e;
        if (vnseg_gazetteer_entry(g, i, &e) != VNSEG_OK) {
            cli_lib_error(argv[1], 0);
            status = 1;
            break;
        }
        const char *type = vnseg_gazetteer_type_name(g, e.type);
        out_bytes(e.name, e.name_len);
        out_char('\t');
        out_str(type ? type : "?");
        out_char('\t');
        out_bytes(e.id, e.id_len);
        out_char('\t');
        out_bytes(e.canonical, e.canonical_len);
        out_char('\n');
    }
    if (!out_flush()) status = 1;
    vnseg_gazetteer_free(g);
    return status;
}

static int key(int argc, char **argv)
{
    uint32_t flags = 0;
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--fold-case") == 0) {
            flags = VNSEG_KEY_FOLD_CASE;
            continue;
        }
        size_t n = 0;
        vnseg_lookup_key(argv[i], strlen(argv[i]), flags, NULL, 0, &n);
        char *buf = malloc(n + 1);
        if (!buf || vnseg_lookup_key(argv[i], strlen(argv[i]), flags, buf, n, &n) != VNSEG_OK) {
            cli_lib_error(argv[i], 0);
            free(buf);
            return 1;
        }
        out_bytes(buf, n);
        out_char('\n');
        free(buf);
    }
    return out_flush() ? 0 : 1;
}

int cmd_gazetteer(int argc, char **argv)
{
    if (argc < 2 || strcmp(argv[1], "-h") == 0 || strcmp(argv[1], "--help") == 0) {
        fputs(help, argc < 2 ? stderr : stdout);
        return argc < 2 ? 2 : 0;
    }
    if (strcmp(argv[1], "compile") == 0) return compile(argc - 1, argv + 1);
    if (strcmp(argv[1], "verify") == 0) return verify(argc - 1, argv + 1);
    if (strcmp(argv[1], "dump") == 0) return dump(argc - 1, argv + 1);
    if (strcmp(argv[1], "key") == 0) return key(argc - 1, argv + 1);
    cli_error("gazetteer: unknown action '%s' (compile, verify, dump or key)", argv[1]);
    return 2;
}
