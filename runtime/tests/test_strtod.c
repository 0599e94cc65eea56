/* Kiln runtime host test: strtod, strtof, strtold and atof against glibc.
 *
 * Every input string goes through all three conversions, and each one is
 * compared with glibc's on the value's bits, the end pointer and errno.
 * Inputs: fixed syntax and boundary cases; random doubles, floats and long
 * doubles printed with %.17g/%.9g/%.21Lg/%a/%e at random precisions; the
 * exact decimal expansions of halfway points between neighbouring floats
 * (ties to even), cut short (just below) or extended (just above), up to
 * thousands of digits; random digit strings over the whole exponent range;
 * random junk over the characters the syntax uses. Scale with
 * KILN_TEST_ITERATIONS, vary with KILN_TEST_SEED. */
#include <errno.h>
#include <float.h>
#include <math.h>
#include <string.h>

#include "harness.h"

double kiln_strtod(const char *, char **);
float kiln_strtof(const char *, char **);
long double kiln_strtold(const char *, char **);
double kiln_atof(const char *);
extern int kiln_errno;

/* Inputs can be very long: show their start and their length. */
static const char *shown(const char *s)
{
	static char buf[120];
	size_t n = strlen(s);
	if (n < 100)
		snprintf(buf, sizeof buf, "\"%s\"", s);
	else
		snprintf(buf, sizeof buf, "\"%.60s...%s\" (%zu chars)", s,
			 s + n - 20, n);
	return buf;
}

static void check_double(const char *s)
{
	char *ge, *ke;
	uint64_t gb, kb;

	errno = 0;
	double g = strtod(s, &ge);
	int gerr = errno;
	kiln_errno = 0;
	double k = kiln_strtod(s, &ke);
	int kerr = kiln_errno;
	memcpy(&gb, &g, 8);
	memcpy(&kb, &k, 8);
	CHECK(gb == kb && ge == ke && gerr == kerr,
	      "strtod(%s): expected %016llx (%a) end+%td errno %d, "
	      "got %016llx (%a) end+%td errno %d",
	      shown(s), (unsigned long long)gb, g, ge - s, gerr,
	      (unsigned long long)kb, k, ke - s, kerr);
}

static void check_float(const char *s)
{
	char *ge, *ke;
	uint32_t gb, kb;

	errno = 0;
	float g = strtof(s, &ge);
	int gerr = errno;
	kiln_errno = 0;
	float k = kiln_strtof(s, &ke);
	int kerr = kiln_errno;
	memcpy(&gb, &g, 4);
	memcpy(&kb, &k, 4);
	CHECK(gb == kb && ge == ke && gerr == kerr,
	      "strtof(%s): expected %08x (%a) end+%td errno %d, "
	      "got %08x (%a) end+%td errno %d",
	      shown(s), gb, (double)g, ge - s, gerr, kb, (double)k, ke - s,
	      kerr);
}

/* x87 long double: 10 significant bytes, the rest is padding; binary128:
 * all 16. */
#define LD_BYTES (LDBL_MANT_DIG == 64 ? 10 : sizeof(long double))
static void check_long_double(const char *s)
{
	char *ge, *ke;

	errno = 0;
	long double g = strtold(s, &ge);
	int gerr = errno;
	kiln_errno = 0;
	long double k = kiln_strtold(s, &ke);
	int kerr = kiln_errno;
	CHECK(memcmp(&g, &k, LD_BYTES) == 0 && ge == ke && gerr == kerr,
	      "strtold(%s): expected %La end+%td errno %d, "
	      "got %La end+%td errno %d",
	      shown(s), g, ge - s, gerr, k, ke - s, kerr);
}

static void check_all(const char *s)
{
	check_double(s);
	check_float(s);
	check_long_double(s);
}

static uint64_t rnd(uint64_t n) /* 0 .. n-1 */
{
	return h_rand() % n;
}

/* ---- fixed cases ---------------------------------------------------- */

