/*
 * bench/empty.c - a program that does nothing, built twice by bench/run:
 * linked with libyaml alone (as bench/yaml-scan) and with every library
 * rehabit links (SQLite, ncurses, libcanberra and theirs). The difference
 * is what loading and relocating those libraries costs each process at
 * start-up, before main().
 */
#include <stddef.h>
#include <yaml.h>

int
main(void)
{
	return yaml_get_version_string() == NULL;
}
