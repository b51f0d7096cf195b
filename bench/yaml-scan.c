/*
 * yaml-scan.c - the benchmark's baseline for the library loader: read
 * each file into memory and pull every libyaml event out of it, doing
 * nothing else. `rehabit check` on the same files does this plus building
 * and validating the library; bench/run compares the two.
 *
 *	yaml-scan FILE...
 */
#include <stdio.h>
#include <stdlib.h>

#include <yaml.h>

static char *
scan_read(const char *path, size_t *len)
{
	FILE	*fp;
	char	*buf;
	long	 size;

	if ((fp = fopen(path, "rb")) == NULL ||
	    fseek(fp, 0, SEEK_END) != 0 || (size = ftell(fp)) < 0 ||
	    fseek(fp, 0, SEEK_SET) != 0) {
		perror(path);
		exit(1);
	}
	if ((buf = malloc(size + 1)) == NULL ||
	    fread(buf, 1, size, fp) != (size_t)size) {
		perror(path);
		exit(1);
	}
	fclose(fp);
	*len = size;
	return buf;
}

int
main(int argc, char **argv)
{
	yaml_parser_t	 parser;
	yaml_event_t	 ev;
	unsigned long	 events = 0;
	char		*buf;
	size_t		 len;
	int		 i, done;

	for (i = 1; i < argc; i++) {
		buf = scan_read(argv[i], &len);
		yaml_parser_initialize(&parser);
		yaml_parser_set_input_string(&parser,
		    (const unsigned char *)buf, len);
		for (done = 0; !done; events++) {
			if (!yaml_parser_parse(&parser, &ev)) {
				fprintf(stderr, "%s: %s\n", argv[i],
				    parser.problem);
				return 1;
			}
			done = ev.type == YAML_STREAM_END_EVENT;
			yaml_event_delete(&ev);
		}
		yaml_parser_delete(&parser);
		free(buf);
	}
	printf("%lu events\n", events);
	return 0;
}