static const char *const fixed[] = {
	"", " ", "+", "-", ".", "+.", "-.e1", "e5", "x", " \t\n\v\f\r1.5",
	"0", "-0", "+0", "00000", "0.", ".0", "0.0e0", "-0.0e-99999",
	"1", "-1", "+1.5", "1.", ".5", "5.e", "5.e+", "5.e-", "5e+x", "1e",
	"1e+", "1e-", "1ee5", "1.2.3", "1..2", "1e5.5", "  -  1",
	"0x", "0X", "-0x", "0x.", "0x.p1", "0xp1", "0x1p", "0x1p+", "0x1p-x",
	"0x1.8p1", "0X1.8P+1", "0x.8", "0x8.", "0xg", "0x1g", "0x0p99999",
	"0x1p-1074", "0x1p-1075", "0x1.8p-1075", "0x1p-1076", "0x1p1023",
	"0x1.000002p-150", "0x1.0000011p-150", "0x1.00000000000008001p-1075",
	"0x1p1024", "0x1.fffffffffffffp1023", "0x1.fffffffffffff7p1023",
	"0x1.fffffffffffff8p1023", "0x1.fffffffffffffp-1023",
	"0x1.fffffffffffff8p-1023", "0x1.fffffffffffff7p-1023",
	"0x1.fffffep127", "0x1.ffffffp127", "0x1p-149", "0x1p-150",
	"0x1p-16445", "0x1p-16446", "0x1.8p-16446",
	"0x1p16383", "0x1p16384", "0x1.fffffffffffffffep16383",
	"0x1.ffffffffffffffffp16383", "0x1.fffffffffffffffe8p16383",
	"0x123456789abcdef0123456789abcdef0123456789p0",
	"0x.00000000000000000000000000000000000000001p0",
	"0x1.00000000000000000000000000000000000000001p0",
	"0x1.0000000000000800000000000000000000000001p0",
	"0x1.00000000000008p0", "0x1.00000000000018p0",
	"0x1p99999999999999999999", "0x1p-99999999999999999999",
	"inf", "INF", "-Inf", "infinity", "INFINITY", "infinit", "infx",
	"in", "i", "+inFiNiTy", "nan", "NAN", "-nan", "+NaN", "na", "nanx",
	"nan(", "nan()", "nan(abc", "nan(abc)", "nan(123)", "-nan(123)",
	"nan(0x12)", "nan(0X12)", "nan(0x)", "nan(012)", "nan(08)",
	"nan(_a_)", "nan(0x7ffffffffffff1)", "nan(0xffffffffffffffff)",
	"nan(99999999999999999999999)", "nan(99999999999999999999999x)",
	"nan(-1)", "nan( 1)", "nan(0x8000000000000)", "nan(0x400000)",
	"nan(0xc000000000000000)",
	"1e308", "1.7976931348623157e308", "1.7976931348623158e308",
	"1.7976931348623159e308", "1e309", "-1e309", "1e99999999999999999",
	"2.2250738585072011e-308", "2.2250738585072012e-308",
	"2.2250738585072014e-308", "2.225073858507201e-308",
	"4.9406564584124654e-324", "2.4703282292062327e-324",
	"2.4703282292062328e-324", "2.4703282292062327208e-324", "1e-324",
	"3e-324", "1e-400", "1e-99999999999999999",
	"3.4028234663852886e38", "3.4028235677973366e38",
	"3.4028235677973367e38", "1.17549435e-38", "1.1754942e-38",
	"1.40129846e-45", "7.00649232e-46", "7.0064923216240862e-46",
	"7.0064923216240861e-46", "1.18973149535723176502e4932",
	"1.18973149535723176508e4932", "1.18973149535723176509e4932",
	"3.36210314311209350626e-4932", "3.64519953188247460253e-4951",
	"1.82259976594123730126e-4951", "1.82259976594123730127e-4951",
	"9007199254740993", "9007199254740992.5", "9007199254740993.0000001",
	"123456789012345678901234567890", "0.000000000000000000000000001",
	"000000000000000000000000000000000000000000001e-30",
	"1000000000000000000000000000000000000000000000e-30",
	"0.1", "0.2", "0.3", "1e23", "8.589973e9", "1.5e-45",
	"179769313486231580793728971405303415079934132710037826936173778980"
	"444968292764750946649017977587207096330286416692887910946555547851"
	"940402630657488671505820681908902000708383676273854845817711531764"
	"475730270069855571366959622842914819860834936475292719074168444365"
	"510704342711559699508093042880177904174497792",
};

