/*
 * session.c - the session engine (see session.h for the walk).
 *
 * Every countdown keeps the moment it started (t0) and its length; its
 * deadline is t0 + len, and the next phase starts at that deadline, not
 * at the moment session_advance() happened to be called, so a late or
 * early caller never shifts anything that follows. A pause shifts t0 by
 * the paused span.
 */
#include "config.h"

#include "session.h"

#include <stdlib.h>
#include <string.h>

#include "xmalloc.h"

struct sess_pos {
	size_t		 item;
	int		 set;		/* 1-based */
	enum side	 side;
};

struct session {
	const struct sess_plan	*plan;
	enum sess_phase		 phase;
	bool			 completed;
	bool			 paused;
	int64_t			 pause_at;
	int64_t			 start;
	int64_t			 paused_ms;	/* all pauses so far */
	int64_t			 end_at;	/* when SP_DONE came */

	struct sess_pos		 pos;
	int			 rep;		/* reps or holds done */
	int			 round;		/* timed, 1-based */
	int64_t			 done_ms;	/* held or worked, set so far */
	int64_t			 t0;		/* this phase (or tempo rep) */
	int64_t			 len;		/* its length; 0 for manual reps */
	int			 ticks;		/* ticks still to come, 3..0 */

	/* SK_UNDO just after a set that Enter ended. */
	bool			 can_reopen;
	bool			 reopened;	/* this set was saved once */
	struct sess_pos		 reopen;
	int			 reopen_rep;

	struct sess_out		*q;		/* ring of outputs */
	size_t			 qcap;
	size_t			 qhead;
	size_t			 qlen;

	int			*done;		/* [item][left/right][set] */
	size_t			*doff;		/* per item: offset into done */
	size_t			*ndone;		/* [item * 2 + side index] */
};

static const struct sess_item	*session_item(const struct session *);
static int	 session_sets(const struct sess_item *);
static int	 session_holds(const struct sess_item *);
static int	 session_rounds(const struct sess_item *);
static int	 session_target(const struct sess_item *);
static bool	 session_tempo(const struct sess_item *);
static bool	 session_needs_ready(const struct sess_item *);
static enum side session_first_side(const struct sess_item *);
static bool	 session_next_pos(const struct sess_plan *, struct sess_pos *,
		    int64_t *);
static void	 session_push(struct session *, enum sess_out_kind, int64_t,
		    const struct sess_pos *, int);
static void	 session_record(struct session *, const struct sess_pos *,
		    int);
static void	 session_countdown(struct session *, enum sess_phase,
		    int64_t, int64_t);
static void	 session_set_ticks(struct session *, int64_t);
static void	 session_start_work(struct session *, int64_t);
static void	 session_begin_set(struct session *, int64_t, bool);
static void	 session_finish_set(struct session *, int64_t, int, bool);
static void	 session_goto_item(struct session *, size_t, int64_t);
static void	 session_expire(struct session *, int64_t);
static int64_t	 session_next_event(const struct session *);
static bool	 session_in_set(const struct session *);
static int	 session_value(const struct session *, int64_t);
static int64_t	 session_now(const struct session *, int64_t);
static int64_t	 session_work_ms(const struct sess_item *);
static int64_t	 session_set_ms(const struct sess_plan *,
		    const struct sess_item *, bool);
static int64_t	 session_remaining(const struct session *, int64_t);
static void	 session_reopen(struct session *, int64_t);
static int	 session_keep_partial(struct session *, int64_t, int64_t);

static const struct sess_item *
session_item(const struct session *s)
{
	return (&s->plan->items[s->pos.item]);
}

static int
session_sets(const struct sess_item *it)
{
	return (it->dose.sets > 0 ? it->dose.sets : 1);
}

static int
session_holds(const struct sess_item *it)
{
	return (it->dose.reps > 0 ? it->dose.reps : 1);
}

static int
session_rounds(const struct sess_item *it)
{
	return (it->dose.rounds > 0 ? it->dose.rounds : 1);
}

/* What ends a set of reps: the reps asked for, at least one. */
static int
session_target(const struct sess_item *it)
{
	switch (it->step->ex->kind) {
	case KIND_REPS:
		return (it->dose.reps > 0 ? it->dose.reps : 1);
	case KIND_HOLD:
		return (session_holds(it));
	case KIND_TIMED:
		return (session_rounds(it));
	}
	return (1);
}

