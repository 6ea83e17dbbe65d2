#!/usr/bin/env python3
"""Checks `mdr consolidate`'s Parquet tables as DuckDB reads them, against the CSV reports
of the same run: figures DuckDB works out from the raw rows (members, activities,
evaluations, plans, outcomes) must be the figures the domain wrote in the CSVs. Every
table must also carry its name and the schema version in its key-value metadata. Ends
with one line for scripts/test.sh's summary.

    python3 scripts/check-parquet.py OUT   (the --out folder of a run)"""
import csv
import pathlib
import re
import sys

import duckdb

SCHEMA_VERSION = "1"
TABLES = [
    "members",
    "activities",
    "evaluations",
    "survey_answers",
    "plan_needs",
    "requested_courses",
    "courses",
    "outcomes",
]

out = pathlib.Path(sys.argv[1])
db = duckdb.connect()
for table in TABLES:
    db.execute(
        f"CREATE VIEW {table} AS SELECT * FROM read_parquet('{out / (table + '.parquet')}')"
    ).fetchall()

failures = []
passed = 0


def check(what, got, expected):
    global passed
    if got == expected:
        passed += 1
    else:
        failures.append(f"{what}: expected {expected!r}, got {got!r}")


def rows(sql, *params):
    return db.execute(sql, list(params)).fetchall()


def report(name):
    with open(out / name, encoding="utf-8-sig", newline="") as f:
        return list(csv.reader(f))


def hours(text):
    """The CSVs' hours (`21.75`, `0.33`) as hundredths of an hour."""
    whole, _, part = text.partition(".")
    return int(whole) * 100 + int((part + "00")[:2])


def hundredths(minutes):
    """Minutes as the CSVs round them: whole hours, then the rest to the nearest hundredth."""
    return minutes // 60 * 100 + ((minutes % 60) * 100 * 2 + 60) // 120


# Every file names its table and the shape of its columns.
metadata = rows(
    "SELECT file_name, decode(key), decode(value) FROM parquet_kv_metadata(?)",
    str(out / "*.parquet"),
)
for table in TABLES:
    kv = {k: v for f, k, v in metadata if pathlib.Path(f).stem == table}
    check(f"{table}: metadata", (kv.get("mdr.table"), kv.get("mdr.schema_version")), (table, SCHEMA_VERSION))

def by_council(name):
    """A CSV report's rows, council by council: its header and rows without the *Council*
    column a run of several councils' files gives every report, by council; a run of one
    council's files has no such column, and its one group is every council's (None)."""
    header, *lines = report(name)
    if header[0] != "Council":
        return header, {None: lines}
    groups = {}
    for line in lines:
        groups.setdefault(line[0], []).append(line[1:])
    return header[1:], groups


def of(council, sql):
    """`sql`'s rows for one council's members: `{council}` in it becomes a condition on the
    council, true of every row when the reports have no *Council* column; `$first` and
    `$last` are the municipal year's first and last days."""
    sql = sql.replace("{council}", "($council IS NULL OR council = $council)")
    values = {"council": council, "first": first, "last": last}
    return db.execute(sql, {k: v for k, v in values.items() if f"${k}" in sql}).fetchall()


# Hours per member: the Total line, from the activities completed in the municipal year
# the header names (2026/27 runs from 1 May 2026 to 30 April 2027); each council's
# members have their own lines and Total line.
hours_header, hours_groups = by_council("hours-per-member.csv")
label = re.search(r"(\d{4})/\d\d", hours_header[2]).group(1)
first, last = f"{label}-05-01", f"{int(label) + 1}-04-30"
completed_in_year = """
    SELECT member_id, count(*) AS completed, sum(minutes) AS minutes,
           count(*) FILTER (WHERE minutes = 0) AS without_hours
    FROM activities
    WHERE status = 'completed' AND completed_on BETWEEN CAST($first AS DATE) AND CAST($last AS DATE)
      AND {council}
    GROUP BY member_id"""
