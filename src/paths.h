/*
 * paths.h - where rehabit's files live (XDG base directory spec).
 * Returned strings are allocated; the caller frees them.
 */
#ifndef REHABIT_PATHS_H
#define REHABIT_PATHS_H

#include <sys/stat.h>

/* paths_open_file(): the name is something other than a regular file. */
#define PATHS_NOT_REGULAR	(-2)

/* $XDG_DATA_HOME/rehabit, default ~/.local/share/rehabit. */
char	*paths_data_dir(void);
/* $XDG_CONFIG_HOME/rehabit, default ~/.config/rehabit. */
char	*paths_config_dir(void);
/* $XDG_STATE_HOME/rehabit, default ~/.local/state/rehabit (the UI's log). */
char	*paths_state_dir(void);
/*
 * The bundled library: the source tree's exercises/ when this binary runs
 * from its build tree, else $(pkgdatadir)/exercises.
 */
char	*paths_bundled_library(void);
/* Create `dir` and its parents with mode 0700; 0 or -1 with errno set. */
int	 paths_mkdir_private(const char *dir);
/*
 * Open a file rehabit reads or writes (open(2)'s flags and mode): a FIFO,
 * device or folder at its name is refused, and opening it never blocks.
 * Returns the descriptor (close-on-exec) and its fstat() in *sb unless
 * NULL; -1 with errno set; or PATHS_NOT_REGULAR. paths_open_error() says
 * why in a few words.
 */
int		 paths_open_file(const char *path, int flags, mode_t mode,
		    struct stat *sb);
const char	*paths_open_error(int rc);

#endif
