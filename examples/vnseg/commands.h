/* The subcommands of the vnseg program, one source file each. */
#ifndef VNSEG_COMMANDS_H
#define VNSEG_COMMANDS_H

int cmd_tokenize(int argc, char **argv);
int cmd_normalize(int argc, char **argv);
int cmd_entities(int argc, char **argv);
int cmd_gazetteer(int argc, char **argv);
int cmd_segment(int argc, char **argv);
int cmd_train(int argc, char **argv);
int cmd_detok(int argc, char **argv);

#endif