static void run_fixed(void)
{
	for (size_t i = 0; i < sizeof fixed / sizeof fixed[0]; i++)
		check_all(fixed[i]);
	/* atof is strtod without the end pointer. */
	for (size_t i = 0; i < sizeof fixed / sizeof fixed[0]; i++) {
		double g = atof(fixed[i]), k = kiln_atof(fixed[i]);
		CHECK(memcmp(&g, &k, 8) == 0, "atof(%s): expected %a, got %a",
		      shown(fixed[i]), g, k);
	}
	/* A NULL end pointer is allowed. */
	CHECK(kiln_strtod("2.5", NULL) == 2.5, "strtod(\"2.5\", NULL)");
	CHECK(kiln_strtof("2.5", NULL) == 2.5f, "strtof(\"2.5\", NULL)");
	CHECK(kiln_strtold("2.5", NULL) == 2.5L, "strtold(\"2.5\", NULL)");
}

/* glibc 2.36 rounds a hexadecimal input of exactly (1 + 2^-p) times half
 * the smallest subnormal (p = precision) to zero, though it is above the
 * halfway point: its decimal path and IEEE 754 give the smallest subnormal.
 * Kiln rounds correctly; check those by value instead of against glibc. */
static void run_glibc_hex_underflow_bug(void)
{
	char *end;

	kiln_errno = 0;
	float f = kiln_strtof("0x1.000001p-150", &end);
	CHECK(f == FLT_TRUE_MIN && kiln_errno == ERANGE && *end == 0,
	      "strtof(\"0x1.000001p-150\"): expected %a with ERANGE, got %a "
	      "errno %d", (double)FLT_TRUE_MIN, (double)f, kiln_errno);
	kiln_errno = 0;
	double d = kiln_strtod("0x1.00000000000008p-1075", &end);
	CHECK(d == DBL_TRUE_MIN && kiln_errno == ERANGE && *end == 0,
	      "strtod(\"0x1.00000000000008p-1075\"): expected %a with ERANGE, "
	      "got %a errno %d", DBL_TRUE_MIN, d, kiln_errno);
	/* Just above half the smallest subnormal long double. */
#if LDBL_MANT_DIG == 64
	const char *ld_in = "-0x1.0000000000000001p-16446";
#else
	const char *ld_in = "-0x1.0000000000000000000000000001p-16495";
#endif
	kiln_errno = 0;
	long double ld = kiln_strtold(ld_in, &end);
	CHECK(ld == -LDBL_TRUE_MIN && kiln_errno == ERANGE && *end == 0,
	      "strtold(\"%s\"): expected %La with ERANGE, got %La errno %d",
	      ld_in, -LDBL_TRUE_MIN, ld, kiln_errno);
	/* The decimal spelling of the float case, where glibc agrees. */
	check_float("7.00649232162408535461864791644958065640130970938257885878534141944895541342930300743319094181060791015625000001e-46");
}

/* ---- random values printed the usual ways -------------------------- */

static double random_double(void)
{
	uint64_t b = h_rand();
	double d;
	/* Bias towards the ends of the exponent range half of the time. */
	if (h_rand() & 1) {
		uint64_t e = h_rand() & 1 ? rnd(60) : 2047 - rnd(60);
		b = (b & ~(0x7ffULL << 52)) | (e << 52);
	}
	memcpy(&d, &b, 8);
	return d;
}

