#include <stdint.h>
#include <string.h>

/* Two-way string matching (Crochemore-Perrin): linear time and constant
 * space whatever the needle and haystack, so hostile inputs cannot make
 * searches quadratic. */

/* The maximal suffix of n[0..len) for the byte order (rev = 0) or its
 * reverse (rev = 1); returns its start, and its period in *period. */
static size_t max_suffix(const unsigned char *n, size_t len, int rev, size_t *period)
{
	size_t ms = (size_t)-1, j = 0, k = 1, p = 1;

	while (j + k < len) {
		unsigned char a = n[j + k], b = n[ms + k];
		int less = rev ? a > b : a < b;
		if (less) {
			j += k;
			k = 1;
			p = j - ms;
		} else if (a == b) {
			if (k != p) {
				k++;
			} else {
				j += p;
				k = 1;
			}
		} else {
			ms = j;
			j = ms + 1;
			k = p = 1;
		}
	}
	*period = p;
	return ms + 1;
}

static void *two_way(const unsigned char *h, size_t hl, const unsigned char *n, size_t nl)
{
	size_t p1, p2, ms1, ms2, ms, p, mem0, mem = 0, j = 0, i;

	ms1 = max_suffix(n, nl, 0, &p1);
	ms2 = max_suffix(n, nl, 1, &p2);
	if (ms1 > ms2) {
		ms = ms1;
		p = p1;
	} else {
		ms = ms2;
		p = p2;
	}
	if (memcmp(n, n + p, ms) == 0) {
		/* Periodic needle: remember how much of the period matched. */
		mem0 = nl - p;
	} else {
		p = (ms > nl - ms ? ms : nl - ms) + 1;
		mem0 = 0;
	}
	while (j + nl <= hl) {
		i = ms > mem ? ms : mem;
		while (i < nl && n[i] == h[j + i])
			i++;
		if (i < nl) {
			j += i - ms + 1;
			mem = 0;
			continue;
		}
		i = ms;
		while (i > mem && n[i - 1] == h[j + i - 1])
			i--;
		if (i <= mem)
			return (void *)(h + j);
		j += p;
		mem = mem0;
	}
	return NULL;
}

void *memmem(const void *hay, size_t hl, const void *needle, size_t nl)
{
	const unsigned char *h = hay, *n = needle, *p;

	if (!nl)
		return (void *)h;
	if (hl < nl)
		return NULL;
	p = memchr(h, n[0], hl - nl + 1);
	if (!p || nl == 1)
		return (void *)p;
	hl -= (size_t)(p - h);
	h = p;
	if (nl == 2) {
		/* Short needles: a sliding pair is simplest and fast. */
		for (; hl >= 2; h++, hl--)
			if (h[0] == n[0] && h[1] == n[1])
				return (void *)h;
		return NULL;
	}
	return two_way(h, hl, n, nl);
}