static bool
session_tempo(const struct sess_item *it)
{
	const struct step	*st = it->step;

	return (st->ex->kind == KIND_REPS && st->has_tempo &&
	    st->tempo[0] + st->tempo[1] + st->tempo[2] > 0);
}

/* Work that starts by the clock gets a get-ready; reps by hand do not. */
static bool
session_needs_ready(const struct sess_item *it)
{
	return (it->step->ex->kind != KIND_REPS || session_tempo(it));
}

static enum side
session_first_side(const struct sess_item *it)
{
	return (it->step->ex->sides == SIDES_EACH ? SIDE_LEFT : SIDE_BOTH);
}

/*
 * Move p to the work that follows it; *gap gets the countdown between
 * them (switch or rest). False at the end of the plan.
 */
static bool
session_next_pos(const struct sess_plan *plan, struct sess_pos *p,
    int64_t *gap)
{
	const struct sess_item	*it = &plan->items[p->item];

	if (p->side == SIDE_LEFT) {
		p->side = SIDE_RIGHT;
		*gap = (int64_t)plan->switch_secs * 1000;
		return (true);
	}
	*gap = (int64_t)it->dose.rest * 1000;
	if (p->set < session_sets(it)) {
		p->set++;
		p->side = session_first_side(it);
		return (true);
	}
	if (p->item + 1 >= plan->nitems) {
		*gap = 0;
		return (false);
	}
	p->item++;
	p->set = 1;
	p->side = session_first_side(&plan->items[p->item]);
	return (true);
}

static void
session_push(struct session *s, enum sess_out_kind kind, int64_t at,
    const struct sess_pos *p, int value)
{
	struct sess_out	*o, *nq;
	size_t		 i;

	if (s->qlen == s->qcap) {
		nq = xreallocarray(NULL, s->qcap * 2, sizeof *nq);
		for (i = 0; i < s->qlen; i++)
			nq[i] = s->q[(s->qhead + i) % s->qcap];
		free(s->q);
		s->q = nq;
		s->qhead = 0;
		s->qcap *= 2;
	}
	o = &s->q[(s->qhead + s->qlen) % s->qcap];
	s->qlen++;
	memset(o, 0, sizeof *o);
	o->kind = kind;
	o->at = at;
	o->item = p->item;
	o->set = p->set;
	o->side = p->side;
	o->value = value;
}

static void
session_record(struct session *s, const struct sess_pos *p, int value)
{
	const struct sess_item	*it = &s->plan->items[p->item];
	size_t			 si = p->side == SIDE_RIGHT;
	size_t			*n = &s->ndone[p->item * 2 + si];

	s->done[s->doff[p->item] + si * session_sets(it) + p->set - 1] = value;
	if ((size_t)p->set > *n)
		*n = p->set;
}

/*
 * The ticks of a countdown still to come after `now`: 3, 2 and 1 s before
 * its end, leaving out any at or before its start (a 3-s countdown ticks
 * twice; its start has a sound of its own).
 */
static void
session_set_ticks(struct session *s, int64_t now)
{
	int64_t	end = s->t0 + s->len, from;
	int	k = 3;

	from = now > s->t0 ? now : s->t0;
	while (k > 0 && end - (int64_t)k * 1000 <= from)
		k--;
	s->ticks = k;
}

static void
session_countdown(struct session *s, enum sess_phase ph, int64_t at,
    int64_t len)
{
	s->phase = ph;
	s->t0 = at;
	s->len = len;
	session_set_ticks(s, at);
}

static void
session_start_hold(struct session *s, int64_t at)
{
	session_countdown(s, SP_HOLD, at,
	    (int64_t)session_item(s)->dose.hold * 1000);
	session_push(s, SO_START, at, &s->pos, 0);
}

static void
session_start_round(struct session *s, int64_t at)
{
	session_countdown(s, SP_WORK, at,
	    (int64_t)session_item(s)->dose.work * 1000);
	session_push(s, SO_START, at, &s->pos, 0);
}

/* The set's work begins: reps, the first hold, the first round. */
static void
session_start_work(struct session *s, int64_t at)
{
	const struct sess_item	*it = session_item(s);
	const struct step	*st = it->step;

	s->can_reopen = false;
	s->reopened = false;
	s->rep = 0;
	s->round = 1;
	s->done_ms = 0;
	switch (st->ex->kind) {
	case KIND_REPS:
		s->phase = SP_REPS;
		s->t0 = at;
		s->len = 0;
		if (session_tempo(it))
			s->len = (int64_t)(st->tempo[0] + st->tempo[1] +
			    st->tempo[2]) * 1000;
		s->ticks = 0;
		session_push(s, SO_START, at, &s->pos, 0);
		break;
	case KIND_HOLD:
		session_start_hold(s, at);
		break;
	case KIND_TIMED:
		session_start_round(s, at);
		break;
	}
}