static float random_float(void)
{
	uint32_t b = (uint32_t)h_rand();
	float f;
	if (h_rand() & 1) {
		uint32_t e = h_rand() & 1 ? (uint32_t)rnd(30) : 255 - (uint32_t)rnd(30);
		b = (b & ~(0xffU << 23)) | (e << 23);
	}
	memcpy(&f, &b, 4);
	return f;
}

/* A random long double, biased to the ends and the middle of the
 * exponent range as the double one is. x87: valid, the explicit integer
 * bit matches the exponent. binary128: 112 random fraction bits. */
#if LDBL_MANT_DIG == 113
static long double random_long_double(void)
{
	uint16_t e = (uint16_t)rnd(0x7fff);
	switch (rnd(4)) {
	case 0: e = (uint16_t)rnd(80); break;
	case 1: e = (uint16_t)(0x7ffe - rnd(80)); break;
	case 2: e = (uint16_t)(16383 - 1100 + rnd(2200)); break;
	}
	unsigned __int128 u = (unsigned __int128)(e | (h_rand() & 1) << 15) << 112 |
			      (unsigned __int128)(h_rand() & ((1ULL << 48) - 1)) << 64 | h_rand();
	long double ld;
	memcpy(&ld, &u, sizeof ld);
	return ld;
}
#else
static long double random_long_double(void)
{
	union { long double ld; struct { uint64_t m; uint16_t se; } x; } v;
	memset(&v, 0, sizeof v);
	uint16_t e = (uint16_t)rnd(0x7fff);
	switch (rnd(4)) {
	case 0: e = (uint16_t)rnd(80); break;
	case 1: e = (uint16_t)(0x7ffe - rnd(80)); break;
	case 2: e = (uint16_t)(16383 - 1100 + rnd(2200)); break;
	}
	v.x.m = h_rand();
	if (e)
		v.x.m |= 1ULL << 63;
	else
		v.x.m &= ~(1ULL << 63);
	v.x.se = (uint16_t)(e | (h_rand() & 1) << 15);
	return v.ld;
}
#endif

static void run_printed(long n)
{
	char buf[512];

	for (long i = 0; i < n; i++) {
		double d = random_double();
		snprintf(buf, sizeof buf, "%.17g", d);
		check_all(buf);
		snprintf(buf, sizeof buf, "%.*g", (int)rnd(17) + 1, d);
		check_all(buf);
		snprintf(buf, sizeof buf, "%a", d);
		check_double(buf);
		snprintf(buf, sizeof buf, "%.*e", (int)rnd(40), d);
		check_double(buf);

		float f = random_float();
		snprintf(buf, sizeof buf, "%.9g", (double)f);
		check_float(buf);
		snprintf(buf, sizeof buf, "%.*g", (int)rnd(9) + 1, (double)f);
		check_float(buf);
		snprintf(buf, sizeof buf, "%a", (double)f);
		check_float(buf);

		long double ld = random_long_double();
		snprintf(buf, sizeof buf, "%.21Lg", ld);
		check_long_double(buf);
		snprintf(buf, sizeof buf, "%.*Le", (int)rnd(30), ld);
		check_long_double(buf);
		snprintf(buf, sizeof buf, "%La", ld);
		check_long_double(buf);
	}
}

/* ---- halfway points ------------------------------------------------- */

/* The exact decimal expansion of v > 0 (glibc prints exactly): the
 * significant digits into digits (no trailing zeros) and the power of ten
 * of the last one. Returns the number of digits. */
