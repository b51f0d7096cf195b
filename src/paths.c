/* paths.c - where rehabit's files live. */
#include "config.h"

#include <sys/stat.h>

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <pwd.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "paths.h"
#include "xmalloc.h"

/* $HOME, else the passwd entry's home: one rule for every path. */
static const char *
paths_home(void)
{
	const char	*home;
	struct passwd	*pw;

	if ((home = getenv("HOME")) != NULL && *home != '\0')
		return home;
	if ((pw = getpwuid(getuid())) != NULL && pw->pw_dir != NULL &&
	    pw->pw_dir[0] == '/')
		return pw->pw_dir;
	return "/";
}

/* $VAR/rehabit if VAR is an absolute path (the spec ignores others). */
static char *
paths_xdg(const char *var, const char *fallback)
{
	const char	*v;
	char		*p;

	if ((v = getenv(var)) != NULL && v[0] == '/')
		xasprintf(&p, "%s/rehabit", v);
	else
		xasprintf(&p, "%s/%s/rehabit", paths_home(), fallback);
	return p;
}

char *
paths_data_dir(void)
{
	return paths_xdg("XDG_DATA_HOME", ".local/share");
}

char *
paths_config_dir(void)
{
	return paths_xdg("XDG_CONFIG_HOME", ".config");
}

char *
paths_state_dir(void)
{
	return paths_xdg("XDG_STATE_HOME", ".local/state");
}

char *
paths_bundled_library(void)
{
	char	 exe[PATH_MAX], *slash, *p;
	ssize_t	 n;

	/*
	 * An uninstalled build (make check, ./quickstart) has no pkgdatadir
	 * yet: recognise it by where the running binary is.
	 */
	n = readlink("/proc/self/exe", exe, sizeof exe - 1);
	if (n > 0) {
		exe[n] = '\0';
		if ((slash = strrchr(exe, '/')) != NULL)
			*slash = '\0';
		if (strcmp(exe, ABS_BUILDDIR "/src") == 0 ||
		    strcmp(exe, ABS_BUILDDIR "/tests/unit") == 0)
			return xstrdup(ABS_SRCDIR "/exercises");
	}
	xasprintf(&p, "%s/exercises", PKGDATADIR);
	return p;
}

int
paths_mkdir_private(const char *dir)
{
	char	*p, *s;
	int	 rc = 0;

	p = xstrdup(dir);
	for (s = p + 1; rc == 0; s++) {
		if (*s != '/' && *s != '\0')
			continue;
		char c = *s;
		*s = '\0';
		if (mkdir(p, 0700) == -1 && errno != EEXIST)
			rc = -1;
		*s = c;
		if (c == '\0')
			break;
	}
	free(p);
	return rc;
}

int
paths_open_file(const char *path, int flags, mode_t mode, struct stat *sbp)
{
	struct stat	sb;
	int		fd, saved;

	/* O_NONBLOCK: opening a FIFO must not wait for its other end. */
	fd = open(path, flags | O_NONBLOCK | O_CLOEXEC, mode);
	if (fd == -1)	/* ENXIO: a FIFO or socket with no other end */
		return errno == ENXIO ? PATHS_NOT_REGULAR : -1;
	if (fstat(fd, &sb) == -1) {
		saved = errno;
		close(fd);
		errno = saved;
		return -1;
	}
	if (!S_ISREG(sb.st_mode)) {
		close(fd);
		return PATHS_NOT_REGULAR;
	}
	if (sbp != NULL)
		*sbp = sb;
	return fd;
}

const char *
paths_open_error(int rc)
{
	return rc == PATHS_NOT_REGULAR ? "not a regular file" :
	    strerror(errno);
}