static void
session_begin_set(struct session *s, int64_t at, bool after_switch)
{
	const struct sess_item	*it = session_item(s);

	if (!after_switch && session_needs_ready(it) &&
	    s->plan->ready_secs > 0)
		session_countdown(s, SP_READY, at,
		    (int64_t)s->plan->ready_secs * 1000);
	else
		session_start_work(s, at);
}

static void
session_finish(struct session *s, int64_t at)
{
	s->phase = SP_DONE;
	s->completed = true;
	s->ticks = 0;
	s->end_at = at;
	session_push(s, SO_COMPLETE, at, &s->pos, 0);
}

/* The set (or side) ends at `at`: keep it, then switch, rest or go on. */
static void
session_finish_set(struct session *s, int64_t at, int value, bool keep)
{
	int64_t	gap;

	if (keep) {
		session_record(s, &s->pos, value);
		session_push(s, SO_SET_DONE, at, &s->pos, value);
	}
	if (!session_next_pos(s->plan, &s->pos, &gap)) {
		session_finish(s, at);
		return;
	}
	if (s->pos.side == SIDE_RIGHT) {
		if (gap > 0)
			session_countdown(s, SP_SWITCH, at, gap);
		else
			session_begin_set(s, at, true);
	} else if (gap > 0)
		session_countdown(s, SP_REST, at, gap);
	else
		session_begin_set(s, at, false);
}

static void
session_goto_item(struct session *s, size_t item, int64_t at)
{
	if (item >= s->plan->nitems) {
		session_finish(s, at);
		return;
	}
	s->can_reopen = false;
	s->reopened = false;
	s->pos.item = item;
	s->pos.set = 1;
	s->pos.side = session_first_side(session_item(s));
	session_begin_set(s, at, false);
}

/* The current countdown (or tempo rep) ran out at `at`. */
static void
session_expire(struct session *s, int64_t at)
{
	const struct sess_item	*it = session_item(s);

	switch (s->phase) {
	case SP_READY:
		session_start_work(s, at);
		break;
	case SP_SWITCH:
		session_begin_set(s, at, true);
		break;
	case SP_REST:
		session_begin_set(s, at, false);
		break;
	case SP_REPS:
		s->rep++;
		s->t0 = at;
		if (s->rep >= session_target(it))
			session_finish_set(s, at, s->rep, true);
		break;
	case SP_HOLD:
		s->rep++;
		s->done_ms += s->len;
		if (s->rep >= session_holds(it))
			session_finish_set(s, at, (int)(s->done_ms / 1000),
			    true);
		else if (it->dose.relax > 0)
			session_countdown(s, SP_RELAX, at,
			    (int64_t)it->dose.relax * 1000);
		else
			session_start_hold(s, at);
		break;
	case SP_RELAX:
		session_start_hold(s, at);
		break;
	case SP_WORK:
		s->done_ms += s->len;
		if (s->round >= session_rounds(it))
			session_finish_set(s, at, (int)(s->done_ms / 1000),
			    true);
		else if (it->dose.easy > 0)
			session_countdown(s, SP_EASY, at,
			    (int64_t)it->dose.easy * 1000);
		else {
			s->round++;
			session_start_round(s, at);
		}
		break;
	case SP_EASY:
		s->round++;
		session_start_round(s, at);
		break;
	case SP_DONE:
		break;
	}
}

/* The next moment something is due; INT64_MAX if only a key can act. */
static int64_t
session_next_event(const struct session *s)
{
	if (s->paused || s->phase == SP_DONE)
		return (INT64_MAX);
	if (s->phase == SP_REPS)
		return (s->len > 0 ? s->t0 + s->len : INT64_MAX);
	if (s->ticks > 0)
		return (s->t0 + s->len - (int64_t)s->ticks * 1000);
	return (s->t0 + s->len);
}

static bool
session_in_set(const struct session *s)
{
	switch (s->phase) {
	case SP_REPS:
	case SP_HOLD:
	case SP_RELAX:
	case SP_WORK:
	case SP_EASY:
		return (true);
	default:
		return (false);
	}
}