static int exact_decimal(long double v, char *digits, int cap, int *last_exp)
{
	static char buf[13000];
	/* v = f * 2^e with an M-bit f (M = LDBL_MANT_DIG, 64 or 113): its
	 * expansion has at most about 0.31 M + 0.7 * (M - e) significant
	 * digits when e < M (each factor 1/2 adds at most one), 0.31 M +
	 * 0.31 * e otherwise. */
	int e2;
	frexpl(v, &e2);
	const int m = LDBL_MANT_DIG, lead = 10 + m * 31 / 100;
	int prec = e2 < m ? lead + (m - e2) * 7 / 10 : lead + e2 * 31 / 100;
	snprintf(buf, sizeof buf, "%.*Le", prec, v);
	char *e = strchr(buf, 'e');
	int exp10 = atoi(e + 1);
	int n = 0;
	for (char *p = buf; p < e; p++)
		if (*p >= '0' && *p <= '9' && n < cap)
			digits[n++] = *p;
	if (digits[n - 1] != '0') {
		fprintf(stderr, "test_strtod: %%.%dLe is not exact for %La\n",
			prec, v);
		exit(2);
	}
	while (n > 1 && digits[n - 1] == '0')
		n--;
	digits[n] = 0;
	*last_exp = exp10 - (n - 1);
	return n;
}

/* a (na digits, last at power ea) + b (likewise), b < a: into out. */
static int decimal_add(const char *a, int na, int ea, const char *b, int nb,
		       int eb, char *out, int *eo)
{
	int lo = ea < eb ? ea : eb;
	int hi = ea + na > eb + nb ? ea + na - 1 : eb + nb - 1;
	int len = hi - lo + 2; /* one more for the carry */
	int carry = 0;
	for (int i = 0; i < len; i++) {
		int pw = lo + i, d = carry;
		if (pw >= ea && pw <= ea + na - 1)
			d += a[na - 1 - (pw - ea)] - '0';
		if (pw >= eb && pw <= eb + nb - 1)
			d += b[nb - 1 - (pw - eb)] - '0';
		out[len - 1 - i] = (char)('0' + d % 10);
		carry = d / 10;
	}
	out[len] = 0;
	*eo = lo;
	return len;
}

static char digits_a[13000], digits_b[13000], digits_sum[13100];
static char input[40000];

/* Check the halfway point x + ulp/2 as itself, cut short and extended. */
static void check_halfway(long double x, long double half_ulp,
			  void (*check)(const char *))
{
	int ea, eb, es;
	int na = exact_decimal(x, digits_a, 12900, &ea);
	int nb = exact_decimal(half_ulp, digits_b, 12900, &eb);
	int ns = decimal_add(digits_a, na, ea, digits_b, nb, eb, digits_sum, &es);
	int lead = 0;
	while (lead < ns - 1 && digits_sum[lead] == '0')
		lead++;
	const char *d = digits_sum + lead;
	ns -= lead;
	const char *sign = h_rand() & 1 ? "-" : "";

	snprintf(input, sizeof input, "%s%se%d", sign, d, es);
	check(input);
	/* Just below: drop some trailing digits (the last one is nonzero). */
	int keep = (int)rnd((uint64_t)ns) ;
	if (keep == 0)
		keep = 1;
	if (keep < ns) {
		snprintf(input, sizeof input, "%s%.*se%d", sign, keep, d,
			 es + (ns - keep));
		check(input);
	}
	/* Just above: zeros then a 1 after the last digit. */
	int zeros = rnd(4) == 0 ? (int)rnd(20000) : (int)rnd(30);
	int len = snprintf(input, sizeof input, "%s0.%s", sign, d);
	memset(input + len, '0', (size_t)zeros);
	len += zeros;
	snprintf(input + len, sizeof input - (size_t)len, "1e%d", es + ns);
	check(input);
}

