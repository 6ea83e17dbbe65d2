#!/usr/bin/env python3
"""Checks the fixture workbook (crates/workbook/examples/fixture.rs) as openpyxl reads it:
the sheet names Excel needs, dates as dates in dd/mm/yyyy, money as numbers in £, text
that looks like a formula kept as text, the header frozen and filtered, and the sentence
an empty report shows. Ends with one line for scripts/test.sh's summary.

    python3 scripts/check-workbook.py target/workbook-fixture.xlsx"""
import datetime
import importlib.util
import pathlib
import sys

spec = importlib.util.spec_from_file_location(
    "read_workbook", pathlib.Path(__file__).with_name("read-workbook.py")
)
read_workbook = importlib.util.module_from_spec(spec)
spec.loader.exec_module(read_workbook)

MONEY = '"£"#,##0.00'
failures = []
passed = 0


def check(what, got, expected):
    global passed
    if got == expected:
        passed += 1
    else:
        failures.append(f"{what}: expected {expected!r}, got {got!r}")


def main():
    if len(sys.argv) != 2:
        sys.exit("usage: check-workbook.py PATH.xlsx")
    book = read_workbook.read(sys.argv[1])
    sheets = {sheet["name"]: sheet for sheet in book["sheets"]}
    cells = {
        name: {cell["ref"]: cell for cell in sheet["cells"]} for name, sheet in sheets.items()
    }

    def cell(sheet, ref):
        found = cells.get(sheet, {}).get(ref, {})
        return found.get("value"), found.get("data_type"), found.get("number_format")

    check("title", book["title"], "Member development reports, Wyre Council")
    check("created", book["created"], datetime.datetime(2025, 6, 30, 9, 15))
    check(
        "sheet names: a clash numbered, a long name cut between words",
        [sheet["name"] for sheet in book["sheets"]],
        ["Training audit", "training audit (2)", "Spend against budget- 2025-26"],
    )
    check("no sheet name over 31", [n for n in sheets if len(n.encode("utf-16-le")) > 62], [])

    audit = "Training audit"
    check("frozen pane", sheets[audit]["freeze_panes"], "A2")
    check("filter over header and data", sheets[audit]["auto_filter"], "A1:F3")
    check("Welsh name", cell(audit, "A2"), ("Siân Wyn Llŷr-Jones", "s", "General"))
    check(
        "formula-looking name is text",
        cell(audit, "A3"),
        ('=HYPERLINK("https://example.com","Click me")', "s", "General"),
    )
    check(
        "date is a date in dd/mm/yyyy",
        cell(audit, "B2"),
        (datetime.datetime(2025, 3, 14), "d", "dd/mm/yyyy"),
    )
    check("money in pounds", cell(audit, "C2"), (1234.56, "n", MONEY))
    check("money over budget", cell(audit, "C3"), (-12.5, "n", MONEY))
    check("count", cell(audit, "D2"), (12, "n", "0"))
    check("hours", cell(audit, "E2"), (2.5, "n", "0.0"))
    check("share as a fraction", cell(audit, "F2"), (0.75, "n", "0%"))
    widths = sheets[audit]["column_widths"]
    check("every column fitted", sorted(widths), list("ABCDEF"))
    # "£1,234.56" is nine characters: narrower, Excel would show ####.
    check("money column fits £1,234.56", widths.get("C", 0) >= 9, True)
    check("long text column capped", 30 < widths.get("A", 0) < 45, True)

    check("clashing sheet's text", cell("training audit (2)", "A2"), ("+44 1253 887700", "s", "General"))

    empty = "Spend against budget- 2025-26"
    check("empty report's headings", [cell(empty, "A1")[0], cell(empty, "B1")[0]], ["Course", "Spent"])
    check("empty report's sentence", cell(empty, "A2")[0], "Nothing has been spent this year.")
    check("empty report frozen", sheets[empty]["freeze_panes"], "A2")
    check("empty report's filter over its headings", sheets[empty]["auto_filter"], "A1:B1")

    for failure in failures:
        print(f"FAILED {failure}")
    if failures:
        print(f"workbook: {len(failures)} of {passed + len(failures)} checks failed (openpyxl {book['openpyxl']})")
        sys.exit(1)
    print(f"workbook: {passed} checks passed (openpyxl {book['openpyxl']})")


if __name__ == "__main__":
    main()