/* The clock as the set sees it: it stands still while paused or done. */
static int64_t
session_now(const struct session *s, int64_t now)
{
	if (s->phase == SP_DONE)
		return (s->end_at);
	return (s->paused ? s->pause_at : now);
}

/* The set's value so far: reps, or whole seconds held or worked. */
static int
session_value(const struct session *s, int64_t now)
{
	int64_t	ms = s->done_ms, in;

	switch (s->phase) {
	case SP_REPS:
		return (s->rep);
	case SP_HOLD:
	case SP_WORK:
		in = session_now(s, now) - s->t0;
		if (in > s->len)
			in = s->len;
		if (in > 0)
			ms += in;
		break;
	case SP_RELAX:
	case SP_EASY:
		break;
	default:
		return (0);
	}
	return ((int)(ms / 1000));
}

/*
 * Back into the set that Enter ended, one rep fewer. What was saved of it
 * stays until the set ends again (see session_keep_partial()).
 */
static void
session_reopen(struct session *s, int64_t now)
{
	s->pos = s->reopen;
	s->can_reopen = false;
	s->reopened = true;
	s->phase = SP_REPS;
	s->rep = s->reopen_rep - 1;
	s->t0 = now;
	s->len = 0;
	s->ticks = 0;
}

/*
 * A set ends early (skip, skip exercise, stop): keep what was done of it.
 * A set saved once and reopened by undo is saved again even if empty, so
 * the saved value follows the engine's.
 */
static int
session_keep_partial(struct session *s, int64_t now, int64_t at)
{
	int	v;

	if (!session_in_set(s))
		return (-1);
	v = session_value(s, now);
	if (v > 0 || s->reopened) {
		session_record(s, &s->pos, v);
		session_push(s, SO_SET_DONE, at, &s->pos, v);
	}
	return (v);
}

struct session *
session_new(const struct sess_plan *plan, int64_t now)
{
	struct session	*s;
	size_t		 i, total = 0;

	s = xcalloc(1, sizeof *s);
	s->plan = plan;
	s->start = now;
	s->qcap = SESSION_QUEUE;
	s->q = xcalloc(s->qcap, sizeof *s->q);
	s->doff = xcalloc(plan->nitems + 1, sizeof *s->doff);
	s->ndone = xcalloc(plan->nitems * 2 + 1, sizeof *s->ndone);
	for (i = 0; i < plan->nitems; i++) {
		s->doff[i] = total;
		total += 2 * (size_t)session_sets(&plan->items[i]);
	}
	s->done = xcalloc(total + 1, sizeof *s->done);
	s->pos.set = 1;
	if (plan->nitems == 0) {
		session_finish(s, now);
		return (s);
	}
	s->pos.side = session_first_side(&plan->items[0]);
	session_begin_set(s, now, false);
	return (s);
}

void
session_free(struct session *s)
{
	if (s == NULL)
		return;
	free(s->q);
	free(s->done);
	free(s->doff);
	free(s->ndone);
	free(s);
}

void
session_advance(struct session *s, int64_t now)
{
	int64_t	e;

	for (;;) {
		e = session_next_event(s);
		if (e > now)
			break;
		if (s->phase != SP_REPS && s->ticks > 0) {
			s->ticks--;
			/* A stale tick is left out (see session.h). */
			if (session_next_event(s) > now)
				session_push(s, SO_TICK, e, &s->pos,
				    s->ticks + 1);
			continue;
		}
		session_expire(s, e);
		switch (s->phase) {
		case SP_READY:
		case SP_SWITCH:
		case SP_REST:
		case SP_RELAX:
		case SP_EASY:
			session_push(s, SO_END, e, &s->pos, 0);
			break;
		default:
			break;
		}
	}
}

