#!/usr/bin/env python3
"""Reads an .xlsx the app wrote with openpyxl, a reader that shares no code with it, and
prints what a spreadsheet would see as JSON: each sheet's name, frozen pane, filter, column
widths and the cells of its first rows (value, openpyxl's data type and number format).

    python3 scripts/read-workbook.py target/workbook-fixture.xlsx [ROWS]

scripts/check-workbook.py checks the fixture workbook against the same reading."""
import datetime
import json
import sys

import openpyxl


def read(path, rows=10):
    workbook = openpyxl.load_workbook(path)
    return {
        "openpyxl": openpyxl.__version__,
        "title": workbook.properties.title,
        "created": workbook.properties.created,
        "sheets": [read_sheet(sheet, rows) for sheet in workbook.worksheets],
    }


def read_sheet(sheet, rows):
    return {
        "name": sheet.title,
        "freeze_panes": sheet.freeze_panes,
        "auto_filter": sheet.auto_filter.ref,
        "column_widths": {
            letter: dimension.width
            for letter, dimension in sorted(sheet.column_dimensions.items())
            if dimension.customWidth
        },
        "cells": [
            {
                "ref": cell.coordinate,
                "value": cell.value,
                "data_type": cell.data_type,
                "number_format": cell.number_format,
            }
            for row in sheet.iter_rows(min_row=1, max_row=min(sheet.max_row, rows))
            for cell in row
            if cell.value is not None
        ],
    }


def plain(value):
    if isinstance(value, (datetime.date, datetime.datetime)):
        return value.isoformat()
    raise TypeError(f"cannot show {type(value).__name__} as JSON")


def main():
    if len(sys.argv) not in (2, 3):
        sys.exit("usage: read-workbook.py PATH.xlsx [ROWS]")
    rows = int(sys.argv[2]) if len(sys.argv) == 3 else 10
    print(json.dumps(read(sys.argv[1], rows), default=plain, ensure_ascii=False, indent=2))


if __name__ == "__main__":
    main()