audit_header, audit_groups = by_council("training-audit.csv")
ward = audit_header.index("Ward or division")
evaluation_header, evaluation_groups = by_council("course-evaluation.csv")
needs_header, needs_groups = by_council("needs-analysis.csv")
(councils,), = rows("SELECT count(DISTINCT council) FROM members")
check("members: a council for each the reports name", councils, len(hours_groups))
for council, hours_csv in hours_groups.items():
    at = f" ({council})" if council else ""
    total = hours_csv[-1]
    check(f"hours-per-member{at}: the Total line", total[0], "Total")
    (completed, minutes, without_hours), = of(
        council, f"SELECT sum(completed), sum(minutes), sum(without_hours) FROM ({completed_in_year})"
    )
    check(f"hours-per-member{at}: activities completed in the year", completed, int(total[2]))
    check(f"hours-per-member{at}: hours in the year", hundredths(minutes), hours(total[3]))
    check(f"hours-per-member{at}: completed with no hours given", without_hours, int(total[4]))
    (all_minutes,), = of(
        council,
        "SELECT sum(minutes) FROM activities WHERE status = 'completed' AND completed_on IS NOT NULL AND {council}",
    )
    check(f"hours-per-member{at}: hours in all", hundredths(all_minutes), hours(total[5]))

    # ... and each member's line, by name (the fixture's names are all different).
    per_member = {
        name: (completed, hundredths(minutes))
        for name, completed, minutes in of(
            council,
            f"""SELECT m.full_name, coalesce(h.completed, 0), coalesce(h.minutes, 0)
                FROM (SELECT * FROM members WHERE {{council}}) m
                LEFT JOIN ({completed_in_year.replace("{council}", "TRUE")}) h USING (member_id)""",
        )
    }
    check(
        f"hours-per-member{at}: each member's line",
        per_member,
        {r[0]: (int(r[2]), hours(r[3])) for r in hours_csv[:-1]},
    )

    # The members: as many as the training audit names, and as hours-per-member counts.
    audit = audit_groups.get(council, [])
    (members,), = of(council, "SELECT count(*) FROM members WHERE {council}")
    check(f"members{at}: the training audit's members", members, len({(r[0], r[ward]) for r in audit}))
    check(f"members{at}: hours-per-member's count", f"{members} members", total[1])
    # The audit has a line for each activity, and one for a member with none.
    (audit_lines,), = of(
        council,
        """SELECT count(a.activity_id) + count(*) FILTER (WHERE a.activity_id IS NULL)
           FROM (SELECT * FROM members WHERE {council}) m LEFT JOIN activities a USING (member_id)""",
    )
    check(f"activities{at}: the training audit's lines", audit_lines, len(audit))

    # Course evaluation: responses, average rating and share who would recommend, by course.
    evaluation = {
        course: (responses, f"{rating:.1f}", f"{recommend:.0f}")
        for course, responses, rating, recommend in of(
            council,
            """SELECT title, count(*), avg(rating), 100.0 * avg(CAST(would_recommend AS INT))
               FROM evaluations WHERE {council} GROUP BY title""",
        )
    }
    check(
        f"course-evaluation{at}: responses, rating and recommend by course",
        evaluation,
        {r[0]: (int(r[1]), r[2], r[4]) for r in evaluation_groups.get(council, [])},
    )

    # Needs analysis: members asking for each topic in their latest plan, where the report
    # counts plans only (the fixture's members answer no training-needs survey).
    plans_asking = dict(
        of(
            council,
            """WITH latest AS (
                 SELECT member_id, max(plan_year) AS plan_year FROM (
                   SELECT member_id, plan_year FROM plan_needs WHERE {council}
                   UNION ALL SELECT member_id, plan_year FROM requested_courses WHERE {council})
                 GROUP BY member_id),
               asked AS (
                 SELECT member_id, plan_year, need AS topic FROM plan_needs
                 UNION ALL SELECT member_id, plan_year, title FROM requested_courses)
               SELECT lower(trim(topic)), count(DISTINCT member_id)
               FROM asked JOIN latest USING (member_id, plan_year) GROUP BY 1""",
        )
    )
    needs = [
        r for r in needs_groups.get(council, []) if r[2].startswith("plans:") and "survey" not in r[2]
    ]
    check(
        f"needs-analysis{at}: members asking, from plans",
        {r[0].strip().lower(): int(r[1]) for r in needs},
        {topic: n for topic, n in plans_asking.items() if topic in {r[0].strip().lower() for r in needs}},
    )
    check(f"needs-analysis{at}: every topic asked for is in the report", len(needs), len(plans_asking))

# Outcomes: each file, with the outcome outcomes.csv gives it.
check(
    "outcomes: each file's outcome",
    dict(rows("SELECT file, outcome FROM outcomes")),
    {r[0]: r[1].lower() for r in report("outcomes.csv")[1:]},
)

# A Welsh name with its accents, and dates as dates.
check("members: a Welsh name", rows("SELECT count(*) FROM members WHERE full_name = 'Cllr Siân Llŷr'"), [(1,)])
check(
    "activities: completed_on is a DATE",
    rows("SELECT typeof(completed_on) FROM activities LIMIT 1"),
    [("DATE",)],
)

for failure in failures:
    print("FAIL", failure)
print(f"parquet: {passed} checks passed, {len(failures)} failed (duckdb {duckdb.__version__})")
sys.exit(1 if failures else 0)
