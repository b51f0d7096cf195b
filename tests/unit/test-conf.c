/* test-conf.c - the settings file parser. */
#include "config.h"

#include <sys/stat.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "conf.h"
#include "tap.h"
#include "xmalloc.h"

/* Parse `text` over the defaults; the first problem as "L:C: msg". */
static size_t
parse(const char *text, struct config *c, char *first, size_t len)
{
	struct diags	d;
	size_t		n;

	conf_defaults(c);
	diags_init(&d);
	n = conf_parse(c, "config.yaml", text, strlen(text), &d);
	first[0] = '\0';
	if (d.n > 0)
		snprintf(first, len, "%d:%d: %s", d.v[0].loc.line,
		    d.v[0].loc.col, d.v[0].msg);
	diags_free(&d);
	return n;
}

static void
test_good(void)
{
	struct config	c;
	char		e[256];

	conf_defaults(&c);
	ok(c.sound && c.color, "defaults: sound and colour on");
	is_int(c.ready, 5, "default get-ready is 5 s");
	is_int(c.rest, 60, "default rest is 60 s");
	is_int(c.switch_secs, 5, "default switch-sides is 5 s");

	is_int(parse("", &c, e, sizeof e), 0, "an empty file is fine");
	is_int(c.ready, 5, "an empty file keeps the defaults");
	is_int(parse("# nothing\n~\n", &c, e, sizeof e), 0,
	    "a null document is fine");
	is_int(parse("sound: false\ncolor: no\nready: 0\nrest: 90\n"
	    "switch: 3\n", &c, e, sizeof e), 0, "every key parses");
	ok(!c.sound, "sound: false");
	ok(!c.color, "color: no");
	is_int(c.ready, 0, "ready: 0");
	is_int(c.rest, 90, "rest: 90");
	is_int(c.switch_secs, 3, "switch: 3");
	is_int(parse("{sound: true, ready: 3600}", &c, e, sizeof e), 0,
	    "flow style and the largest value");
	is_int(c.ready, 3600, "ready: 3600");
	is_int(parse("---\nready: 2\n...\n", &c, e, sizeof e), 0,
	    "explicit document markers");
	is_int(c.ready, 2, "ready: 2 after markers");
}

static void
test_bad(void)
{
	struct config	c;
	char		e[256];

	is_int(parse("ready: 2\nvolume: 11\n", &c, e, sizeof e), 1,
	    "unknown key is an error");
	is_str(e, "2:1: unknown setting 'volume' (known: sound, color, "
	    "ready, rest, switch)", "unknown key: place and message");
	is_int(c.ready, 5, "a bad file changes nothing");

	parse("sound: maybe\n", &c, e, sizeof e);
	is_str(e, "1:8: 'sound' takes true or false, not 'maybe'",
	    "bad boolean");
	parse("ready: -1\n", &c, e, sizeof e);
	is_str(e, "1:8: 'ready' takes a number of seconds from 0 to 3600, "
	    "not '-1'", "negative seconds");
	parse("rest: 3601\n", &c, e, sizeof e);
	ok(strstr(e, "not '3601'") != NULL, "too many seconds");
	parse("rest: 99999999999999999999\n", &c, e, sizeof e);
	ok(strstr(e, "from 0 to 3600") != NULL, "overflowing number");
	parse("rest: 1.5\n", &c, e, sizeof e);
	ok(strstr(e, "not '1.5'") != NULL, "a fraction");
	parse("rest: ''\n", &c, e, sizeof e);
	ok(strstr(e, "not ''") != NULL, "an empty value");
	parse("switch: [1, 2]\n", &c, e, sizeof e);
	is_str(e, "1:9: 'switch' takes a number of seconds", "a list value");
	parse("ready: 1\nready: 2\n", &c, e, sizeof e);
	is_str(e, "2:1: 'ready' is set twice", "a key twice");
	parse("- sound\n", &c, e, sizeof e);
	is_str(e, "1:1: the settings must be a mapping of 'name: value' "
	    "lines", "a list at the top");
	parse("just words\n", &c, e, sizeof e);
	ok(strstr(e, "must be a mapping") != NULL, "a scalar at the top");
	parse("[a]: 1\n", &c, e, sizeof e);
	is_str(e, "1:1: a setting's name must be a plain word",
	    "a list as a key");
	parse("sound: true\n---\nsound: false\n", &c, e, sizeof e);
	is_str(e, "3:1: only one document is allowed", "two documents");
	is_int(parse("sound: maybe\nready: [\n", &c, e, sizeof e), 1,
	    "a syntax error: the only problem said");
	ok(strncmp(e, "3:1: ", 5) == 0, "syntax error place: %s", e);
	parse("sound: true\n  x: 1\n", &c, e, sizeof e);
	ok(e[0] != '\0', "bad indentation: %s", e);
	/* The limits and refusals of the library and the history file. */
	parse("ready: &x 1\nrest: *x\n", &c, e, sizeof e);
	is_str(e, "1:8: anchors are not allowed in the settings", "an anchor");
	parse("ready: 1\nrest: *x\n", &c, e, sizeof e);
	is_str(e, "2:7: aliases are not allowed in the settings", "an alias");
	is_int(parse("sound: !!bool true\n", &c, e, sizeof e), 1,
	    "a tag is an error");
	is_str(e, "1:8: tags are not allowed in the settings", "a tag");
	parse("\t\x01\xff", &c, e, sizeof e);
	ok(e[0] != '\0', "binary junk is an error: %s", e);
}

