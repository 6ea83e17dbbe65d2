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

# Hours per member: the Total line, from the activities completed in the municipal year
# the header names (2026/27 runs from 1 May 2026 to 30 April 2027).
hours_csv = report("hours-per-member.csv")
label = re.search(r"(\d{4})/\d\d", hours_csv[0][2]).group(1)
first, last = f"{label}-05-01", f"{int(label) + 1}-04-30"
completed_in_year = """
    SELECT member_id, count(*) AS completed, sum(minutes) AS minutes,
           count(*) FILTER (WHERE minutes = 0) AS without_hours
    FROM activities
    WHERE status = 'completed' AND completed_on BETWEEN CAST(? AS DATE) AND CAST(? AS DATE)
    GROUP BY member_id"""
total = hours_csv[-1]
check("hours-per-member: the Total line", total[0], "Total")
(completed, minutes, without_hours), = rows(
    f"SELECT sum(completed), sum(minutes), sum(without_hours) FROM ({completed_in_year})", first, last
)
check("hours-per-member: activities completed in the year", completed, int(total[2]))
check("hours-per-member: hours in the year", hundredths(minutes), hours(total[3]))
check("hours-per-member: completed with no hours given", without_hours, int(total[4]))
(all_minutes,), = rows("SELECT sum(minutes) FROM activities WHERE status = 'completed' AND completed_on IS NOT NULL")
check("hours-per-member: hours in all", hundredths(all_minutes), hours(total[5]))

# ... and each member's line, by name (the fixture's names are all different).
per_member = {
    name: (completed, hundredths(minutes))
    for name, completed, minutes in rows(
        f"""SELECT m.full_name, coalesce(h.completed, 0), coalesce(h.minutes, 0)
            FROM members m LEFT JOIN ({completed_in_year}) h USING (member_id)""",
        first,
        last,
    )
}
check(
    "hours-per-member: each member's line",
    per_member,
    {r[0]: (int(r[2]), hours(r[3])) for r in hours_csv[1:-1]},
)

# The members: as many as the training audit names, and as hours-per-member counts.
audit = report("training-audit.csv")
(members,), = rows("SELECT count(*) FROM members")
check("members: the training audit's members", members, len({(r[0], r[1]) for r in audit[1:]}))
check("members: hours-per-member's count", f"{members} members", total[1])
# The audit has a line for each activity, and one for a member with none.
(audit_lines,), = rows(
    """SELECT count(a.activity_id) + count(*) FILTER (WHERE a.activity_id IS NULL)
       FROM members m LEFT JOIN activities a USING (member_id)"""
)
check("activities: the training audit's lines", audit_lines, len(audit) - 1)

# Course evaluation: responses, average rating and share who would recommend, by course.
evaluation = {
    course: (responses, f"{rating:.1f}", f"{recommend:.0f}")
    for course, responses, rating, recommend in rows(
        """SELECT title, count(*), avg(rating), 100.0 * avg(CAST(would_recommend AS INT))
           FROM evaluations GROUP BY title"""
    )
}
check(
    "course-evaluation: responses, rating and recommend by course",
    evaluation,
    {r[0]: (int(r[1]), r[2], r[4]) for r in report("course-evaluation.csv")[1:]},
)

# Needs analysis: members asking for each topic in their latest plan, where the report
# counts plans only (the fixture's members answer no training-needs survey).
plans_asking = dict(
    rows(
        """WITH latest AS (
             SELECT member_id, max(plan_year) AS plan_year FROM (
               SELECT member_id, plan_year FROM plan_needs
               UNION ALL SELECT member_id, plan_year FROM requested_courses)
             GROUP BY member_id),
           asked AS (
             SELECT member_id, plan_year, need AS topic FROM plan_needs
             UNION ALL SELECT member_id, plan_year, title FROM requested_courses)
           SELECT lower(trim(topic)), count(DISTINCT member_id)
           FROM asked JOIN latest USING (member_id, plan_year) GROUP BY 1"""
    )
)
needs = [r for r in report("needs-analysis.csv")[1:] if r[2].startswith("plans:") and "survey" not in r[2]]
check(
    "needs-analysis: members asking, from plans",
    {r[0].strip().lower(): int(r[1]) for r in needs},
    {topic: n for topic, n in plans_asking.items() if topic in {r[0].strip().lower() for r in needs}},
)
check("needs-analysis: every topic asked for is in the report", len(needs), len(plans_asking))

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