static void run_halfway(long n_double, long n_float, long n_long_double)
{
	for (long i = 0; i < n_double; i++) {
		double d = fabs(random_double());
		if (!isfinite(d) || d == DBL_MAX)
			continue;
		double up = nextafter(d, INFINITY);
		check_halfway(d, ((long double)up - d) / 2, check_double);
	}
	for (long i = 0; i < n_float; i++) {
		float f = fabsf(random_float());
		if (!isfinite(f) || f == FLT_MAX)
			continue;
		float up = nextafterf(f, INFINITY);
		check_halfway(f, ((long double)up - f) / 2, check_float);
	}
	for (long i = 0; i < n_long_double; i++) {
		long double x = fabsl(random_long_double());
		if (!isfinite(x) || x == LDBL_MAX)
			continue;
		long double up = nextafterl(x, INFINITY);
		/* up - x is exact (a power of two); halving it may underflow
		 * for subnormals, so add the half ulp in decimal instead. */
		long double ulp = up - x;
		if (ulp / 2 * 2 != ulp) /* the half-ulp is below LDBL_TRUE_MIN */
			continue;
		check_halfway(x, ulp / 2, check_long_double);
	}
	/* The halfway points at the bottom of the subnormals and at the top
	 * of the range, every time. */
	check_halfway(0, DBL_TRUE_MIN / 2.0L, check_double);
	check_halfway(0, FLT_TRUE_MIN / 2.0L, check_float);
	check_halfway(DBL_MAX, (DBL_MAX - nextafter(DBL_MAX, 0)) / 2.0L,
		      check_double);
	check_halfway(FLT_MAX, (FLT_MAX - nextafterf(FLT_MAX, 0)) / 2.0L,
		      check_float);
	check_halfway(DBL_MIN - DBL_TRUE_MIN, DBL_TRUE_MIN / 2.0L, check_double);
	check_halfway(FLT_MIN - FLT_TRUE_MIN, FLT_TRUE_MIN / 2.0L, check_float);
}

/* ---- random digit strings and junk ---------------------------------- */

static void random_digits(char *p, long n)
{
	for (long i = 0; i < n; i++)
		p[i] = (char)('0' + rnd(10));
}

static void run_digit_strings(long n)
{
	for (long i = 0; i < n; i++) {
		char *p = input;
		long ndig;
		switch (rnd(16)) {
		case 0: ndig = 1 + (long)rnd(3000); break;
		case 1: ndig = 1 + (long)rnd(25000); break;
		default: ndig = 1 + (long)rnd(40); break;
		}
		if (h_rand() & 1)
			*p++ = h_rand() & 1 ? '-' : '+';
		if (rnd(4) == 0) { /* leading zeros */
			long z = (long)rnd(rnd(8) == 0 ? 5000 : 10);
			memset(p, '0', (size_t)z);
			p += z;
		}
		long point = (long)rnd((uint64_t)ndig + 2) - 1; /* -1: none */
		for (long j = 0; j < ndig; j++) {
			if (j == point)
				*p++ = '.';
			*p++ = (char)('0' + rnd(10));
		}
		/* Runs of 0s or 9s after a prefix make near-ties likely. */
		if (rnd(4) == 0) {
			long run = (long)rnd(rnd(4) == 0 ? 3000 : 30);
			memset(p, rnd(2) ? '0' : '9', (size_t)run);
			p += run;
			if (rnd(2))
				random_digits(p++, 1);
		}
		if (rnd(8) != 0) {
			long e;
			switch (rnd(4)) {
			case 0: e = (long)rnd(700) - 350; break;
			case 1: e = (long)rnd(100) - 50; break;
			case 2: e = (long)rnd(10000) - 5000; break;
			default: e = (long)rnd(660) - 330 - ndig; break;
			}
			p += sprintf(p, "%c%ld", rnd(2) ? 'e' : 'E', e);
		}
		*p = 0;
		check_all(input);
	}
}

static void run_junk(long n)
{
	static const char alphabet[] = "0123456789012345.....eeEE++--xXpP"
				       "abcdefinityINFnan()_ \t";
	char buf[64];
	for (long i = 0; i < n; i++) {
		int len = (int)rnd(24);
		for (int j = 0; j < len; j++)
			buf[j] = alphabet[rnd(sizeof alphabet - 1)];
		buf[len] = 0;
		check_all(buf);
	}
}

int main(void)
{
	run_fixed();
	run_glibc_hex_underflow_bug();
	run_printed(h_iterations(100000));
	run_halfway(h_iterations(20000), h_iterations(20000),
		    h_iterations(2000));
	run_digit_strings(h_iterations(120000));
	run_junk(h_iterations(200000));
	return h_report("test_strtod");
}
