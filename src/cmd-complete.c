/*
 * cmd-complete.c - `rehabit __complete WORD...`: what the shell completion
 * scripts (completion/) offer, worked out from the same tables that parse
 * the command line, so that a new option or command is completed without
 * touching the scripts. Routine ids come from the library as `rehabit
 * list` loads it, --library on the line included.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "catalog.h"
#include "cmd.h"
#include "diag.h"

/* The option of `opts` that `word` names (--NAME or -LETTER), or NULL. */
static const struct cmd_option *
cmd_complete_option(const struct cmd_option *opts, const char *word)
{
	const struct cmd_option	*op;

	for (op = opts; op != NULL && op->name != NULL; op++) {
		if (strncmp(word, "--", 2) == 0 &&
		    strcmp(word + 2, op->name) == 0)
			return op;
		if (op->letter != 0 && word[0] == '-' &&
		    word[1] == op->letter && word[2] == '\0')
			return op;
	}
	return NULL;
}

static void
cmd_complete_word(const char *word, const char *prefix)
{
	if (strncmp(word, prefix, strlen(prefix)) == 0)
		printf("%s\n", word);
}

/* Each word of a space-separated list that starts with `prefix`. */
static void
cmd_complete_words(const char *list, const char *prefix)
{
	size_t	len, n = strlen(prefix);

	while (*list != '\0') {
		len = strcspn(list, " ");
		if (len >= n && strncmp(list, prefix, n) == 0)
			printf("%.*s\n", (int)len, list);
		list += len;
		list += strspn(list, " ");
	}
}

static void
cmd_complete_options(const struct cmd_option *opts, const char *prefix)
{
	const struct cmd_option	*op;
	char			 name[64];

	for (op = opts; op != NULL && op->name != NULL; op++) {
		snprintf(name, sizeof name, "--%s", op->name);
		cmd_complete_word(name, prefix);
	}
}

/* The routine ids of the library, silently: a broken file hides its own. */
static void
cmd_complete_routines(const struct rh_opts *o, const char *prefix)
{
	struct catalog	cat;
	struct diags	d;
	size_t		i;

	diags_init(&d);
	if (cmd_load_catalog_valid(o, &cat, &d) == 0)
		for (i = 0; i < cat.nrt; i++)
			cmd_complete_word(cat.rt[i].id, prefix);
	diags_free(&d);
	catalog_free(&cat);
}

static void
cmd_complete_arg(const struct rh_opts *o, enum cmd_arg arg,
    const char *values, const char *prefix)
{
	switch (arg) {
	case CMD_ARG_TEXT:
		if (values != NULL)
			cmd_complete_words(values, prefix);
		break;
	case CMD_ARG_ROUTINE:
		cmd_complete_routines(o, prefix);
		break;
	case CMD_ARG_FILE:
		puts(":file");
		break;
	case CMD_ARG_DIR:
		puts(":dir");
		break;
	case CMD_ARG_NONE:
		break;
	}
}

int
cmd_complete(const struct cmd_entry *const *cmds,
    const struct cmd_option *globals, int argc, char **argv)
{
	const struct cmd_entry		*const *e, *cmd = NULL;
	const struct cmd_option		*op, *want = NULL;
	struct rh_opts			 o = { NULL, NULL, true, true };
	const char			*cur;
	int				 i, operands = 0;
	bool				 dashdash = false;

	if (argc < 1)
		return 0;
	cur = argv[argc - 1];
	/* Walk the words before the one completed as main() would. */
	for (i = 0; i < argc - 1; i++) {
		if (want != NULL) {
			if (strcmp(want->name, "library") == 0)
				o.library = argv[i];
			want = NULL;
		} else if (!dashdash && strcmp(argv[i], "--") == 0)
			dashdash = true;
		else if (!dashdash && argv[i][0] == '-' && argv[i][1] != '\0') {
			if ((op = cmd_complete_option(globals, argv[i])) ==
			    NULL && cmd != NULL)
				op = cmd_complete_option(cmd->options, argv[i]);
			if (op != NULL && op->arg != CMD_ARG_NONE)
				want = op;
			else if (strncmp(argv[i], "--library=", 10) == 0)
				o.library = argv[i] + 10;
		} else if (cmd == NULL) {
			for (e = cmds; *e != NULL; e++)
				if (strcmp((*e)->name, argv[i]) == 0)
					cmd = *e;
			if (cmd == NULL)
				return 0;	/* not a command: nothing */
		} else
			operands++;
	}

	if (want != NULL)
		cmd_complete_arg(&o, want->arg, want->values, cur);
	else if (!dashdash && cur[0] == '-') {
		if (cmd != NULL)
			cmd_complete_options(cmd->options, cur);
		cmd_complete_options(globals, cur);
		cmd_complete_word("--help", cur);
		if (cmd == NULL)
			cmd_complete_word("--version", cur);
	} else if (cmd == NULL) {
		for (e = cmds; *e != NULL; e++)
			cmd_complete_word((*e)->name, cur);
	} else if (cmd->operands == CMD_ARG_FILE)
		puts(":file");		/* check takes many, the others one */
	else if (operands == 0)
		cmd_complete_arg(&o, cmd->operands, NULL, cur);
	return 0;
}