static void
test_big(void)
{
	struct config	c;
	struct diags	d;
	char		*buf;

	buf = xmalloc(CONF_MAX_FILE + 2);
	memset(buf, '#', CONF_MAX_FILE + 1);
	buf[CONF_MAX_FILE + 1] = '\0';
	conf_defaults(&c);
	diags_init(&d);
	is_int(conf_parse(&c, "big.yaml", buf, CONF_MAX_FILE + 1, &d), 1,
	    "a too large file is refused");
	ok(d.n == 1 && strstr(d.v[0].msg, "larger than") != NULL,
	    "too large: message");
	diags_free(&d);

	/* Nesting past the limit every YAML file has stops the reading. */
	diags_init(&d);
	strcpy(buf, "ready: [[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]\nrest: x\n");
	is_int(conf_parse(&c, "deep.yaml", buf, strlen(buf), &d), 2,
	    "too deep: two problems");
	ok(d.n == 2 && d.v[1].loc.line == 1 && d.v[1].loc.col == 23 &&
	    strcmp(d.v[1].msg, "nested deeper than 16 levels") == 0,
	    "too deep: place and message, then nothing more");
	diags_free(&d);

	/* One value over the limit every YAML file has. */
	memcpy(buf, "ready: ", 7);
	memset(buf + 7, '1', INPUT_YAML_SCALAR + 1);
	diags_init(&d);
	is_int(conf_parse(&c, "big.yaml", buf, 7 + INPUT_YAML_SCALAR + 1, &d),
	    1, "a too long value is refused");
	ok(d.n == 1 && d.v[0].loc.line == 1 && d.v[0].loc.col == 8 &&
	    strcmp(d.v[0].msg, "value longer than 4096 bytes") == 0,
	    "too long: place and message");
	diags_free(&d);
	free(buf);
}

static void
test_load(void)
{
	struct config	c;
	struct diags	d;
	char		dir[] = "/tmp/rehabit-conf.XXXXXX", *path;
	FILE		*fp;

	if (mkdtemp(dir) == NULL) {
		ok(0, "mkdtemp");
		return;
	}
	xasprintf(&path, "%s/config.yaml", dir);
	conf_defaults(&c);
	diags_init(&d);
	is_int(conf_load(&c, path, &d), 66, "a missing named file: 66");
	ok(d.n == 1 && d.v[0].loc.line == 0, "missing: one message, no line");
	diags_free(&d);

	fp = fopen(path, "w");
	fputs("rest: 12\n", fp);
	fclose(fp);
	diags_init(&d);
	is_int(conf_load(&c, path, &d), 0, "a good file loads");
	is_int(c.rest, 12, "rest from the file");
	diags_free(&d);

	fp = fopen(path, "w");
	fputs("rest: 12\nwhat: 1\n", fp);
	fclose(fp);
	diags_init(&d);
	is_int(conf_load(&c, path, &d), 65, "a bad file: 65");
	ok(d.n == 1 && strcmp(d.v[0].loc.file, path) == 0 &&
	    d.v[0].loc.line == 2, "bad file: file and line");
	diags_free(&d);

	diags_init(&d);
	is_int(conf_load(&c, dir, &d), 74, "a folder: 74");
	diags_free(&d);

	/* A FIFO: refused at once, not waited on for a writer. */
	unlink(path);
	if (mkfifo(path, 0600) == 0) {
		diags_init(&d);
		is_int(conf_load(&c, path, &d), 74, "a FIFO: 74");
		ok(d.n == 1 && strcmp(d.v[0].msg, "not a regular file") == 0,
		    "a FIFO: not a regular file");
		diags_free(&d);
	} else
		ok(0, "mkfifo");

	/* The default file, under XDG_CONFIG_HOME. */
	setenv("XDG_CONFIG_HOME", "/nonexistent/rehabit-conf", 1);
	diags_init(&d);
	conf_defaults(&c);
	is_int(conf_load(&c, NULL, &d), 0, "no default file: defaults");
	is_int((int)d.n, 0, "no default file: no message");
	diags_free(&d);

	unlink(path);
	rmdir(dir);
	free(path);
}

int
main(void)
{
	test_good();
	test_bad();
	test_big();
	test_load();
	return tap_done();
}
