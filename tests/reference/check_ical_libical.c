/* Reads hug-onboard's iCalendar export with libical (the C library behind Evolution and many
 * servers) and runs its strict RFC 5545/5546 restriction check.
 *
 * Usage: check_ical_libical FILE.ics EXPECTED_EVENTS EXPECTED_NAME
 * Checks: the file parses into one VCALENDAR without parser errors (X-LIC-ERROR),
 * icalrestriction_check() accepts it (the per-METHOD property rules; without METHOD the
 * plain RFC 5545 rules), it holds EXPECTED_EVENTS VEVENTs, and both calendar-name
 * properties (NAME, RFC 7986, and X-WR-CALNAME) read back as EXPECTED_NAME, unescaped.
 * Prints `libical: N passed, 0 failed` on success; exits non-zero with the reason otherwise.
 * Built and run by hug-onboard-core/tests/ical_python.rs (cc ... $(pkg-config --libs libical)).
 */
#include <libical/ical.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int fail(const char *what, const char *detail) {
    fprintf(stderr, "libical check failed: %s%s%s\n", what, detail ? ": " : "", detail ? detail : "");
    return 1;
}

static char *slurp(const char *path) {
    FILE *f = fopen(path, "rb");
    if (!f) return NULL;
    if (fseek(f, 0, SEEK_END) != 0) { fclose(f); return NULL; }
    long n = ftell(f);
    if (n < 0 || fseek(f, 0, SEEK_SET) != 0) { fclose(f); return NULL; }
    char *buf = malloc((size_t)n + 1);
    if (!buf) { fclose(f); return NULL; }
    size_t got = fread(buf, 1, (size_t)n, f);
    fclose(f);
    buf[got] = '\0';
    return buf;
}

/* The TEXT value of a property as libical decodes it (escapes removed). */
static const char *text_of(icalproperty *p) {
    icalvalue *v = icalproperty_get_value(p);
    if (!v) return NULL;
    if (icalvalue_isa(v) == ICAL_TEXT_VALUE) return icalvalue_get_text(v);
    if (icalvalue_isa(v) == ICAL_X_VALUE) return icalvalue_get_x(v);
    return NULL;
}

int main(int argc, char **argv) {
    if (argc != 4) {
        fprintf(stderr, "usage: %s FILE.ics EXPECTED_EVENTS EXPECTED_NAME\n", argv[0]);
        return 2;
    }
    int want_events = atoi(argv[2]);
    const char *want_name = argv[3];
    char *text = slurp(argv[1]);
    if (!text) return fail("cannot read", argv[1]);

    icalcomponent *cal = icalparser_parse_string(text);
    free(text);
    if (!cal || icalcomponent_isa(cal) != ICAL_VCALENDAR_COMPONENT) return fail("not one VCALENDAR", NULL);
    int checks = 0;

    int parse_errors = icalcomponent_count_errors(cal);
    if (parse_errors != 0) {
        icalcomponent_strip_errors(cal);
        return fail("parser errors (X-LIC-ERROR)", NULL);
    }
    checks++;

    int valid = icalrestriction_check(cal);
    if (!valid || icalcomponent_count_errors(cal) != 0) {
        /* Print every error libical attached, then fail. */
        for (icalcomponent *c = cal; c; c = NULL) {
            for (icalproperty *p = icalcomponent_get_first_property(c, ICAL_XLICERROR_PROPERTY); p;
                 p = icalcomponent_get_next_property(c, ICAL_XLICERROR_PROPERTY))
                fprintf(stderr, "  VCALENDAR: %s\n", icalproperty_get_xlicerror(p));
            for (icalcomponent *e = icalcomponent_get_first_component(c, ICAL_ANY_COMPONENT); e;
                 e = icalcomponent_get_next_component(c, ICAL_ANY_COMPONENT))
                for (icalproperty *p = icalcomponent_get_first_property(e, ICAL_XLICERROR_PROPERTY); p;
                     p = icalcomponent_get_next_property(e, ICAL_XLICERROR_PROPERTY))
                    fprintf(stderr, "  %s: %s\n", icalcomponent_kind_to_string(icalcomponent_isa(e)),
                            icalproperty_get_xlicerror(p));
        }
        return fail("icalrestriction_check rejects the calendar", NULL);
    }
    checks++;

    int events = icalcomponent_count_components(cal, ICAL_VEVENT_COMPONENT);
    if (events != want_events) {
        char msg[64];
        snprintf(msg, sizeof msg, "%d, expected %d", events, want_events);
        return fail("VEVENT count", msg);
    }
    checks++;

    int names = 0;
    for (icalproperty *p = icalcomponent_get_first_property(cal, ICAL_ANY_PROPERTY); p;
         p = icalcomponent_get_next_property(cal, ICAL_ANY_PROPERTY)) {
        const char *pname = icalproperty_get_property_name(p);
        if (!pname || (strcmp(pname, "NAME") != 0 && strcmp(pname, "X-WR-CALNAME") != 0)) continue;
        const char *got = text_of(p);
        if (!got || strcmp(got, want_name) != 0) {
            fprintf(stderr, "  %s reads as [%s], typed [%s]\n", pname, got ? got : "(not TEXT)", want_name);
            return fail("calendar name not shown as typed", pname);
        }
        names++;
    }
    if (names != 2) return fail("expected NAME and X-WR-CALNAME", NULL);
    checks++;

    icalcomponent_free(cal);
    printf("libical: %d passed, 0 failed\n", checks);
    return 0;
}
