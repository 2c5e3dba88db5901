#!/usr/bin/env python3
"""Copies and converts the reference data Wake ships from shared/data.

Usage: make_reference.py SHARED_DATA_DIR RESOURCES_DIR

- tables/*.csv and ports/wpi_ports.csv are copied unchanged;
- ports/unlocode_seaports.csv keeps only the rows that have UNECE coordinates
  (the app's nearest-port index needs a position) and the columns it uses;
- flags/*.svg: every flag named by the ISO 3166 or MID tables, plus xx.svg.
"""
import csv
import os
import shutil
import sys


def main(src, dst):
    for name in ["mid_flag_states.csv", "iso3166-1.csv", "ais_ship_types.csv", "ais_nav_status.csv"]:
        shutil.copyfile(os.path.join(src, "tables", name), os.path.join(dst, "tables", name))
    shutil.copyfile(os.path.join(src, "ports", "wpi_ports.csv"), os.path.join(dst, "ports", "wpi_ports.csv"))

    with open(os.path.join(src, "ports", "unlocode_seaports.csv"), encoding="utf-8") as f_in, \
            open(os.path.join(dst, "ports", "unlocode_seaports.csv"), "w", encoding="utf-8", newline="") as f_out:
        w = csv.writer(f_out, lineterminator="\n")
        w.writerow(["locode", "country", "name", "subdivision", "lat", "lon"])
        for row in csv.DictReader(f_in):
            if row["lat"] and row["lon"]:
                w.writerow([row["locode"], row["country"], row["name"], row["subdivision"], row["lat"], row["lon"]])

    wanted = {"xx.svg"}
    for table, column in [("iso3166-1.csv", "flag_svg"), ("mid_flag_states.csv", "flag_svg")]:
        with open(os.path.join(src, "tables", table), encoding="utf-8") as f:
            wanted |= {row[column] for row in csv.DictReader(f) if row[column]}
    for name in sorted(wanted):
        shutil.copyfile(os.path.join(src, "flags", "4x3", name), os.path.join(dst, "flags", name))
    with open(os.path.join(dst, "flags.qrc"), "w", encoding="utf-8") as f:
        f.write('<!DOCTYPE RCC>\n<!-- Written by tools/make_reference.py: one entry per shipped flag. -->\n')
        f.write('<RCC version="1.0">\n  <qresource prefix="/wake">\n')
        for name in sorted(wanted):
            f.write(f"    <file>flags/{name}</file>\n")
        f.write("  </qresource>\n</RCC>\n")
    for lic in ["tables/LICENSE-i18n-iso-countries.txt", "tables/LICENSE-gpsd-BSD-2-Clause.txt",
                "flags/LICENSE-flag-icons.txt"]:
        shutil.copyfile(os.path.join(src, lic), os.path.join(dst, lic))


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