void
session_key(struct session *s, enum sess_key key, int64_t now)
{
	const struct sess_item	*it;
	struct sess_pos		 p;
	int			 v;

	session_advance(s, now);
	if (s->phase == SP_DONE)
		return;
	if (s->paused) {
		if (key == SK_PAUSE) {
			s->t0 += now - s->pause_at;
			s->paused_ms += now - s->pause_at;
			s->paused = false;
		}
		return;
	}
	it = session_item(s);
	switch (key) {
	case SK_PAUSE:
		s->paused = true;
		s->pause_at = now;
		break;
	case SK_ENTER:
		if (s->phase == SP_REPS && !session_tempo(it)) {
			if (++s->rep < session_target(it))
				break;
			p = s->pos;
			v = s->rep;
			session_finish_set(s, now, v, true);
			if (s->phase == SP_READY || s->phase == SP_SWITCH ||
			    s->phase == SP_REST) {
				s->can_reopen = true;
				s->reopen = p;
				s->reopen_rep = v;
			}
		} else if (!session_in_set(s))
			session_expire(s, now);
		break;
	case SK_SKIP:
		if (session_keep_partial(s, now, now) >= 0)
			session_finish_set(s, now, 0, false);
		else
			session_expire(s, now);
		break;
	case SK_SKIP_EXERCISE:
		session_keep_partial(s, now, now);
		session_goto_item(s, s->pos.item + 1, now);
		break;
	case SK_UNDO:
		if (s->phase == SP_REPS && s->rep > 0)
			s->rep--;
		else if (s->can_reopen)
			session_reopen(s, now);
		break;
	case SK_BACK:
		session_goto_item(s, s->pos.item > 0 ? s->pos.item - 1 : 0,
		    now);
		break;
	case SK_REST_MORE:
		if (s->phase != SP_REST)
			break;
		s->len += SESSION_REST_STEP_MS;
		session_set_ticks(s, now);
		break;
	case SK_REST_LESS:
		if (s->phase != SP_REST)
			break;
		s->len -= SESSION_REST_STEP_MS;
		if (s->t0 + s->len < now)
			s->len = now - s->t0;
		session_set_ticks(s, now);
		session_advance(s, now);
		break;
	}
}

void
session_stop(struct session *s, int64_t now)
{
	session_advance(s, now);
	if (s->phase == SP_DONE)
		return;
	session_keep_partial(s, now, session_now(s, now));
	if (s->paused)
		s->paused_ms += now - s->pause_at;
	s->phase = SP_DONE;
	s->completed = false;
	s->paused = false;
	s->ticks = 0;
	s->end_at = now;
}

bool
session_completed(const struct session *s)
{
	return (s->phase == SP_DONE && s->completed);
}

int64_t
session_next_wake(const struct session *s, int64_t now)
{
	const struct step	*st;
	int64_t			 e, end, c, b;

	e = session_next_event(s);
	if (e == INT64_MAX)
		return (e);
	if (e <= now)
		return (now);
	if (s->phase == SP_REPS) {
		/* Tempo: the next boundary of down, pause, up. */
		st = session_item(s)->step;
		b = s->t0 + (int64_t)st->tempo[0] * 1000;
		if (b > now)
			return (b);
		b += (int64_t)st->tempo[1] * 1000;
		if (b > now)
			return (b);
		return (e);
	}
	/* A countdown shows whole seconds rounded up: wake as one goes. */
	end = s->t0 + s->len;
	c = (end - now + 999) / 1000;
	return (end - (c - 1) * 1000);
}

static int64_t
session_work_ms(const struct sess_item *it)
{
	const struct step	*st = it->step;
	const struct dose	*d = &it->dose;
	int64_t			 n;

	switch (st->ex->kind) {
	case KIND_REPS:
		n = session_target(it);
		if (session_tempo(it))
			return (n * (st->tempo[0] + st->tempo[1] +
			    st->tempo[2]) * 1000);
		return (n * SESSION_MANUAL_REP_MS);
	case KIND_HOLD:
		n = session_holds(it);
		return ((n * d->hold + (n - 1) * d->relax) * 1000LL);
	case KIND_TIMED:
		n = session_rounds(it);
		return ((n * d->work + (n - 1) * d->easy) * 1000LL);
	}
	return (0);
}

static int64_t
session_set_ms(const struct sess_plan *plan, const struct sess_item *it,
    bool after_switch)
{
	int64_t	ms = session_work_ms(it);

	if (!after_switch && session_needs_ready(it))
		ms += (int64_t)plan->ready_secs * 1000;
	return (ms);
}

