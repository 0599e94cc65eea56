#include "progress.h"

#include <stdio.h>
#include <sys/ioctl.h>
#include <time.h>
#include <unistd.h>

/* Redraw at most this often: a faster bar costs terminal time and reads no better. */
#define REDRAW_INTERVAL 0.1

double progress_now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

const char *human_size(double bytes, char *buf, size_t len)
{
	static const char *const units[] = { "B", "KiB", "MiB", "GiB", "TiB" };
	unsigned u = 0;
	while (bytes >= 1024 && u + 1 < sizeof units / sizeof units[0]) {
		bytes /= 1024;
		u++;
	}
	if (u == 0)
		snprintf(buf, len, "%.0f %s", bytes, units[u]);
	else
		snprintf(buf, len, "%.1f %s", bytes, units[u]);
	return buf;
}

static int terminal_width(void)
{
	struct winsize ws;
	if (ioctl(STDERR_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col >= 40)
		return ws.ws_col;
	return 80;
}

void progress_init(struct progress *p, const char *name, bool quiet)
{
	*p = (struct progress){ .name = name, .quiet = quiet, .terminal = isatty(STDERR_FILENO) };
}

void progress_start(struct progress *p, const char *url, int64_t offset)
{
	p->started = progress_now();
	p->last_drawn = 0;
	p->offset = offset;
	p->received = 0;
	p->drawn_bytes = -1;
	if (p->quiet)
		return;
	if (offset > 0)
		fprintf(stderr, ">>> downloading %s from %s (resuming at byte %lld)\n",
			p->name, url, (long long)offset);
	else
		fprintf(stderr, ">>> downloading %s from %s\n", p->name, url);
}

static void draw_bar(struct progress *p, int64_t total)
{
	double elapsed = progress_now() - p->started;
	double rate = elapsed > 0 ? (double)p->received / elapsed : 0;
	int64_t have = p->offset + p->received;
	int64_t whole = total > 0 ? p->offset + total : 0;

	char have_s[16], whole_s[16], rate_s[16], numbers[96];
	human_size((double)have, have_s, sizeof have_s);
	human_size(rate, rate_s, sizeof rate_s);
	if (whole > 0)
		snprintf(numbers, sizeof numbers, " %3d%% %s / %s  %s/s",
			 (int)(100 * have / whole), have_s,
			 human_size((double)whole, whole_s, sizeof whole_s), rate_s);
	else
		snprintf(numbers, sizeof numbers, " %s  %s/s", have_s, rate_s);

	/* name [#####.....] numbers, fitted to the terminal; the bar gets what is left. */
	int width = terminal_width() - 1;
	int name_len = 0;
	while (p->name[name_len] && name_len < 30)
		name_len++;
	int bar = width - name_len - 3 - (int)snprintf(NULL, 0, "%s", numbers);
	fprintf(stderr, "\r%.*s ", name_len, p->name);
	if (bar >= 10) {
		int filled = whole > 0 ? (int)((double)bar * (double)have / (double)whole) : 0;
		fputc('[', stderr);
		for (int i = 0; i < bar; i++)
			fputc(i < filled ? '#' : '.', stderr);
		fputc(']', stderr);
	}
	fprintf(stderr, "%s\033[K", numbers);
	fflush(stderr);
	p->bar_shown = true;
}

void progress_update(struct progress *p, int64_t now, int64_t total)
{
	p->received = now;
	if (!p->terminal || p->quiet)
		return;
	/* Throttled, except that the last byte is always drawn (once). */
	double t = progress_now();
	bool finished = total > 0 && now == total && p->drawn_bytes != now;
	if (t - p->last_drawn < REDRAW_INTERVAL && !finished)
		return;
	p->drawn_bytes = now;
	p->last_drawn = t;
	draw_bar(p, total);
}

void progress_stop(struct progress *p)
{
	if (p->bar_shown) {
		fputc('\n', stderr);
		p->bar_shown = false;
	}
}

void progress_done(struct progress *p, int64_t size)
{
	progress_stop(p);
	if (p->quiet)
		return;
	double elapsed = progress_now() - p->started;
	char size_s[16], rate_s[16];
	human_size((double)size, size_s, sizeof size_s);
	human_size(elapsed > 0 ? (double)p->received / elapsed : 0, rate_s, sizeof rate_s);
	fprintf(stderr, ">>> downloaded %s: %s in %.1f s (%s/s), sha256 ok\n",
		p->name, size_s, elapsed, rate_s);
}
