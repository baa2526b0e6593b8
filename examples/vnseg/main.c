/* vnseg: the command-line program over libvnseg; one subcommand per capability. */
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "commands.h"

typedef struct command {
    const char *name;
    int (*run)(int argc, char **argv);
    const char *summary;
} command;

static const command commands[] = {
    {"tokenize", cmd_tokenize, "word-segmented text to tokens (TSV, JSON Lines, CoNLL-U)"},
    {"normalize", cmd_normalize, "NFC, invisibles, tone marks, folding, legacy encodings"},
    {"entities", cmd_entities, "people, places and organizations named in articles"},
    {"gazetteer", cmd_gazetteer, "compile, verify and dump name lists; show lookup keys"},
    {"segment", cmd_segment, "raw text to word-segmented text (syllables of a word joined by _)"},
    {"train", cmd_train, "learn a segmentation model from segmented corpora or word lists"},
    {"detok", cmd_detok, "word-segmented text back to natural text, with its alignment"},
};

static void usage(FILE *f)
{
    fprintf(f, "Usage: vnseg COMMAND [OPTIONS] [FILE...]\n\n"
               "Vietnamese token handling (libvnseg %s). Commands:\n",
            vnseg_version());
    for (size_t i = 0; i < sizeof commands / sizeof *commands; i++)
        fprintf(f, "  %-10s %s\n", commands[i].name, commands[i].summary);
    fprintf(f, "\nFiles are read line by line (stdin when none is given or for \"-\");\n"
               "results go to stdout. `vnseg COMMAND --help` describes a command.\n"
               "Exit status: 0 on success, 1 when an input could not be processed, 2 on a\n"
               "usage error.\n");
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        usage(stderr);
        return 2;
    }
    const char *name = argv[1];
    if (strcmp(name, "--help") == 0 || strcmp(name, "-h") == 0 || strcmp(name, "help") == 0) {
        if (argc > 2 && strcmp(name, "help") == 0) {
            char help[] = "--help";
            char *args[] = {argv[2], help, NULL};
            for (size_t i = 0; i < sizeof commands / sizeof *commands; i++)
                if (strcmp(commands[i].name, argv[2]) == 0)
                    return commands[i].run(2, args);
        }
        usage(stdout);
        return 0;
    }
    if (strcmp(name, "--version") == 0) {
        printf("vnseg %s\n", vnseg_version());
        return 0;
    }
    for (size_t i = 0; i < sizeof commands / sizeof *commands; i++)
        if (strcmp(commands[i].name, name) == 0)
            return commands[i].run(argc - 1, argv + 1);
    cli_error("unknown command '%s' (try vnseg --help)", name);
    return 2;
}