static int64_t
session_remaining(const struct session *s, int64_t now)
{
	const struct sess_item	*it = session_item(s);
	const struct dose	*d = &it->dose;
	struct sess_pos		 p = s->pos;
	int64_t			 left, ms = 0, gap, n;

	left = s->t0 + s->len - now;
	if (left < 0)
		left = 0;
	switch (s->phase) {
	case SP_READY:
	case SP_SWITCH:
		ms = left + session_work_ms(it);
		break;
	case SP_REST:
		ms = left + session_set_ms(s->plan, it, false);
		break;
	case SP_REPS:
		n = session_target(it) - s->rep;
		if (n < 0)
			n = 0;
		if (s->len == 0)
			ms = n * SESSION_MANUAL_REP_MS;
		else if (n > 0)
			ms = left + (n - 1) * s->len;
		break;
	case SP_HOLD:
		n = session_holds(it) - s->rep - 1;
		ms = left + n * (d->relax + d->hold) * 1000LL;
		break;
	case SP_RELAX:
		n = session_holds(it) - s->rep;
		ms = left + (n * d->hold + (n - 1) * d->relax) * 1000LL;
		break;
	case SP_WORK:
		n = session_rounds(it) - s->round;
		ms = left + n * (d->easy + d->work) * 1000LL;
		break;
	case SP_EASY:
		n = session_rounds(it) - s->round;
		ms = left + (n * d->work + (n - 1) * d->easy) * 1000LL;
		break;
	case SP_DONE:
		return (0);
	}
	while (session_next_pos(s->plan, &p, &gap))
		ms += gap + session_set_ms(s->plan, &s->plan->items[p.item],
		    p.side == SIDE_RIGHT);
	return (ms);
}

void
session_view(const struct session *s, int64_t now, struct sess_view *v)
{
	const struct sess_item	*it;
	const struct step	*st;
	int64_t			 n = session_now(s, now), x, d, pz;

	memset(v, 0, sizeof *v);
	v->phase = s->phase;
	v->paused = s->paused;
	v->nitems = s->plan->nitems;
	v->elapsed_ms = n - s->start - s->paused_ms;
	v->item = s->pos.item;
	v->set = s->pos.set;
	v->side = s->pos.side;
	if (s->plan->nitems == 0) {
		v->next_item = 0;
		return;
	}
	v->next_item = s->pos.item + 1;
	if (s->phase == SP_DONE) {
		v->item = s->plan->nitems;
		v->next_item = s->plan->nitems;
		return;
	}
	it = session_item(s);
	st = it->step;
	v->nsets = session_sets(it);
	v->rep = s->rep;
	v->reps = session_target(it);
	v->round = s->round;
	v->rounds = st->ex->kind == KIND_TIMED ? session_rounds(it) : 0;
	v->value = session_value(s, now);
	v->remaining_ms = session_remaining(s, n);
	if (s->phase == SP_REPS) {
		if (s->len == 0)
			return;
		v->tempo_on = true;
		x = n - s->t0;
		if (x < 0)
			x = 0;
		d = st->tempo[0] * 1000LL;
		pz = st->tempo[1] * 1000LL;
		if (x < d) {
			v->tempo = TEMPO_DOWN;
			v->phase_ms = d;
			v->left_ms = d - x;
		} else if (x < d + pz) {
			v->tempo = TEMPO_PAUSE;
			v->phase_ms = pz;
			v->left_ms = d + pz - x;
		} else {
			v->tempo = TEMPO_UP;
			v->phase_ms = s->len - d - pz;
			v->left_ms = s->len - x;
			if (v->left_ms < 0)
				v->left_ms = 0;
		}
		return;
	}
	v->phase_ms = s->len;
	v->left_ms = s->t0 + s->len - n;
	if (v->left_ms < 0)
		v->left_ms = 0;
	if (v->left_ms > v->phase_ms)
		v->left_ms = v->phase_ms;
}

bool
session_pop(struct session *s, struct sess_out *o)
{
	if (s->qlen == 0)
		return (false);
	*o = s->q[s->qhead];
	s->qhead = (s->qhead + 1) % s->qcap;
	s->qlen--;
	return (true);
}

const int *
session_done(const struct session *s, size_t item, enum side side,
    size_t *nsets)
{
	size_t	si = side == SIDE_RIGHT;

	*nsets = 0;
	if (item >= s->plan->nitems || s->ndone[item * 2 + si] == 0)
		return (NULL);
	*nsets = s->ndone[item * 2 + si];
	return (&s->done[s->doff[item] +
	    si * session_sets(&s->plan->items[item])]);
}

const char *
session_phase_name(enum sess_phase ph)
{
	switch (ph) {
	case SP_READY:
		return ("ready");
	case SP_REPS:
		return ("reps");
	case SP_HOLD:
		return ("hold");
	case SP_RELAX:
		return ("relax");
	case SP_WORK:
		return ("work");
	case SP_EASY:
		return ("easy");
	case SP_SWITCH:
		return ("switch");
	case SP_REST:
		return ("rest");
	case SP_DONE:
		return ("done");
	}
	return ("?");
}
