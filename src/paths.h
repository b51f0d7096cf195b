/*
 * paths.h - where rehabit's files live (XDG base directory spec).
 * Returned strings are allocated; the caller frees them.
 */
#ifndef REHABIT_PATHS_H
#define REHABIT_PATHS_H

/* $XDG_DATA_HOME/rehabit, default ~/.local/share/rehabit. */
char	*paths_data_dir(void);
/* $XDG_CONFIG_HOME/rehabit, default ~/.config/rehabit. */
char	*paths_config_dir(void);
/*
 * The bundled library: the source tree's exercises/ when this binary runs
 * from its build tree, else $(pkgdatadir)/exercises.
 */
char	*paths_bundled_library(void);
/* Create `dir` and its parents with mode 0700; 0 or -1 with errno set. */
int	 paths_mkdir_private(const char *dir);

#endif
