/* cmd.c - what every subcommand shares: usage and argument parsing. */
#include "config.h"

#include "cmd.h"

#include <sys/stat.h>

#include <errno.h>
#include <getopt.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>
#include <unistd.h>

#include "diag.h"
#include "paths.h"
#include "xmalloc.h"

void
cmd_usage(const struct cmd_entry *e, FILE *fp)
{
	fprintf(fp, "Usage: rehabit %s%s%s\n%s\n", e->name,
	    e->args[0] != '\0' ? " " : "", e->args, e->summary);
	if (e->help != NULL && e->help[0] != '\0')
		fprintf(fp, "\n%s", e->help);
	fputs("\nGlobal options: --library DIR, --data-dir DIR, --no-sound,"
	    " --no-color.\nSee rehabit(1).\n", fp);
}

int
cmd_usage_error(const struct cmd_entry *e, const char *fmt, ...)
{
	va_list	ap;

	fprintf(stderr, "rehabit: %s: ", e->name);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fprintf(stderr, " (see 'rehabit %s --help')\n", e->name);
	return EXIT_USAGE;
}

int
cmd_parse_int(const char *s, long min, long max, long *out)
{
	char	*end;
	long	 v;

	if (s == NULL || *s == '\0')
		return -1;
	errno = 0;
	v = strtol(s, &end, 10);
	if (*end != '\0' || errno != 0 || v < min || v > max)
		return -1;
	*out = v;
	return 0;
}

/* The most options a command has, --help aside. */
#define CMD_MAXOPTS	15

int
cmd_getopt(const struct cmd_entry *e, int argc, char **argv, int *rc)
{
	static char		**started;
	struct option		  lo[CMD_MAXOPTS + 2];
	char			  so[3 * CMD_MAXOPTS + 3] = ":h";
	const struct cmd_option	 *op;
	const char		 *a;
	size_t			  n = 0, s = 2;
	int			  ch;

	if (argv != started) {
		optind = 0;	/* GNU: start afresh, whatever ran before */
		started = argv;
	}
	opterr = 0;
	for (op = e->options; op != NULL && op->name != NULL; op++) {
		if (n == CMD_MAXOPTS)
			fatalx(EX_SOFTWARE, "%s: too many options", e->name);
		lo[n].name = op->name;
		lo[n].has_arg = op->arg == CMD_ARG_NONE ? no_argument :
		    required_argument;
		lo[n].flag = NULL;
		lo[n++].val = op->key;
		if (op->letter != 0) {
			so[s++] = op->letter;
			if (op->arg != CMD_ARG_NONE)
				so[s++] = ':';
		}
	}
	so[s] = '\0';
	lo[n].name = "help";
	lo[n].has_arg = no_argument;
	lo[n].flag = NULL;
	lo[n++].val = 'h';
	memset(&lo[n], 0, sizeof lo[n]);

	*rc = -1;
	optarg = NULL;
	if ((ch = getopt_long(argc, argv, so, lo, NULL)) != -1 && ch != 'h' &&
	    ch != ':' && ch != '?')
		return ch;
	started = NULL;
	a = argv[optind - 1];
	if (ch == 'h') {
		cmd_usage(e, stdout);
		*rc = 0;
	} else if (ch == ':')
		*rc = cmd_usage_error(e, "option '%s' needs a value", a);
	else if (ch == '?' && strncmp(a, "--", 2) != 0)
		*rc = cmd_usage_error(e, "unknown option '-%c'", optopt);
	else if (ch == '?')
		*rc = cmd_usage_error(e, "unknown option '%s'", a);
	return -1;
}

int
cmd_help_only(const struct cmd_entry *e, int argc, char **argv)
{
	int	rc;

	while (cmd_getopt(e, argc, argv, &rc) != -1)
		continue;
	return rc;
}

void
cmd_put_text(FILE *fp, const char *s)
{
	size_t	n;

	while (*s != '\0') {
		if (*s == '\n' || *s == '\r' || *s == '\t') {
			fputc(' ', fp);
			s++;
		} else if ((n = diag_put_control(fp, s, false)) == 0)
			fputc(*s++, fp);
		else
			s += n;
	}
}

int
cmd_library_dirs(const struct rh_opts *o, char ***dirs, size_t *n)
{
	struct stat	 sb;
	char		*dir, *conf;

	*dirs = xcalloc(2, sizeof **dirs);
	*n = 0;
	dir = o->library != NULL ? xstrdup(o->library) :
	    paths_bundled_library();
	if (stat(dir, &sb) == -1) {
		fprintf(stderr, "rehabit: %s: %s\n", dir, strerror(errno));
		free(dir);
		xfree_list(*dirs, *n);
		*dirs = NULL;
		return EX_NOINPUT;
	}
	(*dirs)[(*n)++] = dir;
	if (o->library != NULL)
		return 0;
	conf = paths_config_dir();
	xasprintf(&dir, "%s/library", conf);
	free(conf);
	if (stat(dir, &sb) == 0 && S_ISDIR(sb.st_mode))
		(*dirs)[(*n)++] = dir;
	else
		free(dir);
	return 0;
}

/*
 * Load and link the library, its problems into `d` in reading order. The
 * routines of --library DIR or of the person's folder are their own: all
 * but the bundled library's.
 */
static int
cmd_load(const struct rh_opts *o, struct catalog *cat, struct diags *d)
{
	char	**dirs;
	size_t	  n, i, bundled = 0;
	int	  rc;

	catalog_init(cat);
	if ((rc = cmd_library_dirs(o, &dirs, &n)) != 0)
		return rc;
	for (i = 0; i < n; i++) {
		catalog_load_path(cat, dirs[i], d);
		if (i == 0 && o->library == NULL)
			bundled = cat->nrt;
	}
	xfree_list(dirs, n);
	for (i = bundled; i < cat->nrt; i++)
		cat->rt[i].own = true;
	catalog_link(cat, d);
	catalog_sort_diags(cat, d);
	return 0;
}

int
cmd_load_catalog(const struct rh_opts *o, struct catalog *cat)
{
	struct diags	d;
	int		rc;

	diags_init(&d);
	if ((rc = cmd_load(o, cat, &d)) == 0 && d.n > 0) {
		diags_print(&d, stderr);
		rc = EX_DATAERR;
	}
	diags_free(&d);
	return rc;
}

int
cmd_load_catalog_valid(const struct rh_opts *o, struct catalog *cat,
    struct diags *d)
{
	int	rc;

	if ((rc = cmd_load(o, cat, d)) == 0)
		catalog_isolate(cat);
	return rc;
}

int
cmd_flush(const struct cmd_entry *e)
{
	if (fflush(stdout) == 0 && !ferror(stdout))
		return 0;
	fprintf(stderr, "rehabit: %s: cannot write the output: %s\n",
	    e->name, strerror(errno));
	return EX_IOERR;
}

int
cmd_write_file(const char *path, int (*fn)(FILE *, void *), void *arg)
{
	FILE	*fp;
	char	*tmp;
	int	 fd, rc;

	/* mkstemp() makes it 0600, whatever FILE was before. */
	xasprintf(&tmp, "%s.XXXXXX", path);
	if ((fd = mkstemp(tmp)) == -1) {
		fprintf(stderr, "rehabit: %s: %s\n", path, strerror(errno));
		free(tmp);
		return EX_IOERR;
	}
	errno = 0;
	if ((fp = fdopen(fd, "w")) == NULL) {
		close(fd);
		rc = -1;
	} else {
		rc = fn(fp, arg);
		if (fflush(fp) == EOF || ferror(fp))
			rc = -1;
		if (rc == 0 && fsync(fileno(fp)) == -1)
			rc = -1;
		if (fclose(fp) == EOF)
			rc = -1;
	}
	if (rc == 0 && rename(tmp, path) == -1)
		rc = -1;
	if (rc != 0) {
		fprintf(stderr, "rehabit: %s: %s\n", path, errno != 0 ?
		    strerror(errno) : "cannot write");
		unlink(tmp);
	}
	free(tmp);
	return rc != 0 ? EX_IOERR : 0;
}
